/*
** synth: realistic synthetic CDCs for the benchmark and for scale tests.
**
** Every value comes from a seeded generator (splitmix64), so the same seed
** and count build the same database on every machine.  One organisation
** is built in the same logical steps either as a CDC table (x1060) or as
** plain tables holding the same rows (the benchmark's baseline):
**
**   1. create the table(s);
**   2. fill: every Annex A service gets a level, an assignment, a team or
**      outsourcer, as-is and to-be scores, an owner and sometimes a due date;
**   3. snapshot 'FY2025-H2';
**   4. a second round: about a fifth of the services with a gap improve;
**   5. snapshot 'FY2026-H1';
**   6. a third round: notes and due dates change on about a tenth.
**
** A CDC table records steps 2, 4 and 6 in its history; the plain tables
** (<name> with the columns and CHECKs of <name>_data, and <name>_snapshot)
** do not keep one: that is part of what the benchmark measures.
*/
#ifndef SYNTH_H
#define SYNTH_H
#include <sqlite3.h>

typedef enum { SYNTH_X1060, SYNTH_PLAIN } SynthMode;
typedef struct Synth Synth;

/* Read what building needs (the Annex A catalogue, the column definitions
** of a CDC's shadow tables) from db, which must have the extension loaded.
** *ppSynth is freed with synthFree(). */
int synthInit(sqlite3 *db, Synth **ppSynth);
void synthFree(Synth *p);

/* Build organisation iOrg (0-based) of the data set of this seed in db, as
** a CDC table or as plain tables, named synthName(iOrg).  Run it inside a
** transaction for speed.  Returns an SQLite code; the message is in db. */
int synthOrg(Synth *p, sqlite3 *db, SynthMode eMode, unsigned long long seed,
             int iOrg);

/* The name of organisation iOrg: "org_0001" for 0 (sqlite3_free() it). */
char *synthName(int iOrg);

/* The CREATE TABLE statement of plain table zName with the columns and
** CHECK constraints of a CDC's <name>_data (sqlite3_free() it). */
char *synthPlainTableSql(Synth *p, const char *zName);

/* The id of Annex A service k (0..63), in catalogue order. */
const char *synthServiceId(Synth *p, int k);

#endif
