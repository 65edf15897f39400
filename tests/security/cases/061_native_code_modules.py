# Native code and raw memory: ctypes, _ctypes, cffi, mmap, and the CPython
# test modules that poke at internals.
# expect: status=error
# expect: error.type=ModuleNotFoundError
# expect: error.message=No module named '_ctypes'
# expect: stdout=[]\n
import importlib
names = ["_ctypes", "cffi", "_cffi_backend", "mmap", "_testcapi", "_testinternalcapi",
         "_testbuffer", "_xxsubinterpreters", "_posixshmem", "fcntl", "termios", "pty",
         "resource", "grp", "pwd", "readline", "_curses", "syslog", "_uuid"]
ok = []
for n in names:
    try:
        importlib.import_module(n)
        ok.append(n)
    except ImportError:
        pass
print(ok)
import ctypes
ctypes.CDLL(None).system(b"id")
