# Import code from host paths: zipimport of a host file, sys.path entries
# pointing at host directories, importlib from a host file.
# expect: status=ok
# expect: stdout=ZipImportError not a Zip file\nModuleNotFoundError\nModuleNotFoundError\nNone\nFileNotFoundError\n
import importlib.machinery, importlib.util, sys, zipimport
try:
    zipimport.zipimporter("/etc/passwd")
except zipimport.ZipImportError as e:
    print(type(e).__name__, e)
sys.path[:0] = ["/etc", "/usr/lib/python3/dist-packages", "/usr/lib/python3.11"]
for mod in ("passwd", "apt_pkg"):
    try:
        __import__(mod)
        print("IMPORTED", mod)
    except ImportError as e:
        print(type(e).__name__)
print(importlib.util.spec_from_file_location("x", "/etc/passwd"))
try:
    importlib.machinery.SourceFileLoader("x", "/etc/passwd").get_data("/etc/passwd")
except OSError as e:
    print(type(e).__name__)
