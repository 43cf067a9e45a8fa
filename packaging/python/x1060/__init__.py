"""x1060: ITU-T X.1060 (the Cyber Defence Centre framework) in SQLite.

This package carries the x1060 SQLite extension, built for this platform,
and tells Python's sqlite3 module where it is::

    import sqlite3
    import x1060

    con = sqlite3.connect("cdc.db")
    x1060.load(con)
    con.execute("CREATE VIRTUAL TABLE acme USING x1060(org='ACME Corp')")

The SQL it adds is documented in the project's README (shipped in the
package's metadata).  Python's sqlite3 module must allow loading
extensions (Debian's does; some builds, such as pyenv's default, do not).
"""
from __future__ import annotations

import os
import sqlite3

__all__ = ["loadable_path", "load", "__version__"]

__version__: str = "@VERSION@"
"""The version of x1060 this package carries (x1060_version() in SQL)."""


def loadable_path() -> str:
    """Return the path of the x1060 loadable library, without its suffix.

    SQLite adds the platform's suffix (``.so``) itself, so the path can be
    given as it is to ``sqlite3.Connection.load_extension`` or to the
    ``.load`` command of the sqlite3 shell.
    """
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "x1060")


def load(conn: sqlite3.Connection) -> None:
    """Load x1060 into the connection ``conn``.

    Extension loading is switched on for the call and off again after it,
    so that SQL run later on ``conn`` cannot load other libraries.  Raises
    ``sqlite3.OperationalError`` when the library cannot be loaded (and
    ``AttributeError`` when this Python's sqlite3 cannot load extensions).
    """
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)
