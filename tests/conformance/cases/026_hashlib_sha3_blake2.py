import hashlib

inputs = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(200))]
for name in ["sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    for data in inputs:
        print(name, len(data), getattr(hashlib, name)(data).hexdigest())
for data in inputs:
    print("shake_128", hashlib.shake_128(data).hexdigest(16), "shake_256", hashlib.shake_256(data).hexdigest(40))
print(hashlib.blake2b(b"data", digest_size=16).hexdigest())
print(hashlib.blake2b(b"data", key=b"secret key", digest_size=32).hexdigest())
print(hashlib.blake2b(b"data", salt=b"salt1234", person=b"personal").hexdigest())
print(hashlib.blake2s(b"data", digest_size=8, key=b"k").hexdigest())
print(hashlib.blake2b(b"tree", fanout=2, depth=2, leaf_size=4096, node_offset=1, node_depth=0, inner_size=64, last_node=True).hexdigest()[:32])
h = hashlib.sha3_256()
for chunk in [b"a", b"bc", b"d" * 500]:
    h.update(chunk)
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
print(hashlib.new("sha3_512", b"x").hexdigest()[:20], hashlib.new("blake2s", b"x").hexdigest()[:20])
big = bytes((i * 31 + 11) % 256 for i in range(300000))
print(hashlib.sha3_256(big).hexdigest(), hashlib.blake2b(big).hexdigest()[:40])
