# bytearray(10**12): on wasm32 the size does not even fit an index.
# args: --memory-mb 64
# expect: status=error
# expect: exit_code=1
# expect: error.type=OverflowError
# expect: error.message=cannot fit 'int' into an index-sized integer
x = bytearray(10**12)
