# Async generators closed and thrown into while suspended: the awaitables of
# aclose() and athrow() hold an exception created for them, and a collection
# while the awaitable itself is being allocated must not free it (this crashed
# under -X gc-stress, in asyncio's tests among others).
log = []


async def agen(tag, n):
    try:
        i = 0
        while i < n:
            try:
                yield i * i
                i += 1
            except KeyError as e:
                log.append((tag, 'caught', repr(e)))
    finally:
        log.append((tag, 'closed'))


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def close_after(k):
    g = agen(f'c{k}', 10)
    got = [await g.__anext__() for _ in range(k)]
    await g.aclose()
    await g.aclose()
    return got


async def throw_into(k):
    g = agen(f't{k}', 10)
    got = [await g.__anext__() for _ in range(k)]
    got.append(await g.athrow(KeyError))
    got.append(await g.athrow(KeyError('x')))
    try:
        await g.athrow(ValueError, ValueError('out'))
    except ValueError as e:
        got.append(('raised', str(e)))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        got.append('exhausted')
    return got


async def close_in_finally():
    g = agen('f', 5)
    try:
        return await g.__anext__()
    finally:
        await g.aclose()


async def close_unstarted_and_finished():
    g = agen('u', 3)
    await g.aclose()
    h = agen('e', 1)
    got = [x async for x in h]
    await h.aclose()
    return got


for k in range(1, 4):
    print(run(close_after(k)))
    print(run(throw_into(k)))
print(run(close_in_finally()))
print(run(close_unstarted_and_finished()))
for entry in log:
    print(entry)
