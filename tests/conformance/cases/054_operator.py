import operator as op
from functools import reduce

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(5), op.pos(-5))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.invert(5), op.lshift(1, 10), op.rshift(1024, 3), op.not_(0), op.truth([]))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.concat([1], [2]), op.abs(-3), op.index(7))
print(op.getitem({"k": 1}, "k"), op.length_hint(iter(range(5))), op.matmul.__name__)
d = {"a": 1}
op.setitem(d, "b", 2); op.delitem(d, "a"); print(d)
rows = [("bob", 25, "ny"), ("ann", 31, "la"), ("cid", 25, "sf"), ("dee", 19, "ny")]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(1, 0)))
print(list(map(op.itemgetter(0), rows)), op.itemgetter(slice(1, 3))("abcdef"))
class P:
    def __init__(self, name, addr):
        self.name = name
        self.addr = addr
class A:
    def __init__(self, city):
        self.city = city
ps = [P("x", A("rome")), P("y", A("oslo")), P("z", A("lima"))]
print([p.name for p in sorted(ps, key=op.attrgetter("addr.city"))], op.attrgetter("name", "addr.city")(ps[0]))
print(op.methodcaller("replace", "a", "o")("banana"), list(map(op.methodcaller("upper"), ["a", "b"])))
print(reduce(op.mul, range(1, 8)), reduce(op.or_, [1, 2, 4, 8]), list(map(op.add, [1, 2], [10, 20])))
x = [1]
y = op.iadd(x, [2]); print(x, y is x)
s = "a"; s = op.iadd(s, "b"); print(s)
print(op.call(pow, 2, 5) if hasattr(op, "call") else "op.call is 3.11+", op.__name__)
