# sys.maxsize bytes and a 8 GiB array.array: the allocator says no.
# args: --memory-mb 64
# expect: status=memory_limit
# expect: error.type=MemoryError
# expect: stdout=bytearray(maxsize) MemoryError\n[0]*10**9 MemoryError\n
import array, sys
for label, fn in [("bytearray(maxsize)", lambda: bytearray(sys.maxsize)),
                  ("[0]*10**9", lambda: [0] * 10**9)]:
    try:
        fn()
        print(label, "ALLOCATED")
    except MemoryError as e:
        print(label, type(e).__name__)
array.array("d", [0.0]) * 2**30
