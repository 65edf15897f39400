# pathlib: read a host file, list the root, find a home directory.
# expect: status=error
# expect: error.type=RuntimeError
# expect: error.message=Could not determine home directory.
# expect: stdout=FileNotFoundError\n['/lib', '/tmp']\n~ ~root\n
import os, pathlib
try:
    pathlib.Path("/etc/passwd").read_text()
except OSError as e:
    print(type(e).__name__)
print(sorted(str(p) for p in pathlib.Path("/").iterdir()))
print(os.path.expanduser("~"), os.path.expanduser("~root"))
pathlib.Path.home()
