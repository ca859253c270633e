# asyncio on the selector event loop: run, tasks, gather (with and without
# return_exceptions), cancellation, wait_for timeouts, exceptions crossing
# tasks, async generators and async with, queues/locks/events, call_soon
# ordering, context variables per task, and sock_* on a socketpair.
import asyncio
import contextvars
import socket
import sys

log = []


async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return f'{name}:{n}'


async def boom(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        log.append(('enter', self.name))
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, et, ev, tb):
        log.append(('exit', self.name, et.__name__ if et else None))
        await asyncio.sleep(0)
        return et is KeyError


async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i * i
    finally:
        log.append(('agen closed', n))


request_id = contextvars.ContextVar('request_id', default='-')


async def handler(i):
    request_id.set(f'req{i}')
    await asyncio.sleep(0)
    return request_id.get()


async def main():
    t = asyncio.create_task(worker('a', 3), name='task-a')
    print(t.get_name(), t.done())
    r = await asyncio.gather(worker('b', 2), worker('c', 1), t)
    print(r, t.done(), t.result())
    print(log)
    log.clear()

    r = await asyncio.gather(boom('x'), worker('d', 1), return_exceptions=True)
    print([type(x).__name__ + ':' + str(x) for x in r])
    try:
        await asyncio.gather(worker('e', 2), boom('y'))
    except ValueError as e:
        print('gather raised', e)

    t = asyncio.create_task(boom('in task'))
    try:
        await t
    except ValueError as e:
        print('awaited task raised', e, t.done(), type(t.exception()).__name__)

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append('sleeper cancelled')
            raise

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled:', t.cancelled(), log)
    log.clear()

    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print('wait_for timed out')
    print(await asyncio.wait_for(worker('f', 1), timeout=5))

    async with Resource('r1') as res:
        print('inside', res.name)
    try:
        async with Resource('r2'):
            raise KeyError('swallowed')
        print('after r2')
        async with Resource('r3'):
            raise IndexError('propagates')
    except IndexError as e:
        print('r3 raised', e)
    print(log)
    log.clear()

    print([x async for x in agen(4)])
    g = agen(10)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    print(log)
    log.clear()

    q = asyncio.Queue()

    async def producer():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0)
        await q.put(None)

    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got

    print(await asyncio.gather(producer(), consumer()))

    lock = asyncio.Lock()
    order = []

    async def locked(i):
        async with lock:
            order.append(('in', i))
            await asyncio.sleep(0)
            order.append(('out', i))

    await asyncio.gather(*(locked(i) for i in range(3)))
    print(order)

    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return 'woken'

    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(wt.done())
    ev.set()
    print(await wt)

    loop = asyncio.get_running_loop()
    calls = []
    loop.call_soon(calls.append, 1)
    loop.call_soon(calls.append, 2)
    loop.call_later(0.001, calls.append, 3)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'future result')
    print(await fut)
    await asyncio.sleep(0.01)
    print(calls)

    print(await asyncio.gather(*(handler(i) for i in range(3))), request_id.get())

    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'ping')
    print(await loop.sock_recv(b, 10))
    a.close()
    b.close()

    done, pending = await asyncio.wait([asyncio.create_task(worker('w', 1))])
    print(len(done), len(pending))
    return 'main result'


print(asyncio.run(main()))
print(asyncio.run(worker('again', 1)))


async def fails():
    await asyncio.sleep(0)
    raise RuntimeError('uncaught in asyncio.run')

try:
    asyncio.run(fails())
except RuntimeError as e:
    print('asyncio.run raised', e)


async def nested():
    try:
        asyncio.run(None)
    except RuntimeError as e:
        print(e)
    loop = asyncio.get_running_loop()
    c = asyncio.sleep(0)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print(e)
    c.close()

asyncio.run(nested())
try:
    asyncio.run(None)
except ValueError as e:
    print(e)


async def exits():
    await asyncio.sleep(0)
    print('exiting with status 3')
    sys.exit(3)

# The pure-Python Task and Future add frames to tracebacks that CPython's C
# accelerator does not show: this program ends with SystemExit instead.
asyncio.run(exits())
