# socket.create_connection to the host's loopback (ssh port): name
# resolution does not even exist.
# args: --timeout 5
# expect: status=error
# expect: error.type=AttributeError
# expect: error.message=module '_socket' has no attribute 'getaddrinfo'
# expect: stdout=
import socket
socket.create_connection(("127.0.0.1", 22), timeout=1)
