import json
import random

random.seed(1234)
def rand_value(depth):
    kind = random.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return random.randint(-10**12, 10**12)
    if kind == 1:
        return round(random.uniform(-1e6, 1e6), random.randrange(0, 8))
    if kind == 2:
        return "".join(random.choice("abcxyz éü☃😀\"\\\n\t") for _ in range(random.randrange(12)))
    if kind == 3:
        return random.choice([True, False, None])
    if kind == 4:
        return random.random()
    if kind in (5, 6):
        return [rand_value(depth + 1) for _ in range(random.randrange(5))]
    return {"k%d" % random.randrange(100): rand_value(depth + 1) for _ in range(random.randrange(5))}
docs = [rand_value(0) for _ in range(300)]
total = 0
for i, d in enumerate(docs):
    s = json.dumps(d)
    back = json.loads(s)
    assert back == d, i
    s2 = json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True)
    assert json.loads(s2) == d
    total += len(s) + len(s2)
print("docs", len(docs), "total chars", total)
for d in docs[:12]:
    print(json.dumps(d, sort_keys=True))
big = {"items": [{"id": i, "name": f"item{i}", "price": i * 1.25, "tags": ["t%d" % (i % 7)] * (i % 3)} for i in range(2000)]}
s = json.dumps(big, separators=(",", ":"))
print(len(s), s[:120], s[-80:])
print(json.loads(s) == big)
