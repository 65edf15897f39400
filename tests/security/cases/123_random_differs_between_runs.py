# Two fresh runs from the same image must not share any randomness:
# random, os.urandom, uuid4, secrets, SystemRandom and tempfile names.
# (str hash() is per image by design and deliberately not compared.)
# expect: status=ok
# check: len(d["stdout"].split()) == 9
import os, random, secrets, tempfile, uuid
print(random.random(), random.getrandbits(64), os.urandom(16).hex(), uuid.uuid4(),
      secrets.token_hex(16), random.SystemRandom().random(), tempfile.mktemp(),
      tempfile.mkdtemp(), tempfile.NamedTemporaryFile().name)
# === a second fresh run
# expect: status=ok
# check: len(d["stdout"].split()) == 9
# check: [a != b for a, b in zip(d["stdout"].split(), runs[0]["stdout"].split())] == [True] * 9
import os, random, secrets, tempfile, uuid
print(random.random(), random.getrandbits(64), os.urandom(16).hex(), uuid.uuid4(),
      secrets.token_hex(16), random.SystemRandom().random(), tempfile.mktemp(),
      tempfile.mkdtemp(), tempfile.NamedTemporaryFile().name)
