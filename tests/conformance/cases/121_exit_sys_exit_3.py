import sys
print("about to exit with 3")
try:
    sys.exit(3)
finally:
    print("finally still runs")
print("not reached")
