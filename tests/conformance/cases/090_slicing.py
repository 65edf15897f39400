s = "abcdefghij"
for sl in [(None, None, None), (2, 5, None), (None, None, -1), (-3, None, None), (None, -3, None), (1, None, 3), (8, 2, -2), (100, 200, None),
           (-100, 3, None), (None, None, 4), (5, 5, None), (9, None, -4), (0, 10, 100), (-1, -11, -1), (3, -3, 2)]:
    x = slice(*sl)
    print(sl, repr(s[x]), list(range(10))[x], x.indices(10))
class Sliceable:
    def __getitem__(self, k):
        return k
print(Sliceable()[1:2], Sliceable()[::3], Sliceable()[1:2, 3], Sliceable()[...], Sliceable()[:, None])
b = bytearray(b"0123456789")
b[2:4] = b"ABCDE"
print(b)
b[::3] = b"xxxxx"
print(b)
del b[::2]
print(b)
lst = list(range(10))
lst[2:8:2] = ["a", "b", "c"]
print(lst)
print(lst[slice(None, None, -1)], lst[slice(3)], "hello"[::-1], (1, 2, 3)[::-1], range(10)[2:8:3], range(0, 100, 7)[-3:])
m = memoryview(b"abcdef")
print(bytes(m[1:4]), bytes(m[::-1]), m[2])
try:
    "abc"[::0]
except ValueError as e:
    print("ValueError", e)
print(list(range(20))[2**70:], list(range(20))[-2**70:3])
