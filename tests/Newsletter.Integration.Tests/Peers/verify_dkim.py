"""Verifies the DKIM signatures of .eml files with dkimpy (Debian's python3-dkim), an independent implementation.

The public key is handed to dkimpy through its DNS-lookup parameter, so nothing is looked up on the network.
Usage: verify_dkim.py PUBLIC_KEY_TXT FILE...   Prints one line per file: "PASS path" or "FAIL path reason".
"""
import sys

try:
    import dkim
except ImportError:
    print("MISSING python3-dkim: install it with 'apt-get install -y python3-dkim'", flush=True)
    sys.exit(3)


def main():
    record = open(sys.argv[1], "rb").read().strip()

    def dns(name, timeout=5):
        return record

    for path in sys.argv[2:]:
        data = open(path, "rb").read()
        try:
            ok = dkim.verify(data, dnsfunc=dns)
            print(("PASS " if ok else "FAIL ") + path, flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is a finding for the test
            print(f"FAIL {path} {type(e).__name__}: {e}", flush=True)


if __name__ == "__main__":
    main()
