# 1 MiB chunks kept alive until the limit.
# args: --memory-mb 64
# expect: status=memory_limit
# expect: error.type=MemoryError
chunks = []
while True:
    chunks.append(bytearray(2**20))
