/*
** x1060: internal declarations shared by the extension's source files.
**
** Nothing here is part of the public interface (that is x1060.h).  Every
** symbol declared here is hidden, so that two extensions loaded into the same
** process with RTLD_GLOBAL cannot interpose each other's helpers.
**
** One section per source file, in the order of ext/LAYERS (bottom to top):
** a file uses only the sections above its own.
*/
#ifndef X1060_INT_H
#define X1060_INT_H

#include "sqlite3ext.h"
#include "x1060.h"
#include <stddef.h>

/* X1060_HIDDEN marks internal functions, X1060_DATA the declarations of
** internal data and X1060_DATA_DEF their definitions.  In the one-file
** distribution (tools/mkdist defines X1060_AMALGAMATION) they are static,
** so that nothing but the entry points is visible even when the file is
** linked into a program. */
#if defined(X1060_AMALGAMATION)
# define X1060_HIDDEN static
# define X1060_DATA static
# define X1060_DATA_DEF static
#elif defined(__GNUC__)
# define X1060_HIDDEN __attribute__((visibility("hidden")))
# define X1060_DATA extern X1060_HIDDEN
# define X1060_DATA_DEF
#else
# define X1060_HIDDEN
# define X1060_DATA extern
# define X1060_DATA_DEF
#endif

/* Oldest SQLite the extension runs on (3.40.0, Debian 12).  A test build
** raises it to prove that the refusal works. */
#ifndef X1060_MIN_SQLITE
# define X1060_MIN_SQLITE 3040000
#endif

/* The last slot of sqlite3_module, xIntegrity, exists from SQLite 3.44
** (X1060_HAVE_INTEGRITY: the headers have it): modules without one end
** their initializer with X1060_NO_INTEGRITY. */
#define X1060_INTEGRITY_SQLITE 3044000
#define X1060_HAVE_INTEGRITY (SQLITE_VERSION_NUMBER>=X1060_INTEGRITY_SQLITE)
#if X1060_HAVE_INTEGRITY
# define X1060_NO_INTEGRITY , 0
#else
# define X1060_NO_INTEGRITY
#endif
/* The flag of functions whose result carries a subtype (JSON: 'J'), which
** SQLite 3.45 asks for and older headers lack (0 there: no such check). */
#ifndef SQLITE_RESULT_SUBTYPE
# define SQLITE_RESULT_SUBTYPE 0x001000000
#endif


/* Rowids that pack two numbers, named once: hi<<bits | lo, and the two
** read back.  x1060_cdcs packs the schema's number and the CDC's id
** (X1060_CDCS_BITS), x1060_cdc_services the CDC's id and the service's
** seq_no (CDC_SEQ_BITS). */
#define X1060_PACK(hi, lo, bits) (((sqlite3_int64)(hi)<<(bits)) | (lo))
#define X1060_PACK_HI(r, bits) ((r)>>(bits))
#define X1060_PACK_LO(r, bits) ((r) & ((((sqlite3_int64)1)<<(bits))-1))
#define X1060_CDCS_BITS 32

/* The number of elements of array a. */
#define X1060_ARRAY_SIZE(a) ((int)(sizeof(a)/sizeof((a)[0])))

/* A number as a string literal (X1060_STR(100) is "100"). */
#define X1060_STR_(x) #x
#define X1060_STR(x) X1060_STR_(x)

/* Limits of what users write, named once. */
#define X1060_ID_MAX     64   /* characters of a custom service id */
#define X1060_LABEL_MAX 100   /* characters of a snapshot label */

/* A value: text, integer or NULL.  Whether z is owned depends on where
** the value lives (reference tables: static; CDC rows: owned). */
typedef struct X1060Value X1060Value;
struct X1060Value {
  int eType;              /* SQLITE_TEXT, _INTEGER, _FLOAT or SQLITE_NULL */
  sqlite3_int64 i;        /* the integer */
  double r;               /* the real number */
  const char *z;          /* the text, NUL-terminated */
};

/***************************************************************************
** Interface to code in text.c: UTF-8, control characters, values described
*/
X1060_HIDDEN int x1060Utf8CharLength(const unsigned char *z, int n);
X1060_HIDDEN int x1060IsControl(const unsigned char *z, int nc);
X1060_HIDDEN int x1060CleanText(const char *z, int n, const char *zAllowed);
X1060_HIDDEN int x1060Utf8Valid(const char *z, int n);
X1060_HIDDEN char *x1060DescribeValueIn(sqlite3_value*, int bJa);
X1060_HIDDEN char *x1060DescribeText(const char *z, int n);
/* The formats of the documents x1060 writes: text is escaped for each by
** x1060AppendEscaped so that nothing in it is live (markup, links,
** terminal escapes, bytes that are not UTF-8). */
#define X1060_FMT_MARKDOWN 0
#define X1060_FMT_HTML     1
#define X1060_FMT_JSON     2
X1060_HIDDEN void x1060AppendEscaped(sqlite3_str*, int eFmt, const char *z);
/* The same for the n bytes at z. */
X1060_HIDDEN void x1060AppendEscapedN(sqlite3_str*, int eFmt, const char *z,
                                      int n);

/***************************************************************************
** Interface to code in sqlbase.c: SQL, savepoints, results, messages
*/
/* Prepare zSql (from sqlite3_mprintf, freed here; NULL means out of
** memory) into *ppStmt: the one way x1060 prepares SQL it has built. */
X1060_HIDDEN int x1060Prepare(sqlite3*, char *zSql, sqlite3_stmt **ppStmt);

/* Run one statement zSql (from sqlite3_mprintf, freed here; NULL means
** out of memory) with text parameters ?1 and ?2 when not NULL, to its
** end.  Returns its result code. */
X1060_HIDDEN int x1060Exec(sqlite3*, char *zSql, const char *z1,
                           const char *z2);

/* The connection's state: what x1060 found sound.  x1060ConnNew links a
** new one for db (NULL on OOM), x1060ConnFree (a destructor: the
** registration that owns it calls it) unlinks and frees it.
** x1060ConnIsChecked says whether the storage of zSchema was found sound
** at schema cookie iCookie of the same file; x1060ConnSetChecked records
** it. */
typedef struct X1060Conn X1060Conn;
X1060_HIDDEN X1060Conn *x1060ConnNew(sqlite3*);
X1060_HIDDEN void x1060ConnFree(void*);
X1060_HIDDEN int x1060ConnIsChecked(sqlite3*, const char *zSchema,
                                    sqlite3_int64 iCookie);
X1060_HIDDEN int x1060ConnSetChecked(sqlite3*, const char *zSchema,
                                     sqlite3_int64 iCookie);
/* The connection's language (x1060_language()): an X1060_LANG_* (0,
** English, for a connection x1060 keeps nothing for, or db NULL).
** x1060ConnSetLanguage sets it (SQLITE_MISUSE: nothing kept for db). */
X1060_HIDDEN int x1060ConnLanguage(sqlite3*);
X1060_HIDDEN int x1060ConnSetLanguage(sqlite3*, int bJa);

/* A savepoint around what a function writes: Begin prepares SAVEPOINT,
** ROLLBACK TO and RELEASE first (so that undoing needs no memory) and runs
** the first; End, given the work's result rc, undoes when rc is an error,
** releases, and returns rc (or why it could not release, having undone).
** Not inside a statement that writes (SQLite refuses a savepoint then);
** zName NULL opens none (End then only returns rc), for work that such a
** statement's journal covers.
** Out of memory is the exception: SQLite fails every statement after it
** until the calling statement ends, so the undo cannot run; the
** transaction the savepoint began is then left open for the user's
** ROLLBACK (docs/formats.md, "Upgrading"). */
typedef struct X1060Savepoint X1060Savepoint;
struct X1060Savepoint { sqlite3_stmt *ap[3]; };
X1060_HIDDEN int x1060SavepointBegin(sqlite3*, const char *zName,
                                     X1060Savepoint*);
X1060_HIDDEN int x1060SavepointEnd(X1060Savepoint*, int rc);

/*
** A statement kept idle between uses, for one schema: the one pattern by
** which a virtual table keeps SQL it prepares per schema (its CDC or other
** keys bound anew at each use).  x1060IdleTake gives the idle statement
** of zSchema and leaves the slot empty, or NULL when it holds none for that
** schema; x1060IdleGive keeps pStmt (reset, bindings cleared) for zSchema,
** finalizing the one it replaces (or pStmt, when it cannot keep it);
** x1060IdleFree finalizes what is kept.
*/
typedef struct X1060Idle X1060Idle;
struct X1060Idle { char *zSchema; sqlite3_stmt *pStmt; };
X1060_HIDDEN sqlite3_stmt *x1060IdleTake(X1060Idle*, const char *zSchema);
X1060_HIDDEN void x1060IdleGive(X1060Idle*, const char *zSchema,
                                sqlite3_stmt *pStmt);
X1060_HIDDEN void x1060IdleFree(X1060Idle*);

/* Run zSql (owned, from sqlite3_mprintf; NULL is out of memory) and give
** its first row's first column as text in *pzOut (owned; NULL when there
** is no row, empty for a NULL value).  x1060QueryTextWith binds zBind
** (not NULL) to its parameter ?1 first. */
X1060_HIDDEN int x1060QueryText(sqlite3*, char *zSql, char **pzOut);
X1060_HIDDEN int x1060QueryTextWith(sqlite3*, char *zSql, const char *zBind,
                                    char **pzOut);

/* Make a function fail after rc: with message zErr when there is one, as
** out of memory for SQLITE_NOMEM, else with the connection's message. */
X1060_HIDDEN void x1060ResultError(sqlite3_context*, int rc, const char *zErr);
/* The result of a function that writes a document: text zOut (taken) with
** subtype iSubtype (0 for none) when rc is SQLITE_OK and zOut is not NULL,
** else the error (x1060ResultError, out of memory without zOut); zErr is
** freed. */
X1060_HIDDEN void x1060ResultDocument(sqlite3_context*, int rc, char *zOut,
                                      char *zErr, int iSubtype);

/* Registration (one function per source file).  x1060CreateFunction is
** sqlite3_create_function, except that a function of ours that exists
** already and cannot be replaced while SQL runs (SQLITE_BUSY: loading the
** extension again from SELECT load_extension()) is kept, not an error. */
X1060_HIDDEN int x1060CreateFunction(sqlite3*, const char*, int, int, void*,
    void (*)(sqlite3_context*,int,sqlite3_value**),
    void (*)(sqlite3_context*,int,sqlite3_value**),
    void (*)(sqlite3_context*));

/* Prepare zSql (NULL: out of memory) with sqlite3_prepare_v3's flags,
** which reads table zTable of schema zSchema: SQLITE_NOTFOUND (and no
** statement) when that table is not there (zTable NULL: never).  Whether a storage exists is
** asked this way. */
X1060_HIDDEN int x1060PrepareStorage(sqlite3*, const char *zSql,
                                     unsigned int flags, sqlite3_stmt**,
                                     const char *zSchema, const char *zTable);

/***************************************************************************
** Interface to code in messages.c: the message catalogue, the language
*/
/*
** The catalogue: every text x1060 says to users in words, as
** M(id, English, Japanese).  %1 .. %9 are filled by the arguments (text)
** in the order of their numbers; %% is %.  Japanese texts write canonical
** values as a Japanese user types them (the Japanese names; the English
** ones are accepted too) and use no English word of the vocabulary.
** SELECT * FROM x1060_messages lists it; tests/messages.test checks it.
*/
#define X1060_MESSAGES(M) \
  /* the one message of bad input (x1060NotAllowed) */ \
  M(IS_NOT_KIND, "is not %1", "は%1ではありません") \
  M(IS_NOT_ALLOWED, "is not allowed", "は使えません") \
  M(ALLOWED, "; allowed: %1", "。使えるもの：%1") \
  M(LIST_SEP, ", ", "、") \
  /* languages */ \
  M(A_LANGUAGE, "a language", "言語") \
  M(LANGUAGES, "'en', 'ja' or 'ja-u-ca-japanese' (Japanese, dates with the " \
    "era)", "'ja'（日本語）、'ja-u-ca-japanese'（日本語、日付は和暦）または " \
    "'en'（英語）") \
  /* vocabularies (x1060VocabularyAllowed) */ \
  M(VOCAB_NOTE, " (any case, or the Japanese name; see SELECT * FROM %1)", \
    "（英語名も使えます。大文字と小文字は区別しません。一覧：SELECT * FROM %1）") \
  M(VOCAB_NOTE_CODE, " (any case, the code, the name or the Japanese name; " \
    "see SELECT * FROM %1)", "（コード、英語名も使えます。大文字と小文字は" \
    "区別しません。一覧：SELECT * FROM %1）") \
  M(VOCAB_CODED, "%1 (%2)", "%1（%2）") \
  M(VOCAB_CODED_SEP, "; ", "、") \
  M(AN_X1060_SERVICE, "an X.1060 service", "X.1060 のサービス") \
  M(SERVICE_ALLOWED, "an id such as 'B-4' or a service name in English or " \
    "Japanese (list them: SELECT service_id, name, name_ja FROM " \
    "x1060_services)", "'B-4' のような ID、またはサービス名（日本語名か" \
    "英語名。一覧：SELECT service_id, name_ja, name FROM x1060_services）") \
  /* a CDC's columns (cdc_row.c) */ \
  M(K_TEXT, "text", "テキスト") \
  M(TEXT_OR_NULL, "text or NULL", "テキストまたは NULL") \
  M(HAS_NUL, "contains a NUL character; allowed: text without NUL", \
    "は NUL 文字を含みます。使えるもの：NUL 文字のないテキスト") \
  M(IS_EMPTY, "is empty; allowed: non-empty text", \
    "は空です。使えるもの：空でないテキスト") \
  M(HAS_CONTROL, "contains a control character or bytes that are not " \
    "UTF-8; allowed: printable UTF-8 text", "は制御文字か UTF-8 でない" \
    "バイトを含みます。使えるもの：表示できる UTF-8 のテキスト") \
  M(HAS_CONTROL_TEXT, "contains a control character or bytes that are not " \
    "UTF-8; allowed: printable UTF-8 text (tabs and line breaks too) or " \
    "NULL", "は制御文字か UTF-8 でないバイトを含みます。使えるもの：表示" \
    "できる UTF-8 のテキスト（タブと改行も可）または NULL") \
  M(TOO_LONG, "is too long; allowed: up to %1 characters", \
    "は長すぎます。使えるもの：%1文字まで") \
  M(A_CATEGORY, "a category", "カテゴリ") \
  M(CATEGORY_ALLOWED, "A, B, C, D, E, F, G, H, I or a category name (see " \
    "SELECT * FROM x1060_categories)", "A～I、またはカテゴリ名（日本語名か" \
    "英語名。一覧：SELECT * FROM x1060_categories）") \
  M(A_SCORE, "a score", "スコア") \
  M(SCORE_ALLOWED, "an integer 1..5, NULL (not assessed) or 'N/A' " \
    "(excluded from evaluation)", "1～5 の整数、NULL（未評価）または " \
    "'N/A'・'評価外'（評価の対象外）") \
  M(SCORE_OR_NULL, "an integer 1..5 or NULL", "1～5 の整数または NULL") \
  M(SCORE_OR_NA, "an integer 1..5 or 'N/A'", \
    "1～5 の整数、または 'N/A'・'評価外'") \
  M(A_RUBRIC, "a rubric", "評価基準（ルーブリック）") \
  M(RUBRIC_ALLOWED, "insourcing or outsourcing (a Combination is scored on " \
    "both, an Unassigned service on none)", "インソースまたはアウトソース" \
    "（併用のサービスは両方の基準で採点し、未割り当てのサービスは採点" \
    "しません）") \
  M(ZERO_OR_ONE, "0 or 1", "0 または 1") \
  M(FLAG_ALLOWED, "1 (excluded from evaluation, rubric N/A), 0 or NULL " \
    "(evaluated)", "1（評価の対象外、ルーブリックの N/A）、0 または NULL" \
    "（評価する）") \
  M(A_DATE, "a date", "日付") \
  M(DATE_ALLOWED, "a calendar date YYYY-MM-DD (ISO 8601) or NULL", \
    "YYYY-MM-DD 形式の暦日（ISO 8601。例：2026-12-07）または NULL") \
  M(A_PERCENTAGE, "a percentage", "百分率") \
  M(PERCENT_ALLOWED, "an integer 0..100", "0～100 の整数") \
  M(AN_AMOUNT, "an amount", "金額") \
  M(AMOUNT_ALLOWED, "a number from 0 to %1 or NULL", \
    "0～%1の数または NULL") \
  M(A_CURRENCY, "a currency", "通貨") \
  M(CURRENCY_ALLOWED, "a code of three letters (ISO 4217: JPY, USD, EUR...; " \
    "円 reads as JPY) or NULL", "3 文字の通貨コード（ISO 4217。JPY、USD、" \
    "EUR など。「円」は JPY）または NULL") \
  M(IS_COMPUTED, "is computed by x1060 and cannot be written", \
    "は x1060 が計算する値で、書き込めません") \
  /* x1060_score (score.c) */ \
  M(RUBRIC_QUESTION, "a question of the %1 rubric", \
    "%1の評価基準の質問") \
  M(MUST_BE_WORD, "\"%1\" must be \"%2\", \"%3\" or \"%4\"", \
    "\"%1\" は \"%2\"、\"%3\"、\"%4" \
    "\" のいずれかです") \
  M(MUST_BE_BOOL, "\"%1\" must be true or false", \
    "\"%1\" は true か false です") \
  M(RUBRIC_NEEDS, "the %1 rubric needs \"%2\" (%3): %4", \
    "%1の評価基準には \"%2\"（%3）が必要です：%4") \
  M(NONE_PARTIAL_FULL, "none, partial or full", \
    "none、partial、full のいずれか") \
  M(TRUE_OR_FALSE, "true or false", \
    "true か false") \
  M(IMPOSSIBLE, "impossible answers: %1", \
    "ありえない回答の組み合わせです：%1") \
  M(EXCLUDED_ALONE, "\"excluded\": true (decided not to implement) goes with" \
    " no other answer", \
    "\"excluded\": true（実施しないと決めた" \
    "）には、ほかの回答を付けられません") \
  M(APPROVED_NEEDS_DOC, "\"approved\": true needs \"documented\": true (only a" \
    " documented operation can be authorised)", \
    "\"approved\": true には \"docu" \
    "mented\": true が必要です（承認できるのは" \
    "明文化された運用だけです）") \
  M(EXPECTED_NEEDS, "\"as_expected\": true needs \"content_understood\" and" \
    " \"output_understood\": true (what is expected must be" \
    " understood)", \
    "\"as_expected\": true には \"c" \
    "ontent_understood\" と \"outp" \
    "ut_understood\" が true であること" \
    "が必要です（期待する内容を理解していなければなりません）") \
  M(COMBINATION_FORM, "a Combination is answered as {\"insourcing\": {...}," \
    " \"outsourcing\": {...}}; %1 is not allowed there", \
    "併用のサービスの回答は {\"insourcing\":" \
    " {...}, \"outsourcing\": {.." \
    ".}} の形です。そこに%1は使えません") \
  M(COMBINATION_BOTH, "a Combination needs the answers of both rubrics; \"%1\"" \
    " is missing", \
    "併用のサービスには両方の評価基準の回答が必要です。\"%" \
    "1\" がありません") \
  M(ANSWERS_NOT_JSON, "the answers are not valid JSON: %1", \
    "回答が正しい JSON ではありません：%1") \
  M(ANSWERS_NOT_OBJECT, "the answers must be a JSON object, e.g. '{\"working\":" \
    " true, ...}'", \
    "回答は JSON のオブジェクトです（例：'{\"wor" \
    "king\": true, ...}'）") \
  M(ANSWERS_NOT_TEXT, "the answers must be a JSON object as text, e.g." \
    " '{\"working\": true, ...}'", \
    "回答はテキストの JSON オブジェクトです（例：'{" \
    "\"working\": true, ...}'）") \
  M(NO_RUBRIC, "%1 has no rubric; allowed: Insourcing, Outsourcing," \
    " Combination (an Unassigned service has nobody whose" \
    " work could be assessed)", \
    "%1には評価基準がありません。使えるもの：インソース、" \
    "アウトソース、併用（未割り当てのサービスには、評価できる" \
    "仕事をする人がいません）") \
  /* JSON input (jsonread.c): %1 is where, in characters from 1 */ \
  M(JSON_CONTROL, "a control character inside a string at character %1", \
    "%1文字目：文字列の中に制御文字があります") \
  M(JSON_BAD_U, "a bad \\u escape at character %1", \
    "%1文字目：\\u エスケープが正しくありません") \
  M(JSON_NUL_IN_STRING, "a NUL character inside a string at character %1", \
    "%1文字目：文字列の中に NUL 文字があります") \
  M(JSON_BAD_ESCAPE, "a bad escape at character %1", \
    "%1文字目：エスケープが正しくありません") \
  M(JSON_UNTERMINATED, "an unterminated string at character %1", \
    "%1文字目：文字列が閉じていません") \
  M(JSON_MISSING_VALUE, "a missing value at character %1", \
    "%1文字目：値がありません") \
  M(JSON_TOO_DEEP, "nesting too deep at character %1", \
    "%1文字目：入れ子が深すぎます") \
  M(JSON_TOO_MANY, "too many values at character %1", \
    "%1文字目：値が多すぎます") \
  M(JSON_MISSING_KEY, "a missing key at character %1", \
    "%1文字目：キーがありません") \
  M(JSON_MISSING_COLON, "a missing ':' at character %1", \
    "%1文字目：':' がありません") \
  M(JSON_MISSING_BRACE, "a missing ',' or '}' at character %1", \
    "%1文字目：',' か '}' がありません") \
  M(JSON_MISSING_BRACKET, "a missing ',' or ']' at character %1", \
    "%1文字目：',' か ']' がありません") \
  M(JSON_ARRAY_ANSWER, "an array (answers are true, false or words) at" \
    " character %1", \
    "%1文字目：配列は使えません（回答は true、fal" \
    "se または語です）") \
  M(JSON_UNEXPECTED, "an unexpected character at character %1", \
    "%1文字目：ここには置けない文字があります") \
  M(JSON_NUL, "a NUL character at character %1", \
    "%1文字目：NUL 文字があります") \
  M(JSON_TRAILING, "text after the value at character %1", \
    "%1文字目：値のあとに余分なテキストがあります") \
  M(JSON_NOT_UTF8, "bytes that are not UTF-8 inside a string at character %1", \
    "%1文字目：文字列の中に UTF-8 でないバイトがあ" \
    "ります") \
  M(JSON_NUL_ESCAPE, "a NUL character (\\u0000) inside a string at character" \
    " %1; allowed: text without NUL, as SQL text is", \
    "%1文字目：文字列の中に NUL 文字（\\u0000" \
    "）があります。使えるもの：SQL のテキストと同じく N" \
    "UL 文字のないテキスト") \
  M(JSON_LOW_SURROGATE, "a lone surrogate (\\uDC00..\\uDFFF) inside a string at" \
    " character %1; allowed: a character, or a surrogate pair", \
    "%1文字目：文字列の中に対のない下位サロゲート（\\u" \
    "DC00..\\uDFFF）があります。使えるもの：文字" \
    "、またはサロゲートペア") \
  M(JSON_HIGH_SURROGATE, "a lone surrogate (\\uD800..\\uDBFF) inside a string at" \
    " character %1; allowed: a character, or a surrogate pair", \
    "%1文字目：文字列の中に対のない上位サロゲート（\\u" \
    "D800..\\uDBFF）があります。使えるもの：文字" \
    "、またはサロゲートペア") \
  M(JSON_BAD_NUMBER, "a bad number at character %1", \
    "%1文字目：数が正しくありません") \
  M(JSON_KEY_TWICE, "the key \"%1\" appears twice; allowed: each key once", \
    "キー \"%1\" が 2 回あります。使えるもの：各キ" \
    "ー 1 回") \
  /* x1060_assess (assess.c) */ \
  M(ITS_SERVICES, "one of its services", \
    "この CDC のサービス") \
  M(SERVICE_ID_ALLOWED, "an Annex A id such as 'D-2', or a custom service's id", \
    "'D-2' のような附属書 A の ID、または独自サー" \
    "ビスの ID") \
  M(EVIDENCE_BAD, "the evidence: %1; allowed: NULL, or an object of the" \
    " answers' keys, each with a reference (text), e.g." \
    " {\"documented\": \"wiki: runbook v3\"}", \
    "根拠（evidence）：%1。使えるもの：NULL、ま" \
    "たは回答のキーごとに参照（テキスト）を持つオブジェクト（" \
    "例：{\"documented\": \"wiki: r" \
    "unbook v3\"}）") \
  M(EVIDENCE_NOT_OBJECT, "is not a JSON object", \
    "JSON のオブジェクトではありません") \
  M(EVIDENCE_NOT_REF, "%1 is not a reference (non-empty text)", \
    "%1は参照（空でないテキスト）ではありません") \
  M(EVIDENCE_NOT_ANSWER, "%1 is not an answer given", \
    "%1は与えられた回答にありません") \
  M(ASSESS_NO_RUBRIC, "%1 of %2 is %3: it has no rubric to answer; allowed: a" \
    " service assigned Insourcing, Outsourcing or Combination", \
    "%2の%1は%3で、回答する評価基準がありません。" \
    "使えるもの：実施体制がインソース、アウトソース、併用のサ" \
    "ービス") \
  M(NOT_ASSIGNED, "not assigned", \
    "実施体制が未定") \
  M(ANSWERS, "answers", \
    "回答") \
  M(ANSWERS_ALLOWED, "a JSON object as x1060_score reads it", \
    "x1060_score が読む形の JSON オブジェク" \
    "ト") \
  M(ASSESS_ANSWERS_BOTH, "the answers of %1 (%2) on both rubrics: %3", \
    "%1（%2）の両方の評価基準への回答：%3") \
  M(ASSESS_ANSWERS_ONE, "the answers of %1 (%2) on the %3 rubric: %4", \
    "%1（%2）の%3の評価基準への回答：%4") \
  M(AN_ASSESSMENT, "an assessment", \
    "評価（assessment）") \
  M(ASSESSMENT_ALLOWED, "a JSON object of service_id, side, answers and" \
    " evidence, or the four as arguments", \
    "service_id、side、answers、evid" \
    "ence を持つ JSON オブジェクト、またはこの四つ" \
    "を引数で") \
  M(ASSESS_ARGS, "takes (cdc, service, side, answers [, evidence]) or" \
    " (cdc, json_object)", \
    "引数は (cdc, service, side, ans" \
    "wers [, evidence]) か (cdc, j" \
    "son_object) です") \
  M(SIDES_ALLOWED, "'as_is' (or 'as-is', 現状) or 'to_be' (or 'to-be', 目標)", \
    "'現状'（'as_is'、'as-is'）または '目標" \
    "'（'to_be'、'to-be'）") \
  M(THE_SERVICE, "the service", \
    "そのサービス") \
  M(THE_CDC, "the CDC", \
    "その CDC") \
  /* filters of x1060_benchmark and x1060_overview (benchmark.c) */ \
  M(FILTER_ALLOWED_PEERS, "a JSON object with any of \"sector\", \"size\"," \
    " \"region\" (a value or an array of values: CDCs with" \
    " any of them), \"schema\" (the schema whose CDCs are" \
    " the peers) and \"min_peers\" (an integer from 1," \
    " default %1)", \
    "\"sector\"、\"size\"、\"region" \
    "\"（値か値の配列：そのいずれかを持つ CDC）、\"s" \
    "chema\"（比較相手の CDC がいるスキーマ）、" \
    "\"min_peers\"（1 以上の整数、既定は%1" \
    "）を持てる JSON オブジェクト") \
  M(FILTER_ALLOWED_OVERVIEW, "a JSON object with any of \"sector\", \"size\"," \
    " \"region\" (a value or an array of values: CDCs with" \
    " any of them), \"schema\" (the schema whose CDCs are" \
    " shown, default main) and \"page\" (from 1)," \
    " \"page_size\" (1 to %1, default %2)", \
    "\"sector\"、\"size\"、\"region" \
    "\"（値か値の配列：そのいずれかを持つ CDC）、\"s" \
    "chema\"（表示する CDC のスキーマ、既定は m" \
    "ain）、\"page\"（1 から）、\"page_s" \
    "ize\"（1～%1、既定は%2）を持てる JSON " \
    "オブジェクト") \
  M(ATTRIBUTE_ALLOWED, "a value of SELECT value FROM x1060_attribute_values" \
    " WHERE attribute=... (any case, its code or Japanese" \
    " name), or an array of them", \
    "SELECT name_ja, value FROM x1060_attribute_values " \
    "WHERE attribute=... の値（日本語名、コード、英語名。" \
    "大文字と小文字は区別しません）、またはその配列") \
  M(A_VALUE, "a value", \
    "値") \
  M(AT_LEAST_ONE_VALUE, "at least one value", \
    "一つ以上の値") \
  M(A_SCHEMA_WITH_CDCS, "a schema with CDCs", \
    "CDC のあるスキーマ") \
  M(SCHEMA_WITH_CDCS_ALLOWED, "the name of an attached database that holds CDCs" \
    " (SELECT DISTINCT schema FROM x1060_cdcs)", \
    "CDC を持つ、接続済みのデータベースの名前（SELEC" \
    "T DISTINCT schema FROM x1060" \
    "_cdcs）") \
  M(A_FILTER_OF_CDCS, "a filter of CDCs", \
    "CDC の絞り込み条件") \
  M(A_FILTER_OF_PEERS, "a filter of peers", \
    "比較相手の絞り込み条件") \
  /* the CDC tables (cdc.c) */ \
  M(REFUSED, "%1: %2 of service %3: %4 %5", \
    "%1：サービス%3の%2：%4 %5") \
  M(REFUSED_NEW, "%1: %2 of new service %3: %4 %5", \
    "%1：新しいサービス%3の%2：%4 %5") \
  M(HINT_AXES, "set information and expertise instead", \
    "代わりに information と expertise" \
    " を設定してください") \
  M(HINT_SCORES, "set assignment, as_is, to_be or excluded instead", \
    "代わりに assignment、as_is、to_be、" \
    "excluded を設定してください") \
  M(HINT_CUSTOM, "custom services are the ones added with INSERT", \
    "独自サービスとは INSERT で加えたサービスのことで" \
    "す") \
  M(HINT_STAMP, "x1060 sets it on every change", \
    "変更のたびに x1060 が設定します") \
  M(ID_NEEDED, "is not allowed; a service needs an id, such as 'X-1'", \
    "は使えません。サービスには 'X-1' のような ID " \
    "が必要です") \
  M(ID_RESERVED, "is reserved: ids of the form A-1 .. I-99 belong to" \
    " Annex A, and this one is not an Annex A service;" \
    " allowed: another id, such as 'X-1'", \
    "は予約されています。A-1～I-99 の形の ID は附" \
    "属書 A のもので、これは附属書 A のサービスではあり" \
    "ません。使えるもの：'X-1' のような別の ID") \
  M(DERIVED_READ_ONLY, "cannot be written: %1 is derived and read-only; %2", \
    "は書き込めません：%1は計算される読み取り専用の列です" \
    "。%2") \
  M(ANNEX_ID_FIXED, "cannot replace the id of an Annex A service; allowed:" \
    " the id '%1'", \
    "は使えません。附属書 A のサービスの ID は変え" \
    "られません。使えるもの：ID '%1'") \
  M(ANNEX_COLUMN_FIXED, "cannot be written: %1 is an Annex A service, whose %2" \
    " is X.1060's (only custom services have their own" \
    " category and names)", \
    "は書き込めません：%1は附属書 A のサービスで、%2" \
    "は X.1060 の定めたものです（カテゴリと名前を自" \
    "分で持てるのは独自サービスだけです）") \
  M(CUSTOM_NEEDS, "is not allowed; a custom service needs a %1", \
    "は使えません。独自サービスには%1が必要です") \
  M(ID_TAKEN, "UNIQUE constraint failed: %1.service_id (service %2" \
    " exists)", \
    "UNIQUE constraint failed: %1" \
    ".service_id（サービス%2はすでにあります" \
    "）") \
  M(ID_TAKEN_INSERT, "UNIQUE constraint failed: %1.service_id (service %2" \
    " exists; UPDATE it, or INSERT OR REPLACE)", \
    "UNIQUE constraint failed: %1" \
    ".service_id（サービス%2はすでにあります" \
    "。UPDATE するか、INSERT OR REPLAC" \
    "E を使ってください）") \
  M(NO_ROOM, "%1: no room for another custom service (at most %2" \
    " services in a CDC)", \
    "%1：独自サービスをこれ以上加えられません（一つの CD" \
    "C のサービスは%2まで）") \
  M(ROWID_GIVEN, "%1: the rowid of a service is given by x1060; leave" \
    " rowid out of the INSERT", \
    "%1：サービスの rowid は x1060 が決めます" \
    "。INSERT では rowid を省いてください") \
  M(ANNEX_MISSING, "%1: Annex A service %2 is missing from its storage;" \
    " SELECT x1060_integrity('%3') lists every problem", \
    "%1：附属書 A のサービス%2が格納先にありません" \
    "。SELECT x1060_integrity('%3'" \
    ") ですべての問題を一覧できます") \
  M(ANNEX_NOT_DELETED, "%1: service %2 is an Annex A service and cannot be" \
    " deleted; to leave it out of the catalogue, set level =" \
    " 'Unnecessary'", \
    "%1：サービス%2は附属書 A のサービスで、削除で" \
    "きません。カタログから外すには level = '不要'" \
    " にしてください") \
  M(ROWID_FIXED, "%1: the rowid of service %2 cannot be changed", \
    "%1：サービス%2の rowid は変えられません") \
  M(A_CDC_OF_SCHEMA, "a CDC of schema %1", \
    "スキーマ%1の CDC") \
  M(CDC_NAME_ALLOWED, "the name of one (SELECT name FROM x1060_cdcs); make one" \
    " with INSERT INTO x1060_cdcs(name, org) VALUES (...)", \
    "その名前（SELECT name FROM x1060_" \
    "cdcs）。新しく作るには INSERT INTO x1" \
    "060_cdcs(name, org) VALUES (" \
    "...)") \
  M(SEQ_GIVEN, "%1: the seq_no of a service is given by x1060; leave" \
    " seq_no out of the INSERT", \
    "%1：サービスの seq_no は x1060 が決めま" \
    "す。INSERT では seq_no を省いてください") \
  M(NO_MOVE, "%1: a service cannot move to another CDC (cdc stays %2)", \
    "%1：サービスはほかの CDC に移せません（cdc は" \
    "%2のままです）") \
  M(SEQ_FIXED, "%1: the seq_no and rowid of a service cannot be changed", \
    "%1：サービスの seq_no と rowid は変えら" \
    "れません") \
  /* improvement actions (actions.c) */ \
  M(ACT_REFUSED_COL, "%1: %2 of %3: %4", \
    "%1：%3の%2：%4") \
  M(ACT_REFUSED_ROW, "%1: %2: %3", \
    "%1：%2：%3") \
  M(ACTION_N, "action %1", \
    "改善アクション%1") \
  M(NEW_ACTION, "a new action", \
    "新しい改善アクション") \
  M(ACT_NOT_CDC_NAME, "is not a CDC's name; allowed: the name of a CDC (SELECT" \
    " name FROM x1060_cdcs)", \
    "は CDC の名前ではありません。使えるもの：CDC の" \
    "名前（SELECT name FROM x1060_cd" \
    "cs）") \
  M(ACT_WRONG_CATEGORY, "'%1' is not allowed: service %2 is of category %3;" \
    " allowed: %3 or NULL", \
    "'%1' は使えません：サービス%2のカテゴリは %" \
    "3 です。使えるもの：%3または NULL") \
  M(ACT_NOT_SERVICE, "'%1' is not a service of %2; allowed: an id of its" \
    " services (SELECT service_id FROM x1060_cdc_services" \
    " WHERE cdc = '%3'), or NULL for an action on a category" \
    " or the whole CDC", \
    "'%1' は%2のサービスではありません。使えるもの" \
    "：そのサービスの ID（SELECT service_i" \
    "d FROM x1060_cdc_services WH" \
    "ERE cdc = '%3'）、またはカテゴリや CDC" \
    " 全体への改善アクションなら NULL") \
  M(ACT_TITLE_NULL, "NULL is not allowed; allowed: non-empty text saying" \
    " what is done", \
    "NULL は使えません。使えるもの：何をするかを書いた空" \
    "でないテキスト") \
  M(ACT_PROGRESS_DONE, "%1 is not allowed for an action done; allowed: 100", \
    "%1は完了した改善アクションには使えません。使えるもの" \
    "：100") \
  M(ACT_COMPLETED_EARLY, "'%1' is not allowed while the status is %2; allowed:" \
    " NULL (an action done gets its date)", \
    "状態が「%2」のあいだは '%1' を使えません。使える" \
    "もの：NULL（完了すると日付が入ります）") \
  M(ACT_DUE_BEFORE, "'%1' is not allowed: it is before started (%2);" \
    " allowed: started or later", \
    "'%1' は使えません：開始日（%2）より前です。使える" \
    "もの：開始日以降の日付") \
  M(ACT_CURRENCY_NEEDED, "NULL is not allowed when cost is set; allowed: a code" \
    " of three letters (ISO 4217: JPY, USD, EUR...)", \
    "cost があるときは NULL を使えません。使えるも" \
    "の：3 文字の通貨コード（ISO 4217。JPY、US" \
    "D、EUR など）") \
  M(ACT_WRITE_FAILED, "x1060_actions: cannot write %1's action: %2", \
    "x1060_actions：%1の改善アクションを書き" \
    "込めません：%2") \
  M(AN_ACTION_NUMBER, "an action number", \
    "改善アクションの番号") \
  M(ACTION_NUMBER_ALLOWED, "an integer 1..%1 or NULL (the next number)", \
    "1～%1の整数、または NULL（次の番号）") \
  M(ACT_ID_TAKEN, "is taken; allowed: a number %1 does not use yet, or" \
    " NULL (the next)", \
    "は使用済みです。使えるもの：%1がまだ使っていない番号" \
    "、または NULL（次の番号）") \
  M(ACT_STAYS, "cannot be written: an action stays where it is and" \
    " keeps its number (insert a new one and delete this one" \
    " to move it)", \
    "は書き込めません：改善アクションは今の場所と番号を保ちま" \
    "す（移すには、新しく INSERT してからこれを削除し" \
    "てください）") \
  M(ACT_COMPUTED, "cannot be written: it is computed (overdue from status" \
    " and due, phase from the service or category)", \
    "は書き込めません：計算される値です（overdue は " \
    "status と due から、phase はサービスか" \
    "カテゴリから）") \
  M(ACT_COMPUTED_NULL, "is computed and cannot be written; allowed: NULL", \
    "は計算される値で、書き込めません。使えるもの：NULL") \
  /* CDCs by name (cdc_admin.c, store.c, cdcs.c) */ \
  M(FORMAT1_CDC, "%1(): %2 is a CDC table of format 1 (x1060 0.2.0);" \
    " convert every CDC of its schema, keeping all data," \
    " with SELECT x1060_upgrade(%3)", \
    "%1(): %2は形式 1（x1060 0.2.0）の" \
    " CDC テーブルです。SELECT x1060_upg" \
    "rade(%3) で、データをすべて保ったまま、そのスキ" \
    "ーマの CDC をすべて変換してください") \
  M(ORPHAN_CDC, "%1(): %2 is damaged: the CDC table %3 has no row in the" \
    " storage (x1060_store_cdc); DROP TABLE %3 removes it," \
    " and SELECT x1060_integrity of the others tells if more" \
    " is lost", \
    "%1(): %2は壊れています：CDC テーブル%3" \
    "に対応する行が格納先（x1060_store_cdc）" \
    "にありません。DROP TABLE %3で削除でき、ほ" \
    "かの CDC の SELECT x1060_integr" \
    "ity で、ほかに失われたものがあるかがわかります") \
  M(NOT_A_CDC, "%1(): %2 is not a CDC (one made with CREATE VIRTUAL" \
    " TABLE ... USING x1060 or INSERT INTO x1060_cdcs); list" \
    " them: SELECT name FROM x1060_cdcs", \
    "%1(): %2は CDC ではありません（CDC は" \
    " CREATE VIRTUAL TABLE ... US" \
    "ING x1060 か INSERT INTO x106" \
    "0_cdcs で作ったもの）。一覧：SELECT nam" \
    "e FROM x1060_cdcs") \
  M(A_SNAPSHOT_LABEL, "a snapshot label", \
    "スナップショットのラベル") \
  M(LABEL_ALLOWED, "printable text of 1 to %1 characters other than" \
    " 'current' (which stands for the table as it is now)", \
    "1～%1文字の表示できるテキスト（'current' " \
    "は今の表を指すので使えません）") \
  M(LABEL_ALLOWED_TRIMMED, "printable text of 1 to %1 characters other than" \
    " 'current' (which stands for the table as it is now)," \
    " without surrounding spaces", \
    "前後に空白のない、1～%1文字の表示できるテキスト（'" \
    "current' は今の表を指すので使えません）") \
  M(SNAPSHOT_EXISTS, "x1060_snapshot(): %1 has a snapshot labelled %2 already" \
    " (taken %3); choose another label", \
    "x1060_snapshot(): %1にはラベル %" \
    "2 のスナップショットがすでにあります（%3に作成）。" \
    "別のラベルにしてください") \
  M(SNAPSHOT_FAILED, "x1060_snapshot(): cannot write the snapshot of %1: %2", \
    "x1060_snapshot(): %1のスナップショ" \
    "ットを書き込めません：%2") \
  M(SETTING_KEYS, "the setting %1; the attributes %2", \
    "設定%1、属性%2") \
  M(SETTING_DEFAULT, "'%1' (default %2)", \
    "'%1'（既定%2）") \
  M(A_SETTING_OR_ATTRIBUTE, "a setting or an attribute", \
    "設定または属性") \
  M(SETTINGS_OBJECT, "a JSON object of settings", \
    "設定の JSON オブジェクト") \
  M(SETTINGS_ALLOWED, "{\"short_effort_max\": 10}, or the key and the value as" \
    " two arguments", \
    "{\"short_effort_max\": 10}、ま" \
    "たはキーと値を二つの引数で") \
  M(A_CDC_NAME, "a CDC name", \
    "CDC の名前") \
  M(CDC_NAME_RULE, "1 to %1 bytes of printable UTF-8 without a dot, control" \
    " or bidirectional-override characters or surrounding" \
    " spaces, not beginning with x1060_ or sqlite_", \
    "1～%1バイトの表示できる UTF-8（ドット、制御文" \
    "字、双方向の上書き文字、前後の空白を含まず、x1060_" \
    " や sqlite_ で始まらないもの）") \
  M(ORG_RULE, "printable UTF-8 text of 1 to %1 bytes (no control" \
    " characters)", \
    "1～%1バイトの表示できる UTF-8 のテキスト（制" \
    "御文字なし）") \
  M(CDC_EXISTS, "x1060: a CDC named %1 exists in schema %2 already;" \
    " choose another name (list them: SELECT name FROM" \
    " x1060_cdcs)", \
    "x1060：スキーマ%2には%1という名前の C" \
    "DC がすでにあります。別の名前にしてください（一覧：S" \
    "ELECT name FROM x1060_cdcs）") \
  M(CDC_CREATE_FAILED, "x1060: cannot create CDC %1: %2", \
    "x1060：CDC %1を作れません：%2") \
  M(ONE_OF_X1060S, "one of x1060's", \
    "x1060 のコマンド") \
  M(CDCS_COMMANDS, "'snapshot' (name, argument: the label), 'import' (name," \
    " argument: the JSON document), 'set' (name, argument: a" \
    " JSON object of settings), 'assess' (name, argument: a" \
    " JSON object of service_id, side, answers, evidence) or" \
    " 'publish' (schema, default main)", \
    "'snapshot'（name、argument：ラベル" \
    "）、'import'（name、argument：JSO" \
    "N 文書）、'set'（name、argument：設定" \
    "の JSON オブジェクト）、'assess'（name" \
    "、argument：service_id、side、an" \
    "swers、evidence の JSON オブジェクト" \
    "）、'publish'（schema、既定は main）") \
  M(CDCS_TAKES_NO, "x1060_cdcs: command '%1' takes no %2; allowed: %3", \
    "x1060_cdcs：コマンド '%1' は%2を取" \
    "りません。使えるもの：%3") \
  M(CDCS_COLUMN_X1060S, "x1060_cdcs: column %1 is x1060's; give only schema," \
    " name and org (a CDC of kind 'table' is made with" \
    " CREATE VIRTUAL TABLE ... USING x1060)", \
    "x1060_cdcs：列%1は x1060 が決めま" \
    "す。schema、name、org だけを指定してくださ" \
    "い（種類 'table' の CDC は CREATE " \
    "VIRTUAL TABLE ... USING x106" \
    "0 で作ります）") \
  M(CDCS_COLUMN_X1060S_ARG, "x1060_cdcs: column %1 is x1060's; give only schema," \
    " name and org (a CDC of kind 'table' is made with" \
    " CREATE VIRTUAL TABLE ... USING x1060), or a command" \
    " with its argument", \
    "x1060_cdcs：列%1は x1060 が決めま" \
    "す。schema、name、org だけか、コマンドとそ" \
    "の引数を指定してください（種類 'table' の CD" \
    "C は CREATE VIRTUAL TABLE ..." \
    " USING x1060 で作ります）") \
  M(ATTACHED, "attached", \
    "接続済みのデータベース") \
  M(SCHEMA_ALLOWED, "main, temp or the name of an attached database", \
    "main、temp、または接続済みのデータベースの名前") \
  M(CDCS_READ_ONLY_COLUMN, "x1060_cdcs: column %1 is x1060's and cannot be written;" \
    " allowed: name and org", \
    "x1060_cdcs：列%1は x1060 が決める" \
    "もので、書き込めません。使えるもの：name と org") \
  M(CDCS_COMMAND_INSERT, "x1060_cdcs: a command is run with INSERT INTO" \
    " x1060_cdcs(command, ...), not with UPDATE", \
    "x1060_cdcs：コマンドは UPDATE ではなく" \
    " INSERT INTO x1060_cdcs(comm" \
    "and, ...) で実行します") \
  M(CDCS_NO_MOVE, "x1060_cdcs: a CDC cannot move to another schema (export" \
    " it and import it there)", \
    "x1060_cdcs：CDC はほかのスキーマに移せませ" \
    "ん（エクスポートして、移す先でインポートしてください）") \
  M(CDCS_REPLACE_TABLE, "x1060_cdcs: OR REPLACE would remove CDC %1, which has a" \
    " table of its own; remove it first with DROP TABLE" \
    " \"%2\"", \
    "x1060_cdcs：OR REPLACE は、自分のテ" \
    "ーブルを持つ CDC %1を削除することになります。先" \
    "に DROP TABLE \"%2\" で削除してくださ" \
    "い") \
  M(CDCS_RENAME_TABLE, "x1060_cdcs: %3 has a table of its own; rename it with" \
    " ALTER TABLE \"%2\" RENAME TO ...", \
    "x1060_cdcs：%3は自分のテーブルを持っていま" \
    "す。ALTER TABLE \"%2\" RENAME " \
    "TO ... で名前を変えてください") \
  M(CDCS_NAME_TAKEN, "x1060_cdcs: a CDC named %1 exists already; choose" \
    " another name", \
    "x1060_cdcs：%1という名前の CDC はすで" \
    "にあります。別の名前にしてください") \
  M(CDCS_DAMAGED, "x1060_cdcs: this CDC is damaged (its damage column says" \
    " why); x1060 writes nothing of it: DROP TABLE removes a" \
    " CDC table, SELECT x1060_integrity of the others tells" \
    " what else is wrong", \
    "x1060_cdcs：この CDC は壊れています（理由" \
    "は damage 列にあります）。x1060 はこの C" \
    "DC に何も書き込みません。CDC テーブルは DROP" \
    " TABLE で削除でき、ほかの CDC の SELEC" \
    "T x1060_integrity で、ほかの問題がわか" \
    "ります") \
  M(CDCS_DROP_TABLE, "x1060_cdcs: %3 has a table of its own; remove it with" \
    " DROP TABLE \"%2\"", \
    "x1060_cdcs：%3は自分のテーブルを持っていま" \
    "す。DROP TABLE \"%2\" で削除してくださ" \
    "い") \
  M(CDCS_ROWID, "x1060_cdcs: the rowid of a CDC is x1060's", \
    "x1060_cdcs：CDC の rowid は x10" \
    "60 が決めます") \
  /* analysis functions (evaluate.c) */ \
  M(A_SHARE, "a share", \
    "割合") \
  M(SHARE_ALLOWED, "a number above 0 and at most 1 (default 0.5)", \
    "0 より大きく 1 以下の数（既定は 0.5）") \
  M(A_CROSSWALK, "a crosswalk", \
    "対応表（クロスウォーク）") \
  M(CROSSWALK_ALLOWED, "'csf' (NIST CSF 2.0), 'first' (FIRST CSIRT Services" \
    " Framework 2.1) or NULL for both", \
    "'csf'（NIST CSF 2.0）、'first'（" \
    "FIRST CSIRT Services Framewo" \
    "rk 2.1）、または両方なら NULL") \
  M(NOT_A_SNAPSHOT, "%1(): %2 is not a snapshot of %3; allowed: %4", \
    "%1(): %2は%3のスナップショットではありま" \
    "せん。使えるもの：%4") \
  M(SNAPSHOT_LABELS, "a snapshot label: %1", \
    "スナップショットのラベル：%1") \
  M(SNAPSHOT_LABELS_CURRENT, "'current' or a snapshot label: %1", \
    "'current'、またはスナップショットのラベル：%1") \
  M(NO_SNAPSHOTS, "a snapshot label (there are none yet; take one with" \
    " x1060_snapshot)", \
    "スナップショットのラベル（まだありません。x1060_s" \
    "napshot で作ってください）") \
  M(NO_SNAPSHOTS_CURRENT, "'current' or a snapshot label (there are none yet; take" \
    " one with x1060_snapshot)", \
    "'current'、またはスナップショットのラベル（まだ" \
    "ありません。x1060_snapshot で作ってくださ" \
    "い）") \
  /* documents (library.c, oscal.c, report.c) */ \
  M(A_FORMAT, "a format", \
    "形式") \
  M(LIBRARY_FORMATS, "'ciso-assistant' (with or without a CDC), " \
    "'ciso-assistant-mapping', or with a CDC 'ciso-assistant-audit'", \
    "'ciso-assistant'（CDC は任意）、'ciso-assistant-m" \
    "apping'、または CDC を指定して 'ciso-assistant-a" \
    "udit'") \
  M(REPORT_FORMATS, "'markdown', 'html' or 'json'", \
    "'markdown'、'html'、'json' のいず" \
    "れか") \
  M(AN_OSCAL_DOCUMENT, "an OSCAL document x1060 writes", \
    "x1060 が書く OSCAL の文書") \
  M(OSCAL_DOCUMENTS, "'catalog' (with or without a CDC), 'mapping', or with" \
    " a CDC 'assessment-results' or 'poam'", \
    "'catalog'（CDC は任意）、'mapping'、または" \
    " CDC を指定して 'assessment-results' か 'poam'") \
  M(DOC_NO_CDC, "%1(): the %2 document is the framework's and takes no" \
    " CDC; call it as %1('%2')", \
    "%1(): %2 の文書はフレームワークのもので、CDC を" \
    "取りません。%1('%2') と呼んでください") \
  M(DOC_NEEDS_CDC, "%1(): the %2 document is a CDC's; call it as %1('%2'," \
    " 'acme')", \
    "%1(): %2 の文書は CDC ごとのものです。%1('%2', " \
    "'acme') のように呼んでください") \
  M(OSCAL_POAM_EMPTY, "x1060_oscal(): %1 has no improvement actions, and" \
    " a POA&M needs one at least; add them with INSERT INTO x1060_actions(" \
    "cdc, service_id, title) VALUES ('%1', 'B-1', '...')", \
    "x1060_oscal(): %1 には改善アクションがなく、POA&M " \
    "には少なくとも一つ必要です。INSERT INTO x1060_ac" \
    "tions(cdc, service_id, title) VALUES ('%1', " \
    "'B-1', '...') で加えてください") \
  M(OVERVIEW_FORMAT2, "x1060_overview(): schema %1 holds a storage of format 2" \
    " (x1060 0.3.0), which has no improvement actions;" \
    " SELECT x1060_upgrade() brings it to format 4", \
    "x1060_overview(): スキーマ%1の格" \
    "納形式は 2（x1060 0.3.0）で、改善アクション" \
    "がありません。SELECT x1060_upgrade(" \
    ") で形式 4 にできます") \
  M(OVERVIEW_NO_CDC, "x1060_overview(): schema %1 holds no CDC; make one with" \
    " INSERT INTO x1060_cdcs(name) VALUES (...)", \
    "x1060_overview(): スキーマ%1には" \
    " CDC がありません。INSERT INTO x106" \
    "0_cdcs(name) VALUES (...) で作" \
    "ってください") \
  /* x1060_import (import.c): JSON types, then the document's checks */ \
  M(JT_OBJECT, "an object", \
    "オブジェクト") \
  M(JT_ARRAY, "an array", \
    "配列") \
  M(JT_INTEGER, "an integer", \
    "整数") \
  M(JT_INTEGER_NULL, "an integer or null", \
    "整数または null") \
  M(JT_STRING, "a string", \
    "文字列") \
  M(JT_STRING_NULL, "a string or null", \
    "文字列または null") \
  M(JT_NUMBER_NULL, "a number or null", \
    "数または null") \
  M(JT_OBJECT_NULL, "an object or null", \
    "オブジェクトまたは null") \
  M(JT_TRUE, "true", \
    "true") \
  M(JT_TEXT_NULL, "text or null", \
    "テキストまたは null") \
  M(A_FIELD_HERE, "a field here", \
    "ここで使えるフィールド") \
  M(FIELD_MISSING, "%1: the field %2 is missing", \
    "%1：フィールド%2がありません") \
  M(A_SERVICE_FIELD, "a field of a service", \
    "サービスのフィールド") \
  M(AN_ACTION_FIELD, "a field of an action", \
    "改善アクションのフィールド") \
  M(SNAPSHOT_FIELD_MISSING, "%1: the field %2 is missing (a snapshot row holds every" \
    " column, as x1060_export writes it)", \
    "%1：フィールド%2がありません（スナップショットの" \
    "行は、x1060_export が書くとおり、すべての列" \
    "を持ちます）") \
  M(SNAPSHOT_VALUE_BAD, "%1.%2: %3 (a snapshot row holds values as x1060_export" \
    " writes them)", \
    "%1.%2：%3（スナップショットの行の値は、x1060" \
    "_export が書く形です）") \
  M(ANNEX_MUST_MATCH, "%1: Annex A service %2 must have X.1060's category %3," \
    " name %4, name_ja %5 and custom 0", \
    "%1：附属書 A のサービス%2は、X.1060 の" \
    "カテゴリ%3、name %4、name_ja %5、c" \
    "ustom 0 でなければなりません") \
  M(NOT_ANNEX_CUSTOM, "%1: %2 is not an Annex A service, so it must be custom" \
    " (1) and have an id not of the form A-1 .. I-99", \
    "%1：%2は附属書 A のサービスではないので、cus" \
    "tom が 1 で、A-1～I-99 の形でない ID " \
    "でなければなりません") \
  M(ACTION_FIELD_MISSING, "%1: the field %2 is missing (an action of a snapshot" \
    " holds every column, as x1060_export writes it)", \
    "%1：フィールド%2がありません（スナップショットの" \
    "改善アクションは、x1060_export が書くとおり" \
    "、すべての列を持ちます）") \
  M(ACTION_VALUE_BAD, "%1.%2: %3 (an action of a snapshot holds values as" \
    " x1060_export writes them)", \
    "%1.%2：%3（スナップショットの改善アクションの値は" \
    "、x1060_export が書く形です）") \
  M(ACTION_ID_RANGE, "an integer 1..%1", \
    "1～%1の整数") \
  M(SIDE_VALUES, "'as_is' or 'to_be'", \
    "'as_is' または 'to_be'（文書では英語の正" \
    "規の値）") \
  M(ASSIGNMENT_VALUES, "'Insourcing', 'Outsourcing' or 'Combination'", \
    "'Insourcing'、'Outsourcing'、'" \
    "Combination' のいずれか（文書では英語の正規" \
    "の値）") \
  M(A_TIME_UTC, "a time YYYY-MM-DDTHH:MM:SSZ", \
    "YYYY-MM-DDTHH:MM:SSZ 形式の時刻") \
  M(SCORE_NOT_ANSWERS, "the score %1 is not what the answers give (%2; 0: N/A)", \
    "スコア%1は回答から決まる値（%2。0 は N/A）" \
    "と違います") \
  M(PATH_WHY, "%1: %2", \
    "%1：%2") \
  M(AN_ATTRIBUTE, "an attribute", \
    "属性") \
  M(A_SETTING, "a setting", \
    "設定") \
  M(ATTRIBUTE_KEYS, "sector, size, region, assessed_by", \
    "sector、size、region、assessed_" \
    "by") \
  M(SETTING_KEYS_DOC, "short_effort_max", \
    "short_effort_max") \
  M(GIVEN_TWICE, "%1: %2 is given twice; allowed: each %3 once", \
    "%1：%2が 2 回あります。使えるもの：各%3を 1" \
    " 回") \
  M(TWICE_SERVICE, "service (in any spelling: id, name, case, full width)", \
    "サービス（どの書き方でも同じ：ID、名前、大文字小文字、" \
    "全角）") \
  M(TWICE_LABEL, "label", \
    "ラベル") \
  M(TWICE_ACTION, "action_id", \
    "action_id") \
  M(TWICE_ASSESSMENT, "service and side", \
    "サービスと side の組") \
  M(A_TIME, "a time", \
    "時刻") \
  M(TAKEN_AT_ALLOWED, "YYYY-MM-DDTHH:MM:SSZ (UTC, as x1060_snapshot writes" \
    " it), or no taken_at (the time of the import)", \
    "YYYY-MM-DDTHH:MM:SSZ（UTC。x10" \
    "60_snapshot が書く形）、または taken_" \
    "at なし（インポートした時刻）") \
  M(SNAPSHOT_INCOMPLETE, "%1: Annex A service %2 is missing; allowed: a snapshot" \
    " of every service, as x1060_snapshot takes it and" \
    " x1060_export writes it", \
    "%1：附属書 A のサービス%2がありません。使える" \
    "もの：x1060_snapshot が作り x1060_" \
    "export が書くとおりの、すべてのサービスのスナップ" \
    "ショット") \
  M(FORMAT_EXPECTED, "$.format: expected \"%1\" (a document made by" \
    " x1060_export)", \
    "$.format：\"%1\" であるはずです（x106" \
    "0_export が作った文書）") \
  M(FORMAT_TOO_NEW, "$.format_version: %1 is newer than this x1060 reads" \
    " (%2); upgrade x1060", \
    "$.format_version：%1は、この x10" \
    "60 が読める版（%2）より新しいものです。x1060 " \
    "を更新してください") \
  M(A_FORMAT_VERSION, "a format version", \
    "形式の版") \
  M(FORMAT_VERSIONS, "1 to %1", \
    "1～%1") \
  M(ORG_TEXT, "printable UTF-8 text of 1 to %1 bytes", \
    "1～%1バイトの表示できる UTF-8 のテキスト") \
  M(DOC_NOT_JSON, "the document is not valid JSON: %1", \
    "文書が正しい JSON ではありません：%1") \
  M(DOC_NOT_OBJECT, "$: not a JSON object; allowed: a document made by" \
    " x1060_export", \
    "$：JSON のオブジェクトではありません。使えるもの：" \
    "x1060_export が作った文書") \
  M(SERVICE_REFUSED, "$.services[%1] (service %2): %3", \
    "$.services[%1]（サービス%2）：%3") \
  M(NOT_A_SERVICE_OF, "%1[%2].service_id: not a service of %3", \
    "%1[%2].service_id：%3のサービスでは" \
    "ありません") \
  M(NOT_A_SERVICE_OF_SNAPSHOT, "%1[%2].service_id: not a service of %3's snapshot", \
    "%1[%2].service_id：%3のスナップショ" \
    "ットのサービスではありません") \
  M(ELEMENT_WHY, "%1[%2]: %3", \
    "%1[%2]：%3") \
  M(SNAPSHOT_REFUSED, "$.snapshots[%1]: %2 (snapshot rows hold canonical" \
    " values, as x1060_export writes them)", \
    "$.snapshots[%1]：%2（スナップショットの" \
    "行は、x1060_export が書くとおり正規の値を持" \
    "ちます）") \
  M(DOC_NULL, "the document is NULL (readfile() gives NULL for a file" \
    " it cannot read); allowed: a JSON document made by" \
    " x1060_export", \
    "文書が NULL です（readfile() は読めない" \
    "ファイルに NULL を返します）。使えるもの：x106" \
    "0_export が作った JSON 文書") \
  M(DOC_TOO_BIG, "the document is %1 bytes; allowed: at most %2 bytes (64" \
    " MiB); import its snapshots in several documents (each" \
    " keeps the snapshots of other labels)", \
    "文書は%1バイトです。使えるもの：%2バイト（64" \
    " MiB）まで。スナップショットを複数の文書に分けてイン" \
    "ポートしてください（ほかのラベルのスナップショットは残り" \
    "ます）") \
  /* what a stored value must be (cdc_row.c): the integrity check and readers */ \
  M(HOLDS_EXPECTED, "%1 holds %2, expected %3", \
    "%1の値%2は正しくありません。正しい値：%3") \
  M(EXP_SERVICE_ID, "a non-empty service id", \
    "空でないサービス ID") \
  M(EXP_CATEGORY, "one of A, B, C, D, E, F, G, H, I", \
    "'A'～'I' のいずれか") \
  M(EXP_NONEMPTY, "non-empty text", \
    "空でないテキスト") \
  M(EXP_DATE, "a date YYYY-MM-DD or NULL", \
    "YYYY-MM-DD 形式の日付または NULL") \
  M(EXP_STAMP, "a timestamp", \
    "タイムスタンプ") \
  M(EXP_PERCENT, "an integer 0..100", \
    "0～100 の整数") \
  M(EXP_PERCENT_NULL, "an integer 0..100 or NULL", \
    "0～100 の整数または NULL") \
  M(EXP_AMOUNT, "a number from 0 to %1", \
    "0～%1の数") \
  M(EXP_CURRENCY, "three capital letters (ISO 4217) or NULL", \
    "大文字 3 文字（ISO 4217）または NULL") \
  M(EXP_ONE_OF, "one of %1", \
    "%1のいずれか") \
  M(EXP_ONE_OF_NULL, "one of %1 or NULL", \
    "%1のいずれか、または NULL") \
  M(EXP_TEXT_NO_NUL, "text without a NUL character", \
    "NUL 文字のないテキスト") \
  M(EXP_INTEGER_RANGE, "an integer 1..%1", \
    "1～%1の整数") \
  M(EXP_TIME, "a time YYYY-MM-DDTHH:MM:SSZ", \
    "YYYY-MM-DDTHH:MM:SSZ 形式の時刻") \
  /* the CDC tables (cdc.c): storage and damage */ \
  M(CDC_STORAGE_READ, "%1: cannot read its storage: %2", \
    "%1：格納先を読めません：%2") \
  M(CDC_STORAGE_WRITE, "%1: could not write its storage: %2", \
    "%1：格納先に書き込めませんでした：%2") \
  M(SERVICE_CORRUPT, "%1: service %2 (seq_no %3 in x1060_store_service) is" \
    " corrupt: %4; SELECT x1060_integrity('%5') lists every" \
    " problem", \
    "%1：サービス%2（x1060_store_servi" \
    "ce の seq_no %3）が壊れています：%4。SE" \
    "LECT x1060_integrity('%5') で" \
    "すべての問題を一覧できます") \
  M(CDC_ID_DAMAGED, "its id in x1060_store_cdc is out of the range x1060" \
    " writes (1..%1): the file was changed outside x1060," \
    " and x1060 reads and writes nothing of that CDC", \
    "x1060_store_cdc にあるその ID が x" \
    "1060 の書く範囲（1～%1）の外です。ファイルが x" \
    "1060 の外で変更されたので、x1060 はその CD" \
    "C を読みも書きもしません") \
  M(CDC_NAMED_DAMAGED, "%1: cdc %2 is damaged: %3", \
    "%1：cdc %2は壊れています：%3") \
  M(FUNC_NAMED_DAMAGED, "%1(): %2 is damaged: %3", \
    "%1(): %2は壊れています：%3") \
  M(COLUMN_NOT_SELECTED, "%1: column %2 was not selected", \
    "%1：列%2は選択されていません") \
  M(CDC_MISSING, "%1: this CDC table has no row in %2.x1060_store_cdc:" \
    " its storage is damaged (DROP TABLE still works)", \
    "%1：この CDC テーブルに対応する行が%2.x10" \
    "60_store_cdc にありません。格納先が壊れてい" \
    "ます（DROP TABLE は使えます）") \
  M(UNKNOWN_ARGUMENT, "x1060: unknown argument %1; allowed: org='<organisation" \
    " name>'", \
    "x1060：引数%1は使えません。使えるもの：org" \
    "='<組織名>'") \
  M(ORG_TWICE, "x1060: org is given twice", \
    "x1060：org が 2 回指定されています") \
  M(FORMAT1_STORAGE, "x1060: %1 is stored in format 1 (x1060 0.2.0, shadow" \
    " tables per CDC); this x1060 reads format %2: convert" \
    " every CDC of schema %3, keeping all data, with SELECT" \
    " x1060_upgrade(%4)", \
    "x1060：%1は形式 1（x1060 0.2.0、C" \
    "DC ごとのシャドウテーブル）で格納されています。この " \
    "x1060 が読むのは形式%2です。SELECT x" \
    "1060_upgrade(%4) で、データをすべて保っ" \
    "たまま、スキーマ%3の CDC をすべて変換してくだ" \
    "さい") \
  M(STORAGE_UNREADABLE_OF, "x1060: cannot read the storage of %1: %2", \
    "x1060：%1の格納先を読めません：%2") \
  M(TAKES_NO_ARGUMENTS, "%1: takes no arguments", \
    "%1：引数を取りません") \
  M(CANNOT_REMOVE, "%1: cannot remove it from the storage: %2", \
    "%1：格納先から削除できません：%2") \
  M(CANNOT_RENAME_TAKEN, "%1: cannot be renamed to %2: a CDC of that name exists" \
    " (SELECT * FROM x1060_cdcs)", \
    "%1：%2に名前を変えられません。その名前の CDC " \
    "があります（SELECT * FROM x1060_cd" \
    "cs）") \
  M(CANNOT_RENAME, "%1: cannot rename it in the storage: %2", \
    "%1：格納先で名前を変えられません：%2") \
  /* the integrity check (cdc_admin.c) */ \
  M(TABLE_PROBLEM, "%1: %2", \
    "%1：%2") \
  M(EXP_UTF8_NO_NUL, "UTF-8 text without a NUL character", \
    "NUL 文字のない UTF-8 のテキスト") \
  M(FORMAT_IS, "x1060_store_config: format is %1, expected %2 (or %3," \
    " x1060 0.3.0's, until upgraded)", \
    "x1060_store_config：format が" \
    "%1です。正しい値：%2（アップグレードまでは x10" \
    "60 0.3.0 の%3も可）") \
  M(UNREADABLE, "%1: unreadable: %2", \
    "%1：読めません：%2") \
  M(NO_ROW, "no row", \
    "行がありません") \
  M(SNAPSHOT_PROBLEM, "%1 snapshot %2: %3", \
    "%1のスナップショット%2：%3") \
  M(ANNEX_MISSING_DAMAGED, "Annex A service %1 is missing or damaged", \
    "附属書 A のサービス%1がないか、壊れています") \
  M(LABEL_NOT_WRITTEN, "%1: label %2 is not one x1060 writes; allowed: %3", \
    "%1：ラベル%2は x1060 が書くものではありま" \
    "せん。使えるもの：%3") \
  M(NOT_CUSTOM_NOT_ANNEX, "not custom, yet %1 is not an Annex A id", \
    "独自サービスではないのに、%1は附属書 A の ID " \
    "ではありません") \
  M(CUSTOM_ANNEX_ID, "a custom service with an Annex A id", \
    "附属書 A の ID を持つ独自サービスです") \
  M(ANNEX_IDENTITY, "category or name differ from Annex A's", \
    "カテゴリか名前が附属書 A のものと違います") \
  M(WHERE_SNAPSHOT_SERVICE, "snapshot %1, service %2", \
    "スナップショット%1、サービス%2") \
  M(WHERE_SEQ_SERVICE, "seq_no %1 (service %2)", \
    "seq_no %1（サービス%2）") \
  M(TABLE_WHERE_PROBLEM, "%1 %2: %3", \
    "%1 %2：%3") \
  M(EXP_HISTORY_VALUE, "a value of a column (an integer, text or NULL)", \
    "列の値（整数、テキストまたは NULL）") \
  M(EXP_HISTORY_VALUE_REAL, "a value of a column (an integer, a number, text or NULL)", \
    "列の値（整数、数、テキストまたは NULL）") \
  M(SERVICE_ID_NOT_TEXT, "service_id is not text", \
    "service_id がテキストではありません") \
  M(NOT_A_COLUMN, "column_name %1 is not a column of a CDC table", \
    "column_name %1は CDC テーブルの列で" \
    "はありません") \
  M(HISTORY_ID, "x1060_store_history id %1: %2", \
    "x1060_store_history id %1：%2") \
  M(IS_CORRUPT, "%1(): %2 is corrupt: %3; SELECT x1060_integrity('%4')" \
    " lists every problem", \
    "%1(): %2は壊れています：%3。SELECT x" \
    "1060_integrity('%4') ですべての問題" \
    "を一覧できます") \
  M(MORE_PROBLEMS, "%1: ... and %2 more problems", \
    "%1：ほかに%2件の問題があります") \
  M(WHERE_ACTION, "action %1", \
    "改善アクション%1") \
  M(WHERE_SNAPSHOT_ACTION, "snapshot %1, action %2", \
    "スナップショット%1、改善アクション%2") \
  M(WHERE_HISTORY_ACTION, "id %1, action %2", \
    "id %1、改善アクション%2") \
  M(WHERE_ASSESSMENT, "seq_no %1, %2", \
    "seq_no %1、%2") \
  M(WHERE_SNAPSHOT_ASSESSMENT, "snapshot %1, seq_no %2, %3", \
    "スナップショット%1、seq_no %2、%3") \
  M(EXP_SIDE, "as_is or to_be", \
    "as_is または to_be") \
  M(EXP_ASSIGNMENT, "Insourcing, Outsourcing or Combination", \
    "'Insourcing'、'Outsourcing'、'" \
    "Combination' のいずれか") \
  M(EXP_JSON_OBJECT, "a JSON object", \
    "JSON のオブジェクト") \
  M(EXP_JSON_OBJECT_NULL, "a JSON object or NULL", \
    "JSON のオブジェクトまたは NULL") \
  M(HOLDS_NO_EXPECTATION, "%1 holds %2", \
    "%1の値%2は正しくありません") \
  M(ANSWERS_HOLD, "answers hold %1, expected %2", \
    "answers の値%1は正しくありません。正しい値" \
    "：%2") \
  /* x1060_cdcs' damage column (cdcs.c) */ \
  M(DAMAGE_UNREADABLE, "the storage is unreadable: %1; SELECT" \
    " x1060_publish('%2') remakes what is missing", \
    "格納先を読めません：%1。SELECT x1060_pu" \
    "blish('%2') で欠けているものを作り直せます") \
  M(DAMAGE_FORMAT1, "a CDC table of x1060 0.2.0 (storage format 1); SELECT" \
    " x1060_upgrade('%1') converts it", \
    "x1060 0.2.0 の CDC テーブル（格納形式 " \
    "1）です。SELECT x1060_upgrade('%" \
    "1') で変換できます") \
  M(DAMAGE_ORPHAN, "the storage has no row for it (x1060_store_cdc); DROP" \
    " TABLE \"%1\".\"%2\" removes it", \
    "格納先（x1060_store_cdc）に対応する行があ" \
    "りません。DROP TABLE \"%1\".\"%2" \
    "\" で削除できます") \
  M(CDCS_READ_FAILED, "x1060_cdcs: %1", \
    "x1060_cdcs：%1") \
  /* improvement actions read back (actions.c) */ \
  M(ACT_KEYS_RANGE, "its cdc or action_id is out of the range x1060 writes", \
    "その cdc か action_id が x1060 の" \
    "書く範囲の外です") \
  M(ACT_CORRUPT, "x1060_actions: %1 action %2 is corrupt: %3", \
    "x1060_actions：%1の改善アクション%2" \
    "が壊れています：%3") \
  /* the storage (store.c, publish.c): what a damaged storage loses */ \
  M(LOST_HISTORY_INDEX, "reading one CDC's history reads every CDC's", \
    "一つの CDC の履歴を読むのに、すべての CDC の履" \
    "歴を読むことになります") \
  M(LOST_SERVICE_HISTORY, "changes to x1060_store_service are not recorded in" \
    " x1060_store_history", \
    "x1060_store_service の変更が x10" \
    "60_store_history に記録されません") \
  M(LOST_NEW_CDC, "a new CDC gets no services", \
    "新しい CDC にサービスが入りません") \
  M(LOST_CDC_ROWS, "a CDC removed leaves its rows behind", \
    "削除した CDC の行が残ります") \
  M(LOST_CDC_SERVICES, "the CDCs of this schema cannot be listed with their" \
    " services", \
    "このスキーマの CDC をサービスとともに一覧できません") \
  M(LOST_ACTIONS, "improvement actions and assessments cannot be kept" \
    " until the storage is upgraded to format 3 (SELECT" \
    " x1060_upgrade())", \
    "格納形式 3 にアップグレードする（SELECT x10" \
    "60_upgrade()）まで、改善アクションと評価を保" \
    "存できません") \
  M(LOST_ACTION_HISTORY_INDEX, "reading one CDC's action history reads every CDC's", \
    "一つの CDC の改善アクションの履歴を読むのに、すべて" \
    "の CDC のものを読むことになります") \
  M(LOST_ACTION_HISTORY, "changes to x1060_store_action are not recorded in its" \
    " history", \
    "x1060_store_action の変更が履歴に記録" \
    "されません") \
  M(LOST_CDC_ACTIONS, "a CDC removed leaves its actions behind", \
    "削除した CDC の改善アクションが残ります") \
  M(LOST_SERVICE_ASSESSMENT, "a service removed leaves its assessment behind", \
    "削除したサービスの評価が残ります") \
  M(LOST_ATTRIBUTES, "the attributes of the organisations (sector, size," \
    " region, assessed_by) cannot be kept until the storage" \
    " is upgraded to format 4 (SELECT x1060_upgrade())", \
    "格納形式 4 にアップグレードする（SELECT x10" \
    "60_upgrade()）まで、組織の属性（sector" \
    "、size、region、assessed_by）を保存" \
    "できません") \
  M(LOST_CDC_ATTRIBUTES, "a CDC removed leaves its attributes behind", \
    "削除した CDC の属性が残ります") \
  /* the storage's objects and the storage itself */ \
  M(OBJECT_MISSING_LOST, "%1 %2 is missing: %3", \
    "%1 %2がありません：%3") \
  M(OBJECT_MISSING, "%1 is missing", \
    "%1がありません") \
  M(OBJECT_WRONG_KIND, "%1 is a %2, not the storage's %3", \
    "%1は%2で、格納先の%3ではありません") \
  M(OBJECT_WRONG_KIND_ON, "%1 is a %2, not the storage's %3 on %4", \
    "%1は%2で、格納先の%4に対する%3では" \
    "ありません") \
  M(OBJECT_REDEFINED, "the %1 %2 is not defined as x1060 defines it (its SQL" \
    " in sqlite_schema was changed outside x1060)", \
    "%1 %2の定義が x1060 の定義と違います（sq" \
    "lite_schema の SQL が x1060 の外" \
    "で変更されました）") \
  M(FOREIGN_TRIGGER, "trigger %1 on %2 is not x1060's: it would run on" \
    " x1060's writes; DROP TRIGGER %1 if you trust the file" \
    " otherwise", \
    "%2のトリガー%1は x1060 のものではありま" \
    "せん。x1060 の書き込みで実行されてしまいます。ほか" \
    "の点でファイルを信頼できるなら DROP TRIGGER" \
    " %1で削除してください") \
  M(HIDING_TABLE, "%1 %2 has the name of x1060's table %2 and hides it" \
    " from every query of this schema; rename or drop it", \
    "%1 %2は x1060 のテーブル%2と同じ名前" \
    "で、このスキーマのすべての問い合わせからそれを隠します。" \
    "名前を変えるか削除してください") \
  M(FOREIGN_SCHEMA, "x1060: schema %1 holds what x1060 did not make: %2;" \
    " x1060 reads and writes nothing of this schema until it" \
    " is removed (docs/security.md, \"A file from" \
    " elsewhere\")", \
    "x1060：スキーマ%1には x1060 が作ってい" \
    "ないものがあります：%2。それを取り除くまで、x1060" \
    " はこのスキーマを読みも書きもしません（docs/sec" \
    "urity.md の \"A file from els" \
    "ewhere\"）") \
  M(STORAGE_NEWER, "x1060: the storage of schema %1 was written by a newer" \
    " x1060 (format %2); this is x1060 %3, which reads" \
    " format %4: upgrade x1060", \
    "x1060：スキーマ%1の格納先は、より新しい x1" \
    "060 が書いたもの（形式%2）です。これは形式%4" \
    "を読む x1060 %3です。x1060 を更新して" \
    "ください") \
  M(CONFIG_CORRUPT, "x1060: x1060_store_config of schema %1 is corrupt:" \
    " format is %2, expected %3", \
    "x1060：スキーマ%1の x1060_store_" \
    "config が壊れています：format が%2で" \
    "す。正しい値：%3") \
  M(STORAGE_UNREADABLE, "x1060: the storage of schema %1 is unreadable: %2", \
    "x1060：スキーマ%1の格納先を読めません：%2") \
  M(NO_FORMAT_ROW, "x1060: x1060_store_config of schema %1 has no format" \
    " row; the storage is damaged", \
    "x1060：スキーマ%1の x1060_store_" \
    "config に format の行がありません。格納先" \
    "が壊れています") \
  M(UPGRADE_FAILED, "x1060: cannot upgrade the storage of schema %1 from" \
    " format %2 to %3: %4", \
    "x1060：スキーマ%1の格納先を形式%2から" \
    "%3にアップグレードできません：%4") \
  M(CREATE_STORAGE_FAILED, "x1060: cannot create the storage in schema %1: %2", \
    "x1060：スキーマ%1に格納先を作れません：%2") \
  M(FORMAT1_TABLE_MISSING, "its table %1 is missing", \
    "そのテーブル%1がありません") \
  M(FORMAT1_ROW, "its format row in %1_config is %2", \
    "%1_config の format の行が%2です") \
  M(FORMAT1_ROW_MISSING, "its format row in %1_config is missing", \
    "%1_config に format の行がありません") \
  M(FORMAT1_UNREADABLE, "x1060_upgrade(): cannot read %1.%2, a CDC table of" \
    " x1060 0.2.0: %3, expected its four tables %2_config," \
    " _data, _history and _snapshot with the format row 1;" \
    " nothing was upgraded (repair it, or remove its four" \
    " tables and then DROP TABLE \"%4\")", \
    "x1060_upgrade(): x1060 0.2.0" \
    " の CDC テーブル%1.%2を読めません：%3。" \
    "正しいもの：四つのテーブル%2_config、_dat" \
    "a、_history、_snapshot と forma" \
    "t の行 1。何もアップグレードしていません（修復するか" \
    "、四つのテーブルを削除してから DROP TABLE " \
    "\"%4\" を実行してください）") \
  M(UPGRADE_ONE_FAILED, "x1060_upgrade(): cannot upgrade %1.%2: %3", \
    "x1060_upgrade(): %1.%2をアップグ" \
    "レードできません：%3") \
  M(STORE_NAME, "x1060_store: the storage's table is named x1060_store;" \
    " x1060 makes it itself with the first CDC", \
    "x1060_store：格納先のテーブル名は x1060" \
    "_store で、x1060 が最初の CDC とともに" \
    "作ります") \
  M(CREATE_STORAGE, "x1060: cannot create the storage: %1", \
    "x1060：格納先を作れません：%1") \
  M(STORE_CANNOT_TELL, "x1060_store: cannot tell what %1 holds (%2); nothing is" \
    " dropped", \
    "x1060_store：%1の中身がわかりません（%2" \
    "）。何も削除しません") \
  M(STORE_HOLDS_CDCS, "x1060_store: holds %1 CDCs; drop them first (DROP TABLE" \
    " for those made with CREATE VIRTUAL TABLE, DELETE FROM" \
    " x1060_cdcs for the others)", \
    "x1060_store：CDC が%1件あります。先" \
    "に削除してください（CREATE VIRTUAL TAB" \
    "LE で作ったものは DROP TABLE、ほかは DE" \
    "LETE FROM x1060_cdcs）") \
  M(STORE_ORPHAN_ROWS, "x1060_store: %1 holds %2 rows of CDCs that" \
    " x1060_store_cdc does not list (the storage is" \
    " damaged); nothing is dropped", \
    "x1060_store：%1に、x1060_store" \
    "_cdc にない CDC の行が%2件あります（格納" \
    "先が壊れています）。何も削除しません") \
  M(STORE_NO_RENAME, "x1060_store: the storage cannot be renamed", \
    "x1060_store：格納先の名前は変えられません") \
  M(PUBLISH_FAILED, "x1060_publish(): cannot publish in %1: %2", \
    "x1060_publish(): %1に公開できません" \
    "：%2") \
  M(KIND_VIRTUAL_TABLE, "virtual table", \
    "仮想テーブル") \
  M(KIND_TABLE, "table", \
    "テーブル") \
  M(KIND_INDEX, "index", \
    "インデックス") \
  M(KIND_TRIGGER, "trigger", \
    "トリガー") \
  M(KIND_VIEW, "view", \
    "ビュー") \
  /* the rest: a table-valued function's arguments, a write inside a write, the cluster */ \
  M(NEEDS_CDC, "%1(): needs the name of a CDC table; call it as SELECT" \
    " * FROM %1('acme')", \
    "%1(): CDC テーブルの名前が必要です。SELEC" \
    "T * FROM %1('acme') のように呼んでく" \
    "ださい") \
  M(NEEDS_STATES, "%1(): needs the two states to compare; call it as" \
    " SELECT * FROM %1('acme', 'FY2026-H1', 'current')", \
    "%1(): 比べる二つの状態が必要です。SELECT *" \
    " FROM %1('acme', 'FY2026-H1'" \
    ", 'current') のように呼んでください") \
  M(IMPORT_NESTED, "x1060_import(): call it in a SELECT of its own (SELECT" \
    " x1060_import(...)), not inside another write", \
    "x1060_import(): ほかの書き込みの中ではな" \
    "く、単独の SELECT（SELECT x1060_im" \
    "port(...)）で呼んでください") \
  M(CLUSTER_AUTOCOMMIT, "%1(): on a cluster a SELECT is not replicated, so its" \
    " writes would be lost; call it between BEGIN and COMMIT", \
    "%1(): クラスタでは SELECT は複製されないの" \
    "で、書き込みが失われます。BEGIN と COMMIT " \
    "のあいだで呼んでください") \
  M(CLUSTER_AUTOCOMMIT_COMMAND, "%1(): on a cluster a SELECT is not replicated, so its" \
    " writes would be lost; call it between BEGIN and" \
    " COMMIT, or use INSERT INTO x1060_cdcs(command, ...)" \
    " VALUES ('%2', ...)", \
    "%1(): クラスタでは SELECT は複製されないの" \
    "で、書き込みが失われます。BEGIN と COMMIT " \
    "のあいだで呼ぶか、INSERT INTO x1060_c" \
    "dcs(command, ...) VALUES ('%" \
    "2', ...) を使ってください") \
  /* x1060_benchmark's notes */ \
  M(BENCH_WITHHELD_ONE, "1 peer with this figure, fewer than the minimum %1:" \
    " withheld", \
    "この数値を持つ比較相手は 1 件で、最小の%1件に足" \
    "りないため表示しない") \
  M(BENCH_WITHHELD, "%2 peers with this figure, fewer than the minimum %1:" \
    " withheld", \
    "この数値を持つ比較相手は%2件で、最小の%1件に" \
    "足りないため表示しない") \
  M(BENCH_NO_RANK, "this CDC has nothing scored here: no rank", \
    "この CDC はここに評価済みのものがないため、順位はな" \
    "い") \
  /* end */

/* The ids: X1060_MSG_<id>, and their number X1060_NMSG. */
#define X1060_MSG_ENUM(id, en, ja) X1060_MSG_##id,
enum { X1060_MESSAGES(X1060_MSG_ENUM) X1060_NMSG };

typedef struct X1060Message X1060Message;
struct X1060Message {
  const char *zId;        /* "IS_NOT_KIND" */
  const char *zEn;        /* English */
  const char *zJa;        /* Japanese */
};
X1060_DATA const X1060Message x1060Messages[X1060_NMSG];

/* The text of entry eMsg in Japanese when bJa, else English (placeholders
** unfilled); x1060TextOf in the connection's language. */
X1060_HIDDEN const char *x1060Text(int bJa, int eMsg);
X1060_HIDDEN const char *x1060TextOf(sqlite3*, int eMsg);
/* The highest placeholder %1 .. %9 of template zT (0: none). */
X1060_HIDDEN int x1060MessageArgs(const char *zT);
/* Entry eMsg filled with its arguments (const char*, as many as its
** highest placeholder; NULL fills nothing): x1060Msg in db's language,
** x1060MsgIn in Japanese when bJa, from sqlite3_mprintf (NULL on OOM);
** x1060AppendMsg appends it to a string. */
X1060_HIDDEN char *x1060Msg(sqlite3 *db, int eMsg, ...);
X1060_HIDDEN char *x1060MsgIn(int bJa, int eMsg, ...);
X1060_HIDDEN void x1060AppendMsg(sqlite3_str*, int bJa, int eMsg, ...);

/*
** The one message of bad input, in db's language: "<zWho>: <zArg> <zValue>
** is not <zKind>; allowed: <zAllowed>", each part left out when NULL ("is
** not allowed" without zKind), from sqlite3_mprintf (NULL on OOM).
** x1060NotAllowedIn is the same in Japanese when bJa; x1060NotAllowedValue
** describes value v (x1060DescribeValueIn) as zValue.
*/
X1060_HIDDEN char *x1060NotAllowed(sqlite3 *db, const char *zWho,
                                   const char *zArg, const char *zValue,
                                   const char *zKind, const char *zAllowed);
X1060_HIDDEN char *x1060NotAllowedIn(int bJa, const char *zWho,
                                     const char *zArg, const char *zValue,
                                     const char *zKind, const char *zAllowed);
X1060_HIDDEN char *x1060NotAllowedValue(sqlite3 *db, const char *zWho,
                                        const char *zArg, sqlite3_value *v,
                                        const char *zKind,
                                        const char *zAllowed);

/* The languages: English, Japanese, and Japanese with the Japanese
** calendar (dates with the era); a language is true when it is Japanese.
** x1060LangTag gives one's BCP 47 tag. */
#define X1060_LANG_EN     0
#define X1060_LANG_JA     1
#define X1060_LANG_JA_ERA 2
X1060_HIDDEN const char *x1060LangTag(int eLang);

/* The language argument of every function that takes one: NULL (or not
** given: v NULL) is the connection's language (x1060_language); 'en',
** 'ja' and 'ja-u-ca-japanese' in any case, 英語, 日本語 and 和暦.  Sets
** *pbJa (an X1060_LANG_*), or *pzErr (owned) naming function zFunc and
** returns SQLITE_ERROR. */
X1060_HIDDEN int x1060LangArg(sqlite3 *db, sqlite3_value *v,
                              const char *zFunc, int *pbJa, char **pzErr);

/* Register x1060_language. */
X1060_HIDDEN int x1060RegisterMessages(sqlite3*);


/***************************************************************************
** Interface to code in writeop.c: the SQL function of a writing operation
*/
/*
** A writing operation (x1060_snapshot, x1060_import, x1060_publish,
** x1060_upgrade): the body of its SQL function, which its command form
** INSERT INTO x1060_cdcs(command, ...) runs too (cdc_admin.c), so that
** both check and say the same.  xRun runs it on the function's arguments
** apArg[0..nArg-1].  With zSavepoint it opens a savepoint of that name
** around its writes (the SQL function); with NULL it opens none (the
** command: no savepoint can be opened inside a statement that writes, and
** the INSERT's statement journal makes it all or nothing).  It returns
** SQLITE_OK with its result in *pn, X1060_NULL_RESULT when the result is
** NULL (a NULL argument), or an error, with *pzErr (owned) when it has a
** message.  x1060RegisterWriteOp registers its SQL function.
*/
#define X1060_NULL_RESULT SQLITE_DONE
typedef struct X1060WriteOp X1060WriteOp;
struct X1060WriteOp {
  const char *zFunc;        /* "x1060_snapshot" ... */
  const char *zCommand;     /* its command of x1060_cdcs, or NULL */
  int nArgMin, nArgMax;     /* the SQL function's numbers of arguments */
  int (*xRun)(sqlite3*, int nArg, sqlite3_value **apArg,
              const char *zSavepoint, sqlite3_int64 *pn, char **pzErr);
};
/* Register the SQL function of writing operation p, for each number of
** arguments it takes: DIRECTONLY, as everything that writes. */
X1060_HIDDEN int x1060RegisterWriteOp(sqlite3*, const X1060WriteOp *p);

/***************************************************************************
** Interface to code in jsonread.c: a small JSON reader
*/
/* A small JSON reader (jsonread.c), for the answers of x1060_score(). */
#define X1060_JSON_MAX_NODE  64
#define X1060_JSON_MAX_DEPTH 4
enum {
  X1060_JSON_OBJECT, X1060_JSON_STRING, X1060_JSON_TRUE, X1060_JSON_FALSE,
  X1060_JSON_NULL, X1060_JSON_NUMBER, X1060_JSON_ARRAY
};
typedef struct X1060JsonNode X1060JsonNode;
struct X1060JsonNode {
  int eType;              /* X1060_JSON_* */
  int iParent;            /* index of the enclosing object, -1 for the root */
  int iKey;               /* offset of its key in zText, -1 for the root */
  int iText;              /* offset of a string's text in zText */
};
typedef struct X1060Json X1060Json;
struct X1060Json {
  X1060JsonNode aNode[X1060_JSON_MAX_NODE];
  int nNode;
  char *zText;            /* decoded keys and strings */
  char *zErr;             /* what is wrong, after SQLITE_ERROR */
  int bJa;                /* say it in Japanese (set before reading) */
};
X1060_HIDDEN int x1060JsonRead(const char *z, int n, X1060Json*);
X1060_HIDDEN int x1060JsonCheck(const char *z, int n, int bJa, char **pzErr);
X1060_HIDDEN void x1060JsonFree(X1060Json*);
X1060_HIDDEN const char *x1060JsonKey(const X1060Json*, int i);
X1060_HIDDEN const char *x1060JsonText(const X1060Json*, int i);
/* Walking the members or elements of a checked text, as spans of it. */
typedef struct X1060JsonItems X1060JsonItems;
struct X1060JsonItems {
  const char *z;          /* the whole text */
  int n;                  /* its length */
  int bArray;             /* walking an array (else an object) */
  int iNext;              /* where reading goes on */
  int iIndex;             /* the index of the current item, from 0 */
  int iKey, nKey;         /* a member's key: its JSON string, quotes too */
  int iValue, nValue;     /* the item's value */
};
X1060_HIDDEN void x1060JsonItemsBegin(X1060JsonItems*, const char *z, int n,
                                      int i);
X1060_HIDDEN int x1060JsonItemsNext(X1060JsonItems*);
X1060_HIDDEN const char *x1060JsonType(const char *z, int n);
X1060_HIDDEN int x1060JsonSkipSpace(const char *z, int n, int i);
X1060_HIDDEN char *x1060JsonString(const char *z, int n);

/***************************************************************************
** Interface to code in framework.c: the framework data of X.1060
*/
/* Sizes of the framework data (checked against the arrays at compile time). */
#define X1060_NCATEGORY   9
#define X1060_NSERVICE   64
#define X1060_NLEVEL      5
#define X1060_NASSIGNMENT 4
#define X1060_NRUBRIC    12
#define X1060_NQUADRANT   4
#define X1060_NPHASE      3
#define X1060_NCYCLE      2
#define X1060_NSTATUS     5   /* statuses of an improvement action */

/* Sourcing axes of Figure 5 (project's reading, see README.md). */
#define X1060_INTERNAL    0
#define X1060_EXTERNAL    1
#define X1060_GENERAL     0
#define X1060_SPECIALISED 1

/*
** A word of a vocabulary: its canonical spelling, its Japanese name and
** other accepted spellings separated by '|' (or NULL).  Every entity that
** users can name starts with one, so that one matcher serves them all.
*/
typedef struct X1060Word X1060Word;
struct X1060Word {
  const char *zName;      /* canonical spelling, as output */
  const char *zNameJa;    /* Japanese name */
  const char *zAlso;      /* other accepted spellings, '|'-separated, or NULL */
};

typedef struct X1060Category X1060Category;
struct X1060Category {
  X1060Word w;            /* w.zName is the category's title */
  char cId;               /* 'A'..'I' */
  int iPhase;             /* default phase: index into x1060Phases */
};

typedef struct X1060Service X1060Service;
struct X1060Service {
  X1060Word w;            /* name, Japanese name, published variants */
  const char *zId;        /* "A-1".."I-7" */
  int iSeq;               /* number within the category */
  int eInformation;       /* X1060_INTERNAL or X1060_EXTERNAL */
  int eExpertise;         /* X1060_GENERAL or X1060_SPECIALISED */
  const char *zSummary;   /* one line, project's own words */
  const char *zSummaryJa; /* the same in Japanese, project's own */
};

typedef struct X1060Level X1060Level;
struct X1060Level {
  X1060Word w;
  int iPriority;          /* 1 (Basic) .. 4 (Optional); 0 = none (Unnecessary) */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Assignment X1060Assignment;
struct X1060Assignment {
  X1060Word w;
  const char *zRubric;    /* "insourcing", "outsourcing", "both" or NULL */
  int bNamesTeam;         /* the team in charge must be named */
  int bNamesOutsourcer;   /* the outsourcer must be named */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Rubric X1060Rubric;  /* one of the two rubrics */
struct X1060Rubric {
  const char *zName;      /* "insourcing" or "outsourcing" */
  const char *zQuestion;  /* what the rubric asks, project's translation */
  const char *zQuestionJa;/* as the seed gives it */
};

typedef struct X1060Criterion X1060Criterion;
struct X1060Criterion {
  int iRubric;            /* index into x1060Rubrics */
  int iPoints;            /* 5..1, or 0 for N/A (excluded from evaluation) */
  const char *zText;      /* as the seed gives it */
  const char *zTextJa;    /* as the seed gives it */
};

typedef struct X1060Quadrant X1060Quadrant;
struct X1060Quadrant {
  int eInformation;
  int eExpertise;
  int iAssignment;        /* suggested assignment: index into x1060Assignments */
  const char *zLead;      /* who leads the work */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Stage X1060Stage;  /* a management phase or a cycle */
struct X1060Stage {
  X1060Word w;
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Axis X1060Axis;    /* one value of a sourcing axis */
struct X1060Axis {
  X1060Word w;
};

/* The framework data (framework.c). */
X1060_DATA const X1060Category x1060Categories[X1060_NCATEGORY];
X1060_DATA const X1060Service x1060Services[X1060_NSERVICE];
X1060_DATA const X1060Level x1060Levels[X1060_NLEVEL];
X1060_DATA const X1060Assignment x1060Assignments[X1060_NASSIGNMENT];
X1060_DATA const X1060Rubric x1060Rubrics[2];
X1060_DATA const X1060Criterion x1060Criteria[X1060_NRUBRIC];
X1060_DATA const X1060Quadrant x1060Quadrants[X1060_NQUADRANT];
X1060_DATA const X1060Stage x1060Phases[X1060_NPHASE];
X1060_DATA const X1060Stage x1060Cycles[X1060_NCYCLE];
X1060_DATA const X1060Stage x1060ActionStatuses[X1060_NSTATUS];
X1060_DATA const X1060Axis x1060Information[2];
X1060_DATA const X1060Axis x1060Expertise[2];
/* Lookups in the framework data (framework.c). */
X1060_HIDDEN int x1060CategoryIndex(char cId);
X1060_HIDDEN int x1060CategoryCount(int iCategory);

/***************************************************************************
** Interface to code in crosswalk.c: NIST CSF 2.0, FIRST, and the mapping
*/
/*
** The crosswalks (crosswalk.c): the frameworks that X.1060's services are
** mapped to, their elements as they publish them, and the mapping, which
** is the project's own judgement.
*/
#define X1060_CSF   0     /* NIST Cybersecurity Framework 2.0 */
#define X1060_FIRST 1     /* FIRST CSIRT Services Framework 2.1 */
#define X1060_NFRAMEWORK 2
#define X1060_NCSF_FUNCTION   6
#define X1060_NCSF_CATEGORY  22
#define X1060_NFIRST_AREA     5
#define X1060_NFIRST_SERVICE 21
#define X1060_NMAPPING      174
/* What x1060_crosswalk.judgement says of every row. */
#define X1060_JUDGEMENT "the x1060 project's own, not ITU-T's, NIST's or " \
                        "FIRST's"

/* Relations of the mapping (NIST IR 8278's set-theory relationships). */
#define X1060_EQUAL       0
#define X1060_SUBSET      1   /* the X.1060 service is part of the element */
#define X1060_SUPERSET    2
#define X1060_INTERSECTS  3
#define X1060_UNRELATED   4   /* mapped to nothing: the rationale says why */
#define X1060_NRELATION   5

typedef struct X1060Framework X1060Framework;
struct X1060Framework {
  const char *zId;        /* "csf" or "first", as x1060_crosswalk names it */
  const char *zName;
  const char *zVersion;
  const char *zPublisher;
  const char *zSource;    /* where its ids and names were taken from */
  const char *zUrl;       /* where it is published (an rlink of OSCAL) */
  const char *zTop;       /* its upper level: "function", "area" */
  const char *zLeaf;      /* its lower level: "category", "service" */
};

/* An element of another framework: its id and name as published, and the
** id of the element above it (NULL at the top). */
typedef struct X1060RefItem X1060RefItem;
struct X1060RefItem {
  const char *zId;
  const char *zParent;
  const char *zName;
  const char *zNameJa;    /* the project's own translation */
};

/* One row of the mapping: an Annex A service, a framework, the element of
** its lower level (NULL when unrelated), the relation and why. */
typedef struct X1060Mapping X1060Mapping;
struct X1060Mapping {
  const char *zService;
  int eFramework;
  const char *zRef;
  int eRelation;
  const char *zRationale;
};

X1060_DATA const X1060Framework x1060Frameworks[X1060_NFRAMEWORK];
X1060_DATA const char *const x1060Relations[X1060_NRELATION];
X1060_DATA const X1060RefItem x1060CsfFunctions[X1060_NCSF_FUNCTION];
X1060_DATA const X1060RefItem x1060CsfCategories[X1060_NCSF_CATEGORY];
X1060_DATA const X1060RefItem x1060FirstAreas[X1060_NFIRST_AREA];
X1060_DATA const X1060RefItem x1060FirstServices[X1060_NFIRST_SERVICE];
X1060_DATA const X1060Mapping x1060Mappings[X1060_NMAPPING];

/***************************************************************************
** Interface to code in organisation.c: what describes an organisation
*/
/* A term: a canonical value, its name for a reader in English and
** Japanese, and what it means: an attribute (x1060_attributes), a process
** of the evaluation or a severity of its findings (findings.c). */
typedef struct X1060Term X1060Term;
struct X1060Term {
  const char *zValue;       /* "sector" ..., "catalogue" ..., "error" ... */
  const char *zName, *zNameJa;
  const char *zDesc, *zDescJa;
};
/* The attributes of an organisation, shared ones (those an anonymised
** export carries) first, and the canonical values of those that have them,
** grouped by attribute (x1060_attribute_values). */
#define X1060_NATTRIBUTE 4
#define X1060_NATTRIBUTE_SHARED 3
#define X1060_ATTR_SECTOR_FIRST 0
#define X1060_ATTR_SECTOR_N 21
#define X1060_ATTR_SIZE_FIRST 21
#define X1060_ATTR_SIZE_N 4
#define X1060_ATTR_REGION_FIRST 25
#define X1060_ATTR_REGION_N 17
#define X1060_NATTRIBUTE_VALUE 42
typedef struct X1060AttributeValue X1060AttributeValue;
struct X1060AttributeValue {
  X1060Word w;              /* the value, its Japanese name, other spellings */
  int iAttribute;           /* index in x1060Attributes */
  const char *zCode;        /* ISIC section, size band, M49 code */
};
X1060_DATA const X1060Term x1060Attributes[X1060_NATTRIBUTE];
X1060_DATA const X1060AttributeValue
    x1060AttributeValues[X1060_NATTRIBUTE_VALUE];

/***************************************************************************
** Interface to code in normalise.c: forgiving input, canonical output
*/
/* Matching user input against a vocabulary (normalise.c). */
typedef struct X1060Vocabulary X1060Vocabulary;
struct X1060Vocabulary {
  const char *zWhat;      /* "a recommendation level", for messages */
  const char *zWhatJa;    /* the same in Japanese */
  const char *zTable;     /* the reference table that lists it */
  const void *aRow;       /* array of structs that start with an X1060Word */
  size_t szRow;           /* sizeof one struct */
  int nRow;
  size_t offCode;         /* offset of a code (const char*) that spells a
                          ** word too, in any case; 0: none */
};
#define X1060_FOLD_MAX 256   /* longer than any name in any language */
X1060_HIDDEN int x1060Fold(const char *z, int n, char *zOut);
X1060_HIDDEN int x1060HalfWidthAt(const unsigned char *z, int n);
X1060_HIDDEN int x1060VocabularyFind(const X1060Vocabulary*, const char*, int);
X1060_HIDDEN const X1060Word *x1060VocabularyWord(const X1060Vocabulary*, int);
X1060_HIDDEN char *x1060VocabularyAllowed(const X1060Vocabulary*, int bJa);
X1060_HIDDEN const char *x1060VocabularyWhat(const X1060Vocabulary*, int bJa);
X1060_HIDDEN int x1060ServiceFind(const char *z, int n);
X1060_DATA const X1060Vocabulary x1060LevelVocabulary;
X1060_DATA const X1060Vocabulary x1060AssignmentVocabulary;
X1060_DATA const X1060Vocabulary x1060CategoryVocabulary;
X1060_DATA const X1060Vocabulary x1060PhaseVocabulary;
X1060_DATA const X1060Vocabulary x1060InformationVocabulary;
X1060_DATA const X1060Vocabulary x1060ExpertiseVocabulary;
X1060_DATA const X1060Vocabulary x1060CycleVocabulary;
X1060_DATA const X1060Vocabulary x1060StatusVocabulary;
X1060_DATA const X1060Vocabulary x1060SectorVocabulary;
X1060_DATA const X1060Vocabulary x1060SizeVocabulary;
X1060_DATA const X1060Vocabulary x1060RegionVocabulary;

/* Reading a score written by a user (normalise.c): 1..5 as integer,
** integral real or text; 'N/A' (or NA, 評価外) gives X1060_SCORE_NA. */
#define X1060_SCORE_NA 1000
X1060_HIDDEN int x1060ReadScore(sqlite3_value*, sqlite3_int64 *piOut);
X1060_HIDDEN int x1060RegisterNormalisers(sqlite3*);

/***************************************************************************
** Interface to code in rules.c: the rules over the data
*/
/* The rules over the data (rules.c), shared by the CDC table's derived
** columns and the analysis functions.  X1060_NONE stands for NULL. */
#define X1060_NONE (-1)
#define X1060_NO_GAP (-100)   /* x1060GapOf: no gap (a gap is -4..4) */
X1060_HIDDEN int x1060QuadrantOf(int eInformation, int eExpertise);
X1060_HIDDEN int x1060GapOf(int iAsIs, int iToBe, int bExcluded);
X1060_HIDDEN int x1060CycleOf(int iAssignment, int iAsIs, int iToBe,
                              int bExcluded);
X1060_HIDDEN const char *x1060CriterionOf(int iAssignment, int iPoints,
                                          int bExcluded, int bJa);

/*
** The predicates and formulas of the evaluation, as SQL over the columns
** of a CDC table's rows of alias a (a string literal): every query of
** x1060 that counts services is built from these.  A service is
** catalogued when its level is set and not Unnecessary; performed when
** Insourcing, Outsourcing or Combination; assigned when both; scored when
** catalogued with both scores and not excluded (rubric N/A).
*/
#define X1060_SQL_CATALOGUED(a) \
  "(" a ".level IS NOT NULL AND " a ".level<>'Unnecessary')"
#define X1060_SQL_PERFORMED(a) \
  a ".assignment IN ('Insourcing','Outsourcing','Combination')"
#define X1060_SQL_ASSIGNED(a) \
  "(" X1060_SQL_CATALOGUED(a) " AND " X1060_SQL_PERFORMED(a) ")"
#define X1060_SQL_SCORED(a) \
  "(" X1060_SQL_CATALOGUED(a) " AND " a ".as_is IS NOT NULL AND " a \
  ".to_be IS NOT NULL AND " a ".excluded=0)"
/* A date (YYYY-MM-DD...) x as Japanese readers write it: 2026年6月30日;
** NULL stays NULL. */
#define X1060_SQL_JA_DATE(x) "CASE WHEN " x " IS NOT NULL THEN " \
  "printf('%d年%d月%d日', strftime('%Y'," x "), strftime('%m'," x "), " \
  "strftime('%d'," x ")) END"
/* An improvement action of alias a is open while planned, in progress or
** blocked; overdue when open past its due date (today in UTC). */
#define X1060_SQL_OPEN(a) "(" a ".status NOT IN ('done','dropped'))"
#define X1060_SQL_OVERDUE(a) \
  "(" X1060_SQL_OPEN(a) " AND coalesce(" a ".due<date('now'),0))"
/* The severity of a finding "by level": error for Basic, warning for
** Standard, info for the others. */
#define X1060_SQL_BY_LEVEL(a) \
  "CASE " a ".level WHEN 'Basic' THEN 'error' WHEN 'Standard' THEN " \
  "'warning' ELSE 'info' END"
/* The figures over rows with columns as_is, to_be and sco (the scored
** flag, 0 or 1): scored, avg_as_is, avg_to_be, achievement (the share of
** the scored at or above target), gap_total (a score above target does
** not offset another's gap); NULL where nothing is scored. */
#define X1060_SQL_SCORES \
  "count(CASE WHEN sco THEN 1 END) AS scored, avg(CASE WHEN sco THEN " \
  "as_is END) AS avg_as_is, avg(CASE WHEN sco THEN to_be END) AS " \
  "avg_to_be, CAST(count(CASE WHEN sco AND as_is>=to_be THEN 1 END) AS " \
  "REAL)/nullif(count(CASE WHEN sco THEN 1 END), 0) AS achievement"
/* The same formulas in two steps, for figures at several levels from one
** pass over the rows: the sums of a group of rows (flag sco), then the
** figures of groups of those sums. */
#define X1060_SQL_SCORE_SUMS \
  "count(CASE WHEN sco THEN 1 END) AS n_sco, sum(CASE WHEN sco THEN as_is " \
  "END) AS s_as_is, sum(CASE WHEN sco THEN to_be END) AS s_to_be, " \
  "count(CASE WHEN sco AND as_is>=to_be THEN 1 END) AS n_met"
#define X1060_SQL_SCORES_OF_SUMS \
  "sum(n_sco) AS scored, CAST(sum(s_as_is) AS REAL)/nullif(sum(n_sco), 0) " \
  "AS avg_as_is, CAST(sum(s_to_be) AS REAL)/nullif(sum(n_sco), 0) AS " \
  "avg_to_be, CAST(sum(n_met) AS REAL)/nullif(sum(n_sco), 0) AS achievement"
/* The quantile p (SQL text) of the values v ranked r (1..n) of a group of
** n, interpolating linearly between ranks (Hyndman and Fan's type 7, as
** spreadsheets' PERCENTILE.INC): an aggregate over the group's rows. */
#define X1060_SQL_QH(p)  "((n-1)*" p ")"
#define X1060_SQL_QLO(p) "CAST(" X1060_SQL_QH(p) " AS INTEGER)"
#define X1060_SQL_QUANTILE(p) \
  "sum(CASE r WHEN " X1060_SQL_QLO(p) "+1 THEN v*(1-(" X1060_SQL_QH(p) "-" \
  X1060_SQL_QLO(p) ")) WHEN " X1060_SQL_QLO(p) "+2 THEN v*(" \
  X1060_SQL_QH(p) "-" X1060_SQL_QLO(p) ") ELSE 0 END)"
#define X1060_SQL_GAP_TOTAL \
  "sum(CASE WHEN sco THEN max(to_be-as_is, 0) END) AS gap_total"

/* The derived columns of a CDC table in core SQL over the stored columns
** of alias zA, made from the rules above and the framework data: "gap,
** quadrant, suggested_assignment, cycle" as a select list (from
** sqlite3_mprintf), for readers without x1060 (the BI views). */
X1060_HIDDEN char *x1060DerivedSql(const char *zA);


/***************************************************************************
** Interface to code in findings.c: the evaluation's findings, as data
*/
/* (a test build adds one finding, to show that one row of the table is
** enough for it to appear everywhere: tests/findings.test) */
#ifdef X1060_TEST_EXTRA_FINDING
# define X1060_NFINDING 21
#else
# define X1060_NFINDING 20
#endif
typedef struct X1060Finding X1060Finding;
struct X1060Finding {
  const char *zCode;        /* "no-level" ... */
  const char *zProcess;     /* "catalogue", "profile", "portfolio" or
                            ** "management" */
  const char *zSeverity;    /* "warning", "info" or "by level" */
  const char *zScope;       /* what it is about: "service", "cdc", "action" */
  const char *zTitle;       /* what it means, in words a board reads */
  const char *zTitleJa;     /* the same in Japanese (the project's own) */
  const char *zCondition;   /* when it is found, in words */
  const char *zConditionJa; /* the same in Japanese (the project's own) */
  const char *zSelect;      /* about the whole CDC: its SELECT, or NULL */
  const char *zWhere;       /* about a service: the condition on row d */
  const char *zMessage;     /* ... and its message, English, as SQL */
  const char *zMessageJa;   /* ... and Japanese */
};
X1060_DATA const X1060Finding x1060Findings[X1060_NFINDING];

#define X1060_NPROCESS  4
#define X1060_NSEVERITY 3
X1060_DATA const X1060Term x1060Processes[X1060_NPROCESS];
X1060_DATA const X1060Term x1060Severities[X1060_NSEVERITY];

/* What the findings read (table expressions; findings.c's placeholders):
** the services' rows (every column of a CDC table, with cdc its name and
** seq_no), the categories table, the team-load limit (SQL: "?2", "0.5"),
** the improvement actions (cdc the CDC's name, k its id, action_id and the
** stored columns), the settings and the services' history (with cdc the
** CDC's id), the assessments (cdc the CDC's name, seq_no, side,
** assignment, score).  x1060FindingsSql makes of them one compound SELECT of
** (process, service_id, severity, code, message, message_ja, ord, cdc);
** from sqlite3_mprintf, NULL on OOM. */
typedef struct X1060FindingsFrom X1060FindingsFrom;
struct X1060FindingsFrom {
  const char *zRows, *zCategories, *zShare, *zActions, *zSettings, *zHistory;
  const char *zAssessments;
};
X1060_HIDDEN char *x1060FindingsSql(const X1060FindingsFrom*);
/* The default limit on the effort of a short-cycle action, in
** person-days (a CDC sets its own: short_effort_max). */
#define X1060_SHORT_EFFORT_MAX 20

/***************************************************************************
** Interface to code in version.c, rulefuncs.c, score.c, reftables.c:
** SQL functions and tables over the data
*/
X1060_HIDDEN int x1060RegisterRuleFunctions(sqlite3*);
X1060_HIDDEN int x1060RegisterScore(sqlite3*);
/* The questions of the rubric as SQL "VALUES(rubric, ord, key, label,
** label_ja),...": what a report calls each answer (from sqlite3_str,
** NULL on OOM). */
X1060_HIDDEN char *x1060QuestionsSql(void);
/* The points the answers zAnswers (n bytes of JSON, x1060_score's form)
** give on the rubric of assignment iAsg (one that has a rubric): 1..5 in
** *piPoints, 0 for N/A; an error (SQLITE_ERROR) has its message, beginning
** "x1060_score(): ", in *pzErr. */
X1060_HIDDEN int x1060ScoreAnswers(int iAsg, const char *zAnswers, int n,
                                   int *piPoints, int bJa, char **pzErr);
X1060_HIDDEN int x1060RegisterReferenceTables(sqlite3*);
X1060_HIDDEN int x1060RegisterVersion(sqlite3*);

/***************************************************************************
** Interface to code in cdc_row.c: the CDC table's columns and values
*/
#define STORE_FORMAT 4    /* format of the storage (store.c) */
/* The oldest format of the storage that x1060 reads and upgrades in place
** (format 2, x1060 0.3.0: it lacks the objects of format 3, which reads of
** a schema of format 2 take as empty). */
#define STORE_FORMAT_UPGRADABLE 2
#define CDC_NAME_MAX 200  /* longest name of a CDC, in bytes */
#define CDC_SEQ_MAX 1048575  /* highest seq_no of a service in a CDC */
#define CDC_ID_MAX 2147483647  /* highest id of a CDC in x1060_store_cdc */
/* True if v, read from the storage, is a key x1060 writes: an integer
** 1..max (a crafted one may be anything: 0, negative, huge, text). */
#define CDC_KEY_OK(v, max) (sqlite3_value_type(v)==SQLITE_INTEGER \
  && sqlite3_value_int64(v)>=1 && sqlite3_value_int64(v)<=(max))
#define CDC_SEQ_BITS 20   /* rowid of x1060_cdc_services: cdc<<20 | seq_no */

/* The function that a CDC table overloads to tell its name (cdcResolve). */
#define CDC_NAME_FUNC "x1060_cdc_name"

/* The time of a change, in SQL: as an sqlite3_mprintf format (CDC_NOW)
** and as plain SQL (CDC_NOW_SQL). */
#define CDC_NOW "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now')"
#define CDC_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Text x (SQL) for a one-line field of a document: line breaks and tabs
** as spaces, trimmed, NULL when nothing is left. */
#define X1060_SQL_FLAT(x) "nullif(trim(replace(replace(replace(" x ", " \
  "char(10), ' '), char(13), ' '), char(9), ' ')), '')"

/* A CDC's identity as text, over its row of x1060_store_cdc ($C): its
** number, creation time and org, the same across renames and exports; the
** documents make their UUIDs and URNs from it. */
#define X1060_SQL_CDC_KEY "'x1060 cdc '||cdc||' '||created_at||' '||org"
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
  "WITH e(framework, kind, ref_id, name, parent, ord, name_ja) AS (" \
  "SELECT 'csf', 'function', function, name, NULL, rowid*100, name_ja FROM " \
  "x1060_csf_functions UNION ALL SELECT 'csf', 'category', c.category, " \
  "c.name, c.function, f.rowid*100+c.rowid, c.name_ja FROM " \
  "x1060_csf_categories c JOIN x1060_csf_functions f ON " \
  "f.function=c.function UNION ALL SELECT 'first', 'area', area, name, " \
  "NULL, 10000+rowid*100, name_ja FROM x1060_first_areas UNION ALL SELECT " \
  "'first', 'service', s.service, s.name, s.area, " \
  "10000+a.rowid*100+s.rowid, s.name_ja FROM x1060_first_services s " \
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
  K_DERIVED, K_STAMP, K_PERCENT, K_AMOUNT, K_CURRENCY
};
/* The largest amount (effort in person-days, cost) a column holds. */
#define X1060_AMOUNT_MAX 1e15
#define X1060_AMOUNT_MAX_TEXT "1e15"

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

/* The stored columns of an improvement action, in declared order (the
** keys cdc and action_id come before them in x1060_store_action). */
enum {
  ACT_SERVICE_ID, ACT_CATEGORY, ACT_TITLE, ACT_CYCLE, ACT_STATUS, ACT_OWNER,
  ACT_STARTED, ACT_DUE, ACT_COMPLETED, ACT_PROGRESS, ACT_TARGET, ACT_EFFORT,
  ACT_COST, ACT_CURRENCY, ACT_NOTE, ACT_UPDATED_AT,
  ACT_NCOL
};
#define ACT_ID_MAX CDC_SEQ_MAX   /* highest action_id within a CDC */
X1060_DATA const CdcColumn x1060ActionColumns[ACT_NCOL];
/* The action columns' names, comma-separated, each after zPrefix. */
X1060_HIDDEN char *x1060ActionColumnList(const char *zPrefix);

/* The settings a CDC may have (x1060_set, x1060_get; x1060_store_setting):
** each one's key and kind as a column (col.zName, col.eKind), its default
** (SQL), and what it means. */
#define X1060_NSETTING 1
typedef struct X1060Setting X1060Setting;
struct X1060Setting {
  CdcColumn col;
  const char *zDefault;
  const char *zMeaning;
  const char *zMeaningJa;
};
X1060_DATA const X1060Setting x1060Settings[X1060_NSETTING];
/* The attributes of an organisation (organisation.c) as stored columns. */
X1060_DATA const CdcColumn x1060AttributeColumns[X1060_NATTRIBUTE];
/* "'sector',<p>sector,'size',<p>size,...": the first n attributes as the
** arguments of json_object (zPrefix before each column, or NULL); from
** sqlite3_mprintf. */
X1060_HIDDEN char *x1060AttributePairs(const char *zPrefix, int n);
/* "key='a' OR key='b'...": the keys of the settings, for a CHECK. */
X1060_HIDDEN char *x1060SettingKeysCheck(void);

/* One column of either table, described by c: x1060ColumnRead reads user
** input v forgivingly into *pOut (text owned by the caller) and returns
** SQLITE_OK, X1060_SCORE_NA (a score written 'N/A': NULL), SQLITE_NOMEM or
** SQLITE_CONSTRAINT with *pzWhy ("is not a ...; allowed: ...", in Japanese
** when bJa); NULL reads
** as NULL.  x1060ColumnValid says whether a stored value is one x1060
** writes; x1060ColumnProblem describes a stored value that is not ("status
** holds 'x', expected ...", NULL when valid); x1060ColumnDdl appends the
** column's definition with its CHECK in core SQL; x1060ColumnsDdl those of
** every stored column of aCol. */
X1060_HIDDEN int x1060ColumnRead(const CdcColumn *c, sqlite3_value *v,
                                 int bJa, X1060Value *pOut, char **pzWhy);
X1060_HIDDEN int x1060ColumnValid(const CdcColumn *c, const X1060Value *v);
X1060_HIDDEN char *x1060ColumnProblem(int bJa, const CdcColumn *c,
                                      sqlite3_value *v,
                                      int *pRc);
X1060_HIDDEN void x1060ColumnDdl(sqlite3_str *pStr, const CdcColumn *c);
X1060_HIDDEN char *x1060ColumnsDdl(const CdcColumn *aCol, int nCol);

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
X1060_HIDDEN char *cdcStoredProblem(int bJa, sqlite3_stmt*, int iFirst,
                                    unsigned int mask, int *pRc);
X1060_HIDDEN char *cdcStoredValueProblem(int bJa, sqlite3_value*, int iStored,
                                         int *pRc);
X1060_HIDDEN int cdcRowLoad(CdcRow*, sqlite3_stmt*);
X1060_HIDDEN int cdcRowDefaults(CdcRow*, int eExcluded);
X1060_HIDDEN int cdcInput(CdcRow*, int iCol, sqlite3_value*, int bJa,
                          char **pzWhy);
X1060_HIDDEN int cdcSnapshotLabel(sqlite3_value*, char **pzLabel);
/* True if v is a time as x1060 writes one (CDC_NOW): text
** YYYY-MM-DDTHH:MM:SSZ, a real date and time of day. */
X1060_HIDDEN int cdcIsStamp(sqlite3_value *v);
X1060_HIDDEN int cdcColumnIndex(const char *zName);
/* The document of x1060_export and x1060_import: its format and version. */
#define X1060_JSON_FORMAT "x1060-cdc"
#define X1060_JSON_VERSION 3   /* 2: actions and settings; 3 (both x1060
                               ** 0.4.0): attributes */
/* The largest document x1060_import reads, in bytes (64 MiB). */
#define X1060_IMPORT_MAX 67108864

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


/***************************************************************************
** Interface to code in store.c: the storage shared by the CDCs of a schema
*/
/* zSql with the placeholders of CDC zName of schema zSchema filled in,
** from sqlite3_mprintf (NULL on OOM): $T its services as the CDC table
** reads them (checked, with the derived columns; rowid is seq_no), $D, $N,
** $H, $C, $X and $G its rows of x1060_store_service, _snapshot, _history,
** _cdc, _action and _setting,
** $I its id, $Q its name as an SQL string, $S the quoted schema, $A the
** schema's x1060_cdc_services.  With zName NULL the name is the parameter
** X1060_CDC_PARAM instead, to bind: one statement then serves every CDC
** of the schema. */
#define X1060_CDC_PARAM "?99"   /* numbered: clear of the ?1.. of the SQL */
X1060_HIDDEN char *x1060FillSql(const char *zSql, const char *zSchema,
                                const char *zName);
/* The same for a storage of format iFormat.  Format 3 added $X, $Z, $W,
** $G, $U and $B: the CDC's actions, their snapshots and history, its
** settings, its assessments and their snapshots (x1060_store_action,
** _action_snapshot, _action_history, _setting, _assessment,
** _assessment_snapshot): no rows in a storage of an older format, which
** has no such tables. */
/* The columns of x1060_store_assessment after cdc (its snapshot has label
** between). */
#define X1060_ASSESSMENT_COLUMNS \
  "seq_no,side,assignment,answers,evidence,score,assessed_at"
X1060_HIDDEN char *x1060FillSqlAt(const char *zSql, const char *zSchema,
                                  const char *zName, int iFormat);
/* The format of the storage of zSchema (a readable one: checked by
** x1060StoreGate first), 0 when there is none. */
X1060_HIDDEN int x1060StoreFormat(sqlite3*, const char *zSchema,
                                  int *piFormat);
/* What is said of a CDC whose id in x1060_store_cdc is not one x1060
** writes (x1060StoreFind: SQLITE_CORRUPT_VTAB). */

/* store.c: the storage of a schema.  x1060StoreEnsure makes it when
** missing (an error names a storage of another format); x1060StoreFind
** looks a CDC up by name (SQLITE_NOTFOUND: none, or no storage;
** SQLITE_CORRUPT_VTAB: one whose id is out of range, CDC_ID_DAMAGE), giving
** its id and, when pzName is not NULL, its name as stored; the others
** create and drop a CDC (bTable: made by CREATE VIRTUAL TABLE) and set its
** name and, unless zOrg is NULL, its org, each in one write;
** x1060StorePublish makes the BI views and copies (bReplace: drop
** and make the views anew). */
X1060_HIDDEN int x1060StoreEnsure(sqlite3*, const char *zSchema, char **pzErr);
/* The one rule for the name of a CDC, however it gets one (CREATE VIRTUAL
** TABLE, INSERT INTO x1060_cdcs, ALTER TABLE ... RENAME, UPDATE
** x1060_cdcs): SQLITE_OK when zName is one, else SQLITE_CONSTRAINT with
** the message (after zWho:) in *pzErr, or SQLITE_NOMEM.  A dot would read
** as schema.name; a control or bidirectional-override character, or
** surrounding spaces, would make it read otherwise than it is; x1060_ and
** sqlite_ names are taken. */
X1060_HIDDEN int x1060CdcNameCheck(sqlite3*, const char *zWho,
                                   const char *zName, char **pzErr);
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
                                  const char *zOrg, char **pzErr);
X1060_HIDDEN int cdcIsX1060Sql(const char *zSql);
/* The virtual tables of schema %w (name, sql), for cdcIsX1060Sql to choose
** x1060's.  x1060's own SQL uses no LIKE or GLOB: an application's
** like_pattern_length limit or its own like() must not change what x1060
** reads. */
#define X1060_SQL_VTABS "SELECT name, sql FROM \"%w\".sqlite_schema WHERE " \
  "type='table' AND upper(substr(sql,1,20))='CREATE VIRTUAL TABLE' ORDER BY name"
X1060_HIDDEN int x1060StoreIsCdcTable(sqlite3*, const char *zSchema,
                                      const char *zName, int *pbYes);
/* Set *pbYes when CDC table zName of zSchema has tables of format 1
** (x1060 0.2.0: <name>_config, _data, _history, _snapshot; any one of
** them, readable or not). */
X1060_HIDDEN int x1060StoreIsFormat1(sqlite3*, const char *zSchema,
                                     const char *zName, int *pbYes);
/* Make what is missing of the storage of zSchema (tables, index,
** triggers, views: empty where they were gone), keeping what is there. */
X1060_HIDDEN int x1060StoreRepair(sqlite3*, const char *zSchema);
/* The storage's objects (store.c): each one's name, kind ("virtual",
** "table", "index", "trigger"), the table an index or trigger is on, what
** is lost without it, and its DDL (NULL: made otherwise). */
#define X1060_NSTORE_OBJECT 27
typedef struct X1060StoreObject X1060StoreObject;
struct X1060StoreObject {
  const char *zName;
  const char *zKind;
  const char *zOn;
  int eLost;              /* what is lost while it is missing: an entry of
                          ** the catalogue (0: nothing said) */
  const char *zDdl;
  int eColumns;           /* its DDL's %s: the service columns (0), the
                          ** action columns (1), the settings' keys (2) */
  int iSince;             /* the format that added it (0: the first) */
};
X1060_DATA const X1060StoreObject x1060StoreObjects[X1060_NSTORE_OBJECT];
/* x1060StoreProblems calls xProblem with each way the storage of zSchema
** is not what x1060 made (the message owned by xProblem, NULL on OOM):
** eKind X1060_STORE_MISSING, an object missing; X1060_STORE_FOREIGN, an
** object of another kind or definition, another's trigger on a storage
** table, or a table or view named as one of x1060's eponymous tables.
** x1060StoreGate is the check of every reader and writer before it reads
** zSchema's storage: SQLITE_OK (a storage sound, or none); else an error
** with *pzErr (owned) naming what is foreign (SQLITE_CORRUPT_VTAB; found
** once per schema change, x1060ConnIsChecked) or the format (newer: an
** error; damaged: SQLITE_CORRUPT_VTAB), read on every call. */
#define X1060_STORE_MISSING 1
#define X1060_STORE_FOREIGN 2
X1060_HIDDEN int x1060StoreProblems(sqlite3*, const char *zSchema,
    void (*xProblem)(void*, int eKind, char *zProblem), void *pArg);
X1060_HIDDEN int x1060StoreGate(sqlite3*, const char *zSchema, char **pzErr);
X1060_HIDDEN int x1060StorePublish(sqlite3*, const char *zSchema,
                                   int bReplace);
X1060_HIDDEN int x1060RegisterStore(sqlite3*);

/***************************************************************************
** Interface to code in cdc.c: the CDC table and x1060_cdc_services
*/
X1060_HIDDEN int x1060RegisterCdc(sqlite3*);

/***************************************************************************
** Interface to code in cdc_admin.c: CDCs by name: resolve, check, snapshot
*/
X1060_HIDDEN int cdcResolve(sqlite3*, sqlite3_value*, const char *zFunc,
                            char **pzSchema, char **pzName, char **pzErr);
/* The argument cdcResolve takes for CDC pName of schema pSchema: pName
** itself when either is NULL, else "schema.name", a value of *ppStmt
** (finalize it after use; NULL when none was needed). */
X1060_HIDDEN int cdcQualified(sqlite3*, sqlite3_value *pSchema,
                              sqlite3_value *pName, sqlite3_stmt **ppStmt,
                              sqlite3_value **ppVal);
X1060_HIDDEN char *cdcIntegrity(sqlite3*, const char *zSchema,
                                const char *zName, int *pRc);
/* The parts of a CDC's storage that cdcCheckRead checks. */
#define CDC_CHECK_STORAGE   0x01  /* the storage's objects, and as _CDC */
#define CDC_CHECK_SERVICES  0x02
#define CDC_CHECK_SNAPSHOTS 0x04  /* of the services */
#define CDC_CHECK_HISTORY   0x08  /* of services and actions */
#define CDC_CHECK_CDC       0x10  /* the format row, the CDC's org and times */
#define CDC_CHECK_ACTIONS   0x20  /* its actions and assessments */
#define CDC_CHECK_RECORD_SNAPSHOTS 0x40  /* the snapshots of those */
#define CDC_CHECK_ALL       0x7f
X1060_HIDDEN int cdcCheckRead(sqlite3*, const char *zSchema,
                              const char *zName, int mParts,
                              const char *zFunc, char **pzErr);
X1060_HIDDEN int x1060RegisterCdcAdmin(sqlite3*);
/* A document function's CDC argument (cdcDocument): whether it takes none,
** may take one, or needs one. */
#define X1060_DOC_NO_CDC  0
#define X1060_DOC_ANY_CDC 1
#define X1060_DOC_CDC     2
X1060_HIDDEN int cdcOpenRead(sqlite3*, sqlite3_value *pCdc, const char *zFunc,
                             int mParts, char **pzSchema, char **pzName,
                             int *piFormat, char **pzErr);
X1060_HIDDEN int cdcDocument(sqlite3*, const char *zFunc, const char *zDoc,
                             int eCdc, int argc, sqlite3_value **argv,
                             int mParts, char **pzSchema, char **pzName,
                             int *piFormat, char **pzErr);
/* True if an error reading the storage is a finding (the storage is not
** what it should be: a table gone, a column missing, damage) rather than
** an error to return as it is (busy, locked, I/O, out of memory...). */
X1060_HIDDEN int cdcIsFinding(int rc);
X1060_DATA const X1060WriteOp x1060SnapshotOp;
X1060_DATA const X1060WriteOp x1060SetOp;
/* Write the settings of JSON object pObj ({"key": value or null, ...}) to
** CDC iCdc of zSchema, each checked as x1060_set checks it; *pn counts
** them; an error has its message in *pzErr (a bad value's after zWho).
** Opens no savepoint. */
X1060_HIDDEN int x1060SettingsApply(sqlite3*, const char *zSchema,
                                    sqlite3_int64 iCdc, sqlite3_value *pObj,
                                    const char *zWho, sqlite3_int64 *pn,
                                    char **pzErr);

/***************************************************************************
** Interface to code in actions.c, assess.c: the improvement actions, the
** assessment behind a score
*/
X1060_HIDDEN int x1060RegisterActions(sqlite3*);
X1060_DATA const X1060WriteOp x1060AssessOp;
/* Check answers pAnswers (JSON text) and evidence pEvidence (NULL pointer,
** SQL NULL or JSON text) of an assessment made for assignment zAssignment
** (canonical) as x1060_assess checks them: the score they give in
** *piPoints (0: N/A); else SQLITE_ERROR with *pzErr. */
X1060_HIDDEN int x1060AssessmentCheck(sqlite3*, const char *zAssignment,
                                      sqlite3_value *pAnswers,
                                      sqlite3_value *pEvidence,
                                      int *piPoints, char **pzErr);
X1060_HIDDEN int x1060RegisterAssess(sqlite3*);

/***************************************************************************
** Interface to code in evaluate.c, import.c, interchange.c, publish.c,
** chart.c, report.c, oscal.c, library.c: analysis and outputs
*/
X1060_HIDDEN int x1060RegisterEvaluate(sqlite3*);
X1060_DATA const X1060WriteOp x1060ImportOp;
X1060_HIDDEN int x1060RegisterImport(sqlite3*);
X1060_HIDDEN int x1060RegisterInterchange(sqlite3*);
X1060_DATA const X1060WriteOp x1060PublishOp;
X1060_HIDDEN int x1060RegisterPublish(sqlite3*);

/* chart.c: a chart of the report, the average as-is against to-be of n
** groups on the rubric's scale 1..5 (a value outside it, such as
** X1060_CHART_NONE, is "not scored": drawn as no value, labelled zNone).
** zId names the chart in the page (the ids of its title and text
** alternative).  The radar takes the nine categories; the bars any groups
** (the management phases); the line the snapshots in order. */
#define X1060_CHART_NONE 0.0
typedef struct X1060Chart X1060Chart;
struct X1060Chart {
  const char *zId, *zTitle;
  int n;
  const char **azLabel;
  const double *aAsIs, *aToBe;
  const char *zAsIs, *zToBe, *zNone;
};
X1060_HIDDEN void x1060ChartRadar(sqlite3_str*, const X1060Chart*);
X1060_HIDDEN void x1060ChartBars(sqlite3_str*, const X1060Chart*);
X1060_HIDDEN void x1060ChartLine(sqlite3_str*, const X1060Chart*);

X1060_HIDDEN int x1060RegisterReport(sqlite3*);
X1060_HIDDEN int x1060RegisterOscal(sqlite3*);
X1060_HIDDEN int x1060RegisterLibrary(sqlite3*);

/* The template (x1060FillSql's placeholders) of the document of
** x1060_export_anonymised (anonymise.c); from sqlite3_mprintf. */
X1060_HIDDEN char *x1060AnonymisedSql(void);

/* A filter of CDCs (benchmark.c): x1060_benchmark's peers, x1060_overview's
** filter (bOverview), given as a JSON object (docs/peers.md).  Read by
** x1060FilterRead (v NULL: none; set zFunc, zArg, bOverview first; bad
** input fails with *pzErr naming zFunc and zArg); x1060FilterSql makes of
** it a SELECT of (k, cdc, org, sector, size, region), the CDCs of zSchema
** that match, but the CDC whose id is the SQL zSelf (or none), from
** sqlite3_mprintf. */
#define X1060_PAGE_SIZE 50     /* the overview's organisations per page */
#define X1060_PAGE_MAX 1000
typedef struct X1060Filter X1060Filter;
struct X1060Filter {
  const char *zFunc, *zArg;   /* "x1060_benchmark", "peers", for messages */
  int bOverview;              /* page and page_size, else min_peers */
  char *zSchema;              /* "schema", or NULL */
  char *azIn[X1060_NATTRIBUTE_SHARED];  /* the values as SQL lists, or NULL */
  int nMin, iPage, nPageSize;
};
X1060_HIDDEN int x1060FilterRead(sqlite3*, sqlite3_value *v, X1060Filter*,
                                 char **pzErr);
X1060_HIDDEN char *x1060FilterSql(sqlite3*, const X1060Filter*,
                                  const char *zSelf);
X1060_HIDDEN void x1060FilterFree(X1060Filter*);

/* x1060_benchmark (benchmark.c): prepare in *ppStmt the comparison of CDC
** zSchema.zName with its peers, as peers filter pPeers (NULL: all the other
** CDCs of its schema) asks; bad input fails with *pzErr (owned). */
#define X1060_PEERS_MIN 5      /* fewest peers whose figures are shown */
X1060_HIDDEN int x1060BenchmarkPrepare(sqlite3 *db, const char *zSchema,
                                       const char *zName, sqlite3_value *pPeers,
                                       sqlite3_stmt **ppStmt, char **pzErr);

/***************************************************************************
** Interface to code in cdcs.c: x1060_cdcs and its commands
*/
X1060_HIDDEN int x1060RegisterCdcs(sqlite3*);

#endif /* X1060_INT_H */
