# Enumerate everything reachable: os.walk and glob from the root, linecache
# and shutil on host files.
# expect: status=ok
# expect: stdout=[('/', ['lib', 'tmp'], []), ('/lib', [], ['python311.zip', 'tzdata.zip']), ('/tmp', [], [])]\n['/', '/lib', '/lib/python311.zip', '/lib/tzdata.zip', '/tmp']\n''\nFileNotFoundError\n
import glob, linecache, os, shutil
print([(r, sorted(d), sorted(f)) for r, d, f in os.walk("/")])
print(sorted(glob.glob("/**", recursive=True)))
print(repr(linecache.getline("/etc/passwd", 1)))
try:
    shutil.copy("/etc/passwd", "/tmp/passwd")
except OSError as e:
    print(type(e).__name__)
