# typing: generics, aliases, NamedTuple, TypedDict, get_type_hints.
import typing
from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic, NamedTuple, TypedDict, Any, Protocol

T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
print(Box[int](5).get(), List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), T, Box[int])
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2)._asdict(), Pt._fields, Pt.__annotations__)
class Movie(TypedDict):
    name: str
    year: int
print(Movie(name="x", year=1), Movie.__annotations__)
def f(a: int, b: "str" = "x") -> bool:
    return True
print(typing.get_type_hints(f))
class Greeter(Protocol):
    def greet(self) -> str: ...
print(isinstance(3, typing.Hashable) if hasattr(typing, "Hashable") else "", typing.cast(int, "x"), Any)

