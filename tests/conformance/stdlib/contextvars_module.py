# contextvars: ContextVar get/set/reset with tokens, Context as a mapping,
# run() isolation, copy_context snapshots, and the error paths.
import contextvars as cv


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        msg = str(e)
        if ' at 0x' in msg:
            msg = msg.split(' at 0x')[0] + ' ...'
        print(type(e).__name__, msg)
    else:
        print(repr(r) if ' at 0x' not in repr(r) else type(r).__name__)


v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
t(cv.ContextVar)
t(cv.ContextVar, 1)
t(cv.ContextVar, 'x', 2)
t(cv.ContextVar, 'x', default=2, foo=1)
print(v.name, v.get(), w.get(5), w.get(None))
t(w.get)
t(v.get, 1, 2)
tok = v.set(2)
print(v.get(), tok.var is v, tok.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
tok2 = v.set(3)
print(v.get(), tok2.old_value)
v.reset(tok2)
print(v.get())
v.reset(tok)
print(v.get())
t(v.reset, tok)
t(w.reset, tok)
t(v.reset, 1)
t(cv.Token)

ctx = cv.copy_context()
print(type(ctx).__name__, len(ctx), v in ctx, list(ctx.keys()))
w.set(3)
print(w in ctx, w in cv.copy_context(), w.get())


def f(x, y=0):
    w.set(x + y)
    v.set('in ctx')
    return w.get(), v.get()


print(ctx.run(f, 10, y=5), w.get(), v.get(), ctx[w], ctx.get(w), ctx.get(v), ctx.get(cv.ContextVar('z'), 'd'))
print(sorted(k.name for k in ctx), sorted(map(str, ctx.values())), sorted((k.name, str(x)) for k, x in ctx.items()))
t(ctx.__getitem__, cv.ContextVar('missing'))
t(ctx.__getitem__, 1)
t(ctx.get, 1)
t(ctx.__contains__, 'v')
t(ctx.run)
t(cv.Context, 1)


def nested():
    return ctx.run(lambda: 1)


t(ctx.run, nested)
c2 = cv.Context()
print(len(c2), c2.run(v.get), c2.run(w.get, 'default'))
t(c2.run, w.get)
tok3 = c2.run(w.set, 9)
t(w.reset, tok3)
print(c2[w], w.get())


def raises():
    w.set(100)
    raise KeyError('boom')


t(ctx.run, raises)
print(ctx[w], w.get())

t(type, 'X', (cv.ContextVar,), {})
t(type, 'X', (cv.Token,), {})
t(type, 'X', (cv.Context,), {})
print(cv.ContextVar[int], cv.Token.__module__, cv.ContextVar.__module__, cv.Context.__module__, type(cv.Token.MISSING))
print(ctx == ctx.copy(), ctx.copy() is ctx, ctx == c2, ctx != c2, cv.Context() == cv.Context())
t(hash, ctx)
print(hash(v) == hash(v), v == v, v != w)

# Each copy is a snapshot; runs in different copies do not see each other.
counter = cv.ContextVar('counter', default=0)
snapshots = [cv.copy_context() for _ in range(3)]
for i, c in enumerate(snapshots):
    c.run(counter.set, i * 10)
print([c[counter] for c in snapshots], counter.get())
