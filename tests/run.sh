#!/usr/bin/env bash
# Runs every test project once and ends with the line "tests: N passed, M failed".
# Installs the real test peers first when they are missing (Debian's aiosmtpd SMTP server, openssl).
set -uo pipefail
cd "$(dirname "$0")/.."

bash tests/install-peers.sh

log=$(mktemp)
dotnet test Newsletter.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 57, Skipped: 0, Total: 57, ..."
read -r passed failed < <(grep -E '^\s*(Passed|Failed)!? +- Failed: ' "$log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' |
  awk '{p+=$1; f+=$2} END {print p+0, f+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
exit "$status"
