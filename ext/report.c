/*
** x1060: x1060_report(cdc [, format [, lang]]), the report a CISO hands to
** the board: Markdown (the default), one self-contained HTML page, or
** JSON, in English or Japanese.
**
**   .once report.html
**   SELECT x1060_report('acme', 'html');
**   SELECT x1060_report('acme', 'markdown', 'ja');
**
** The report is a list of parts (aPart), each a title and tables (aTable):
** the executive summary (key figures, what matters most, findings per
** process), the portfolio per category and per management phase, the
** service portfolio as X.1060 draws it, the findings grouped by what they
** mean, the improvement plan, the roadmap as one ranked list grouped by
** cycle, the trend over the snapshots, the CDC through NIST CSF 2.0 and
** FIRST, and the answers behind the scores.  A table is one query over the
** evaluation functions (?1 the CDC, ?2 the language; x1060FillSql's
** placeholders), its values in the report's language (the framework
** data's Japanese names), rendered by one writer per format: the three
** formats carry the same tables.  In HTML a table may have a chart drawn
** from its own rows (chart.c), and the page has a table of contents, a
** print stylesheet and a font stack that finds Japanese fonts.  Every
** value from the database is escaped for the format.
**
** Columns: a column whose name starts with '_' is not shown (_class: the
** row's class in HTML, bold in Markdown for "group" and "total"; _label:
** the chart's label); the table's group column is shown as a heading row
** where its value changes.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3


/* SQL in the report's language (?2): expressions en and ja. */
#define L(en, ja) "CASE WHEN ?2='ja' THEN " ja " ELSE " en " END"
/* The name of canonical value x of a reference table in the language. */
#define NAMED(tab, col, x) "coalesce((SELECT " L(col, "name_ja") " FROM " \
  tab " WHERE " col "=" x "), " x ")"
#define LEVEL(x)      NAMED("x1060_levels", "level", x)
#define ASSIGNMENT(x) NAMED("x1060_assignments", "assignment", x)
#define PHASE(x)      NAMED("x1060_phases", "name", x)
#define CYCLE(x)      NAMED("x1060_cycles", "name", x)
#define STATUS(x)     NAMED("x1060_action_statuses", "name", x)
#define TERM(tab, x) "coalesce((SELECT " L("title", "title_ja") " FROM " \
  tab " WHERE name=" x "), " x ")"
#define CATEGORY(x) "(SELECT " L("name", "name_ja") " FROM " \
  "x1060_categories WHERE category=" x ")"
/* A service's name of CDC row t (its own Japanese name, else its name). */
#define SERVICE(t) L(t ".name", "coalesce(" t ".name_ja, " t ".name)")
/* A date (YYYY-MM-DD...) as its readers write it: 2026年6月30日 in
** Japanese, as it is in English. */
#define DAY(x) L("substr(" x ", 1, 10)", X1060_SQL_JA_DATE(x))
#define PCT(x) "CAST(round((" x ")*100) AS INT)||'%'"
/* The average of column col of rows of x1060_summary or x1060_trend (t),
** weighted by the services scored: the figure over all of them. */
#define WAVG(t, col) "(sum(" t "." col "*" t ".scored)/nullif(sum(" t \
  ".scored), 0))"
#define NA L("'N/A'", "'評価外'")
/* An amount (a cost, an effort) as people write it: 24,000,000 and
** 1,000.50; NULL stays NULL. */
#define AMOUNT(x) "CASE WHEN " x " IS NULL THEN NULL WHEN " x "=CAST(" x \
  " AS INT) THEN printf('%,d', " x ") ELSE printf('%,d', " x ")||substr(" \
  "printf('%.2f', " x "-CAST(" x " AS INT)), 2) END"
/* A change as a signed figure, NULL when either side is. */
#define CHANGE(now, was) "CASE WHEN (" now ") IS NOT NULL AND (" was ") IS " \
  "NOT NULL THEN printf('%+.2f', (" now ")-(" was ")) END"
#define POINTS(now, was) "CASE WHEN (" now ") IS NOT NULL AND (" was ") IS " \
  "NOT NULL THEN printf('%+d', CAST(round(((" now ")-(" was "))*100) AS " \
  "INT))||" L("' points'", "' ポイント'") " END"
/* The last snapshot of the CDC: label, taken_at (no row without one). */
#define LAST_SNAPSHOT "SELECT label, max(taken_at) AS taken_at FROM " \
  "x1060_trend(?1) WHERE label<>'current' AND EXISTS (SELECT 1 FROM $N) " \
  "GROUP BY label ORDER BY max(taken_at) DESC, label DESC LIMIT 1"

/* The shapes of a table. */
#define SHAPE_ROWS   0        /* a table */
#define SHAPE_RECORD 1        /* one row, shown as label: value lines */
#define SHAPE_LIST   2        /* an ordered list of its first column */

/* The charts a table may have in HTML. */
#define CHART_NONE  0
#define CHART_RADAR 1
#define CHART_BARS  2
#define CHART_LINE  3

/* A table of the report: its key in JSON, its subtitle, its headers ('|'-separated, the
** visible columns), its query (after the report's WITH: it starts with
** "," and more common table expressions, or " SELECT"), its shape, its
** group column (or NULL), whether its column 1 is a name given in English
** only (the crosswalks), its chart, and what is said when it has no rows
** (NULL: nothing). */
typedef struct ReportTable ReportTable;
struct ReportTable {
  const char *zKey;
  const char *zTitle, *zTitleJa;  /* a subtitle, or NULL */
  const char *zHead, *zHeadJa;
  const char *zSql;
  int eShape;
  const char *zGroup;
  int eChart;
  const char *zNone, *zNoneJa;
};

/* A CDC through framework fw (x1060_crosswalk_summary): its functions or
** areas are the group rows. */
#define CROSSWALK_SQL(fw) \
  " SELECT ref_id, name, mapped, catalogued, scored, round(avg_as_is, 2) AS " \
  "avg_as_is, round(avg_to_be, 2) AS avg_to_be, " PCT("achievement") \
  " AS achievement, gap_total, CASE WHEN kind IN ('function','area') THEN " \
  "'group' END AS _class FROM x1060_crosswalk_summary(?1, '" fw "', ?2) " \
  "ORDER BY rowid"
#define CROSSWALK_HEAD "|Name|Mapped services|Catalogued|Scored|As-is|" \
  "To-be|Achieved|Gap"
#define CROSSWALK_HEAD_JA "|名称|対応サービス|カタログ|評価済み|現状|目標|" \
  "達成率|ギャップ"

static const ReportTable aTable[] = {
#define T_FIGURES 0
  { "figures", 0, 0,
    "Services listed|Catalogued|Assigned|Scored|Average as-is|Average "
    "to-be|Achievement (scored services at target)|Total gap|Last "
    "snapshot|As-is since then|Achievement since then|Findings: action "
    "required|Findings: to review|Open improvement actions|Overdue actions",
    "一覧のサービス|カタログ|割り当て済み|評価済み|現状の平均|目標の平均|"
    "達成率（目標に達した評価済みサービス）|ギャップの合計|前回のスナップショット|"
    "その後の現状の変化|その後の達成率の変化|指摘：要対応|指摘：要確認|"
    "未完了の改善策|期限超過の改善策",
    ", s AS (SELECT sum(catalogued) AS cat, sum(assigned) AS asg, "
    "sum(scored) AS sco, " WAVG("x", "avg_as_is") " AS a, "
    WAVG("x", "avg_to_be") " AS b, " WAVG("x", "achievement") " AS ach, "
    "sum(gap_total) AS gap FROM x1060_summary(?1) x), l AS (" LAST_SNAPSHOT
    "), t AS (SELECT l.label, l.taken_at, " WAVG("x", "avg_as_is") " AS a, "
    WAVG("x", "achievement") " AS ach FROM l JOIN x1060_trend(?1) x ON "
    "x.label=l.label), e AS (SELECT sum(severity='error') AS err, "
    "sum(severity='warning') AS warn FROM x1060_evaluate(?1)), c AS (SELECT "
    "sum(open) AS o, sum(overdue) AS od FROM x1060_cycle_summary(?1) WHERE "
    "kind='cdc') SELECT (SELECT count(*) FROM $T) AS services, s.cat AS "
    "catalogued, s.asg AS assigned, s.sco AS scored, round(s.a, 2) AS "
    "avg_as_is, round(s.b, 2) AS avg_to_be, " PCT("s.ach") " AS achievement,"
    " s.gap AS gap_total, coalesce(t.label||" L("' ('", "'（'") "||"
    DAY("t.taken_at") "||" L("')'", "'）'") ","
    " " L("'none yet'", "'まだない'") ") AS last_snapshot, "
    CHANGE("s.a", "t.a") " AS as_is_change, " POINTS("s.ach", "t.ach")
    " AS achievement_change, coalesce(e.err, 0) AS action_required, "
    "coalesce(e.warn, 0) AS to_review, coalesce(c.o, 0) AS open_actions, "
    "coalesce(c.od, 0) AS overdue_actions FROM s, e, c LEFT JOIN t",
    SHAPE_RECORD, 0, CHART_NONE, 0, 0 },
#define T_PRIORITIES 1
  /* overdue actions first (earliest due), then the gaps in the roadmap's
  ** order, those with an overdue action excepted (said already) */
  { "priorities", "What matters most", "最も重要な事項", "", "",
    ", o AS (SELECT a.action_id, a.service_id, a.title, a.due, a.owner FROM"
    " $X a WHERE " X1060_SQL_OVERDUE("a") ") SELECT text, service_id FROM ("
    "SELECT 0 AS k, o.due AS ord, o.service_id AS service_id, "
    L("printf('Overdue since %s: improvement action #%d \"%s\"%s, %s.', "
      "o.due, o.action_id, o.title, coalesce(' on '||t.service_id||' '||"
      "t.name, ''), coalesce('owner '||o.owner, 'no owner'))",
      "printf('期限超過（%s）：改善策 #%d「%s」%s、%s。', " DAY("o.due") ", "
      "o.action_id, o.title, coalesce('（'||t.service_id||' '||"
      "coalesce(t.name_ja, t.name)||'）', ''), coalesce('担当 '||o.owner, "
      "'担当者なし'))") " AS text FROM o LEFT JOIN $T t ON "
    "t.service_id=o.service_id UNION ALL SELECT 1, r.rank, r.service_id, "
    L("printf('%s %s (%s) is at %d against a target of %d, %s cycle: %s.',"
      " r.service_id, t.name, r.level, r.as_is, r.to_be, "
      "coalesce(r.cycle, 'long'), CASE WHEN r.open_actions>0 THEN "
      "printf('%d improvement action%s open', r.open_actions, CASE WHEN "
      "r.open_actions>1 THEN 's' ELSE '' END) WHEN r.actions>0 THEN 'its "
      "actions are done; reassess it' ELSE 'no improvement action yet' END)",
      "printf('%s %s（%s）：現状 %d、目標 %d、%s。%s。', r.service_id, "
      "coalesce(t.name_ja, t.name), " LEVEL("r.level") ", r.as_is, r.to_be, "
      CYCLE("coalesce(r.cycle, 'long')") ", CASE WHEN r.open_actions>0 THEN"
      " printf('未完了の改善策 %d 件', r.open_actions) WHEN r.actions>0 THEN "
      "'改善策は完了、再評価が必要' ELSE '改善策はまだない' END)")
    " FROM x1060_roadmap(?1) r JOIN $T t ON t.service_id=r.service_id WHERE "
    "r.overdue_actions=0) ORDER BY k, ord LIMIT 5",
    SHAPE_LIST, 0, CHART_NONE,
    "No gap and no overdue action.", "ギャップも期限超過の改善策もない。" },
#define T_FINDINGS_COUNT 2
  { "findings_count", "Findings per process", "プロセス別の指摘",
    "Process|Action required|To review|For information|All",
    "プロセス|要対応|要確認|参考|合計",
    ", e AS (SELECT process, severity FROM x1060_evaluate(?1)) SELECT "
    TERM("x1060_processes", "p.name") " AS process, "
    "coalesce(sum(e.severity='error'), 0) AS error, "
    "coalesce(sum(e.severity='warning'), 0) AS warning, "
    "coalesce(sum(e.severity='info'), 0) AS info, count(e.process) AS total,"
    " NULL AS _class, min(p.rowid) AS _ord FROM x1060_processes p LEFT JOIN "
    "e ON e.process=p.name GROUP BY p.name UNION ALL SELECT "
    L("'All'", "'合計'") ", coalesce(sum(severity='error'), 0), "
    "coalesce(sum(severity='warning'), 0), coalesce(sum(severity='info'), "
    "0), count(*), 'total', 99 FROM e ORDER BY _ord",
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_CATEGORIES 3
  { "summary", "Per category", "カテゴリ別",
    "Category|Name|Phase|Catalogued|Assigned|Scored|As-is|To-be|Achieved|"
    "Gap", "カテゴリ|名称|フェーズ|カタログ|割り当て済み|評価済み|現状|目標|"
    "達成率|ギャップ",
    " SELECT s.category AS category, " CATEGORY("s.category") " AS name, "
    PHASE("s.phase") " AS phase, s.catalogued AS catalogued, s.assigned AS "
    "assigned, s.scored AS scored, round(s.avg_as_is, 2) AS avg_as_is, "
    "round(s.avg_to_be, 2) AS avg_to_be, " PCT("s.achievement") " AS "
    "achievement, s.gap_total AS gap_total, s.category||' '||"
    CATEGORY("s.category") " AS _label, NULL AS _class, s.category AS _ord "
    "FROM x1060_summary(?1) s UNION ALL SELECT " L("'All'", "'全体'") ", "
    "NULL, NULL, sum(x.catalogued), sum(x.assigned), sum(x.scored), "
    "round(" WAVG("x", "avg_as_is") ", 2), round(" WAVG("x", "avg_to_be")
    ", 2), " PCT(WAVG("x", "achievement")) ", sum(x.gap_total), NULL, "
    "'total', '~' FROM x1060_summary(?1) x ORDER BY _ord",
    SHAPE_ROWS, 0, CHART_RADAR, 0, 0 },
#define T_PHASES 4
  { "phases", "Per management phase", "マネジメントフェーズ別",
    "Phase|Categories|Catalogued|Scored|As-is|To-be|Achieved|Gap",
    "フェーズ|カテゴリ|カタログ|評価済み|現状|目標|達成率|ギャップ",
    " SELECT " PHASE("p.name") " AS phase, group_concat(x.category, ' ') AS "
    "categories, sum(x.catalogued) AS catalogued, sum(x.scored) AS scored, "
    "round(" WAVG("x", "avg_as_is") ", 2) AS avg_as_is, round("
    WAVG("x", "avg_to_be") ", 2) AS avg_to_be, " PCT(WAVG("x",
    "achievement")) " AS achievement, sum(x.gap_total) AS gap_total FROM "
    "x1060_phases p LEFT JOIN x1060_summary(?1) x ON x.phase=p.name GROUP BY"
    " p.name ORDER BY min(p.rowid)",
    SHAPE_ROWS, 0, CHART_BARS, 0, 0 },
#define T_PORTFOLIO 5
  { "portfolio", 0, 0,
    "Service|Name|Recommendation level|Service assignment|As-is|To-be",
    "サービス|名称|推奨レベル|割り当て|現状|目標",
    " SELECT s.service_id AS service_id, " SERVICE("s") " AS name, "
    LEVEL("s.level") " AS level, " ASSIGNMENT("s.assignment") "||coalesce("
    L("' ('", "'（'") "||CASE WHEN s.team IS NOT NULL AND s.outsourcer IS NOT "
    "NULL THEN s.team||' / '||s.outsourcer ELSE coalesce(s.team, "
    "s.outsourcer) END||" L("')'", "'）'") ", '') AS assignment, CASE WHEN "
    "s.excluded THEN " NA " ELSE s.as_is END AS as_is, CASE WHEN s.excluded"
    " THEN " NA " ELSE s.to_be END AS to_be FROM $T s WHERE "
    X1060_SQL_CATALOGUED("s") " ORDER BY s.rowid",
    SHAPE_ROWS, 0, CHART_NONE,
    "Nothing is catalogued yet: give services a recommendation level.",
    "カタログにサービスがまだない。サービスに推奨レベルを付けること。" },
#define T_FINDINGS 6
  { "findings", 0, 0, "Severity|Process|Finding|Count|Services",
    "重要度|プロセス|指摘|件数|サービス",
    " SELECT " TERM("x1060_severities", "e.severity") " AS severity, "
    TERM("x1060_processes", "e.process") " AS process, "
    L("f.title", "f.title_ja") " AS finding, count(*) AS count, "
    "replace(group_concat(DISTINCT e.service_id), ',', ', ') AS services, "
    "e.code AS code, e.severity AS _class FROM x1060_evaluate(?1) e JOIN "
    "x1060_findings f ON f.code=e.code GROUP BY e.severity, e.process, "
    "e.code ORDER BY (SELECT rowid FROM x1060_severities WHERE "
    "name=e.severity), (SELECT rowid FROM x1060_processes WHERE "
    "name=e.process), min(e.rowid)",
    SHAPE_ROWS, 0, CHART_NONE, "No finding.", "指摘はない。" },
#define T_CYCLES 7
  { "cycles", "Per cycle", "サイクル別",
    "Cycle|Actions|Open|Blocked|Done|Overdue|Done since the last snapshot|"
    "Effort (person-days)|Cost", "サイクル|改善策|未完了|停滞|完了|期限超過|"
    "前回スナップショット以降の完了|工数（人日）|費用",
    " SELECT " CYCLE("c.cycle") " AS cycle, c.actions AS actions, c.open AS "
    "open, c.blocked AS blocked, c.done AS done, c.overdue AS overdue, "
    "c.done_since AS done_since, " AMOUNT("c.effort") " AS effort, "
    AMOUNT("c.cost") "||' '||c.currency AS cost FROM "
    "x1060_cycle_summary(?1) c WHERE c.kind='cdc' "
    "AND c.actions>0",
    SHAPE_ROWS, 0, CHART_NONE,
    "No improvement action yet: add them to x1060_actions.",
    "改善策はまだない。x1060_actions に追加すること。" },
#define T_ACTIONS 8
  { "actions", "Every improvement action", "すべての改善策",
    "Action|About|Title|Cycle|Status|Progress|Owner|Due|Overdue|Effort "
    "(person-days)|Cost",
    "番号|対象|件名|サイクル|状態|進捗|担当者|期限|期限超過|工数（人日）|費用",
    " SELECT a.action_id AS action_id, coalesce(a.service_id, a.category, "
    L("'the whole CDC'", "'CDC 全体'") ") AS about, a.title AS title, "
    CYCLE("a.cycle") " AS cycle, " STATUS("a.status") " AS status, "
    "a.progress||'%' AS progress, a.owner AS owner, " DAY("a.due") " AS due,"
    " CASE WHEN " X1060_SQL_OVERDUE("a") " THEN " L("'overdue'", "'期限超過'")
    " END AS overdue, " AMOUNT("a.effort") " AS effort, " AMOUNT("a.cost")
    "||' '||a.currency AS cost, "
    "CASE WHEN " X1060_SQL_OVERDUE("a") " THEN 'overdue' WHEN NOT "
    X1060_SQL_OPEN("a") " THEN 'closed' END AS _class FROM $X a ORDER BY "
    "a.cycle<>'short', a.action_id",
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_ROADMAP 9
  { "roadmap", 0, 0,
    "#|Service|Name|Level|As-is|To-be|Gap|Owner|Due|Improvement actions",
    "順位|サービス|名称|レベル|現状|目標|ギャップ|責任者|期限|改善策",
    ", p AS (SELECT x.service_id, group_concat('#'||x.action_id||' '||"
    STATUS("x.status") ", '; ') AS plan FROM (SELECT * FROM $X ORDER BY "
    "action_id) x WHERE x.status<>'dropped' GROUP BY x.service_id) SELECT "
    "row_number() OVER (ORDER BY coalesce(r.cycle, 'long')='long', r.rank) "
    "AS n, r.service_id AS service_id, " SERVICE("t") " AS name, "
    LEVEL("r.level") " AS level, r.as_is AS as_is, r.to_be AS to_be, r.gap "
    "AS gap, r.owner AS owner, " DAY("r.due") " AS due, p.plan AS plan, "
    CYCLE("coalesce(r.cycle, 'long')") " AS cycle FROM x1060_roadmap(?1) r "
    "JOIN $T t ON t.service_id=r.service_id LEFT JOIN p ON "
    "p.service_id=r.service_id ORDER BY n",
    SHAPE_ROWS, "cycle", CHART_NONE, "No gap: every scored service is at "
    "its target.", "ギャップはない。評価済みのサービスはすべて目標に達している。" },
#define T_TREND 10
  { "trend", "Per snapshot", "スナップショット別",
    "Snapshot|Taken|Scored|As-is|Change|To-be|Achieved|Change",
    "スナップショット|取得日|評価済み|現状|変化|目標|達成率|変化",
    ", g AS (SELECT x.label AS label, max(x.taken_at) AS taken_at, "
    "sum(x.scored) AS scored, " WAVG("x", "avg_as_is") " AS a, "
    WAVG("x", "avg_to_be") " AS b, " WAVG("x", "achievement") " AS ach FROM "
    "x1060_trend(?1) x WHERE EXISTS (SELECT 1 FROM $N) GROUP BY x.label) "
    "SELECT CASE WHEN label='current' THEN " L("'now'", "'現在'") " ELSE "
    "label END AS snapshot, " DAY("taken_at") " AS taken, scored, round(a, "
    "2) AS avg_as_is, " CHANGE("a", "lag(a) OVER w") " AS as_is_change, "
    "round(b, 2) AS avg_to_be, " PCT("ach") " AS achievement, "
    POINTS("ach", "lag(ach) OVER w") " AS achievement_change FROM g WINDOW "
    "w AS (ORDER BY label='current', taken_at) ORDER BY label='current', "
    "taken_at",
    SHAPE_ROWS, 0, CHART_LINE,
    "No snapshot yet: the trend starts with the first x1060_snapshot.",
    "スナップショットはまだない。推移は最初の x1060_snapshot から始まる。" },
#define T_TREND_CATEGORIES 11
  { "trend_categories", "Per category, since the last snapshot", "カテゴリ別（前回のスナップショットから）",
    "Category|Name|As-is at the last snapshot|As-is now|Change",
    "カテゴリ|名称|前回スナップショットの現状|現在の現状|変化",
    ", l AS (" LAST_SNAPSHOT "), p AS (SELECT x.category, x.avg_as_is FROM "
    "l JOIN x1060_trend(?1) x ON x.label=l.label) SELECT s.category AS "
    "category, " CATEGORY("s.category") " AS name, round(p.avg_as_is, 2) AS "
    "before, round(s.avg_as_is, 2) AS avg_as_is, "
    CHANGE("s.avg_as_is", "p.avg_as_is") " AS change FROM x1060_summary(?1)"
    " s JOIN p ON p.category=s.category ORDER BY coalesce(s.avg_as_is-"
    "p.avg_as_is, -9) DESC, s.category",
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_CSF 12
  { "csf", "NIST CSF 2.0", "NIST CSF 2.0", "Function / category" CROSSWALK_HEAD,
    "機能／カテゴリ" CROSSWALK_HEAD_JA, CROSSWALK_SQL("csf"),
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_FIRST 13
  { "first", "FIRST CSIRT Services Framework 2.1", "FIRST CSIRT サービスフレームワーク 2.1", "Area / service" CROSSWALK_HEAD,
    "エリア／サービス" CROSSWALK_HEAD_JA, CROSSWALK_SQL("first"),
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_ASSESSMENTS 14
  /* each answer and each piece of evidence named as a reader names it
  ** (score.c's questions), in the order written */
  { "assessments", 0, 0, "Service|Name|Score|Assignment|Points|Answers|Evidence",
    "サービス|名称|スコア|実施体制|点数|回答|根拠",
    " SELECT s.service_id AS service_id, " SERVICE("s") " AS name, CASE "
    "q.side WHEN 'as_is' THEN " L("'as-is'", "'現状'") " ELSE "
    L("'to-be'", "'目標'") " END AS side, " ASSIGNMENT("q.assignment")
    " AS assignment, coalesce(q.score, " NA ") AS points, (SELECT "
    "group_concat(coalesce((SELECT " L("k.label", "k.label_ja") " FROM "
    "rp_question k WHERE k.key=j.key), j.key)||': '||CASE j.type WHEN 'true'"
    " THEN " L("'yes'", "'はい'") " WHEN 'false' THEN " L("'no'", "'いいえ'")
    " WHEN 'text' THEN CASE j.value WHEN 'full' THEN " L("'fully'",
    "'全面的に'") " WHEN 'partial' THEN " L("'partly'", "'一部'") " WHEN "
    "'none' THEN " L("'no'", "'いいえ'") " ELSE j.value END ELSE j.value "
    "END, '; ') FROM json_tree(q.answers) j WHERE j.type NOT IN ('object', "
    "'array')) AS answers, (SELECT group_concat(coalesce((SELECT "
    L("k.label", "k.label_ja") " FROM rp_question k WHERE k.key=j.key), "
    "j.key)||': '||j.value, '; ') FROM json_tree(q.evidence) j WHERE j.type "
    "NOT IN ('object', 'array')) AS evidence FROM $U q JOIN $T s ON "
    "s.rowid=q.seq_no ORDER BY q.seq_no, q.side",
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
#define T_PEERS 15
  /* x1060_benchmark against the other CDCs of the schema: as-is per
  ** category and overall (the total row), withheld below the minimum */
  { "peers", "As-is per category against the other CDCs of this database",
    "カテゴリ別の現状（このデータベースの他の CDC との比較）",
    "Category|Name|As-is|Peers|Peers' median|Middle half|Range|Percentile",
    "カテゴリ|名称|現状|比較対象数|中央値|中央の半数|範囲|パーセンタイル",
    " SELECT coalesce(b.key, '') AS category, CASE WHEN b.kind='cdc' THEN "
    L("'All services'", "'全サービス'") " ELSE " CATEGORY("b.key") " END AS "
    "name, round(b.value, 2) AS as_is, b.peer_count AS peers, CASE WHEN "
    "b.peer_median IS NULL THEN " L("'withheld'", "'非表示'") " ELSE "
    "printf('%.2f', b.peer_median) END AS median, CASE WHEN b.peer_q1 IS NOT "
    "NULL THEN printf('%.2f–%.2f', b.peer_q1, b.peer_q3) END AS middle, CASE "
    "WHEN b.peer_min IS NOT NULL THEN printf('%.2f–%.2f', b.peer_min, "
    "b.peer_max) END AS range, CAST(round(b.percentile) AS INT) AS "
    "percentile, CASE WHEN b.kind='cdc' THEN 'total' END AS _class FROM "
    "x1060_benchmark(?1) b WHERE b.measure='as_is' AND b.kind<>'phase' AND "
    "b.peer_set>0 ORDER BY b.kind='cdc', b.key",
    SHAPE_ROWS, 0, CHART_NONE, 0, 0 },
};

/* A part of the report: its anchor and title, up to four tables, a
** paragraph under the title, and whether it is left out when its tables
** have no rows. */
typedef struct ReportPart ReportPart;
struct ReportPart {
  const char *zId, *zTitle, *zTitleJa;
  const char *zIntro, *zIntroJa;
  int aTab[4];                /* indexes in aTable; -1 ends */
  int bOptional;
};

static const ReportPart aPart[] = {
  { "summary", "Executive summary", "エグゼクティブサマリー", 0, 0,
    { T_FIGURES, T_PRIORITIES, T_FINDINGS_COUNT, -1 }, 0 },
  { "categories", "The portfolio per category and per phase",
    "カテゴリ別・フェーズ別のポートフォリオ",
    "Averages over the scored services (1 to 5); achievement is the share of"
    " them at or above target; a category with nothing scored is not scored,"
    " never 0.",
    "平均は評価済みのサービス（1～5）についてのもの。達成率は目標に達した割合。"
    "評価済みのサービスがないカテゴリは「未評価」であり、0 ではない。",
    { T_CATEGORIES, T_PHASES, -1 }, 0 },
  { "portfolio", "Service portfolio", "サービスポートフォリオ",
    "As X.1060 draws it: each catalogued service, its recommendation level,"
    " who performs it, and its scores as-is and to-be.",
    "X.1060 の形式：カタログの各サービスの推奨レベル、実施体制、現状と目標のスコア。",
    { T_PORTFOLIO, -1 }, 0 },
  { "findings", "Findings of the evaluation", "評価の指摘事項",
    "Grouped by what they mean; every finding with its message is in "
    "x1060_evaluate.",
    "意味ごとにまとめたもの。個々の指摘とその内容は x1060_evaluate にある。",
    { T_FINDINGS, -1 }, 0 },
  { "plan", "Improvement plan", "改善計画", 0, 0,
    { T_CYCLES, T_ACTIONS, -1 }, 0 },
  { "roadmap", "Roadmap", "ロードマップ",
    "Every gap in order of priority: the short cycle (within today's "
    "resources) first, then the long cycle (needs more resources).",
    "優先順のすべてのギャップ。短期サイクル（現状のリソース内）、次に長期サイクル"
    "（リソースの増強が前提）。",
    { T_ROADMAP, -1 }, 0 },
  { "trend", "Trend over the snapshots", "スナップショットの推移", 0, 0,
    { T_TREND, T_TREND_CATEGORIES, -1 }, 0 },
  { "peers", "Compared with its peers", "他の CDC との比較",
    "Each figure against the other CDCs of this database (x1060_benchmark): "
    "their median, the middle half of them (first to third quartile) and "
    "their range; the percentile is the share of peers below this CDC, ties "
    "counting half. Figures that fewer than "
    X1060_STR(X1060_PEERS_MIN) " peers have are withheld.",
    "このデータベースの他の CDC との比較（x1060_benchmark）：中央値、中央の半数"
    "（第1～第3四分位）、範囲。パーセンタイルはこの CDC を下回る比較対象の割合"
    "（同値は半分と数える）。比較対象が " X1060_STR(X1060_PEERS_MIN)
    " 未満の数値は表示しない。",
    { T_PEERS, -1 }, 1 },
  { "crosswalk", "Through NIST CSF 2.0 and FIRST", "NIST CSF 2.0 と FIRST "
    "から見た状態",
    "The project's mapping of the X.1060 services to NIST CSF 2.0 and to "
    "the FIRST CSIRT Services Framework 2.1; functions and areas are the "
    "bold rows.",
    "X.1060 のサービスと NIST CSF 2.0、FIRST CSIRT サービスフレームワーク 2.1 "
    "との本プロジェクトによる対応付け。太字の行が機能とエリア。名称の日本語訳も"
    "本プロジェクトによる。",
    { T_CSF, T_FIRST, -1 }, 0 },
  { "assessments", "The assessment behind the scores",
    "スコアの根拠（評価基準への回答）", 0, 0, { T_ASSESSMENTS, -1 }, 1 },
};

/*************************************************************** the overview
** x1060_overview's tables, over the CDCs of the filter (ov_cdc: k, cdc, org,
** sector, size, region) and the page of the heat map (ov_page: size, off),
** read from the storage of their schema ($S) directly. */

/* The rows of the services of the CDCs of the filter (or of the heat
** map's page: from), with the flag sco (scored). */
#define OV_ROWS(from) \
  "rw AS (SELECT s.cdc AS k, s.category AS category, s.service_id AS " \
  "service_id, s.custom AS custom, s.as_is AS as_is, s.to_be AS to_be, " \
  "coalesce(" X1060_SQL_SCORED("s") ", 0) AS sco FROM $S.x1060_store_service" \
  " s WHERE s.cdc IN (SELECT k FROM " from "))"
/* A category's average as-is in the heat map, rounded. */
#define OV_HEAT(c) "round((SELECT a FROM g WHERE g.k=pg.k AND g.category='" \
  c "'), 1) AS as_is_" c
/* The number of CDCs of p whose average rounds to level l. */
#define OV_LEVEL(l) "sum(round(p.v)=" l ") AS l" l

static const ReportTable aOvTable[] = {
#define OV_FIGURES 0
  { "figures", 0, 0,
    "CDCs|With scores|Mean as-is|Median as-is|Mean to-be|Mean achievement|"
    "Open actions|Overdue actions|CDCs with an overdue action",
    "CDC 数|評価あり|現状の平均|現状の中央値|目標の平均|達成率の平均|未完了の改善策|"
    "期限超過の改善策|期限超過のある CDC",
    ", " OV_ROWS("ov_cdc") ", c AS (SELECT k, " X1060_SQL_SCORES " FROM rw "
    "GROUP BY k), p AS (SELECT avg_as_is AS v, row_number() OVER (ORDER BY "
    "avg_as_is) AS r, count(*) OVER () AS n FROM c WHERE scored>0), x AS "
    "(SELECT count(*) FILTER (WHERE " X1060_SQL_OPEN("a") ") AS o, count(*) "
    "FILTER (WHERE " X1060_SQL_OVERDUE("a") ") AS od, count(DISTINCT CASE "
    "WHEN " X1060_SQL_OVERDUE("a") " THEN a.cdc END) AS odc FROM "
    "$S.x1060_store_action a WHERE a.cdc IN (SELECT k FROM ov_cdc)) SELECT "
    "(SELECT count(*) FROM ov_cdc) AS cdcs, (SELECT count(*) FROM c WHERE "
    "scored>0) AS scored, (SELECT round(avg(avg_as_is), 2) FROM c) AS "
    "mean_as_is, (SELECT round(" X1060_SQL_QUANTILE("0.5") ", 2) FROM p) AS "
    "median_as_is, (SELECT round(avg(avg_to_be), 2) FROM c) AS mean_to_be, "
    "(SELECT " PCT("avg(achievement)") " FROM c) AS mean_achievement, x.o AS "
    "open_actions, x.od AS overdue_actions, x.odc AS cdcs_overdue FROM x",
    SHAPE_RECORD, 0, CHART_NONE, 0, 0 },
#define OV_HEATMAP 1
  { "heatmap", 0, 0,
    "CDC|Organisation|Sector|A|B|C|D|E|F|G|H|I|All",
    "CDC|組織|業種|A|B|C|D|E|F|G|H|I|全体",
    ", pg AS (SELECT * FROM ov_cdc ORDER BY cdc LIMIT (SELECT size FROM "
    "ov_page) OFFSET (SELECT off FROM ov_page)), " OV_ROWS("pg") ", g AS "
    "(SELECT k, category, avg(CASE WHEN sco THEN as_is END) AS a FROM rw "
    "GROUP BY k, category), t AS (SELECT k, avg(CASE WHEN sco THEN as_is END)"
    " AS a FROM rw GROUP BY k) SELECT pg.cdc AS cdc, pg.org AS org, "
    "(SELECT " L("value", "name_ja") " FROM x1060_attribute_values WHERE "
    "attribute='sector' AND value=pg.sector) AS sector, " OV_HEAT("A") ", "
    OV_HEAT("B") ", " OV_HEAT("C") ", " OV_HEAT("D") ", " OV_HEAT("E") ", "
    OV_HEAT("F") ", " OV_HEAT("G") ", " OV_HEAT("H") ", " OV_HEAT("I") ", "
    "round(t.a, 2) AS avg_as_is FROM pg LEFT JOIN t ON t.k=pg.k ORDER BY "
    "pg.cdc",
    SHAPE_ROWS, 0, CHART_NONE, "No CDC matches.", "該当する CDC はない。" },
#define OV_DISTRIBUTION 2
  { "distribution", 0, 0,
    "Category|Name|CDCs scored|Lowest|First quartile|Median|Third quartile|"
    "Highest|Mean as-is|Mean to-be|About 1|About 2|About 3|About 4|About 5",
    "カテゴリ|名称|評価あり|最低|第1四分位|中央値|第3四分位|最高|現状の平均|目標の平均|"
    "約1|約2|約3|約4|約5",
    ", " OV_ROWS("ov_cdc") ", g AS (SELECT k, category, avg(CASE WHEN sco "
    "THEN as_is END) AS v, avg(CASE WHEN sco THEN to_be END) AS w FROM rw "
    "GROUP BY k, category), p AS (SELECT category, v, w, row_number() OVER "
    "(PARTITION BY category ORDER BY v) AS r, count(*) OVER (PARTITION BY "
    "category) AS n FROM g WHERE v IS NOT NULL) SELECT c.category AS "
    "category, " CATEGORY("c.category") " AS name, count(p.v) AS cdcs, "
    "round(min(p.v), 2) AS lowest, round(" X1060_SQL_QUANTILE("0.25") ", 2) "
    "AS q1, round(" X1060_SQL_QUANTILE("0.5") ", 2) AS median, round("
    X1060_SQL_QUANTILE("0.75") ", 2) AS q3, round(max(p.v), 2) AS highest, "
    "round(avg(p.v), 2) AS avg_as_is, round(avg(p.w), 2) AS avg_to_be, "
    OV_LEVEL("1") ", " OV_LEVEL("2") ", " OV_LEVEL("3") ", " OV_LEVEL("4")
    ", " OV_LEVEL("5") ", " CATEGORY("c.category") " AS _label FROM "
    "x1060_categories c LEFT JOIN p ON p.category=c.category GROUP BY "
    "c.category ORDER BY c.category",
    SHAPE_ROWS, 0, CHART_RADAR, 0, 0 },
#define OV_FURTHEST 3
  { "furthest", 0, 0,
    "CDC|Organisation|As-is|To-be|Achieved|Total gap",
    "CDC|組織|現状|目標|達成率|ギャップ合計",
    ", " OV_ROWS("ov_cdc") ", c AS (SELECT k, " X1060_SQL_SCORES ", "
    X1060_SQL_GAP_TOTAL " FROM rw GROUP BY k) SELECT o.cdc AS cdc, o.org AS "
    "org, round(c.avg_as_is, 2) AS avg_as_is, round(c.avg_to_be, 2) AS "
    "avg_to_be, " PCT("c.achievement") " AS achievement, c.gap_total AS "
    "gap_total FROM c JOIN ov_cdc o ON o.k=c.k WHERE c.gap_total>0 ORDER BY "
    "c.gap_total DESC, c.achievement, o.cdc LIMIT 10",
    SHAPE_ROWS, 0, CHART_NONE, "No CDC has a gap.",
    "ギャップのある CDC はない。" },
#define OV_GAPS 4
  { "gaps", 0, 0,
    "Service|Name|CDCs with a gap|Mean gap",
    "サービス|名称|ギャップのある CDC|ギャップの平均",
    ", " OV_ROWS("ov_cdc") " SELECT rw.service_id AS service_id, (SELECT "
    L("name", "name_ja") " FROM x1060_services v WHERE v.service_id="
    "rw.service_id) AS name, count(*) AS cdcs, round(avg(rw.to_be-rw.as_is),"
    " 2) AS mean_gap FROM rw WHERE rw.custom=0 AND rw.sco AND rw.to_be>"
    "rw.as_is GROUP BY rw.service_id ORDER BY cdcs DESC, mean_gap DESC, "
    "rw.service_id LIMIT 10",
    SHAPE_ROWS, 0, CHART_NONE, "No gap.", "ギャップはない。" },
#define OV_FINDINGS 5
  { "findings", 0, 0,
    "Severity|Finding|CDCs|Findings",
    "重要度|指摘|CDC 数|件数",
    " SELECT " TERM("x1060_severities", "f.severity") " AS severity, "
    "coalesce((SELECT " L("title", "title_ja") " FROM x1060_findings WHERE "
    "code=f.code), f.code) AS finding, f.code AS code, count(DISTINCT f.cdc) "
    "AS cdcs, count(*) AS findings FROM $S.x1060_bi_findings f WHERE f.cdc IN"
    " (SELECT cdc FROM ov_cdc) GROUP BY f.code ORDER BY cdcs DESC, findings "
    "DESC, f.code LIMIT 10",
    SHAPE_ROWS, 0, CHART_NONE, "No finding.", "指摘はない。" },
#define OV_OVERDUE 6
  { "overdue", 0, 0,
    "CDC|Organisation|Overdue actions|Earliest due|Services",
    "CDC|組織|期限超過の改善策|最も早い期限|サービス",
    " SELECT o.cdc AS cdc, o.org AS org, count(*) AS overdue, " DAY("min(a.due)")
    " AS due, group_concat(DISTINCT coalesce(a.service_id, a.category)) AS "
    "services FROM $S.x1060_store_action a JOIN ov_cdc o ON o.k=a.cdc WHERE "
    X1060_SQL_OVERDUE("a") " GROUP BY a.cdc ORDER BY overdue DESC, "
    "min(a.due), o.cdc LIMIT 20",
    SHAPE_ROWS, 0, CHART_NONE, "No improvement action is overdue.",
    "期限超過の改善策はない。" },
};

static const ReportPart aOvPart[] = {
  { "overview", "Overview", "概要", 0, 0, { OV_FIGURES, -1 }, 0 },
  { "heatmap", "Organisations by category (as-is)", "組織別・カテゴリ別の現状",
    "Each CDC's average as-is per category and over all its scored services"
    " (1 to 5; empty: nothing scored), in order of name, one page of them.",
    "各 CDC のカテゴリ別と全体の現状の平均（1～5、空欄は未評価）。名前順、1ページ分。",
    { OV_HEATMAP, -1 }, 0 },
  { "distribution", "The distribution per category", "カテゴリ別の分布",
    "Over the CDCs that scored something in the category: their averages' "
    "range, quartiles and median, the means of their as-is and to-be, and how"
    " many are at about each level.",
    "そのカテゴリに評価のある CDC の平均値の範囲、四分位、中央値、現状と目標の平均、"
    "各レベル付近の CDC 数。",
    { OV_DISTRIBUTION, -1 }, 0 },
  { "furthest", "Furthest from target", "目標から最も遠い CDC",
    "The ten CDCs with the largest total gap (the sum of their scored "
    "services' positive gaps).",
    "ギャップの合計（評価済みサービスの正のギャップの和）が最も大きい 10 の CDC。",
    { OV_FURTHEST, -1 }, 0 },
  { "gaps", "The most common gaps", "多くの CDC に共通するギャップ",
    "The ten Annex A services below target in the most CDCs.",
    "最も多くの CDC で目標に届いていない附属書 A のサービス 10 件。",
    { OV_GAPS, -1 }, 0 },
  { "findings", "The most common findings", "多くの CDC に共通する指摘",
    "The ten findings of the evaluation (x1060_bi_findings) that the most "
    "CDCs have.", "最も多くの CDC にある評価の指摘（x1060_bi_findings）10 件。",
    { OV_FINDINGS, -1 }, 0 },
  { "overdue", "Who has what overdue", "期限超過の改善策",
    "The twenty CDCs with the most overdue improvement actions.",
    "期限超過の改善策が最も多い 20 の CDC。", { OV_OVERDUE, -1 }, 0 },
};

typedef struct ReportDoc ReportDoc;

/* A kind of document: its parts and the tables they index, its facts (the
** title block: xFacts reads them into owned strings, xTitle and xJson
** write them), and its footer. */
#define REPORT_NFACT 5
typedef struct ReportKind ReportKind;
struct ReportKind {
  const ReportPart *aPart;
  int nPart;
  const ReportTable *aTab;
  int nTab;
  int (*xFacts)(ReportDoc*, char **azFact);
  void (*xTitle)(ReportDoc*, char **azFact);
  void (*xJson)(ReportDoc*, char **azFact);
  const char *zFooter, *zFooterJa;
};

/* A document being written. */
struct ReportDoc {
  sqlite3 *db;
  const ReportKind *pKind;
  const char *zSchema, *zName;
  char *zCdc;                 /* "schema.name", for the evaluation functions */
  int eFmt;
  int bJa;
  int iFormat;                /* the storage's format (x1060FillSqlAt) */
  sqlite3_str *pOut;
  char *zWith;                /* the common table expressions of its SQL */
  X1060Filter filter;         /* x1060_overview's */
  sqlite3_int64 nCdc;         /* x1060_overview's CDCs */
  char *zErr;
};

/* Prepare zSql of a table after the document's WITH (the report: the
** rubric's questions; the overview: the CDCs, the page), its placeholders
** filled in for the storage's format, ?1 and ?2 bound. */
static int reportPrepare(ReportDoc *p, const char *zSql, sqlite3_stmt **ppStmt){
  char *zFull = sqlite3_mprintf("WITH %s%s", p->zWith, zSql);
  int rc = zFull ? x1060Prepare(p->db, x1060FillSqlAt(zFull, p->zSchema,
                            p->zName, p->iFormat), ppStmt) : SQLITE_NOMEM;
  sqlite3_free(zFull);
  if( rc==SQLITE_OK && sqlite3_bind_parameter_count(*ppStmt)>=1 ){
    rc = sqlite3_bind_text(*ppStmt, 1, p->zCdc, -1, SQLITE_STATIC);
  }
  if( rc==SQLITE_OK && sqlite3_bind_parameter_count(*ppStmt)>=2 ){
    rc = sqlite3_bind_text(*ppStmt, 2, p->bJa ? "ja" : "en", -1,
                           SQLITE_STATIC);
  }
  return rc;
}

/* Whether column i of pStmt is shown: not hidden ('_'), not the group,
** not data for JSON only (a finding's code). */
static int columnShown(const ReportTable *pT, sqlite3_stmt *pStmt, int i){
  const char *z = sqlite3_column_name(pStmt, i);
  return z && z[0]!='_' && (pT->zGroup==0 || strcmp(z, pT->zGroup)!=0)
      && strcmp(z, "code")!=0;
}

/* The index of the column named zName of pStmt, or -1. */
static int columnIndex(sqlite3_stmt *pStmt, const char *zName){
  int i;
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z = sqlite3_column_name(pStmt, i);
    if( z && strcmp(z, zName)==0 ) return i;
  }
  return -1;
}

/* The header of visible column number k (0-based) of the '|'-separated
** zHead, as *pz and *pn. */
static void headerOf(const char *zHead, int k, const char **pz, int *pn){
  const char *z = zHead, *zEnd;
  while( k-- > 0 && (zEnd = strchr(z, '|'))!=0 ) z = zEnd+1;
  zEnd = strchr(z, '|');
  *pz = z;
  *pn = zEnd ? (int)(zEnd-z) : (int)strlen(z);
}

/* The HTML class of a cell: a heat colour for an as-is score (1..5, an
** average rounded; columns as_is, as_is_<category>, avg_as_is), "tobe" for a target (never judged), "date" for a date
** (kept on one line), or NULL. */
static const char *cellClass(sqlite3_stmt *pStmt, int i){
  static const char *const az[] = { "s1", "s2", "s3", "s4", "s5" };
  const char *zCol = sqlite3_column_name(pStmt, i);
  int eType = sqlite3_column_type(pStmt, i);
  double r;
  if( zCol==0 ) return 0;
  if( strcmp(zCol, "due")==0 || strcmp(zCol, "taken")==0 ) return "date";
  if( strcmp(zCol, "to_be")==0 || strcmp(zCol, "avg_to_be")==0 ){
    return "tobe";
  }
  if( strncmp(zCol, "as_is", 5)!=0 && strcmp(zCol, "avg_as_is")!=0 ){
    return 0;                    /* (as_is, as_is_A...: the overview's) */
  }
  if( eType!=SQLITE_INTEGER && eType!=SQLITE_FLOAT ) return "na";
  r = sqlite3_column_double(pStmt, i);
  return r>=1 && r<=5 ? az[(int)(r+0.5)-1] : 0;
}

/* Append the head of table pT (its visible columns). */
static void tableHead(ReportDoc *p, const ReportTable *pT, sqlite3_stmt *pStmt){
  const char *zHead = p->bJa ? pT->zHeadJa : pT->zHead;
  int i, k = 0, bHtml = p->eFmt==X1060_FMT_HTML;
  sqlite3_str_appendall(p->pOut, bHtml ? "<table id=\"t-" : "|");
  if( bHtml ) sqlite3_str_appendf(p->pOut, "%s\"><thead><tr>", pT->zKey);
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z;
    int n;
    if( !columnShown(pT, pStmt, i) ) continue;
    headerOf(zHead, k++, &z, &n);
    sqlite3_str_appendf(p->pOut, bHtml ? "<th scope=\"col\">%.*s</th>"
                        : " %.*s |", n, z);
  }
  if( bHtml ){
    sqlite3_str_appendall(p->pOut, "</tr></thead><tbody>\n");
  }else{
    sqlite3_str_appendall(p->pOut, "\n|");
    while( k-- ) sqlite3_str_appendall(p->pOut, "---|");
    sqlite3_str_appendall(p->pOut, "\n");
  }
}

/* Append the current row of pStmt: a heading row first when the group
** column's value changed from *pzGroup (kept, owned). */
static void tableRow(ReportDoc *p, const ReportTable *pT, sqlite3_stmt *pStmt,
                     char **pzGroup){
  int i, n = 0, bHtml = p->eFmt==X1060_FMT_HTML;
  int iClass = columnIndex(pStmt, "_class");
  int iGroup = pT->zGroup ? columnIndex(pStmt, pT->zGroup) : -1;
  const char *zClass = iClass>=0 ? (const char*)sqlite3_column_text(pStmt,
                                                                 iClass) : 0;
  int bBold = zClass && (strcmp(zClass, "group")==0
                         || strcmp(zClass, "total")==0);
  for(i=0; i<sqlite3_column_count(pStmt); i++) n += columnShown(pT, pStmt, i);
  if( iGroup>=0 ){
    const char *zG = (const char*)sqlite3_column_text(pStmt, iGroup);
    if( zG && (*pzGroup==0 || strcmp(zG, *pzGroup)!=0) ){
      sqlite3_free(*pzGroup);
      *pzGroup = sqlite3_mprintf("%s", zG);
      sqlite3_str_appendf(p->pOut, bHtml ? "<tr class=\"group\"><th "
                          "colspan=\"%d\" scope=\"rowgroup\">" : "| **", n);
      x1060AppendEscaped(p->pOut, p->eFmt, zG);
      sqlite3_str_appendall(p->pOut, bHtml ? "</th></tr>\n" : "** |");
      if( !bHtml ){
        sqlite3_str_appendchar(p->pOut, n-1, '|');
        sqlite3_str_appendall(p->pOut, "\n");
      }
    }
  }
  if( bHtml && zClass ){
    sqlite3_str_appendall(p->pOut, "<tr class=\"");
    x1060AppendEscaped(p->pOut, p->eFmt, zClass);
    sqlite3_str_appendall(p->pOut, "\">");
  }else{
    sqlite3_str_appendall(p->pOut, bHtml ? "<tr>" : "|");
  }
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z = (const char*)sqlite3_column_text(pStmt, i);
    if( !columnShown(pT, pStmt, i) ) continue;
    if( bHtml ){
      const char *zCell = cellClass(pStmt, i);
      sqlite3_str_appendall(p->pOut, "<td");
      if( zCell ) sqlite3_str_appendf(p->pOut, " class=\"%s\"", zCell);
      sqlite3_str_appendall(p->pOut, ">");
      x1060AppendEscaped(p->pOut, p->eFmt, z);
      sqlite3_str_appendall(p->pOut, "</td>");
    }else{
      sqlite3_str_appendall(p->pOut, bBold && z && z[0] ? " **" : " ");
      x1060AppendEscaped(p->pOut, p->eFmt, z);
      sqlite3_str_appendall(p->pOut, bBold && z && z[0] ? "** |" : " |");
    }
  }
  sqlite3_str_appendall(p->pOut, bHtml ? "</tr>\n" : "\n");
}

/* Append the one row of pStmt as label: value lines (a record). */
static void tableRecord(ReportDoc *p, const ReportTable *pT, sqlite3_stmt *pStmt){
  const char *zHead = p->bJa ? pT->zHeadJa : pT->zHead;
  int i, k = 0, bHtml = p->eFmt==X1060_FMT_HTML;
  sqlite3_str_appendall(p->pOut, bHtml ? "<dl class=\"figures\">\n" : "");
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z = (const char*)sqlite3_column_text(pStmt, i), *zH;
    int nH;
    if( !columnShown(pT, pStmt, i) ) continue;
    headerOf(zHead, k++, &zH, &nH);
    sqlite3_str_appendf(p->pOut, bHtml ? "<div><dt>%.*s</dt><dd>"
                        : "- %.*s: ", nH, zH);
    x1060AppendEscaped(p->pOut, p->eFmt, z ? z : "-");
    sqlite3_str_appendall(p->pOut, bHtml ? "</dd></div>\n" : "\n");
  }
  sqlite3_str_appendall(p->pOut, bHtml ? "</dl>\n" : "\n");
}

/* Append the subtitle of table pT, if it has one. */
static void tableTitle(ReportDoc *p, const ReportTable *pT){
  if( pT->zTitle==0 ) return;
  sqlite3_str_appendf(p->pOut, p->eFmt==X1060_FMT_HTML ? "<h3>%s</h3>\n"
                      : "### %s\n\n", p->bJa ? pT->zTitleJa : pT->zTitle);
}

/* Draw chart eChart of table pT from the rows of pStmt (then reset), under
** the table's subtitle when it has rows (*pbTitled then 1): the label is
** _label or the first column, the values avg_as_is, avg_to_be; the total
** row is not a group. */
static int tableChart(ReportDoc *p, const ReportTable *pT, sqlite3_stmt *pStmt,
                      int *pbTitled){
  enum { MAXG = 24 };
  const char *azLabel[MAXG];
  char *azOwn[MAXG];
  double aAsIs[MAXG], aToBe[MAXG];
  int iLabel = columnIndex(pStmt, "_label"), iClass = columnIndex(pStmt,
      "_class"), iAsIs = columnIndex(pStmt, "avg_as_is"), iToBe =
      columnIndex(pStmt, "avg_to_be"), n = 0, rc, i;
  X1060Chart c;
  if( iLabel<0 ) iLabel = 0;
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    const char *zC = iClass>=0 ? (const char*)sqlite3_column_text(pStmt,
                                                                 iClass) : 0;
    if( zC && strcmp(zC, "total")==0 ) continue;
    if( n==MAXG ){                 /* the line chart: the latest points */
      sqlite3_free(azOwn[0]);
      memmove(azOwn, azOwn+1, sizeof(azOwn[0])*(MAXG-1));
      memmove(aAsIs, aAsIs+1, sizeof(aAsIs[0])*(MAXG-1));
      memmove(aToBe, aToBe+1, sizeof(aToBe[0])*(MAXG-1));
      n--;
    }
    azOwn[n] = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, iLabel));
    aAsIs[n] = sqlite3_column_double(pStmt, iAsIs);
    aToBe[n] = sqlite3_column_double(pStmt, iToBe);
    if( azOwn[n++]==0 ){ rc = SQLITE_NOMEM; break; }
  }
  if( rc==SQLITE_DONE ) rc = sqlite3_reset(pStmt);
  if( rc==SQLITE_OK && n>0 ){
    tableTitle(p, pT);
    *pbTitled = 1;
    for(i=0; i<n; i++) azLabel[i] = azOwn[i];
    memset(&c, 0, sizeof(c));
    c.zId = pT->zKey;
    c.n = n;
    c.azLabel = azLabel;
    c.aAsIs = aAsIs;
    c.aToBe = aToBe;
    c.zAsIs = p->bJa ? "現状（平均）" : "as-is (average)";
    c.zToBe = p->bJa ? "目標（平均）" : "to-be (average)";
    c.zNone = p->bJa ? "未評価" : "not scored";
    switch( pT->eChart ){
      case CHART_RADAR:
        c.zTitle = p->bJa ? "カテゴリ別の現状と目標（1～5）"
                          : "As-is against to-be per category (1 to 5)";
        x1060ChartRadar(p->pOut, &c);
        break;
      case CHART_BARS:
        c.zTitle = p->bJa ? "フェーズ別の現状と目標（1～5）"
                          : "As-is against to-be per phase (1 to 5)";
        x1060ChartBars(p->pOut, &c);
        break;
      default:
        c.zTitle = p->bJa ? "スナップショットごとの現状と目標（1～5）"
                          : "As-is and to-be over the snapshots (1 to 5)";
        x1060ChartLine(p->pOut, &c);
        break;
    }
  }
  for(i=0; i<n; i++) sqlite3_free(azOwn[i]);
  return rc;
}

/* Append table pT (Markdown or HTML): its subtitle and chart when it has
** rows, its rows in its shape, or what is said when it has none. */
static int appendTable(ReportDoc *p, const ReportTable *pT){
  sqlite3_stmt *pStmt = 0;
  char *zGroup = 0;
  int rc = reportPrepare(p, pT->zSql, &pStmt), nRow = 0, bTitled = 0;
  int bHtml = p->eFmt==X1060_FMT_HTML;
  if( rc==SQLITE_OK && bHtml && pT->eChart!=CHART_NONE ){
    rc = tableChart(p, pT, pStmt, &bTitled);
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    if( nRow++==0 && !bTitled ) tableTitle(p, pT);
    if( pT->eShape==SHAPE_RECORD ){
      tableRecord(p, pT, pStmt);
      break;
    }else if( pT->eShape==SHAPE_LIST ){
      if( !bHtml ) sqlite3_str_appendf(p->pOut, "%d. ", nRow);
      else if( nRow==1 ) sqlite3_str_appendall(p->pOut, "<ol class=\"priorities\">\n<li>");
      else sqlite3_str_appendall(p->pOut, "<li>");
      x1060AppendEscaped(p->pOut, p->eFmt,
                         (const char*)sqlite3_column_text(pStmt, 0));
      sqlite3_str_appendall(p->pOut, bHtml ? "</li>\n" : "\n");
    }else{
      if( nRow==1 ) tableHead(p, pT, pStmt);
      tableRow(p, pT, pStmt, &zGroup);
    }
  }
  sqlite3_free(zGroup);
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK ) return rc;
  if( nRow==0 && pT->zNone ){
    sqlite3_str_appendf(p->pOut, bHtml ? "<p class=\"none\">%s</p>\n"
                        : "%s\n\n", p->bJa ? pT->zNoneJa : pT->zNone);
  }else if( nRow && pT->eShape==SHAPE_LIST ){
    sqlite3_str_appendall(p->pOut, bHtml ? "</ol>\n" : "\n");
  }else if( nRow && pT->eShape==SHAPE_ROWS ){
    sqlite3_str_appendall(p->pOut, bHtml ? "</tbody></table>\n" : "\n");
  }
  return SQLITE_OK;
}

/* Append z as a JSON string. */
static void appendJsonString(sqlite3_str *pOut, const char *z){
  sqlite3_str_appendchar(pOut, 1, '"');
  x1060AppendEscaped(pOut, X1060_FMT_JSON, z);
  sqlite3_str_appendchar(pOut, 1, '"');
}

/* Append the current row of pStmt as a JSON object of its columns (those
** named with '_' excepted). */
static void appendJsonRow(sqlite3_str *pOut, sqlite3_stmt *pStmt){
  int i, n = 0;
  sqlite3_str_appendall(pOut, "{");
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *zCol = sqlite3_column_name(pStmt, i);
    if( zCol==0 || zCol[0]=='_' ) continue;
    sqlite3_str_appendf(pOut, "%s\"%s\":", n++ ? "," : "", zCol);
    switch( sqlite3_column_type(pStmt, i) ){
      case SQLITE_NULL:    sqlite3_str_appendall(pOut, "null"); break;
      case SQLITE_INTEGER:
        sqlite3_str_appendf(pOut, "%lld", sqlite3_column_int64(pStmt, i));
        break;
      case SQLITE_FLOAT: {
        double r = sqlite3_column_double(pStmt, i);
        /* JSON has no Inf or NaN */
        if( r!=r || r>1e308 || r<-1e308 ) sqlite3_str_appendall(pOut, "null");
        else sqlite3_str_appendf(pOut, "%!.15g", r);
        break;
      }
      default:
        appendJsonString(pOut, (const char*)sqlite3_column_text(pStmt, i));
        break;
    }
  }
  sqlite3_str_appendall(pOut, "}");
}

/* Append table pT as "key": [ {column: value, ...}, ... ], or as one
** object for a record. */
static int appendJsonTable(ReportDoc *p, const ReportTable *pT){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, pT->zSql, &pStmt), nRow = 0;
  sqlite3_str_appendf(p->pOut, ",\n\"%s\":%s", pT->zKey,
                      pT->eShape==SHAPE_RECORD ? "" : "[");
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    if( pT->eShape!=SHAPE_RECORD ){
      sqlite3_str_appendall(p->pOut, nRow ? ",\n" : "\n");
    }
    appendJsonRow(p->pOut, pStmt);
    if( nRow++==0 && pT->eShape==SHAPE_RECORD ) break;
  }
  if( pT->eShape!=SHAPE_RECORD ) sqlite3_str_appendall(p->pOut, "]");
  else if( nRow==0 ) sqlite3_str_appendall(p->pOut, "null");
  if( rc==SQLITE_OK ) return sqlite3_finalize(pStmt);
  sqlite3_finalize(pStmt);
  return rc;
}

/* Whether part pPart has a row to show (an optional part is left out
** otherwise): its first table gives a row. */
static int partHasRows(ReportDoc *p, const ReportPart *pPart, int *pbHas){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, p->pKind->aTab[pPart->aTab[0]].zSql, &pStmt);
  *pbHas = rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW;
  if( rc==SQLITE_OK ) return sqlite3_finalize(pStmt);
  sqlite3_finalize(pStmt);
  return rc;
}

/* The title block's facts: org, edition, the date, what was assessed, who
** assessed it (the attribute assessed_by), in the report's language;
** REPORT_NFACT owned strings (NULL when not known). */
static int reportFacts(ReportDoc *p, char **az){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, " SELECT (SELECT org FROM $C), (SELECT edition "
      "FROM $C), " L("ltrim(strftime('%d','now'), '0')||' '||trim(substr("
      "'January  February March    April    May      June     July     "
      "August   SeptemberOctober  November December ', strftime('%m','now')"
      "*9-8, 9))||' '||strftime('%Y','now')", "printf('%d年%d月%d日', "
      "strftime('%Y','now'), strftime('%m','now'), strftime('%d','now'))")
      ", " L("printf('%d services listed (the %d of Annex A and %d of its "
      "own), %d catalogued, %d assigned to a team or provider, %d scored', "
      "n, " X1060_STR(X1060_NSERVICE) ", n-" X1060_STR(X1060_NSERVICE) ", "
      "cat, asg, sco)", "printf('一覧のサービス %d 件（附属書 A の %d 件と独自の"
      " %d 件）、カタログ %d 件、割り当て済み %d 件、評価済み %d 件', n, "
      X1060_STR(X1060_NSERVICE) ", n-" X1060_STR(X1060_NSERVICE) ", cat, "
      "asg, sco)") ", ab FROM (SELECT count(*) AS n, coalesce(sum("
      X1060_SQL_CATALOGUED("s") "), 0) AS cat, coalesce(sum("
      X1060_SQL_ASSIGNED("s") "), 0) AS asg, coalesce(sum("
      X1060_SQL_SCORED("s") "), 0) AS sco, (SELECT assessed_by FROM $K) AS "
      "ab FROM $T s)", &pStmt);
  int i;
  for(i=0; i<REPORT_NFACT; i++) az[i] = 0;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    for(i=0; rc==SQLITE_OK && i<REPORT_NFACT; i++){
      const unsigned char *z = sqlite3_column_text(pStmt, i);
      if( z && (az[i] = sqlite3_mprintf("%s", z))==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* The style of the HTML page: readable on screen, on paper and in
** greyscale; a font stack that finds the usual Japanese fonts of Linux,
** macOS and Windows before the generic family. */
static const char zCss[] =
  "body{font-family:'Noto Sans','Noto Sans CJK JP','Source Han Sans JP',"
  "'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic',YuGothic,"
  "Meiryo,'IPAexGothic','IPAGothic','TakaoGothic','VL Gothic',sans-serif;"
  "margin:2em auto;color:#222;max-width:62em;line-height:1.45}"
  "header{border-bottom:3px solid #1f4e79;margin-bottom:1em}"
  ".kicker{color:#555;margin:0}h1{margin:.2em 0}"
  "header dl{display:grid;grid-template-columns:max-content auto;gap:.1em "
  "1em}header dt{color:#555}header dd{margin:0}"
  "nav ol{columns:3;font-size:90%;margin:.2em 0}nav h2{display:none}h2{border-bottom:1px solid #999;margin-top:1.6em}"
  "dl.figures{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:.4em;margin:0}"
  "dl.figures div{border:1px solid #bbb;padding:.4em .6em}"
  "dl.figures dt{font-size:85%;color:#444}dl.figures dd{margin:0;font-size"
  ":140%;font-weight:bold}"
  "ol.priorities li{margin:.3em 0}"
  "table{border-collapse:collapse;margin:0 0 1.2em 0;font-size:88%}"
  "th,td{border:1px solid #999;padding:.2em .45em;text-align:left;"
  "vertical-align:top}thead th{background:#e8e8e8}"
  "tr.group th,tr.group td,tr.total td{font-weight:bold;background:#f2f2f2}"
  "td.s1{background:#f4b6b6}td.s2{background:#f7d0a6}td.s3{background:"
  "#f5e9a8}td.s4{background:#d2ebb8}td.s5{background:#aedcaa}td.na{"
  "color:#666}td.tobe{background:#fff}"
  "tr.error td:first-child{background:#f4b6b6;font-weight:bold}"
  "tr.warning td:first-child{background:#f7e0a0}"
  "tr.info td:first-child{background:#dde7f0}"
  "tr.overdue td{font-weight:bold}tr.closed td{color:#666}"
  "p.none{color:#555;font-style:italic}td.date{white-space:nowrap}"
  "figure.chart{margin:.5em 0 1em 0}svg text{font-size:12px;fill:#222}"
  "svg .tick{fill:#666;font-size:11px}svg .none{fill:#666;font-style:"
  "italic}.grid{fill:none;stroke:#bbb;stroke-width:1}"
  "line.asis,polygon.asis{stroke:#1f4e79;stroke-width:2.5;fill:none}"
  "polygon.asis.area{fill:rgba(31,78,121,.18)}circle.asis{fill:#1f4e79}"
  "rect.asis.bar{fill:#1f4e79}"
  "line.tobe,polygon.tobe,rect.tobe{stroke:#777;stroke-width:2;"
  "stroke-dasharray:6 4;fill:none}rect.tobe{stroke-dasharray:none}"
  "g.legend rect.tobe,polygon.tobe~rect.tobe{fill:#fff}"
  "footer{margin-top:2em;border-top:1px solid #999;font-size:85%;color:"
  "#444}"
  "@page{size:A4;margin:14mm}"
  "@media print{body{margin:0;max-width:none;font-size:10pt}"
  "h2,h3{break-after:avoid}tr,figure,dl.figures div,li{break-inside:avoid}"
  "#summary{break-after:page}thead{display:table-header-group}}";

/* Append the title block (and, in HTML, the head, the table of contents)
** from the facts az (reportFacts); "Assessed by" only when known. */
static void reportTitle(ReportDoc *p, char **az){
  const char *zOrg = az[0] ? az[0] : p->zName;
  int bHtml = p->eFmt==X1060_FMT_HTML;
  const char *zKicker = p->bJa ? "サイバーディフェンスセンター（CDC）評価レポ"
      "ート：ITU-T X.1060" : "Cyber Defence Centre assessment: ITU-T X.1060";
  const char *azLabel[5];
  const char *azValue[5];
  char *zEdition = sqlite3_mprintf(p->bJa ? "ITU-T X.1060（%s年版）"
      : "ITU-T X.1060 (edition %s)", az[1] ? az[1] : "2021");
  int i;
  azLabel[0] = "CDC"; azValue[0] = p->zName;
  azLabel[1] = p->bJa ? "日付" : "Date"; azValue[1] = az[2];
  azLabel[2] = p->bJa ? "フレームワーク" : "Framework"; azValue[2] = zEdition;
  azLabel[3] = p->bJa ? "評価の対象" : "What was assessed"; azValue[3] = az[3];
  azLabel[4] = p->bJa ? "評価者" : "Assessed by"; azValue[4] = az[4];
  if( bHtml ){
    sqlite3_str_appendf(p->pOut, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
        "<meta charset=\"utf-8\"><title>", p->bJa ? "ja" : "en");
    x1060AppendEscaped(p->pOut, p->eFmt, zOrg);
    sqlite3_str_appendf(p->pOut, ": %s</title><style>%s</style></head><body>"
        "\n<header><p class=\"kicker\">%s</p><h1>", p->bJa ? "CDC 評価レポート"
        : "CDC assessment", zCss, zKicker);
  }else{
    sqlite3_str_appendf(p->pOut, "%s\n\n# ", zKicker);
  }
  x1060AppendEscaped(p->pOut, p->eFmt, zOrg);
  sqlite3_str_appendall(p->pOut, bHtml ? "</h1><dl>\n" : "\n\n");
  for(i=0; i<5; i++){
    if( i==4 && azValue[4]==0 ) break;
    sqlite3_str_appendf(p->pOut, bHtml ? "<dt>%s</dt><dd>" : "- %s: ",
                        azLabel[i]);
    x1060AppendEscaped(p->pOut, p->eFmt, azValue[i] ? azValue[i] : "-");
    sqlite3_str_appendall(p->pOut, bHtml ? "</dd>\n" : "\n");
  }
  sqlite3_str_appendall(p->pOut, bHtml ? "</dl></header>\n" : "\n");
  sqlite3_free(zEdition);
}

/* Append the table of contents (HTML): a link to each part shown. */
static void reportContents(ReportDoc *p, const int *aShown){
  const ReportPart *aP = p->pKind->aPart;
  int i;
  sqlite3_str_appendf(p->pOut, "<nav aria-label=\"%s\"><h2>%s</h2><ol>\n",
      p->bJa ? "目次" : "Contents", p->bJa ? "目次" : "Contents");
  for(i=0; i<p->pKind->nPart; i++){
    if( !aShown[i] ) continue;
    sqlite3_str_appendf(p->pOut, "<li><a href=\"#%s\">%s</a></li>\n",
        aP[i].zId, p->bJa ? aP[i].zTitleJa : aP[i].zTitle);
  }
  sqlite3_str_appendall(p->pOut, "</ol></nav>\n");
}

/* Append part pPart (Markdown or HTML). */
static int appendPart(ReportDoc *p, const ReportPart *pPart){
  const char *zIntro = p->bJa ? pPart->zIntroJa : pPart->zIntro;
  int bHtml = p->eFmt==X1060_FMT_HTML, rc = SQLITE_OK, i;
  if( bHtml ){
    sqlite3_str_appendf(p->pOut, "<section id=\"%s\"><h2>%s</h2>\n",
        pPart->zId, p->bJa ? pPart->zTitleJa : pPart->zTitle);
  }else{
    sqlite3_str_appendf(p->pOut, "## %s\n\n", p->bJa ? pPart->zTitleJa
                        : pPart->zTitle);
  }
  if( zIntro ){
    sqlite3_str_appendf(p->pOut, bHtml ? "<p>%s</p>\n" : "%s\n\n", zIntro);
  }
  for(i=0; rc==SQLITE_OK && pPart->aTab[i]>=0; i++){
    rc = appendTable(p, &p->pKind->aTab[pPart->aTab[i]]);
  }
  if( bHtml ) sqlite3_str_appendall(p->pOut, "</section>\n");
  return rc;
}

/* The footer: how the figures are made, where the names come from. */
static void reportFooter(ReportDoc *p){
  sqlite3_str_appendf(p->pOut, p->eFmt==X1060_FMT_HTML
      ? "<footer><p>%s</p></footer>\n" : "---\n\n%s\n",
      p->bJa ? p->pKind->zFooterJa : p->pKind->zFooter);
}

/* The report's facts in JSON: cdc, org, edition, date, assessed,
** assessed_by. */
static void reportJson(ReportDoc *p, char **az){
  static const char *const azKey[REPORT_NFACT] = { "org", "edition",
                                       "date", "assessed", "assessed_by" };
  int i;
  sqlite3_str_appendall(p->pOut, "{\"format\":\"x1060-report\",\"cdc\":");
  appendJsonString(p->pOut, p->zName);
  for(i=0; i<REPORT_NFACT; i++){
    sqlite3_str_appendf(p->pOut, ",\"%s\":", azKey[i]);
    if( i==0 && az[0]==0 ) appendJsonString(p->pOut, p->zName);
    else if( az[i] ) appendJsonString(p->pOut, az[i]);
    else sqlite3_str_appendall(p->pOut, "null");
  }
}

/* Render document p into p->pOut: its facts, then its parts (JSON: every
** table under its key). */
static int reportRender(ReportDoc *p){
  const ReportKind *k = p->pKind;
  char *az[REPORT_NFACT];
  int aShown[16];
  int rc, i;
  memset(az, 0, sizeof(az));
  rc = k->xFacts(p, az);
  for(i=0; rc==SQLITE_OK && i<k->nPart; i++){
    aShown[i] = 1;
    if( k->aPart[i].bOptional ) rc = partHasRows(p, &k->aPart[i], &aShown[i]);
  }
  if( rc==SQLITE_OK && p->eFmt==X1060_FMT_JSON ){
    k->xJson(p, az);
    sqlite3_str_appendf(p->pOut, ",\"x1060_version\":\"%s\",\"lang\":\"%s\"",
        X1060_VERSION, p->bJa ? "ja" : "en");
    for(i=0; rc==SQLITE_OK && i<k->nTab; i++){
      rc = appendJsonTable(p, &k->aTab[i]);
    }
    sqlite3_str_appendall(p->pOut, "\n}");
  }else if( rc==SQLITE_OK ){
    k->xTitle(p, az);
    if( p->eFmt==X1060_FMT_HTML ) reportContents(p, aShown);
    for(i=0; rc==SQLITE_OK && i<k->nPart; i++){
      if( aShown[i] ) rc = appendPart(p, &k->aPart[i]);
    }
    if( rc==SQLITE_OK ) reportFooter(p);
    if( p->eFmt==X1060_FMT_HTML ){
      sqlite3_str_appendall(p->pOut, "</body></html>\n");
    }
  }
  for(i=0; i<REPORT_NFACT; i++) sqlite3_free(az[i]);
  return rc;
}

static const ReportKind reportKind = {
  aPart, X1060_ARRAY_SIZE(aPart), aTable, X1060_ARRAY_SIZE(aTable),
  reportFacts, reportTitle, reportJson,
  "Scores follow the X.1060 assessment rubric (1 to 5); what is not "
  "scored is never counted as 0. Findings' and figures' formulas: "
  "docs/formats.md of x1060. Made with x1060 " X1060_VERSION ".",
  "スコアは X.1060 の評価基準（1～5）による。未評価は 0 として数えない。"
  "サービス名、カテゴリ名、指摘の説明の日本語は本プロジェクトによる訳"
  "（JT-X1060 の公式名称は公開されていない）。x1060 " X1060_VERSION " で作成。"
};

/************************************************** the overview's facts */

/* The overview's facts: the date, the CDCs shown and the page, the filter
** (NULL: none). */
static int overviewFacts(ReportDoc *p, char **az){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, " SELECT " L("date('now')", "printf('%d年%d月%d"
      "日', strftime('%Y','now'), strftime('%m','now'), strftime('%d','now'))")
      ", (SELECT count(*) FROM ov_cdc), (SELECT size FROM ov_page), (SELECT "
      "off FROM ov_page)", &pStmt);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_int64 n = sqlite3_column_int64(pStmt, 1);
    int nSize = sqlite3_column_int(pStmt, 2), iOff = sqlite3_column_int(pStmt, 3);
    p->nCdc = n;
    az[0] = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    az[1] = sqlite3_mprintf(p->bJa ? "%lld 件中 %lld～%lld 件目（%d ページ中 "
        "%d ページ目、1ページ %d 件）" : "%lld to %lld of %lld (page %d of %d, "
        "%d per page)", p->bJa ? n : (sqlite3_int64)(iOff<n ? iOff+1 : n),
        p->bJa ? (sqlite3_int64)(iOff<n ? iOff+1 : n) : (iOff+nSize<n
        ? iOff+nSize : n), p->bJa ? (iOff+nSize<n ? iOff+nSize : n) : n,
        p->bJa ? (int)((n+nSize-1)/nSize) : iOff/nSize+1, p->bJa
        ? iOff/nSize+1 : (int)((n+nSize-1)/nSize), nSize);
    if( az[0]==0 || az[1]==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* The overview's title block: the schema and the number of CDCs, the date,
** the heat map's page, the filter. */
static void overviewTitle(ReportDoc *p, char **az){
  int bHtml = p->eFmt==X1060_FMT_HTML, i;
  char *zH1 = sqlite3_mprintf(p->bJa ? "%s の CDC（%lld 件）" : "The CDCs of "
                              "%s (%lld)", p->zSchema, p->nCdc);
  const char *zKicker = p->bJa ? "サイバーディフェンスセンター（CDC）の一覧：ITU-T"
      " X.1060" : "Cyber Defence Centres overview: ITU-T X.1060";
  if( bHtml ){
    sqlite3_str_appendf(p->pOut, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
        "<meta charset=\"utf-8\"><title>", p->bJa ? "ja" : "en");
    x1060AppendEscaped(p->pOut, p->eFmt, zH1 ? zH1 : "");
    sqlite3_str_appendf(p->pOut, "</title><style>%s</style></head><body>\n"
        "<header><p class=\"kicker\">%s</p><h1>", zCss, zKicker);
  }else{
    sqlite3_str_appendf(p->pOut, "%s\n\n# ", zKicker);
  }
  x1060AppendEscaped(p->pOut, p->eFmt, zH1 ? zH1 : "");
  sqlite3_str_appendf(p->pOut, bHtml ? "</h1><dl>\n<dt>%s</dt><dd>"
      : "\n\n- %s: ", p->bJa ? "日付" : "Date");
  x1060AppendEscaped(p->pOut, p->eFmt, az[0]);
  sqlite3_str_appendf(p->pOut, bHtml ? "</dd>\n<dt>%s</dt><dd>" : "\n- %s: ",
                      p->bJa ? "組織別の表" : "Organisations by category");
  x1060AppendEscaped(p->pOut, p->eFmt, az[1]);
  sqlite3_str_appendf(p->pOut, bHtml ? "</dd>\n<dt>%s</dt><dd>" : "\n- %s: ",
                      p->bJa ? "絞り込み" : "Filter");
  x1060AppendEscaped(p->pOut, p->eFmt, p->filter.azIn[0] || p->filter.azIn[1]
      || p->filter.azIn[2] ? 0 : p->bJa ? "なし（すべての CDC）" : "none (every CDC)");
  for(i=0; i<X1060_NATTRIBUTE_SHARED; i++){
    if( p->filter.azIn[i]==0 ) continue;
    sqlite3_str_appendf(p->pOut, "%s IN ", x1060AttributeColumns[i].zName);
    x1060AppendEscaped(p->pOut, p->eFmt, p->filter.azIn[i]);
    sqlite3_str_appendall(p->pOut, " ");
  }
  sqlite3_str_appendall(p->pOut, bHtml ? "</dd></dl></header>\n" : "\n\n");
  sqlite3_free(zH1);
}

/* The overview's facts in JSON. */
static void overviewJson(ReportDoc *p, char **az){
  sqlite3_str_appendall(p->pOut, "{\"format\":\"x1060-overview\",\"schema\":");
  appendJsonString(p->pOut, p->zSchema);
  sqlite3_str_appendf(p->pOut, ",\"cdcs\":%lld,\"page\":%d,\"page_size\":%d,"
      "\"pages\":%lld,\"date\":", p->nCdc, p->filter.iPage,
      p->filter.nPageSize, (p->nCdc+p->filter.nPageSize-1)/p->filter.nPageSize);
  appendJsonString(p->pOut, az[0]);
}

static const ReportKind overviewKind = {
  aOvPart, X1060_ARRAY_SIZE(aOvPart), aOvTable, X1060_ARRAY_SIZE(aOvTable),
  overviewFacts, overviewTitle, overviewJson,
  "Averages are over the scored services (1 to 5); what is not scored is "
  "never counted as 0. Formulas: docs/peers.md of x1060. Made with x1060 "
  X1060_VERSION ".",
  "平均は評価済みのサービス（1～5）による。未評価は 0 として数えない。計算式は "
  "x1060 の docs/peers.md にある。x1060 " X1060_VERSION " で作成。"
};

/* Read the format and lang arguments (argv[1], argv[2] when given) of
** function zFunc into p; an error names the bad one. */
static int reportOptions(ReportDoc *p, const char *zFunc, int argc,
                         sqlite3_value **argv){
  static const char *const azFmt[] = { "markdown", "html", "json" };
  const char *z;
  int i;
  if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    z = (const char*)sqlite3_value_text(argv[1]);
    for(i=0; i<3 && (z==0 || sqlite3_stricmp(z, azFmt[i])!=0); i++){}
    if( i==3 || sqlite3_value_type(argv[1])!=SQLITE_TEXT ){
      char *zWho = sqlite3_mprintf("%s()", zFunc);
      p->zErr = zWho ? x1060NotAllowedValue(p->db, zWho, "format", argv[1],
          x1060TextOf(p->db, X1060_MSG_A_FORMAT),
          x1060TextOf(p->db, X1060_MSG_REPORT_FORMATS)) : 0;
      sqlite3_free(zWho);
      return p->zErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    p->eFmt = i;
  }
  return x1060LangArg(p->db, argc>2 ? argv[2] : 0, zFunc, &p->bJa,
                      &p->zErr);
}

/* The eras of the Japanese calendar since it took the Gregorian one
** (1873, Meiji 6): each from its first day, and the Gregorian year that
** is its first (元年).  Earlier dates keep their Gregorian year. */
static const struct JapaneseEra {
  int iFrom;              /* its first day (for Meiji: 1873-01-01), YYYYMMDD */
  int iYear1;             /* its first year */
  const char *zName;
} aEra[] = {
  { 20190501, 2019, "令和" }, { 19890108, 1989, "平成" },
  { 19261225, 1926, "昭和" }, { 19120730, 1912, "大正" },
  { 18730101, 1868, "明治" },
};

/* Read a number of 1 to nMax digits at z; its value, or -1.  *pn gets how
** many digits it had. */
static int eraNumber(const char *z, int nMax, int *pn){
  int v = 0, n = 0;
  while( n<nMax && z[n]>='0' && z[n]<='9' ) v = v*10 + (z[n++]-'0');
  *pn = n;
  return n ? v : -1;
}

/* If z begins with a date as Japanese pages write it (2026年12月7日), its
** length, and its year, month and day in *pY, *pM, *pD; else 0. */
static int eraDateAt(const char *z, int *pY, int *pM, int *pD){
  static const char zNen[] = "年", zTsuki[] = "月", zHi[] = "日";
  int n = 0, k;
  *pY = eraNumber(z, 4, &k);
  if( k!=4 || strncmp(z+(n=k), zNen, 3)!=0 ) return 0;
  *pM = eraNumber(z+(n+=3), 2, &k);
  if( k==0 || strncmp(z+(n+=k), zTsuki, 3)!=0 ) return 0;
  *pD = eraNumber(z+(n+=3), 2, &k);
  if( k==0 || strncmp(z+(n+=k), zHi, 3)!=0 ) return 0;
  return n+3;
}

/* Document zDoc with every date 2026年12月7日 written in the era of its
** day (令和8年12月7日; the first year of an era is 元年), for lang
** 'ja-u-ca-japanese'.  From sqlite3_mprintf; NULL on OOM. */
static char *eraDates(const char *zDoc){
  sqlite3_str *pStr = sqlite3_str_new(0);
  const char *z = zDoc;
  while( *z ){
    int y, m, d, i, n = (z==zDoc || z[-1]<'0' || z[-1]>'9')
                      ? eraDateAt(z, &y, &m, &d) : 0;
    for(i=0; n && i<X1060_ARRAY_SIZE(aEra)
             && y*10000+m*100+d<aEra[i].iFrom; i++){}
    if( n && i<X1060_ARRAY_SIZE(aEra) ){
      int iYear = y - aEra[i].iYear1 + 1;
      if( iYear==1 ){
        sqlite3_str_appendf(pStr, "%s元年%d月%d日", aEra[i].zName, m, d);
      }else{
        sqlite3_str_appendf(pStr, "%s%d年%d月%d日", aEra[i].zName, iYear, m, d);
      }
      z += n;
    }else{
      sqlite3_str_appendchar(pStr, 1, *z++);
    }
  }
  return sqlite3_str_finish(pStr);
}

/* Render document p (rc: how making it went so far) as the result of
** function zFunc: text, JSON with subtype J; or its error.  Frees what p
** holds. */
static void reportResult(sqlite3_context *ctx, ReportDoc *p, int rc,
                         const char *zFunc){
  char *zOut = 0;
  if( rc==SQLITE_OK ){
    p->pOut = sqlite3_str_new(p->db);
    rc = p->zWith && p->zCdc ? reportRender(p) : SQLITE_NOMEM;
    if( rc==SQLITE_OK ) rc = sqlite3_str_errcode(p->pOut);
  }
  zOut = p->pOut ? sqlite3_str_finish(p->pOut) : 0;
  if( rc==SQLITE_OK && zOut && p->bJa==X1060_LANG_JA_ERA ){
    char *zEra = eraDates(zOut);
    sqlite3_free(zOut);
    zOut = zEra;
    if( zOut==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    if( p->eFmt==X1060_FMT_JSON ) sqlite3_result_subtype(ctx, 'J');
    zOut = 0;
  }else if( p->zErr ){
    sqlite3_result_error(ctx, p->zErr, -1);
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc==SQLITE_TOOBIG ){
    sqlite3_result_error_toobig(ctx);
  }else{
    char *zMsg = sqlite3_mprintf("%s(): %s", zFunc, sqlite3_errmsg(p->db));
    sqlite3_result_error(ctx, zMsg ? zMsg : "out of memory", -1);
    sqlite3_free(zMsg);
  }
  sqlite3_free(zOut);
  sqlite3_free(p->zErr);
  sqlite3_free(p->zCdc);
  sqlite3_free(p->zWith);
  x1060FilterFree(&p->filter);
}

/* x1060_report(cdc [, format [, lang]]): the report as text (JSON with
** subtype J). */
static void reportFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  ReportDoc r;
  char *zSchema = 0, *zName = 0, *zQuestions = 0;
  int rc;
  memset(&r, 0, sizeof(r));
  r.db = sqlite3_context_db_handle(ctx);
  r.pKind = &reportKind;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  /* the org and the snapshots are read directly: checked first */
  rc = cdcOpenRead(r.db, argv[0], "x1060_report", CDC_CHECK_CDC|
                   CDC_CHECK_SNAPSHOTS|CDC_CHECK_ACTIONS, &zSchema, &zName,
                   &r.iFormat, &r.zErr);
  if( rc==SQLITE_OK ) rc = reportOptions(&r, "x1060_report", argc, argv);
  if( rc==SQLITE_OK ){
    r.zSchema = zSchema;
    r.zName = zName;
    r.zCdc = sqlite3_mprintf("%s.%s", zSchema, zName);
    zQuestions = x1060QuestionsSql();
    r.zWith = zQuestions ? sqlite3_mprintf("rp_question(rubric, ord, key, "
        "label, label_ja) AS (%s)", zQuestions) : 0;
  }
  reportResult(ctx, &r, rc, "x1060_report");
  sqlite3_free(zQuestions);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/*
** x1060_overview([filter [, format [, lang]]]): the CDCs of a schema (by
** default main), or those the filter selects (x1060FilterRead), seen
** together: key figures, a heat map of a page of them by category, the
** distribution per category, those furthest from target, the most common
** gaps and findings, who has what overdue.  HTML by default.
*/
static void overviewFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  ReportDoc r;
  char *zCdcs = 0;
  int rc;
  memset(&r, 0, sizeof(r));
  r.db = sqlite3_context_db_handle(ctx);
  r.pKind = &overviewKind;
  r.eFmt = X1060_FMT_HTML;
  r.filter.zFunc = "x1060_overview";
  r.filter.zArg = "filter";
  r.filter.bOverview = 1;
  rc = x1060FilterRead(r.db, argc>0 ? argv[0] : 0, &r.filter, &r.zErr);
  if( rc==SQLITE_OK && r.filter.zSchema==0 ){
    r.filter.zSchema = sqlite3_mprintf("main");
    if( r.filter.zSchema==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = reportOptions(&r, "x1060_overview", argc, argv);
  if( rc==SQLITE_OK ) rc = x1060StoreFormat(r.db, r.filter.zSchema,
                                            &r.iFormat);
  if( rc==SQLITE_OK && r.iFormat<3 ){
    r.zErr = x1060Msg(r.db, r.iFormat ? X1060_MSG_OVERVIEW_FORMAT2
                      : X1060_MSG_OVERVIEW_NO_CDC, r.filter.zSchema);
    rc = r.zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    r.zSchema = r.filter.zSchema;
    r.zCdc = sqlite3_mprintf("%s", r.zSchema);
    zCdcs = x1060FilterSql(r.db, &r.filter, 0);
    r.zWith = zCdcs ? sqlite3_mprintf("ov_cdc AS (%s), ov_page(size, off) AS "
        "(VALUES(%d, %lld))", zCdcs, r.filter.nPageSize,
        (sqlite3_int64)(r.filter.iPage-1)*r.filter.nPageSize) : 0;
  }
  reportResult(ctx, &r, rc, "x1060_overview");
  sqlite3_free(zCdcs);
}

/* Register x1060_report and x1060_overview: they read CDCs of any schema,
** so they are DIRECTONLY (docs/security.md); JSON subtype. */
int x1060RegisterReport(sqlite3 *db){
  int rc = SQLITE_OK, n;
  for(n=1; rc==SQLITE_OK && n<=3; n++){
    rc = x1060CreateFunction(db, "x1060_report", n,
        SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, reportFunc,
        0, 0);
  }
  for(n=0; rc==SQLITE_OK && n<=3; n++){
    rc = x1060CreateFunction(db, "x1060_overview", n,
        SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, overviewFunc,
        0, 0);
  }
  return rc;
}
