# . and DOTALL, newlines and other line breaks.
import re

s = "a\nb\r\nc\u2028d\x0be"
print(re.findall(".", s))
print(re.findall(".", s, re.S))
print(re.findall(".+", s))
print(re.findall(".+", s, re.DOTALL))
print(re.findall("(?s).+", s))
print(re.findall("(?s:.)+", s))
print(re.match("a.*", s).group(), re.match("a.*", s, re.S).group())
print(re.match("a.*?b", s), re.match("a.*?b", s, re.S))
print(re.match(".*", "").span(), re.match(".*", "\n").span())
print(re.findall(r"[^\n]+", s))
print(re.findall(".{2}", "abcdefg"))
print(re.split("\n", s))
print(re.sub(".", "-", "ab\ncd"))
print(re.sub("(?s).", "-", "ab\ncd"))
print(re.fullmatch("a.b", "a\nb"), re.fullmatch("a.b", "a\nb", re.S))
