# uuid1() and uuid.getnode() must not reveal the host's MAC address: the
# node is a random one (multicast bit set, RFC 4122 4.5) and changes
# between runs.
# expect: status=ok
# expect: stdout~=^1 [0-9a-f]{12} True\n$
import uuid
node = uuid.getnode()
print((node >> 40) & 1, "%012x" % node, uuid.uuid1().node == node)
# === again
# expect: status=ok
# expect: stdout~=^1 [0-9a-f]{12} True\n$
# check: d["stdout"].split()[1] != runs[0]["stdout"].split()[1]
import uuid
node = uuid.getnode()
print((node >> 40) & 1, "%012x" % node, uuid.uuid1().node == node)
