a = [5, 3, 8, 1]
a.append(9); a.extend([2, 7]); a.insert(2, 4); a.insert(-1, 0); a.insert(100, 11)
print(a, len(a), a.index(8), a.count(1), a.pop(), a.pop(0), a)
a.remove(8); a.reverse(); print(a)
a.sort(); print(a, a[::-1], a[1:-1], a[::2], a[5:1:-1], min(a), max(a), sum(a))
b = a.copy(); b[0] = -1; print(a[0], b[0], a == b, a is b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 99])
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, 3 in a, a * 0, list("abc"), list(range(5, 0, -1)), list((1, 2)))
c = [1, 2, 3, 4, 5, 6]
c[1:3] = ["a", "b", "c"]; print(c)
c[::2] = [0, 0, 0, 0][:len(c[::2])]; print(c)
del c[1::2]; print(c)
c[len(c):] = [7, 8]; print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].index(5)
except ValueError as e:
    print("ValueError", e)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(m, alias)
stack = []
for ch in "(()[{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        stack.pop()
print("balanced", not stack)
def rotate(l, k):
    k %= len(l)
    return l[-k:] + l[:-k]
print(rotate(list(range(7)), 3), rotate(list(range(7)), -2))
def chunks(l, n):
    return [l[i:i + n] for i in range(0, len(l), n)]
print(chunks(list(range(11)), 4))
print(list(enumerate("abc")), list(zip([1, 2, 3], "ab")), [x for pair in zip("ab", "xy") for x in pair])
flat = sum([[1, 2], [3], [4, 5]], [])
print(flat, list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))))
lst = list(range(10))
print(lst[-3:], lst[:-7], lst[100:], lst[-100:2], lst[3:3], lst[::-3], lst[slice(2, 8, 3)])
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
dedup = list(dict.fromkeys(nums))
print(dedup, sorted(set(nums)), [n for i, n in enumerate(nums) if n not in nums[:i]])
print([1, [2, [3]]] == [1, [2, [3]]], [float("nan")] == [float("nan")], (lambda n: [n] == [n])(float("nan")))
arr = list(range(1, 101))
print(sum(arr), sum(x * x for x in arr), arr[49], len(arr[::7]))
lst2 = [1, 2, 3]
lst2 += (4, 5)
lst2 *= 2
print(lst2, lst2.clear(), lst2)
