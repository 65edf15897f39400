# Name resolution and host identity through socket: no resolver functions
# (getfqdn fails inside socket.py on the missing gethostname: NameError).
# expect: status=ok
# expect: stdout=gethostbyname AttributeError\ngethostname AttributeError\ngetaddrinfo AttributeError\ngetfqdn NameError\nif_nameindex AttributeError\n
import socket
for name, fn in [("gethostbyname", lambda: socket.gethostbyname("localhost")),
                 ("gethostname", lambda: socket.gethostname()),
                 ("getaddrinfo", lambda: socket.getaddrinfo("example.com", 80)),
                 ("getfqdn", lambda: socket.getfqdn()),
                 ("if_nameindex", lambda: socket.if_nameindex())]:
    try:
        print(name, "RETURNED", fn())
    except Exception as e:
        print(name, type(e).__name__)
