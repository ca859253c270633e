print(sep="", sep="")
