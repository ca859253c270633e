"""Richards-style operating-system scheduler simulation.

Models a tiny priority-scheduled kernel: an idle task, a worker, two
handlers and two devices pass packets through work queues, holding,
releasing and waiting on each other. Stresses method dispatch through
subclasses, attribute reads and writes, linked lists and branchy code.
"""

from _harness import main

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    __slots__ = ("link", "dest", "kind", "datum", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Put self at the end of the queue headed by `queue`; return the head."""
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    """A task control block plus the behaviour run when it is scheduled."""

    def __init__(self, kernel, ident, priority, queue):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = False
        self.held = False
        self.next = None

    def runnable(self):
        return not self.held and (self.pending or not self.waiting)

    def take_packet(self):
        """Called when scheduled: pop the next packet if one was pending."""
        if self.waiting and self.pending:
            pkt = self.queue
            self.queue = pkt.link
            self.pending = self.queue is not None
            self.waiting = False
            return pkt
        return None

    def add_packet(self, pkt, current):
        """Deliver a packet; returns the task that should run next."""
        if self.queue is None:
            self.queue = pkt
            self.pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return current

    def step(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, ident, priority, queue, count):
        Task.__init__(self, kernel, ident, priority, queue)
        self.seed = 1
        self.count = count

    def step(self, pkt):
        k = self.kernel
        self.count -= 1
        if self.count == 0:
            return k.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return k.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return k.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, pkt):
        k = self.kernel
        if pkt is None:
            return k.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.dest = self.dest
        pkt.datum = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.data[i] = self.letter
        return k.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, pkt):
        k = self.kernel
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        if self.work is not None:
            work = self.work
            i = work.datum
            if i < DATA_SIZE:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.datum = work.data[i]
                    work.datum = i + 1
                    return k.queue_packet(dev)
            else:
                self.work = work.link
                return k.queue_packet(work)
        return k.wait()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.stored = None
        self.output = 0

    def step(self, pkt):
        k = self.kernel
        if pkt is None:
            if self.stored is None:
                return k.wait()
            out = self.stored
            self.stored = None
            return k.queue_packet(out)
        self.stored = pkt
        self.output = (self.output * 7 + pkt.datum) % 100003
        return k.hold_self()


class Kernel:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        task.next = self.task_list
        self.task_list = task

    def find(self, ident):
        return self.tasks[ident]

    def hold_self(self):
        self.hold_count += 1
        cur = self.current
        cur.held = True
        return cur.next

    def release(self, ident):
        t = self.find(ident)
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, pkt):
        t = self.find(pkt.dest)
        self.queue_count += 1
        pkt.link = None
        pkt.dest = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            cur = self.current
            if cur.runnable():
                self.current = cur.step(cur.take_packet())
            else:
                self.current = cur.next


def simulate(count):
    k = Kernel()
    k.add(IdleTask(k, IDLE, 0, None, count))
    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    worker = WorkerTask(k, WORKER, 1000, wq)
    worker.waiting = True
    k.add(worker)
    for ident, prio in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        q = Packet(None, ident + 2, KIND_DEVICE)
        q = Packet(q, ident + 2, KIND_DEVICE)
        q = Packet(q, ident + 2, KIND_DEVICE)
        h = HandlerTask(k, ident, prio, q)
        h.waiting = True
        k.add(h)
    for ident, prio in ((DEVICE_A, 4000), (DEVICE_B, 5000)):
        d = DeviceTask(k, ident, prio, None)
        d.waiting = True
        k.add(d)
    # keep the list sorted by descending priority, as the scheduler expects
    ordered = sorted((t for t in k.tasks), key=lambda t: -t.priority)
    k.task_list = None
    for t in reversed(ordered):
        t.next = k.task_list
        k.task_list = t
    k.schedule()
    return k


def run(rounds):
    out = []
    qc = hc = dev = 0
    for i in range(rounds):
        k = simulate(10000 + i)
        qc += k.queue_count
        hc += k.hold_count
        dev += k.tasks[DEVICE_A].output + k.tasks[DEVICE_B].output
    out.append("rounds %d queued %d held %d device %d" % (rounds, qc, hc, dev))
    return out


if __name__ == "__main__":
    main(run, normal=50, short=1)
