user_input = "12a"
number = int(user_input)
