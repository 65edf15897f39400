import re
from collections import Counter

text = """It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way."""
words = re.findall(r"[a-z']+", text.lower())
c = Counter(words)
print(len(words), len(c), c.most_common(8))
print(sorted(w for w, n in c.items() if n == 1))
print(Counter(len(w) for w in words).most_common(), Counter(ch for ch in text.lower() if ch.isalpha()).most_common(5))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(5))
sentences = [s.strip() for s in re.split(r"[,.]\s*", text) if s.strip()]
print(len(sentences), sentences[:3], max(sentences, key=len))
def wrap(words, width):
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + (1 if cur else 0) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return lines + [cur]
for line in wrap(text.split(), 38):
    print(f"|{line:<38}|")
def caesar_crack(cipher):
    freq = "etaoinshrdlcumwfgypbvkjxqz"
    best = None
    for k in range(26):
        cand = "".join(chr((ord(ch) - 97 - k) % 26 + 97) if ch.isalpha() else ch for ch in cipher)
        score = sum(26 - freq.index(ch) for ch in cand if ch.isalpha())
        if best is None or score > best[0]:
            best = (score, k, cand)
    return best[1], best[2]
secret = "".join(chr((ord(ch) - 97 + 7) % 26 + 97) if ch.isalpha() else ch for ch in "attack the castle at dawn with everyone")
print(secret, caesar_crack(secret))
def rle(s):
    return "".join(f"{len(m.group(0))}{m.group(1)}" for m in re.finditer(r"(.)\1*", s))
def unrle(s):
    return "".join(ch * int(n) for n, ch in re.findall(r"(\d+)(\D)", s))
enc = rle("aaabccddddde" * 3)
print(enc, unrle(enc) == "aaabccddddde" * 3)
def is_palindrome(s):
    t = [ch for ch in s.lower() if ch.isalnum()]
    return t == t[::-1]
print([is_palindrome(s) for s in ["A man, a plan, a canal: Panama", "race a car", "Was it a car or a cat I saw?", ""]])
anagrams = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    anagrams.setdefault("".join(sorted(w)), []).append(w)
print(sorted(v for v in anagrams.values() if len(v) > 1))
csv_like = "name=ann;age=31|name=bob;age=25|name=cid;age=40"
recs = [dict(kv.split("=") for kv in rec.split(";")) for rec in csv_like.split("|")]
print(recs, sum(int(r["age"]) for r in recs) / len(recs))
template = "Dear {name}, your order #{order:05d} of {qty} x {item!r} totals ${total:,.2f}."
print(template.format(name="Ann", order=42, qty=3, item="widget", total=1234.5))
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(1).upper() + m.group(2), "title case every word here"))
slug = re.sub(r"[^a-z0-9]+", "-", "Hello, World! This is -- a Slug_Test 2024".lower()).strip("-")
print(slug)
