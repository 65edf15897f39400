import ast
src = """
def area(w, h):
    return w * h
result = area(6, 7)
squares = [i * i for i in range(5)]
"""
ns = {}
code = compile(src, "<generated>", "exec")
print(type(code).__name__, code.co_filename, code.co_name, sorted(code.co_names))
exec(code, ns)
print(ns["result"], ns["squares"], ns["area"](2, 3), ns["area"].__code__.co_varnames, ns["area"].__code__.co_argcount)
print(eval("result * 2", ns), eval(compile("1 + 2", "<e>", "eval")), eval("x ** 2", {"x": 12}), eval("min(a, b)", {}, {"a": 3, "b": 2}))
single = compile("y = 5", "<single>", "single")
d = {}
exec(single, d)
print(d["y"])
for expr in ["[1, 2, {'a': (3, 4)}]", "{'k': None, 'b': True}", "-1.5e3", "('t',)", "{1, 2}", "b'bytes'", "1 + 2j", "set()"]:
    print(repr(expr), ast.literal_eval(expr))
for bad in ["__import__('os')", "1 + x", "f()", "[i for i in range(3)]"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print("ValueError", bad, str(e).split(":")[0])
for bad_src in ["x = ", "def f(:", "if True\n    pass", "return 5", "a b c", "print('unclosed", "  indented = 1", "f(**x, *y)", "x = [1, 2"]:
    try:
        compile(bad_src, "<bad>", "exec")
    except SyntaxError as e:
        print("SyntaxError", repr(bad_src), e.msg, e.lineno, e.offset, type(e).__name__)
try:
    compile("def f():\n\tif 1:\n        pass\n\tpass", "<tabs>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
calc = {"__builtins__": {}}
for e in ["2 + 3 * 4", "(1 + 2) ** 10", "7 // 2 + 7 % 2", "abs(-1) if False else 9"]:
    print(e, "=", eval(e, calc))
try:
    eval("len('x')", calc)
except NameError as e:
    print("NameError", e)
fn_src = "lambda a, b=2: a * b"
f = eval(fn_src)
print(f(5), f(5, 3), f.__name__)
g = {}
exec("import math\nval = math.factorial(10)", g)
print(g["val"], "math" in g)
co = compile("a + b", "<x>", "eval")
print(co.co_names, eval(co, {"a": 1, "b": 2}), co.co_consts == (), co.co_flags & 0x20 == 0)
