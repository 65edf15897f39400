"""pack_stdlib.py LIB_DIR OUT_ZIP — the guest's read-only standard library image.

One zip that the host serves from memory at /lib/python311.zip (on sys.path),
so the guest never sees a host directory.  Each module is stored as an
unchecked-hash .pyc (no stat of a source file, no recompilation) next to its
.py (deflated; linecache reads it for tracebacks).  Packages that cannot work
in the sandbox or only test CPython itself are left out to keep it small.
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


def pyc_bytes(source, display_name):
    code = compile(source, display_name, "exec", dont_inherit=True)
    # PEP 552 header: magic, flags=0b01 (hash-based, unchecked), source hash.
    flags = (1).to_bytes(4, "little")
    return (importlib.util.MAGIC_NUMBER + flags +
            importlib.util.source_hash(source) + marshal.dumps(code))


def main(lib, out):
    entries = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDE_DIRS)
        for name in sorted(filenames):
            if name.endswith(".py") and name not in EXCLUDE_FILES:
                entries.append(os.path.relpath(os.path.join(dirpath, name), lib))
    entries.sort()
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for rel in entries:
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
    print(f"pack_stdlib: {len(entries)} modules, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
