# sqlite3 opens files through the same VFS: host databases, ATTACH, URI
# filenames, extension loading, writing outside /tmp.
# expect: status=ok
# expect: stdout=connect /etc/passwd: unable to open database file\nattach: unable to open database: /etc/shadow\nuri: unable to open database file\nload_extension: no such function: load_extension\nenable_load_extension False\n/lib/evil.db: unable to open database file\n[(1,)]\n
import sqlite3
def attempt(label, fn):
    try:
        fn()
        print(label, "SUCCEEDED")
    except sqlite3.Error as e:
        print("%s: %s" % (label, e))
attempt("connect /etc/passwd", lambda: sqlite3.connect("/etc/passwd").execute("select * from sqlite_master").fetchall())
mem = sqlite3.connect(":memory:")
attempt("attach", lambda: mem.execute("attach database '/etc/shadow' as s"))
attempt("uri", lambda: sqlite3.connect("file:/etc/passwd?mode=ro", uri=True).execute("select * from sqlite_master").fetchall())
attempt("load_extension", lambda: mem.execute("select load_extension('/lib/x')").fetchall())
print("enable_load_extension", hasattr(mem, "enable_load_extension"))
attempt("/lib/evil.db", lambda: sqlite3.connect("/lib/evil.db").execute("create table t(x)"))
db = sqlite3.connect("/tmp/ok.db")
db.execute("create table t(x)"); db.execute("insert into t values (1)"); db.commit()
print(db.execute("select * from t").fetchall())
