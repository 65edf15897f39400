# time.monotonic() must not be the host's CLOCK_MONOTONIC (its uptime, which
# fingerprints the machine): the guest's clock is shifted to read like
# seconds since 2020, far from any uptime, and still advances normally.
# expect: status=ok
# check: abs(float(d["stdout"].split()[0]) - float(open("/proc/uptime").read().split()[0])) > 86400
# check: d["stdout"].split()[1] == "True"
import time
a = time.monotonic()
time.sleep(0.05)
print(a, 0.04 < time.monotonic() - a < 1)
