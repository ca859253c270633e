# types, abc and enum.
import types, abc, enum

print(types.FunctionType, types.LambdaType is types.FunctionType, types.ModuleType("m"), types.SimpleNamespace(a=1))
print(isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType), types.NoneType)
m = types.ModuleType("mymod", "doc here")
m.x = 1
print(m.__name__, m.__doc__, m.x)
print(types.MappingProxyType({"a": 1})["a"], types.new_class("Dyn", (object,), {}).__name__)
def g():
    yield 1
print(type(g()) is types.GeneratorType, type(types) is types.ModuleType)

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
    @property
    @abc.abstractmethod
    def name(self):
        ...
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
sq = Square(3)
print(sq.area(), sq.name, isinstance(sq, Shape), Shape.__abstractmethods__, Square.__abstractmethods__)
class Duck:
    def area(self):
        return 0
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), issubclass(int, Shape))
class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented
print(isinstance([], Sized), isinstance(3, Sized))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), Color.__members__.keys())
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, int(rw), list(Perm), Perm(7))
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, sorted([Num.TWO, Num.ONE]), Num(2).name)
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value, [m.name for m in Auto])
class S(str, enum.Enum):
    X = "x"
print(S.X == "x", S.X.upper(), f"{S.X}", str(S.X))
@enum.unique
class U(enum.Enum):
    A = 1
    B = 2
print(U.A, enum.Flag, Color.RED.__class__.__name__)
class F(enum.Flag):
    A = enum.auto()
    B = enum.auto()
    C = enum.auto()
print(F.A | F.C, ~F.A, F(0), bool(F(0)), F.A & F.B)
