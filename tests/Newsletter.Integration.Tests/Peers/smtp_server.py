"""A real SMTP server for the integration tests, built on Debian's python3-aiosmtpd.

Stores every accepted message byte for byte in a Maildir and appends its envelope to envelopes.jsonl there.
With --faulty, recipients whose local part starts with a fault name get that fault:
  t421-  reply 421 and close the connection      t451-, t452-, t454-, t550-  reply with that code
  drop-  close the connection without a reply    dropfirst-  drop only the first time the address is seen
  data451-  accept the recipient, refuse the content with 451 after DATA
With --refuse-rcpt REPLY, every RCPT TO gets that reply (a relay that refuses us).
Prints "READY <port>" once it accepts connections and runs until killed.
"""
import argparse
import asyncio
import json
import mailbox
import os
import socket
import ssl
import sys
import time

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
except ImportError:
    print("MISSING python3-aiosmtpd: install it with 'apt-get install -y python3-aiosmtpd openssl'", flush=True)
    sys.exit(3)

FAULT_REPLIES = {
    "t451-": "451 4.3.0 Temporary local problem, try again later",
    "t452-": "452 4.5.3 Too many recipients for this hour",
    "t454-": "454 4.7.0 Temporary authentication failure",
    "t550-": "550 5.1.1 No such user here",
}


class Store:
    """Maildir writer that keeps the original bytes (no re-serialisation by the email package)."""

    def __init__(self, path, faulty, refuse_rcpt=None):
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(path, sub), exist_ok=True)
        self.maildir = mailbox.Maildir(path, create=False)
        self.log = os.path.join(path, "envelopes.jsonl")
        self.faulty = faulty
        self.refuse_rcpt = refuse_rcpt
        self.seen = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return self.refuse_rcpt
        if self.faulty:
            local = address.split("@")[0]
            if local.startswith("t421-"):
                asyncio.get_running_loop().call_soon(session_transport(server).close)
                return "421 4.7.0 Too many messages, closing connection"
            if local.startswith("drop-") or (local.startswith("dropfirst-") and address not in self.seen):
                self.seen.add(address)
                session_transport(server).abort()
                return "250 never delivered"
            for prefix, reply in FAULT_REPLIES.items():
                if local.startswith(prefix):
                    return reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.faulty and any(r.split("@")[0].startswith("data451-") for r in envelope.rcpt_tos):
            return "451 4.7.1 Content refused for now"
        key = self.maildir.add(envelope.original_content)
        with open(self.log, "a", encoding="utf-8") as f:
            f.write(json.dumps({
                "key": key,
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "mail_options": envelope.mail_options,
                "size": len(envelope.original_content),
            }) + "\n")
        return "250 2.0.0 Message accepted for delivery"


def session_transport(server):
    return server.transport


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return authenticate


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth", help="user:password; AUTH is then required")
    parser.add_argument("--faulty", action="store_true")
    parser.add_argument("--refuse-rcpt")
    parser.add_argument("--size-limit", type=int, default=33554432)
    args = parser.parse_args()

    kwargs = {"data_size_limit": args.size_limit, "enable_SMTPUTF8": True, "server_hostname": "mx.test.local"}
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    if args.auth:
        user, password = args.auth.split(":", 1)
        kwargs["authenticator"] = make_authenticator(user, password)
        kwargs["auth_required"] = True
        # aiosmtpd only counts STARTTLS as TLS; with implicit TLS every byte is already encrypted.
        kwargs["auth_require_tls"] = not args.implicit_tls
    if context is not None and not args.implicit_tls:
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True

    for attempt in range(5):
        port = free_port()
        controller = Controller(
            Store(args.maildir, args.faulty, args.refuse_rcpt),
            hostname="127.0.0.1",
            port=port,
            ssl_context=context if args.implicit_tls else None,
            **kwargs,
        )
        try:
            controller.start()
            break
        except Exception as e:  # noqa: BLE001 - port taken between probe and bind; try another
            last = e
    else:
        print(f"FAILED {last}", flush=True)
        sys.exit(4)

    print(f"READY {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
