for 1 in []: pass
