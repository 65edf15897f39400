# 200 nested blocks: the tokenizer's indentation stack has a fixed size.
# expect: status=error
# expect: error.type=IndentationError
# expect: error.message=too many levels of indentation (<string>, line 101)
exec("if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 200)) + " " * 200 + "pass\n")
