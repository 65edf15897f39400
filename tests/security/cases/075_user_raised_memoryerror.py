# A MemoryError the program raises itself is reported like a real one
# (status memory_limit, exit 125): the status follows the exception type.
# Nothing is gained by it, but note the result cannot tell the two apart.
# expect: status=memory_limit
# expect: exit_code=125
# expect: error.type=MemoryError
# expect: error.message=fake
raise MemoryError("fake")
