import base64

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), "ünïcödé ☃".encode()]
for s in samples:
    print(len(s), base64.b64encode(s), base64.b32encode(s)[:60], base64.b16encode(s)[:40])
for s in samples:
    assert base64.b64decode(base64.b64encode(s)) == s
    assert base64.b32decode(base64.b32encode(s)) == s
    assert base64.b85decode(base64.b85encode(s)) == s
    assert base64.a85decode(base64.a85encode(s)) == s
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe\xff"), base64.b64encode(b"\xfb\xff\xfe\xff"))
print(base64.urlsafe_b64decode("-_7_"), base64.b64decode(b"+/7/"))
print(base64.b64encode(b"xyz", altchars=b"-_"), base64.standard_b64encode(b"hi"))
print(base64.b85encode(b"hello world"), base64.a85encode(b"hello world"), base64.a85encode(b"hello", adobe=True))
print(base64.a85encode(b"\x00" * 8), base64.a85encode(b"    ", foldspaces=True))
print(base64.b32hexencode(b"abcdef"), base64.b32hexdecode(b"C5H66P35CPJG===="))
print(base64.encodebytes(bytes(range(100))))
print(base64.decodebytes(b"aGVs\nbG8=\n"), base64.b64decode("aGVsbG8"  + "="))
try:
    base64.b64decode("abc", validate=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    base64.b64decode("ab!c", validate=True)
except Exception as e:
    print(type(e).__name__, e)
print(base64.b64decode("ab!c=="), base64.b16decode("48656C6C6F"), base64.b16decode("48656c6c6f", casefold=True))
