"""Coroutine scheduler: a discrete-event simulation of a small warehouse.

Models cooperative multitasking as in an event loop: producers, a
dispatcher, pickers and an auditor are generator-based coroutines that
yield requests (sleep, put, get) to a scheduler, which resumes them with
``send()`` and a priority queue of timed events. Stresses generator
send/resume, exceptions thrown into coroutines, deques and heaps.
"""

import heapq
from collections import deque

from _harness import main


class Shutdown(Exception):
    pass


class Channel:
    def __init__(self, name, capacity):
        self.name = name
        self.capacity = capacity
        self.items = deque()
        self.getters = deque()
        self.putters = deque()


class Scheduler:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.switches = 0
        self.live = set()

    def spawn(self, coro, name):
        self.live.add(name)
        self.schedule(0, coro, name, None)

    def schedule(self, delay, coro, name, value):
        self.seq += 1
        heapq.heappush(self.queue, (self.now + delay, self.seq, name, coro, value))

    def handle(self, req, coro, name):
        kind = req[0]
        if kind == "sleep":
            self.schedule(req[1], coro, name, None)
        elif kind == "put":
            ch, item = req[1], req[2]
            if ch.getters:
                gname, gcoro = ch.getters.popleft()
                self.schedule(0, gcoro, gname, item)
                self.schedule(0, coro, name, True)
            elif len(ch.items) < ch.capacity:
                ch.items.append(item)
                self.schedule(0, coro, name, True)
            else:
                ch.putters.append((name, coro, item))
        elif kind == "get":
            ch = req[1]
            if ch.items:
                item = ch.items.popleft()
                if ch.putters:
                    pname, pcoro, pitem = ch.putters.popleft()
                    ch.items.append(pitem)
                    self.schedule(0, pcoro, pname, True)
                self.schedule(0, coro, name, item)
            else:
                ch.getters.append((name, coro))
        else:
            raise ValueError(kind)

    def run(self, until):
        while self.queue:
            t, _, name, coro, value = heapq.heappop(self.queue)
            if t > until:
                break
            self.now = t
            self.switches += 1
            try:
                req = coro.send(value)
            except StopIteration:
                self.live.discard(name)
                continue
            self.handle(req, coro, name)

    def stop_all(self, coros):
        stopped = 0
        for coro in coros:
            try:
                coro.throw(Shutdown())
            except (Shutdown, StopIteration):
                stopped += 1
        return stopped


def producer(ident, orders, seed, count):
    state = seed
    for n in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield ("sleep", 1 + state % 7)
        order = (ident, n, 1 + (state >> 9) % 5, (state >> 3) % 40)
        yield ("put", orders, order)


def dispatcher(orders, lanes, stats):
    while True:
        order = yield ("get", orders)
        lane = lanes[order[3] % len(lanes)]
        stats["dispatched"] += 1
        yield ("put", lane, order)


def picker(lane, done, stats, speed):
    picked = 0
    try:
        while True:
            order = yield ("get", lane)
            yield ("sleep", order[2] * speed)
            picked += order[2]
            stats["items"] += order[2]
            yield ("put", done, (order[0], order[1], picked))
    except Shutdown:
        stats["pickers_stopped"] += 1
        raise


def auditor(done, stats):
    digest = 0
    while True:
        ident, n, picked = yield ("get", done)
        digest = (digest * 31 + ident * 1000 + n + picked) % 1000000007
        stats["digest"] = digest
        stats["completed"] += 1


def run(per_producer):
    sched = Scheduler()
    stats = {"dispatched": 0, "items": 0, "completed": 0, "digest": 0, "pickers_stopped": 0}
    orders = Channel("orders", 8)
    lanes = [Channel("lane%d" % i, 4) for i in range(4)]
    done = Channel("done", 16)
    for i in range(6):
        sched.spawn(producer(i, orders, 1000 + i * 77, per_producer), "producer%d" % i)
    sched.spawn(dispatcher(orders, lanes, stats), "dispatcher")
    pickers = []
    for i, lane in enumerate(lanes):
        for j in range(2):
            p = picker(lane, done, stats, 1 + (i + j) % 3)
            pickers.append(p)
            sched.spawn(p, "picker%d.%d" % (i, j))
    sched.spawn(auditor(done, stats), "auditor")
    sched.run(until=10 ** 9)
    stopped = sched.stop_all(pickers)
    return ["time %d switches %d" % (sched.now, sched.switches),
            "dispatched %d items %d completed %d" % (stats["dispatched"], stats["items"], stats["completed"]),
            "digest %d stopped %d/%d live %d" % (stats["digest"], stopped, stats["pickers_stopped"], len(sched.live))]


if __name__ == "__main__":
    main(run, normal=45000, short=300)
