# FIXED BUG: exactly 64 MiB of stdin is refused with "larger than 64 MiB"
# (read_all in src/cli/run.c fails as soon as the buffer is full, before
# seeing EOF).  Expected: accepted, the limit being 64 MiB.
# stdin-size: 67108864
# expect: status=ok
# expect: stdout=67108864\n
import sys
print(len(sys.stdin.buffer.read()))
