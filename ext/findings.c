/*
** x1060: the findings of the evaluation process, as data.
**
**   SELECT code, process, severity, condition FROM x1060_findings;
**   SELECT * FROM x1060_evaluate('acme');        -- made from this table
**   SELECT * FROM x1060_bi_findings;             -- made from it too
**
** Each finding is one row of x1060Findings: its code, its process, its
** severity ('warning', 'info', or by level), the condition in words
** (English, and Japanese: the project's own), and its SQL: a condition
** and two messages over the rows of one or many CDCs (alias d), or, for a
** finding about the whole CDC, a whole SELECT.  x1060FindingsSql makes
** the compound SELECT that x1060_evaluate (evaluate.c) and the BI view
** x1060_bi_findings (store.c) run; reftables.c serves the rows as
** x1060_findings and docs/reference.md lists them (tests/docs.test keeps
** the list equal to the table).  A finding added here appears in all
** four.
**
** The rows a finding reads are those of the CDC table (x1060_cdc_services,
** with cdc its name, seq_no and the derived columns) or, in the BI view,
** the same columns computed in core SQL (x1060RowsSql).  Placeholders
** (X1060FindingsFrom): $R the rows, $K the categories table, $M the
** team-load limit, $P the improvement actions (x1060_actions' stored
** columns, cdc the CDC's name and k its id), $V the settings and $Y the
** services' history (x1060_store_setting, x1060_store_history: cdc the
** CDC's id), $J the assessments (seq_no, side, assignment, score; cdc the
** CDC's name).  In the Japanese messages, ${level:d.level} is the
** Japanese name of the canonical value of d.level (a CASE made from the
** vocabulary, so that the BI view needs no x1060), and likewise for
** assignment, information, expertise and cycle.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define SVC "d.service_id, d.name"
/* The same in Japanese: the service's Japanese name (a custom service may
** have none: its name). */
#define SVC_JA "d.service_id, coalesce(d.name_ja, d.name)"
#define CAT X1060_SQL_CATALOGUED("d")
#define TEAMED "d.assignment IN ('Insourcing','Combination')"
#define OUTSOURCED "d.assignment IN ('Outsourcing','Combination')"
#define SCORED_ANY "(d.as_is IS NOT NULL OR d.to_be IS NOT NULL)"
/* The score an assessment q is behind, as its service d holds it: the
** number, or 'N/A' (excluded), or 'none'. */
#define ASSESSED "coalesce(CASE q.side WHEN 'as_is' THEN d.as_is ELSE " \
  "d.to_be END, CASE WHEN d.excluded THEN 'N/A' END, 'none')"
/* An action a named in a message: its title and its service when it has
** one ("%s" with ACT_NAME_ARGS). */
#define ACT_NAMED "\"%s\"%s"
#define ACT_NAMED_JA "「%s」%s"
/* An action's date in a Japanese message. */
#define ACT_DATE_JA(x) X1060_SQL_JA_DATE("a." x)
#define ACT_NAME_ARGS "a.title, coalesce(' ('||a.service_id||')', '')"
#define ACT_NAME_ARGS_JA "a.title, coalesce('（'||a.service_id||'）', '')"
/* The order of an action's finding: after those of the services. */
#define ACT_ORD X1060_STR(CDC_SEQ_MAX) "+a.action_id"
/* The CDC's limit on a short-cycle action's effort: its setting ($V, the
** settings rows with cdc the CDC's id), else the default. */
#define ACT_EFFORT_MAX "coalesce((SELECT v.value FROM $V v WHERE v.cdc=a.k " \
  "AND v.key='short_effort_max'), " X1060_STR(X1060_SHORT_EFFORT_MAX) ")"

/* The processes of the evaluation, in the order x1060_evaluate gives their
** findings: the three build artefacts the seed's evaluation process
** reviews (its Japanese names) and the management process (issue 22).
** The questions are the seed's, in the project's words. */
X1060_DATA_DEF const X1060Term x1060Processes[X1060_NPROCESS] = {
  { "catalogue", "Service catalogue", "サービスカタログ",
    "Are there services too many, or missing?",
    "サービスに過不足はないか" },
  { "profile", "Service profile", "サービスプロファイル",
    "Is any assignment unreasonable?",
    "アサインに無理はないか" },
  { "portfolio", "Service portfolio", "サービスポートフォリオ",
    "Are the target scores reached (gap analysis)?",
    "目標スコアに達しているか（ギャップ分析）" },
  { "management", "Management process", "マネジメントプロセス",
    "Does every gap that matters have an improvement action, on time and "
    "resourced?",
    "重要なギャップに改善策があり、期限内で、リソースの裏付けがあるか" },
};

/* The severities of a finding, most urgent first; "by level" resolves to
** one of them (X1060_SQL_BY_LEVEL).  Names and meanings are the project's
** own. */
X1060_DATA_DEF const X1060Term x1060Severities[X1060_NSEVERITY] = {
  { "error", "Action required", "要対応",
    "Contradicts the framework or leaves a Basic service without what it "
    "needs: to be fixed.",
    "フレームワークに反する、または基本サービスに必要なものが欠けている。"
    "是正が必要" },
  { "warning", "To review", "要確認",
    "Incomplete or doubtful: to be looked at and decided.",
    "不完全または疑わしい。確認して判断が必要" },
  { "info", "For information", "参考",
    "Worth knowing; no decision needed.",
    "知っておくべき事項。判断は不要" },
};

/* Every finding, in the order x1060_evaluate gives them within a process
** (then catalogue order).  The first is about a service: the compound
** SELECT takes its column names from it. */
X1060_DATA_DEF const X1060Finding x1060Findings[X1060_NFINDING] = {
  { "no-level", "catalogue", "warning", "service",
    "Services without a recommendation level",
    "推奨レベルが決まっていないサービス",
    "a service has no recommendation level yet",
    "サービスの推奨レベルが未定",
    0, "d.level IS NULL",
    "printf('%s %s: no recommendation level yet', " SVC ")",
    "printf('%s %s：推奨レベルが未定です', " SVC_JA ")" },
  { "category-unnecessary", "catalogue", "warning", "cdc",
    "A whole category judged unnecessary",
    "カテゴリ全体が不要と判断されている",
    "every service of a category is Unnecessary (service_id NULL)",
    "カテゴリのサービスがすべて不要（service_id は NULL）",
    "SELECT 'catalogue' AS process, NULL AS service_id, 'warning' AS "
    "severity, 'category-unnecessary' AS code, printf('category %s (%s): "
    "every service is Unnecessary; is the whole category really out of "
    "scope?', c.category, c.name) AS message, printf('カテゴリ %s（%s）の"
    "サービスがすべて不要とされています。カテゴリ全体が本当に不要か確認して"
    "ください', c.category, c.name_ja) AS message_ja, 0 AS ord, s.cdc AS cdc"
    " FROM $K c JOIN (SELECT cdc, category, count(*) AS n, "
    "sum(level='Unnecessary') AS u FROM $R GROUP BY cdc, category) s ON "
    "s.category=c.category WHERE s.n=s.u", 0, 0, 0 },
  { "unassigned", "profile", "by level", "service",
    "Services nobody is assigned to perform",
    "実施する担当が決まっていないサービス",
    "a catalogued service has no assignment, or Unassigned",
    "カタログにあるサービスの実施体制が未定、または未割り当て",
    0, CAT " AND (d.assignment IS NULL OR d.assignment='Unassigned')",
    "printf('%s %s (%s): %s', " SVC ", d.level, CASE WHEN d.assignment IS "
    "NULL THEN 'no assignment decided' ELSE 'Unassigned: nobody performs "
    "it' END)",
    "printf('%s %s（%s）：%s', " SVC_JA ", ${level:d.level}, CASE WHEN "
    "d.assignment IS NULL THEN '実施体制（アサイン）が未定です' ELSE '未割り"
    "当てで、担当者がいません' END)" },
  { "no-team", "profile", "warning", "service",
    "In-house services without a named team",
    "担当チームが明示されていない内製サービス",
    "Insourcing or Combination, no team named",
    "インソースまたは併用で、担当チームの記入がない",
    0, TEAMED " AND d.team IS NULL",
    "printf('%s %s: %s, but no team in charge is named', " SVC
    ", d.assignment)",
    "printf('%s %s：%sですが、担当チームが記入されていません', " SVC_JA
    ", ${assignment:d.assignment})" },
  { "no-outsourcer", "profile", "warning", "service",
    "Outsourced services without a named provider",
    "委託先が明示されていない外部委託サービス",
    "Outsourcing or Combination, no outsourcer named",
    "アウトソースまたは併用で、委託先の記入がない",
    0, OUTSOURCED " AND d.outsourcer IS NULL",
    "printf('%s %s: %s, but no outsourcer is named', " SVC
    ", d.assignment)",
    "printf('%s %s：%sですが、委託先が記入されていません', " SVC_JA
    ", ${assignment:d.assignment})" },
  { "against-quadrant", "profile", "info", "service",
    "Sourcing differs from what the service's quadrant suggests",
    "ソーシング象限の示唆と異なる実施体制",
    "the assignment differs from its sourcing quadrant's suggestion",
    "実施体制がソーシング象限の示唆と異なる",
    0, X1060_SQL_PERFORMED("d") " AND d.suggested_assignment IS NOT NULL "
    "AND d.assignment<>d.suggested_assignment",
    "printf('%s %s: %s, while its sourcing quadrant %d (%s information, %s "
    "expertise) suggests %s', " SVC ", d.assignment, d.quadrant, "
    "d.information, d.expertise, d.suggested_assignment)",
    "printf('%s %s：%sですが、ソーシング象限 %d（%s情報・%s知識）は%sを示唆"
    "します', " SVC_JA ", ${assignment:d.assignment}, d.quadrant, "
    "${information:d.information}, ${expertise:d.expertise}, "
    "${assignment:d.suggested_assignment})" },
  { "team-load", "profile", "warning", "cdc",
    "One team or provider carries too many services",
    "一つのチームまたは委託先に集中しているサービス",
    "one team or outsourcer performs more than max_share of the assigned "
    "catalogued services (checked from 5 such services on; a Combination "
    "counts for both; service_id NULL; x1060_bi_findings at the default "
    "0.5)",
    "一つのチームまたは委託先が、割り当て済みサービスの max_share を超えて"
    "担う（5 件以上から確認。併用は両方に数える。service_id は "
    "NULL。x1060_bi_findings は既定値 0.5）",
    "SELECT 'profile', NULL, 'warning', 'team-load', printf('%s performs %d"
    " of the %d assigned services (%d%%), more than the limit of %d%%', "
    "w.who, w.k, t.n, w.k*100/t.n, CAST($M*100 AS INT)), printf('%s が割り"
    "当て済みサービス %d 件中 %d 件（%d%%）を担っています（上限 %d%%）', "
    "w.who, t.n, w.k, w.k*100/t.n, CAST($M*100 AS INT)), -w.k, w.cdc FROM "
    "(SELECT cdc, who, count(*) AS k FROM (SELECT d.cdc AS cdc, d.team AS "
    "who FROM $R d WHERE " CAT " AND " TEAMED " AND d.team IS NOT NULL "
    "UNION ALL SELECT d.cdc, d.outsourcer FROM $R d WHERE " CAT " AND "
    OUTSOURCED " AND d.outsourcer IS NOT NULL) GROUP BY cdc, who) w JOIN "
    "(SELECT d.cdc AS cdc, count(*) AS n FROM $R d WHERE "
    X1060_SQL_ASSIGNED("d") " GROUP BY d.cdc) t ON t.cdc=w.cdc WHERE "
    "t.n>=5 AND w.k>$M*t.n", 0, 0, 0 },
  { "not-scored", "portfolio", "warning", "service",
    "Services not yet assessed",
    "まだ評価されていないサービス",
    "a catalogued, not excluded service misses as-is or to-be",
    "カタログにあり評価外でないサービスに現状または目標の評価がない",
    0, CAT " AND d.excluded=0 AND (d.as_is IS NULL OR d.to_be IS NULL)",
    "printf('%s %s: no %s score', " SVC ", CASE WHEN d.as_is IS NULL AND "
    "d.to_be IS NULL THEN 'as-is or to-be' WHEN d.as_is IS NULL THEN "
    "'as-is' ELSE 'to-be' END)",
    "printf('%s %s：%sが未評価です', " SVC_JA ", CASE WHEN d.as_is IS NULL "
    "AND d.to_be IS NULL THEN '現状と目標' WHEN d.as_is IS NULL THEN '現状'"
    " ELSE '目標' END)" },
  { "target-below-current", "portfolio", "warning", "service",
    "Targets set below the current score",
    "現状より低く設定された目標",
    "to-be below as-is",
    "目標が現状を下回る",
    0, "d.excluded=0 AND d.to_be<d.as_is",
    "printf('%s %s: the target %d is below the current score %d', " SVC
    ", d.to_be, d.as_is)",
    "printf('%s %s：目標 %d が現状 %d を下回っています', " SVC_JA
    ", d.to_be, d.as_is)" },
  { "gap", "portfolio", "by level", "service",
    "Services below their target",
    "目標に達していないサービス",
    "the target is not reached (gap > 0): the gap analysis",
    "目標に達していない（ギャップ > 0）：ギャップ分析",
    0, CAT " AND d.gap>0",
    "printf('%s %s (%s): as-is %d, target %d, gap %d (%s cycle)', " SVC
    ", d.level, d.as_is, d.to_be, d.gap, coalesce(d.cycle, 'no'))",
    "printf('%s %s（%s）：現状 %d、目標 %d、ギャップ %d（%s）', " SVC_JA
    ", ${level:d.level}, d.as_is, d.to_be, d.gap, coalesce(${cycle:d.cycle}"
    ", 'サイクルなし'))" },
  { "scored-not-catalogued", "portfolio", "warning", "service",
    "Scores on services outside the catalogue",
    "カタログ外のサービスに付いた評価",
    "scores on a service without a level or Unnecessary",
    "レベル未定または不要のサービスに評価がある",
    0, "NOT " CAT " AND " SCORED_ANY,
    "printf('%s %s: scored, but not in the catalogue (%s)', " SVC
    ", coalesce(d.level, 'no level'))",
    "printf('%s %s：カタログにない（%s）サービスに評価が付いています', "
    SVC_JA ", coalesce(${level:d.level}, 'レベル未定'))" },
  { "scored-excluded", "portfolio", "warning", "service",
    "Scores on services excluded from evaluation",
    "評価外のサービスに付いた評価",
    "scores on a service excluded from evaluation (N/A)",
    "評価外（N/A）のサービスに評価がある",
    0, "d.excluded=1 AND " SCORED_ANY,
    "printf('%s %s: excluded from evaluation (N/A), yet scored', " SVC ")",
    "printf('%s %s：評価外（N/A）のサービスに評価が付いています', " SVC_JA
    ")" },
  /* the assessment behind a score ($J, x1060_store_assessment's rows with
  ** cdc the CDC's name): a score that is not what its answers give */
  { "score-contradicts-answers", "portfolio", "warning", "service",
    "Scores that contradict the assessment answers",
    "評価の回答と矛盾するスコア",
    "a score differs from what the answers behind it give (x1060_assess), "
    "the assignment unchanged since",
    "スコアが、その根拠となる回答（x1060_assess）から導かれる値と異なる（"
    "実施体制は回答時のまま）",
    "SELECT 'portfolio', d.service_id, 'warning', "
    "'score-contradicts-answers', printf('%s %s: its %s score is %s, but "
    "its answers give %s', " SVC ", replace(q.side, '_', '-'), " ASSESSED
    ", coalesce(q.score, 'N/A')), printf('%s %s：%sのスコアは %s ですが、"
    "回答からは %s になります', " SVC_JA ", CASE q.side WHEN 'as_is' THEN '現状'"
    " ELSE '目標' END, " ASSESSED ", coalesce(q.score, 'N/A')), d.seq_no, "
    "d.cdc FROM $J q JOIN $R d ON d.cdc=q.cdc AND d.seq_no=q.seq_no WHERE "
    "q.assignment IS d.assignment AND " ASSESSED " IS NOT coalesce(q.score,"
    " 'N/A')", 0, 0, 0 },
  { "answers-other-assignment", "portfolio", "warning", "service",
    "Assessment answers given for a former sourcing",
    "以前の実施体制に対する評価の回答",
    "the answers behind a score were given for another assignment than the "
    "service has now",
    "スコアの根拠となる回答が、現在と異なる実施体制に対するもの",
    "SELECT 'portfolio', d.service_id, 'warning', "
    "'answers-other-assignment', printf('%s %s: the answers behind its %s "
    "score were given for %s; it is %s now: assess it again (x1060_assess)',"
    " " SVC ", replace(q.side, '_', '-'), q.assignment, coalesce("
    "d.assignment, 'not assigned')), printf('%s %s：%sの回答は%sに対する"
    "ものですが、現在は%sです。再評価してください（x1060_assess）', " SVC_JA
    ", CASE q.side WHEN 'as_is' THEN '現状' ELSE '目標' END, "
    "${assignment:q.assignment}, coalesce(${assignment:d.assignment}, "
    "'実施体制が未定')), d.seq_no, d.cdc FROM $J q JOIN $R d ON"
    " d.cdc=q.cdc AND d.seq_no=q.seq_no WHERE q.assignment IS NOT "
    "d.assignment", 0, 0, 0 },
  /* the management process: the improvement actions ($P, x1060_actions'
  ** rows with cdc the CDC's name and k its id) and whether they close the
  ** cycle */
  { "gap-no-action", "management", "by level", "service",
    "Gaps of key services with no improvement action",
    "重要なサービスのギャップに改善策がない",
    "a gap of a Basic or Standard service has no improvement action (none,"
    " or only dropped ones)",
    "基本または標準のサービスのギャップに改善策がない（ないか、中止のみ）",
    0, "d.level IN ('Basic','Standard') AND d.gap>0 AND NOT EXISTS (SELECT 1"
    " FROM $P a WHERE a.cdc=d.cdc AND a.service_id=d.service_id AND "
    "a.status<>'dropped')",
    "printf('%s %s (%s): gap %d, and no improvement action', " SVC
    ", d.level, d.gap)",
    "printf('%s %s（%s）：ギャップ %d に対する改善策がありません', " SVC_JA
    ", ${level:d.level}, d.gap)" },
  { "action-overdue", "management", "warning", "action",
    "Improvement actions past their due date",
    "期限を過ぎた改善策",
    "an open action (planned, in progress or blocked) is past its due date",
    "未完了の改善策（計画中・実施中・停滞）が期限を過ぎている",
    "SELECT 'management', a.service_id, 'warning', 'action-overdue', "
    "printf('action %d " ACT_NAMED ": due %s, still %s', a.action_id, "
    ACT_NAME_ARGS ", a.due, a.status), printf('改善策 %d" ACT_NAMED_JA
    "：期限の%sを過ぎています', a.action_id, "
    ACT_NAME_ARGS_JA ", " ACT_DATE_JA("due") "), " ACT_ORD ", a.cdc FROM $P a WHERE "
    X1060_SQL_OVERDUE("a"), 0, 0, 0 },
  { "action-no-owner", "management", "warning", "action",
    "Improvement actions without an owner",
    "担当者のいない改善策",
    "an open action has no owner",
    "未完了の改善策に担当者がいない",
    "SELECT 'management', a.service_id, 'warning', 'action-no-owner', "
    "printf('action %d " ACT_NAMED ": no owner', a.action_id, "
    ACT_NAME_ARGS "), printf('改善策 %d" ACT_NAMED_JA "：担当者が決まって"
    "いません', a.action_id, " ACT_NAME_ARGS_JA "), " ACT_ORD ", a.cdc FROM "
    "$P a WHERE " X1060_SQL_OPEN("a") " AND a.owner IS NULL", 0, 0, 0 },
  { "action-done-not-reassessed", "management", "warning", "action",
    "Completed actions whose service was not reassessed",
    "完了後にサービスが再評価されていない改善策",
    "an action on a service is done, and the service's as-is score has not "
    "been written since the action's completed date",
    "サービスへの改善策が完了したが、完了日以降に現状の評価が更新されていない",
    "SELECT 'management', a.service_id, 'warning', "
    "'action-done-not-reassessed', printf('action %d " ACT_NAMED ": done on "
    "%s, and %s has not been re-assessed since', a.action_id, "
    ACT_NAME_ARGS ", a.completed, a.service_id), printf('改善策 %d"
    ACT_NAMED_JA "：%sに完了しましたが、%s の現状評価がその後更新されて"
    "いません', a.action_id, " ACT_NAME_ARGS_JA ", " ACT_DATE_JA("completed")
    ", a.service_id), "
    ACT_ORD ", a.cdc FROM $P a WHERE a.status='done' AND a.service_id "
    "IS NOT NULL AND coalesce((SELECT substr(max(h.changed_at),1,10) FROM "
    "$Y h WHERE h.cdc=a.k AND h.service_id=a.service_id AND "
    "h.column_name='as_is')>=a.completed, 0)=0", 0, 0, 0 },
  { "long-no-estimate", "management", "warning", "action",
    "Long-cycle actions without an estimate of resources",
    "リソースの見積もりがない長期サイクルの改善策",
    "an open long-cycle action has neither an effort nor a cost estimate "
    "(the long cycle needs resources)",
    "未完了の長期サイクルの改善策に工数・費用の見積もりがない（長期サイクルは"
    "リソースを要する）",
    "SELECT 'management', a.service_id, 'warning', 'long-no-estimate', "
    "printf('action %d " ACT_NAMED ": long cycle, but no effort or cost "
    "estimate', a.action_id, " ACT_NAME_ARGS "), printf('改善策 %d"
    ACT_NAMED_JA "：長期サイクルですが工数・費用の見積もりがありません', "
    "a.action_id, " ACT_NAME_ARGS_JA "), " ACT_ORD ", a.cdc FROM $P a WHERE "
    X1060_SQL_OPEN("a") " AND a.cycle='long' AND a.effort IS NULL AND "
    "a.cost IS NULL", 0, 0, 0 },
  { "short-too-large", "management", "warning", "action",
    "Short-cycle actions too large for today's resources",
    "現状のリソースには大きすぎる短期サイクルの改善策",
    "an open short-cycle action's effort exceeds the CDC's short_effort_max "
    "(default " X1060_STR(X1060_SHORT_EFFORT_MAX) " person-days): it belongs "
    "in the long cycle",
    "未完了の短期サイクルの改善策の工数が CDC の short_effort_max（既定 "
    X1060_STR(X1060_SHORT_EFFORT_MAX) " 人日）を超える：長期サイクルで扱う"
    "べき",
    "SELECT 'management', a.service_id, 'warning', 'short-too-large', "
    "printf('action %d " ACT_NAMED ": %g person-days in the short cycle, "
    "more than %g; plan it in the long cycle', a.action_id, " ACT_NAME_ARGS
    ", a.effort, " ACT_EFFORT_MAX "), printf('改善策 %d" ACT_NAMED_JA "："
    "短期サイクルで %g 人日（上限 %g）。長期サイクルで計画してください', "
    "a.action_id, " ACT_NAME_ARGS_JA ", a.effort, " ACT_EFFORT_MAX "), "
    ACT_ORD ", a.cdc FROM $P a WHERE " X1060_SQL_OPEN("a") " AND "
    "a.cycle='short' AND a.effort>" ACT_EFFORT_MAX, 0, 0, 0 },
#ifdef X1060_TEST_EXTRA_FINDING
  { "test-note", "portfolio", "info", "service",
    "Services with a note (test build only)",
    "メモのあるサービス（テスト用ビルドのみ）",
    "a note is written (a finding of the test build only)",
    "メモが書かれている（テスト用ビルドのみの指摘）",
    0, "d.note IS NOT NULL",
    "printf('%s %s: note %s', " SVC ", d.note)",
    "printf('%s %s：メモ %s', " SVC ", d.note)" },
#endif
};

/* The vocabularies a message may name by ${name:expr}. */
static const struct FindingWords {
  const char *zName;
  const X1060Vocabulary *pVocab;
} aFindingWords[] = {
  { "level",       &x1060LevelVocabulary },
  { "assignment",  &x1060AssignmentVocabulary },
  { "information", &x1060InformationVocabulary },
  { "expertise",   &x1060ExpertiseVocabulary },
  { "cycle",       &x1060CycleVocabulary },
};

/* Append "CASE expr WHEN '<word>' THEN '<its Japanese name>' ... END" for
** the placeholder ${name:expr} at z (n bytes, inside the braces): a
** value that is no word of the vocabulary (NULL) gives NULL. */
static void appendJapaneseWord(sqlite3_str *pStr, const char *z, int n){
  const char *zColon = memchr(z, ':', (size_t)n);
  int i, k, nName = zColon ? (int)(zColon - z) : n;
  for(k=0; k<X1060_ARRAY_SIZE(aFindingWords); k++){
    if( (int)strlen(aFindingWords[k].zName)==nName
     && memcmp(aFindingWords[k].zName, z, (size_t)nName)==0 ) break;
  }
  if( zColon==0 || k==X1060_ARRAY_SIZE(aFindingWords) ){
    sqlite3_str_appendall(pStr, "NULL");      /* (a typo: the tests see it) */
    return;
  }
  sqlite3_str_appendf(pStr, "CASE %.*s", n-nName-1, zColon+1);
  for(i=0; i<aFindingWords[k].pVocab->nRow; i++){
    const X1060Word *w = x1060VocabularyWord(aFindingWords[k].pVocab, i);
    sqlite3_str_appendf(pStr, " WHEN %Q THEN %Q", w->zName, w->zNameJa);
  }
  sqlite3_str_appendall(pStr, " END");
}

/* Append z to pStr with the placeholders replaced by what pFrom says. */
static void appendFilled(sqlite3_str *pStr, const char *z,
                         const X1060FindingsFrom *pFrom){
  for(; *z; z++){
    const char *zBy = 0;
    if( z[0]=='$' && z[1]=='{' && strchr(z, '}') ){
      const char *zEnd = strchr(z, '}');
      appendJapaneseWord(pStr, z+2, (int)(zEnd - z - 2));
      z = zEnd;
      continue;
    }
    if( z[0]=='$' ){
      switch( z[1] ){
        case 'R': zBy = pFrom->zRows; break;
        case 'K': zBy = pFrom->zCategories; break;
        case 'M': zBy = pFrom->zShare; break;
        case 'P': zBy = pFrom->zActions; break;
        case 'V': zBy = pFrom->zSettings; break;
        case 'Y': zBy = pFrom->zHistory; break;
        case 'J': zBy = pFrom->zAssessments; break;
      }
    }
    if( zBy ){
      sqlite3_str_appendall(pStr, zBy);
      z++;
    }else{
      sqlite3_str_appendchar(pStr, 1, *z);
    }
  }
}

/* The SQL of the severity of finding f. */
static const char *findingSeverity(const X1060Finding *f){
  return strcmp(f->zSeverity, "by level")==0 ? X1060_SQL_BY_LEVEL("d") : 0;
}

/* See x1060_int.h. */
char *x1060FindingsSql(const X1060FindingsFrom *pFrom){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  for(i=0; i<X1060_NFINDING; i++){
    const X1060Finding *f = &x1060Findings[i];
    char *zTerm;
    if( i ) sqlite3_str_appendall(pStr, " UNION ALL ");
    if( f->zSelect ){
      zTerm = sqlite3_mprintf("%s", f->zSelect);
    }else{
      const char *zSev = findingSeverity(f);
      /* (a compound takes its column names from its first term) */
      zTerm = sqlite3_mprintf("SELECT '%s'%s, d.service_id%s, %s%s%s%s, "
          "'%s'%s, %s%s, %s%s, d.seq_no%s, d.cdc%s FROM $R d WHERE %s",
          f->zProcess, i ? "" : " AS process", i ? "" : " AS service_id",
          zSev ? "" : "'", zSev ? zSev : f->zSeverity, zSev ? "" : "'",
          i ? "" : " AS severity", f->zCode, i ? "" : " AS code",
          f->zMessage, i ? "" : " AS message", f->zMessageJa,
          i ? "" : " AS message_ja", i ? "" : " AS ord", i ? "" : " AS cdc",
          f->zWhere);
    }
    if( zTerm==0 ){
      sqlite3_free(sqlite3_str_finish(pStr));
      return 0;
    }
    appendFilled(pStr, zTerm, pFrom);
    sqlite3_free(zTerm);
  }
  return sqlite3_str_finish(pStr);
}
