import hashlib

inputs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", b"a" * 1000, bytes(range(256)) * 4]
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    for data in inputs:
        print(name, len(data), hashlib.new(name, data).hexdigest())
h = hashlib.sha256()
for i in range(1000):
    h.update(str(i).encode())
print("incremental", h.hexdigest(), h.digest_size, h.block_size, h.name)
c = h.copy()
c.update(b"more")
print("copy", h.hexdigest()[:16], c.hexdigest()[:16])
print(hashlib.md5(b"x").digest(), hashlib.sha1(b"x").digest().hex())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"pw", b"NaCl", 50, dklen=20).hex())
import hmac
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "md5").hexdigest())
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256).hexdigest())
print(hmac.digest(b"k" * 100, b"msg", "sha512").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"))
big = bytes((i * 7 + 3) % 256 for i in range(1 << 20))
print("1MiB", hashlib.md5(big).hexdigest(), hashlib.sha1(big).hexdigest(), hashlib.sha512(big).hexdigest()[:32])
