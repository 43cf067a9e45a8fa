/*
** x1060: the message catalogue, and the connection's language.
**
**   SELECT x1060_language('ja');     -- every message and default: Japanese
**   SELECT x1060_language();         -- 'ja'
**   SELECT id, en, ja FROM x1060_messages;
**
** Every text x1060 says to a user in words (an error, a part of one, a
** kind of value, what is allowed) is one entry of X1060_MESSAGES in
** x1060_int.h, in English and in Japanese; code names an entry by its id
** and never writes the words itself.  An entry's text may hold %1 .. %9,
** filled with the arguments in the order of their numbers, so that each
** language puts them where its sentence needs them.  A language is
** chosen per connection (x1060_language) and given by explicit arguments
** (x1060LangArg); messages use the connection's.
*/
#include "x1060_int.h"
#include <stdarg.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The catalogue, from X1060_MESSAGES: id, English, Japanese. */
#define X1060_MSG_ROW(id, en, ja) { #id, en, ja },
X1060_DATA_DEF const X1060Message x1060Messages[X1060_NMSG] = {
  X1060_MESSAGES(X1060_MSG_ROW)
};

/* See x1060_int.h. */
const char *x1060Text(int bJa, int eMsg){
  return bJa ? x1060Messages[eMsg].zJa : x1060Messages[eMsg].zEn;
}

/* See x1060_int.h. */
const char *x1060TextOf(sqlite3 *db, int eMsg){
  return x1060Text(x1060ConnLanguage(db), eMsg);
}

/* True if the n bytes at z end (bEnd) or begin with a kana or a kanji
** (U+3040..U+30FF, U+4E00..U+9FFF), where Japanese text puts a space
** before or after a word in Latin letters or digits. */
static int kanaAt(const char *z, int n, int bEnd){
  const unsigned char *u = (const unsigned char*)z;
  int c;
  if( n<3 ) return 0;
  if( bEnd ) u += n-3;
  if( (u[0] & 0xF0)!=0xE0 ) return 0;
  c = (u[0]&0x0F)<<12 | (u[1]&0x3F)<<6 | (u[2]&0x3F);
  return (c>=0x3040 && c<=0x30FF) || (c>=0x4E00 && c<=0x9FFF);
}

/* True if z begins (bEnd 0) or its n bytes end with a printable ASCII
** character other than a space (a word in Latin letters, a number, a
** quoted value). */
static int latinAt(const char *z, int n, int bEnd){
  char c;
  if( n<1 ) return 0;
  c = bEnd ? z[n-1] : z[0];
  return c>' ' && c<0x7f;
}

/* Append template zT to pStr with %1 .. %9 replaced by azArg[0..8] (NULL:
** nothing) and %% by %.  A space goes between an argument that begins or
** ends in ASCII (a word in Latin letters, a number, a quoted value) and
** the kana or kanji of the template next to it, as Japanese text writes
** them; an argument in Japanese joins the text (an English template has
** its spaces already). */
static void msgFill(sqlite3_str *pStr, const char *zT,
                         const char *const *azArg){
  const char *zStart = zT;
  while( *zT ){
    const char *zPct = strchr(zT, '%');
    if( zPct==0 ){ sqlite3_str_appendall(pStr, zT); return; }
    sqlite3_str_append(pStr, zT, (int)(zPct - zT));
    if( zPct[1]>='1' && zPct[1]<='9' ){
      const char *zArg = azArg[zPct[1]-'1'];
      int nArg = zArg ? (int)strlen(zArg) : 0;
      if( latinAt(zArg, nArg, 0) && kanaAt(zStart, (int)(zPct-zStart), 1) ){
        sqlite3_str_appendchar(pStr, 1, ' ');
      }
      if( zArg ) sqlite3_str_appendall(pStr, zArg);
      if( latinAt(zArg, nArg, 1) && kanaAt(zPct+2, (int)strlen(zPct+2), 0) ){
        sqlite3_str_appendchar(pStr, 1, ' ');
      }
      zT = zPct + 2;
    }else{
      sqlite3_str_appendchar(pStr, 1, '%');
      zT = zPct + (zPct[1]=='%' ? 2 : 1);
    }
  }
}

/* See x1060_int.h. */
int x1060MessageArgs(const char *zT){
  int n = 0;
  for(; (zT = strchr(zT, '%'))!=0; zT++){
    if( zT[1]>='1' && zT[1]<='9' && zT[1]-'0'>n ) n = zT[1] - '0';
    if( zT[1]=='%' ) zT++;
  }
  return n;
}

/* Fill entry eMsg of language bJa with the arguments in ap, appending to
** pStr. */
static void appendMessage(sqlite3_str *pStr, int bJa, int eMsg, va_list ap){
  const char *azArg[9];
  const char *zT = x1060Text(bJa, eMsg);
  int i, n = x1060MessageArgs(zT);
  for(i=0; i<9; i++) azArg[i] = i<n ? va_arg(ap, const char*) : 0;
  msgFill(pStr, zT, azArg);
}

/* See x1060_int.h. */
char *x1060MsgIn(int bJa, int eMsg, ...){
  sqlite3_str *pStr = sqlite3_str_new(0);
  va_list ap;
  va_start(ap, eMsg);
  appendMessage(pStr, bJa, eMsg, ap);
  va_end(ap);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
char *x1060Msg(sqlite3 *db, int eMsg, ...){
  sqlite3_str *pStr = sqlite3_str_new(0);
  va_list ap;
  va_start(ap, eMsg);
  appendMessage(pStr, x1060ConnLanguage(db), eMsg, ap);
  va_end(ap);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
void x1060AppendMsg(sqlite3_str *pStr, int bJa, int eMsg, ...){
  va_list ap;
  va_start(ap, eMsg);
  appendMessage(pStr, bJa, eMsg, ap);
  va_end(ap);
}

/* See x1060_int.h. */
char *x1060NotAllowed(sqlite3 *db, const char *zWho, const char *zArg,
                      const char *zValue, const char *zKind,
                      const char *zAllowed){
  return x1060NotAllowedIn(x1060ConnLanguage(db), zWho, zArg, zValue, zKind,
                           zAllowed);
}

/* See x1060_int.h. */
char *x1060NotAllowedIn(int bJa, const char *zWho, const char *zArg,
                        const char *zValue, const char *zKind,
                        const char *zAllowed){
  sqlite3_str *pStr = sqlite3_str_new(0);
  if( zWho ) sqlite3_str_appendf(pStr, "%s: ", zWho);
  if( zArg ) sqlite3_str_appendf(pStr, "%s ", zArg);
  if( zValue ) sqlite3_str_appendf(pStr, "%s ", zValue);
  if( zKind ){
    x1060AppendMsg(pStr, bJa, X1060_MSG_IS_NOT_KIND, zKind);
  }else{
    x1060AppendMsg(pStr, bJa, X1060_MSG_IS_NOT_ALLOWED);
  }
  if( zAllowed ) x1060AppendMsg(pStr, bJa, X1060_MSG_ALLOWED, zAllowed);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
char *x1060NotAllowedValue(sqlite3 *db, const char *zWho, const char *zArg,
                           sqlite3_value *v, const char *zKind,
                           const char *zAllowed){
  char *zVal = x1060DescribeValueIn(v, x1060ConnLanguage(db));
  char *zMsg = zVal ? x1060NotAllowed(db, zWho, zArg, zVal, zKind, zAllowed)
                    : 0;
  sqlite3_free(zVal);
  return zMsg;
}

/* The languages, as X1060_LANG_* numbers them: each by its BCP 47 tag
** and its name in Japanese.  'ja-u-ca-japanese' is Japanese with the
** Japanese calendar: dates in reports with the era (令和8年). */
static const struct Language {
  const char *zTag;
  const char *zName;
} aLanguage[] = {
  { "en", "英語" }, { "ja", "日本語" }, { "ja-u-ca-japanese", "和暦" },
};

/* See x1060_int.h. */
const char *x1060LangTag(int eLang){
  return aLanguage[eLang].zTag;
}

/* Read language v: a tag of aLanguage in any case, or its Japanese name.
** Sets *peLang and returns SQLITE_OK, or SQLITE_ERROR for anything else,
** SQLITE_NOMEM when its text cannot be read. */
static int readLanguage(sqlite3_value *v, int *peLang){
  const char *z;
  int i;
  if( sqlite3_value_type(v)!=SQLITE_TEXT ) return SQLITE_ERROR;
  z = (const char*)sqlite3_value_text(v);
  if( z==0 ) return SQLITE_NOMEM;
  for(i=0; i<X1060_ARRAY_SIZE(aLanguage); i++){
    if( sqlite3_stricmp(z, aLanguage[i].zTag)==0
     || strcmp(z, aLanguage[i].zName)==0 ){
      *peLang = i;
      return SQLITE_OK;
    }
  }
  return SQLITE_ERROR;
}

/* The message that argument lang (v) of zFunc is not a language. */
static char *notALanguage(sqlite3 *db, const char *zFunc, sqlite3_value *v){
  char *zWho = sqlite3_mprintf("%s()", zFunc);
  char *zMsg = zWho ? x1060NotAllowedValue(db, zWho, "lang", v,
      x1060TextOf(db, X1060_MSG_A_LANGUAGE),
      x1060TextOf(db, X1060_MSG_LANGUAGES)) : 0;
  sqlite3_free(zWho);
  return zMsg;
}

/* See x1060_int.h. */
int x1060LangArg(sqlite3 *db, sqlite3_value *v, const char *zFunc, int *pbJa,
                 char **pzErr){
  int rc;
  *pbJa = x1060ConnLanguage(db);
  if( v==0 || sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  rc = readLanguage(v, pbJa);
  if( rc!=SQLITE_ERROR ) return rc;
  *pzErr = notALanguage(db, zFunc, v);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/*
** x1060_language() gives the connection's language, 'en', 'ja' or
** 'ja-u-ca-japanese'; x1060_language(lang) sets it (those in any case, or
** 英語, 日本語, 和暦) and gives it.  NULL leaves it as it is.
*/
static void languageFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  int bJa = x1060ConnLanguage(db), rc = SQLITE_OK;
  if( argc==1 && sqlite3_value_type(argv[0])!=SQLITE_NULL ){
    rc = readLanguage(argv[0], &bJa);
    if( rc==SQLITE_OK ) rc = x1060ConnSetLanguage(db, bJa);
  }
  if( rc==SQLITE_ERROR ){
    char *zMsg = notALanguage(db, "x1060_language", argv[0]);
    x1060ResultError(ctx, zMsg ? rc : SQLITE_NOMEM, zMsg);
    sqlite3_free(zMsg);
  }else if( rc!=SQLITE_OK ){
    x1060ResultError(ctx, rc, 0);
  }else{
    sqlite3_result_text(ctx, x1060LangTag(bJa), -1, SQLITE_STATIC);
  }
}

/* Register x1060_language: not deterministic (it reads and sets the
** connection's state), DIRECTONLY when it sets (a schema's view or
** trigger must not change how the connection speaks). */
int x1060RegisterMessages(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_language", 0,
                               SQLITE_UTF8|SQLITE_INNOCUOUS, 0,
                               languageFunc, 0, 0);
  if( rc==SQLITE_OK ){
    rc = x1060CreateFunction(db, "x1060_language", 1,
                             SQLITE_UTF8|SQLITE_DIRECTONLY, 0,
                             languageFunc, 0, 0);
  }
  return rc;
}
