# The uncaught exception's __str__ never returns: the host formats errors
# under the same deadline.
# args: --timeout 1
# expect: status=timeout
# expect: error.type=Timeout
# check: 900 <= d["duration_ms"] <= 1500
class Forever(Exception):
    def __str__(self):
        while True:
            pass
raise Forever()
