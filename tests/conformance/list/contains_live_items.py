# `in` on lists and tuples: primitive items, NaN identity, __eq__ that empties the
# list during the search, reflected __eq__.
nan = float('nan')
l = [1, 2.0, 'a', nan, (1, 2), None]
print(1 in l, 2 in l, 2.0 in l, 'a' in l, 'b' in l, nan in l, (1, 2) in l, None in l, True in l, 1.0 in l, 3 in l)
class E:
    def __eq__(self, o):
        l.clear(); return False
l.append(E())
print(99 in l, l)
class F:
    def __eq__(self, o): return o == 7
print(F() in [7], 7 in [F()], F() in (1,))
print('x' in ('x', 'y'), 0 in (), [] in [[]])
