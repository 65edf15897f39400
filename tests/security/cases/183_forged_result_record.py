# The program forges the host's result record from inside the error path:
# with a full read/write view of guest memory (corrupt bytecode), the
# uncaught exception's __str__ finds the driver's record (status 1,
# exit code 1, type name pointer) and rewrites status, exit code and the
# type-name pointer (to invalid UTF-8 with NUL, quote, backslash, ESC).
# The host must treat all of it as untrusted: a valid result, the type
# cut at the NUL and made valid UTF-8.
# expect: status=error
# expect: exit_code=1
# expect: error.type=\ufffd\ufffd
# expect: error.message=message
# expect: stdout=forged 1\nforged 0\n
import struct, sys

def load_via(consts, addr_of_ptr):
    off = addr_of_ptr - (id(consts) + 12)
    assert off % 4 == 0 and off > 0, off
    idx, ext = off // 4, []
    while True:
        ext.append(idx & 0xff)
        idx >>= 8
        if not idx:
            break
    ext.reverse()
    code = bytes([151, 0])
    for b in ext[:-1]:
        code += bytes([144, b])
    code += bytes([100, ext[-1], 83, 0])
    f = lambda: None
    f.__code__ = f.__code__.replace(co_code=code, co_consts=consts)
    return f()

consts = (None,)
fake = struct.pack("<IIIIIII", 1000, id(bytearray), 0x7ffffff0, 0x7ffffff0, 1, 1, 0)
keep = []
for _ in range(1000):
    ptr = struct.pack("<I", id(fake) + 16) * 4
    keep.append(ptr)
    if id(ptr) > id(consts):
        break
mem = load_via(consts, id(ptr) + 16)
def rd(a, n): return bytes(mem[a - 1:a - 1 + n])
def wr(a, b): mem[a - 1:a - 1 + len(b)] = b

STATUS, EXIT = 1, 0       # "exception" with exit code 0: must not read as success
NAME = "ZqXwForgedName"
payload = b"\xff\xfe\x00\"\\\x1b<bad>\xed\xa0\x80"

class ZqXwForgedName(Exception):
    def __str__(self):
        data = rd(1, id(bytes(2**16)))
        pat, hits = struct.pack("<II", 1, 1), 0
        i = data.find(pat)
        while i >= 0:
            p, n = struct.unpack("<II", data[i + 8:i + 16])
            if n == len(NAME) and 0 < p < len(data) and data[p - 1:p - 1 + n] == NAME.encode():
                wr(i + 1 + 8, struct.pack("<II", id(payload) + 16, len(payload)))
                wr(i + 1, struct.pack("<Ii", STATUS, EXIT))
                hits += 1
            i = data.find(pat, i + 4)
        sys.stdout.write("forged %d\n" % hits)
        return "message"

raise ZqXwForgedName()
