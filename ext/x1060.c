/*
** x1060: the extension's entry point.  It only registers.
**
** Checks that the running SQLite is new enough, then calls the register
** function of each file that has one, from the table aRegister, in the
** order of ext/LAYERS (where each file's concern is written down).
*/
#include "x1060_int.h"

SQLITE_EXTENSION_INIT3

/* Every file's registration, bottom to top. */
static int (*const aRegister[])(sqlite3*) = {
  x1060RegisterMessages,        /* messages.c  */
  x1060RegisterVersion,         /* version.c   */
  x1060RegisterNormalisers,     /* normalise.c */
  x1060RegisterRuleFunctions,   /* rulefuncs.c */
  x1060RegisterScore,           /* score.c     */
  x1060RegisterReferenceTables, /* reftables.c */
  x1060RegisterStore,           /* store.c     */
  x1060RegisterCdc,             /* cdc.c       */
  x1060RegisterCdcAdmin,        /* cdc_admin.c */
  x1060RegisterActions,         /* actions.c   */
  x1060RegisterAssess,          /* assess.c    */
  x1060RegisterEvaluate,        /* evaluate.c  */
  x1060RegisterImport,          /* import.c    */
  x1060RegisterInterchange,     /* interchange.c */
  x1060RegisterPublish,         /* publish.c   */
  x1060RegisterReport,          /* report.c    */
  x1060RegisterOscal,           /* oscal.c     */
  x1060RegisterLibrary,         /* library.c   */
  x1060RegisterCdcs,            /* cdcs.c      */
};

/*
** Register x1060 on db.  Refuses, with a message in *pzErrMsg, to run on
** a SQLite older than X1060_MIN_SQLITE: every sqlite3_* call goes through
** the host's API table, and an older host lacks entries we use.
**
** Loading again into a connection that has x1060 registers everything
** afresh, but for the functions that SQLite cannot replace while SQL runs
** (SQLITE_BUSY), which are kept; so a load that failed half-way (out of
** memory) can simply be repeated.
**
** Both exported entry points call this static function, never each other:
** with RTLD_GLOBAL a call to an exported name could reach another copy of
** x1060 loaded earlier in the process.
*/
static int x1060Init(sqlite3 *db, char **pzErrMsg,
                     const sqlite3_api_routines *pApi){
  int rc = SQLITE_OK;
  size_t i;
  SQLITE_EXTENSION_INIT2(pApi);
  if( sqlite3_libversion_number()<X1060_MIN_SQLITE ){
    if( pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("x1060 %s needs SQLite %d.%d.%d or newer; "
          "this is SQLite %s", X1060_VERSION, X1060_MIN_SQLITE/1000000,
          (X1060_MIN_SQLITE/1000)%1000, X1060_MIN_SQLITE%1000,
          sqlite3_libversion());
    }
    return SQLITE_ERROR;
  }
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aRegister); i++){
    rc = aRegister[i](db);
  }
  if( rc!=SQLITE_OK && pzErrMsg ){
    *pzErrMsg = sqlite3_mprintf("%s", sqlite3_errstr(rc));
  }
  return rc;
}

int sqlite3_x1060_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi){
  return x1060Init(db, pzErrMsg, pApi);
}

int sqlite3_x_init(sqlite3 *db, char **pzErrMsg,
                   const sqlite3_api_routines *pApi){
  return x1060Init(db, pzErrMsg, pApi);
}
