#!/usr/bin/env bash
# Load test of the vote endpoint: starts `newsletter serve` on 127.0.0.1 over a seeded workspace, drives it with
# wrk (Debian package `wrk`) POSTing signed votes, stops serve by its PID and prints votes/s, latency and whether
# every acknowledged vote (HTTP 200) is a row in the database.
#   bash tests/Newsletter.Benchmarks/Votes/run.sh
#   SERVERS=2 bash tests/Newsletter.Benchmarks/Votes/run.sh      # two serve processes on one PostgreSQL database
# Knobs (environment): SUBSCRIBERS=20000 DURATION=10s WARMUP=15s CONNECTIONS=16 THREADS=2 SERVER_GC=1 (serve runs
# with DOTNET_gcServer=1, the setting recommended for serve in production; SERVER_GC=0 measures the workstation GC).
# SERVERS=2 starts a throwaway PostgreSQL cluster (Debian's postgresql, initdb as the unprivileged 'postgres' user,
# durable settings) on a free port, migrates it with `newsletter db migrate`, starts two serve processes on it and
# one wrk per server, each with half the connections and threads and its own share of the requests; the figures
# are summed, and the p99 is that of both servers' requests pooled. STORE=postgres runs one server on PostgreSQL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
subscribers=${SUBSCRIBERS:-20000}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
server_gc=${SERVER_GC:-1}
threads=${THREADS:-2}
servers=${SERVERS:-1}
store=${STORE:-$([ "$servers" -gt 1 ] && echo postgres || echo sqlite)}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ "$servers" -ge 1 ] || { echo "SERVERS must be 1 or more" >&2; exit 2; }
[ "$servers" -eq 1 ] || [ "$store" = postgres ] || { echo "several servers share only a PostgreSQL database (STORE=postgres)" >&2; exit 2; }
if [ "$store" = postgres ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL missing: apt-get install -y postgresql" >&2; exit 2; }
fi

dotnet build "$repo/src/Newsletter.Cli" -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=(dotnet "$repo/src/Newsletter.Cli/bin/Release/net10.0/Newsletter.Cli.dll")
work=$(mktemp -d /tmp/newsletter-bench-XXXXXX)
serve_pids=()
pg_pid=""
cleanup() {
  for pid in "${serve_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  # SIGINT: PostgreSQL's fast shutdown.
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then kill -INT "$pg_pid"; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# A throwaway key for this run only, so no real workspace key is read or written.
export XDG_CONFIG_HOME="$work/.config"
NEWSLETTER_SIGNING_KEY=$(head -c 32 /dev/urandom | base64)
export NEWSLETTER_SIGNING_KEY
urls=()
for _ in $(seq "$servers"); do urls+=("http://127.0.0.1:$(free_port)"); done

if [ "$store" = postgres ]; then
  # The cluster: owned by the unprivileged user, password login on 127.0.0.1 only, fsync and synchronous commits on.
  # The server user may pass through the run folder (not list it) to reach its own.
  chmod 711 "$work"
  mkdir -p "$work/pg" && chown postgres "$work/pg" && chmod 700 "$work/pg"
  PGPASSWORD="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export PGPASSWORD
  echo "$PGPASSWORD" > "$work/pg/pw" && chown postgres "$work/pg/pw"
  setpriv --reuid postgres --regid postgres --init-groups "$pg_bin/initdb" -D "$work/pg/data" -U bench --pwfile="$work/pg/pw" \
    -A scram-sha-256 -E UTF8 --locale C.UTF-8 >/dev/null
  rm "$work/pg/pw"
  pg_port=$(free_port)
  setpriv --reuid postgres --regid postgres --init-groups "$pg_bin/postgres" -D "$work/pg/data" -p "$pg_port" -k "$work/pg" \
    -c listen_addresses=127.0.0.1 -c max_connections=200 >"$work/pg/log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 60); do psql -h 127.0.0.1 -p "$pg_port" -U bench -d postgres -qAtc 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
  psql -h 127.0.0.1 -p "$pg_port" -U bench -d postgres -qc 'CREATE DATABASE newsletter'
  database="postgres://bench@127.0.0.1:$pg_port/newsletter"
else
  database="newsletter.db"
fi

cd "$work"
"${cli[@]}" init . >/dev/null
/usr/bin/python3 - "${urls[0]}" "$database" <<'PY'
import json, sys
config = json.load(open("newsletter.json"))
config.update(baseUrl=sys.argv[1], rateLimitPerMinute=0, database=sys.argv[2])   # one client address sends everything here
json.dump(config, open("newsletter.json", "w"))
PY
[ "$store" = postgres ] && "${cli[@]}" db migrate >/dev/null
issue_file=$(ls issues/*.md | head -1)
"${cli[@]}" send "$issue_file" >/dev/null          # records the issue (nobody is subscribed yet)
query() { # SQL: one number from the workspace's database
  if [ "$store" = postgres ]; then psql "$database" -qAtc "$1"
  else /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect("newsletter.db").execute(sys.argv[1]).fetchone()[0])' "$1"; fi
}
issue_id=$(query "SELECT max(id) FROM issues")
/usr/bin/python3 "$here/seed.py" "$database" "$issue_id" "$subscribers" "$NEWSLETTER_SIGNING_KEY" requests.txt

for i in "${!urls[@]}"; do
  DOTNET_gcServer=$server_gc "${cli[@]}" serve --urls "${urls[$i]}" >"serve$i.log" 2>&1 &
  serve_pids+=($!)
done
for url in "${urls[@]}"; do
  for _ in $(seq 100); do curl -fs "$url/" >/dev/null 2>&1 && break; sleep 0.1; done
done

count_rows() { query "SELECT count(*) FROM vote_history"; }
part_connections=$(( connections / servers )); part_threads=$(( threads / servers )); [ "$part_threads" -ge 1 ] || part_threads=1
# One wrk per server, all at once; wrk I of N starts in its own share of the requests. OUT_PREFIX empty: discard.
drive() { # DURATION OUT_PREFIX [--latency]
  local pids=() i out
  for i in "${!urls[@]}"; do
    out=/dev/null; [ -z "$2" ] || out="$2$i.txt"
    wrk -t"$part_threads" -c"$part_connections" -d"$1" ${3:-} -s "$here/votes.lua" "${urls[$i]}" -- \
      "$work/requests.txt" "$part_threads" "$i" "$servers" >"$out" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
}
# A warm-up first, not counted: on a busy 2-core machine tiered JIT recompilation still takes a quarter of
# serve's CPU 10 s in (measured with perf), so 15 s by default (WARMUP=...); then the measured run.
drive "${WARMUP:-15s}" ""
sleep 1
before=$(count_rows)
load=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_ticks() { local pid total=0; for pid in "${serve_pids[@]}"; do total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") )); done; echo "$total"; }
cpu_before=$(cpu_ticks)
drive "$duration" wrk --latency
cpu_used=$(( $(cpu_ticks) - cpu_before ))
for i in "${!urls[@]}"; do
  [ "$servers" -gt 1 ] && echo "---- server $((i + 1)) of $servers: ${urls[$i]}"
  grep -v '^quantiles_us' "wrk$i.txt"
done
for pid in "${serve_pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
serve_pids=()

rows=$(( $(count_rows) - before ))
# Sums over the servers' wrk runs; the p99 of all their requests together, from each run's distribution weighted
# by its request count.
read -r acknowledged seconds p99 non2xx < <(/usr/bin/python3 - wrk*.txt <<'PY'
import re, sys
acknowledged, seconds, non2xx, points = 0, 0.0, 0, []
for path in sys.argv[1:]:
    text = open(path).read()
    ack = int(re.search(r"^acknowledged_votes (\d+)", text, re.M).group(1))
    acknowledged += ack
    seconds = max(seconds, float(re.search(r"requests in ([\d.]+)s", text).group(1)))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    non2xx += int(m.group(1)) if m else 0
    total = int(re.search(r"(\d+) requests in", text).group(1))
    quantiles = [int(q) for q in re.search(r"^quantiles_us (.*)$", text, re.M).group(1).split()]
    points += [(q, total / len(quantiles)) for q in quantiles]
points.sort()
weight, cumulative, p99 = sum(w for _, w in points), 0.0, points[-1][0]
for value, w in points:
    cumulative += w
    if cumulative >= 0.99 * weight:
        p99 = value
        break
print(acknowledged, seconds, f"{p99 / 1000:.2f}", non2xx)
PY
)
echo "---- load average before the run: $load; $subscribers subscribers, $connections connections, $threads wrk threads, DOTNET_gcServer=$server_gc"
echo "---- $servers serve process(es) on $store"
echo "acknowledged votes (HTTP 200): $acknowledged in ${seconds}s = $(awk -v a="$acknowledged" -v s="$seconds" 'BEGIN {printf "%.0f", a / s}') votes/s"
echo "recorded votes (rows added to vote_history): $rows in ${seconds}s = $(awk -v a="$rows" -v s="$seconds" 'BEGIN {printf "%.0f", a / s}') votes/s"
echo "p99 latency: ${p99} ms; non-2xx answers: $non2xx"
echo "serve CPU time: $(awk -v t="$cpu_used" -v hz="$(getconf CLK_TCK)" -v a="$acknowledged" 'BEGIN {printf "%.2f s, %.0f us per vote", t / hz, t / hz * 1e6 / a}')"
echo "rows added to vote_history: $rows (acknowledged + votes in flight when wrk stopped, at most $connections)"
if [ "$rows" -ge "$acknowledged" ] && [ "$((rows - acknowledged))" -le "$connections" ]; then
  echo "every acknowledged vote is in the database: yes"
else
  echo "every acknowledged vote is in the database: NO" >&2; exit 1
fi
