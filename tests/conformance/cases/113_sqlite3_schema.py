import sqlite3

con = sqlite3.connect(":memory:")
con.executescript("""
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, born INTEGER);
CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author(id) ON DELETE CASCADE, title TEXT, year INTEGER, pages INTEGER DEFAULT 100);
CREATE VIEW book_info AS SELECT b.title, a.name AS author, b.year FROM book b JOIN author a ON a.id = b.author_id;
CREATE TRIGGER book_year_check BEFORE INSERT ON book WHEN NEW.year < 0 BEGIN SELECT RAISE(ABORT, 'negative year'); END;
PRAGMA foreign_keys = ON;
INSERT INTO author (name, born) VALUES ('Austen', 1775), ('Tolstoy', 1828), ('Woolf', 1882);
INSERT INTO book (author_id, title, year, pages) VALUES (1, 'Emma', 1815, 474), (1, 'Persuasion', 1817, 249), (2, 'War and Peace', 1869, 1225), (3, 'Orlando', 1928, 333);
INSERT INTO book (author_id, title, year) VALUES (3, 'The Waves', 1931);
""")
print(con.execute("SELECT * FROM book_info ORDER BY year").fetchall())
print(con.execute("SELECT a.name, count(b.id), sum(b.pages), avg(b.pages) FROM author a LEFT JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY a.name").fetchall())
print(con.execute("SELECT title FROM book WHERE pages > (SELECT avg(pages) FROM book)").fetchall())
print(con.execute("SELECT name FROM author WHERE EXISTS (SELECT 1 FROM book WHERE author_id = author.id AND year > 1900)").fetchall())
print(con.execute("SELECT year / 100 + 1 AS century, count(*) FROM book GROUP BY century ORDER BY century").fetchall())
print(con.execute("SELECT title, CASE WHEN pages > 400 THEN 'long' WHEN pages > 200 THEN 'medium' ELSE 'short' END FROM book ORDER BY id").fetchall())
try:
    con.execute("INSERT INTO book (author_id, title, year) VALUES (1, 'Future', -5)")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e)
try:
    con.execute("INSERT INTO author (name) VALUES ('Austen')")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e)
try:
    con.execute("INSERT INTO book (author_id, title, year) VALUES (99, 'Ghost', 2000)")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e)
con.execute("DELETE FROM author WHERE name = 'Austen'")
print(con.execute("SELECT count(*) FROM book").fetchone())
print([r[1] for r in con.execute("PRAGMA table_info(book)")], con.execute("PRAGMA foreign_keys").fetchone())
print(sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master")))
print(con.execute("SELECT sql FROM sqlite_master WHERE name = 'author'").fetchone()[0])
con.execute("CREATE TABLE t (a, b)")
con.executemany("INSERT INTO t VALUES (?, ?)", [(i % 5, i) for i in range(100)])
print(con.execute("SELECT a, count(*), sum(b), group_concat(b % 10, '') FROM t GROUP BY a ORDER BY a").fetchall())
print(con.execute("SELECT a, b, sum(b) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t WHERE b < 12 ORDER BY a, b").fetchall())
print(con.execute("SELECT b FROM t ORDER BY b DESC LIMIT 3 OFFSET 2").fetchall(), con.execute("SELECT DISTINCT a FROM t ORDER BY a DESC").fetchall())
print(con.execute("SELECT b FROM t WHERE b BETWEEN 10 AND 15 INTERSECT SELECT b FROM t WHERE b % 2 = 0").fetchall())
print(con.execute("SELECT upper('abc'), lower('ÀB'), instr('hello', 'l'), replace('aaa', 'a', 'b'), trim('  x  '), printf('%05.2f|%-4s|%x', 3.14159, 'ab', 255)").fetchone())
print(con.execute("SELECT date('2024-02-28', '+1 day'), date('2024-01-31', '+1 month'), strftime('%j', '2024-12-31'), julianday('2000-01-01') - julianday('1999-12-31')").fetchone())
print(con.execute("SELECT CAST('12abc' AS INTEGER), CAST(3.99 AS INTEGER), 1 = 1.0, 'a' < 'b', NULL = NULL, NULL IS NULL, 5 / 2, 5 / 2.0").fetchone())
con.close()
