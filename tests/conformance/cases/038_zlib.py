import zlib

text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))
print("input", len(text), zlib.crc32(text), zlib.adler32(text))
for level in (0, 1, 6, 9):
    c = zlib.compress(text, level)
    print("level", level, len(c), zlib.crc32(c), zlib.decompress(c) == text)
small = b"hello hello hello hello"
print(zlib.compress(small, 9).hex())
print(zlib.decompress(bytes.fromhex(zlib.compress(small).hex())))
co = zlib.compressobj(level=9, wbits=-15)
raw = co.compress(text) + co.flush()
print("raw deflate", len(raw), zlib.decompress(raw, wbits=-15) == text)
co = zlib.compressobj(wbits=31)
gz = co.compress(small) + co.flush()
print("gzip wrapper", gz[:3].hex(), zlib.decompress(gz, wbits=31), zlib.decompress(gz, wbits=47))
d = zlib.decompressobj()
c = zlib.compress(text)
out = b""
for i in range(0, len(c), 1000):
    out += d.decompress(c[i:i + 1000])
out += d.flush()
print("streamed", out == text, d.eof, d.unused_data)
d = zlib.decompressobj()
part = d.decompress(zlib.compress(b"abc") + b"EXTRA")
print(part, d.unused_data, d.eof)
d = zlib.decompressobj()
print(len(d.decompress(c, 100)), len(d.unconsumed_tail) > 0)
print(zlib.crc32(b"a"), zlib.crc32(b"b", zlib.crc32(b"a")), zlib.crc32(b"ab"), zlib.adler32(b"Wikipedia"), hex(zlib.adler32(b"")))
zd = b"the quick brown fox"
co = zlib.compressobj(zdict=zd)
cz = co.compress(b"the quick brown fox jumps") + co.flush()
do = zlib.decompressobj(zdict=zd)
print("zdict", do.decompress(cz))
try:
    zlib.decompress(b"not compressed data")
except zlib.error as e:
    print("zlib.error", e)
try:
    zlib.decompress(zlib.compress(text)[:-10])
except zlib.error as e:
    print("zlib.error", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
