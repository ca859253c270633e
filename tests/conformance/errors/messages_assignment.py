def try_exec(fn):
    try:
        fn()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def set_item_str():
    s = "abc"
    s[0] = "x"
def set_item_int():
    n = 5
    n[0] = 1
def set_item_none():
    v = None
    v["k"] = 1
def del_item_int():
    n = 5
    del n[0]
def set_attr_int():
    n = 5
    n.attr = 1
def set_attr_list():
    l = []
    l.append = None
def del_attr_missing():
    class C:
        pass
    del C().missing
def set_slice_tuple():
    t = (1, 2)
    t[0:1] = [5]
def set_item_range():
    r = range(3)
    r[0] = 1
def aug_item_missing():
    d = {}
    d["x"] += 1
def unpack_int():
    a, b = 5
def unpack_str():
    a, b = "abc"
def star_unpack_short():
    a, b, *c, d = [1, 2]
for f in (set_item_str, set_item_int, set_item_none, del_item_int, set_attr_int, set_attr_list,
          del_attr_missing, set_slice_tuple, set_item_range, aug_item_missing, unpack_int, unpack_str,
          star_unpack_short):
    try_exec(f)
