import json
from decimal import Decimal
from collections import OrderedDict

print(json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
v = json.loads("[NaN, Infinity, -Infinity]")
print([repr(x) for x in v])
print(json.loads("1.1", parse_float=Decimal), json.loads("10", parse_int=float))
print(json.loads('{"a": 1, "a": 2, "b": 3}'))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=lambda p: p))
print(json.loads('{"z": 1, "y": 2}', object_pairs_hook=OrderedDict))
big = 10**400
print(len(json.dumps(big)), json.loads(json.dumps(big)) == big)
print(json.dumps(1e400 if False else 1.7976931348623157e308), json.dumps(5e-324))
print(json.loads("1e400"), json.loads("-1e400"), json.loads("-0"), json.loads("-0.0"))
deep = json.loads("[" * 200 + "]" * 200)
d = 0
while deep:
    deep = deep[0]
    d += 1
print("depth", d)
print(json.dumps("\x00\x1f\x7f\u2028\u2029\\/\""))
print(json.loads('"\\/\\b\\f\\n\\r\\t"') == "/\b\f\n\r\t")
print(json.dumps({"b": 1, "a": [3, {"d": 1, "c": 2}]}, sort_keys=True, indent=1))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps([[]], indent=2))
print(json.dumps((1, 2)), json.dumps("tuple"), json.dumps(None), json.dumps(True))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(E().encode({"s": {3, 1, 2}, "c": 1 + 2j}))
print(list(E(indent=None).iterencode([1, {"a": 2}])))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(json.loads(b'{"bytes": "utf8 \xc3\xa9"}'))
print(json.loads('{"bytes": "x"}'.encode("utf-16")))
print(json.loads("  \n\t[1,\n 2]\n "))
for bad in ['"\\ud800"', '"\\x41"', '"abc', '[1,]', '01', '.5', '1.', '+1', '"\t"']:
    try:
        r = json.loads(bad)
        print("ok", repr(bad), repr(r))
    except json.JSONDecodeError as e:
        print("err", repr(bad), e)
try:
    json.loads("[" * 100000 + "]" * 100000)
    print("deep ok")
except RecursionError:
    print("RecursionError")
