import uuid

for ns_name, ns in [("DNS", uuid.NAMESPACE_DNS), ("URL", uuid.NAMESPACE_URL), ("OID", uuid.NAMESPACE_OID), ("X500", uuid.NAMESPACE_X500)]:
    for name in ["python.org", "example.com", "http://example.com/a?b", "ünïcode"]:
        u3 = uuid.uuid3(ns, name)
        u5 = uuid.uuid5(ns, name)
        print(ns_name, name, u3, u5, u3.version, u5.version)
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.urn, u.variant, u.version)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID(hex="12345678123456781234567812345678") == u)
print(uuid.UUID(bytes=bytes(range(16))), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
print(sorted([uuid.uuid5(uuid.NAMESPACE_DNS, str(i)) for i in range(5)]))
print(uuid.NAMESPACE_DNS, uuid.RESERVED_NCS, uuid.RFC_4122)
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError", e)
r = uuid.uuid4()
print("uuid4 shape", r.version, r.variant == uuid.RFC_4122, len(str(r)))
