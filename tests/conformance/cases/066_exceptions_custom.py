class AppError(Exception):
    """Base error."""
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError):
    pass
class Invalid(AppError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}", code=422)
        self.field = field
def handler(kind):
    if kind == "nf":
        raise NotFound("no such thing", 404)
    if kind == "inv":
        raise Invalid("email", "bad format")
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["k"]
    return "fine"
for k in ["nf", "inv", "zero", "key", "ok"]:
    try:
        r = handler(k)
    except NotFound as e:
        print("NotFound", e, e.code, isinstance(e, AppError))
    except AppError as e:
        print("AppError", e, e.code, getattr(e, "field", None))
    except (ZeroDivisionError, KeyError) as e:
        print("builtin", type(e).__name__, repr(e))
    else:
        print("else", r)
    finally:
        print("  finally", k)
def f():
    try:
        return "try"
    finally:
        print("  finally before return")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally wins"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("  loop finally", i)
    return i
print(h())
def nested():
    log = []
    try:
        try:
            raise ValueError("inner")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer caught {e}")
    finally:
        log.append("outer finally")
    return log
print(nested())
try:
    raise NotFound("x", 1)
except AppError as e:
    name = "e"
print("e" in dir(), name)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
class Resource:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("  open", self.n)
        return self
    def __exit__(self, et, ev, tb):
        print("  close", self.n, et.__name__ if et else None)
        return et is KeyError
with Resource(1):
    raise KeyError("swallowed")
try:
    with Resource(2):
        raise ValueError("propagates")
except ValueError as e:
    print("propagated", e)
errors = []
for v in ["1", "x", None, "3.5", "7"]:
    try:
        errors.append(int(v))
    except (TypeError, ValueError) as e:
        errors.append(type(e).__name__)
print(errors)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__, NotFound.__doc__, AppError.__doc__)
def retry(fn, attempts):
    for i in range(attempts):
        try:
            return fn(i)
        except RuntimeError as e:
            last = e
    raise RuntimeError(f"gave up after {attempts}") from last
try:
    retry(lambda i: (_ for _ in ()).throw(RuntimeError(f"fail {i}")), 3)
except RuntimeError as e:
    print(e, "<-", e.__cause__)
print(retry(lambda i: i * 10 if i == 2 else (_ for _ in ()).throw(RuntimeError("x")), 5))
