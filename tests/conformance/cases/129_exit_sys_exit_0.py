import sys
print("clean exit after output")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.stdout.flush()
raise SystemExit(0)
