import os.path as op
import posixpath

print(op is posixpath, op.sep, op.extsep, op.pardir, op.curdir)
for parts in [("a", "b"), ("/a", "b", "c"), ("a", "/b"), ("a/", "b/"), ("", "x"), ("a", ""), ("/", "tmp")]:
    print("join", parts, op.join(*parts))
for p in ["/a/b/c.txt", "a/b/", "c.txt", "/", "", "/a", "a/b/.hidden", "dir.d/file"]:
    print("split", repr(p), op.split(p), op.splitext(p), op.basename(p), op.dirname(p), op.isabs(p))
for p in ["a//b", "a/./b", "a/b/../c", "/../x", "../../a/./b/..", "./", "", "//a", "///a", "a/b/c/../../.."]:
    print("normpath", repr(p), op.normpath(p))
print(op.commonprefix(["/usr/lib", "/usr/local", "/usr/libexec"]), op.commonpath(["/usr/lib", "/usr/local/bin", "/usr/lib64"]))
print(op.relpath("/a/b/c", "/a/d"), op.relpath("/a/b", "/a/b"), op.relpath("/x", "/a/b/c"))
print(op.splitdrive("/a/b"), op.normcase("ABC/Def"), op.expanduser("no-tilde"), op.splitext(".tar.gz"), op.splitext("x.tar.gz"))
print(op.join("a", *["b", "c"]), op.abspath("/a/./b/../c"), op.realpath("/") == "/")
print(op.exists("/tmp"), op.isdir("/tmp"), op.exists("/definitely/not/here"), op.isfile("/definitely/not/here"))
