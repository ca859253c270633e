print("a BOM at the start of the file is allowed")
