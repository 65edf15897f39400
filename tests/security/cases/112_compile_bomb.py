# Source that doubles on every round, compiled each time.
# args: --memory-mb 64 --timeout 10
# expect: status=memory_limit
# expect: error.type=MemoryError
code = "pass"
while True:
    code = code + "\n" + code
    compile(code, "bomb", "exec")
