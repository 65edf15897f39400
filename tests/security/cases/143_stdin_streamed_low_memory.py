# 60 MiB of stdin streamed in 1 MiB reads inside a 16 MiB sandbox works
# (stdin is held by the host, not in guest memory); a 32 MiB buffer then
# does not fit.
# args: --memory-mb 16
# stdin-size: 62914560
# expect: status=memory_limit
# expect: error.type=MemoryError
# expect: stdout=62914560\n
import os
n = 0
while True:
    b = os.read(0, 1 << 20)
    if not b:
        break
    n += len(b)
print(n, flush=True)
x = bytearray(32 * 2**20)
