# Hard links: to the stdlib zip (to write it through /tmp) or inside /tmp.
# expect: status=error
# expect: error.type=OSError
# expect: error.message=[Errno 58] Not supported: '/lib/python311.zip' -> '/tmp/zip'
# expect: stdout=ENOTSUP\n
import errno, os
open("/tmp/a", "w").close()
try:
    os.link("/tmp/a", "/tmp/b")
except OSError as e:
    print(errno.errorcode[e.errno])
os.link("/lib/python311.zip", "/tmp/zip")
