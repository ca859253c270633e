# datetime, statistics and pprint: arithmetic, formatting, parsing, errors.
# (CPython's C _datetime words its errors differently from the pure-Python
# datetime: only exception types are printed for datetime errors.)
import datetime as dt
import pprint
import statistics as st
from fractions import Fraction


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=1), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), tuple(d.isocalendar()), d.toordinal())
print(d.replace(day=1), d.strftime('%Y/%m/%d %a %b %j'), d.isoformat(), dt.date.fromisoformat('2023-12-31'), dt.date.fromordinal(1))
x = dt.datetime(2024, 3, 10, 14, 30, 15, 123456)
print(x, repr(x), x.date(), x.time(), x.timestamp() if False else '', x.isoformat(sep=' ', timespec='milliseconds'))
print(x + dt.timedelta(hours=12), x - dt.datetime(2024, 1, 1), (x - dt.datetime(2024, 1, 1)).total_seconds())
print(dt.datetime.fromisoformat('2024-03-10T14:30:15.5'), dt.datetime.strptime('2021-05-06 07:08', '%Y-%m-%d %H:%M'))
print(x.strftime('%H:%M:%S.%f %p %I %y %%'), format(x, '%d.%m'), f'{x:%Y}')
td = dt.timedelta(days=-1, seconds=5, microseconds=7)
print(td, repr(td), td.days, td.seconds, td.microseconds, abs(td), td * 2, td / 2, dt.timedelta(hours=36) // dt.timedelta(hours=5))
print(dt.timedelta(weeks=1, minutes=90), str(dt.timedelta(microseconds=1)), dt.timedelta.max, dt.timedelta.resolution)
utc = dt.timezone.utc
aware = dt.datetime(2024, 1, 1, 12, tzinfo=utc)
plus2 = dt.timezone(dt.timedelta(hours=2), 'EET')
print(aware, aware.astimezone(plus2), aware.utcoffset(), plus2.tzname(None), aware.isoformat(), repr(plus2))
print(aware == aware.astimezone(plus2), dt.datetime(2024, 1, 1) < dt.datetime(2024, 1, 2), dt.time(1, 2, 3).isoformat())
print(dt.datetime(2000, 1, 1).replace(tzinfo=dt.timezone(dt.timedelta(minutes=-90))).isoformat())


def tn(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__)


tn(dt.date, 2024, 2, 30)
tn(dt.date, 2024, 13, 1)
tn(dt.datetime, 2024, 1, 1, 25)
tn(dt.timedelta, days=1e10)
t(dt.date.fromisoformat, '2024-1-1')
t(dt.datetime.strptime, '2024', '%Y-%m')
tn(lambda: aware < dt.datetime(2024, 1, 1))
tn(lambda: d + 1)
print(dt.MINYEAR, dt.MAXYEAR, dt.date.min, dt.datetime.max)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4]), st.multimode('aabbbcc'))
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.fmean([1, 2, 3.5]), st.geometric_mean([1, 2, 4]), st.harmonic_mean([1, 2, 4]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), st.correlation([1, 2, 3], [2, 4, 7]), st.covariance([1, 2, 3], [1, 3, 2]))
print(st.linear_regression([1, 2, 3, 4], [2, 4, 6, 9]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.inv_cdf(0.5), 6), nd.mean, nd.stdev, nd + 5, round(nd.overlap(st.NormalDist(110, 10)), 6))
t(st.mean, [])
t(st.stdev, [1])
t(st.mode, [])
t(st.harmonic_mean, [1, -1])
t(st.quantiles, [1], n=4)

obj = {'numbers': list(range(30)), 'nested': {'b': [1, {'x': (1, 2)}], 'a': 'text ' * 12}, 'set': {3, 1, 2}, 'empty': []}
pprint.pprint(obj)
pprint.pprint(obj, width=40, compact=True)
pprint.pprint(obj, depth=1)
print(pprint.pformat(list(range(5)), indent=4), pprint.saferepr({'a': [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r))
pprint.pprint(dt.datetime(2020, 1, 2), sort_dicts=False)
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
print(pprint.pformat('a long string that will be wrapped because it is longer than the width', width=30))
