/*
** x1060: the columns of a CDC table and the values they hold.
**
** One table, cdcColumns, says for every column what it holds (its kind),
** where it is stored and whether users may write it.  From it come the
** storage's column DDL with its CHECK constraints, the reading of user input
** (forgiving: any case, Japanese names, 'N/A' for scores), the checking of
** stored values (strict: a row that a client without the extension broke
** is reported, never trusted) and the derived columns.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

X1060_DATA_DEF const CdcColumn cdcColumns[CDC_NCOL] = {
  /* name               type       kind          stored custom notnull vocab */
  { "service_id",       "TEXT",    K_ID,          0,    0, 1, 0 },
  { "category",         "TEXT",    K_CATEGORY,    1,    1, 1, 0 },
  { "name",             "TEXT",    K_NAME,        2,    1, 1, 0 },
  { "name_ja",          "TEXT",    K_TEXT,        3,    1, 0, 0 },
  { "level",            "TEXT",    K_VOCABULARY,  4,    0, 0,
    &x1060LevelVocabulary },
  { "assignment",       "TEXT",    K_VOCABULARY,  5,    0, 0,
    &x1060AssignmentVocabulary },
  { "team",             "TEXT",    K_TEXT,        6,    0, 0, 0 },
  { "outsourcer",       "TEXT",    K_TEXT,        7,    0, 0, 0 },
  { "as_is",            "INTEGER", K_SCORE,       8,    0, 0, 0 },
  { "to_be",            "INTEGER", K_SCORE,       9,    0, 0, 0 },
  { "excluded",         "INTEGER", K_FLAG,       10,    0, 1, 0 },
  { "information",      "TEXT",    K_VOCABULARY, 11,    0, 0,
    &x1060InformationVocabulary },
  { "expertise",        "TEXT",    K_VOCABULARY, 12,    0, 0,
    &x1060ExpertiseVocabulary },
  { "phase",            "TEXT",    K_VOCABULARY, 13,    0, 1,
    &x1060PhaseVocabulary },
  { "owner",            "TEXT",    K_TEXT,       14,    0, 0, 0 },
  { "due",              "TEXT",    K_DATE,       15,    0, 0, 0 },
  { "evidence",         "TEXT",    K_TEXT,       16,    0, 0, 0 },
  { "note",             "TEXT",    K_TEXT,       17,    0, 0, 0 },
  { "quadrant",         "INTEGER", K_DERIVED,    -1,    0, 0, 0 },
  { "suggested_assignment", "TEXT", K_DERIVED,   -1,    0, 0, 0 },
  { "gap",              "INTEGER", K_DERIVED,    -1,    0, 0, 0 },
  { "cycle",            "TEXT",    K_DERIVED,    -1,    0, 0, 0 },
  { "criterion",        "TEXT",    K_DERIVED,    -1,    0, 0, 0 },
  { "custom",           "INTEGER", K_DERIVED,    18,    0, 1, 0 },
  { "updated_at",       "TEXT",    K_STAMP,      19,    0, 1, 0 },
};

/* The stored columns of an improvement action (x1060_store_action, and
** x1060_actions after its keys), in declared order. */
X1060_DATA_DEF const CdcColumn x1060ActionColumns[ACT_NCOL] = {
  /* name               type       kind          stored custom notnull vocab */
  { "service_id",       "TEXT",    K_ID,          0,    0, 0, 0 },
  { "category",         "TEXT",    K_CATEGORY,    1,    0, 0, 0 },
  { "title",            "TEXT",    K_NAME,        2,    0, 1, 0 },
  { "cycle",            "TEXT",    K_VOCABULARY,  3,    0, 1,
    &x1060CycleVocabulary },
  { "status",           "TEXT",    K_VOCABULARY,  4,    0, 1,
    &x1060StatusVocabulary },
  { "owner",            "TEXT",    K_TEXT,        5,    0, 0, 0 },
  { "started",          "TEXT",    K_DATE,        6,    0, 0, 0 },
  { "due",              "TEXT",    K_DATE,        7,    0, 0, 0 },
  { "completed",        "TEXT",    K_DATE,        8,    0, 0, 0 },
  { "progress",         "INTEGER", K_PERCENT,     9,    0, 1, 0 },
  { "target",           "INTEGER", K_SCORE,      10,    0, 0, 0 },
  { "effort",           "REAL",    K_AMOUNT,     11,    0, 0, 0 },
  { "cost",             "REAL",    K_AMOUNT,     12,    0, 0, 0 },
  { "currency",         "TEXT",    K_CURRENCY,   13,    0, 0, 0 },
  { "note",             "TEXT",    K_TEXT,       14,    0, 0, 0 },
  { "updated_at",       "TEXT",    K_STAMP,      15,    0, 1, 0 },
};

/* The settings of a CDC (their meaning is the project's own). */
X1060_DATA_DEF const X1060Setting x1060Settings[X1060_NSETTING] = {
  { { "short_effort_max", "REAL", K_AMOUNT, 0, 0, 0, 0 },
    X1060_STR(X1060_SHORT_EFFORT_MAX),
    "the most person-days a short-cycle action may take: above it, the "
    "finding short-too-large says the action belongs in the long cycle",
    "短期サイクルの改善策の工数の上限（人日）。超えると short-too-large の"
    "指摘（長期サイクルで扱うべき）" },
};

/* The attributes of an organisation as the columns of
** x1060_store_attribute, in the order of x1060Attributes (organisation.c). */
X1060_DATA_DEF const CdcColumn x1060AttributeColumns[X1060_NATTRIBUTE] = {
  /* name               type       kind          stored custom notnull vocab */
  { "sector",           "TEXT",    K_VOCABULARY,  0,    0, 0,
    &x1060SectorVocabulary },
  { "size",             "TEXT",    K_VOCABULARY,  1,    0, 0,
    &x1060SizeVocabulary },
  { "region",           "TEXT",    K_VOCABULARY,  2,    0, 0,
    &x1060RegionVocabulary },
  { "assessed_by",      "TEXT",    K_TEXT,        3,    0, 0, 0 },
};

/* See x1060_int.h. */
char *x1060AttributePairs(const char *zPrefix, int n){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<n; i++){
    sqlite3_str_appendf(pStr, "%s'%s',%s%s", i ? "," : "",
        x1060AttributeColumns[i].zName, zPrefix ? zPrefix : "",
        x1060AttributeColumns[i].zName);
  }
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
char *x1060SettingKeysCheck(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<X1060_NSETTING; i++){
    sqlite3_str_appendf(pStr, "%skey=%Q", i ? " OR " : "",
                        x1060Settings[i].col.zName);
  }
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
char *x1060ActionColumnList(const char *zPrefix){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<ACT_NCOL; i++){
    sqlite3_str_appendf(pStr, "%s%s%s", i ? "," : "", zPrefix,
                        x1060ActionColumns[i].zName);
  }
  return sqlite3_str_finish(pStr);
}

/* Index in cdcColumns of the column named zName, or -1. */
int cdcColumnIndex(const char *zName){
  int i;
  for(i=0; i<CDC_NCOL; i++){
    if( strcmp(cdcColumns[i].zName, zName)==0 ) return i;
  }
  return -1;
}

/* Index in cdcColumns of the column stored at position iStored. */
int cdcStored(int iStored){
  if( iStored>=0 && iStored<CDC_S_CUSTOM ) return iStored;
  if( iStored==CDC_S_CUSTOM ) return CDC_CUSTOM;
  if( iStored==CDC_S_UPDATED_AT ) return CDC_UPDATED_AT;
  return -1;
}

/* Free the text values of a row and make every value NULL. */
void cdcRowClear(CdcRow *pRow){
  int i;
  for(i=0; i<CDC_NSTORED; i++){
    if( pRow->a[i].eType==SQLITE_TEXT ) sqlite3_free((char*)pRow->a[i].z);
    memset(&pRow->a[i], 0, sizeof(X1060Value));
    pRow->a[i].eType = SQLITE_NULL;
  }
}

/* Set stored value iStored of pRow to a copy of *pVal; SQLITE_NOMEM on
** OOM (the old value is kept then). */
int cdcRowSet(CdcRow *pRow, int iStored, const X1060Value *pVal){
  X1060Value v = *pVal;
  if( v.eType==SQLITE_TEXT ){
    size_t n = strlen(pVal->z) + 1;
    char *z = sqlite3_malloc64(n);
    if( z==0 ) return SQLITE_NOMEM;
    memcpy(z, pVal->z, n);
    v.z = z;
  }
  if( pRow->a[iStored].eType==SQLITE_TEXT ){
    sqlite3_free((char*)pRow->a[iStored].z);
  }
  pRow->a[iStored] = v;
  return SQLITE_OK;
}

/* True if two values are the same (type and value). */
int cdcValueEqual(const X1060Value *a, const X1060Value *b){
  if( a->eType!=b->eType ) return 0;
  if( a->eType==SQLITE_INTEGER ) return a->i==b->i;
  if( a->eType==SQLITE_FLOAT ) return a->r==b->r;
  if( a->eType==SQLITE_TEXT ) return strcmp(a->z, b->z)==0;
  return 1;
}

/* A borrowed view of an SQL value: integers stay integers, text stays
** text (valid until the value changes), anything else is shown as NULL
** with eType set to its real type so that checks can refuse it.  Returns
** SQLITE_NOMEM (and a NULL view) when the text cannot be had. */
int cdcValueFromSql(sqlite3_value *v, X1060Value *p){
  p->eType = sqlite3_value_type(v);
  p->i = 0;
  p->z = 0;
  p->r = 0.0;
  if( p->eType==SQLITE_INTEGER ) p->i = sqlite3_value_int64(v);
  if( p->eType==SQLITE_FLOAT ) p->r = sqlite3_value_double(v);
  if( p->eType==SQLITE_TEXT ){
    p->z = (const char*)sqlite3_value_text(v);
    if( p->z==0 ){
      p->eType = SQLITE_NULL;
      return SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

/* Index of the canonical word of pVocab that *p holds exactly, or
** X1060_NONE (for NULL or anything else). */
int cdcWordIndex(const X1060Vocabulary *pVocab, const X1060Value *p){
  int i;
  if( p->eType!=SQLITE_TEXT || p->z==0 ) return X1060_NONE;
  for(i=0; i<pVocab->nRow; i++){
    if( strcmp(x1060VocabularyWord(pVocab, i)->zName, p->z)==0 ) return i;
  }
  return X1060_NONE;
}

/* Index in x1060Services of the Annex A service with id zId exactly, or
** -1. */
int cdcServiceById(const char *zId){
  int i;
  for(i=0; zId && i<X1060_NSERVICE; i++){
    if( strcmp(x1060Services[i].zId, zId)==0 ) return i;
  }
  return -1;
}

/* True if z has the shape of an Annex A id (a letter A..I, a hyphen or
** nothing, digits), which custom services may not use. */
int cdcReservedId(const char *z){
  int i = 1;
  if( x1060CategoryIndex(z[0])<0 ) return 0;
  if( z[i]=='-' || z[i]==' ' ) i++;
  if( z[i]<'0' || z[i]>'9' ) return 0;
  while( z[i]>='0' && z[i]<='9' ) i++;
  return z[i]==0;
}

/* True if z is a real calendar date written YYYY-MM-DD. */
static int isIsoDate(const char *z){
  static const int aDays[] = {31,29,31,30,31,30,31,31,30,31,30,31};
  int i, y, m, d;
  for(i=0; i<10; i++){
    if( i==4 || i==7 ){
      if( z[i]!='-' ) return 0;
    }else if( z[i]<'0' || z[i]>'9' ){
      return 0;
    }
  }
  if( z[10]!=0 ) return 0;
  y = ((z[0]-'0')*10 + (z[1]-'0'))*100 + (z[2]-'0')*10 + (z[3]-'0');
  m = (z[5]-'0')*10 + (z[6]-'0');
  d = (z[8]-'0')*10 + (z[9]-'0');
  if( m<1 || m>12 || d<1 || d>aDays[m-1] ) return 0;
  if( m==2 && d==29 && !(y%4==0 && (y%100!=0 || y%400==0)) ) return 0;
  return 1;
}


/* The stored words of vocabulary pVocab, for corruption reports: as
** stored, in Japanese quoted (they are what the storage must hold). */
static char *storedWords(const X1060Vocabulary *pVocab, int bJa){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<pVocab->nRow; i++){
    if( i ) x1060AppendMsg(pStr, bJa, X1060_MSG_LIST_SEP);
    sqlite3_str_appendf(pStr, bJa ? "'%s'" : "%s",
                        x1060VocabularyWord(pVocab, i)->zName);
  }
  return sqlite3_str_finish(pStr);
}

/* What a stored value of column c must be, for corruption reports, in
** Japanese when bJa, from sqlite3_mprintf. */
static char *storedExpectation(const CdcColumn *c, int bJa){
  switch( c->eKind ){
    case K_ID:       return x1060MsgIn(bJa, X1060_MSG_EXP_SERVICE_ID);
    case K_CATEGORY: return x1060MsgIn(bJa, X1060_MSG_EXP_CATEGORY);
    case K_NAME:     return x1060MsgIn(bJa, X1060_MSG_EXP_NONEMPTY);
    case K_TEXT:     return x1060MsgIn(bJa, X1060_MSG_TEXT_OR_NULL);
    case K_SCORE:    return x1060MsgIn(bJa, X1060_MSG_SCORE_OR_NULL);
    case K_DATE:     return x1060MsgIn(bJa, X1060_MSG_EXP_DATE);
    case K_STAMP:    return x1060MsgIn(bJa, X1060_MSG_EXP_STAMP);
    case K_PERCENT:  return x1060MsgIn(bJa, c->bNotNull ? X1060_MSG_EXP_PERCENT
                                       : X1060_MSG_EXP_PERCENT_NULL);
    case K_AMOUNT:   return x1060MsgIn(bJa, c->bNotNull ? X1060_MSG_EXP_AMOUNT
                       : X1060_MSG_AMOUNT_ALLOWED, X1060_AMOUNT_MAX_TEXT);
    case K_CURRENCY: return x1060MsgIn(bJa, X1060_MSG_EXP_CURRENCY);
    case K_VOCABULARY: {
      char *zWords = storedWords(c->pVocab, bJa);
      char *z = zWords ? x1060MsgIn(bJa, c->bNotNull ? X1060_MSG_EXP_ONE_OF
                                    : X1060_MSG_EXP_ONE_OF_NULL, zWords) : 0;
      sqlite3_free(zWords);
      return z;
    }
    default:         return x1060MsgIn(bJa, X1060_MSG_ZERO_OR_ONE);
  }
}

/* True if z is three capital ASCII letters (a currency code's form). */
static int isCurrency(const char *z){
  int i;
  for(i=0; i<3; i++){
    if( z[i]<'A' || z[i]>'Z' ) return 0;
  }
  return z[3]==0;
}

/* See x1060_int.h. */
int x1060ColumnValid(const CdcColumn *c, const X1060Value *v){
  if( v->eType==SQLITE_NULL ) return !c->bNotNull;
  if( v->eType==SQLITE_TEXT && !x1060Utf8Valid(v->z, (int)strlen(v->z)) ){
    return 0;                   /* SQL text is UTF-8, and so is all output */
  }
  switch( c->eKind ){
    case K_ID: case K_NAME: case K_STAMP:
      return v->eType==SQLITE_TEXT && v->z[0]!=0;
    case K_CATEGORY:
      return v->eType==SQLITE_TEXT && v->z[0]>='A' && v->z[0]<='I'
          && v->z[1]==0;
    case K_TEXT:
      return v->eType==SQLITE_TEXT;
    case K_VOCABULARY:
      return cdcWordIndex(c->pVocab, v)!=X1060_NONE;
    case K_SCORE:
      return v->eType==SQLITE_INTEGER && v->i>=1 && v->i<=5;
    case K_DATE:
      return v->eType==SQLITE_TEXT && isIsoDate(v->z);
    case K_PERCENT:
      return v->eType==SQLITE_INTEGER && v->i>=0 && v->i<=100;
    case K_AMOUNT:
      return (v->eType==SQLITE_INTEGER && v->i>=0 && v->i<=X1060_AMOUNT_MAX)
          || (v->eType==SQLITE_FLOAT && v->r>=0.0 && v->r<=X1060_AMOUNT_MAX);
    case K_CURRENCY:
      return v->eType==SQLITE_TEXT && isCurrency(v->z);
    default:
      return v->eType==SQLITE_INTEGER && (v->i==0 || v->i==1);
  }
}

/*
** Check the stored values in columns iFirst.. of the current row of pStmt
** whose bits are set in mask (bit k: stored column k).
** Return NULL if they are all valid, else a description of the first
** problem from sqlite3_mprintf.  *pRc is SQLITE_NOMEM when the check or
** its message ran out of memory.
*/
char *cdcStoredProblem(int bJa, sqlite3_stmt *pStmt, int iFirst,
                       unsigned int mask, int *pRc){
  int k;
  *pRc = SQLITE_OK;
  for(k=0; k<CDC_NSTORED; k++){
    char *z;
    if( (mask & (1u<<k))==0 ) continue;
    z = cdcStoredValueProblem(bJa, sqlite3_column_value(pStmt, iFirst+k), k,
                              pRc);
    if( z || *pRc!=SQLITE_OK ) return z;
  }
  return 0;
}

/* True unless text pVal holds a NUL within its bytes (a reader would cut
** the text there, an export write \u0000 that import refuses) or a byte
** that is not UTF-8 after one.  (Control characters a client wrote are
** kept: every output escapes them.) */
static int storedWhole(sqlite3_value *pVal){
  const char *z;
  int n;
  if( sqlite3_value_type(pVal)!=SQLITE_TEXT ) return 1;
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  return z==0 || memchr(z, 0, n)==0;   /* (z NULL: cdcValueFromSql says) */
}

/* The same for one value, pVal, of stored column k. */
char *cdcStoredValueProblem(int bJa, sqlite3_value *pVal, int k, int *pRc){
  return x1060ColumnProblem(bJa, &cdcColumns[cdcStored(k)], pVal, pRc);
}

/* See x1060_int.h. */
char *x1060ColumnProblem(int bJa, const CdcColumn *c, sqlite3_value *pVal,
                         int *pRc){
  X1060Value v;
  char *zVal, *zExp, *z;
  *pRc = SQLITE_OK;
  if( cdcValueFromSql(pVal, &v)!=SQLITE_OK ){
    *pRc = SQLITE_NOMEM;
    return 0;
  }
  if( x1060ColumnValid(c, &v) && storedWhole(pVal) ) return 0;
  zVal = x1060DescribeValueIn(pVal, bJa);
  zExp = x1060ColumnValid(c, &v) ? x1060MsgIn(bJa, X1060_MSG_EXP_TEXT_NO_NUL)
                                 : storedExpectation(c, bJa);
  z = (zVal && zExp) ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, c->zName,
                                  zVal, zExp) : 0;
  sqlite3_free(zVal);
  sqlite3_free(zExp);
  if( z==0 ) *pRc = SQLITE_NOMEM;
  return z;
}

/* Load the current row of pStmt (seq_no, then the stored columns) into
** pRow, which must be clear.  The caller has checked it. */
int cdcRowLoad(CdcRow *pRow, sqlite3_stmt *pStmt){
  int k, rc = SQLITE_OK;
  pRow->iRowid = sqlite3_column_int64(pStmt, 0);
  for(k=0; rc==SQLITE_OK && k<CDC_NSTORED; k++){
    X1060Value v;
    rc = cdcValueFromSql(sqlite3_column_value(pStmt, 1+k), &v);
    if( rc==SQLITE_OK ) rc = cdcRowSet(pRow, k, &v);
  }
  return rc;
}

/* Put value (eType, i, zOwned) into stored slot k of pRow, taking
** ownership of zOwned. */
static void rowTake(CdcRow *pRow, int k, int eType, sqlite3_int64 i,
                    char *zOwned){
  if( pRow->a[k].eType==SQLITE_TEXT ) sqlite3_free((char*)pRow->a[k].z);
  pRow->a[k].eType = eType;
  pRow->a[k].i = i;
  pRow->a[k].z = zOwned;
}

/* Number of UTF-8 characters in z. */
static int utf8Chars(const char *z){
  int n = 0;
  for(; *z; z++){
    if( (*z & 0xC0)!=0x80 ) n++;
  }
  return n;
}

/* Length of the white space to trim at z (n bytes left): 1 for ASCII
** white space, 3 for U+3000, else 0. */
static int spaceAt(const unsigned char *z, int n){
  if( n>=1 && (z[0]==' ' || (z[0]>='\t' && z[0]<='\r')) ) return 1;
  if( n>=3 && z[0]==0xE3 && z[1]==0x80 && z[2]==0x80 ) return 3;
  return 0;
}

/* Narrow the *pn bytes at *pz to those without surrounding white space
** (spaceAt). */
static void trimSpan(const unsigned char **pz, int *pn){
  const unsigned char *z = *pz;
  int n = *pn, k;
  while( n>0 && (k = spaceAt(z, n))>0 ){ z += k; n -= k; }
  while( n>0 ){
    if( spaceAt(z+n-1, 1) ) n--;
    else if( n>=3 && spaceAt(z+n-3, 3)==3 ) n -= 3;
    else break;
  }
  *pz = z;
  *pn = n;
}

/* The text of v without surrounding white space, from sqlite3_mprintf
** (*pzOut is NULL on OOM).  SQLITE_CONSTRAINT (with *pzOut NULL) for text
** with a NUL character inside, which would be cut short. */
static int trimmedText(sqlite3_value *v, char **pzOut){
  const unsigned char *z = sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v);
  *pzOut = 0;
  if( z==0 ) return SQLITE_NOMEM;
  if( memchr(z, 0, n) ) return SQLITE_CONSTRAINT;
  trimSpan(&z, &n);
  *pzOut = sqlite3_mprintf("%.*s", n, (const char*)z);
  return *pzOut ? SQLITE_OK : SQLITE_NOMEM;
}

/* See x1060_int.h. */
int cdcIsStamp(sqlite3_value *v){
  const char *z = (const char*)sqlite3_value_text(v);
  char zDate[11];
  int i;
  if( sqlite3_value_type(v)!=SQLITE_TEXT || z==0
   || sqlite3_value_bytes(v)!=20 || z[10]!='T' || z[13]!=':' || z[16]!=':'
   || z[19]!='Z' ){
    return 0;
  }
  for(i=11; i<19; i++){
    if( i!=13 && i!=16 && (z[i]<'0' || z[i]>'9') ) return 0;
  }
  memcpy(zDate, z, 10);
  zDate[10] = 0;
  return isIsoDate(zDate) && memcmp(z+11, "24", 2)<0 && z[14]<'6' && z[17]<'6';
}

/*
** Read snapshot label v: text (not a blob), trimmed of spaces and tabs, 1
** to X1060_LABEL_MAX characters of printable UTF-8, not 'current' in any case.
** SQLITE_OK with *pzLabel (owned), SQLITE_CONSTRAINT, or SQLITE_NOMEM.
*/
int cdcSnapshotLabel(sqlite3_value *v, char **pzLabel){
  const char *z;
  int n;
  *pzLabel = 0;
  if( sqlite3_value_type(v)==SQLITE_BLOB ) return SQLITE_CONSTRAINT;
  z = (const char*)sqlite3_value_text(v);
  n = sqlite3_value_bytes(v);
  if( z==0 ) return SQLITE_NOMEM;
  while( n>0 && (*z==' ' || *z=='\t') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  if( n==0 || !x1060CleanText(z, n, "")
   || (n==7 && sqlite3_strnicmp(z, "current", 7)==0) ){
    return SQLITE_CONSTRAINT;
  }
  *pzLabel = sqlite3_mprintf("%.*s", n, z);
  if( *pzLabel==0 ) return SQLITE_NOMEM;
  if( utf8Chars(*pzLabel)>X1060_LABEL_MAX ){
    sqlite3_free(*pzLabel);
    *pzLabel = 0;
    return SQLITE_CONSTRAINT;
  }
  return SQLITE_OK;
}

/* The category that the n bytes of z name: a letter A..I in any case, or
** a category's name in English or Japanese; -1 if it is none of these. */
static int categoryFind(const char *z, int n){
  char zKey[X1060_FOLD_MAX+1];
  if( z==0 ) return -1;
  if( x1060Fold(z, n, zKey)==1 ) return x1060CategoryIndex(zKey[0]);
  return x1060VocabularyFind(&x1060CategoryVocabulary, z, n);
}

/* The category of user input v, as categoryFind; -1 if v is not text. */
static int readCategory(sqlite3_value *v){
  if( sqlite3_value_type(v)!=SQLITE_TEXT ) return -1;
  return categoryFind((const char*)sqlite3_value_text(v),
                      sqlite3_value_bytes(v));
}

/* Make the full-width ASCII forms (U+FF01..U+FF5E) and the ideographic
** space (U+3000) of z ASCII, in place (the text only gets shorter). */
static void halfWidth(char *z){
  unsigned char *p = (unsigned char*)z, *q = p;
  int n = (int)strlen(z), c;
  while( *p ){
    if( (c = x1060HalfWidthAt(p, n))!=0 ){
      *q++ = (unsigned char)c; p += 3; n -= 3;
    }else{
      *q++ = *p++; n--;
    }
  }
  *q = 0;
}

/*
** The canonical spelling of the n bytes of z read as input for column
** iCol (an Annex A id, a category letter, a vocabulary's word), static, or
** NULL when z spells nothing the column knows (a custom id, a typo).
*/
const char *cdcCanonical(int iCol, const char *z, int n){
  static const char azLetter[] = "A\0B\0C\0D\0E\0F\0G\0H\0I";
  const CdcColumn *c = &cdcColumns[iCol];
  int i;
  switch( c->eKind ){
    case K_ID:
      i = x1060ServiceFind(z, n);
      return i>=0 ? x1060Services[i].zId : 0;
    case K_CATEGORY:
      i = categoryFind(z, n);
      return i>=0 ? &azLetter[2*(x1060Categories[i].cId-'A')] : 0;
    case K_VOCABULARY:
      i = x1060VocabularyFind(c->pVocab, z, n);
      return i>=0 ? x1060VocabularyWord(c->pVocab, i)->zName : 0;
  }
  return 0;
}

/* Set *p to (eType, i, zOwned), taking ownership of zOwned. */
static void valuePut(X1060Value *p, int eType, sqlite3_int64 i, char *zOwned){
  p->eType = eType;
  p->i = i;
  p->r = 0.0;
  p->z = zOwned;
}

/* See x1060_int.h. */
int x1060ColumnRead(const CdcColumn *c, sqlite3_value *v, int bJa,
                    X1060Value *pOut, char **pzWhy){
  int eType = sqlite3_value_type(v), rc = SQLITE_OK, i;
  sqlite3_int64 iVal = 0;
  char *z = 0;
  *pzWhy = 0;
  if( eType==SQLITE_TEXT && c->eKind!=K_ID && c->eKind!=K_NAME ){
    /* blank text (an empty CSV field) means NULL */
    const unsigned char *z = sqlite3_value_text(v);
    int n = sqlite3_value_bytes(v), j = 0;
    while( z && j<n && (z[j]==' ' || z[j]=='\t') ) j++;
    if( z && j==n ) eType = SQLITE_NULL;
  }
  if( eType==SQLITE_NULL ){
    valuePut(pOut, SQLITE_NULL, 0, 0);
    return SQLITE_OK;
  }
  switch( c->eKind ){
    case K_ID: case K_NAME: case K_TEXT:
      if( eType==SQLITE_BLOB ){
        *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0, x1060Text(bJa,
            X1060_MSG_K_TEXT), x1060Text(bJa, c->eKind==K_TEXT
            ? X1060_MSG_TEXT_OR_NULL : X1060_MSG_K_TEXT));
        return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
      }
      rc = trimmedText(v, &z);
      if( rc==SQLITE_CONSTRAINT ){
        *pzWhy = x1060MsgIn(bJa, X1060_MSG_HAS_NUL);
      }
      if( rc!=SQLITE_OK ) return rc;
      if( z[0]==0 && c->eKind!=K_TEXT ){
        sqlite3_free(z);
        *pzWhy = x1060MsgIn(bJa, X1060_MSG_IS_EMPTY);
        return SQLITE_CONSTRAINT;
      }
      if( !x1060CleanText(z, (int)strlen(z), c->eKind==K_TEXT ? "\t\n\r" : "") ){
        /* an id or a name is one line of text, as a CDC's name is; free
        ** text may have tabs and line breaks; none has an escape sequence
        ** for a terminal, or bytes a reader cannot decode */
        sqlite3_free(z);
        *pzWhy = x1060MsgIn(bJa, c->eKind==K_TEXT ? X1060_MSG_HAS_CONTROL_TEXT
                                                 : X1060_MSG_HAS_CONTROL);
        return SQLITE_CONSTRAINT;
      }
      if( c->eKind==K_ID ) halfWidth(z);   /* Ｚ－１ is Z-1 */
      if( c->eKind==K_ID && utf8Chars(z)>X1060_ID_MAX ){
        sqlite3_free(z);
        *pzWhy = x1060MsgIn(bJa, X1060_MSG_TOO_LONG, X1060_STR(X1060_ID_MAX));
        return SQLITE_CONSTRAINT;
      }
      if( z[0]==0 ){ sqlite3_free(z); valuePut(pOut, SQLITE_NULL, 0, 0); }
      else valuePut(pOut, SQLITE_TEXT, 0, z);
      return SQLITE_OK;
    case K_CATEGORY:
      i = readCategory(v);
      if( i<0 ){
        *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
            x1060Text(bJa, X1060_MSG_A_CATEGORY),
            x1060Text(bJa, X1060_MSG_CATEGORY_ALLOWED));
        return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
      }
      z = sqlite3_mprintf("%c", x1060Categories[i].cId);
      if( z==0 ) return SQLITE_NOMEM;
      valuePut(pOut, SQLITE_TEXT, 0, z);
      return SQLITE_OK;
    case K_VOCABULARY:
      if( eType==SQLITE_TEXT && sqlite3_value_text(v)==0 ) return SQLITE_NOMEM;
      i = eType==SQLITE_TEXT ? x1060VocabularyFind(c->pVocab,
              (const char*)sqlite3_value_text(v), sqlite3_value_bytes(v)) : -1;
      if( i<0 ){
        char *zAllowed = x1060VocabularyAllowed(c->pVocab, bJa);
        *pzWhy = zAllowed ? x1060NotAllowedIn(bJa, 0, 0, 0,
            x1060VocabularyWhat(c->pVocab, bJa), zAllowed) : 0;
        sqlite3_free(zAllowed);
        return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
      }
      z = sqlite3_mprintf("%s", x1060VocabularyWord(c->pVocab, i)->zName);
      if( z==0 ) return SQLITE_NOMEM;
      valuePut(pOut, SQLITE_TEXT, 0, z);
      return SQLITE_OK;
    case K_SCORE:
      rc = x1060ReadScore(v, &iVal);
      if( rc==SQLITE_CONSTRAINT ){
        *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
            x1060Text(bJa, X1060_MSG_A_SCORE),
            x1060Text(bJa, X1060_MSG_SCORE_ALLOWED));
        return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
      }
      valuePut(pOut, rc==SQLITE_OK ? SQLITE_INTEGER : SQLITE_NULL, iVal, 0);
      return rc;
    case K_FLAG:
      if( sqlite3_value_numeric_type(v)==SQLITE_INTEGER
       && (sqlite3_value_int64(v)==0 || sqlite3_value_int64(v)==1) ){
        valuePut(pOut, SQLITE_INTEGER, sqlite3_value_int64(v), 0);
        return SQLITE_OK;
      }
      *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
          x1060Text(bJa, X1060_MSG_ZERO_OR_ONE),
          x1060Text(bJa, X1060_MSG_FLAG_ALLOWED));
      return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
    case K_DATE:
      if( eType==SQLITE_TEXT ){
        rc = trimmedText(v, &z);
        if( rc==SQLITE_NOMEM ) return rc;
        if( rc==SQLITE_OK ) halfWidth(z);  /* full-width digits, hyphens */
        if( rc==SQLITE_OK && isIsoDate(z) ){
          valuePut(pOut, SQLITE_TEXT, 0, z);
          return rc;
        }
        sqlite3_free(z);
      }
      *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
          x1060Text(bJa, X1060_MSG_A_DATE),
          x1060Text(bJa, X1060_MSG_DATE_ALLOWED));
      return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
    case K_PERCENT:
      if( sqlite3_value_numeric_type(v)==SQLITE_INTEGER
       && sqlite3_value_int64(v)>=0 && sqlite3_value_int64(v)<=100 ){
        valuePut(pOut, SQLITE_INTEGER, sqlite3_value_int64(v), 0);
        return SQLITE_OK;
      }
      *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
          x1060Text(bJa, X1060_MSG_A_PERCENTAGE),
          x1060Text(bJa, X1060_MSG_PERCENT_ALLOWED));
      return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
    case K_AMOUNT:
      if( eType!=SQLITE_BLOB ) eType = sqlite3_value_numeric_type(v);
      if( (eType==SQLITE_INTEGER || eType==SQLITE_FLOAT)
       && sqlite3_value_double(v)>=0.0
       && sqlite3_value_double(v)<=X1060_AMOUNT_MAX ){
        valuePut(pOut, SQLITE_FLOAT, 0, 0);
        pOut->r = sqlite3_value_double(v);
        return SQLITE_OK;
      }
      {
        char *zAllowed = x1060MsgIn(bJa, X1060_MSG_AMOUNT_ALLOWED,
                                    X1060_AMOUNT_MAX_TEXT);
        *pzWhy = zAllowed ? x1060NotAllowedIn(bJa, 0, 0, 0,
            x1060Text(bJa, X1060_MSG_AN_AMOUNT), zAllowed) : 0;
        sqlite3_free(zAllowed);
      }
      return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
    case K_CURRENCY:
      if( eType==SQLITE_TEXT ){
        rc = trimmedText(v, &z);
        if( rc==SQLITE_NOMEM ) return rc;
        if( rc==SQLITE_OK ){
          halfWidth(z);
          if( strcmp(z, "円")==0 ) sqlite3_snprintf(4, z, "JPY");
          for(i=0; z[i]; i++){
            if( z[i]>='a' && z[i]<='z' ) z[i] -= 'a' - 'A';
          }
          if( isCurrency(z) ){
            valuePut(pOut, SQLITE_TEXT, 0, z);
            return SQLITE_OK;
          }
        }
        sqlite3_free(z);
      }
      *pzWhy = x1060NotAllowedIn(bJa, 0, 0, 0,
          x1060Text(bJa, X1060_MSG_A_CURRENCY),
          x1060Text(bJa, X1060_MSG_CURRENCY_ALLOWED));
      return *pzWhy ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
  }
  *pzWhy = x1060MsgIn(bJa, X1060_MSG_IS_COMPUTED);
  return SQLITE_CONSTRAINT;
}

/*
** Read user input v for column iCol into stored slot of pRow, forgivingly
** (x1060ColumnRead).  NULL is stored as NULL; the caller applies defaults
** and NOT NULL rules.
*/
int cdcInput(CdcRow *pRow, int iCol, sqlite3_value *v, int bJa,
             char **pzWhy){
  X1060Value val;
  int rc;
  memset(&val, 0, sizeof(val));
  rc = x1060ColumnRead(&cdcColumns[iCol], v, bJa, &val, pzWhy);
  if( rc==SQLITE_OK || rc==X1060_SCORE_NA ){
    rowTake(pRow, cdcColumns[iCol].iStored, val.eType, val.i, (char*)val.z);
  }
  return rc;
}

/*
** The value of column iCol computed from the stored values aStored:
** derived columns by the rules of rules.c, stored columns as they are.
** Text is static or borrowed from aStored.
*/
void cdcDerive(const X1060Value *aStored, int iCol, X1060Value *pOut){
  int iAsg = cdcWordIndex(&x1060AssignmentVocabulary, &aStored[CDC_ASSIGNMENT]);
  int iInfo = cdcWordIndex(&x1060InformationVocabulary, &aStored[CDC_INFORMATION]);
  int iExp = cdcWordIndex(&x1060ExpertiseVocabulary, &aStored[CDC_EXPERTISE]);
  int iAsIs = aStored[CDC_AS_IS].eType==SQLITE_INTEGER ? (int)aStored[CDC_AS_IS].i : X1060_NONE;
  int iToBe = aStored[CDC_TO_BE].eType==SQLITE_INTEGER ? (int)aStored[CDC_TO_BE].i : X1060_NONE;
  int bExcl = aStored[CDC_EXCLUDED].eType==SQLITE_INTEGER && aStored[CDC_EXCLUDED].i==1;
  int q = (iInfo==X1060_NONE || iExp==X1060_NONE) ? X1060_NONE
          : x1060QuadrantOf(iInfo, iExp);
  int r;
  memset(pOut, 0, sizeof(*pOut));
  pOut->eType = SQLITE_NULL;
  switch( iCol ){
    case CDC_QUADRANT:
      if( q!=X1060_NONE ){ pOut->eType = SQLITE_INTEGER; pOut->i = q; }
      break;
    case CDC_SUGGESTED:
      if( q!=X1060_NONE ){
        pOut->eType = SQLITE_TEXT;
        pOut->z = x1060Assignments[x1060Quadrants[q-1].iAssignment].w.zName;
      }
      break;
    case CDC_GAP:
      r = x1060GapOf(iAsIs, iToBe, bExcl);
      if( r!=X1060_NO_GAP ){ pOut->eType = SQLITE_INTEGER; pOut->i = r; }
      break;
    case CDC_CYCLE:
      r = x1060CycleOf(iAsg, iAsIs, iToBe, bExcl);
      if( r!=X1060_NONE ){
        pOut->eType = SQLITE_TEXT;
        pOut->z = x1060Cycles[r].w.zName;
      }
      break;
    case CDC_CRITERION:
      pOut->z = x1060CriterionOf(iAsg, iAsIs, bExcl, 0);
      if( pOut->z ) pOut->eType = SQLITE_TEXT;
      break;
    default:
      *pOut = aStored[cdcColumns[iCol].iStored];
      break;
  }
}

/* The stored columns' names, comma-separated, from sqlite3_mprintf. */
char *cdcStoredColumnList(const char *zPrefix){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int k;
  for(k=0; k<CDC_NSTORED; k++){
    sqlite3_str_appendf(pStr, "%s%s%s", k ? "," : "", zPrefix,
                        cdcColumns[cdcStored(k)].zName);
  }
  return sqlite3_str_finish(pStr);
}

/* Append "zCol='a' OR zCol='b' ..." for the canonical words of pVocab.
** (Written out rather than as zCol IN (...): SQLite 3.40 evaluates an IN
** list of more than two values in a CHECK through a temporary table, which
** made every write several times slower.) */
static void appendWordCheck(sqlite3_str *pStr, const char *zCol,
                            const X1060Vocabulary *pVocab){
  int i;
  for(i=0; i<pVocab->nRow; i++){
    sqlite3_str_appendf(pStr, "%s%s=%Q", i ? " OR " : "", zCol,
                        x1060VocabularyWord(pVocab, i)->zName);
  }
}

/* See x1060_int.h. */
void x1060ColumnDdl(sqlite3_str *pStr, const CdcColumn *c){
  const char *zN = c->zName;
  sqlite3_str_appendf(pStr, "%s %s%s", zN, c->zType,
                      c->bNotNull ? " NOT NULL" : "");
  switch( c->eKind ){
    case K_ID:
      /* custom ids are one service whatever their case (z-1 is Z-1) */
      sqlite3_str_appendf(pStr, " COLLATE NOCASE CHECK(length(%s) BETWEEN "
                          "1 AND " X1060_STR(X1060_ID_MAX) ")", zN);
      break;
    case K_CATEGORY:
      sqlite3_str_appendf(pStr, " CHECK(%s BETWEEN 'A' AND 'I' AND "
                          "length(%s)=1)", zN, zN);
      break;
    case K_NAME: case K_STAMP:
      sqlite3_str_appendf(pStr, " CHECK(length(%s)>0)", zN);
      break;
    case K_VOCABULARY:
      sqlite3_str_appendall(pStr, " CHECK(");
      appendWordCheck(pStr, zN, c->pVocab);
      sqlite3_str_appendall(pStr, ")");
      break;
    case K_SCORE:
      sqlite3_str_appendf(pStr, " CHECK(%s IS NULL OR (typeof(%s)='integer'"
                          " AND %s BETWEEN 1 AND 5))", zN, zN, zN);
      break;
    case K_FLAG: case K_DERIVED:
      sqlite3_str_appendf(pStr, " DEFAULT 0 CHECK(%s IN (0,1))", zN);
      break;
    case K_DATE:
      sqlite3_str_appendf(pStr, " CHECK(%s IS date(%s))", zN, zN);
      break;
    case K_PERCENT:
      sqlite3_str_appendf(pStr, " CHECK(typeof(%s)='integer' AND %s BETWEEN "
                          "0 AND 100)", zN, zN);
      break;
    case K_AMOUNT:
      sqlite3_str_appendf(pStr, " CHECK(%s IS NULL OR (typeof(%s) IN "
          "('integer','real') AND %s BETWEEN 0 AND " X1060_AMOUNT_MAX_TEXT
          "))", zN, zN, zN);
      break;
    case K_CURRENCY:
      sqlite3_str_appendf(pStr, " CHECK(%s IS NULL OR (length(%s)=3 AND "
          "trim(%s,'ABCDEFGHIJKLMNOPQRSTUVWXYZ')=''))", zN, zN, zN);
      break;
  }
}

/* See x1060_int.h. */
char *x1060ColumnsDdl(const CdcColumn *aCol, int nCol){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<nCol; i++){
    if( aCol[i].iStored<0 ) continue;
    if( sqlite3_str_length(pStr) ) sqlite3_str_appendall(pStr, ",\n  ");
    x1060ColumnDdl(pStr, &aCol[i]);
  }
  return sqlite3_str_finish(pStr);
}

/*
** The definitions of the stored columns of x1060_store_service and
** x1060_store_snapshot, with CHECK constraints in core SQL built from the
** framework data, so that any client sees them.  From sqlite3_mprintf.
*/
char *cdcDataColumnsDdl(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int k;
  for(k=0; k<CDC_NSTORED; k++){
    if( k ) sqlite3_str_appendall(pStr, ",\n  ");
    x1060ColumnDdl(pStr, &cdcColumns[cdcStored(k)]);
  }
  return sqlite3_str_finish(pStr);
}

/*
** Fill in what a row's NULLs stand for, and excluded: eExcluded 1 (a score
** was written 'N/A') or 0 (a score was written as a number, excluded was
** not) sets it, -1 leaves it (0 when NULL); phase, the category's default;
** information and expertise of an Annex A service, the service's default.
*/
int cdcRowDefaults(CdcRow *pRow, int eExcluded){
  X1060Value v;
  int rc = SQLITE_OK, iSvc = -1, iCat;
  memset(&v, 0, sizeof(v));
  if( pRow->a[CDC_S_CUSTOM].eType==SQLITE_INTEGER && pRow->a[CDC_S_CUSTOM].i==0 ){
    iSvc = cdcServiceById(pRow->a[CDC_SERVICE_ID].z);
  }
  if( eExcluded>=0 || pRow->a[CDC_EXCLUDED].eType==SQLITE_NULL ){
    v.eType = SQLITE_INTEGER; v.i = eExcluded>0;
    rc = cdcRowSet(pRow, CDC_EXCLUDED, &v);
  }
  iCat = pRow->a[CDC_CATEGORY].eType==SQLITE_TEXT ? x1060CategoryIndex(pRow->a[CDC_CATEGORY].z[0])
                                       : -1;
  v.eType = SQLITE_TEXT;
  if( rc==SQLITE_OK && pRow->a[CDC_PHASE].eType==SQLITE_NULL && iCat>=0 ){
    v.z = x1060Phases[x1060Categories[iCat].iPhase].w.zName;
    rc = cdcRowSet(pRow, CDC_PHASE, &v);
  }
  if( rc==SQLITE_OK && pRow->a[CDC_INFORMATION].eType==SQLITE_NULL && iSvc>=0 ){
    v.z = x1060Information[x1060Services[iSvc].eInformation].w.zName;
    rc = cdcRowSet(pRow, CDC_INFORMATION, &v);
  }
  if( rc==SQLITE_OK && pRow->a[CDC_EXPERTISE].eType==SQLITE_NULL && iSvc>=0 ){
    v.z = x1060Expertise[x1060Services[iSvc].eExpertise].w.zName;
    rc = cdcRowSet(pRow, CDC_EXPERTISE, &v);
  }
  return rc;
}

/*
** Comparing as the columns read input.  A CDC table declares service_id,
** category and the vocabulary columns with a collation of their own
** (x1060_service, x1060_category, x1060_level ...), so that an equality
** in a WHERE or a join matches every spelling the column accepts on
** input: WHERE service_id = 'b-1', WHERE level = 'ベーシック'.  A value
** compares as its canonical spelling (cdcCanonical) when it has one, else
** as itself without surrounding white space, letters in upper case and
** full-width ASCII as ASCII; the order is that of those forms' bytes, so
** ordering and ranges are those of the stored values.
*/

/* The name of column iCol's collation, from sqlite3_mprintf, or NULL
** (with *pRc SQLITE_OK) when the column has none. */
char *cdcCollationName(int iCol, int *pRc){
  const CdcColumn *c = &cdcColumns[iCol];
  char *z = 0;
  *pRc = SQLITE_OK;
  if( c->eKind==K_ID ) z = sqlite3_mprintf("x1060_service");
  else if( c->eKind==K_CATEGORY || c->eKind==K_VOCABULARY ){
    z = sqlite3_mprintf("x1060_%s", c->zName);
  }else{
    return 0;
  }
  if( z==0 ) *pRc = SQLITE_NOMEM;
  return z;
}

/* The comparison form of the n bytes of z in column iCol, as [*pz, *pzEnd):
** its canonical spelling, or z without surrounding white space. */
static void collateKey(int iCol, const unsigned char *z, int n,
                       const unsigned char **pz, const unsigned char **pzEnd){
  const char *zCanon = cdcCanonical(iCol, (const char*)z, n);
  if( zCanon ){
    *pz = (const unsigned char*)zCanon;
    *pzEnd = *pz + strlen(zCanon);
    return;
  }
  trimSpan(&z, &n);
  *pz = z;
  *pzEnd = z + n;
}

/* The next byte of a comparison form from *pz (up to zEnd), -1 at its end:
** full-width ASCII and U+3000 as ASCII, ASCII letters in upper case. */
static int collateNext(const unsigned char **pz, const unsigned char *zEnd){
  const unsigned char *p = *pz;
  int c;
  if( p>=zEnd ) return -1;
  if( (c = x1060HalfWidthAt(p, (int)(zEnd-p)))!=0 ){
    p += 3;
  }else{
    c = *p++;
  }
  *pz = p;
  return c>='a' && c<='z' ? c - 'a' + 'A' : c;
}

/* The collation of the column that pArg (an entry of cdcColumns) is. */
static int collateColumn(void *pArg, int na, const void *a, int nb,
                         const void *b){
  int iCol = (int)((const CdcColumn*)pArg - cdcColumns);
  const unsigned char *pa, *ea, *pb, *eb;
  if( na==nb && memcmp(a, b, (size_t)na)==0 ) return 0;  /* the usual case */
  collateKey(iCol, a, na, &pa, &ea);
  collateKey(iCol, b, nb, &pb, &eb);
  for(;;){
    int ca = collateNext(&pa, ea), cb = collateNext(&pb, eb);
    if( ca!=cb ) return ca<cb ? -1 : 1;
    if( ca<0 ) return 0;
  }
}

/* Register the collations of the columns on db.  SQLITE_BUSY (statements
** of this connection are running, on a second load) keeps the ones there,
** which are the same. */
int cdcRegisterCollations(sqlite3 *db){
  int i, rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<CDC_NCOL; i++){
    char *zName = cdcCollationName(i, &rc);
    if( zName ){
      rc = sqlite3_create_collation_v2(db, zName, SQLITE_UTF8,
          (void*)&cdcColumns[i], collateColumn, 0);
      if( rc==SQLITE_BUSY ) rc = SQLITE_OK;
      sqlite3_free(zName);
    }
  }
  return rc;
}
