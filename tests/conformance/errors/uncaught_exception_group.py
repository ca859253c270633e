# An uncaught exception group: CPython 3.11's boxed format, nested groups,
# member tracebacks, notes and the width limit.
def fail(i):
    raise ValueError(f"member {i}")


members = []
for i in range(3):
    try:
        fail(i)
    except ValueError as e:
        members.append(e)
inner = ExceptionGroup("inner", [TypeError("t"), KeyError("k")])
inner.add_note("a note on the inner group")
many = ExceptionGroup("many", [IndexError(i) for i in range(17)])
raise ExceptionGroup("outer", members + [inner, many])
