vals = [0, 1, -1, 42, 255, -255, 3.14159, -2.5, 1e10, 1.5e-7, 123456.789]
for v in vals:
    print("%d|%5d|%-5d|%05d|%+d" % ((int(v),) * 5), "%x|%X|%#x|%o|%#o" % ((int(v),) * 5) if int(v) >= 0 else "neg",
          "%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G|%.3g" % ((float(v),) * 9))
print("%s %r %a" % ("str", "repr", "ünï"), "%c%c" % (65, "z"), "%%", "%5s|%-5s|%.2s" % ("ab", "cd", "efgh"))
print("%(name)s is %(age)d years; %(name)r" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%i %u" % (7, 8), "% d % d" % (5, -5), "%#.3g %#x" % (1.0, 0))
print(b"%s %d %x %c %b" % (b"bytes", 5, 255, 65, b"b"), b"%5.2f" % 3.14159)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError", e)
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5), "%.1f" % 0.25, "%.2f" % 2.675, "%.15g" % 0.1, "%.17g" % 0.1)
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),), "%.3s" % None)
print("%e" % 0.0, "%g" % 1e-5, "%g" % 1e-4, "%g" % 123456789, "%g" % 1234567, "%.10g" % 1234567, "%f" % float("inf"), "%F" % float("nan"))
