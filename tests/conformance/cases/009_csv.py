import csv
import io

rows = [["name", "age", "note"], ["Alice", 30, "likes, commas"], ["Bob", 25, 'says "hi"'],
        ["Carol", 41, "multi\nline"], ["", None, " spaced "]]
buf = io.StringIO()
w = csv.writer(buf)
w.writerows(rows)
print(repr(buf.getvalue()))
buf.seek(0)
for row in csv.reader(buf):
    print(row)
for q in (csv.QUOTE_ALL, csv.QUOTE_MINIMAL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    b = io.StringIO()
    try:
        csv.writer(b, quoting=q, escapechar="\\").writerow(["a", 1, 2.5, "x,y", 'q"'])
        print(q, repr(b.getvalue()))
    except csv.Error as e:
        print(q, "Error", e)
b = io.StringIO()
dw = csv.DictWriter(b, fieldnames=["id", "fruit", "qty"], lineterminator="\n")
dw.writeheader()
dw.writerows([{"id": 1, "fruit": "apple", "qty": 3}, {"id": 2, "fruit": "pear"}, {"id": 3, "qty": 9, "fruit": "fig"}])
print(b.getvalue())
for rec in csv.DictReader(io.StringIO(b.getvalue())):
    print(dict(rec))
tsv = "a\tb\tc\n1\t2\t3\n"
print(list(csv.reader(io.StringIO(tsv), delimiter="\t")))
print(list(csv.reader(io.StringIO("x;y;'z;w'\n"), delimiter=";", quotechar="'")))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE, lineterminator="\n")
b = io.StringIO()
csv.writer(b, "pipes").writerows([[1, 2], [3, 4]])
print(repr(b.getvalue()), sorted(csv.list_dialects()))
sample = "id,name,score\n1,ann,3.5\n2,ben,4.0\n3,cid,2.25\n"
sn = csv.Sniffer()
d = sn.sniff(sample)
print("sniff", repr(d.delimiter), sn.has_header(sample))
print(list(csv.reader(['a,"b""c",d', ' e , f '], skipinitialspace=True)))
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as e:
    print("strict error", e)
total = sum(float(r["score"]) for r in csv.DictReader(io.StringIO(sample)))
print("total", total)
