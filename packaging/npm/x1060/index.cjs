'use strict';
// x1060 for Node.js (CommonJS): where the loadable library of this
// platform is, and a load() for drivers that have db.loadExtension
// (better-sqlite3, node:sqlite).  The library comes with the package of
// this platform (x1060-linux-x64), an optional dependency.
const path = require('path');

const platforms = { 'linux-x64': 'x1060-linux-x64' };

/**
 * The path of the x1060 loadable library for this platform, without its
 * suffix (SQLite adds it).  Throws when no package of this platform is
 * installed.
 */
function getLoadablePath() {
  const key = `${process.platform}-${process.arch}`;
  const pkg = platforms[key];
  if (!pkg) {
    throw new Error(`x1060: no build for ${key}; built: ${Object.keys(platforms).join(', ')}`);
  }
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch (e) {
    throw new Error(`x1060: the package ${pkg} is not installed (npm install ${pkg})`);
  }
  return path.join(dir, 'x1060');
}

/** Load x1060 into db, a connection whose driver has loadExtension(path). */
function load(db) {
  db.loadExtension(getLoadablePath());
}

module.exports = { getLoadablePath, load, version: require('./package.json').version };
