# non-ASCII in source: identifiers, strings, comments (é, 中文, emoji 🎉)
café = "crème brûlée"
print(café, len(café))
π = 3.14159
print(π * 2)
名前 = "名前"
print(名前, len(名前), 名前[0])
s = "🎉 party 🎉"
print(s, len(s), s[0], s[-1], s[2:7])
print("ÀÉÎÕÜ".lower(), "straße".upper(), "ǅ".lower(), "ß".upper())
print(ord("€"), chr(8364), chr(0x1F600), ord("\U0001F600"))
print(repr("é"), repr("\u200b"), repr("\U0001F600"), ascii("é"))
print(sorted(["b", "a", "é", "z", "É", "A"]))
