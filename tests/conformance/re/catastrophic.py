# Patterns with heavy backtracking on small inputs, and long subjects that
# need deep backtracking stacks (no native recursion limits).
import re

print(re.match(r"(a+)+b", "a" * 18))
print(re.match(r"(a|aa)+c", "a" * 20))
print(re.match(r"(x+x+)+y", "x" * 16))
print(re.match(r"(a*)*b", "a" * 16))
print(re.match(r"(?:a|a)*b", "a" * 16))
print(re.search(r"(\w+\s?)*$", "word " * 5 + "!"))
print(re.match(r"(a?){20}a{20}", "a" * 20).span())
print(re.match(r"(?:(a)|b)*", "ab" * 50000).span())
print(re.match(r"(?:a|b)*c", "ab" * 50000))
print(re.match(r"(ab)*", "ab" * 50000).span(), re.match(r"(ab)*?$", "ab" * 20000).span())
print(re.match(r"(?:a*?)*?b", "a" * 12))
print(re.match(r"((a)|b)*?c", "ab" * 10000 + "c").span())
print(len(re.findall(r"(?:x|y)+", "xy" * 30000 + " " + "yx" * 10 + " x")))
print(re.sub(r"(a|b)", r"\1", "ab" * 200) == "ab" * 200)
print(re.match(r"(?:(?:a)*)*", "a" * 1000).span())
print(re.match(r"(a+)+?b", "a" * 5000 + "b").span())
print(re.fullmatch(r"(?:a+)+", "a" * 100000).span())
print(re.search(r"(?<=a)b+", "a" + "b" * 100000).span())
print(re.match(r"(?>a+)+b", "a" * 30))
print(re.match(r"(?:a++)+b", "a" * 30))
