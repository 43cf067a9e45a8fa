/*
** x1060: declarations shared by the CDC table's source files
** (store.c the storage shared by the CDCs of a schema, cdc.c the CDC
** table and the table of every CDC's services over it, cdc_row.c their
** columns and values, cdc_admin.c the functions and tables that work on
** CDCs by name).
*/
#ifndef X1060_CDC_H
#define X1060_CDC_H

#include "x1060_int.h"

#define STORE_FORMAT 2    /* format of the storage (store.c) */
#define CDC_NAME_MAX 200  /* longest name of a CDC, in bytes */
#define CDC_SEQ_MAX 1048575  /* highest seq_no of a service in a CDC */
#define CDC_SEQ_BITS 20   /* rowid of x1060_cdc_services: cdc<<20 | seq_no */

/* The function that a CDC table overloads to tell its name (cdcResolve). */
#define CDC_NAME_FUNC "x1060_cdc_name"

/* The time of a change, in SQL: as an sqlite3_mprintf format (CDC_NOW)
** and as plain SQL (CDC_NOW_SQL). */
#define CDC_NOW "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now')"
#define CDC_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/*
** The elements of the crosswalks' frameworks and the Annex A services
** mapped to each, as two common table expressions over the reference
** tables (reftables.c, crosswalk.c):
**   e(framework, kind, ref_id, name, parent, ord)  CSF 2.0 functions and
**     categories, FIRST areas and services, ord their published order;
**   m(framework, ref_id, service_id)  the services of x1060_crosswalk,
**     those of a category or FIRST service counted again, once, for its
**     function or area ("not related to" rows have no ref_id: none).
** Used by x1060_crosswalk_summary and to fill x1060_bi_framework_services.
*/
#define CDC_CROSSWALK_WITH \
  "WITH e(framework, kind, ref_id, name, parent, ord) AS (" \
  "SELECT 'csf', 'function', function, name, NULL, rowid*100 FROM " \
  "x1060_csf_functions UNION ALL SELECT 'csf', 'category', c.category, " \
  "c.name, c.function, f.rowid*100+c.rowid FROM x1060_csf_categories c " \
  "JOIN x1060_csf_functions f ON f.function=c.function UNION ALL SELECT " \
  "'first', 'area', area, name, NULL, 10000+rowid*100 FROM " \
  "x1060_first_areas UNION ALL SELECT 'first', 'service', s.service, " \
  "s.name, s.area, 10000+a.rowid*100+s.rowid FROM x1060_first_services s " \
  "JOIN x1060_first_areas a ON a.area=s.area), " \
  "m(framework, ref_id, service_id) AS (SELECT framework, ref_id, " \
  "service_id FROM x1060_crosswalk WHERE ref_id IS NOT NULL UNION SELECT " \
  "x.framework, e.parent, x.service_id FROM x1060_crosswalk x JOIN e ON " \
  "e.framework=x.framework AND e.ref_id=x.ref_id) "

/* The columns of a CDC table, in declared order. */
enum {
  CDC_SERVICE_ID, CDC_CATEGORY, CDC_NAME, CDC_NAME_JA, CDC_LEVEL,
  CDC_ASSIGNMENT, CDC_TEAM, CDC_OUTSOURCER, CDC_AS_IS, CDC_TO_BE,
  CDC_EXCLUDED, CDC_INFORMATION, CDC_EXPERTISE, CDC_PHASE, CDC_OWNER,
  CDC_DUE, CDC_EVIDENCE, CDC_NOTE,
  CDC_QUADRANT, CDC_SUGGESTED, CDC_GAP, CDC_CYCLE, CDC_CRITERION,
  CDC_CUSTOM, CDC_UPDATED_AT,
  CDC_NCOL
};
#define CDC_NSTORED 20    /* columns kept in <name>_data (all but derived) */
#define CDC_ALL_STORED ((1u<<CDC_NSTORED)-1)  /* a mask of them all */
/* Stored position k of a column before CDC_QUADRANT is its column number;
** the two stored columns after the derived ones are kept at: */
#define CDC_S_CUSTOM     18
#define CDC_S_UPDATED_AT 19

/* What a column holds, which decides how input is read and checked. */
enum {
  K_ID, K_CATEGORY, K_NAME, K_TEXT, K_VOCABULARY, K_SCORE, K_FLAG, K_DATE,
  K_DERIVED, K_STAMP
};

typedef struct CdcColumn CdcColumn;
struct CdcColumn {
  const char *zName;
  const char *zType;      /* declared type */
  int eKind;              /* K_* */
  int iStored;            /* index in <name>_data after seq_no, or -1 */
  int bCustomOnly;        /* writable on custom services only */
  int bNotNull;           /* stored value is never NULL */
  const X1060Vocabulary *pVocab;  /* for K_VOCABULARY */
};
X1060_DATA const CdcColumn cdcColumns[CDC_NCOL];

/* A stored row: rowid (seq_no) and its CDC_NSTORED values, in stored
** order; text values are owned (sqlite3_malloc). */
typedef struct CdcRow CdcRow;
struct CdcRow {
  sqlite3_int64 iRowid;
  X1060Value a[CDC_NSTORED];
};

X1060_HIDDEN int cdcStored(int iCol);
X1060_HIDDEN void cdcRowClear(CdcRow*);
X1060_HIDDEN int cdcRowSet(CdcRow*, int iStored, const X1060Value*);
X1060_HIDDEN int cdcValueEqual(const X1060Value*, const X1060Value*);
X1060_HIDDEN int cdcValueFromSql(sqlite3_value*, X1060Value*);
X1060_HIDDEN char *cdcStoredProblem(sqlite3_stmt*, int iFirst,
                                    unsigned int mask, int *pRc);
X1060_HIDDEN char *cdcStoredValueProblem(sqlite3_value*, int iStored, int *pRc);
X1060_HIDDEN int cdcRowLoad(CdcRow*, sqlite3_stmt*);
X1060_HIDDEN int cdcRowDefaults(CdcRow*, int eExcluded);
X1060_HIDDEN int cdcInput(CdcRow*, int iCol, sqlite3_value*, char **pzWhy);
X1060_HIDDEN int cdcSnapshotLabel(sqlite3_value*, char **pzLabel);
X1060_HIDDEN int cdcColumnIndex(const char *zName);
/* The document of x1060_export and x1060_import: its format and version. */
#define X1060_JSON_FORMAT "x1060-cdc"
#define X1060_JSON_VERSION 1

#define CDC_LABEL_ALLOWED "printable text of 1 to 100 characters other than " \
  "'current' (which stands for the table as it is now)"
X1060_HIDDEN const char *cdcCanonical(int iCol, const char *z, int n);
X1060_HIDDEN char *cdcCollationName(int iCol, int *pRc);
X1060_HIDDEN int cdcRegisterCollations(sqlite3*);
X1060_HIDDEN void cdcDerive(const X1060Value *aStored, int iCol, X1060Value*);
X1060_HIDDEN int cdcWordIndex(const X1060Vocabulary*, const X1060Value*);
X1060_HIDDEN char *cdcDataColumnsDdl(void);
X1060_HIDDEN char *cdcStoredColumnList(const char *zPrefix);
X1060_HIDDEN int cdcReservedId(const char *z);
X1060_DATA const char *const cdcTriggerOps[3];
X1060_HIDDEN int cdcServiceById(const char *zId);

/* store.c: the storage of a schema.  x1060StoreEnsure makes it when
** missing (an error names a storage of another format); x1060StoreFind
** looks a CDC up by name (SQLITE_NOTFOUND: none, or no storage), giving
** its id and, when pzName is not NULL, its name as stored; the others
** create and drop a CDC (bTable: made by CREATE VIRTUAL TABLE) and set its
** name and, unless zOrg is NULL, its org, each in one write;
** x1060StorePublish makes the BI views and copies (bReplace: drop
** and make the views anew). */
X1060_HIDDEN int x1060StoreEnsure(sqlite3*, const char *zSchema, char **pzErr);
X1060_HIDDEN int x1060StoreFind(sqlite3*, const char *zSchema,
                                const char *zName, sqlite3_int64 *piCdc,
                                char **pzName);
X1060_HIDDEN int x1060StoreCreateCdc(sqlite3*, const char *zSchema,
                                     const char *zName, const char *zOrg,
                                     int bTable, sqlite3_int64 *piCdc,
                                     char **pzErr);
X1060_HIDDEN int x1060StoreDropCdc(sqlite3*, const char *zSchema,
                                   sqlite3_int64 iCdc);
X1060_HIDDEN int x1060StoreSetCdc(sqlite3*, const char *zSchema,
                                  sqlite3_int64 iCdc, const char *zName,
                                  const char *zOrg);
X1060_HIDDEN int cdcIsX1060Sql(const char *zSql);
X1060_HIDDEN int x1060StoreIsCdcTable(sqlite3*, const char *zSchema,
                                      const char *zName, int *pbYes);
X1060_HIDDEN int x1060StoreIsFormat1(sqlite3*, const char *zSchema,
                                     const char *zName, int *pbYes);
/* Make what is missing of the storage of zSchema (tables, index,
** triggers, views: empty where they were gone), keeping what is there. */
X1060_HIDDEN int x1060StoreRepair(sqlite3*, const char *zSchema);
X1060_HIDDEN int x1060StorePublish(sqlite3*, const char *zSchema,
                                   int bReplace);
X1060_HIDDEN int x1060RegisterStore(sqlite3*);

/* cdc_admin.c */
X1060_HIDDEN int cdcResolve(sqlite3*, sqlite3_value*, const char *zFunc,
                            char **pzSchema, char **pzName, char **pzErr);
X1060_HIDDEN char *cdcIntegrity(sqlite3*, const char *zSchema,
                                const char *zName, int *pRc);
/* The parts of a CDC's storage that cdcCheckRead checks. */
#define CDC_CHECK_STORAGE   0x01  /* the storage's objects and config */
#define CDC_CHECK_SERVICES  0x02
#define CDC_CHECK_SNAPSHOTS 0x04
#define CDC_CHECK_HISTORY   0x08
#define CDC_CHECK_ALL       0x0f
X1060_HIDDEN int cdcCheckRead(sqlite3*, const char *zSchema,
                              const char *zName, int mParts,
                              const char *zFunc, char **pzErr);
X1060_HIDDEN int x1060RegisterCdcAdmin(sqlite3*);
X1060_HIDDEN int x1060RegisterCdc(sqlite3*);

#endif /* X1060_CDC_H */
