# Thirty levels of exec(repr(...)): each level quadruples the text.
# args: --timeout 10
# expect: status=memory_limit
# expect: error.type=MemoryError
src = "x"
for i in range(30):
    src = "exec(%r)" % src
exec(src)
