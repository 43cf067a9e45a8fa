"""x1060 from Python's sqlite3 module (tests/clients.test runs it).

    python3 client.py EXTENSION DB QUERIES [BI_QUERIES]

Loads the extension (EXTENSION "@package": through the installed x1060
package's load(), as tests/packages.test does with the wheel) into a
connection and runs QUERIES, one statement a
line; then, when BI_QUERIES is given, runs them in a second connection that
does not load it, as a BI tool would.  Prints each row's values joined by
'|' (NULL as nothing), and 'error: <message>' for a statement that fails.
"""
import sqlite3
import sys


def statements(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("--"):
                yield line


def run(con, path):
    for sql in statements(path):
        try:
            for row in con.execute(sql):
                print("|".join("" if v is None else str(v) for v in row))
            con.commit()
        except sqlite3.Error as e:
            print("error: %s" % e)


def main(ext, db, queries, bi=None):
    con = sqlite3.connect(db)
    if ext == "@package":
        import x1060
        x1060.load(con)
    else:
        con.enable_load_extension(True)
        con.load_extension(ext)
        con.enable_load_extension(False)
    run(con, queries)
    con.close()
    if bi:
        plain = sqlite3.connect(db)
        run(plain, bi)
        plain.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
