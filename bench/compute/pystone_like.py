"""Record/procedure-call integer benchmark in the spirit of the classic
Dhrystone/pystone mix (original code): attribute access, small functions,
integer arithmetic, string comparison, list indexing, branches."""


class Record:
    __slots__ = ("next", "kind", "int_comp", "enum_comp", "str_comp")

    def __init__(self, next=None, kind=0, int_comp=0, enum_comp=0, str_comp=""):
        self.next = next
        self.kind = kind
        self.int_comp = int_comp
        self.enum_comp = enum_comp
        self.str_comp = str_comp

    def copy(self):
        return Record(self.next, self.kind, self.int_comp, self.enum_comp, self.str_comp)


IDENT = [1, 2, 3, 4, 5]


def func_eq(a, b):
    return 1 if a == b else 0


def func_str(s1, s2):
    i = 1
    while i <= 1:
        if func_eq(s1[i], s2[i + 1]) == 0:
            i += 1
        else:
            break
    return s1 > s2


def proc_enum(e):
    if e == 1:
        return 1
    if e == 2:
        return 3 if e > 1 else 4
    if e == 3:
        return 2
    return e


def proc_rec(r, glob):
    nxt = r.next
    nxt.int_comp = 5
    r.int_comp = nxt.int_comp
    nxt.next = r.next
    if nxt.kind == 1:
        nxt.int_comp = 6
        nxt.enum_comp = proc_enum(r.enum_comp)
        nxt.next = glob.next
        nxt.int_comp = (nxt.int_comp + 10) % 17
    else:
        r.int_comp, r.enum_comp = nxt.int_comp, nxt.enum_comp
    return r


def proc_arr(arr1, arr2, a, b):
    loc = a + 5
    arr1[loc] = b
    arr1[loc + 1] = arr1[loc]
    arr1[loc + 30] = loc
    row = arr2[loc]
    for j in range(loc, loc + 2):
        row[j] = loc
    row[loc - 1] += 1
    arr2[loc + 20][loc] = arr1[loc]
    return loc


def run(loops):
    glob = Record(None, 0, 40, 2, "DHRYSTONE PROGRAM, SOME STRING")
    glob.next = Record(None, 1, 0, 3, "DHRYSTONE PROGRAM, SOME STRING")
    arr1 = [0] * 51
    arr2 = [[0] * 51 for _ in range(51)]
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    acc = 0
    for i in range(loops):
        a, b = 2, 3
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        bool_glob = not func_str(s1, s2)
        while a < b:
            c = 5 * a - b
            a += 1
        loc = proc_arr(arr1, arr2, a, c)
        r = proc_rec(glob.copy(), glob)
        e = proc_enum(IDENT[i % 5])
        ch = chr(65 + i % 26)
        if ch >= "C":
            e = proc_enum(e)
        acc = (acc * 31 + loc + c + r.int_comp + e + int(bool_glob)) % 1000000007
    return acc, sum(arr1), sum(map(sum, arr2))


if __name__ == "__main__":
    print("checksum:", run(500000))
