#!/usr/bin/env bash
# Installs the real peers the integration tests talk to: Debian's aiosmtpd (an SMTP server, run by the
# tests on 127.0.0.1 with Debian's own /usr/bin/python3), dkimpy (python3-dkim, an independent DKIM verifier),
# openssl (test certificates), chromium (the headless browser that clicks a poll option in the vote test and
# screenshots the default design), Dovecot's IMAP and POP3 servers (the bounce mailbox the fetch tests read,
# run on 127.0.0.1 with their own configuration), and the PostgreSQL server (throwaway clusters the PostgreSQL
# store tests start in a temp folder with Debian's /usr/lib/postgresql/N/bin; the package's own cluster is not used).
set -euo pipefail
need=()
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
/usr/bin/python3 -c 'import dkim' 2>/dev/null || need+=(python3-dkim)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/dovecot/imap ] || need+=(dovecot-imapd)
[ -x /usr/lib/dovecot/pop3 ] || need+=(dovecot-pop3d)
# Debian's server binaries, not whatever initdb or pg_ctl another install put on the PATH.
postgres_found=
for bin in /usr/lib/postgresql/*/bin; do
  [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] && postgres_found=yes
done
[ -n "$postgres_found" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test peers: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
