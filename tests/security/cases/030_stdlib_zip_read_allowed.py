# Reading the stdlib zip directly is allowed (read-only) and consistent.
# expect: status=ok
# expect: stdout=True True True True\n
import os, zipfile
z = zipfile.ZipFile("/lib/python311.zip")
names = z.namelist()
data = open("/lib/python311.zip", "rb").read()
print(len(names) > 500, "os.py" in names, z.read("os.py").startswith(b'r"""OS routines'),
      len(data) == os.stat("/lib/python311.zip").st_size)
