class F(float):
    def __new__(cls, v, tag='x'):
        self = super().__new__(cls, v * 2)
        self.tag = tag
        return self
    def __repr__(self):
        return 'F(' + float.__repr__(self) + ',' + self.tag + ')'
f = F(1.25, 'q')
print(f, f + 1, f.tag, float(f), int(f), round(f), round(f, 1), f.is_integer(), f.hex(), f.as_integer_ratio(), hash(f) == hash(2.5))
print(isinstance(f, float), type(f).__name__, f == 2.5, f < 3, -f, abs(F(-1)), f.real, f.imag, f.conjugate(), str(f), format(f, '.3f'))
class I(int):
    def __new__(cls, v=0):
        return super().__new__(cls, v + 1)
    def double(self):
        return self * 2
    def __str__(self):
        return 'I<' + int.__repr__(self) + '>'
i = I(4)
print(i, repr(i), i.double(), i + 1, i.bit_length(), i.to_bytes(2, 'big'), I.from_bytes(b'\x07', 'big'), hex(i), i == 5, {i: 1}[5], [0, 1, 2, 3, 4, 5][i])
print(int(i), float(i), complex(i), divmod(i, 2), pow(i, 2, 7), i ** 2, ~i, i >> 1, i & 4, i.numerator, i.denominator, i.real, i.imag, i.conjugate())
class B(int):
    pass
print(B(True), B('0x10', 16), B(), type(B(5) & B(3)), B(5) & B(3), B(7) // B(2), type(B(7) // B(2)))
class C(complex):
    def __new__(cls, a, b):
        return super().__new__(cls, a, b)
    def mag(self):
        return abs(self)
c = C(3, 4)
print(c, c.mag(), c + 1, type(c + 1).__name__, c.real, c.imag, c.conjugate(), c == 3 + 4j, hash(c) == hash(3 + 4j), complex(c), c ** 2)
