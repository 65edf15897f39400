# FIXED BUG: an error message over 16 MiB is dropped whole by the host
# (guest_string() in instance.c returns NULL above 16 MiB): error.message
# and error.traceback come back empty instead of truncated.
# args: --timeout 20
# expect: status=error
# expect: error.type=ValueError
# check: d["error"]["message"].startswith("y" * 1000)
raise ValueError("y" * (17 * 2**20))
