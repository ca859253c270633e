# dataclasses: fields, defaults, frozen, order, asdict, replace.
import dataclasses
from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0), Point(2, 3, ["a"]), dataclasses.asdict(p), dataclasses.fields(p)[0].name)
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "z"
v = V(1)
print(v, V(1) < V(2), hash(v) == hash(V(1)), sorted([V(2), V(1, "a")]))
try:
    v.a = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(dataclasses.replace(v, a=9), dataclasses.astuple(V(3)), dataclasses.is_dataclass(v))
@dataclass
class Inv:
    name: str
    price: float
    qty: int = 0
    def total(self) -> float:
        return self.price * self.qty
print(Inv("w", 2.5, 4).total(), repr(Inv("a", 1.0)))
