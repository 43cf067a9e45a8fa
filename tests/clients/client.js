// x1060 from Node.js with better-sqlite3 (tests/clients.test runs it).
//
//   node client.js EXTENSION DB QUERIES [BI_QUERIES]
//
// The same as client.py: loads the extension, runs QUERIES (one statement a
// line), then BI_QUERIES in a second connection without the extension.
// Prints rows as values joined by '|' (NULL as nothing), 'error: <message>'
// for a statement that fails; EXTENSION "@package" loads x1060 with the
// installed package's load(db).  better-sqlite3 is looked up in
// X1060_NODE_MODULES (build/clients/node/node_modules by default).
'use strict';
const fs = require('fs');
const path = require('path');
const modules = process.env.X1060_NODE_MODULES ||
  path.join(__dirname, '..', '..', 'build', 'clients', 'node', 'node_modules');
const Database = require(path.join(modules, 'better-sqlite3'));

function statements(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('--'));
}

function run(db, file) {
  for (const sql of statements(file)) {
    try {
      const stmt = db.prepare(sql);
      if (stmt.reader) {
        for (const row of stmt.raw().all()) {
          console.log(row.map((v) => (v === null ? '' : String(v))).join('|'));
        }
      } else {
        stmt.run();
      }
    } catch (e) {
      console.log('error: ' + e.message);
    }
  }
}

const [ext, file, queries, bi] = process.argv.slice(2);
const db = new Database(file);
// "@package": through the installed x1060 package (tests/packages.test)
if (ext === '@package') require('x1060').load(db);
else db.loadExtension(ext);
run(db, queries);
db.close();
if (bi) {
  const plain = new Database(file);
  run(plain, bi);
  plain.close();
}
