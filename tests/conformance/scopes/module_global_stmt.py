# a global statement at module level is allowed and changes nothing
global counter
counter = 1
def bump():
    global counter
    counter += 1
bump()
print(counter)
for i in range(3):
    global other
    other = i
print(other)
