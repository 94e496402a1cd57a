"""Parses .eml files with Python's standard email package in strict mode and prints them as JSON.

Used by the MIME round-trip tests as an independent, standards-minded reader of what the writer produces.
Strict mode raises on any defect the parser detects; the exception is reported in the JSON as "error".
"""
import base64
import email.policy
import json
import sys
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import getaddresses


def rfc2047_names(msg, name):
    """Display names decoded with the RFC 2047 section 6.2 rule (whitespace between adjacent encoded-words dropped).

    The strict header registry inserts a space between adjacent encoded-words inside a phrase, so for long names
    split over several encoded-words it disagrees with RFC 2047 readers; the legacy decoder follows the rule.
    """
    raw = [v for k, v in msg.raw_items() if k.lower() == name]
    unfolded = [v.replace("\r\n", "").replace("\n", "") for v in raw]
    return [str(make_header(decode_header(real))) for real, _ in getaddresses(unfolded)]


def addresses(msg, name):
    header = msg[name]
    if header is None:
        return None
    result = []
    names = rfc2047_names(msg, name)
    for i, a in enumerate(header.addresses):
        try:
            unicode_domain = a.domain.encode("ascii").decode("idna")
        except Exception:
            unicode_domain = a.domain
        result.append({
            "display_name": a.display_name,
            "display_name_rfc2047": names[i] if i < len(names) else None,
            "username": a.username,
            "domain": a.domain,
            "domain_unicode": unicode_domain,
            "addr_spec": a.addr_spec,
        })
    return result


def part_info(part):
    info = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "cte": part.get("Content-Transfer-Encoding"),
        "content_id": part.get("Content-ID"),
        "disposition": part.get_content_disposition(),
        "filename": part.get_filename(),
        "defects": [type(d).__name__ for d in part.defects],
    }
    if part.is_multipart():
        info["boundary"] = part.get_boundary()
        info["children"] = [part_info(p) for p in part.iter_parts()]
    elif part.get_content_maintype() == "text":
        info["text"] = part.get_content().replace("\r\n", "\n")
    else:
        info["base64"] = base64.b64encode(part.get_content()).decode("ascii")
    return info


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    out = {}
    try:
        msg = BytesParser(policy=email.policy.strict).parsebytes(data)
        out["subject"] = str(msg["subject"]) if msg["subject"] is not None else None
        out["from"] = addresses(msg, "from")
        out["to"] = addresses(msg, "to")
        out["reply_to"] = addresses(msg, "reply-to")
        out["message_id"] = msg["message-id"]
        out["date"] = msg["date"].datetime.isoformat() if msg["date"] is not None else None
        out["mime_version"] = msg["mime-version"]
        out["headers"] = [[k, str(v)] for k, v in msg.items()]
        out["defects"] = [type(d).__name__ for d in msg.defects]
        out["structure"] = part_info(msg)
        out["error"] = None
    except Exception as e:  # noqa: BLE001 - every failure is a finding for the test
        out["error"] = f"{type(e).__name__}: {e}"
    return out


def main():
    # One path prints one object; several paths print an array, so a batch costs one interpreter start.
    results = [parse(p) for p in sys.argv[1:]]
    json.dump(results[0] if len(results) == 1 else results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
