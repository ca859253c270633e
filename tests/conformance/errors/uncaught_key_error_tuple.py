grid = {(0, 0): "origin"}
grid[(1, 2)]
