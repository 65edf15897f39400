import re
from fractions import Fraction

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|(\*\*|[-+*/%()^,])|([A-Za-z_]\w*))")
def tokenize(s):
    pos = 0
    out = []
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise SyntaxError(f"bad char at {pos}: {s[pos]!r}")
        pos = m.end()
        num, op, name = m.groups()
        out.append(("num", Fraction(num)) if num else ("op", op) if op else ("name", name))
    out.append(("end", None))
    return out
class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, text, env=None):
        self.toks = tokenize(text)
        self.i = 0
        self.env = env or {}
    def peek(self):
        return self.toks[self.i]
    def take(self, val=None):
        t = self.toks[self.i]
        if val is not None and t[1] != val:
            raise SyntaxError(f"expected {val!r}, got {t[1]!r}")
        self.i += 1
        return t
    def parse(self):
        v = self.expr()
        if self.peek()[0] != "end":
            raise SyntaxError(f"trailing {self.peek()[1]!r}")
        return v
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.unary()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            r = self.unary()
            if op == "*":
                v *= r
            elif op == "/":
                if r == 0:
                    raise ZeroDivisionError("division by zero in expression")
                v /= r
            else:
                v %= r
        return v
    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        if self.peek()[1] == "+":
            self.take()
            return self.unary()
        return self.power()
    def power(self):
        b = self.atom()
        if self.peek()[1] in ("**", "^"):
            self.take()
            e = self.unary()
            return b ** int(e)
        return b
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if self.peek()[1] == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return self.FUNCS[val](*args)
            return self.env[val]
        if val == "(":
            v = self.expr()
            self.take(")")
            return v
        raise SyntaxError(f"unexpected {val!r}")
tests = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5", "1/3 + 1/6", "max(1, 2 * 3, abs(-10)) - min(4, 5)",
         "x * y + z", "((((7))))", "2 ** -2", "1 +", "3 * (4", "5 / (2 - 2)", "4 $ 4", "1.5 * 4"]
for t in tests:
    try:
        v = Parser(t, {"x": Fraction(3), "y": Fraction(4), "z": Fraction(1, 2)}).parse()
        print(f"{t!r:40} = {v} ({float(v):.6g})")
    except (SyntaxError, ZeroDivisionError, KeyError) as e:
        print(f"{t!r:40} ! {type(e).__name__}: {e}")
