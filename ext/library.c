/*
** x1060: the framework as a library for other tools.
**
**   SELECT x1060_library('ciso-assistant');   -- a CISO Assistant library
**
** CISO Assistant (an open GRC tool) loads frameworks as YAML "libraries":
** a header (urn, locale, ref_id, name, description, copyright, version,
** publication_date, provider, packager, translations) and
** objects.framework with its score scale, implementation groups and
** requirement nodes.  x1060_library writes X.1060 in that shape from the
** compiled-in framework data: the nine categories as nodes of depth 1
** (not assessable), the 64 services as nodes of depth 2 (assessable,
** under their category), the rubric's points 1..5 as the scores, the
** recommendation levels as the implementation groups, English with
** Japanese translations.  The services' descriptions are the project's
** summaries, and the document says so.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define LIB_URN "urn:x1060:risk"
#define LIB_ID  "itu-t-x1060-2021"

/* Append z escaped for a YAML double-quoted scalar: '"' and '\'
** backslashed, control characters as \xNN (the data has none; the rule
** holds). */
static void yamlText(sqlite3_str *p, const char *z){
  for(; z && *z; z++){
    unsigned char c = (unsigned char)*z;
    if( c=='"' || c=='\\' ) sqlite3_str_appendf(p, "\\%c", c);
    else if( c<0x20 || c==0x7f ) sqlite3_str_appendf(p, "\\x%02X", c);
    else sqlite3_str_appendchar(p, 1, (char)c);
  }
}

/* Append z as a YAML double-quoted scalar. */
static void yamlStr(sqlite3_str *p, const char *z){
  sqlite3_str_appendchar(p, 1, '"');
  yamlText(p, z);
  sqlite3_str_appendchar(p, 1, '"');
}

/* Append "<indent>key: <value>\n" with value quoted. */
static void yamlField(sqlite3_str *p, const char *zIndent, const char *zKey,
                      const char *zVal){
  sqlite3_str_appendf(p, "%s%s: ", zIndent, zKey);
  yamlStr(p, zVal);
  sqlite3_str_appendchar(p, 1, '\n');
}

/* Append the Japanese translations of a node (whose fields are indented
** six spaces): name and, when given, description. */
static void yamlJa(sqlite3_str *p, const char *zName, const char *zDesc){
  sqlite3_str_appendall(p, "      translations:\n        ja:\n");
  yamlField(p, "          ", "name", zName);
  if( zDesc ) yamlField(p, "          ", "description", zDesc);
}

/* Append "<indent>description: "<a><z1><b><z2><c>"\n", z1 and z2
** escaped: a description made of two texts. */
static void yamlDesc2(sqlite3_str *p, const char *zIndent, const char *zA,
                      const char *z1, const char *zB, const char *z2,
                      const char *zC){
  sqlite3_str_appendf(p, "%sdescription: \"%s", zIndent, zA);
  yamlText(p, z1);
  sqlite3_str_appendall(p, zB);
  yamlText(p, z2);
  sqlite3_str_appendf(p, "%s\"\n", zC);
}

/* The criterion text of rubric iRubric for iPoints, or "". */
static const char *libCriterion(int iRubric, int iPoints, int bJa){
  int i;
  for(i=0; i<X1060_NRUBRIC; i++){
    const X1060Criterion *c = &x1060Criteria[i];
    if( c->iRubric==iRubric && c->iPoints==iPoints ){
      return bJa ? c->zTextJa : c->zText;
    }
  }
  return "";
}

/* The header of the library: what it is, who provides it, whose words. */
static void libHeader(sqlite3_str *p, const char *zDate){
  sqlite3_str_appendall(p, "urn: " LIB_URN ":library:" LIB_ID "\n"
                        "locale: en\n");
  yamlField(p, "", "ref_id", "ITU-T X.1060");
  yamlField(p, "", "name", "ITU-T X.1060 (06/2021): Framework for the "
            "creation and operation of a cyber defence centre");
  yamlField(p, "", "description", "The services of a Cyber Defence Centre "
            "(CDC) that ITU-T X.1060 lists in its Annex A, in nine categories, "
            "each assessed 1 to 5 with the rubric of the Recommendation "
            "(insourced or outsourced), and the recommendation levels as "
            "implementation groups. Service descriptions are the x1060 "
            "project's own one-line summaries, not the Recommendation's text.");
  yamlField(p, "", "copyright", "ITU-T X.1060 is a Recommendation of the "
            "ITU (the provider). Service names, recommendation levels and "
            "rubric criteria as the Recommendation and TTC's JT-X1060 "
            "material give them; summaries and translations are the x1060 "
            "project's own (MIT licence).");
  sqlite3_str_appendf(p, "version: %d\npublication_date: '%s'\n",
                      X1060_VERSION_NUMBER, zDate);
  yamlField(p, "", "provider", "ITU-T");
  yamlField(p, "", "packager", "x1060 " X1060_VERSION);
  sqlite3_str_appendall(p, "translations:\n  ja:\n");
  yamlField(p, "    ", "name", "ITU-T X.1060 (2021年6月): サイバー防御センター"
            "の構築と運用のためのフレームワーク");
  yamlField(p, "    ", "description", "ITU-T X.1060 附属書 A のサービスを九つ"
            "のカテゴリで示し、勧告の評価基準（インソース、アウトソース）で1〜5"
            "に評価し、推奨レベルを実装グループとする。サービスの説明は x1060 "
            "プロジェクト独自の一行要約であり、勧告の本文ではない。");
}

/* The score scale: points 1..5, each with both rubrics' criteria. */
static void libScores(sqlite3_str *p){
  int i;
  sqlite3_str_appendall(p, "    min_score: 1\n    max_score: 5\n"
                        "    scores_definition:\n");
  for(i=1; i<=5; i++){
    sqlite3_str_appendf(p, "    - score: %d\n      name: \"%d\"\n", i, i);
    yamlDesc2(p, "      ", "Insourcing: ", libCriterion(0, i, 0),
              ". Outsourcing: ", libCriterion(1, i, 0), ".");
    sqlite3_str_appendf(p, "      translations:\n        ja:\n"
                        "          name: \"%d\"\n", i);
    yamlDesc2(p, "          ", "インソース: ", libCriterion(0, i, 1),
              "。アウトソース: ", libCriterion(1, i, 1), "。");
  }
}

/* The implementation groups: the recommendation levels but Unnecessary
** (a service given it is not implemented). */
static void libGroups(sqlite3_str *p){
  int i;
  sqlite3_str_appendall(p, "    implementation_groups_definition:\n");
  for(i=0; i<X1060_NLEVEL; i++){
    const X1060Level *l = &x1060Levels[i];
    if( l->iPriority==0 ) continue;
    sqlite3_str_appendf(p, "    - ref_id: %s\n", l->w.zName);
    yamlField(p, "      ", "name", l->w.zName);
    yamlField(p, "      ", "description", l->zDesc);
    yamlJa(p, l->w.zNameJa, l->zDescJa);
  }
}

/* The requirement nodes: each category, then its services. */
static void libNodes(sqlite3_str *p){
  int i, k;
  sqlite3_str_appendall(p, "    requirement_nodes:\n");
  for(i=0; i<X1060_NCATEGORY; i++){
    const X1060Category *c = &x1060Categories[i];
    sqlite3_str_appendf(p, "    - urn: " LIB_URN ":req_node:" LIB_ID ":%c\n"
        "      assessable: false\n      depth: 1\n      ref_id: %c\n",
        c->cId + 'a' - 'A', c->cId);
    yamlField(p, "      ", "name", c->w.zName);
    yamlJa(p, c->w.zNameJa, 0);
    for(k=0; k<X1060_NSERVICE; k++){
      const X1060Service *s = &x1060Services[k];
      if( s->zId[0]!=c->cId ) continue;
      sqlite3_str_appendf(p, "    - urn: " LIB_URN ":req_node:" LIB_ID
          ":%c-%d\n      assessable: true\n      depth: 2\n      parent_urn: "
          LIB_URN ":req_node:" LIB_ID ":%c\n      ref_id: %s\n",
          c->cId + 'a' - 'A', s->iSeq, c->cId + 'a' - 'A', s->zId);
      yamlField(p, "      ", "name", s->w.zName);
      yamlField(p, "      ", "description", s->zSummary);
      yamlJa(p, s->w.zNameJa, s->zSummaryJa);
    }
  }
}

/* The CISO Assistant library of X.1060, dated zDate, from
** sqlite3_str_finish (NULL on OOM). */
static char *libCisoAssistant(const char *zDate){
  sqlite3_str *p = sqlite3_str_new(0);
  libHeader(p, zDate);
  sqlite3_str_appendall(p, "objects:\n  framework:\n"
      "    urn: " LIB_URN ":framework:" LIB_ID "\n");
  yamlField(p, "    ", "ref_id", "ITU-T X.1060");
  yamlField(p, "    ", "name", "ITU-T X.1060 (06/2021) services of a cyber "
            "defence centre");
  yamlField(p, "    ", "description", "Annex A: the services of a CDC in "
            "nine categories; assess each implemented service 1 to 5.");
  libScores(p);
  libGroups(p);
  libNodes(p);
  return sqlite3_str_finish(p);
}

/*
** x1060_library(format): the framework as a document for another tool.
** Formats: 'ciso-assistant' (a CISO Assistant library, YAML).  Its
** publication_date is today (UTC): the day the document was made.
*/
static void libraryFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zFmt = (const char*)sqlite3_value_text(argv[0]);
  sqlite3_stmt *pStmt = 0;
  char *zOut = 0;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( zFmt==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( sqlite3_stricmp(zFmt, "ciso-assistant")!=0 ){
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *zMsg = x1060NotAllowedValue(db, "x1060_library()", 0, argv[0],
        x1060TextOf(db, X1060_MSG_A_FORMAT),
        x1060TextOf(db, X1060_MSG_LIBRARY_FORMATS));
    if( zMsg ) sqlite3_result_error(ctx, zMsg, -1);
    else sqlite3_result_error_nomem(ctx);
    sqlite3_free(zMsg);
    return;
  }
  if( sqlite3_prepare_v2(sqlite3_context_db_handle(ctx), "SELECT date('now')",
                         -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    zOut = libCisoAssistant((const char*)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  if( zOut ) sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
  else sqlite3_result_error_nomem(ctx);
}

/* Register x1060_library: of its argument only (and the day), so
** innocuous; not deterministic (the date). */
int x1060RegisterLibrary(sqlite3 *db){
  return x1060CreateFunction(db, "x1060_library", 1,
      SQLITE_UTF8|SQLITE_INNOCUOUS, 0, libraryFunc, 0, 0);
}
