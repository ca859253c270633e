first = 1
second = "two"
result = (first +
          second)
