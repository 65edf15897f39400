# Hand-made bytecode: wild reads through LOAD_CONST / LOAD_FAST and a jump
# out of the code object.  Wrong answers or a trap; never a host crash.
# expect: status=killed
# expect: exit_code=126
# expect: error.type=Trap
# expect: error.message=out of bounds memory access
# expect: stdout=None\n
f = lambda: 0
f.__code__ = f.__code__.replace(co_code=bytes([151, 0, 100, 0, 125, 255, 100, 0, 83, 0]))
print(f(), flush=True)
g = lambda: 0
g.__code__ = g.__code__.replace(co_code=bytes([151, 0]) + bytes([1, 0]) * 20 + bytes([83, 0]))
g()
# === a backward jump to offset 0 of a code object without RESUME
# expect: status=killed
# expect: error.type=Trap
# expect: error.message=out of bounds memory access
f = lambda: 0
f.__code__ = f.__code__.replace(co_code=bytes([151, 0, 113, 0]))
f()
