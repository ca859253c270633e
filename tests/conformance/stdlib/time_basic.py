# time: struct_time, gmtime, strftime, asctime, conversions and errors
# (only deterministic results: no current time is printed).
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
n0 = time.time_ns()
print(type(t0).__name__, type(p0).__name__, type(n0).__name__, type(time.monotonic_ns()).__name__)
time.sleep(0.01)
print(time.perf_counter() - p0 >= 0.009, time.monotonic() >= m0, time.time_ns() >= n0)
print(time.process_time() >= 0, type(time.process_time_ns()).__name__, time.thread_time() >= 0)

g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g.tm_isdst, g.tm_zone, g.tm_gmtoff)
print(g[:6], len(g), g[-1], type(g).__name__, isinstance(g, tuple))
print(time.gmtime(1234567890.9))
print(time.gmtime(-86400 * 366))
print(time.gmtime(951782400))  # 2000-02-29
print(time.asctime(g), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %%", (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime("%d/%m/%Y", g), repr(time.strftime("", g)), time.strftime("%Y", (1999, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("héllo %Y ✓", g))
st = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_zone, st.tm_gmtoff)
st2 = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, "UTC", 0))
print(st2.tm_zone, st2.tm_gmtoff, st2 == st)
print(time.struct_time([1] * 9)[0])
print(time.mktime(time.localtime(1000000000)) == 1000000000)
print(time.gmtime(time.mktime(time.gmtime(86400)) - time.timezone).tm_mday if time.daylight == 0 else 2)
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1), len(time.tzname))
print(time.get_clock_info("monotonic").monotonic, time.get_clock_info("time").adjustable)
print(time.localtime(0).tm_year in (1969, 1970), type(time.ctime(0)).__name__, len(time.ctime(0)))

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(f"{expr} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr} = {r!r}")

for expr in [
    "time.gmtime('x')", "time.gmtime(float('nan'))", "time.gmtime(1e300)", "time.gmtime(10**30)",
    "time.strftime('%Y', 5)", "time.strftime('%Y', (1, 2, 3))", "time.strftime(5)",
    "time.strftime('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))", "time.strftime('%Y', (2020, 1, 32, 0, 0, 0, 0, 1, 0))",
    "time.strftime('%Y', (2020, 1, 1, 24, 0, 0, 0, 1, 0))", "time.strftime('%Y', (2020, 1, 1, 0, 60, 0, 0, 1, 0))",
    "time.strftime('%Y', (2020, 1, 1, 0, 0, 62, 0, 1, 0))", "time.strftime('%Y', (2020, 1, 1, 0, 0, 0, -1, 1, 0))",
    "time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 367, 0))", "time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1.5, 0))",
    "time.sleep(-1)", "time.sleep('x')", "time.sleep(float('nan'))", "time.asctime((1, 2))",
    "time.struct_time((1, 2))", "time.struct_time(range(12))", "time.struct_time(5)", "time.get_clock_info('x')",
    "time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)).tm_year", "time.mktime((1, 2))",
]:
    show(expr)
