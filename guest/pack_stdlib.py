"""pack_stdlib.py LIB_DIR OUT_ZIP [ZONEINFO_DIR TZ_ZIP] — the guest's read-only stdlib.

One zip that the host serves from memory at /lib/python311.zip (on sys.path),
so the guest never sees a host directory.  Each module is stored as an
unchecked-hash .pyc (no stat of a source file, no recompilation) next to its
.py (deflated; linecache reads it for tracebacks).  Packages that cannot work
in the sandbox or only test CPython itself are left out to keep it small.
With ZONEINFO_DIR (Debian's tzdata, /usr/share/zoneinfo) the time zone
database is written to TZ_ZIP as the `tzdata` package, the layout zoneinfo
looks for when the OS has no database (the guest has none), so
ZoneInfo("Europe/Paris") works as it does natively.  It is a second zip, later
on sys.path, because zipimport parses a zip's whole directory in Python on
first use: ~670 zone entries in the main zip cost every start-up 2-6 ms.
Entries are written in sorted order with fixed timestamps so that the image is
reproducible: the same inputs give the same bytes.
"""
import importlib.util
import marshal
import os
import sys
import zipfile

EXCLUDE_DIRS = {
    "test", "tests", "idle_test", "idlelib", "tkinter", "turtledemo", "ensurepip",
    "venv", "lib2to3", "distutils", "pydoc_data", "site-packages", "__pycache__",
    "msilib", "curses", "dbm", "multiprocessing", "concurrent", "wsgiref", "xmlrpc",
}
EXCLUDE_FILES = {"turtle.py", "antigravity.py", "this.py", "__phello__.foo.py",
                 "pydoc.py", "webbrowser.py", "cgi.py", "cgitb.py", "smtpd.py",
                 "imaplib.py", "nntplib.py", "poplib.py", "smtplib.py", "telnetlib.py",
                 "ftplib.py", "mailbox.py", "crypt.py", "pty.py", "tty.py"}
DATE = (2020, 1, 1, 0, 0, 0)

# sysconfig imports _sysconfigdata_<abiflags>_<multiarch>, which CPython's own
# build generates by running the freshly built interpreter; our cross build
# never runs it.  These are the values of our configuration that code in the
# stdlib actually reads (zoneinfo reads TZPATH: empty, so it uses the bundled
# `tzdata` package instead of host paths).
SYSCONFIGDATA_NAME = "_sysconfigdata__wasm32-wasi.py"
SYSCONFIGDATA = """# Build-time configuration of PolyAgent's wasm32-wasi CPython (see pack_stdlib.py).
build_time_vars = {
    'ABIFLAGS': '',
    'CC': 'clang --target=wasm32-wasi',
    'EXE': '.wasm',
    'EXT_SUFFIX': '.cpython-311-wasm32-wasi.so',
    'HOST_GNU_TYPE': 'wasm32-unknown-wasi',
    'LIBDIR': '/lib',
    'MACHDEP': 'wasi',
    'MULTIARCH': 'wasm32-wasi',
    'Py_DEBUG': 0,
    'Py_ENABLE_SHARED': 0,
    'SHLIB_SUFFIX': '.so',
    'SIZEOF_VOID_P': 4,
    'SOABI': 'cpython-311-wasm32-wasi',
    'TZPATH': '',
    'VERSION': '3.11',
    'WITH_DOC_STRINGS': 1,
    'WITH_PYMALLOC': 1,
    'exec_prefix': '/',
    'prefix': '/',
}
"""


def pyc_bytes(source, display_name):
    code = compile(source, display_name, "exec", dont_inherit=True)
    # PEP 552 header: magic, flags=0b01 (hash-based, unchecked), source hash.
    flags = (1).to_bytes(4, "little")
    return (importlib.util.MAGIC_NUMBER + flags +
            importlib.util.source_hash(source) + marshal.dumps(code))


def main(lib, out, zoneinfo=None, tz_out=None):
    entries = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDE_DIRS)
        for name in sorted(filenames):
            if name.endswith(".py") and name not in EXCLUDE_FILES:
                entries.append(os.path.relpath(os.path.join(dirpath, name), lib))
    entries.append(SYSCONFIGDATA_NAME)
    entries.sort()
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for rel in entries:
            if rel == SYSCONFIGDATA_NAME:
                source = SYSCONFIGDATA.encode()
            else:
                with open(os.path.join(lib, rel), "rb") as f:
                    source = f.read()
            try:
                pyc = pyc_bytes(source, "/lib/python311.zip/" + rel)
            except SyntaxError as e:
                print(f"pack_stdlib: skipping {rel}: {e}", file=sys.stderr)
                continue
            z.writestr(zipfile.ZipInfo(rel[:-3] + ".pyc", DATE), pyc, zipfile.ZIP_STORED)
            z.writestr(zipfile.ZipInfo(rel, DATE), source, zipfile.ZIP_DEFLATED)
    os.replace(tmp, out)
    zones = 0
    if zoneinfo:
        with zipfile.ZipFile(tz_out + ".tmp", "w") as z:
            zones = add_tzdata(z, zoneinfo)
        os.replace(tz_out + ".tmp", tz_out)
    print(f"pack_stdlib: {len(entries)} modules, {zones} time zones, {os.path.getsize(out)} bytes")


def add_tzdata(z, root):
    """tzdata/zoneinfo/<Area>/<Zone> with an __init__.py per directory, so
    importlib.resources can open every zone file from inside the zip."""
    keys = []
    for dirpath, dirnames, filenames in os.walk(root):
        # posix/ and right/ are duplicate trees; skip them and non-zone files.
        dirnames[:] = sorted(d for d in dirnames if d not in ("posix", "right"))
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                data = f.read()
            if not data.startswith(b"TZif"):
                continue
            key = name if rel_dir == "." else f"{rel_dir}/{name}"
            keys.append((key, data))
    keys.sort()
    pkgs = {"tzdata", "tzdata/zoneinfo"}
    for key, _ in keys:
        parts = key.split("/")[:-1]
        for i in range(len(parts)):
            pkgs.add("tzdata/zoneinfo/" + "/".join(parts[:i + 1]))
    version = "unknown"
    try:
        with open(os.path.join(root, "tzdata.zi")) as f:
            first = f.readline().split()
            if len(first) == 3 and first[1] == "version":
                version = first[2]
    except OSError:
        pass
    for pkg in sorted(pkgs):
        body = f'IANA_VERSION = "{version}"\n' if pkg == "tzdata" else ""
        z.writestr(zipfile.ZipInfo(pkg + "/__init__.py", DATE), body, zipfile.ZIP_STORED)
    for key, data in keys:
        z.writestr(zipfile.ZipInfo("tzdata/zoneinfo/" + key, DATE), data, zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("tzdata/zones", DATE), "".join(k + "\n" for k, _ in keys),
               zipfile.ZIP_DEFLATED)
    return len(keys)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 5):
        sys.exit("usage: pack_stdlib.py LIB_DIR OUT_ZIP [ZONEINFO_DIR TZ_ZIP]")
    main(*sys.argv[1:])
