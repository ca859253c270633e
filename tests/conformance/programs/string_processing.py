def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! The quick brown fox."
enc = caesar(msg, 13)
print(enc)
print(caesar(enc, -13) == msg)
def rle(s):
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(str(count) + prev)
            prev, count = ch, 1
    out.append(str(count) + prev)
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
words = "the rain in spain falls mainly on the plain".split()
print(" ".join([w.capitalize() for w in words]))
print(max(words, key=len), sorted(set(words)), "".join(sorted("python")))
table = [("name", "qty"), ("apple", 3), ("banana", 12)]
for name, qty in table:
    print(str(name).ljust(8) + "|" + str(qty).rjust(5))
