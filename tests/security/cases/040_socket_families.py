# socket.socket for every address family: INET, INET6, UNIX (1), NETLINK
# (16), PACKET (17, raw ethernet), the default; the module imports, but no
# socket can be made.
# expect: status=ok
# expect: stdout=['AF_INET', 'AF_INET6', 'AF_UNSPEC']\nAF_UNIX False\nINET/STREAM ENOTSUP\nINET/DGRAM ENOTSUP\nINET6/STREAM ENOTSUP\nUNIX ENOTSUP\nNETLINK ENOTSUP\nPACKET ENOTSUP\nRAW ENOTSUP\ndefault ENOTSUP\n
import errno, socket
print(sorted(n for n in dir(socket) if n.startswith("AF_")))
print("AF_UNIX", hasattr(socket, "AF_UNIX"))
for label, args in [("INET/STREAM", (socket.AF_INET, socket.SOCK_STREAM)),
                    ("INET/DGRAM", (socket.AF_INET, socket.SOCK_DGRAM)),
                    ("INET6/STREAM", (socket.AF_INET6, socket.SOCK_STREAM)),
                    ("UNIX", (1, 1)), ("NETLINK", (16, 3, 0)), ("PACKET", (17, 3, 0x0300)),
                    ("RAW", (socket.AF_INET, 3, 1)), ("default", ())]:
    try:
        s = socket.socket(*args)
        print(label, "CREATED", s)
    except OSError as e:
        print(label, errno.errorcode[e.errno])
