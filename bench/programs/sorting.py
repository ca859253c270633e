"""Sorting with keys: ranking and reporting over a table of employee records.

Models the sort-heavy part of a reporting tool: records (tuples, dicts and
small objects) are sorted by key functions, multi-level keys, reversed
orders, ``operator.itemgetter``/``attrgetter``, ``functools.cmp_to_key``
and rich comparison methods; stability is relied on for multi-pass sorts,
and ``bisect`` and ``heapq`` answer rank queries. Stresses list.sort,
key-function calls, tuple comparison and string comparison.
"""

import bisect
import functools
import heapq
from operator import attrgetter, itemgetter

from _harness import main

DEPTS = ["eng", "ops", "sales", "legal", "hr", "design", "support"]
FIRST = ["ann", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu"]
LAST = ["smith", "ng", "okafor", "garcia", "ivanova", "tanaka", "muller", "rossi", "kim", "dubois"]


class Employee:
    __slots__ = ("ident", "name", "dept", "salary", "age", "score")

    def __init__(self, ident, name, dept, salary, age, score):
        self.ident = ident
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score > other.score
        return self.ident < other.ident


def make(count):
    state = 2718
    people = []
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        name = FIRST[state % len(FIRST)] + " " + LAST[(state >> 4) % len(LAST)]
        people.append(Employee(i, name, DEPTS[(state >> 8) % len(DEPTS)], 30000 + (state >> 3) % 90000,
                               20 + (state >> 12) % 45, (state >> 6) % 1000))
    return people


def compare_people(a, b):
    if a.dept != b.dept:
        return -1 if a.dept < b.dept else 1
    if a.age != b.age:
        return b.age - a.age
    return a.ident - b.ident


def digest(seq):
    h = 0
    for x in seq:
        h = (h * 1000003 + x) & 0xFFFFFFFF
    return h


def run(count):
    people = make(count)
    out = []
    by_salary = sorted(people, key=attrgetter("salary"))
    out.append("salary %d" % digest(p.ident for p in by_salary))
    multi = sorted(people, key=lambda p: (p.dept, -p.salary, p.name))
    out.append("multi %d" % digest(p.ident for p in multi))
    stable = people[:]
    stable.sort(key=attrgetter("age"))
    stable.sort(key=attrgetter("dept"), reverse=True)
    out.append("stable %d" % digest(p.ident for p in stable))
    cmp_sorted = sorted(people, key=functools.cmp_to_key(compare_people))
    out.append("cmp %d" % digest(p.ident for p in cmp_sorted))
    rich = sorted(people)
    out.append("rich %d" % digest(p.ident for p in rich[:1000]))
    rows = [(p.name, p.dept, p.salary, p.age) for p in people]
    rows.sort(key=itemgetter(1, 0, 3))
    out.append("rows %d" % digest(r[2] for r in rows))
    dicts = [{"name": p.name, "score": p.score, "ident": p.ident} for p in people]
    dicts.sort(key=lambda d: (d["name"].split()[1], d["name"], -d["score"], d["ident"]))
    out.append("dicts %d" % digest(d["ident"] for d in dicts))
    words = sorted((p.name.replace(" ", "").upper()[::-1] for p in people), key=str.lower)
    out.append("names %s %s" % (words[0], words[-1]))
    salaries = [p.salary for p in by_salary]
    ranks = sum(bisect.bisect_left(salaries, 30000 + k * 997) for k in range(0, 90, 3))
    top = heapq.nlargest(5, people, key=lambda p: (p.salary, -p.ident))
    low = heapq.nsmallest(5, (p.age * 100000 + p.ident for p in people))
    out.append("ranks %d top %s low %s" % (ranks, ",".join(str(p.ident) for p in top),
                                          ",".join(str(x % 100000) for x in low)))
    return out


if __name__ == "__main__":
    main(run, normal=180000, short=1000)
