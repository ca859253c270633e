name = "x"
message = f"{name!r:>10} and {name value}"
