import traceback

def level3():
    raise KeyError("missing")
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError("converted") from e
def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("top") 
try:
    level1()
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__context__).__name__, e.__context__, "|", type(e.__context__.__cause__).__name__, e.__context__.__cause__)
    print(e.__cause__, e.__suppress_context__, e.__context__.__suppress_context__)
    print("".join(traceback.format_exception_only(type(e), e)), end="")
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def chain(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}: {e}")
        e = e.__cause__ or e.__context__
    return out
try:
    try:
        try:
            int("x")
        except ValueError as a:
            raise OSError("io") from a
    except OSError:
        {}["k"]
except KeyError as e:
    print(chain(e))
err = ValueError("with notes")
err.add_note("note one")
err.add_note("note two")
print(err.__notes__, "".join(traceback.format_exception_only(err)), end="")
try:
    raise ValueError("bare")
except Exception as e:
    tb = e.__traceback__
    print(tb is not None, tb.tb_frame.f_code.co_name, type(e.with_traceback(None)).__name__)
code = compile("def f():\n    return 1 / 0\nf()\n", "<chain-test>", "exec")
try:
    exec(code, {})
except ZeroDivisionError as e:
    frames = traceback.extract_tb(e.__traceback__)[1:]
    print("".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(e)), end="")
    summary = traceback.extract_tb(e.__traceback__)
    print([(fs.filename, fs.lineno, fs.name) for fs in summary][1:])
print(repr(ValueError("a", 1)), str(ValueError("a", 1)), ValueError("a", 1).args, repr(KeyError("k")), str(KeyError("k")))
print(isinstance(FileNotFoundError(), OSError), issubclass(ZeroDivisionError, ArithmeticError), BaseException.__subclasses__()[:0])
print([c.__name__ for c in LookupError.__subclasses__() if c.__module__ == "builtins"])
