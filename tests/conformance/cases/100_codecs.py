import codecs

s = "Grüße, 世界! 😀 naïve"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig", "unicode_escape", "raw_unicode_escape", "punycode", "idna" if False else "utf-7"]:
    b = s.encode(enc)
    print(enc, len(b), b[:24].hex(), b.decode(enc) == s)
for enc in ["latin-1", "ascii", "cp1252", "iso8859-15", "cp437", "koi8-r", "mac_roman"]:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace"]:
        try:
            b = s.encode(enc, errors)
            print(enc, errors, b)
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e.start, e.end, e.reason)
print("Привет".encode("koi8-r"), "Привет".encode("cp1251"), b"\xf0\xd2\xc9\xd7\xc5\xd4".decode("koi8-r"))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hello", "base64"), codecs.encode(b"x" * 20, "zlib")[:2].hex())
print(codecs.lookup("UTF8").name, codecs.lookup("latin1").name, codecs.lookup("utf_16_le").name)
print(b"\xff\xfeh\x00i\x00".decode("utf-16"), codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "x".encode("utf-8-sig"))
dec = codecs.getincrementaldecoder("utf-8")()
chunks = [b"\xe4", b"\xb8", b"\x96\xe7\x95", b"\x8c"]
print([dec.decode(c) for c in chunks], dec.decode(b"", final=True))
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
print("tab\t\"quote\" \\ \u00e9".encode("unicode_escape"), b"\\u00e9\\n".decode("unicode_escape"))
print(ascii("é\n😀"), repr("é\n😀"), "\N{GREEK SMALL LETTER ALPHA}\N{SNOWMAN}")
print("bad \udcff".encode("utf-8", "surrogateescape"), "x\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
def custom_handler(err):
    return ("<?>", err.end)
codecs.register_error("mark", custom_handler)
print("a€b".encode("ascii", "mark"), b"a\xffb".decode("ascii", "mark"))
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
