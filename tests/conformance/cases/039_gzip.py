import gzip
import io
import zlib

data = "".join("%05d %s\n" % (i, "abcdefghij"[i % 10] * (i % 40)) for i in range(3000)).encode()
c = gzip.compress(data, compresslevel=9, mtime=0)
print(len(data), len(c), c[:10].hex(), zlib.crc32(c))
print(gzip.decompress(c) == data)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
    for i in range(100):
        g.write(b"chunk %d\n" % i)
raw = buf.getvalue()
print(len(raw), raw[:10].hex())
buf.seek(0)
with gzip.GzipFile(fileobj=buf, mode="rb") as g:
    lines = g.readlines()
print(len(lines), lines[:3], lines[-1])
buf.seek(0)
with gzip.open(buf, "rt", encoding="utf-8") as g:
    print(repr(g.read(20)))
multi = gzip.compress(b"first ", mtime=0) + gzip.compress(b"second", mtime=0)
print(gzip.decompress(multi))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=1234567890, filename="named.txt") as g:
    g.write(b"x")
h = buf.getvalue()
print(h[:4].hex(), int.from_bytes(h[4:8], "little"), h[10:20])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as g:
    print(g.read(), g.mtime)
try:
    gzip.decompress(b"\x1f\x8bnot really")
except Exception as e:
    print(type(e).__name__)
try:
    gzip.decompress(b"plain")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
