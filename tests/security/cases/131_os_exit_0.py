# os._exit(0) after output, without flushing Python's buffers: what was
# flushed is kept; the status is ok.
# expect: status=ok
# expect: exit_code=0
# expect: error=null
# expect: stdout=flushed\n
import os, sys
print("flushed", flush=True)
sys.stdout.write("buffered, never flushed")
os._exit(0)
