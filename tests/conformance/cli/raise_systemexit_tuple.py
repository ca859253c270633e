raise SystemExit("a", 2)
