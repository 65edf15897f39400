import contextlib
import io

log = []
@contextlib.contextmanager
def step(name):
    log.append("open " + name)
    yield name
    log.append("close " + name)
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(step(n)) for n in "abc"]
    stack.callback(log.append, "callback ran")
    log.append("body " + "".join(names))
print(log); log.clear()
with contextlib.ExitStack() as stack:
    stack.enter_context(step("keep"))
    moved = stack.pop_all()
log.append("after with")
moved.close()
print(log); log.clear()
with contextlib.suppress(KeyError, IndexError):
    {}["missing"]
    print("not reached")
with contextlib.suppress(ZeroDivisionError):
    print("before"); 1 / 0
print("suppressed fine")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line 1")
    print("captured line 2")
print("captured:", repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    import sys
    print("to stderr", file=sys.stderr)
print("stderr captured:", repr(err.getvalue()))
class Res:
    def __init__(self):
        self.closed = False
    def close(self):
        self.closed = True
r = Res()
with contextlib.closing(r) as rr:
    print("closing yields same", rr is r, r.closed)
print("closed after", r.closed)
with contextlib.nullcontext(42) as v:
    print("nullcontext", v)
class Reusable(contextlib.ContextDecorator):
    def __enter__(self):
        log.append("enter")
        return self
    def __exit__(self, *exc):
        log.append("exit")
        return False
@Reusable()
def decorated(x):
    log.append(f"call {x}")
    return x * 2
print(decorated(5), log); log.clear()
class AbstractCM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        return None
with AbstractCM() as cm:
    print("AbstractContextManager returns self", isinstance(cm, AbstractCM))
@contextlib.contextmanager
def failing():
    try:
        yield
    except ValueError:
        log.append("saw ValueError")
        raise
try:
    with failing():
        raise ValueError("boom")
except ValueError:
    log.append("re-raised")
print(log); log.clear()
with contextlib.ExitStack() as st:
    def cb(et, ev, tb):
        log.append(f"exit callback {et.__name__ if et else None}")
        return True
    st.push(cb)
    raise RuntimeError("swallowed by push")
print(log)
async_cm_exists = hasattr(contextlib, "asynccontextmanager") and hasattr(contextlib, "AsyncExitStack")
print("async variants exist", async_cm_exists)
