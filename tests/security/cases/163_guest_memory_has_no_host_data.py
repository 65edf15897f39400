# Read the guest's whole linear memory through a forged bytearray (built
# with corrupt bytecode: full read/write access to guest memory, which the
# design allows) and look for host data: the environment canary, the
# host's PATH and the state directory path.  Everything up to a fresh 8 MiB
# block (taken from the top of the heap) is searched.  The needles come in
# reversed on stdin, read only after the memory was copied.
# args: --stdin "{CANARY_REV} {STATE_REV} {PATH_REV}"
# expect: status=ok
# expect: stdout=bytearray 2147483632\nsanity True\n-1\n-1\n-1\n
import struct, sys

def load_via(consts, addr_of_ptr):
    # LOAD_CONST with an out-of-range index reads the object pointer stored
    # at addr_of_ptr (wasm32: tuple items start 12 bytes into the tuple).
    off = addr_of_ptr - (id(consts) + 12)
    assert off % 4 == 0 and off > 0, off
    idx, ext = off // 4, []
    while True:
        ext.append(idx & 0xff)
        idx >>= 8
        if not idx:
            break
    ext.reverse()
    code = bytes([151, 0])                       # RESUME
    for b in ext[:-1]:
        code += bytes([144, b])                  # EXTENDED_ARG
    code += bytes([100, ext[-1], 83, 0])         # LOAD_CONST, RETURN_VALUE
    f = lambda: None
    f.__code__ = f.__code__.replace(co_code=code, co_consts=consts)
    return f()

consts = (None,)
# PyByteArrayObject: refcnt, type, size, alloc, ob_bytes, ob_start, exports
fake = struct.pack("<IIIIIII", 1000, id(bytearray), 0x7ffffff0, 0x7ffffff0, 1, 1, 0)
keep = []
for _ in range(1000):
    ptr = struct.pack("<I", id(fake) + 16) * 4   # bytes data starts at +16
    keep.append(ptr)
    if id(ptr) > id(consts):
        break
mem = load_via(consts, id(ptr) + 16)             # mem[a] = byte at address a + 1
print(type(mem).__name__, len(mem))
top = id(bytes(8 * 2**20))
data = bytes(mem[0:top])
print("sanity", data.find(b"def load_via(consts, addr_of_ptr)") >= 0)
for word in sys.stdin.read().split():
    print(data.find(word[::-1].encode()))
