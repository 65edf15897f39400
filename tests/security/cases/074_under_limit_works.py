# The limit is not too tight: 40 MiB in a 64 MiB sandbox works.
# args: --memory-mb 64
# expect: status=ok
# expect: stdout=41943040\n
x = bytearray(40 * 2**20)
print(len(x))
