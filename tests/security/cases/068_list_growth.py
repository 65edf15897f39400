# A list grown one int at a time until memory runs out.
# args: --memory-mb 64
# expect: status=memory_limit
# expect: exit_code=125
# expect: error.type=MemoryError
l = []
while True:
    l.append(0)
