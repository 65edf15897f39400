# Very long paths and names: 100 000-character names, 5000 components,
# names at the 255-byte limit.
# expect: status=ok
# expect: stdout=100000 ENAMETOOLONG\ncomponents ENAMETOOLONG\n255 ok\n256 ENAMETOOLONG\n255x4 ENOENT\n255x17 ENAMETOOLONG\n['nnn...']\n
import errno, os
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except OSError as e:
        print(label, errno.errorcode[e.errno])
attempt("100000", lambda: open("/tmp/" + "a" * 100000, "w"))
attempt("components", lambda: open("/" + "a/" * 5000 + "x"))
attempt("255", lambda: open("/tmp/" + "n" * 255, "w").close())
attempt("256", lambda: open("/tmp/" + "n" * 256, "w").close())
attempt("255x4", lambda: open("/tmp/" + "/".join(["d" * 255] * 4), "w"))
attempt("255x17", lambda: open("/tmp/" + "/".join(["d" * 255] * 17), "w"))
print([n[:3] + "..." for n in os.listdir("/tmp")])
