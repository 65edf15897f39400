import struct

fmts = ["<i", ">i", "!H", "<q", ">Q", "<f", ">d", "<?", "<c", "<5s", "<hhl", ">bBhH", "<e", "=I"]
vals = {"<i": (-123456,), ">i": (2**31 - 1,), "!H": (65535,), "<q": (-2**63,), ">Q": (2**64 - 1,), "<f": (1.5,),
        ">d": (3.141592653589793,), "<?": (True,), "<c": (b"z",), "<5s": (b"hi",), "<hhl": (1, -2, 3),
        ">bBhH": (-1, 255, -300, 60000), "<e": (0.333,), "=I": (0xDEADBEEF,)}
for f in fmts:
    packed = struct.pack(f, *vals[f])
    print(f, struct.calcsize(f), packed.hex(), struct.unpack(f, packed))
print(struct.unpack("<4H", bytes(range(8))), struct.unpack(">4H", bytes(range(8))))
s = struct.Struct("<I2sxh")
print(s.size, s.format, s.pack(7, b"ab", -5).hex(), s.unpack(s.pack(7, b"ab", -5)))
buf = bytearray(16)
struct.pack_into("<HH", buf, 4, 0x1234, 0xABCD)
print(buf.hex(), struct.unpack_from("<HH", buf, 4))
print(list(struct.iter_unpack("<bh", bytes([1, 2, 0, 3, 4, 0]))))
print(struct.pack("<p", b"pascal"), struct.pack("<10p", b"pascal"))
for x in [0.1, -0.0, float("inf"), 1e-40, 65504.0]:
    print(repr(x), struct.pack(">d", x).hex(), struct.pack(">f", x).hex(), struct.unpack(">f", struct.pack(">f", x))[0])
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error", e)
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("struct.error", e)
header = struct.pack(">4sIHH", b"PNGX", 1024, 3, 7)
magic, size, w, h = struct.unpack(">4sIHH", header)
print(magic, size, w, h, len(header))
print(struct.calcsize("<bhiq"), struct.calcsize(">bhiq"), struct.calcsize("!3s2x?"))
