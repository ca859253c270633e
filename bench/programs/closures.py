"""Closures and decorators: an event-driven rules engine built from functions.

Models plugin-style application code: handlers registered by a decorator
factory, wrapped by stacked decorators (call counting, memoisation,
argument validation, retry on exception) using ``functools.wraps``;
closures with ``nonlocal`` state (accumulators, rate limiters),
``functools.partial`` and higher-order composition. Stresses closure cell
access, *args/**kwargs calls, function objects and dict dispatch.
"""

import functools

from _harness import main

REGISTRY = {}


def handler(event, priority=0):
    def register(fn):
        REGISTRY.setdefault(event, []).append((priority, fn))
        REGISTRY[event].sort(key=lambda pf: -pf[0])
        return fn
    return register


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args):
        try:
            return cache[args]
        except KeyError:
            value = cache[args] = fn(*args)
            return value
    wrapper.cache = cache
    return wrapper


def validate(**checks):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(payload):
            for key, check in checks.items():
                if not check(payload.get(key)):
                    raise ValueError("invalid %s" % key)
            return fn(payload)
        return wrapper
    return decorate


class Flaky(Exception):
    pass


def retry(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(times):
                try:
                    return fn(*args, attempt=attempt, **kwargs)
                except Flaky as exc:
                    last = exc
            raise last
        return wrapper
    return decorate


def accumulator():
    total = 0
    count = 0

    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total // count
    return add


def rate_limiter(capacity, refill):
    tokens = capacity
    last = 0

    def allow(now):
        nonlocal tokens, last
        tokens = min(capacity, tokens + (now - last) * refill)
        last = now
        if tokens >= 1:
            tokens -= 1
            return True
        return False
    return allow


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


@memoize
def ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


@handler("order", priority=5)
@counted
@validate(qty=lambda q: isinstance(q, int) and q > 0, sku=lambda s: isinstance(s, str) and s)
def on_order(payload):
    return payload["qty"] * (len(payload["sku"]) + 1)


@handler("order", priority=1)
@counted
def audit_order(payload):
    return payload["qty"] % 7


@handler("refund")
@counted
@retry(3)
def on_refund(payload, attempt=0):
    if (payload["amount"] + attempt) % 4 == 0:
        raise Flaky("try again")
    return payload["amount"] * 2 + attempt


def dispatch(event, payload, log):
    results = []
    for _, fn in REGISTRY.get(event, ()):
        try:
            results.append(fn(payload))
        except (ValueError, Flaky) as exc:
            log(type(exc).__name__)
    return results


def run(events):
    for fn in (on_order, audit_order, on_refund):
        fn.calls = 0
    ways.cache.clear()
    errors = {}

    def log(kind):
        errors[kind] = errors.get(kind, 0) + 1

    avg = accumulator()
    allow = rate_limiter(5, 1)
    scale = functools.partial(divmod, 1000003)
    pipeline = compose(lambda x: x * 3, lambda x: x + 1, lambda x: x % 1009)
    state = 77
    total = 0
    allowed = 0
    running = 0
    for t in range(events):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        if state % 3:
            payload = {"qty": (state >> 5) % 9 - 1, "sku": "sku%d" % (state % 50) if state % 11 else ""}
            res = dispatch("order", payload, log)
        else:
            res = dispatch("refund", {"amount": (state >> 4) % 500}, log)
        total += sum(res)
        if allow(t // 2):
            allowed += 1
        running = avg(pipeline(state % 5000))
        total += scale(state % 997 + 1)[1] % 13
    w = ways(events // 100, (50, 25, 10, 5, 1))
    return ["events %d total %d allowed %d running %d" % (events, total, allowed, running),
            "calls order=%d audit=%d refund=%d" % (on_order.calls, audit_order.calls, on_refund.calls),
            "errors " + " ".join("%s=%d" % kv for kv in sorted(errors.items())),
            "ways %d cache %d name %s doc %s" % (w, len(ways.cache), on_order.__name__, on_refund.__wrapped__.__name__)]


if __name__ == "__main__":
    main(run, normal=750000, short=3000)
