import types

class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def fetch(name, fut):
    value = await fut
    return f"{name} got {value}"
async def main(futs):
    results = []
    for i, f in enumerate(futs):
        results.append(await fetch(f"task{i}", f))
    return results
futs = [Future() for _ in range(3)]
coro = main(futs)
pending = coro.send(None)
step = 0
while True:
    pending.result = f"value{step}"
    pending.done = True
    step += 1
    try:
        pending = coro.send(None)
    except StopIteration as e:
        print("finished", e.value)
        break
class Loop:
    def __init__(self):
        self.ready = []
        self.log = []
        self.time = 0
    def spawn(self, coro):
        self.ready.append((0, len(self.log), coro))
    def run(self):
        while self.ready:
            self.ready.sort(key=lambda t: (t[0], t[1]))
            when, _, coro = self.ready.pop(0)
            self.time = max(self.time, when)
            try:
                delay = coro.send(None)
                self.ready.append((self.time + delay, len(self.log) + len(self.ready), coro))
            except StopIteration as e:
                self.log.append((self.time, "done", e.value))
@types.coroutine
def sleep(t):
    yield t
async def worker(loop, name, delays):
    total = 0
    for d in delays:
        await sleep(d)
        loop.log.append((loop.time, name, d))
        total += d
    return f"{name}:{total}"
loop = Loop()
loop.spawn(worker(loop, "A", [3, 1, 2]))
loop.spawn(worker(loop, "B", [2, 2]))
loop.spawn(worker(loop, "C", [1, 1, 1, 1]))
loop.run()
for entry in loop.log:
    print(entry)
async def agen(n):
    for i in range(n):
        await sleep(0)
        yield i * i
async def consume():
    out = [x async for x in agen(5)]
    async with ACM() as v:
        out.append(v)
    return out
class ACM:
    async def __aenter__(self):
        return "entered"
    async def __aexit__(self, *a):
        return False
c = consume()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print("async gen result", e.value)
async def simple():
    return 7
s = simple()
print(type(s).__name__)
try:
    s.send(None)
except StopIteration as e:
    print("simple", e.value)
s2 = simple()
s2.close()
print("closed ok")
