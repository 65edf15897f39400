# A larger limit (512 MiB) is enforced the same way: a program that takes
# all of it in 64 MiB pieces ends in MemoryError.  (The 4096 MiB maximum
# behaves alike but costs the host ~4 GB of RSS: too heavy for this suite.)
# args: --memory-mb 512 --timeout 10
# expect: status=memory_limit
# expect: error.type=MemoryError
# expect: stdout=start\n
print("start", flush=True)
chunks = []
while True:
    chunks.append(bytes(64 * 2**20))
