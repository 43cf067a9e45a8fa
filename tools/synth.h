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
** The modes: SYNTH_X1060 a CDC table per organisation (CREATE VIRTUAL
** TABLE); SYNTH_ROWS a CDC made with INSERT INTO x1060_cdcs, written through
** x1060_cdc_services (no schema object per organisation); SYNTH_PLAIN plain
** tables per organisation (<name> with the columns and CHECKs of the
** storage, and <name>_snapshot), without history; SYNTH_SINGLE the same
** rows in one plain table with an org column (synth_service, with
** synth_snapshot and synth_history written by the same kind of trigger as
** x1060's), as a user would build it by hand.  The x1060 modes record steps
** 2, 4 and 6 in their history.
*/
#ifndef SYNTH_H
#define SYNTH_H
#include <sqlite3.h>

typedef enum { SYNTH_X1060, SYNTH_ROWS, SYNTH_PLAIN, SYNTH_SINGLE } SynthMode;
typedef struct Synth Synth;

/* Read what building needs (the Annex A catalogue, the column definitions
** of the storage) from db, which must have the extension loaded.
** *ppSynth is freed with synthFree(). */
int synthInit(sqlite3 *db, Synth **ppSynth);
void synthFree(Synth *p);

/* Build organisation iOrg (0-based) of the data set of this seed in db, as
** a CDC table or as plain tables, named synthName(iOrg).  Run it inside a
** transaction for speed.  Returns an SQLite code; the message is in db. */
int synthOrg(Synth *p, sqlite3 *db, SynthMode eMode, unsigned long long seed,
             int iOrg);

/* The same in two steps: make the organisation (step 1: an empty CDC, or
** the plain table(s)), then fill it (steps 2 to 6).  synthOrg does both. */
int synthMakeOrg(Synth *p, sqlite3 *db, SynthMode eMode, int iOrg);
int synthFillOrg(Synth *p, sqlite3 *db, SynthMode eMode,
                 unsigned long long seed, int iOrg);

/* The name of organisation iOrg: "org_0001" for 0 (sqlite3_free() it). */
char *synthName(int iOrg);

/* The CREATE TABLE statement of plain table zName with the columns and
** CHECK constraints of the storage's services (sqlite3_free() it). */
char *synthPlainTableSql(Synth *p, const char *zName);

/* The id of Annex A service k (0..63), in catalogue order. */
const char *synthServiceId(Synth *p, int k);

#endif
