import queue

q = queue.Queue()
for i in range(5):
    q.put(i * i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty raised")
bq = queue.Queue(maxsize=2)
bq.put("a"); bq.put("b")
try:
    bq.put_nowait("c")
except queue.Full:
    print("Full raised")
lq = queue.LifoQueue()
for x in "abc":
    lq.put(x)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
sq.put(1); sq.put(2)
print(sq.get(), sq.qsize())
for _ in range(5):
    q.task_done()
q.put("task")
q.get()
q.task_done()
q.join()
print("joined")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("timeout Empty")
