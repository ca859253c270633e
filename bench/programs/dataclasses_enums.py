"""Dataclasses and enums: an issue tracker's workflow engine.

Models business-logic code: tickets are dataclasses (frozen value objects,
ordered records, mutable entities with ``default_factory`` fields and
``__post_init__``) moving through a state machine keyed by ``Enum`` members,
with ``IntEnum`` priorities and ``Flag`` permissions; reports use
``dataclasses.replace``, ``asdict`` and ``astuple``. Stresses generated
``__init__``/``__eq__``/``__hash__``/ordering, enum member lookup and hashing.
"""

from dataclasses import asdict, astuple, dataclass, field, replace
from enum import Enum, Flag, IntEnum, auto

from _harness import main


class Status(Enum):
    NEW = "new"
    TRIAGED = "triaged"
    IN_PROGRESS = "in progress"
    REVIEW = "review"
    DONE = "done"
    WONTFIX = "wontfix"


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


class Perm(Flag):
    READ = auto()
    COMMENT = auto()
    ASSIGN = auto()
    CLOSE = auto()
    ADMIN = READ | COMMENT | ASSIGN | CLOSE


TRANSITIONS = {
    Status.NEW: (Status.TRIAGED, Status.WONTFIX),
    Status.TRIAGED: (Status.IN_PROGRESS, Status.WONTFIX),
    Status.IN_PROGRESS: (Status.REVIEW, Status.TRIAGED),
    Status.REVIEW: (Status.DONE, Status.IN_PROGRESS),
    Status.DONE: (),
    Status.WONTFIX: (),
}
NEEDS = {Status.TRIAGED: Perm.ASSIGN, Status.IN_PROGRESS: Perm.COMMENT, Status.REVIEW: Perm.COMMENT,
         Status.DONE: Perm.CLOSE, Status.WONTFIX: Perm.CLOSE}


@dataclass(frozen=True)
class User:
    name: str
    perms: Perm


@dataclass(frozen=True, order=True)
class Event:
    tick: int
    ticket: int
    old: str
    new: str


@dataclass
class Ticket:
    ident: int
    title: str
    priority: Priority
    status: Status = Status.NEW
    assignee: str = ""
    labels: list = field(default_factory=list)
    history: list = field(default_factory=list)
    points: int = 0

    def __post_init__(self):
        if not self.title:
            raise ValueError("empty title")
        self.points = int(self.priority) * 2 + len(self.title) % 3


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 7) % n


def simulate(nticks):
    rng = Lcg(5150)
    users = [User("admin", Perm.ADMIN), User("dev1", Perm.READ | Perm.COMMENT | Perm.ASSIGN),
             User("dev2", Perm.READ | Perm.COMMENT), User("lead", Perm.READ | Perm.ASSIGN | Perm.CLOSE),
             User("guest", Perm.READ)]
    tickets = {}
    events = []
    denied = 0
    priorities = list(Priority)
    for tick in range(nticks):
        if rng.below(4) == 0 or not tickets:
            ident = len(tickets) + 1
            tickets[ident] = Ticket(ident, "ticket %d about %s" % (ident, ("ui", "db", "api", "docs")[ident % 4]),
                                    priorities[rng.below(len(priorities))],
                                    labels=[("bug", "feature", "chore")[rng.below(3)]])
            continue
        t = tickets[1 + rng.below(len(tickets))]
        choices = TRANSITIONS[t.status]
        if not choices:
            continue
        target = choices[0] if rng.below(5) else choices[-1]
        user = users[rng.below(len(users))]
        if NEEDS[target] not in user.perms:
            denied += 1
            continue
        ev = Event(tick, t.ident, t.status.value, target.value)
        events.append(ev)
        t.history.append(ev)
        t.status = Status(target.value)
        if target is Status.IN_PROGRESS:
            t.assignee = user.name
    return tickets, events, denied


def run(nticks):
    tickets, events, denied = simulate(nticks)
    by_status = {s: 0 for s in Status}
    points = {p: 0 for p in Priority}
    for t in tickets.values():
        by_status[t.status] += 1
        points[t.priority] += t.points
    frozen = {replace(ev, tick=0) for ev in events}
    latest = max(events)
    ordered = sorted(events, reverse=True)[:3]
    done = [t for t in tickets.values() if t.status is Status.DONE]
    busiest = max(tickets.values(), key=lambda t: (len(t.history), -t.ident))
    as_dict = asdict(busiest)
    rows = [astuple(ev) for ev in busiest.history]
    high = sum(1 for t in tickets.values() if t.priority >= Priority.HIGH and t.status != Status.WONTFIX)
    names = ",".join(sorted({Status[s.name].name.lower() for s in Status}))
    perms = sum(len([p for p in (Perm.READ, Perm.COMMENT, Perm.ASSIGN, Perm.CLOSE) if p in u.perms])
                for u in (User("x", Perm.ADMIN), User("y", Perm.READ | Perm.CLOSE)))
    return ["tickets %d events %d denied %d distinct %d high %d" % (len(tickets), len(events), denied,
                                                                    len(frozen), high),
            "status " + " ".join("%s=%d" % (s.name, n) for s, n in by_status.items()),
            "points " + " ".join("%s=%d" % (p.name, n) for p, n in points.items()),
            "latest %d %s->%s top %s" % (latest.tick, latest.old, latest.new, [e.tick for e in ordered]),
            "done %d busiest %d history %d keys %s rows %d" % (len(done), busiest.ident, len(rows),
                                                               ",".join(sorted(as_dict)), len(rows)),
            "names %s perms %d" % (names, perms)]


if __name__ == "__main__":
    main(run, normal=500000, short=3000)
