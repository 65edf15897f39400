# b"x" * 2**40 and "a" * 2**31: refused before any allocation.
# args: --memory-mb 64
# expect: status=error
# expect: error.type=OverflowError
# expect: error.message=cannot fit 'int' into an index-sized integer
# expect: stdout=OverflowError\n
try:
    "a" * 2**31
except OverflowError as e:
    print(type(e).__name__)
x = b"x" * 2**40
