# Notes (several, multi-line, non-str) after the message, and an exception
# whose __str__ fails.
class Odd:
    def __str__(self):
        return "odd note"


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")


try:
    raise BadStr("x")
except BadStr as e:
    e.add_note("first note")
    e.add_note("second note\nover two lines")
    e.__notes__.append(Odd())
    e.__notes__.append("ends with newline\n")
    raise
