# MemoryError is an ordinary exception: caught, memory freed, the program
# goes on and allocates again below the limit.
# args: --memory-mb 64
# expect: status=ok
# expect: stdout=caught big\ncaught growth True\n10485760\n
try:
    x = bytearray(100 * 2**20)
except MemoryError:
    print("caught big")
try:
    l = []
    while True:
        l.append(bytearray(2**20))
except MemoryError:
    n = len(l)
    del l
    print("caught growth", 30 < n < 64)
print(len(bytearray(10 * 2**20)))
