"""JSON encode/decode round trips of a nested, mixed document."""
import json
import zlib


def make_doc(n):
    doc = {"users": [], "meta": {"version": 3, "tags": ["a", "b", "ünïcödé", "☃"], "ratio": 0.125}}
    for i in range(n):
        doc["users"].append({
            "id": i,
            "name": "user%05d" % i,
            "email": "user%d@example.com" % i,
            "active": i % 3 != 0,
            "score": (i * 37 % 1000) / 8,
            "roles": ["admin"] * (i % 7 == 0) + ["dev", "ops"][: i % 3],
            "address": {"street": "%d Main St" % i, "zip": "%05d" % (i * 7 % 100000), "geo": [i * 0.5, -i * 0.25]},
            "notes": None if i % 5 else "note \"quoted\" \\ and\nnewline",
        })
    return doc


def main():
    doc = make_doc(4000)
    crc = 0
    total = 0
    for rnd in range(24):
        s = json.dumps(doc, sort_keys=(rnd % 2 == 0), indent=(2 if rnd % 3 == 0 else None), ensure_ascii=(rnd % 4 != 0))
        back = json.loads(s)
        total += len(s) + len(back["users"])
        crc = zlib.crc32(s.encode("utf-8"), crc)
    assert back == doc
    print("checksum:", total, crc)


if __name__ == "__main__":
    main()
