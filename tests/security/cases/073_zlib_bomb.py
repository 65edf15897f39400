# A decompression bomb: 128 MiB of zeros from a ~128 KiB stream.
# args: --memory-mb 64
# expect: status=memory_limit
# expect: error.type=MemoryError
# expect: error.message=Unable to allocate output buffer.
# expect: stdout=130466\n
import zlib
c = zlib.compressobj(9)
zero = bytes(2**20)
bomb = b"".join(c.compress(zero) for _ in range(128)) + c.flush()
print(len(bomb))
zlib.decompress(bomb)
