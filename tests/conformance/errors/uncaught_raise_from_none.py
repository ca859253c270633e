try:
    {}["k"]
except KeyError:
    raise LookupError("replaced") from None
