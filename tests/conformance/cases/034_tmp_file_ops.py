import os
import shutil
import tempfile
from pathlib import Path

base = tempfile.mkdtemp(prefix="pa_case_", dir="/tmp")
try:
    f = os.path.join(base, "hello.txt")
    with open(f, "w", encoding="utf-8") as fh:
        fh.write("line one\nline two\nünïcode ☃\n")
    with open(f, encoding="utf-8") as fh:
        print(repr(fh.read()))
    with open(f, "a", encoding="utf-8") as fh:
        print("appended", fh.write("appended\n"))
    with open(f, encoding="utf-8") as fh:
        print([l.rstrip("\n") for l in fh])
    print("size", os.path.getsize(f), os.stat(f).st_size, os.path.isfile(f), os.path.isdir(base))
    with open(f, "rb") as fh:
        fh.seek(5)
        print(fh.read(3), fh.tell())
        fh.seek(-4, 2)
        print(fh.read())
    with open(f, "r+b") as fh:
        fh.seek(0)
        fh.write(b"LINE")
    print(open(f, "rb").read()[:12])
    os.mkdir(os.path.join(base, "sub"))
    os.makedirs(os.path.join(base, "sub", "deep", "er"), exist_ok=True)
    for i in range(5):
        Path(base, "sub", "f%d.dat" % i).write_bytes(bytes([i]) * (i * 10))
    print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "sub"))))
    os.rename(f, os.path.join(base, "renamed.txt"))
    print(sorted(os.listdir(base)), os.path.exists(f))
    os.replace(os.path.join(base, "sub", "f1.dat"), os.path.join(base, "sub", "f9.dat"))
    os.remove(os.path.join(base, "sub", "f0.dat"))
    print(sorted(os.listdir(os.path.join(base, "sub"))))
    walked = []
    for root, dirs, files in os.walk(base):
        dirs.sort()
        walked.append((os.path.relpath(root, base), sorted(files)))
    print(walked)
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(os.path.join(base, "sub"))))
    pb = Path(base)
    print(sorted(p.name for p in pb.glob("sub/*.dat")), sorted(str(p.relative_to(pb)) for p in pb.rglob("*")))
    t = pb / "p.txt"
    t.write_text("pathlib text", encoding="utf-8")
    print(t.read_text(encoding="utf-8"), t.exists(), t.is_file(), t.stat().st_size, t.suffix)
    shutil.copy(t, pb / "copy.txt")
    print((pb / "copy.txt").read_text(encoding="utf-8"))
    t.unlink()
    print(t.exists(), sorted(x.name for x in pb.iterdir()))
    try:
        open(os.path.join(base, "missing.txt"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename == os.path.join(base, "missing.txt"))
    try:
        os.mkdir(os.path.join(base, "sub"))
    except FileExistsError:
        print("FileExistsError")
    try:
        os.rmdir(os.path.join(base, "sub"))
    except OSError as e:
        print("OSError on non-empty rmdir", isinstance(e, OSError))
    with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".tmp", delete=True, encoding="utf-8") as tf:
        tf.write("temporary")
        tf.seek(0)
        print(tf.read(), tf.name.endswith(".tmp"))
    big = os.path.join(base, "big.bin")
    with open(big, "wb") as fh:
        for i in range(256):
            fh.write(bytes([i]) * 4096)
    with open(big, "rb") as fh:
        data = fh.read()
    print(len(data), sum(data) % 65521, data[4096 * 200])
finally:
    shutil.rmtree(base)
print("cleaned", os.path.exists(base))
