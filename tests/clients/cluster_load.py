#!/usr/bin/env python3
"""cluster_load.py: one client of tests/cluster.test's load test.

  cluster_load.py ADDRS DB CDC N

Makes N writes to CDC (one made beforehand), each setting the note of a
service to a value of its own: every third write is a transaction of two
such updates ('BEGIN; UPDATE; UPDATE; COMMIT' as one request), the
others one UPDATE in autocommit.  As the client's docs advise, a write
refused because another client's transaction holds the lock (nothing of
it applied) is sent again after a random, growing pause
(dqlite_client.write); a write that fails otherwise (the leader went away,
none yet) is not: the client finds the new leader and goes on.  Prints one
line per write: 'ok V[,V]' when the cluster acknowledged it, 'failed V[,V]
WHY' otherwise (it may or may not have been applied; if it was, then as a
whole), and last 'done' with the number of writes sent again and the most
times one was.
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
    retried = most = 0
    for i in range(n):
        values = ['%s-%d' % (cdc, i)]
        if i % 3 == 2:
            values.append('%s-%db' % (cdc, i))
        ok, why = False, ''
        try:
            if conn is None:
                conn = dq.connect_leader(addrs, 15.0)
                db = conn.open(db_name)
            sql = update(cdc, values[0], i)
            if len(values) == 2:
                sql = 'BEGIN; %s; %s; COMMIT' % (sql, update(cdc, values[1], i + 1))
            k = dq.write(conn, db, sql)
            retried, most = retried + (k > 0), max(most, k)
            ok = True
        except (dq.Refused, dq.Unreachable, OSError, ConnectionError) as e:
            why = ' ' + type(e).__name__ + ': ' + str(e).replace('\n', ' ')
            if conn is not None:
                conn.close()
            conn = None
            time.sleep(0.05)
        print('%s %s%s' % ('ok' if ok else 'failed', ','.join(values), why),
              flush=True)
    print('done, %d sent again, at most %d times' % (retried, most), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
