# s += s: exponential growth.
# args: --memory-mb 64
# expect: status=memory_limit
# expect: error.type=MemoryError
s = "x"
while True:
    s += s
