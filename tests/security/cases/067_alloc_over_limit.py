# One allocation above the memory limit (100 MiB with 64 MiB).
# args: --memory-mb 64
# expect: status=memory_limit
# expect: exit_code=125
# expect: error.type=MemoryError
# expect: stdout=allocating\n
print("allocating", flush=True)
x = bytearray(100 * 2**20)
print("allocated")
