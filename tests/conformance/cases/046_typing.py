from typing import (Any, Callable, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, Tuple, TypedDict, TypeVar,
                    Union, get_args, get_origin, get_type_hints, runtime_checkable, overload, cast, Final, Annotated, NewType, Self)
import typing

T = TypeVar("T")
K = TypeVar("K")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), Stack[int].__origin__ is Stack, Stack.__parameters__)
class Emp(NamedTuple):
    name: str
    id: int = 3
print(Emp("x"), Emp._fields, Emp.__annotations__)
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closer), isinstance(5, Closer))
def f(a: int, b: Optional[str] = None, *c: float, d: "List[int]" = [], **e: Any) -> Dict[str, int]:
    return {}
hints = get_type_hints(f)
print(sorted((k, str(v)) for k, v in hints.items()))
print(get_origin(List[int]), get_args(Dict[str, List[int]]), get_origin(Union[int, str]), get_args(Optional[int]))
print(get_args(Callable[[int, str], bool]), get_origin(Literal["a"]), get_args(Literal["a", 1]))
print(List[int], Dict[str, Tuple[int, ...]], Optional[List[str]], Union[int, None, str], Callable[..., Any])
print(int | str, list[int], dict[str, list[int]], tuple[int, ...], type(int | None).__name__)
print(get_args(int | str), Annotated[int, "meta"], get_args(Annotated[int, "meta", 3]))
UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, cast(str, 5))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x * 2
print(g(2), g("ab"))
class Node:
    def __init__(self, val: int, nxt: "Optional[Node]" = None):
        self.val, self.nxt = val, nxt
    def chain(self) -> Self:
        return self
print(get_type_hints(Node.__init__))
print(typing.TYPE_CHECKING, Final, Literal[1, 2] == Literal[2, 1], List[int] == List[int])
def first(xs: List[T]) -> T:
    return xs[0]
print(first([3, 4]), T.__name__, T.__constraints__, TypeVar("N", int, float).__constraints__, TypeVar("B", bound=str).__bound__)
P = typing.ParamSpec("P")
def deco(fn: Callable[P, T]) -> Callable[P, T]:
    return fn
print(P.__name__, deco(len)("abc"))
Ts = typing.TypeVarTuple("Ts")
print(Ts.__name__, typing.assert_type(3, int), typing.reveal_type.__name__)
class Box(Generic[T, K]):
    pass
print(Box[int, str], Box[int, str].__args__)
