print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and "x", [] or {}, 0 or "" or None)
print(not 1, not 0, not not [], 1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 3, None and crash)
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(1) or t(2)
print(r, calls)
calls.clear()
r = t(0) or t("") or t("last")
print(r, calls)
calls.clear()
r = t(1) and t(2) and t(None) and t(3)
print(r, calls)
print(True and "yes" or "no", False and "yes" or "no", (1, 2) and [3])
print(1 or 1 / 0, 0 and 1 / 0)
x = 5
print(x > 0 and x < 10, x < 0 or x > 4, not x == 5)
print(not 1 == 2, (not 1) == 2, not (1 == 2))
print(type(1 and 2.0).__name__, type(0 or []).__name__)
