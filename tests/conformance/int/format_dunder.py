# __format__ of int, bool, float and complex (and subclasses): empty spec is str(self).
class I(int):
    def __str__(self): return 'I!'
class F(float):
    def __str__(self): return 'F!'
class C(complex):
    def __str__(self): return 'C!'
print(format(I(5)), format(I(5), 'd'), f'{I(5)}', f'{I(5):>4}', format(F(1.5)), f'{F(1.5)}', format(C(1j)), format(F(1.5), '.1f'))
print(format(True), f'{True:d}', f'{False:>5}', format(True, 'x'), format(2**70, ','), format(-0.0), format(1e16), format(1j), format(12, ''))
for f in [lambda: (1).__format__(), lambda: (1.0).__format__(), lambda: (1j).__format__(), lambda: (1).__format__('a', 'b'),
          lambda: (1).__format__(1), lambda: format(True, 's'), lambda: format(1.5, 'd'), lambda: format(3, 's'), lambda: format(1j, 'd')]:
    try:
        print(repr(f()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
