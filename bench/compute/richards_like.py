"""Operating-system task scheduler simulation (original code, after the idea
of the Richards benchmark): an idle task, workers, handlers and devices pass
packets through a priority scheduler."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEV_A, DEV_B = range(6)
K_DEVICE, K_WORK = 0, 1


class Packet:
    __slots__ = ("link", "dest", "kind", "count", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * 4


def append(pkt, queue):
    pkt.link = None
    if queue is None:
        return pkt
    q = queue
    while q.link is not None:
        q = q.link
    q.link = pkt
    return queue


class Task:
    def __init__(self, sched, ident, prio, queue, state):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.waiting = queue is not None and state == "wait"
        self.held = False
        self.suspended = state == "suspended"

    def runnable(self):
        return not self.held and not self.suspended and (self.queue is not None or not self.waiting)

    def take_packet(self):
        pkt = self.queue
        if pkt is not None:
            self.queue = pkt.link
        self.waiting = False
        return pkt


class Idle(Task):
    def __init__(self, sched, count):
        super().__init__(sched, IDLE, 0, None, "run")
        self.seed = 1
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEV_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEV_B)


class Worker(Task):
    def __init__(self, sched, queue):
        super().__init__(sched, WORKER, 1000, queue, "wait")
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.dest = self.dest
        pkt.count = 0
        for i in range(4):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            pkt.data[i] = self.letter
        return self.sched.send(pkt)


class Handler(Task):
    def __init__(self, sched, ident, prio, queue):
        super().__init__(sched, ident, prio, queue, "wait")
        self.work = None
        self.devices = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work = append(pkt, self.work)
            else:
                self.devices = append(pkt, self.devices)
        if self.work is not None:
            w = self.work
            if w.count < 4:
                if self.devices is not None:
                    d = self.devices
                    self.devices = d.link
                    d.data[0] = w.data[w.count]
                    w.count += 1
                    return self.sched.send(d)
            else:
                self.work = w.link
                return self.sched.send(w)
        return self.sched.wait()


class Device(Task):
    def __init__(self, sched, ident):
        super().__init__(sched, ident, 4000 + ident, None, "wait")
        self.pending = None

    def step(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.send(p)
        self.pending = pkt
        self.sched.hold_count += 1
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.current = None
        self.hold_count = 0
        self.sends = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def ordered(self):
        return sorted(self.tasks.values(), key=lambda t: -t.prio)

    def run(self):
        order = self.ordered()
        while True:
            for t in order:
                if t.runnable():
                    break
            else:
                return
            self.current = t
            pkt = t.take_packet() if t.queue is not None else None
            t.step(pkt)

    def hold_self(self):
        self.current.held = True
        return None

    def release(self, ident):
        self.tasks[ident].held = False
        return None

    def wait(self):
        self.current.waiting = True
        return None

    def send(self, pkt):
        self.sends += 1
        target = self.tasks[pkt.dest]
        pkt.dest = self.current.ident
        target.queue = append(pkt, target.queue)
        return None


def run_once(count):
    s = Scheduler()
    s.add(Idle(s, count))
    wq = Packet(Packet(None, WORKER, K_WORK), WORKER, K_WORK)
    s.add(Worker(s, wq))
    qa = Packet(Packet(Packet(None, DEV_A, K_DEVICE), DEV_A, K_DEVICE), DEV_A, K_DEVICE)
    s.add(Handler(s, HANDLER_A, 2000, qa))
    qb = Packet(Packet(Packet(None, DEV_B, K_DEVICE), DEV_B, K_DEVICE), DEV_B, K_DEVICE)
    s.add(Handler(s, HANDLER_B, 3000, qb))
    s.add(Device(s, DEV_A))
    s.add(Device(s, DEV_B))
    s.run()
    return s.sends, s.hold_count


if __name__ == "__main__":
    total = [0, 0]
    for i in range(12):
        sends, holds = run_once(10000 + i)
        total[0] += sends
        total[1] += holds
    print("checksum:", total)
