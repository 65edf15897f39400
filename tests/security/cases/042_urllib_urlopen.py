# urllib.request.urlopen of a local URL and of the cloud metadata service.
# args: --timeout 5
# expect: status=ok
# expect: stdout=http://127.0.0.1:1/ AttributeError module '_socket' has no attribute 'getaddrinfo'\nhttp://169.254.169.254/latest/meta-data/ AttributeError module '_socket' has no attribute 'getaddrinfo'\nhttps://example.com/ URLError <urlopen error unknown url type: https>\nfile:///etc/passwd URLError <urlopen error [Errno 44] No such file or directory: '/etc/passwd'>\n
import urllib.request
for url in ["http://127.0.0.1:1/", "http://169.254.169.254/latest/meta-data/",
            "https://example.com/", "file:///etc/passwd"]:
    try:
        urllib.request.urlopen(url, timeout=1)
        print(url, "OPENED")
    except Exception as e:
        print(url, type(e).__name__, e)
