import json

doc = {"name": "PolyAgent", "version": [1, 2, 3], "ok": True, "none": None,
       "pi": 3.14159, "nested": {"a": {"b": {"c": [1, {"d": "e"}]}}}, "empty": {}, "list": []}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, sort_keys=True))
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, separators=(",", ":")))
print(json.dumps(doc, indent="\t"))
back = json.loads(s)
print(back == doc, type(back["version"]).__name__, back["nested"]["a"]["b"]["c"][1]["d"])
print(json.dumps("héllo wörld ☃ 😀"))
print(json.dumps("héllo wörld ☃ 😀", ensure_ascii=False))
print(json.dumps([1, 2.5, -0.0, 1e100, 1e-7, 123456789012345678901234567890]))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "null key"}))
print(json.loads('{"a": [1, 2, {"b": null}], "c": "\\u00e9\\n\\t\\"", "d": 1.5e3}'))
print(json.loads("[true, false, null]"))
print(json.loads('"\\ud83d\\ude00"') == "😀")
for text in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "tru", '{"a" 1}', "[1] x"]:
    try:
        json.loads(text)
        print("parsed?", text)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", repr(text), e.msg, e.lineno, e.colno, e.pos)
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
def enc(o):
    if isinstance(o, Pt):
        return {"__pt__": [o.x, o.y]}
    raise TypeError("nope")
s = json.dumps({"p": Pt(1, 2), "q": [Pt(3, 4)]}, default=enc)
print(s)
def dec(d):
    return Pt(*d["__pt__"]) if "__pt__" in d else d
o = json.loads(s, object_hook=dec)
print(type(o["p"]).__name__, o["p"].x, o["q"][0].y)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
