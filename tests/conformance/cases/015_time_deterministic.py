import time

g = time.gmtime(0)
print(tuple(g), g.tm_year, g.tm_yday, g.tm_wday, g.tm_isdst)
print(time.strftime("%Y-%m-%d %H:%M:%S", g))
st = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
for fmt in ["%Y", "%m", "%d", "%H", "%I", "%M", "%S", "%p", "%j", "%a", "%A", "%b", "%B", "%y", "%w", "%%",
            "%Y-%m-%dT%H:%M:%S", "%d/%m/%y", "%H:%M", "[%A, %d %B %Y]"]:
    print(repr(fmt), "->", repr(time.strftime(fmt, st)))
print(time.asctime(st))
print(time.asctime(time.gmtime(1700000000)))
for ts in [0, 86399, 86400, 951782400, 1234567890, 2**31, 4102444800, -86400]:
    t = time.gmtime(ts)
    print(ts, time.strftime("%Y-%m-%d %H:%M:%S %a %j", t), t.tm_wday)
p = time.strptime("2023-07-04 08:09:10", "%Y-%m-%d %H:%M:%S")
print(tuple(p))
p = time.strptime("30 Nov 99", "%d %b %y")
print(tuple(p))
import calendar
print(calendar.timegm(time.gmtime(1234567890)))
t0 = time.monotonic()
t1 = time.monotonic()
print("monotonic nondecreasing", t1 >= t0)
pc = time.perf_counter()
print("perf_counter float", isinstance(pc, float))
