import inspect

def func(a, b: int = 2, *args, c, d: str = "x", **kw) -> bool:
    """Docstring for func.

    More text."""
    return True
sig = inspect.signature(func)
print(sig, list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind.name, p.default if p.default is not p.empty else "<empty>", p.annotation if p.annotation is not p.empty else "<empty>")
b = sig.bind(1, 3, 4, 5, c=6, e=7)
b.apply_defaults()
print(b.arguments, b.args, b.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.getdoc(func), inspect.cleandoc("   indented\n     more\n   end"))
class K:
    """K doc"""
    x = 1
    def m(self):
        pass
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm():
        pass
    @property
    def p(self):
        return 1
print(inspect.isclass(K), inspect.isfunction(K.m), inspect.ismethod(K().m), inspect.ismethod(K.cm), inspect.isfunction(K.sm))
print([n for n, _ in inspect.getmembers(K) if not n.startswith("__")], [n for n, _ in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getmro(bool), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isgeneratorfunction(func))
def gen():
    yield 1
async def co():
    pass
print(inspect.isgeneratorfunction(gen), inspect.iscoroutinefunction(co), inspect.isabstract(K), inspect.getattr_static(K, "p").__class__.__name__)
print(inspect.signature(lambda x, /, y=1, *, z: 0), inspect.signature(K.m), inspect.signature(K().m), str(inspect.signature(len)))
def outer():
    frame = inspect.currentframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name
print(outer())
def cv():
    v = 10
    def inner():
        return v
    return inner
print(inspect.getclosurevars(cv()).nonlocals, inspect.unwrap(func) is func)
print(inspect.Parameter("q", inspect.Parameter.KEYWORD_ONLY, default=3), inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
