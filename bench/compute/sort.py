"""Sorting: builtin sort with keys on ints, floats, strings, tuples, plus a
hand-written merge sort and heap sort."""
import heapq
import random


def merge_sort(a):
    if len(a) <= 32:
        for i in range(1, len(a)):
            x = a[i]
            j = i - 1
            while j >= 0 and a[j] > x:
                a[j + 1] = a[j]
                j -= 1
            a[j + 1] = x
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def heap_sort(a):
    h = list(a)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]


def main():
    rng = random.Random(2024)
    ints = [rng.randrange(10**9) for _ in range(200000)]
    floats = [rng.random() for _ in range(100000)]
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(3, 12))) for _ in range(60000)]
    recs = [(rng.randrange(100), w, rng.random()) for w in words]
    acc = 0
    s = sorted(ints)
    acc += s[0] + s[-1] + s[len(s) // 2]
    acc += sorted(ints, reverse=True)[10]
    acc += int(sorted(floats)[50000] * 1e9)
    sw = sorted(words)
    acc += len(sw[0]) + len(sw[-1]) + sum(map(len, sorted(words, key=lambda w: (len(w), w[::-1]))[:1000]))
    sr = sorted(recs, key=lambda r: (r[0], r[1]))
    acc += sr[0][0] + len(sr[-1][1])
    ms = merge_sort(ints[:60000])
    assert ms == sorted(ints[:60000])
    acc += ms[30000]
    hs = heap_sort(ints[:60000])
    acc += hs[-1]
    print("checksum:", acc)


if __name__ == "__main__":
    main()
