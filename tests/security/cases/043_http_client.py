# http.client straight to an IP address (no DNS needed by the attacker).
# args: --timeout 5
# expect: status=error
# expect: error.type=AttributeError
# expect: error.message=module '_socket' has no attribute 'getaddrinfo'
import http.client
c = http.client.HTTPConnection("127.0.0.1", 80, timeout=1)
c.request("GET", "/")
print(c.getresponse().status)
