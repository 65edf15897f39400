def parse(v):
    return int(v)
total = 0
for item in ["1", "2", "3"]:
    total += parse(item)
    print("running total", total)
def validate(x):
    if x > 5:
        raise ValueError(f"bad value {x}: exceeds limit 5")
validate(total * 7)
print("not reached")
