tests = []
def t1():
    x = "a"
    x += 1
def t2():
    x = [1]
    x += 1
def t3():
    x = (1,)
    x += [2]
def t4():
    d = {}
    d["missing"] += 1
def t5():
    x = None
    x += 1
def t6():
    x = 5
    x /= 0
def t7():
    x = {"a": 1}
    x += {"b": 2}
def t8():
    x = 1
    x @= 2
for t in (t1, t2, t3, t4, t5, t6, t7, t8):
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
