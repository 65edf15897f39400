# Listen instead of connect: a TCP server on 0.0.0.0:8080.
# expect: status=error
# expect: error.type=OSError
# expect: error.message=[Errno 58] Not supported
import http.server, socketserver
socketserver.TCPServer(("0.0.0.0", 8080), http.server.SimpleHTTPRequestHandler).serve_forever()
