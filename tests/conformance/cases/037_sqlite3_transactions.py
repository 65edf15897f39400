import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE acct (name TEXT PRIMARY KEY, bal INTEGER CHECK (bal >= 0))")
con.executemany("INSERT INTO acct VALUES (?, ?)", [("alice", 100), ("bob", 50)])
con.commit()
def transfer(src, dst, amt):
    try:
        with con:
            con.execute("UPDATE acct SET bal = bal + ? WHERE name = ?", (amt, dst))
            con.execute("UPDATE acct SET bal = bal - ? WHERE name = ?", (amt, src))
        return "ok"
    except sqlite3.IntegrityError as e:
        return "rolled back: " + str(e)
print(transfer("alice", "bob", 30), con.execute("SELECT * FROM acct ORDER BY name").fetchall())
print(transfer("bob", "alice", 500), con.execute("SELECT * FROM acct ORDER BY name").fetchall())
con.execute("INSERT INTO acct VALUES ('carol', 5)")
print(con.in_transaction)
con.rollback()
print(con.in_transaction, con.execute("SELECT count(*) FROM acct").fetchone())
con.execute("SAVEPOINT sp1")
con.execute("INSERT INTO acct VALUES ('dave', 1)")
con.execute("ROLLBACK TO sp1")
con.execute("RELEASE sp1")
con.commit()
print(con.execute("SELECT name FROM acct ORDER BY name").fetchall())
con.row_factory = sqlite3.Row
r = con.execute("SELECT name, bal FROM acct WHERE name = 'alice'").fetchone()
print(r.keys(), r["name"], r["bal"], tuple(r), dict(r))
con.row_factory = None
con.create_function("rev", 1, lambda s: s[::-1])
print(con.execute("SELECT rev(name) FROM acct ORDER BY name").fetchall())
class GeoMean:
    def __init__(self):
        self.p = 1
        self.n = 0
    def step(self, v):
        self.p *= v
        self.n += 1
    def finalize(self):
        return round(self.p ** (1 / self.n)) if self.n else None
con.create_aggregate("prodroot", 1, GeoMean)
print(con.execute("SELECT prodroot(bal) FROM acct").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print(con.execute("SELECT name FROM acct ORDER BY name COLLATE rev").fetchall())
print(list(con.iterdump()))
con.execute("CREATE TABLE big (k INTEGER, v TEXT)")
con.executemany("INSERT INTO big VALUES (?, ?)", ((i, "v%05d" % i) for i in range(5000)))
print(con.execute("SELECT count(*), sum(k), max(v), sum(length(v)) FROM big WHERE k % 7 = 3").fetchone())
con.isolation_level = None
con.execute("BEGIN")
con.execute("DELETE FROM big")
con.execute("ROLLBACK")
print(con.execute("SELECT count(*) FROM big").fetchone())
blob = bytes(range(256)) * 10
con.execute("CREATE TABLE b (data BLOB)")
con.execute("INSERT INTO b VALUES (?)", (blob,))
got = con.execute("SELECT data, length(data), hex(substr(data, 1, 4)) FROM b").fetchone()
print(got[0] == blob, got[1], got[2])
print(con.execute("SELECT json_extract('{\"a\": [1, 2, {\"b\": 3}]}', '$.a[2].b'), json_array(1, 'x', NULL)").fetchone())
con.close()
