import ast

src = """
import os
from math import sqrt as s
class Shape(Base, metaclass=M):
    '''doc'''
    sides: int = 0
    def area(self, *, scale=1.0):
        return self.w * self.h * scale
async def main(x, /, y=2, *args, **kw):
    async with ctx() as c:
        await c.run(x)
    return [i async for i in gen()]
def f(a):
    if a > 0 and not a == 5:
        for i in range(a):
            while True:
                break
        else:
            pass
    elif a is None:
        try:
            raise ValueError("x") from None
        except (KeyError, ValueError) as e:
            del e
        finally:
            a = lambda q: q ** 2
    match a:
        case [1, *rest]: pass
        case {"k": v}: pass
        case Point(x=0) | None: pass
    return f"{a!r:>10} {a=}", {1: 2, **{}}, {*a}, a[1:2:3], (yield a), ...
x: list[int] = [1, 2]
x += [3]
y = (z := 10) if x else -1
"""
tree = ast.parse(src)
counts = {}
for node in ast.walk(tree):
    counts[type(node).__name__] = counts.get(type(node).__name__, 0) + 1
print(sorted(counts.items()))
print([type(n).__name__ for n in tree.body])
print(ast.dump(ast.parse("x = 1 + 2 * y", mode="exec")))
print(ast.dump(ast.parse("f(a, *b, k=1, **c)", mode="eval"), include_attributes=False))
print(ast.dump(ast.parse("lambda x: x", mode="eval"), indent=2))
print(ast.unparse(tree))
class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "a":
            return ast.copy_location(ast.Name(id="renamed", ctx=node.ctx), node)
        return node
new = ast.fix_missing_locations(Renamer().visit(ast.parse("a = a + 1\nprint(a)")))
print(ast.unparse(new))
class FuncCollector(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_FunctionDef(self, node):
        self.names.append((node.name, node.lineno, [a.arg for a in node.args.args]))
        self.generic_visit(node)
    visit_AsyncFunctionDef = visit_FunctionDef
fc = FuncCollector()
fc.visit(tree)
print(fc.names)
expr = ast.parse("(3 + 4) * 2 - 10 / 5", mode="eval")
def ev(n):
    if isinstance(n, ast.Expression):
        return ev(n.body)
    if isinstance(n, ast.Constant):
        return n.value
    if isinstance(n, ast.BinOp):
        l, r = ev(n.left), ev(n.right)
        return {ast.Add: l + r, ast.Sub: l - r, ast.Mult: l * r, ast.Div: l / r}[type(n.op)]
print(ev(expr), eval(compile(expr, "<ast>", "eval")))
print(ast.get_docstring(tree.body[2]), ast.literal_eval("{'a': [1, 2.5, None]}"))
node = tree.body[2].body[2]
print(node.name, node.lineno, node.col_offset, node.end_lineno, ast.get_source_segment(src, node.body[0]))
print(ast.dump(ast.parse("x[1:2, ::3]").body[0].value.slice))
