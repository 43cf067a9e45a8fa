/*
** x1060: what this x1060 is.
**
**   SELECT x1060_version();     -- '0.3.0'
**   SELECT x1060_debug();       -- version, framework, SQLite, build
*/
#include "x1060_int.h"

SQLITE_EXTENSION_INIT3

/* x1060_version(): the extension's version (X1060_VERSION in x1060.h). */
static void versionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, X1060_VERSION, -1, SQLITE_STATIC);
}

/*
** x1060_debug(): what this x1060 is and what it runs on, one "key: value"
** a line: its version, the framework data, the SQLite it was compiled
** against and the one it runs on, how it was built, and whether PRAGMA
** integrity_check reaches CDC tables (xIntegrity: compiled against and
** running on SQLite 3.44 or newer).
*/
static void debugFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bIntegrity = X1060_HAVE_INTEGRITY
                && sqlite3_libversion_number()>=X1060_INTEGRITY_SQLITE;
  char *z;
  (void)argc; (void)argv;
  z = sqlite3_mprintf(
      "x1060: %s\n"
      "framework: ITU-T X.1060 (%s), Annex A: %d services in %d categories, "
      "%d levels, %d assignments, %d rubric rows\n"
      "sqlite compiled: %s\n"
      "sqlite running: %s\n"
      "build: %s\n"
      "integrity_check: %s",
      X1060_VERSION, X1060_EDITION, X1060_NSERVICE, X1060_NCATEGORY,
      X1060_NLEVEL, X1060_NASSIGNMENT, X1060_NRUBRIC,
      SQLITE_VERSION, sqlite3_libversion(),
#ifdef SQLITE_CORE
      "linked into the program (SQLITE_CORE)",
#else
      "loadable extension",
#endif
      bIntegrity ? "yes (xIntegrity)" : "no (needs SQLite 3.44 or newer)");
  if( z==0 ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_text(ctx, z, -1, sqlite3_free);
  }
}

/* Register x1060_version (pure) and x1060_debug (depends on the SQLite
** running, so not DETERMINISTIC). */
int x1060RegisterVersion(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_version", 0,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, versionFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_debug", 0,
      SQLITE_UTF8|SQLITE_INNOCUOUS, 0, debugFunc, 0, 0);
  return rc;
}
