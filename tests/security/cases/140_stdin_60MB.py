# 60 MiB of stdin, read in full.
# stdin-size: 62914560
# expect: status=ok
# expect: stdout=62914560 62914560\n
import sys
data = sys.stdin.buffer.read()
print(len(data), data.count(b"a"))
