# _operator: functions, attrgetter/itemgetter/methodcaller and their errors.
import _operator as op

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

class V:
    def __init__(self, x):
        self.x = x
        self.child = None
    def __repr__(self):
        return f"V({self.x})"
    def double(self, k=2):
        return self.x * k

v = V(3)
v.child = V(7)
for expr in [
    "op.add(1, 2)", "op.sub(5, 7)", "op.mul('ab', 3)", "op.truediv(7, 2)", "op.floordiv(-7, 2)", "op.mod(-7, 3)",
    "op.pow(2, 100)", "op.lshift(1, 70)", "op.rshift(-16, 2)", "op.and_(12, 10)", "op.or_(12, 3)", "op.xor(5, 1)",
    "op.neg(5)", "op.pos(-2)", "op.abs(-3.5)", "op.inv(0)", "op.invert(5)", "op.not_([])", "op.truth('x')",
    "op.index(7)", "op.index(1.5)", "op.is_(None, None)", "op.is_not(1, None)",
    "op.lt(1, 2)", "op.le(2, 2)", "op.eq('a', 'a')", "op.ne(1, 1.0)", "op.gt(3, 1)", "op.ge(1, 2)", "op.lt(1, 'a')",
    "op.add(1)", "op.add(1, 2, 3)", "op.neg()", "op.add([1], (2,))", "op.matmul(1, 2)",
    "op.concat([1], [2])", "op.concat('a', 'b')", "op.concat(1, 2)", "op.concat([1], (2,))", "op.iconcat([1], [2])",
    "op.contains([1, 2], 2)", "op.contains('abc', 'bc')", "op.contains(5, 1)", "op.countOf([1, 2, 1, 1], 1)",
    "op.countOf('banana', 'a')", "op.indexOf([5, 6, 7], 7)", "op.indexOf([1], 2)", "op.indexOf(iter('xyz'), 'z')",
    "op.getitem([1, 2, 3], 1)", "op.getitem({'a': 1}, 'a')", "op.getitem('abc', slice(1, None))", "op.getitem(5, 0)",
    "op.length_hint([1, 2, 3])", "op.length_hint(iter([1, 2, 3]))", "op.length_hint(iter(range(10)))",
    "op.length_hint(x for x in [])", "op.length_hint(5)", "op.length_hint(5, 9)", "op.length_hint(5, 'a')",
    "op.call(len, 'abc')", "op.call(dict, a=1)", "op.call()",
    "op._compare_digest(b'abc', b'abc')", "op._compare_digest('a', 'b')", "op._compare_digest('a', b'a')",
    "op.attrgetter('x')(v)", "op.attrgetter('child.x')(v)", "op.attrgetter('x', 'child.x')(v)", "op.attrgetter('y')(v)",
    "op.attrgetter(1)", "op.attrgetter()", "op.attrgetter('x')()", "op.attrgetter('x')(v, v)",
    "repr(op.attrgetter('x', 'a.b'))", "op.attrgetter('x', a=1)",
    "op.itemgetter(1)('abc')", "op.itemgetter(0, -1)('abc')", "op.itemgetter('k')({'k': 9})", "op.itemgetter(5)('ab')",
    "op.itemgetter()", "repr(op.itemgetter(1, 'x'))", "op.itemgetter(slice(1, 3))([1, 2, 3, 4])",
    "sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1))",
    "op.methodcaller('upper')('abc')", "op.methodcaller('split', ',')('a,b')", "op.methodcaller('double', k=5)(v)",
    "op.methodcaller()", "op.methodcaller(5)", "repr(op.methodcaller('f', 1, 'x', k=[2]))",
    "op.methodcaller('nope')(v)",
]:
    show(expr)

a = [1]
print(op.iadd(a, [2]) is a, a, op.imul([0], 3), op.isub(5, 2), op.ipow(2, 3), op.ior({1}, {2}))
l = [1, 2, 3]
op.setitem(l, 0, 9)
op.delitem(l, 1)
print(l)
print(type(op.itemgetter(0)).__name__, type(op.attrgetter('x')), op.itemgetter(1).__reduce__()[1])
try:
    class Sub(op.itemgetter):
        pass
except TypeError as e:
    print("TypeError", e)
