# __str__ that raises, returns a non-str, or is a surrogate.
# expect: status=error
# expect: error.type=E
# expect: error.message=
class E(Exception):
    def __str__(self):
        raise E()
raise E()
# === __str__ returns an int
# expect: status=error
# expect: error.type=E
# expect: error.message=
class E(Exception):
    def __str__(self):
        return 42
raise E()
# === a lone surrogate in the message
# expect: status=error
# expect: error.type=ValueError
# expect: error.message=
raise ValueError("\ud800")
