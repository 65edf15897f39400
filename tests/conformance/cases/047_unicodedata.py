import unicodedata as ud

print(ud.unidata_version)
for ch in "aZ5 ½é€☃😀中ßΩ\u0301\u200b\t\u00a0":
    print(repr(ch), hex(ord(ch)), ud.name(ch, "?"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch),
          ud.east_asian_width(ch), ud.mirrored(ch), ud.decomposition(ch))
print(ud.lookup("SNOWMAN"), ud.lookup("GREEK SMALL LETTER ALPHA"), ud.lookup("LATIN SMALL LETTER E WITH ACUTE"))
print(ud.decimal("7"), ud.digit("²", None), ud.numeric("½"), ud.numeric("Ⅻ"), ud.numeric("五"), ud.decimal("x", -1))
s = "Ångström café ﬁ ①"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = ud.normalize(form, s)
    print(form, len(n), ascii(n), ud.is_normalized(form, s))
def strip_accents(t):
    return "".join(c for c in ud.normalize("NFD", t) if not ud.combining(c))
print(strip_accents("Crème brûlée à la façon de Zoë"))
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ǅ".title(), "Σ".lower(), "ΌΣΟΣ".lower())
print("Straße".casefold() == "STRASSE".casefold(), "ß".casefold(), "µ".upper())
print([c for c in "a1_ b²Ⅻ" if c.isidentifier()], "²".isdigit(), "²".isdecimal(), "Ⅻ".isnumeric(), "五".isnumeric())
cats = {}
for cp in range(0x20, 0x2000):
    c = ud.category(chr(cp))
    cats[c] = cats.get(c, 0) + 1
print(sorted(cats.items()))
total = sum(1 for cp in range(0x110000) if ud.category(chr(cp)) == "Lu")
print("uppercase letters", total)
