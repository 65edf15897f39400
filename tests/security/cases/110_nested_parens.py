# Deeply nested source text: a million "(" for eval, 100 000 "[" for
# ast.literal_eval; the parser refuses before recursing.
# expect: status=error
# expect: error.type=SyntaxError
# expect: error.message=too many nested parentheses (<string>, line 1)
# expect: stdout=SyntaxError too many nested parentheses (<unknown>, line 1)\n
import ast
try:
    ast.literal_eval("[" * 10**5 + "]" * 10**5)
except SyntaxError as e:
    print(type(e).__name__, e)
eval("(" * 10**6)
