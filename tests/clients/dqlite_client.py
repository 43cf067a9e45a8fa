#!/usr/bin/env python3
"""dqlite_client.py: a small client of dqlite's wire protocol (version 1),
for tests/cluster.test, in the standard library only.  It speaks the
requests that go-dqlite's client sends (internal/protocol of go-dqlite).

  dqlite_client.py ADDRS leader              the leader's address
  dqlite_client.py ADDRS cluster             id|address|role of each node
  dqlite_client.py ADDRS transfer ID         make node ID the leader
  dqlite_client.py ADDRS DB query SQL        rows, '|'-separated
  dqlite_client.py ADDRS DB exec SQL         'ok' after the write (SQL may be
                                             a whole transaction: 'BEGIN;
                                             ...; COMMIT', sent as one
                                             request)
  dqlite_client.py ADDRS DB script FILE      each ';'-ended statement of
                                             FILE on one connection, as
                                             exec or query (lines of dot-
                                             commands are left out)

ADDRS is host:port[,host:port...]: any of the cluster's nodes; the client
asks them who leads and talks to the leader.  exec and query are sent in
autocommit (EXEC_SQL, QUERY_SQL), as a driver outside a transaction does.
exec is sent again while the database is locked by another client's
transaction (write(): a random, growing pause, for DQLITE_CLIENT_RETRY
seconds, default 10).  dqlite 1.11 answers a statement that fails in
QUERY_SQL with its first column's name instead of the error (for
x1060_snapshot('acme', 'S') in a SELECT outside a transaction, that call's
text): the client says so; exec gives SQLite's and x1060's message.
Exit status: 0 done, 1 the server refused (its message on stderr), 2 no
leader could be reached.
"""
import os
import random
import socket
import struct
import sys
import time

REQ_LEADER, REQ_OPEN, REQ_EXEC_SQL, REQ_QUERY_SQL = 0, 3, 8, 9
REQ_CLUSTER, REQ_TRANSFER = 16, 17
RES_FAILURE, RES_NODE, RES_RESULT = 0, 1, 6
SQLITE_BUSY = 5             # "database is locked": nothing was applied
ROLES = {0: 'voter', 1: 'standby', 2: 'spare'}


class Refused(Exception):
    """The server answered with a failure: its text and SQLite code."""

    def __init__(self, text, code=0, advice=''):
        super().__init__('%s (%d)%s' % (text, code, advice))
        self.text, self.code = text, code


class Unreachable(Exception):
    """No node, or no leader, answered."""


def _text(s):
    b = s.encode('utf-8') + b'\0'
    return b + b'\0' * (-len(b) % 8)


class _Body:
    def __init__(self, data):
        self.data, self.i = data, 0

    def u64(self):
        v, = struct.unpack_from('<Q', self.data, self.i)
        self.i += 8
        return v

    def i64(self):
        v, = struct.unpack_from('<q', self.data, self.i)
        self.i += 8
        return v

    def f64(self):
        v, = struct.unpack_from('<d', self.data, self.i)
        self.i += 8
        return v

    def text(self):
        j = self.data.index(b'\0', self.i)
        s = self.data[self.i:j].decode('utf-8', 'replace')
        self.i = j + 1 + (-(j + 1 - self.i) % 8)
        return s

    def blob(self):
        n = self.u64()
        b = self.data[self.i:self.i + n]
        self.i += n + (-n % 8)
        return b

    def byte(self):
        v = self.data[self.i]
        self.i += 1
        return v


class Conn:
    """One protocol connection to one node."""

    def __init__(self, addr, timeout=5.0):
        host, port = addr.rsplit(':', 1)
        self.sock = socket.create_connection((host, int(port)), timeout)
        self.sock.settimeout(timeout)
        self.sock.sendall(struct.pack('<Q', 1))
        self.addr = addr

    def close(self):
        self.sock.close()

    def _recv(self, n):
        out = b''
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise ConnectionError('connection closed by ' + self.addr)
            out += chunk
        return out

    def call(self, mtype, body):
        self.sock.sendall(struct.pack('<IBBH', len(body) // 8, mtype, 0, 0) + body)
        return self.recv()

    def recv(self):
        words, rtype, _, _ = struct.unpack('<IBBH', self._recv(8))
        body = _Body(self._recv(words * 8))
        if rtype == RES_FAILURE:
            code = body.u64()
            raise Refused(body.text(), code)
        return rtype, body

    def leader(self):
        rtype, body = self.call(REQ_LEADER, struct.pack('<Q', 0))
        if rtype != RES_NODE:
            raise Refused('unexpected response %d to leader' % rtype)
        body.u64()
        return body.text()

    def cluster(self):
        rtype, body = self.call(REQ_CLUSTER, struct.pack('<Q', 1))
        nodes = []
        for _ in range(body.u64()):
            nodes.append((body.u64(), body.text(), ROLES.get(body.u64(), '?')))
        return nodes

    def transfer(self, node_id):
        self.call(REQ_TRANSFER, struct.pack('<Q', node_id))

    def open(self, name):
        rtype, body = self.call(REQ_OPEN, _text(name) + struct.pack('<Q', 0) + _text('volatile'))
        return struct.unpack_from('<I', body.data, 0)[0]

    def exec_sql(self, db, sql):
        rtype, body = self.call(REQ_EXEC_SQL, struct.pack('<Q', db) + _text(sql))
        return body.u64(), body.u64()

    def query_sql(self, db, sql):
        rtype, body = self.call(REQ_QUERY_SQL, struct.pack('<Q', db) + _text(sql))
        rows = []
        while True:
            if rtype == RES_RESULT:
                return [], rows
            ncol = body.u64()
            cols = [body.text() for _ in range(ncol)]
            more = self._rows(body, ncol, rows)
            if not more:
                return cols, rows
            rtype, body = self.recv()

    @staticmethod
    def _rows(body, ncol, rows):
        """Read the rows of one ROWS message; True when more follow."""
        nhead = (ncol * 4 + 63) // 64 * 8
        while True:
            first = body.data[body.i]
            if first == 0xff:
                return False
            if first == 0xee:
                return True
            head = body.data[body.i:body.i + nhead]
            body.i += nhead
            types = []
            for b in head:
                types += [b & 0x0f, b >> 4]
            row = []
            for t in types[:ncol]:
                if t in (1, 9):
                    row.append(body.i64())
                elif t == 2:
                    row.append(body.f64())
                elif t in (3, 10):
                    row.append(body.text())
                elif t == 4:
                    row.append(body.blob())
                elif t == 5:
                    body.u64()
                    row.append(None)
                elif t == 11:
                    row.append(body.i64() != 0)
                else:
                    raise Refused('unknown column type %d' % t)
            rows.append(row)


def connect_leader(addrs, wait=None):
    """A connection to the leader, asking each node in turn until one names
    a leader that answers; Unreachable after wait seconds (default: the
    environment's DQLITE_CLIENT_WAIT, else 20)."""
    if wait is None:
        wait = float(os.environ.get('DQLITE_CLIENT_WAIT', '20'))
    deadline = time.time() + wait
    while True:
        for a in addrs:
            try:
                c = Conn(a, 2.0)
                lead = c.leader()
                if lead == a:
                    return c
                c.close()
                if lead:
                    c = Conn(lead, 5.0)
                    if c.leader() == lead:
                        return c
                    c.close()
            except (OSError, Refused, ConnectionError, struct.error):
                pass
        if time.time() > deadline:
            raise Unreachable('no leader among ' + ','.join(addrs))
        time.sleep(0.2)


def write(conn, db, sql, wait=None):
    """Run sql (a statement, or a transaction 'BEGIN; ...; COMMIT' as one
    request, which holds the write lock for the shortest time) with
    EXEC_SQL.  While another client's transaction holds the database's
    write lock (SQLITE_BUSY: nothing of sql was applied; an open
    transaction of it is rolled back), send it again after a random pause
    that doubles from 5 ms up to 0.5 s, for up to wait seconds (default:
    DQLITE_CLIENT_RETRY, else 10).  The number of times it was sent again."""
    if wait is None:
        wait = float(os.environ.get('DQLITE_CLIENT_RETRY', '10'))
    deadline = time.time() + wait
    pause, retries = 0.005, 0
    while True:
        try:
            conn.exec_sql(db, sql)
            return retries
        except Refused as e:
            if e.code & 0xff != SQLITE_BUSY or time.time() + pause > deadline:
                raise
            if sql.lstrip().upper().startswith('BEGIN'):
                try:
                    conn.exec_sql(db, 'ROLLBACK')
                except Refused:
                    pass          # no transaction open: BEGIN itself waited
        time.sleep(random.uniform(pause / 2, pause))
        pause, retries = min(pause * 2, 0.5), retries + 1


def _show(v):
    if v is None:
        return ''
    if isinstance(v, float):
        s = '%.15g' % v          # as the sqlite3 shell prints (%!.15g)
        return s if any(c in s for c in '.eian') else s + '.0'
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


def _statements(text):
    """The statements of a script, each ending with ';' at a line's end."""
    out, cur = [], []
    for line in text.splitlines():
        if not cur and (not line.strip() or line.lstrip().startswith(('--', '.'))):
            continue
        cur.append(line)
        if line.rstrip().endswith(';'):
            out.append('\n'.join(cur))
            cur = []
    if cur:
        out.append('\n'.join(cur))
    return out


def run(addrs, db_name, verb, arg):
    c = connect_leader(addrs)
    db = c.open(db_name)
    stmts = [arg] if verb in ('query', 'exec') else _statements(open(arg).read())
    for sql in stmts:
        is_query = verb == 'query' or (verb == 'script' and
                                       sql.lstrip().upper().startswith(('SELECT', 'WITH')))
        if is_query:
            try:
                _, rows = c.query_sql(db, sql)
            except Refused as e:
                raise Refused(e.text, e.code, '; dqlite 1.11 names a failing '
                              'query by its first column, not by the error: '
                              'send it with exec to read the message')
            for r in rows:
                print('|'.join(_show(v) for v in r))
        elif verb == 'exec':
            write(c, db, sql)
            print('ok')
        else:
            c.exec_sql(db, sql)
    c.close()


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    addrs = argv[1].split(',')
    try:
        if argv[2] == 'leader':
            print(connect_leader(addrs).addr)
        elif argv[2] == 'cluster':
            for n in connect_leader(addrs).cluster():
                print('%d|%s|%s' % n)
        elif argv[2] == 'transfer':
            connect_leader(addrs).transfer(int(argv[3]))
        elif len(argv) == 5 and argv[3] in ('query', 'exec', 'script'):
            run(addrs, argv[2], argv[3], argv[4])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Refused as e:
        print('refused: %s' % e, file=sys.stderr)
        return 1
    except (Unreachable, OSError, ConnectionError) as e:
        print('unreachable: %s' % e, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
