from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urlencode, parse_qs, parse_qsl, quote, quote_plus,
                          unquote, unquote_plus, urldefrag, quote_from_bytes, unquote_to_bytes)

u = urlparse("https://user:pw@Example.COM:8443/a/b;params?q=1&r=two&q=3#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params, u.query, u.fragment)
print(urlsplit("http://[::1]:80/x?y#z"), urlsplit("http://[::1]:80/x").hostname)
print(urlsplit("mailto:someone@example.com"), urlsplit("//host/path"), urlsplit("relative/path?x=1"))
print(urlunparse(("https", "h.com", "/p", "", "a=1", "f")), urlunsplit(("ftp", "host", "/f.txt", "", "")))
base = "http://a/b/c/d;p?q"
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", "../../../g", "g;x", "", "http://other/x"]:
    print(repr(ref), urljoin(base, ref))
params = {"name": "Jöhn Doe", "tags": ["a b", "c&d"], "n": 5, "empty": ""}
print(urlencode(params), urlencode(params, doseq=True), urlencode([("k", "v1"), ("k", "v2")]))
print(urlencode({"q": "a+b c/d"}, quote_via=quote), urlencode({"x": "/"}, safe="/"))
qs = "a=1&b=2&a=3&c=&d=%20x+y&e"
print(parse_qs(qs), parse_qs(qs, keep_blank_values=True), parse_qsl(qs), parse_qsl(qs, keep_blank_values=True))
for s in ["hello world", "a/b/c", "ünïcode", "~tilde-_.", "100%", "a+b=c&d", "😀"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), unquote(quote(s)) == s, unquote_plus(quote_plus(s)) == s)
print(unquote("%E2%98%83 %zz %4"), unquote("%ff", errors="replace"), unquote_to_bytes("%ff%00a"), quote_from_bytes(b"\x00\xff/"))
print(urldefrag("http://x/y#frag"), urldefrag("http://x/y"))
print(urlparse("HTTP://EXAMPLE.com/%7Euser").scheme, urlparse("http://example.com:abc").netloc)
try:
    urlparse("http://example.com:abc").port
except ValueError as e:
    print("ValueError", e)
print(urlparse("file:///etc/hosts"), urlparse("data:text/plain;base64,SGk="))
print(u._replace(scheme="http", netloc="x.org").geturl())
