# threading over _thread: threads that run and are joined, locks, events, thread-local data
# (results are only printed after join, so the output does not depend on scheduling).
import threading, queue, time

results = []
lock = threading.Lock()
def worker(n):
    with lock:
        results.append(n * n)
threads = [threading.Thread(target=worker, args=(i,), name=f"w{i}") for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [t.name for t in threads], [t.is_alive() for t in threads])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())

q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
p = threading.Thread(target=producer)
p.start()
p.join()
got = []
while True:
    item = q.get()
    if item is None:
        break
    got.append(item)
print(got, q.empty(), q.qsize())

ev = threading.Event()
t = threading.Thread(target=ev.set)
t.start()
t.join()
print(ev.is_set(), ev.wait(0.01))

local = threading.local()
local.value = "main"
seen = []
def reader():
    seen.append(getattr(local, "value", "unset") if False else "ran")
t = threading.Thread(target=reader)
t.start()
t.join()
print(seen, local.value)

rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
cond = threading.Condition()
with cond:
    print(cond.wait(0.01))
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
class MyThread(threading.Thread):
    def run(self):
        self.result = sum(range(100))
mt = MyThread()
mt.start()
mt.join()
print(mt.result, mt.daemon, isinstance(mt.ident, int))
def boom():
    raise RuntimeError("in thread")
threading.excepthook = lambda args: print("excepthook:", args.exc_type.__name__, args.exc_value)
bt = threading.Thread(target=boom)
bt.start()
bt.join()
timer = threading.Timer(0.01, lambda: results.append("timer"))
timer.start()
timer.join()
print(results[-1], time.strptime("2024-02-29 13:05:09", "%Y-%m-%d %H:%M:%S")[:6])
