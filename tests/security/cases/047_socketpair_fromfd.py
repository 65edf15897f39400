# Other ways to get a socket object: socketpair, fromfd on stdio.
# expect: status=ok
# expect: stdout=socketpair ENOTSUP\nfromfd ENOTSUP\n
import errno, socket
for label, fn in [("socketpair", socket.socketpair),
                  ("fromfd", lambda: socket.fromfd(1, socket.AF_INET, socket.SOCK_STREAM))]:
    try:
        fn()
        print(label, "CREATED")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
