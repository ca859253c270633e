# -*- coding: cp1252 -*-
# A traceback shows source lines decoded with the declared encoding.
def f(x):
    return {"€": 1}["“" + x]

f("é")
