import fnmatch

names = ["data.csv", "Data.CSV", "report_2024.txt", "report_2023.txt", "img01.png", "img1.png", "img10.png", ".hidden",
         "archive.tar.gz", "notes[1].md", "a?b", "x"]
for pat in ["*.csv", "*.CSV", "report_*.txt", "img?.png", "img??.png", "img[0-9]*.png", "[!.]*", "*.tar.*", "notes[[]1].md", "a[?]b", "*", "?"]:
    print(pat, fnmatch.filter(names, pat), [n for n in names if fnmatch.fnmatchcase(n, pat)])
print(fnmatch.translate("*.py"), fnmatch.translate("[!a-c]?x"), fnmatch.translate("a[]]b"))
print(fnmatch.fnmatch("FILE.TXT", "*.txt"), fnmatch.fnmatchcase("FILE.TXT", "*.txt"), fnmatch.fnmatch("dir/file.py", "*.py"))
import glob
print(glob.escape("a[b]*?.txt"), glob.has_magic("x*") if hasattr(glob, "has_magic") else "")
