import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("CREATE TABLE emp (id INTEGER PRIMARY KEY, name TEXT NOT NULL, dept TEXT, salary REAL, hired TEXT)")
rows = [("Ann", "eng", 120000, "2019-03-01"), ("Bob", "eng", 95000, "2020-07-15"), ("Cid", "ops", 70000, "2018-01-20"),
        ("Dee", "ops", 72000, "2021-11-30"), ("Eve", "sales", 65000, "2022-02-02"), ("Fay", "eng", 130000, "2017-05-05"),
        ("Gus", "sales", 61000, None)]
cur.executemany("INSERT INTO emp (name, dept, salary, hired) VALUES (?, ?, ?, ?)", rows)
print("rowcount", cur.rowcount, "lastrowid", cur.lastrowid)
for r in cur.execute("SELECT id, name, dept, salary FROM emp ORDER BY salary DESC"):
    print(r)
print(cur.execute("SELECT dept, COUNT(*), SUM(salary), AVG(salary), MIN(salary), MAX(salary) FROM emp GROUP BY dept ORDER BY dept").fetchall())
print(cur.execute("SELECT dept FROM emp GROUP BY dept HAVING COUNT(*) > 2").fetchall())
print(cur.execute("SELECT name FROM emp WHERE hired IS NULL").fetchone(), cur.execute("SELECT name FROM emp WHERE name LIKE '_e%' ORDER BY name").fetchall())
print(cur.execute("SELECT name, salary, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) FROM emp ORDER BY dept, 3").fetchall())
print(cur.execute("SELECT upper(name), length(name), substr(name, 2), name || '!' , round(salary / 1000.0, 1) FROM emp WHERE id <= 2").fetchall())
print(cur.execute("SELECT :a + :b, ? IS NULL".replace("?", ":c"), {"a": 2, "b": 3, "c": None}).fetchone())
print(cur.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL)").fetchone())
print(cur.execute("SELECT ?, ?, ?, ?, ?", (1, 2.5, "s", b"\x00\x01", None)).fetchone())
print(cur.execute("SELECT 2 * 3, 7 / 2, 7 % 3, 7.0 / 2, abs(-4), coalesce(NULL, 'd'), nullif(1, 1), max(3, 9), min(3, 9)").fetchone())
print(cur.execute("SELECT group_concat(name, '|') FROM (SELECT name FROM emp ORDER BY name)").fetchone())
print(cur.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT sum(x), group_concat(x) FROM c").fetchone())
cur.execute("CREATE TABLE dept (code TEXT PRIMARY KEY, title TEXT)")
cur.executemany("INSERT INTO dept VALUES (?, ?)", [("eng", "Engineering"), ("ops", "Operations"), ("hr", "Human Resources")])
print(cur.execute("SELECT d.title, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.code GROUP BY d.code ORDER BY d.code").fetchall())
cur.execute("CREATE INDEX idx_dept ON emp(dept)")
print(cur.execute("UPDATE emp SET salary = salary * 1.1 WHERE dept = 'ops'").rowcount)
print(cur.execute("DELETE FROM emp WHERE salary < 65000").rowcount)
print(cur.execute("SELECT count(*), round(sum(salary), 2) FROM emp").fetchone())
print([d[0] for d in cur.execute("SELECT * FROM emp").description])
print(cur.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall())
try:
    cur.execute("INSERT INTO emp (name) VALUES (NULL)")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e)
try:
    cur.execute("SELEC 1")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.close()
