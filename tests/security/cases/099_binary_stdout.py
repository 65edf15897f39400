# Raw bytes that are not UTF-8 (and NUL, ESC, a lone surrogate encoded):
# the result stays one valid JSON object.
# expect: status=ok
# expect: stdout=\ufffd\ufffd\x00ok\x1b[31m\ufffd\ufffd\ufffd\n
import sys
sys.stdout.buffer.write(b"\xff\xfe\x00ok\x1b[31m\xed\xa0\x80\n")
