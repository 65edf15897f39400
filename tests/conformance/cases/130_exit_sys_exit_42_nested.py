import sys
def inner():
    try:
        raise RuntimeError("ignored")
    except RuntimeError:
        sys.exit(42)
def outer():
    try:
        inner()
    except Exception:
        print("SystemExit is not an Exception: not reached")
    finally:
        print("outer finally")
print("start")
outer()
