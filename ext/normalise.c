/*
** x1060: forgiving input, canonical output.
**
** Users may type a framework value in any case, with stray or doubled
** spaces, with '&' or 'and', with hyphens or spaces, in full-width forms, or
** by its Japanese name.  Every such spelling is folded to one key and
** compared with the folded spellings of the vocabulary:
**
**   SELECT x1060_level(' basic ');                  -- 'Basic'
**   SELECT x1060_assignment('アウトソース');          -- 'Outsourcing'
**   SELECT x1060_service('handling enquiry on report'); -- 'B-4'
**   SELECT x1060_service('ｂ４');                    -- 'B-4'
**
** Folding (x1060Fold): ASCII letters to lower case; full-width ASCII
** (U+FF01..U+FF5E) to ASCII; '-', '_', '/' and every run of white space
** (including U+3000) to one space; '&' to " and "; leading and trailing
** spaces dropped.  Folded keys longer than X1060_FOLD_MAX bytes cannot name
** anything, so folding stops there and the input is rejected.
*/
#include "x1060_int.h"
#include <stddef.h>
#include <string.h>

SQLITE_EXTENSION_INIT3



/* Append byte c to the fold buffer; return 0 when it is full. */
static int foldPut(char *zOut, int *pn, char c){
  if( *pn>=X1060_FOLD_MAX ) return 0;
  zOut[(*pn)++] = c;
  return 1;
}

/* Append one separating space unless the buffer is empty or ends in one. */
static int foldSpace(char *zOut, int *pn){
  if( *pn==0 || zOut[*pn-1]==' ' ) return 1;
  return foldPut(zOut, pn, ' ');
}

/*
** The ASCII character whose full-width form (U+FF01..U+FF5E) is the
** character at z (n bytes left), or ' ' for the ideographic space U+3000;
** 0 for any other.  Both are 3 bytes long in UTF-8.
*/
int x1060HalfWidthAt(const unsigned char *z, int n){
  if( n<3 ) return 0;
  if( z[0]==0xE3 && z[1]==0x80 && z[2]==0x80 ) return ' ';
  if( z[0]==0xEF && z[1]==0xBC && z[2]>=0x81 && z[2]<=0xBF ){
    return 0x21 + z[2] - 0x81;
  }
  if( z[0]==0xEF && z[1]==0xBD && z[2]>=0x80 && z[2]<=0x9E ){
    return 0x21 + 0x3F + z[2] - 0x80;
  }
  return 0;
}

/*
** Fold the n bytes of z into zOut (X1060_FOLD_MAX+1 bytes) as described at
** the top of this file.  Return the folded length, or -1 when the result
** would be longer than X1060_FOLD_MAX.
*/
int x1060Fold(const char *z, int n, char *zOut){
  const unsigned char *p = (const unsigned char*)z;
  int i = 0, nOut = 0, ok = 1;
  if( z==0 ) return -1;
  while( ok && i<n ){
    unsigned c = (unsigned)x1060HalfWidthAt(p+i, n-i);
    if( c ){
      i += 3;
    }else{
      c = p[i++];
    }
    if( c>='A' && c<='Z' ) c += 'a' - 'A';
    if( c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v'
     || c=='-' || c=='_' || c=='/' ){
      ok = foldSpace(zOut, &nOut);
    }else if( c=='&' ){
      ok = foldSpace(zOut, &nOut) && foldPut(zOut, &nOut, 'a')
        && foldPut(zOut, &nOut, 'n') && foldPut(zOut, &nOut, 'd')
        && foldPut(zOut, &nOut, ' ');
    }else{
      ok = foldPut(zOut, &nOut, (char)c);
    }
  }
  if( !ok ) return -1;
  while( nOut>0 && zOut[nOut-1]==' ' ) nOut--;
  zOut[nOut] = 0;
  return nOut;
}

/* True if canonical spelling z folds to the nKey bytes of zKey. */
static int foldEqual(const char *z, int nz, const char *zKey, int nKey){
  char zBuf[X1060_FOLD_MAX+1];
  int n = x1060Fold(z, nz, zBuf);
  return n==nKey && memcmp(zBuf, zKey, nKey)==0;
}

/* True if zKey matches any spelling of w: name, Japanese name, or one of
** the '|'-separated alternatives. */
static int wordMatches(const X1060Word *w, const char *zKey, int nKey){
  const char *z;
  if( foldEqual(w->zName, (int)strlen(w->zName), zKey, nKey) ) return 1;
  if( foldEqual(w->zNameJa, (int)strlen(w->zNameJa), zKey, nKey) ) return 1;
  for(z=w->zAlso; z && *z; ){
    const char *zEnd = strchr(z, '|');
    int nz = zEnd ? (int)(zEnd - z) : (int)strlen(z);
    if( foldEqual(z, nz, zKey, nKey) ) return 1;
    z = zEnd ? zEnd+1 : 0;
  }
  return 0;
}

/* The code of word i of pVocab, which has codes (offCode). */
static const char *vocabularyCode(const X1060Vocabulary *pVocab, int i){
  return *(const char *const*)((const char*)x1060VocabularyWord(pVocab, i)
                               + pVocab->offCode);
}

/* Index of the word of pVocab that the n bytes of z spell, or -1. */
int x1060VocabularyFind(const X1060Vocabulary *pVocab, const char *z, int n){
  char zKey[X1060_FOLD_MAX+1];
  int i, nKey;
  /* the canonical spelling, as stored and as most input comes, first */
  for(i=0; i<pVocab->nRow; i++){
    const char *zName = x1060VocabularyWord(pVocab, i)->zName;
    if( (int)strlen(zName)==n && memcmp(zName, z, (size_t)n)==0 ) return i;
  }
  /* then a code, in any case, where the vocabulary has them */
  for(i=0; pVocab->offCode && i<pVocab->nRow; i++){
    const char *zCode = vocabularyCode(pVocab, i);
    if( (int)strlen(zCode)==n && sqlite3_strnicmp(zCode, z, n)==0 ) return i;
  }
  nKey = x1060Fold(z, n, zKey);
  if( nKey<=0 ) return -1;
  for(i=0; i<pVocab->nRow; i++){
    if( wordMatches(x1060VocabularyWord(pVocab, i), zKey, nKey) ) return i;
  }
  return -1;
}

/*
** If the folded key starts with a service id ("b 4", "b4", "b-04" folded),
** return the index of that service in x1060Services and set *pnId to the
** length of the id in the key; otherwise return -1.
*/
static int serviceIdPrefix(const char *zKey, int nKey, int *pnId){
  int iCat, i = 1, iSeq = 0, k;
  if( nKey<2 || (iCat = x1060CategoryIndex(zKey[0]))<0 ) return -1;
  if( zKey[i]==' ' ) i++;
  if( i>=nKey || zKey[i]<'0' || zKey[i]>'9' ) return -1;
  while( i<nKey && zKey[i]>='0' && zKey[i]<='9' && iSeq<1000 ){
    iSeq = iSeq*10 + (zKey[i++] - '0');
  }
  if( i<nKey && zKey[i]!=' ' ) return -1;
  for(k=0; k<X1060_NSERVICE; k++){
    const X1060Service *p = &x1060Services[k];
    if( p->zId[0]==x1060Categories[iCat].cId && p->iSeq==iSeq ){
      *pnId = i;
      return k;
    }
  }
  return -1;
}

/*
** Index in x1060Services of the service that the n bytes of z name, or -1.
** Accepted: its id ("B-4"), any spelling of its name, or its id followed by
** its name as Annex A lists them ("B-4 Handling inquiry on report").
*/
int x1060ServiceFind(const char *z, int n){
  char zKey[X1060_FOLD_MAX+1];
  int i, nId = 0, nKey = x1060Fold(z, n, zKey);
  if( nKey<=0 ) return -1;
  i = serviceIdPrefix(zKey, nKey, &nId);
  if( i>=0 ){
    if( nId==nKey ) return i;
    return wordMatches(&x1060Services[i].w, zKey+nId+1, nKey-nId-1) ? i : -1;
  }
  for(i=0; i<X1060_NSERVICE; i++){
    if( wordMatches(&x1060Services[i].w, zKey, nKey) ) return i;
  }
  return -1;
}

/* Read a score: an integer 1..5 as integer, integral real or text; 'N/A'
** (or NA, 評価外) gives X1060_SCORE_NA; anything else SQLITE_CONSTRAINT. */
int x1060ReadScore(sqlite3_value *v, sqlite3_int64 *piOut){
  char zKey[X1060_FOLD_MAX+1];
  int eType = sqlite3_value_type(v);
  if( eType==SQLITE_INTEGER ){            /* the usual case, quickly */
    sqlite3_int64 i = sqlite3_value_int64(v);
    if( i<1 || i>5 ) return SQLITE_CONSTRAINT;
    *piOut = i;
    return SQLITE_OK;
  }
  eType = sqlite3_value_numeric_type(v);
  if( eType==SQLITE_INTEGER || eType==SQLITE_FLOAT ){
    double r = sqlite3_value_double(v);
    if( r>=1.0 && r<=5.0 && r==(double)(int)r ){
      *piOut = (int)r;
      return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
  }
  if( eType==SQLITE_TEXT ){
    int n;
    if( sqlite3_value_text(v)==0 ) return SQLITE_NOMEM;
    n = x1060Fold((const char*)sqlite3_value_text(v),
                  sqlite3_value_bytes(v), zKey);
    if( n==1 && zKey[0]>='1' && zKey[0]<='5' ){
      *piOut = zKey[0]-'0';
      return SQLITE_OK;
    }
    if( strcmp(zKey, "n a")==0 || strcmp(zKey, "na")==0
     || strcmp(zKey, "評価外")==0 ){
      return X1060_SCORE_NA;
    }
  }
  return SQLITE_CONSTRAINT;
}

X1060_DATA_DEF const X1060Vocabulary x1060LevelVocabulary = {
  "a recommendation level", "推奨レベル", "x1060_levels",
  x1060Levels, sizeof(X1060Level), X1060_NLEVEL, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060AssignmentVocabulary = {
  "an assignment type", "実施体制（アサイン）", "x1060_assignments",
  x1060Assignments, sizeof(X1060Assignment), X1060_NASSIGNMENT, 0
};

X1060_DATA_DEF const X1060Vocabulary x1060CategoryVocabulary = {
  "a category", "カテゴリ", "x1060_categories",
  x1060Categories, sizeof(X1060Category), X1060_NCATEGORY, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060PhaseVocabulary = {
  "a management phase", "管理フェーズ", "x1060_phases",
  x1060Phases, sizeof(X1060Stage), X1060_NPHASE, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060CycleVocabulary = {
  "a management cycle", "管理サイクル", "x1060_cycles",
  x1060Cycles, sizeof(X1060Stage), X1060_NCYCLE, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060StatusVocabulary = {
  "an action status", "改善アクションの状態", "x1060_action_statuses",
  x1060ActionStatuses, sizeof(X1060Stage), X1060_NSTATUS, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060InformationVocabulary = {
  "a kind of information (sourcing axis)", "情報の種類（ソーシングの軸）", "x1060_quadrants",
  x1060Information, sizeof(X1060Axis), 2, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060ExpertiseVocabulary = {
  "a kind of expertise (sourcing axis)", "専門性の種類（ソーシングの軸）", "x1060_quadrants",
  x1060Expertise, sizeof(X1060Axis), 2, 0
};

/* The attributes with canonical values (organisation.c): sectors and
** regions also by their code. */
X1060_DATA_DEF const X1060Vocabulary x1060SectorVocabulary = {
  "a sector (an ISIC Rev. 4 section)",
  "業種（ISIC Rev. 4 の大分類）", "x1060_attribute_values",
  &x1060AttributeValues[X1060_ATTR_SECTOR_FIRST], sizeof(X1060AttributeValue),
  X1060_ATTR_SECTOR_N, offsetof(X1060AttributeValue, zCode)
};
X1060_DATA_DEF const X1060Vocabulary x1060SizeVocabulary = {
  "a size band (Recommendation 2003/361/EC)",
  "規模（欧州委員会勧告 2003/361/EC の区分）", "x1060_attribute_values",
  &x1060AttributeValues[X1060_ATTR_SIZE_FIRST], sizeof(X1060AttributeValue),
  X1060_ATTR_SIZE_N, 0
};
X1060_DATA_DEF const X1060Vocabulary x1060RegionVocabulary = {
  "a region (a UN M49 sub-region)",
  "地域（国連 M49 の地域区分）", "x1060_attribute_values",
  &x1060AttributeValues[X1060_ATTR_REGION_FIRST], sizeof(X1060AttributeValue),
  X1060_ATTR_REGION_N, offsetof(X1060AttributeValue, zCode)
};

/* Word i of pVocab. */
const X1060Word *x1060VocabularyWord(const X1060Vocabulary *pVocab, int i){
  return (const X1060Word*)((const char*)pVocab->aRow + (size_t)i*pVocab->szRow);
}

/* What pVocab allows, for error messages, in Japanese when bJa: "A, B, C
** (...)", or the Japanese names; from sqlite3_mprintf (NULL on OOM). */
char *x1060VocabularyAllowed(const X1060Vocabulary *pVocab, int bJa){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<pVocab->nRow; i++){
    const X1060Word *w = x1060VocabularyWord(pVocab, i);
    const char *zName = bJa ? w->zNameJa : w->zName;
    if( pVocab->offCode ){             /* names with commas: "K (...); " */
      if( i ) x1060AppendMsg(pStr, bJa, X1060_MSG_VOCAB_CODED_SEP);
      x1060AppendMsg(pStr, bJa, X1060_MSG_VOCAB_CODED,
                     vocabularyCode(pVocab, i), zName);
    }else{
      if( i ) x1060AppendMsg(pStr, bJa, X1060_MSG_LIST_SEP);
      sqlite3_str_appendall(pStr, zName);
    }
  }
  x1060AppendMsg(pStr, bJa, pVocab->offCode ? X1060_MSG_VOCAB_NOTE_CODE
                 : X1060_MSG_VOCAB_NOTE, pVocab->zTable);
  return sqlite3_str_finish(pStr);
}

/* What pVocab is, for error messages, in Japanese when bJa. */
const char *x1060VocabularyWhat(const X1060Vocabulary *pVocab, int bJa){
  return bJa ? pVocab->zWhatJa : pVocab->zWhat;
}

/*
** Make function zFunc fail because its argument v is not zWhat; zAllowed
** says what is, and is freed here.  OOM anywhere becomes SQLITE_NOMEM.
*/
static void resultBadValue(sqlite3_context *ctx, const char *zFunc,
                           sqlite3_value *v, const char *zWhat,
                           char *zAllowed){
  char *zWho = sqlite3_mprintf("%s()", zFunc);
  char *zMsg = zWho && zAllowed ? x1060NotAllowedValue(
      sqlite3_context_db_handle(ctx), zWho, 0, v, zWhat, zAllowed) : 0;
  if( zMsg ){
    sqlite3_result_error(ctx, zMsg, -1);
  }else{
    sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(zMsg);
  sqlite3_free(zWho);
  sqlite3_free(zAllowed);
}

/* The text of argument v and its length if v is text, else NULL: numbers
** and blobs name nothing. */
static const char *argText(sqlite3_value *v, int *pn){
  const char *z;
  if( sqlite3_value_type(v)!=SQLITE_TEXT ) return 0;
  z = (const char*)sqlite3_value_text(v);
  *pn = sqlite3_value_bytes(v);
  return z;
}

/* A normaliser: its SQL name and its vocabulary (NULL: the services). */
typedef struct Normaliser Normaliser;
struct Normaliser {
  const char *zFunc;
  const X1060Vocabulary *pVocab;
};

/*
** x1060_level(t), x1060_assignment(t), x1060_service(t): the canonical
** value that t spells (for services, the id); NULL for NULL; an error that
** names the value and says what is allowed for anything else.
*/
static void normaliseFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const Normaliser *p = (const Normaliser*)sqlite3_user_data(ctx);
  const char *z;
  int n = 0, i = -1;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = argText(argv[0], &n);
  if( z==0 && sqlite3_value_type(argv[0])==SQLITE_TEXT ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( p->pVocab ){
    if( z ) i = x1060VocabularyFind(p->pVocab, z, n);
    if( i<0 ){
      int bJa = x1060ConnLanguage(sqlite3_context_db_handle(ctx));
      resultBadValue(ctx, p->zFunc, argv[0],
                     x1060VocabularyWhat(p->pVocab, bJa),
                     x1060VocabularyAllowed(p->pVocab, bJa));
    }else{
      sqlite3_result_text(ctx, x1060VocabularyWord(p->pVocab, i)->zName, -1,
                          SQLITE_STATIC);
    }
  }else{
    if( z ) i = x1060ServiceFind(z, n);
    if( i<0 ){
      sqlite3 *db = sqlite3_context_db_handle(ctx);
      resultBadValue(ctx, p->zFunc, argv[0],
                     x1060TextOf(db, X1060_MSG_AN_X1060_SERVICE),
                     x1060Msg(db, X1060_MSG_SERVICE_ALLOWED));
    }else{
      sqlite3_result_text(ctx, x1060Services[i].zId, -1, SQLITE_STATIC);
    }
  }
}

static const Normaliser aNormaliser[] = {
  { "x1060_level",      &x1060LevelVocabulary },
  { "x1060_assignment", &x1060AssignmentVocabulary },
  { "x1060_service",    0 },
};

/* Register the normalisers on db: pure, so DETERMINISTIC and INNOCUOUS. */
int x1060RegisterNormalisers(sqlite3 *db){
  int rc = SQLITE_OK, i;
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aNormaliser); i++){
    rc = x1060CreateFunction(db, aNormaliser[i].zFunc, 1,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)&aNormaliser[i], normaliseFunc, 0, 0);
  }
  return rc;
}
