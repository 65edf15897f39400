config = {"name": "demo"}
def lookup(key):
    try:
        return config[key]
    except KeyError as e:
        raise LookupError(f"config key {key!r} missing") from e
print("name", lookup("name"))
try:
    lookup("port")
except LookupError as e:
    print("caught once:", e, "| cause:", repr(e.__cause__))
def outer():
    try:
        lookup("host")
    except LookupError:
        raise KeyError("outer")
outer()
