#!/usr/bin/env python3
"""cluster_load.py: one client of tests/cluster.test's load test.

  cluster_load.py ADDRS DB CDC N

Makes N writes to CDC (one made beforehand), each setting the note of a
service to a value of its own: every third write is a transaction of two
such updates (BEGIN, UPDATE, UPDATE, COMMIT on one connection), the
others one UPDATE in autocommit.  A write that fails (the leader went
away, none yet) is not retried: the client finds the new leader and goes
on.  Prints one line per write: 'ok V[,V]' when the cluster acknowledged
it, 'failed V[,V] WHY' otherwise (it may or may not have been applied; if
it was, then as a whole), and last 'done'.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dqlite_client as dq  # noqa: E402

SERVICES = ['A-1', 'A-2', 'B-1', 'B-2', 'C-1', 'D-1', 'D-2', 'E-1', 'F-1', 'G-1']


def update(cdc, value, k):
    return ("UPDATE x1060_cdc_services SET note = '%s' WHERE cdc = '%s' "
            "AND service_id = '%s'" % (value, cdc, SERVICES[k % len(SERVICES)]))


def main(argv):
    addrs, db_name, cdc, n = argv[1].split(','), argv[2], argv[3], int(argv[4])
    conn = db = None
    for i in range(n):
        values = ['%s-%d' % (cdc, i)]
        if i % 3 == 2:
            values.append('%s-%db' % (cdc, i))
        ok, why = False, ''
        try:
            if conn is None:
                conn = dq.connect_leader(addrs, 15.0)
                db = conn.open(db_name)
            if len(values) == 1:
                conn.exec_sql(db, update(cdc, values[0], i))
            else:
                conn.exec_sql(db, 'BEGIN')
                try:
                    conn.exec_sql(db, update(cdc, values[0], i))
                    conn.exec_sql(db, update(cdc, values[1], i + 1))
                    conn.exec_sql(db, 'COMMIT')
                except dq.Refused:
                    try:
                        conn.exec_sql(db, 'ROLLBACK')
                    except (dq.Refused, OSError, ConnectionError):
                        pass
                    raise
            ok = True
        except (dq.Refused, dq.Unreachable, OSError, ConnectionError) as e:
            why = ' ' + type(e).__name__ + ': ' + str(e).replace('\n', ' ')
            if conn is not None:
                conn.close()
            conn = None
            time.sleep(0.05)
        print('%s %s%s' % ('ok' if ok else 'failed', ','.join(values), why),
              flush=True)
    print('done', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
