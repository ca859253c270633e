name = "world"
n = 42
x = 1.5
items = [1, 2]
print(f"hello {name}")
print(f"{n} {x} {items} {None} {True}")
print(f"{n + 1} {n * 2} {name.upper()} {len(items)}")
print(f"{{literal braces}} {n}")
print(f"{name!r} {name!s}")
print(f"" == "", f"{''}" == "", f"a{n}b{n}c")
print(f"{'nested ' + name}")
print(F"upper prefix {n}")
print(f"""triple {n}
second line {x}""")
print(f"{-0.0} {1e16} {1e-5} {2 ** 64}")
