"""String building and processing: join, f-strings, %-format, replace,
split, encode/decode, str methods."""
import hashlib


def render_table(rows):
    out = []
    for i, (name, qty, price) in enumerate(rows):
        out.append(f"{i:06d} | {name:<20} | {qty:>6d} | {price:>10.2f} | {qty * price:>12,.2f}")
    return "\n".join(out)


def main():
    rows = [("item-%d" % i, i % 97, (i * 7919 % 10007) / 100) for i in range(40000)]
    acc = hashlib.sha256()
    for rnd in range(5):
        table = render_table(rows)
        acc.update(table.encode())
        parts = table.split("\n")
        total = 0
        for line in parts:
            cols = [c.strip() for c in line.split("|")]
            total += int(cols[2])
        acc.update(str(total).encode())
        s = []
        for i in range(60000):
            s.append("%s=%d;" % ("key%d" % (i % 1000), i))
        joined = "".join(s)
        acc.update(joined.replace("key", "K").upper().encode())
        words = joined.split(";")
        acc.update(" ".join(w[::-1] for w in words[:20000]).encode("utf-16-le"))
        text = ("Ünïcödé ☃ text " * 5000).title().swapcase()
        acc.update(text.encode("utf-8"))
        acc.update(str(text.count("☃") + text.find("TEXT", 1000)).encode())
        buf = ""
        for i in range(20000):
            buf += chr(65 + i % 26)
        acc.update(buf.lower().center(30000, "*").encode())
    print("checksum:", acc.hexdigest())


if __name__ == "__main__":
    main()
