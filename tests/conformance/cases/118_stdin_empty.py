import sys

data = sys.stdin.read()
print("stdin read", repr(data))
print("readline", repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print("EOFError from input()", repr(str(e)))
try:
    input("prompt> ")
except EOFError:
    print()
    print("EOFError with prompt")
print("buffer read", sys.stdin.buffer.read())
print("iteration", list(sys.stdin))
