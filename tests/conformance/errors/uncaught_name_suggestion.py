message = "hello"
prnt(message)
