"""Regular expressions: compile, search, findall, sub, split over generated text."""
import re
import random


def make_text(n):
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "error", "warning", "info", "user", "host", "GET", "POST", "200", "404", "500"]
    lines = []
    for i in range(n):
        ip = "%d.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256), rng.randrange(256))
        day = 1 + i % 28
        text = " ".join(rng.choice(words) for _ in range(8))
        lines.append('%s - - [%02d/Mar/2024:%02d:%02d:%02d] "%s /path/%d/item?id=%d" %s %d mail%d@host%d.example.org %s'
                     % (ip, day, i % 24, i % 60, (i * 7) % 60, rng.choice(["GET", "POST"]), i % 97, i, rng.choice(["200", "404", "500"]),
                        rng.randrange(10000), i % 50, i % 9, text))
    return "\n".join(lines)


def main():
    text = make_text(9000)
    ip_re = re.compile(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b")
    req_re = re.compile(r'"(GET|POST) (/[^ ?"]*)(?:\?([^ "]*))?"\s+(\d{3})\s+(\d+)')
    mail_re = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    date_re = re.compile(r"\[(\d{2})/(\w{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2})\]")
    acc = 0
    for _ in range(3):
        acc += sum(int(m.group(4)) for m in ip_re.finditer(text))
        status = {}
        for m in req_re.finditer(text):
            status[m.group(4)] = status.get(m.group(4), 0) + int(m.group(5))
        acc += sum(v for k, v in sorted(status.items()))
        acc += len(mail_re.findall(text))
        acc += sum(int(d[0]) * int(d[3]) for d in date_re.findall(text))
        redacted = ip_re.sub(lambda m: "x.x.x." + m.group(4), text)
        acc += len(redacted)
        acc += len(re.split(r"\s+|[\[\]\"?=/]", text))
        acc += len(re.findall(r"\b(?:error|warning)\b(?=.*\b(?:host|user)\b)", text))
        acc += sum(1 for line in text.splitlines() if re.search(r"\b5\d\d\b", line))
    print("checksum:", acc)


if __name__ == "__main__":
    main()
