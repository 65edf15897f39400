import html
from html.parser import HTMLParser

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<'\">", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &quot;q&quot; &#39; &#x263A; &#9731; &eacute; &copy; &notanentity; &amp"))
class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events = []
    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag):
        self.events.append(("end", tag))
    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))
    def handle_data(self, data):
        if data.strip():
            self.events.append(("data", data.strip()))
    def handle_comment(self, data):
        self.events.append(("comment", data))
    def handle_entityref(self, name):
        self.events.append(("entity", name))
    def handle_charref(self, name):
        self.events.append(("charref", name))
    def handle_decl(self, decl):
        self.events.append(("decl", decl))
doc = """<!DOCTYPE html><html><head><title>T &amp; U</title></head>
<body class="main" id=b1><p>Hello <b>world</b>!<br/><img src="a.png" alt='pic'></p>
<!-- note --><a href="/x?a=1&b=2">link</a><script>if (a < b) {}</script></body></html>"""
c = Collector()
c.feed(doc)
c.close()
for e in c.events:
    print(e)
c2 = Collector()
c2.convert_charrefs = False
c2.feed("x &amp; &#65; &#x42;")
c2.close()
print(c2.events)
class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
l = Links()
l.feed('<a href="one">1</a><A HREF="two">2</A><a name="x">no</a>')
print(l.links)
print(html.escape("plain"), html.unescape("&lambda;&Lambda;&hellip;&nbsp;|"))
