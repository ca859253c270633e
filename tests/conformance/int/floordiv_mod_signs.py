# floor division and modulo follow the sign of the divisor
for a in (7, -7, 0, 1, -1, 12, -12):
    row = []
    for b in (3, -3, 1, -1, 5, -5, 12, -12):
        row.append(str(a) + "//" + str(b) + "=" + str(a // b) + " " + str(a) + "%" + str(b) + "=" + str(a % b))
    print(" ".join(row))
# identity a == (a // b) * b + a % b
ok = True
for a in range(-20, 21):
    for b in list(range(-7, 0)) + list(range(1, 8)):
        if (a // b) * b + a % b != a:
            ok = False
        if b > 0 and not (0 <= a % b < b):
            ok = False
        if b < 0 and not (b < a % b <= 0):
            ok = False
print("identity holds:", ok)
big = 10 ** 30 + 7
print(big // 3, big % 3, -big // 3, -big % 3, big // -3, big % -3)
print(divmod(big, 7), divmod(-big, 7), divmod(big, -7), divmod(-big, -7))
print(-(10 ** 20) // 10 ** 10, -(10 ** 20) % (10 ** 10 + 1))
