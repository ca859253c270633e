def solve(n):
    solutions = []
    cols = []
    def place(row):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if ok(row, c):
                cols.append(c)
                place(row + 1)
                cols.pop()
    def ok(row, c):
        for pr, pc in enumerate(cols):
            if c == pc or abs(c - pc) == row - pr:
                return False
        return True
    place(0)
    return solutions
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(6)[0]
for c in first:
    print("".join(["Q" if i == c else "." for i in range(6)]))
