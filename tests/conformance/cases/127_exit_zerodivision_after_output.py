import sys
for i in range(3000):
    print(f"line {i:04d} " + "=" * (i % 50))
sys.stdout.write("partial line without newline")
print("to stderr first", file=sys.stderr)
ratio = 10 / (len("abc") - 3)
