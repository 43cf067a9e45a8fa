/*
** x1060: ITU-T X.1060 (the framework for building and running a Cyber
** Defence Centre) as a SQLite extension.  Public interface.
**
** Loadable:  .load ./x1060      or   SELECT load_extension('./x1060');
** Embedded:  link libx1060.a (built with -DSQLITE_CORE) and call
**            sqlite3_auto_extension((void(*)(void))sqlite3_x1060_init);
*/
#ifndef X1060_H
#define X1060_H

#include "sqlite3.h"

/* The version of x1060: X1060_VERSION_NUMBER is major*1000000 +
** minor*1000 + patch.  x1060_version() returns X1060_VERSION. */
#define X1060_VERSION        "0.3.0"
#define X1060_VERSION_NUMBER 3000

/* The edition of ITU-T X.1060 whose Annex A the framework data encode. */
#define X1060_EDITION        "2021"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef _WIN32
# define X1060_API __declspec(dllexport)
#elif defined(__GNUC__)
# define X1060_API __attribute__((visibility("default")))
#else
# define X1060_API
#endif

/* Register every table and function of x1060 on db.  pApi is NULL when the
** extension is linked into the program (SQLITE_CORE). */
X1060_API int sqlite3_x1060_init(sqlite3 *db, char **pzErrMsg,
                                 const sqlite3_api_routines *pApi);

/* The same, under the name SQLite derives from the file name "x1060.so"
** (letters only), so that .load ./x1060 needs no entry point. */
X1060_API int sqlite3_x_init(sqlite3 *db, char **pzErrMsg,
                             const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif
#endif /* X1060_H */
