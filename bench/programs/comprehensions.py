"""Comprehension pipelines: sales analytics over synthetic order records.

Models a data-analysis script written in idiomatic Python: list, dict and
set comprehensions with filters and nested loops, ``zip``/``enumerate``,
``any``/``all``, group-by via dict comprehensions, joins between tables
and a small matrix computation with nested comprehensions. Stresses the
comprehension machinery, tuple unpacking and builtin iteration.
"""

from _harness import main

REGIONS = ["north", "south", "east", "west", "central"]
PRODUCTS = ["apple", "bread", "cheese", "dates", "eggs", "flour", "grapes", "honey", "ink", "jam"]


def make_orders(count):
    state = 31337
    orders = []
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        orders.append((i, state % 2000, PRODUCTS[(state >> 4) % len(PRODUCTS)], 1 + (state >> 9) % 12,
                       REGIONS[(state >> 13) % len(REGIONS)], (state >> 17) % 365))
    return orders


def run(count):
    orders = make_orders(count)
    prices = {p: 50 + 37 * i % 400 for i, p in enumerate(PRODUCTS)}
    customers = {c: REGIONS[(c * 7) % len(REGIONS)] for c in range(2000)}
    lines = [(oid, cust, prod, qty * prices[prod], region, day)
             for oid, cust, prod, qty, region, day in orders if qty > 1]
    revenue_by_region = {r: sum(v for _, _, _, v, reg, _ in lines if reg == r) for r in REGIONS}
    products_by_region = {r: sorted({p for _, _, p, _, reg, _ in lines if reg == r}) for r in REGIONS}
    remote = sum(1 for _, cust, _, _, reg, _ in lines if customers[cust] != reg)
    monthly = [sum(v for *_, v, _, day in lines if day // 31 == m) for m in range(12)]
    spenders = {}
    for _, cust, _, v, _, _ in lines:
        spenders[cust] = spenders.get(cust, 0) + v
    top = sorted(spenders, key=lambda c: (-spenders[c], c))[:5]
    loyal = {cust for cust, total in spenders.items() if total > 5000 and cust % 3 == 0}
    pairs = [(a, b) for a in PRODUCTS for b in PRODUCTS if a < b and (prices[a] + prices[b]) % 7 == 0]
    weekly = [[sum(1 for *_, day in orders[w::53] if day % 7 == d) for d in range(7)] for w in range(10)]
    transposed = [list(col) for col in zip(*weekly)]
    dot = sum(x * y for row_a, row_b in zip(weekly, transposed[:len(weekly)]) for x, y in zip(row_a, row_b))
    flags = [any(v > 4000 for *_, v, _, _ in lines[i:i + 50]) for i in range(0, len(lines), 50)]
    all_pos = all(v > 0 for *_, v, _, _ in lines)
    idx_sum = sum(i * v for i, (_, _, _, v, _, _) in enumerate(lines[:5000]))
    nested = [[c for c in word if c not in "aeiou"] for word in PRODUCTS * (count // 1000)]
    consonants = sum(len(x) for x in nested)
    return ["lines %d remote %d loyal %d pairs %d" % (len(lines), remote, len(loyal), len(pairs)),
            "revenue " + " ".join("%s=%d" % (r, revenue_by_region[r]) for r in REGIONS),
            "kinds " + " ".join(str(len(products_by_region[r])) for r in REGIONS),
            "monthly %d top %s" % (sum(m * (i + 1) for i, m in enumerate(monthly)), ",".join(map(str, top))),
            "dot %d flags %d allpos %s idx %d consonants %d" % (dot, sum(flags), all_pos, idx_sum, consonants)]


if __name__ == "__main__":
    main(run, normal=600000, short=2000)
