import re

text = "The quick brown fox jumps over the lazy dog. The dog sleeps; 42 foxes, 7 dogs, 1000 cats."
print(re.findall(r"\b\w{5}\b", text))
print(re.findall(r"\d+", text), [int(x) for x in re.findall(r"\d+", text)])
print(re.findall(r"(\w+) (dog|fox)", text))
print(re.search(r"l\w+", text).group(), re.search(r"l\w+", text).span())
print(re.match(r"the", text), re.match(r"the", text, re.I).group())
print(re.fullmatch(r"[a-z]+", "hello"), re.fullmatch(r"[a-z]+", "hello!"))
print(re.sub(r"\s+", " ", "a   b\t\tc\n\nd"))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@test.com"))
print(re.subn(r"o", "0", text))
print(re.split(r"[;,.]\s*", text))
print(re.split(r"(\d)", "a1b2c3"), re.split(r"x*", "axbc"), re.split(r"\W+", "Words, words, words.", maxsplit=1))
for m in re.finditer(r"(?P<num>\d+) (?P<what>\w+)", text):
    print(m.group("num"), m["what"], m.start(), m.end(), m.groupdict())
print(re.escape("a.b*c?d[e]f(g)h{i}j|k^l$m\\n+o p"))
pat = re.compile(r"^(\d{3})-(\d{4})$", re.M)
print(pat.findall("555-1234\n666-9999\nbad\n777-0000"), pat.pattern, pat.groups, pat.flags & re.M != 0)
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 2 3 10 99"))
print(re.findall(r"a.c", "abc a\nc", re.S), re.findall(r"a.c", "abc a\nc"))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r"\w$", "one\ntwo\nthree", re.M))
print(re.findall(r"""\d+  # digits
                     \.?  # optional dot""", "3.14 and 42", re.X))
print(bool(re.search(r"colou?r", "color")), bool(re.search(r"colou?r", "colour")), bool(re.search("^$", "")))
print(re.findall(r"[\u00c0-\u017f]+", "naïve café Ångström plain"))
print(re.findall(rb"\x00[\x01-\x03]", b"\x00\x01a\x00\x02\x00\x09"))
print(re.purge())
