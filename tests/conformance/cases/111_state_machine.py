from enum import Enum, auto

class S(Enum):
    IDLE = auto()
    RUNNING = auto()
    PAUSED = auto()
    STOPPED = auto()
TRANSITIONS = {
    (S.IDLE, "start"): S.RUNNING,
    (S.RUNNING, "pause"): S.PAUSED,
    (S.PAUSED, "resume"): S.RUNNING,
    (S.RUNNING, "stop"): S.STOPPED,
    (S.PAUSED, "stop"): S.STOPPED,
}
class Machine:
    def __init__(self):
        self.state = S.IDLE
        self.log = []
    def fire(self, ev):
        nxt = TRANSITIONS.get((self.state, ev))
        if nxt is None:
            self.log.append(f"ignored {ev} in {self.state.name}")
            return False
        self.log.append(f"{self.state.name} --{ev}--> {nxt.name}")
        self.state = nxt
        return True
m = Machine()
print([m.fire(e) for e in ["pause", "start", "pause", "pause", "resume", "stop", "start"]])
print("\n".join(m.log))
def tokenize(s):
    state = "start"
    tok = ""
    out = []
    for ch in s + " ":
        if state == "start":
            if ch.isdigit():
                state, tok = "num", ch
            elif ch.isalpha() or ch == "_":
                state, tok = "ident", ch
            elif ch == '"':
                state, tok = "str", ""
            elif ch in "+-*/=()<>":
                out.append(("op", ch))
        elif state == "num":
            if ch.isdigit() or ch == ".":
                tok += ch
            else:
                out.append(("num", tok))
                state = "start"
                if ch in "+-*/=()<>":
                    out.append(("op", ch))
        elif state == "ident":
            if ch.isalnum() or ch == "_":
                tok += ch
            else:
                out.append(("ident", tok))
                state = "start"
                if ch in "+-*/=()<>":
                    out.append(("op", ch))
        elif state == "str":
            if ch == '"':
                out.append(("str", tok))
                state = "start"
            else:
                tok += ch
    return out
print(tokenize('x1 = 3.14*(y_2+10) "hello world" < z'))
def vending(coins, price=65):
    paid = 0
    events = []
    for c in coins:
        if c not in (5, 10, 25):
            events.append(f"reject {c}")
            continue
        paid += c
        events.append(f"paid {paid}")
        if paid >= price:
            change = paid - price
            out = []
            for d in (25, 10, 5):
                while change >= d:
                    out.append(d)
                    change -= d
            events.append(f"vend, change {out}")
            paid = 0
    return events
print(vending([25, 25, 3, 10, 10, 25, 25, 25]))
def traffic(n):
    cycle = [("green", 3), ("yellow", 1), ("red", 2)]
    seq = []
    i = t = 0
    for _ in range(n):
        seq.append(cycle[i][0][0])
        t += 1
        if t == cycle[i][1]:
            i = (i + 1) % 3
            t = 0
    return "".join(seq)
print(traffic(20))
