def raise_group():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), ExceptionGroup("inner", [KeyError("k"), OSError("os")])])
try:
    raise_group()
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions], type(eg).__name__)
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
except* (KeyError, OSError) as eg:
    print("nested:", repr(eg), [type(e).__name__ for e in eg.exceptions])
eg = ExceptionGroup("root", [ValueError(1), ExceptionGroup("sub", [ValueError(2), TypeError(3)]), KeyError(4)])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print(eg.subgroup(ZeroDivisionError), eg.message, len(eg.exceptions), str(eg))
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(bg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rem:
    print("remaining:", repr(rem))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", repr(eg))
def derive_test():
    class MyGroup(ExceptionGroup):
        def derive(self, excs):
            return MyGroup(self.message + "!", excs)
    g = MyGroup("mine", [ValueError(1), TypeError(2)])
    m, r = g.split(ValueError)
    print(type(m).__name__, m.message, type(r).__name__, r.message)
derive_test()
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
import traceback
g = ExceptionGroup("shown", [ValueError("x"), KeyError("y")])
print("".join(traceback.format_exception_only(g)), end="")
def collect(n):
    errs = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(f"bad {i}")
            if i % 3 == 1:
                raise ZeroDivisionError(f"zero {i}")
        except Exception as e:
            errs.append(e)
    if errs:
        raise ExceptionGroup("collected", errs)
try:
    collect(7)
except* ZeroDivisionError as eg:
    print("zeros", sorted(str(e) for e in eg.exceptions))
except* ValueError as eg:
    print("values", sorted(str(e) for e in eg.exceptions))
