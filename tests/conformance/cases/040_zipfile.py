import hashlib
import io
import zipfile

buf = io.BytesIO()
files = {"readme.txt": b"Read me first.\n" * 20, "src/main.py": b"print('hi')\n", "data/bin.dat": bytes(range(256)) * 50,
         "empty.txt": b"", "unicode_é.txt": "ünïcödé\n".encode()}
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
    for name, data in files.items():
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6))
        info.compress_type = zipfile.ZIP_STORED if name.endswith(".dat") else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
    z.writestr(zipfile.ZipInfo("dir/", date_time=(2020, 1, 1, 0, 0, 0)), b"")
    z.comment = b"archive comment"
blob = buf.getvalue()
print("archive", len(blob), hashlib.sha256(blob).hexdigest())
with zipfile.ZipFile(io.BytesIO(blob)) as z:
    print(z.namelist())
    print(z.comment, z.testzip())
    for i in z.infolist():
        print(i.filename, i.file_size, i.compress_size, i.compress_type, i.date_time, i.CRC, i.is_dir(), oct(i.external_attr >> 16))
    for name, data in files.items():
        assert z.read(name) == data, name
    with z.open("readme.txt") as f:
        print(f.readline(), f.read(5))
    print(z.getinfo("src/main.py").filename)
    try:
        z.getinfo("nope")
    except KeyError as e:
        print("KeyError", e)
p = zipfile.Path(zipfile.ZipFile(io.BytesIO(blob)))
print(sorted(x.name for x in p.iterdir()), (p / "src" / "main.py").read_text())
print(zipfile.is_zipfile(io.BytesIO(blob)), zipfile.is_zipfile(io.BytesIO(b"not a zip")))
buf2 = io.BytesIO(blob)
with zipfile.ZipFile(buf2, "a") as z:
    z.writestr(zipfile.ZipInfo("added.txt", date_time=(2021, 5, 5, 5, 5, 4)), b"appended")
with zipfile.ZipFile(buf2) as z:
    print(z.namelist()[-1], z.read("added.txt"), len(z.namelist()))
try:
    zipfile.ZipFile(io.BytesIO(b"garbage" * 10))
except zipfile.BadZipFile as e:
    print("BadZipFile", e)
