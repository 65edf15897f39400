import xml.etree.ElementTree as ET

src = """<?xml version="1.0"?>
<library xmlns:x="http://example.com/x">
  <book id="b1" lang="en"><title>Dune</title><year>1965</year><price cur="USD">9.99</price></book>
  <book id="b2" lang="fr"><title>L'Étranger</title><year>1942</year><price cur="EUR">7.50</price></book>
  <book id="b3" lang="en"><title>Neuromancer</title><year>1984</year><x:tag>cyber</x:tag></book>
  <magazine id="m1"><title>Byte</title></magazine>
</library>"""
root = ET.fromstring(src)
print(root.tag, len(root), [c.tag for c in root])
for b in root.iter("book"):
    print(b.get("id"), b.attrib["lang"], b.findtext("title"), int(b.find("year").text))
print([t.text for t in root.findall(".//title")])
print([b.get("id") for b in root.findall("book[@lang='en']")])
print([p.get("cur") for p in root.iterfind(".//price")])
print(root.find("book[year='1942']/title").text)
print([e.text for e in root.findall(".//{http://example.com/x}tag")])
print([e.text for e in root.findall(".//x:tag", {"x": "http://example.com/x"})])
print(root.find("book[2]").get("id"), root.find("book[last()]").get("id"))
new = ET.SubElement(root, "book", {"id": "b4", "lang": "de"})
ET.SubElement(new, "title").text = "Faust & <Co>"
new.set("extra", 'quote"d')
root.remove(root.find("magazine"))
print(ET.tostring(new, encoding="unicode"))
print(len(root.findall("book")), sorted(e.get("id") for e in root))
doc = ET.Element("doc")
for i in range(3):
    item = ET.SubElement(doc, "item", n=str(i))
    item.text = "v%d" % i
    item.tail = "\n"
print(ET.tostring(doc, encoding="unicode"))
tree = ET.ElementTree(ET.fromstring("<a><b><c>1</c></b><d/></a>"))
ET.indent(tree, space="  ")
print(ET.tostring(tree.getroot(), encoding="unicode"))
print(ET.tostring(ET.fromstring("<r>é</r>"), encoding="utf-8"))
print(ET.tostring(ET.fromstring("<r a='1'>t<s/>u</r>"), method="text", encoding="unicode"))
print("".join(ET.fromstring("<p>Hello <b>bold</b> world</p>").itertext()))
events = []
for ev, el in ET.iterparse(__import__("io").BytesIO(b"<a><b>x</b><c/></a>"), events=("start", "end")):
    events.append((ev, el.tag))
print(events)
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError", e.code, e.position)
c = ET.Comment("a comment")
r = ET.Element("r")
r.append(c)
print(ET.tostring(r, encoding="unicode"))
print(ET.canonicalize("<a  b='2'   a='1'><c/></a>"))
