#!/usr/bin/env bash
# PostgreSQL import benchmark: `newsletter subscribers import` of a generated CSV (the audience benchmark's shape:
# email, name, tags, plan, city; 1,000,000 rows by default) into a fresh PostgreSQL database and, for comparison,
# into a fresh SQLite file. Prints rows per second and peak memory of each. Usage:
#   tests/Newsletter.Benchmarks/Storage/postgres-import.sh [ROWS=1000000]
# Starts its own throwaway cluster (Debian's postgresql, initdb as the unprivileged 'postgres' user) on a free port of
# 127.0.0.1 and stops it by its PID. Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
rows="${1:-1000000}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL missing: apt-get install -y postgresql" >&2; exit 2; }
work="$(mktemp -d /tmp/newsletter-pg-import.XXXXXX)"
pg_pid=""
cleanup() { [ -n "$pg_pid" ] && kill -INT "$pg_pid" 2>/dev/null && sleep 1; rm -rf "$work"; }
trap cleanup EXIT

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish "$repo/src/Newsletter.Cli" -c Release -r "$rid" --self-contained false -o "$work/cli" -v q -nologo >/dev/null
cli="$work/cli/Newsletter.Cli.dll"
export XDG_CONFIG_HOME="$work/.config" DOTNET_NOLOGO=1

python3 - "$work/list.csv" "$rows" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
cities = ["Berlin", "Lisbon", "Osaka", "Quito", "Accra"]
with open(path, "w") as f:
    f.write("email,name,tags,plan,city\n")
    for i in range(n):
        tags = ["rust", "rust", "rust", "rust beginner", "go", "go", "go beginner", "", "", ""][i % 10]
        f.write(f"reader{i}@mail{i % 997}.example,Reader {i},{tags},{'pro' if i % 4 == 0 else 'free'},{cities[i % len(cities)]}\n")
PY

# The cluster: owned by the unprivileged user, password login on 127.0.0.1, durability off as in the tests.
chmod 755 "$work"  # the server user must reach its folder inside
mkdir -p "$work/pg" && chown postgres "$work/pg" && chmod 700 "$work/pg"
password="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "$password" > "$work/pg/pw" && chown postgres "$work/pg/pw"
setpriv --reuid postgres --regid postgres --init-groups "$bin/initdb" -D "$work/pg/data" -U bench --pwfile="$work/pg/pw" -A scram-sha-256 -E UTF8 --locale C.UTF-8 >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
setpriv --reuid postgres --regid postgres --init-groups "$bin/postgres" -D "$work/pg/data" -p "$port" -k "$work/pg" \
  -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$work/pg/log" 2>&1 &
pg_pid=$!
export PGPASSWORD="$password"
for _ in $(seq 1 60); do psql -h 127.0.0.1 -p "$port" -U bench -d postgres -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
psql -h 127.0.0.1 -p "$port" -U bench -d postgres -qc 'create database newsletter'

run() { # NAME DATABASE
  local dir="$work/$1"
  dotnet "$cli" init "$dir" >/dev/null
  (cd "$dir" && NEWSLETTER__DATABASE="$2" dotnet "$cli" db migrate >/dev/null)
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && NEWSLETTER__DATABASE="$2" /usr/bin/time -f "%M" -o "$work/$1.rss" dotnet "$cli" subscribers import "$work/list.csv" >/dev/null)
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]:<10} {int(sys.argv[4]):>9,} rows in {s:6.1f} s: {int(sys.argv[4])/s:>9,.0f} rows/s, peak {int(open(sys.argv[5]).read())/1024:.0f} MB')" \
    "$start" "$end" "$1" "$rows" "$work/$1.rss"
}
run postgres "postgres://bench@127.0.0.1:$port/newsletter"
run sqlite "$work/sqlite/newsletter.db"
