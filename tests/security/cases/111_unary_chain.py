# A million unary minus signs: the parser's stack overflows, which CPython
# reports as MemoryError (as native python3.11 does).
# expect: status=memory_limit
# expect: error.type=MemoryError
eval("-" * 10**6 + "1")
