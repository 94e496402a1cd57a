#!/usr/bin/env bash
# Delivery benchmark: `newsletter send` of 10,000 personalised ~20 KB messages to Postfix's smtp-sink on 127.0.0.1
# with 1 and 8 connections (and 8 with DKIM signing), nodemailer (pool, 8 connections, prebuilt messages) against
# the same sink, and peak memory of a send to 100,000 subscribers. Prints messages per second and peak RSS. Usage:
#   tests/Newsletter.Benchmarks/Delivery/run.sh [SUBSCRIBERS=10000] [BIG=100000]
# Needs Debian's postfix (smtp-sink), node and npm. Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
count="${1:-10000}"
big="${2:-100000}"
work="$(mktemp -d /tmp/newsletter-delivery-bench.XXXXXX)"
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

command -v smtp-sink >/dev/null || { echo "smtp-sink missing: apt-get install -y postfix" >&2; exit 2; }
# Measured as installed for cron: published for this machine, so the command and its libraries are precompiled.
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish "$repo/src/Newsletter.Cli" -c Release -r "$rid" --self-contained false -o "$work/cli" -v q -nologo >/dev/null
cli="$work/cli/Newsletter.Cli.dll"
export XDG_CONFIG_HOME="$work/.config" DOTNET_NOLOGO=1

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# -u: smtp-sink drops root privileges to this user; 1000: listen backlog.
smtp-sink -u nobody "127.0.0.1:$port" 1000 &
sink_pid=$!
sleep 0.5

# A workspace with N subscribers and an issue whose body is ~20 KB of HTML + text, personalised per subscriber.
make_workspace() { # DIR N CONNECTIONS
  local dir="$1" n="$2" connections="$3"
  dotnet "$cli" init "$dir" >/dev/null
  rm -f "$dir"/issues/*.md
  python3 - "$dir" "$n" "$port" "$connections" <<'PY'
import json, sys, random
d, n, port, conns = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
cfg = json.load(open(f"{d}/newsletter.json"))
cfg["transport"] = f"smtp://127.0.0.1:{port}"
cfg["smtp"] = {"security": "none", "connections": conns}
json.dump(cfg, open(f"{d}/newsletter.json", "w"))
names = ["Ada", "Grace", "Linus", "Barbara", "Edsger", "Margaret", "Ken", "Frances"]
with open(f"{d}/list.csv", "w") as f:
    f.write("email,name\n")
    for i in range(n):
        f.write(f"reader{i}@example.com,{random.choice(names)} Reader{i}\n")
para = ("Resilience is what a system does when the plan fails: it degrades, it retries, it tells you, "
        "{{ subscriber.first_name }}. ") * 3
body = "\n\n".join(f"## Part {k}\n\n{para}\n\n- [a link](https://example.com/{k})" for k in range(14))
open(f"{d}/issues/2026-11-22-bench.md", "w").write(
    "---\ntitle: Benchmark issue\nsubject: \"Hello {{ subscriber.first_name }}\"\n---\n" + body + "\n")
PY
  (cd "$dir" && dotnet "$cli" subscribers import list.csv >/dev/null)
}

# Runs the send under /usr/bin/time; prints the product's own rate line and the peak RSS.
measure_send() { # DIR LABEL
  local dir="$1" label="$2"
  (cd "$dir" && /usr/bin/time -f "%M" -o "$work/rss" dotnet "$cli" send issues/2026-11-22-bench.md > "$work/out" 2>&1) || { cat "$work/out"; return 1; }
  local line rss
  line="$(grep '^Sent ' "$work/out")"
  rss="$(( $(cat "$work/rss") / 1024 ))"
  echo "newsletter $label: $line peak RSS ${rss} MB"
}

for connections in 1 8; do
  make_workspace "$work/c$connections" "$count" "$connections"
  [ "$connections" = 1 ] && (cd "$work/c1" && dotnet "$cli" send --dry-run issues/2026-11-22-bench.md)
  measure_send "$work/c$connections" "$connections connection(s), $count subscribers"
done

# The same send with every message DKIM-signed (a fresh 2048-bit key, outside any repository).
make_workspace "$work/dkim" "$count" 8
openssl genrsa -out "$work/dkim.pem" 2048 2>/dev/null
python3 - "$work/dkim/newsletter.json" "$work/dkim.pem" <<'PY'
import json, sys
cfg = json.load(open(sys.argv[1]))
cfg["dkim"] = {"domain": "example.com", "selector": "bench", "privateKeyFile": sys.argv[2]}
json.dump(cfg, open(sys.argv[1], "w"))
PY
measure_send "$work/dkim" "8 connections, DKIM-signed, $count subscribers"

if [ ! -d "$here/nodemailer/node_modules" ]; then (cd "$here/nodemailer" && npm install --silent --no-audit --no-fund >/dev/null); fi
node "$here/nodemailer/send.js" "$port" "$count"

if [ "$big" -gt 0 ]; then
  make_workspace "$work/big" "$big" 8
  measure_send "$work/big" "8 connections, $big subscribers"
fi
