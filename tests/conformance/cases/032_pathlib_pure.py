from pathlib import PurePosixPath as P, PureWindowsPath as W

p = P("/usr/local/lib/python3.11/site-packages/pkg/module.tar.gz")
print(p, repr(p), p.parts, p.anchor, p.root, p.drive)
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, list(map(str, p.parents))[:3])
print(p.with_name("other.py"), p.with_suffix(".zip"), p.with_stem("renamed") if hasattr(p, "with_stem") else "")
print(p.relative_to("/usr/local"), p.is_absolute(), P("a/b").is_absolute(), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
print(P("a") / "b" / "c.txt", P("/a") / "/b", P("a//b/./c/"), P("./x"), P("."), P(""))
print(P("a/b/../c"), P("/a/b").joinpath("c", "d"), P("foo.txt").match("*.txt"), P("/a/b/c.py").match("b/*.py"), P("/a/b/c.py").match("/*.py"))
print(sorted([P("b"), P("a/c"), P("a/b"), P("A")]), P("a") == P("a/"), P("a") < P("b"))
print(P("/").parent, P("/").name == "", P("x.").suffix, P(".bashrc").suffix, P(".bashrc").stem, P("a.b.c").suffixes)
try:
    P("/a/b").relative_to("/c")
except ValueError as e:
    print("ValueError", e)
w = W("C:\\Users\\Me\\file.TXT")
print(w, w.drive, w.root, w.anchor, w.parts, w.name, w.suffix, w.as_posix(), w.parent)
print(W("c:/A/b") == W("C:\\a\\B"), W("//server/share/x").drive, W("a") / "b")
print(P("/etc/passwd").as_uri(), str(P("rel/path")), bytes(P("/x/y")), P("a", "b", "c"))
print(P("/a/b/c").with_name("d").with_suffix(".e"), len(P("/a/b/c").parents))
