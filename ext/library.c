/*
** x1060: X.1060 and a CDC as documents of CISO Assistant, an open GRC tool.
**
**   SELECT x1060_library('ciso-assistant');           -- X.1060's library
**   SELECT x1060_library('ciso-assistant', 'acme');   -- acme's library
**   SELECT x1060_library('ciso-assistant-mapping');   -- X.1060 <-> CSF 2.0
**   SELECT x1060_library('ciso-assistant-audit', 'acme');  -- acme's scores
**
** CISO Assistant loads frameworks and mappings as YAML "libraries": a
** header (urn, locale, ref_id, name, description, copyright, version,
** publication_date, provider, packager, translations, dependencies) and
** objects: a framework (score scale, implementation groups, requirement
** nodes) or requirement_mapping_sets.  X.1060's library: the nine
** categories as nodes of depth 1 (not assessable), the 64 services as
** nodes of depth 2 (assessable), the rubric's points 1..5 as the scores,
** English with Japanese translations, and no implementation groups (X.1060
** gives no service a level: a group no node carries would empty an audit).
** A CDC's library adds the CDC's own services and carries each service's
** recommendation level as its implementation group, so an audit can be
** restricted to the Basic services, say.  The mapping library relates
** X.1060's services to the categories of CISO Assistant's own NIST CSF 2.0
** library, both ways, with the relationship words its loader takes.  The
** audit CSV is what CISO Assistant's data wizard imports into an audit of
** the framework: a row per service with its score and result.
** Descriptions of services are the project's one-line summaries, the
** mapping the project's judgement; the documents say so.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define LIB_URN "urn:x1060:risk"
#define LIB_ID  "itu-t-x1060-2021"
#define CSF_LIB "urn:intuitem:risk:library:nist-csf-2.0"
#define CSF_FW  "urn:intuitem:risk:framework:nist-csf-2.0"
#define CSF_NODE "urn:intuitem:risk:req_node:nist-csf-2.0:"

/* Append z escaped for a YAML double-quoted scalar: '"' and '\'
** backslashed, control characters as \xNN. */
static void yamlText(sqlite3_str *p, const char *z){
  for(; z && *z; z++){
    unsigned char c = (unsigned char)*z;
    if( c=='"' || c=='\\' ) sqlite3_str_appendf(p, "\\%c", c);
    else if( c<0x20 || c==0x7f ) sqlite3_str_appendf(p, "\\x%02X", c);
    else sqlite3_str_appendchar(p, 1, (char)c);
  }
}

/* Append "<indent>key: <value>\n" with value a YAML double-quoted scalar. */
static void yamlField(sqlite3_str *p, const char *zIndent, const char *zKey,
                      const char *zVal){
  sqlite3_str_appendf(p, "%s%s: \"", zIndent, zKey);
  yamlText(p, zVal);
  sqlite3_str_appendall(p, "\"\n");
}

/* Append the Japanese translations of an object whose fields are indented
** by zIndent: name and, when given, description. */
static void yamlJa(sqlite3_str *p, const char *zIndent, const char *zName,
                   const char *zDesc){
  char zIn[32];
  sqlite3_snprintf(sizeof(zIn), zIn, "%s    ", zIndent);
  sqlite3_str_appendf(p, "%stranslations:\n%s  ja:\n", zIndent, zIndent);
  yamlField(p, zIn, "name", zName);
  if( zDesc ) yamlField(p, zIn, "description", zDesc);
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

/* What a library is: its id (after LIB_URN's "library:", "framework:" ...)
** and ref_id, its names and descriptions in both languages, who provides
** it, and the libraries it needs (URNs, NULL-terminated; none when NULL). */
typedef struct LibHead LibHead;
struct LibHead {
  const char *zId;
  const char *zRefId;
  const char *zName, *zNameJa;
  const char *zDesc, *zDescJa;
  const char *zProvider;
  const char *const *azDepends;
};

/* Append the header of library h, dated zDate: what it is, who provides
** it, whose words. */
static void libHeader(sqlite3_str *p, const LibHead *h, const char *zDate){
  int i;
  sqlite3_str_appendf(p, "urn: " LIB_URN ":library:%s\nlocale: en\n", h->zId);
  yamlField(p, "", "ref_id", h->zRefId);
  yamlField(p, "", "name", h->zName);
  yamlField(p, "", "description", h->zDesc);
  yamlField(p, "", "copyright", "ITU-T X.1060 is a Recommendation of the "
            "ITU (the provider). Service names, recommendation levels and "
            "rubric criteria as the Recommendation and TTC's JT-X1060 "
            "material give them; summaries, translations and the mapping "
            "to NIST CSF 2.0 are the x1060 project's own (MIT licence).");
  sqlite3_str_appendf(p, "version: %d\npublication_date: '%s'\n",
                      X1060_VERSION_NUMBER, zDate);
  yamlField(p, "", "provider", h->zProvider);
  yamlField(p, "", "packager", "x1060 " X1060_VERSION);
  yamlJa(p, "", h->zNameJa, h->zDescJa);
  for(i=0; h->azDepends && h->azDepends[i]; i++){
    sqlite3_str_appendf(p, "%s- %s\n", i ? "" : "dependencies:\n",
                        h->azDepends[i]);
  }
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

/* The implementation groups: the recommendation levels in mLevels (bit i
** for x1060Levels[i]), the levels that the nodes carry. */
static void libGroups(sqlite3_str *p, unsigned mLevels){
  int i;
  if( mLevels==0 ) return;
  sqlite3_str_appendall(p, "    implementation_groups_definition:\n");
  for(i=0; i<X1060_NLEVEL; i++){
    const X1060Level *l = &x1060Levels[i];
    if( (mLevels & (1u<<i))==0 ) continue;
    sqlite3_str_appendf(p, "    - ref_id: %s\n", l->w.zName);
    yamlField(p, "      ", "name", l->w.zName);
    yamlField(p, "      ", "description", l->zDesc);
    yamlJa(p, "      ", l->w.zNameJa, l->zDescJa);
  }
}

/* The bit of level zLevel in a mask of x1060Levels, or 0. */
static unsigned libLevelBit(const char *zLevel){
  int i;
  for(i=0; zLevel && i<X1060_NLEVEL; i++){
    if( strcmp(zLevel, x1060Levels[i].w.zName)==0 ) return 1u<<i;
  }
  return 0;
}

/* The last part of the URN of service t.service_id (SQL; s its row of
** x1060_services, NULL for a CDC's own service): 'a-1', or for a service
** of the CDC's own '<category>-custom-<its id in hex>'. */
#define NODE_ID "CASE WHEN s.service_id IS NULL THEN lower(t.category)||" \
  "'-custom-'||lower(hex(t.service_id)) ELSE lower(t.service_id) END"

/* The id of a CDC's library (SQL over its row of x1060_store_cdc, $C):
** made of the CDC's identity, the same across renames. */
#define CDC_LIB_ID "'" LIB_ID "-cdc-'||x1060_uuid(" X1060_SQL_CDC_KEY ")"

/* The services of a library, by category then in order: category, id,
** name, Japanese name, summary, Japanese summary, level, the URN's last
** part.  X.1060's, or (over $T, x1060FillSql) a CDC's with its own. */
static const char zAnnexNodes[] =
  "SELECT category, service_id, name, name_ja, summary, summary_ja, NULL, "
  "lower(service_id) FROM x1060_services ORDER BY category, rowid";
static const char zCdcNodes[] =
  "SELECT t.category, t.service_id, coalesce(t.name, t.service_id), "
  "coalesce(t.name_ja, s.name_ja), coalesce(s.summary, 'A service of the "
  "CDC''s own, not in X.1060 Annex A.'), s.summary_ja, t.level, " NODE_ID
  " FROM $T t LEFT JOIN x1060_services s ON "
  "s.service_id=t.service_id ORDER BY t.category, t.rowid";

/* The requirement nodes of library zId from the rows of pStmt (zAnnexNodes'
** columns): each category, then its services, a service with a level
** carrying it as its implementation group.  The levels carried are
** added to *pmLevels.  SQLITE_OK or the statement's error. */
static int libNodes(sqlite3_str *p, const char *zId, sqlite3_stmt *pStmt,
                    unsigned *pmLevels){
  int i, rc = sqlite3_step(pStmt);
  sqlite3_str_appendall(p, "    requirement_nodes:\n");
  for(i=0; i<X1060_NCATEGORY; i++){
    const X1060Category *c = &x1060Categories[i];
    char cLower = (char)(c->cId + 'a' - 'A');
    sqlite3_str_appendf(p, "    - urn: " LIB_URN ":req_node:%s:%c\n"
        "      assessable: false\n      depth: 1\n      ref_id: %c\n",
        zId, cLower, c->cId);
    yamlField(p, "      ", "name", c->w.zName);
    yamlJa(p, "      ", c->w.zNameJa, 0);
    for(; rc==SQLITE_ROW; rc=sqlite3_step(pStmt)){
      const char *zCat = (const char*)sqlite3_column_text(pStmt, 0);
      const char *zLevel = (const char*)sqlite3_column_text(pStmt, 6);
      if( zCat==0 || zCat[0]!=c->cId ) break;
      sqlite3_str_appendf(p, "    - urn: " LIB_URN ":req_node:%s:%s\n"
          "      assessable: true\n      depth: 2\n      parent_urn: "
          LIB_URN ":req_node:%s:%c\n", zId, sqlite3_column_text(pStmt, 7),
          zId, cLower);
      yamlField(p, "      ", "ref_id",
                (const char*)sqlite3_column_text(pStmt, 1));
      yamlField(p, "      ", "name",
                (const char*)sqlite3_column_text(pStmt, 2));
      yamlField(p, "      ", "description",
                (const char*)sqlite3_column_text(pStmt, 4));
      if( libLevelBit(zLevel) ){
        sqlite3_str_appendf(p, "      implementation_groups:\n      - %s\n",
                            zLevel);
        *pmLevels |= libLevelBit(zLevel);
      }
      if( sqlite3_column_type(pStmt, 3)!=SQLITE_NULL ){
        yamlJa(p, "      ", (const char*)sqlite3_column_text(pStmt, 3),
               (const char*)sqlite3_column_text(pStmt, 5));
      }
    }
  }
  return rc==SQLITE_DONE ? SQLITE_OK : rc;
}

/* Append the framework of library h, its nodes from zSql (zAnnexNodes or,
** filled, zCdcNodes; taken). */
static int libFramework(sqlite3 *db, sqlite3_str *p, const LibHead *h,
                        char *zSql){
  sqlite3_stmt *pStmt = 0;
  unsigned mLevels = 0;
  int rc = x1060Prepare(db, zSql, &pStmt);
  sqlite3_str_appendf(p, "objects:\n  framework:\n"
                      "    urn: " LIB_URN ":framework:%s\n", h->zId);
  yamlField(p, "    ", "ref_id", h->zRefId);
  yamlField(p, "    ", "name", h->zName);
  yamlField(p, "    ", "description", h->zDesc);
  yamlJa(p, "    ", h->zNameJa, h->zDescJa);
  libScores(p);
  if( rc==SQLITE_OK ) rc = libNodes(p, h->zId, pStmt, &mLevels);
  libGroups(p, mLevels);
  sqlite3_finalize(pStmt);
  return rc;
}

/* X.1060's library. */
static const LibHead libAnnexA = {
  LIB_ID, "ITU-T X.1060",
  "ITU-T X.1060 (06/2021): Framework for the creation and operation of a "
  "cyber defence centre",
  "ITU-T X.1060 (2021年6月): サイバー防御センターの構築と運用のためのフレー"
  "ムワーク",
  "The services of a Cyber Defence Centre (CDC) that ITU-T X.1060 lists in "
  "its Annex A, in nine categories, each assessed 1 to 5 with the rubric of "
  "the Recommendation (insourced or outsourced). X.1060 gives no service a "
  "recommendation level: each CDC chooses them, and a CDC's own library "
  "(x1060_library('ciso-assistant', cdc)) carries them as implementation "
  "groups. Service descriptions are the x1060 project's own one-line "
  "summaries, not the Recommendation's text.",
  "ITU-T X.1060 附属書 A のサービスを九つのカテゴリで示し、勧告の評価基準（"
  "インソース、アウトソース）で1〜5に評価する。X.1060 はサービスに推奨レベ"
  "ルを定めず、各 CDC が選ぶ。CDC ごとのライブラリ（x1060_library('ciso-ass"
  "istant', cdc)）は推奨レベルを実装グループとして持つ。サービスの説明は "
  "x1060 プロジェクト独自の一行要約であり、勧告の本文ではない。",
  "ITU-T", 0
};

/* The names of a CDC's library, made of the CDC's org (SQL over $C). */
static const char zCdcHead[] =
  "SELECT " CDC_LIB_ID ", "
  "'ITU-T X.1060 '||cdc_name, 'ITU-T X.1060 (06/2021): the services of "
  "the CDC of '||coalesce(org, cdc_name), 'ITU-T X.1060 (2021年6月): '||"
  "coalesce(org, cdc_name)||' の CDC のサービス', 'The services of the "
  "CDC of '||coalesce(org, cdc_name)||' (X.1060 Annex A and its own), each "
  "with the recommendation level the CDC chose as its implementation "
  "group: select a group to audit the services of that level. Service "
  "descriptions are the x1060 project''s own one-line summaries, not the "
  "Recommendation''s text.', coalesce(org, cdc_name)||' の CDC のサービス"
  "（X.1060 附属書 A と独自のもの）。各サービスは CDC が選んだ推奨レベル"
  "を実装グループとして持つ。サービスの説明は x1060 プロジェクト独自の"
  "一行要約であり、勧告の本文ではない。' FROM $C";

/* The library of X.1060 (zName NULL), or of CDC zName of zSchema with its
** own services and levels, into *pzOut. */
static int libCisoAssistant(sqlite3 *db, const char *zSchema,
                            const char *zName, int iFormat,
                            const char *zDate, char **pzOut){
  sqlite3_str *p = sqlite3_str_new(db);
  sqlite3_stmt *pStmt = 0;
  int rc = SQLITE_OK;
  if( zName==0 ){
    libHeader(p, &libAnnexA, zDate);
    rc = libFramework(db, p, &libAnnexA, sqlite3_mprintf("%s", zAnnexNodes));
  }else{
    rc = x1060Prepare(db, x1060FillSqlAt(zCdcHead, zSchema, zName, iFormat),
                      &pStmt);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      LibHead h;
      h.zId = (const char*)sqlite3_column_text(pStmt, 0);
      h.zRefId = (const char*)sqlite3_column_text(pStmt, 1);
      h.zName = (const char*)sqlite3_column_text(pStmt, 2);
      h.zNameJa = (const char*)sqlite3_column_text(pStmt, 3);
      h.zDesc = (const char*)sqlite3_column_text(pStmt, 4);
      h.zDescJa = (const char*)sqlite3_column_text(pStmt, 5);
      h.zProvider = "ITU-T";
      h.azDepends = 0;
      if( h.zId && h.zRefId && h.zName && h.zNameJa && h.zDesc && h.zDescJa ){
        libHeader(p, &h, zDate);
        rc = libFramework(db, p, &h, x1060FillSqlAt(zCdcNodes, zSchema, zName,
                                                    iFormat));
      }else{
        rc = SQLITE_NOMEM;
      }
    }
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
    else sqlite3_finalize(pStmt);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_str_errcode(p);
  *pzOut = sqlite3_str_finish(p);
  if( rc!=SQLITE_OK ){ sqlite3_free(*pzOut); *pzOut = 0; }
  return rc;
}

/* CISO Assistant's relationship words for x1060Relations (OLIR's), read
** from the X.1060 service, and read the other way. */
static const char *const azLibRelation[X1060_NRELATION][2] = {
  { "equal", "equal" }, { "subset", "superset" }, { "superset", "subset" },
  { "intersect", "intersect" }, { "not_related", "not_related" },
};

/* zIn (an id of the compiled-in data, ASCII) in lower case into zOut (16
** bytes; longer ids are cut). */
static void libLower(char *zOut, const char *zIn){
  int j;
  for(j=0; zIn[j] && j<15; j++){
    zOut[j] = (char)(zIn[j]>='A' && zIn[j]<='Z' ? zIn[j]+'a'-'A' : zIn[j]);
  }
  zOut[j] = 0;
}

/* Append the requirement mapping set of the crosswalk to CSF 2.0, from
** X.1060 to CSF 2.0 (bBack 0) or from CSF 2.0 to X.1060 (bBack 1). */
static void libMappingSet(sqlite3_str *p, int bBack){
  static const char *const azFw[] = { LIB_URN ":framework:" LIB_ID, CSF_FW };
  const char *zSet = bBack ? "nist-csf-2.0-to-" LIB_ID
                           : LIB_ID "-to-nist-csf-2.0";
  int i;
  sqlite3_str_appendf(p, "  - urn: " LIB_URN ":req_mapping_set:%s\n"
                      "    ref_id: %s\n", zSet, zSet);
  yamlField(p, "    ", "name", bBack ? "NIST CSF 2.0 -> ITU-T X.1060"
                                     : "ITU-T X.1060 -> NIST CSF 2.0");
  yamlField(p, "    ", "description", "The x1060 project's crosswalk "
            "(x1060_crosswalk): each X.1060 service related to the CSF 2.0 "
            "categories that do its work. The project's own judgement, not "
            "ITU-T's or NIST's.");
  sqlite3_str_appendf(p, "    source_framework_urn: %s\n"
      "    target_framework_urn: %s\n    requirement_mappings:\n",
      azFw[bBack], azFw[!bBack]);
  for(i=0; i<X1060_NMAPPING; i++){
    const X1060Mapping *m = &x1060Mappings[i];
    char zSvc[16], zRef[16], azNode[2][80];
    if( strcmp(x1060Frameworks[m->eFramework].zId, "csf")!=0 || !m->zRef ){
      continue;
    }
    libLower(zSvc, m->zService);
    libLower(zRef, m->zRef);
    sqlite3_snprintf(80, azNode[0], LIB_URN ":req_node:" LIB_ID ":%s", zSvc);
    sqlite3_snprintf(80, azNode[1], CSF_NODE "%s", zRef);
    sqlite3_str_appendf(p, "    - source_requirement_urn: %s\n"
        "      target_requirement_urn: %s\n", azNode[bBack], azNode[!bBack]);
    sqlite3_str_appendf(p, "      relationship: %s\n"
                        "      rationale: semantic\n",
                        azLibRelation[m->eRelation][bBack]);
    yamlField(p, "      ", "annotation", m->zRationale);
  }
}

/* The mapping library: X.1060 to CISO Assistant's NIST CSF 2.0 and back,
** into *pzOut. */
static int libMapping(sqlite3 *db, const char *zSchema, const char *zName,
                      int iFormat, const char *zDate, char **pzOut){
  static const char *const azDepends[] = {
    LIB_URN ":library:" LIB_ID, CSF_LIB, 0
  };
  static const LibHead h = {
    "mapping-" LIB_ID "-and-nist-csf-2.0",
    "mapping-" LIB_ID "-and-nist-csf-2.0",
    "ITU-T X.1060 <--> NIST CSF 2.0",
    "ITU-T X.1060 <--> NIST CSF 2.0 の対応付け",
    "The services of ITU-T X.1060 Annex A related to the categories of "
    "NIST CSF 2.0 (CISO Assistant's nist-csf-2.0 library), both ways: the "
    "x1060 project's crosswalk, its own judgement, not ITU-T's or NIST's.",
    "ITU-T X.1060 附属書 A のサービスと NIST CSF 2.0 のカテゴリの対応付け"
    "（双方向）。x1060 プロジェクト独自の判断であり、ITU-T や NIST による"
    "ものではない。",
    "the x1060 project", azDepends
  };
  sqlite3_str *p = sqlite3_str_new(db);
  int rc;
  (void)zSchema; (void)zName; (void)iFormat;
  libHeader(p, &h, zDate);
  sqlite3_str_appendall(p, "objects:\n  requirement_mapping_sets:\n");
  libMappingSet(p, 0);
  libMappingSet(p, 1);
  rc = sqlite3_str_errcode(p);
  *pzOut = sqlite3_str_finish(p);
  if( rc!=SQLITE_OK ){ sqlite3_free(*pzOut); *pzOut = 0; }
  return rc;
}

/* Whether service t is not applicable to the audit: excluded (rubric N/A)
** or Unnecessary (not to be implemented). */
#define NOT_APPLICABLE "(t.excluded OR t.level='Unnecessary')"

/* A CSV cell: x in double quotes, its quotes doubled (RFC 4180). */
#define CSV(x) "'\"'||replace(" x ", '\"', '\"\"')||'\"'"

/*
** The audit CSV of a CDC (over $T and $C): the columns that CISO
** Assistant's data wizard reads for an audit (ref_id, urn, assessable,
** compliance_result, requirement_progress, score, observations), a row
** per service in the order of the CDC's library: the as-is score; the
** result compliant when it reaches the to-be, partially_compliant below
** it, not_applicable for a service excluded or Unnecessary, not_assessed
** without a score; done when scored or not applicable, else to_do; the
** CDC's facts on the service as observations.
*/
static const char zAuditCsv[] =
  "SELECT 'ref_id,urn,assessable,compliance_result,requirement_progress,"
  "score,observations'||char(13,10)||coalesce(group_concat(r, char(13,10))"
  "||char(13,10), '') FROM (SELECT " CSV("t.service_id") "||','||"
  CSV("'" LIB_URN ":req_node:'||(SELECT " CDC_LIB_ID " FROM $C)||':'||"
  NODE_ID) "||',True,'||CASE WHEN " NOT_APPLICABLE " THEN 'not_applicable' "
  "WHEN t.as_is IS NULL THEN "
  "'not_assessed' WHEN t.to_be IS NULL THEN '' WHEN t.as_is>=t.to_be THEN "
  "'compliant' ELSE 'partially_compliant' END||','||CASE WHEN "
  NOT_APPLICABLE " OR t.as_is IS NOT NULL THEN 'done' ELSE "
  "'to_do' END||','||CASE WHEN t.excluded THEN '' ELSE coalesce(t.as_is, "
  "'') END||','||" CSV("'X.1060 '||t.service_id||': level '||coalesce("
  "t.level, 'not chosen')||', '||coalesce(t.assignment, 'no assignment')||"
  "coalesce(', team '||" X1060_SQL_FLAT("t.team") ", '')||coalesce(', "
  "outsourcer '||" X1060_SQL_FLAT("t.outsourcer") ", '')||', as-is '||"
  "CASE WHEN t.excluded THEN 'N/A' ELSE coalesce(t.as_is, '-') END||', "
  "to-be '||CASE WHEN t.excluded THEN 'N/A' ELSE coalesce(t.to_be, '-') "
  "END||coalesce('; evidence: '||" X1060_SQL_FLAT("t.evidence") ", '')||"
  "'.'") " AS r FROM $T t LEFT JOIN x1060_services s ON "
  "s.service_id=t.service_id ORDER BY t.category, t.rowid)";

/* The audit CSV of CDC zName of zSchema into *pzOut. */
static int libAuditCsv(sqlite3 *db, const char *zSchema, const char *zName,
                       int iFormat, const char *zDate, char **pzOut){
  (void)zDate;
  return x1060QueryText(db, x1060FillSqlAt(zAuditCsv, zSchema, zName,
                                           iFormat), pzOut);
}

/* The documents x1060_library writes: name, whether it takes a CDC
** (X1060_DOC_*), its writer. */
static const struct {
  const char *zName;
  int eCdc;
  int (*xWrite)(sqlite3*, const char*, const char*, int, const char*,
                char**);
} aLibDoc[] = {
  { "ciso-assistant", X1060_DOC_ANY_CDC, libCisoAssistant },
  { "ciso-assistant-mapping", X1060_DOC_NO_CDC, libMapping },
  { "ciso-assistant-audit", X1060_DOC_CDC, libAuditCsv },
};

/* Today (UTC) as YYYY-MM-DD into zDate (11 bytes): the libraries' date. */
static int libToday(sqlite3 *db, char *zDate){
  char *z = 0;
  int rc = x1060QueryText(db, sqlite3_mprintf("SELECT date('now')"), &z);
  if( rc==SQLITE_OK && z ) sqlite3_snprintf(11, zDate, "%s", z);
  sqlite3_free(z);
  return rc;
}

/*
** x1060_library(format [, cdc]): X.1060 or a CDC as a document for another
** tool: 'ciso-assistant' (a library: X.1060's, or with a CDC the CDC's),
** 'ciso-assistant-mapping' (X.1060 to NIST CSF 2.0 and back, no CDC),
** 'ciso-assistant-audit' (a CDC's scores, CSV).  The format is matched
** without case; anything else, or a CDC where none is taken or none where
** one is needed, is an error naming what is allowed.  A NULL format or CDC
** gives NULL.  Libraries are dated today (UTC).
*/
static void libraryFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *zFmt = (const char*)sqlite3_value_text(argv[0]);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zOut = 0;
  char zDate[11] = "";
  int i = X1060_ARRAY_SIZE(aLibDoc), rc = SQLITE_OK, iFormat = 0;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || (argc>1 && sqlite3_value_type(argv[1])==SQLITE_NULL) ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_TEXT ){
    for(i=0; zFmt && i<X1060_ARRAY_SIZE(aLibDoc)
             && sqlite3_stricmp(zFmt, aLibDoc[i].zName)!=0; i++){}
  }
  if( i==X1060_ARRAY_SIZE(aLibDoc) ){
    zErr = x1060NotAllowedValue(db, "x1060_library()", 0, argv[0],
        x1060TextOf(db, X1060_MSG_A_FORMAT),
        x1060TextOf(db, X1060_MSG_LIBRARY_FORMATS));
    rc = zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }else{
    rc = cdcDocument(db, "x1060_library", aLibDoc[i].zName, aLibDoc[i].eCdc,
                     argc, argv, CDC_CHECK_CDC, &zSchema, &zName, &iFormat,
                     &zErr);
  }
  if( rc==SQLITE_OK ) rc = libToday(db, zDate);
  if( rc==SQLITE_OK ){
    rc = aLibDoc[i].xWrite(db, zSchema, zName, iFormat, zDate, &zOut);
  }
  x1060ResultDocument(ctx, rc, zOut, zErr, 0);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register x1060_library: of its format alone it reads only the framework
** (and the day: innocuous, not deterministic); with a CDC it reads a CDC
** named by its argument, which may be any schema's, so that form is
** DIRECTONLY (docs/security.md). */
int x1060RegisterLibrary(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_library", 1,
      SQLITE_UTF8|SQLITE_INNOCUOUS, 0, libraryFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_library", 2,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, libraryFunc, 0, 0);
  return rc;
}
