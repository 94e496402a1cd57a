#!/usr/bin/env python3
"""Seeds a benchmark workspace: N subscribers who were all delivered the issue, and one vote request per
subscriber and option (path and form body) for wrk, signed like newsletter's own links.

Usage: seed.py DATABASE ISSUE_ID SUBSCRIBERS KEY_BASE64 REQUESTS_FILE

DATABASE is a SQLite file, or a postgres:// URL that psql reaches (password from PGPASSWORD).

The tokens follow the formats documented in src/Newsletter/Polls/LinkToken.cs and FormToken.cs, so the
benchmark drives the real verification path. Form tokens are dated a minute back: the page was fetched
earlier, so the vote is decided at once (no settle wait), as for a reader whose page has loaded.
"""
import base64, datetime, hashlib, hmac, sqlite3, struct, subprocess, sys, time

def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

def vote_token(key, key_id, issue, subscriber, rating, day):
    payload = bytes([1, key_id, 1]) + varint(issue) + varint(subscriber) + varint(rating) + varint(day)
    return b64url(payload + hmac.new(key, payload, hashlib.sha256).digest()[:16])

def form_token(key, key_id, link, issued_ms):
    header = bytes([1, key_id, 1]) + struct.pack(">q", issued_ms)
    tag = hmac.new(key, b"newsletter-form" + header + link.encode("ascii"), hashlib.sha256).digest()[:16]
    return b64url(header + tag)

def seed_sqlite(database, issue, count, stamp):
    db = sqlite3.connect(database)
    with db:
        db.executemany(
            "INSERT INTO subscribers (email, name, status, source, created_at, status_changed_at) VALUES (?, ?, 'active', 'bench', ?, ?)",
            ((f"reader{i}@bench.example", f"Reader {i}", stamp, stamp) for i in range(count)))
        db.execute(
            "INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at, sent_at) "
            "SELECT ?, id, 'sent', 'bench.' || id || '@bench.example', ?, ? FROM subscribers WHERE source = 'bench'",
            (issue, stamp, stamp))
    return [row[0] for row in db.execute("SELECT id FROM subscribers WHERE source = 'bench' ORDER BY id")]

# The same rows through psql, its variables quoted by psql itself (:'name'), in one transaction.
POSTGRES_SEED = """
BEGIN;
INSERT INTO subscribers (email, name, status, source, created_at, status_changed_at)
SELECT 'reader' || i || '@bench.example', 'Reader ' || i, 'active', 'bench', :'stamp', :'stamp'
FROM generate_series(0, :'count'::int - 1) AS i;
INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at, sent_at)
SELECT :'issue'::bigint, id, 'sent', 'bench.' || id || '@bench.example', :'stamp', :'stamp' FROM subscribers WHERE source = 'bench';
COMMIT;
SELECT id FROM subscribers WHERE source = 'bench' ORDER BY id;
"""

def seed_postgres(url, issue, count, stamp):
    out = subprocess.run(
        ["psql", url, "-qAt", "-v", "ON_ERROR_STOP=1", "-v", f"issue={issue}", "-v", f"count={count}", "-v", f"stamp={stamp}"],
        input=POSTGRES_SEED, capture_output=True, text=True, check=True).stdout
    return [int(line) for line in out.split()]

def main():
    database, issue, count, key_b64, requests_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    key = base64.b64decode(key_b64)
    key_id = hashlib.sha256(key).digest()[0]
    now = datetime.datetime.now(datetime.timezone.utc)
    day = (now - datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)).days
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    seed = seed_postgres if database.startswith(("postgres://", "postgresql://")) else seed_sqlite
    ids = seed(database, issue, count, stamp)
    issued_ms = int(time.time() * 1000) - 60_000
    with open(requests_file, "w") as out:
        for rating in (5, 4, 3, 2, 1):
            for subscriber in ids:
                token = vote_token(key, key_id, issue, subscriber, rating, day)
                out.write(f"/poll/{token} form={form_token(key, key_id, token, issued_ms)}\n")
    print(f"seeded {len(ids)} subscribers, {len(ids) * 5} vote requests")

main()
