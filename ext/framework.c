/*
** x1060: the framework data of ITU-T X.1060, compiled in.
**
** This file is the one source of truth for every fact about X.1060 that the
** extension shows: the nine categories and 64 services of Annex A, the five
** recommendation levels, the four assignment types, the two assessment
** rubrics, the four sourcing quadrants, the three management phases and the
** two cycles.  Nothing else in ext/ spells an X.1060 value (crosswalk.c
** holds the other frameworks and the mapping to them).
**
** Provenance (see README.md, "Where the data comes from"):
**   - service ids, English service and category names, level and assignment
**     descriptions, rubric criteria in English and Japanese, the Japanese
**     phase and cycle names and descriptions: as the seed document
**     (../shared/seed) gives them, including its spelling;
**   - published variant spellings ("also" lists): the 2021 Recommendation's
**     table of contents as X1060.md reports it;
**   - Japanese service, category, level and assignment names, all summaries,
**     English phase and cycle descriptions, quadrant texts, default phases
**     and default sourcing axes: the project's own, not the Recommendation's.
*/
#include "x1060_int.h"

/* Management phases.  Names are exact (seed, Figure 6); the English
** descriptions are the project's translation of the seed's Japanese. */
X1060_DATA_DEF const X1060Stage x1060Phases[X1060_NPHASE] = {
  { {"Strategic management", "戦略マネジメント", "strategic"},
    "Activities responsible for the services that need a strategic view: "
    "defining the CDC, its overall design, planning and control.",
    "CDCの定義、全体のデザイン、計画や管理に関する戦略的な視点が必要となる"
    "サービスの遂行に責任を持った活動。" },
  { {"Operation", "運用", "operations"},
    "Day-to-day security monitoring and the services that go with it; an "
    "organisation doing mainly this is usually called a SOC.",
    "平時の活動としてセキュリティの監視やそれに付随するサービスを遂行する。"
    "このような活動を主体とする組織は一般的にSOCと呼ばれる。" },
  { {"Response", "対応", NULL},
    "Services performed in an emergency, triggered by what operation finds; "
    "an organisation doing mainly this is usually called a CSIRT.",
    "運用フェーズでの発見事象に基づき、非常時に実施すべきサービスを遂行する。"
    "このような活動を主体とする組織は一般的にCSIRTと呼ばれる。" },
};
#define PH_STRATEGIC 0
#define PH_OPERATION 1
#define PH_RESPONSE  2

/* Management cycles (seed, Figure 6). */
X1060_DATA_DEF const X1060Stage x1060Cycles[X1060_NCYCLE] = {
  { {"short", "短期サイクル", "short cycle"},
    "Continuous improvement within today's resources, in daily operation and "
    "response.",
    "日々の運用や対応において、現状のリソース内で可能な改善活動を継続的に"
    "実施する" },
  { {"long", "長期サイクル", "long cycle"},
    "Long-term improvement of what operation and response cannot solve "
    "alone, assuming more resources (people, budget, products, platforms).",
    "運用と対応のフェーズでは解決できないような、リソースの増強なども前提と"
    "した長期的な改善活動を継続的に実施する" },
};

/* The statuses of an improvement action (the management process): the
** words, their Japanese names and descriptions are the project's own. */
X1060_DATA_DEF const X1060Stage x1060ActionStatuses[X1060_NSTATUS] = {
  { {"planned", "計画中", "plan|todo|to do|not started|未着手|計画"},
    "Decided, not started.",
    "実施が決まり、まだ着手していない" },
  { {"in progress", "実施中", "inprogress|ongoing|started|doing|active|"
     "進行中|対応中"},
    "Started and not finished.",
    "着手済みで、まだ完了していない" },
  { {"done", "完了", "complete|completed|finished|closed|済|完了済み"},
    "Finished: what it set out to do is in place.",
    "完了し、目的とした改善が実施された" },
  { {"dropped", "中止", "cancelled|canceled|abandoned|取りやめ"},
    "Given up; kept for the record.",
    "取りやめた（記録として残す）" },
  { {"blocked", "停滞", "on hold|waiting|stalled|保留|待ち"},
    "Started or planned, but cannot go on until something outside it "
    "changes.",
    "外部の要因が解消するまで進められない" },
};

/* Categories of Annex A.  Japanese titles and default phases: project's. */
X1060_DATA_DEF const X1060Category x1060Categories[X1060_NCATEGORY] = {
  { {"Strategic management of CDC", "CDCの戦略マネジメント", NULL},
    'A', PH_STRATEGIC },
  { {"Real-time analysis", "リアルタイム分析", NULL}, 'B', PH_OPERATION },
  { {"Deep analysis", "深掘分析", NULL}, 'C', PH_RESPONSE },
  { {"Incident response", "インシデント対応", NULL}, 'D', PH_RESPONSE },
  { {"Check and evaluate", "診断と評価", "Checking and evaluating"},
    'E', PH_OPERATION },
  { {"Collecting, analyzing and evaluating threat intelligence",
     "脅威インテリジェンスの収集、分析、評価", NULL}, 'F', PH_OPERATION },
  { {"Development and maintenance of CDC platforms",
     "CDC基盤の開発と保守", NULL}, 'G', PH_OPERATION },
  { {"Supporting internal fraud response", "内部不正対応の支援", NULL},
    'H', PH_RESPONSE },
  { {"Active relationship with external parties",
     "外部組織との積極的な連携", NULL}, 'I', PH_STRATEGIC },
};

#define IN X1060_INTERNAL
#define EX X1060_EXTERNAL
#define GE X1060_GENERAL
#define SP X1060_SPECIALISED

/*
** The 64 services of Annex A, in catalogue order (rowid = position + 1).
** { {name, Japanese name, published variants}, id, seq, information,
**   expertise, summary, Japanese summary }
*/
X1060_DATA_DEF const X1060Service x1060Services[X1060_NSERVICE] = {
  /* A Strategic management of CDC */
  { {"Risk management", "リスクマネジメント", NULL}, "A-1", 1, IN, GE,
    "Identifies, evaluates and treats the cyber risks to the business and "
    "keeps the risk register current.",
    "事業に対するサイバーリスクを特定・評価・対処し、リスク登録簿を最新に"
    "保つ。" },
  { {"Risk assessment", "リスクアセスメント", NULL}, "A-2", 2, IN, SP,
    "Analyses threats, vulnerabilities and impact to estimate the size of "
    "each cyber risk.",
    "脅威、脆弱性、影響を分析して各サイバーリスクの大きさを見積もる。" },
  { {"Policy planning", "ポリシー策定", NULL}, "A-3", 3, IN, GE,
    "Drafts the security policies and standards that put the CISO's "
    "direction into effect.",
    "CISOの方針を実現するセキュリティポリシーと基準を策定する。" },
  { {"Policy management", "ポリシー管理", NULL}, "A-4", 4, IN, GE,
    "Maintains, reviews and communicates the security policies so that they "
    "stay current and applied.",
    "セキュリティポリシーを維持・見直し・周知し、最新かつ適用された状態に"
    "保つ。" },
  { {"Business continuity", "事業継続", NULL}, "A-5", 5, IN, GE,
    "Plans and exercises how the business keeps running through a serious "
    "cyber incident and recovers from it.",
    "重大なサイバーインシデントの際にも事業を継続し復旧するための計画を立て、"
    "演習する。" },
  { {"Business impact analysis", "事業影響度分析", NULL}, "A-6", 6, IN, GE,
    "Determines which business processes and systems matter most and what "
    "their disruption would cost.",
    "どの業務プロセスとシステムが重要で、停止した場合の影響がどれほどかを"
    "明らかにする。" },
  { {"Resource management", "リソース管理", NULL}, "A-7", 7, IN, GE,
    "Plans and allocates the people, budget and tools that the CDC's "
    "services need.",
    "CDCのサービスに必要な人員、予算、ツールを計画し配分する。" },
  { {"Security architecture design", "セキュリティアーキテクチャ設計", NULL},
    "A-8", 8, IN, SP,
    "Designs the security architecture of the organisation's systems and of "
    "the CDC's own platforms.",
    "組織のシステムとCDC自身の基盤のセキュリティアーキテクチャを設計する。" },
  { {"Triage criteria management", "トリアージ基準管理", NULL},
    "A-9", 9, IN, GE,
    "Defines and maintains the criteria that decide the priority and "
    "handling of events and incidents.",
    "イベントやインシデントの優先度と扱いを決める基準を定義し維持する。" },
  { {"Counter measures selection", "対策選定", "Countermeasures selection"},
    "A-10", 10, IN, SP,
    "Chooses the technical and organisational countermeasures that treat "
    "the identified risks.",
    "特定したリスクに対処する技術的・組織的な対策を選定する。" },
  { {"Quality management", "品質管理", NULL}, "A-11", 11, IN, GE,
    "Measures and improves the quality of the CDC's services against agreed "
    "objectives.",
    "合意した目標に照らしてCDCのサービス品質を測定し改善する。" },
  { {"Security audit", "セキュリティ監査", NULL}, "A-12", 12, IN, SP,
    "Checks independently that security controls and policies are in place "
    "and effective.",
    "セキュリティ管理策とポリシーが実施され有効であることを独立した立場で"
    "確認する。" },
  { {"Certification", "認証取得", NULL}, "A-13", 13, IN, SP,
    "Obtains and maintains external security certifications such as an "
    "ISMS certification.",
    "ISMSなどの外部のセキュリティ認証を取得し維持する。" },

  /* B Real-time analysis */
  { {"Real-time asset monitoring", "リアルタイムアセット監視",
     "Real time asset monitoring"}, "B-1", 1, EX, GE,
    "Watches logs and events from networks, endpoints and cloud services "
    "around the clock to detect attacks.",
    "ネットワーク、エンドポイント、クラウドのログとイベントを常時監視し、"
    "攻撃を検知する。" },
  { {"Event data retention", "イベントデータ保管", NULL}, "B-2", 2, IN, GE,
    "Collects and keeps event data and logs for as long as analysis and "
    "investigation need them.",
    "分析や調査に必要な期間、イベントデータとログを収集し保管する。" },
  { {"Alerting & warning", "アラートと警告", "Alerting and warning"},
    "B-3", 3, EX, GE,
    "Notifies the people concerned of detected threats with the urgency "
    "they call for.",
    "検知した脅威を、緊急度に応じて関係者に通知する。" },
  { {"Handling inquiry on report", "報告に関する問い合わせ対応",
     "Handling enquiry on report"}, "B-4", 4, IN, GE,
    "Answers questions from users and departments about the alerts and "
    "reports the CDC has issued.",
    "CDCが発したアラートや報告について、利用者や部門からの問い合わせに"
    "対応する。" },

  /* C Deep analysis */
  { {"Forensic analysis", "フォレンジック分析", NULL}, "C-1", 1, EX, SP,
    "Examines the disks, memory and logs of affected systems to reconstruct "
    "what an attacker did.",
    "被害を受けたシステムのディスク、メモリ、ログを調べ、攻撃者の行動を"
    "再構成する。" },
  { {"Malware sample analysis", "マルウェア検体解析", NULL}, "C-2", 2, EX, SP,
    "Analyses malicious code statically and dynamically to learn its "
    "behaviour and indicators.",
    "悪性コードを静的・動的に解析し、その挙動と痕跡情報を明らかにする。" },
  { {"Tracking & tracing", "追跡調査", "Tracking and tracing"},
    "C-3", 3, EX, SP,
    "Follows an attack's path and infrastructure to find its origin and the "
    "extent of the compromise.",
    "攻撃の経路と基盤をたどり、発信元と侵害の範囲を突き止める。" },
  { {"Forensic evidence collection", "フォレンジック証拠保全", NULL},
    "C-4", 4, IN, SP,
    "Preserves evidence from affected systems in a forensically sound way, "
    "keeping the chain of custody.",
    "被害を受けたシステムから手順に従って証拠を保全し、管理の連続性を保つ。" },

  /* D Incident response */
  { {"Incident report acceptance", "インシデント報告受付", NULL},
    "D-1", 1, IN, GE,
    "Receives and records reports of suspected incidents from inside and "
    "outside the organisation.",
    "組織内外からのインシデントの疑いの報告を受け付け、記録する。" },
  { {"Incident handling", "インシデントハンドリング", NULL}, "D-2", 2, IN, GE,
    "Coordinates the response to an incident from detection until it is "
    "closed.",
    "検知から終結まで、インシデント対応の全体を調整する。" },
  { {"Incident classification", "インシデント分類", NULL}, "D-3", 3, IN, GE,
    "Classifies incidents by type and severity to decide their priority and "
    "who handles them.",
    "インシデントを種類と深刻度で分類し、優先度と担当を決める。" },
  { {"Incident response & containment", "インシデント対応と封じ込め",
     "Incident response and containment"}, "D-4", 4, IN, SP,
    "Contains an incident and removes its cause so that the damage does not "
    "spread.",
    "被害の拡大を防ぐためにインシデントを封じ込め、原因を取り除く。" },
  { {"Incident recovery", "インシデントからの復旧", NULL}, "D-5", 5, IN, GE,
    "Restores the affected systems and business operations to normal after "
    "an incident.",
    "インシデントの後、影響を受けたシステムと業務を通常の状態に戻す。" },
  { {"Incident notification", "インシデント通知", NULL}, "D-6", 6, IN, GE,
    "Informs management, affected parties and authorities of an incident as "
    "rules and contracts require.",
    "規則や契約の求めに応じ、経営層、影響を受けた関係者、当局にインシデント"
    "を通知する。" },
  { {"Incident response report", "インシデント対応報告", NULL},
    "D-7", 7, IN, GE,
    "Documents an incident, its handling and the lessons learnt in a final "
    "report.",
    "インシデントとその対応、得られた教訓を最終報告書にまとめる。" },

  /* E Check and evaluate */
  { {"Network information collection", "ネットワーク情報収集", NULL},
    "E-1", 1, IN, GE,
    "Gathers information on the organisation's networks, addresses, domains "
    "and exposed services.",
    "組織のネットワーク、アドレス、ドメイン、公開サービスの情報を収集する。" },
  { {"Asset inventory", "資産棚卸", NULL}, "E-2", 2, IN, GE,
    "Keeps an up-to-date inventory of hardware, software and cloud assets "
    "and their owners.",
    "ハードウェア、ソフトウェア、クラウドの資産とその管理者の最新の一覧を"
    "維持する。" },
  { {"Vulnerability assessment", "脆弱性診断", NULL}, "E-3", 3, EX, GE,
    "Scans and reviews systems and applications for known vulnerabilities "
    "and misconfigurations.",
    "システムとアプリケーションに既知の脆弱性や設定不備がないか検査する。" },
  { {"Patch management", "パッチ管理", NULL}, "E-4", 4, IN, GE,
    "Plans, tests and applies security updates and tracks that they are "
    "applied.",
    "セキュリティ更新の適用を計画、検証、実施し、適用状況を追跡する。" },
  { {"Penetration test", "ペネトレーションテスト", NULL}, "E-5", 5, EX, SP,
    "Attacks the organisation's systems with permission to show how far a "
    "real attacker could get.",
    "許可を得て組織のシステムを攻撃し、実際の攻撃者がどこまで到達できるか"
    "を示す。" },
  { {"Defence capability against APT attack evaluation",
     "標的型攻撃に対する防御能力の評価",
     "Defense capability against APT attack evaluation"}, "E-6", 6, EX, SP,
    "Evaluates how well the defences resist advanced persistent threats, for "
    "example by red-team exercises.",
    "レッドチーム演習などにより、標的型攻撃に対する防御の強さを評価する。" },
  { {"Handling capability on cyber attack evaluation",
     "サイバー攻撃への対処能力の評価", NULL}, "E-7", 7, EX, SP,
    "Evaluates through drills and exercises how well the organisation "
    "detects and handles a cyber attack.",
    "訓練や演習により、サイバー攻撃を検知し対処する能力を評価する。" },
  { {"Policy compliance", "ポリシー遵守の確認", NULL}, "E-8", 8, IN, GE,
    "Checks that systems and people follow the security policies and "
    "standards.",
    "システムと人がセキュリティポリシーと基準に従っているかを確認する。" },
  { {"Hardening", "ハードニング", NULL}, "E-9", 9, IN, SP,
    "Reduces the attack surface of systems by secure configuration and by "
    "removing what is not needed.",
    "安全な設定と不要な機能の除去により、システムの攻撃対象領域を減らす。" },

  /* F Collecting, analyzing and evaluating threat intelligence */
  { {"Post mortem analysis", "事後分析", "Post-mortem analysis"},
    "F-1", 1, IN, SP,
    "Reviews past incidents to find their root causes and improve the "
    "defences.",
    "過去のインシデントを振り返り、根本原因を明らかにして防御を改善する。" },
  { {"Internal threat intelligence collection and analysis",
     "内部脅威インテリジェンスの収集と分析", NULL}, "F-2", 2, IN, SP,
    "Turns the organisation's own logs, incidents and findings into threat "
    "intelligence.",
    "組織自身のログ、インシデント、発見事項を脅威インテリジェンスにまとめる。" },
  { {"External threat intelligence collection and evaluation",
     "外部脅威インテリジェンスの収集と評価", NULL}, "F-3", 3, EX, SP,
    "Gathers threat intelligence from vendors, communities and public "
    "sources and judges its relevance and reliability.",
    "ベンダー、コミュニティ、公開情報から脅威情報を集め、関連性と信頼性を"
    "評価する。" },
  { {"Threat intelligence report", "脅威インテリジェンスレポート", NULL},
    "F-4", 4, EX, GE,
    "Writes threat intelligence reports suited to their readers, from "
    "analysts to executives.",
    "分析者から経営層まで、読み手に合わせた脅威インテリジェンスのレポートを"
    "作成する。" },
  { {"Threat intelligence utilization", "脅威インテリジェンスの活用",
     "Threat intelligence utilisation"}, "F-5", 5, IN, GE,
    "Feeds threat intelligence into detection rules, blocking and "
    "decisions.",
    "脅威インテリジェンスを検知ルール、遮断、意思決定に反映する。" },

  /* G Development and maintenance of CDC platforms */
  { {"Security architecture implementation",
     "セキュリティアーキテクチャの実装", NULL}, "G-1", 1, IN, SP,
    "Builds and deploys the security architecture and controls that were "
    "designed.",
    "設計したセキュリティアーキテクチャと管理策を構築し導入する。" },
  { {"Basic operation for network security asset",
     "ネットワークセキュリティ機器の基本運用", NULL}, "G-2", 2, IN, GE,
    "Runs network security devices such as firewalls and IDS/IPS day to "
    "day: availability, updates, routine changes.",
    "ファイアウォールやIDS/IPSなどのネットワークセキュリティ機器を、稼働"
    "監視、更新、定常変更を含めて日々運用する。" },
  { {"Advanced operation for network security asset",
     "ネットワークセキュリティ機器の高度運用", NULL}, "G-3", 3, EX, SP,
    "Tunes network security devices, their rules and signatures, to the "
    "threats the organisation faces.",
    "ネットワークセキュリティ機器のルールやシグネチャを、組織が直面する脅威"
    "に合わせて調整する。" },
  { {"Basic operation for endpoint security asset",
     "エンドポイントセキュリティ製品の基本運用", NULL}, "G-4", 4, IN, GE,
    "Runs endpoint protection such as anti-malware and EDR day to day: "
    "deployment, updates, health.",
    "アンチマルウェアやEDRなどのエンドポイント保護を、展開、更新、稼働確認"
    "を含めて日々運用する。" },
  { {"Advanced operation for endpoint security asset",
     "エンドポイントセキュリティ製品の高度運用", NULL}, "G-5", 5, EX, SP,
    "Tunes endpoint protection policies and detections and uses them to "
    "hunt for threats.",
    "エンドポイント保護のポリシーと検知を調整し、脅威ハンティングに活用する。" },
  { {"Basic operation for cloud security products",
     "クラウドセキュリティ製品の基本運用", NULL}, "G-6", 6, IN, GE,
    "Runs cloud security services day to day: configuration, updates, "
    "health.",
    "クラウドセキュリティサービスを、設定、更新、稼働確認を含めて日々運用"
    "する。" },
  { {"Advanced operation for cloud security products",
     "クラウドセキュリティ製品の高度運用", NULL}, "G-7", 7, EX, SP,
    "Tunes cloud security services and their detections to the way the "
    "organisation uses the cloud.",
    "クラウドセキュリティサービスとその検知を、組織のクラウド利用に合わせて"
    "調整する。" },
  { {"Deep analysis tool operation", "深掘分析ツールの運用", NULL},
    "G-8", 8, EX, SP,
    "Runs and maintains the tools used for forensic and malware analysis.",
    "フォレンジックやマルウェア解析に使うツールを運用し保守する。" },
  { {"Basic operation for analysis platform", "分析基盤の基本運用", NULL},
    "G-9", 9, IN, GE,
    "Runs the log analysis platform, such as a SIEM, day to day: "
    "collection, storage, availability.",
    "SIEMなどのログ分析基盤を、収集、保管、稼働を含めて日々運用する。" },
  { {"Advanced operation for analysis platform", "分析基盤の高度運用", NULL},
    "G-10", 10, EX, SP,
    "Develops correlation rules, dashboards and automation on the analysis "
    "platform.",
    "分析基盤の相関ルール、ダッシュボード、自動化を開発する。" },
  { {"Operates CDC systems", "CDCシステムの運用", "Operating CDC systems"},
    "G-11", 11, IN, GE,
    "Runs the CDC's own systems, such as ticketing, communication and "
    "knowledge bases.",
    "チケット管理、連絡手段、ナレッジベースなど、CDC自身のシステムを運用"
    "する。" },
  { {"Existing security tools evaluation", "既存セキュリティツールの評価",
     NULL}, "G-12", 12, IN, SP,
    "Reviews whether the security tools in use still meet the need and are "
    "worth their cost.",
    "利用中のセキュリティツールが今も要件を満たし、費用に見合うかを評価する。" },
  { {"New security tools evaluation", "新規セキュリティツールの評価", NULL},
    "G-13", 13, EX, GE,
    "Assesses new security products and technologies before they are "
    "adopted.",
    "導入の前に、新しいセキュリティ製品や技術を評価する。" },

  /* H Supporting internal fraud response */
  { {"Internal fraud response and analysis support",
     "内部不正対応と分析の支援", NULL}, "H-1", 1, IN, SP,
    "Supports the investigation of suspected internal fraud with technical "
    "analysis, together with legal and HR.",
    "法務や人事と連携し、内部不正の疑いの調査を技術的な分析で支援する。" },
  { {"Internal fraud detection and reoccurrence prevention support",
     "内部不正の検知と再発防止の支援",
     "Internal fraud detection and recurrence prevention support"},
    "H-2", 2, IN, GE,
    "Helps detect internal fraud and put controls in place so that it does "
    "not happen again.",
    "内部不正の検知と、再発を防ぐ管理策の整備を支援する。" },

  /* I Active relationship with external parties */
  { {"Awareness", "意識啓発", NULL}, "I-1", 1, IN, GE,
    "Raises employees' security awareness through campaigns, notices and "
    "phishing drills.",
    "キャンペーン、周知、標的型メール訓練などで従業員のセキュリティ意識を"
    "高める。" },
  { {"Education & training", "教育と訓練", "Education and training"},
    "I-2", 2, EX, GE,
    "Trains staff and CDC members in the security skills that their roles "
    "need.",
    "従業員とCDC要員に、役割に必要なセキュリティのスキルを教育し訓練する。" },
  { {"Security consulting", "セキュリティコンサルティング", NULL},
    "I-3", 3, IN, SP,
    "Advises departments and projects on the security of their plans and "
    "systems.",
    "各部門やプロジェクトに、計画やシステムのセキュリティについて助言する。" },
  { {"Security vendor collaboration", "セキュリティベンダーとの連携", NULL},
    "I-4", 4, EX, GE,
    "Works with security vendors and service providers on products, "
    "services and incidents.",
    "製品、サービス、インシデントについてセキュリティベンダーやサービス事業者"
    "と連携する。" },
  { {"Collaboration service with external security communities",
     "外部セキュリティコミュニティとの連携", NULL}, "I-5", 5, EX, GE,
    "Shares information and cooperates with CSIRT communities, ISACs and "
    "other external groups.",
    "CSIRTコミュニティ、ISACなどの外部の組織と情報を共有し協力する。" },
  { {"Technical reporting", "技術レポート", NULL}, "I-6", 6, IN, SP,
    "Publishes technical reports on threats, vulnerabilities and "
    "countermeasures for technical readers.",
    "技術者向けに、脅威、脆弱性、対策に関する技術レポートを発信する。" },
  { {"Executive security reporting", "経営層へのセキュリティ報告", NULL},
    "I-7", 7, IN, GE,
    "Reports the security posture, the risks and the CDC's performance to "
    "executives in business terms.",
    "セキュリティの状況、リスク、CDCの成果を、経営の言葉で経営層に報告する。" },
};

/* Recommendation levels (seed, Phase 1).  Japanese: project's own. */
X1060_DATA_DEF const X1060Level x1060Levels[X1060_NLEVEL] = {
  { {"Unnecessary", "不要", "not needed"}, 0,
    "Services deemed unnecessary",
    "不要と判断されたサービス" },
  { {"Basic", "基本", NULL}, 1,
    "Minimum services to be implemented",
    "最低限実装すべきサービス" },
  { {"Standard", "標準", NULL}, 2,
    "Services that are generally recommended for implementation",
    "一般的に実装が推奨されるサービス" },
  { {"Advanced", "高度", NULL}, 3,
    "Services required to achieve a higher-level CDC cycle",
    "より高いレベルのCDCサイクルを実現するために必要なサービス" },
  { {"Optional", "任意", NULL}, 4,
    "Services arbitrarily selected according to the expected form of CDC",
    "想定するCDCの形に応じて任意に選択するサービス" },
};

/* Assignment types (seed, Phase 2; the seed's example table also writes
** "Unassignable").  Japanese: project's own. */
X1060_DATA_DEF const X1060Assignment x1060Assignments[X1060_NASSIGNMENT] = {
  { {"Insourcing", "インソース", "insource|in-house|内製"},
    "insourcing", 1, 0,
    "Services are provided by a team within the organization. The "
    "organization should specify the team in charge.",
    "組織内のチームがサービスを提供する。組織は担当チームを明示する。" },
  { {"Outsourcing", "アウトソース", "outsource|外部委託"},
    "outsourcing", 0, 1,
    "Services are provided by a team outside of the organization. The "
    "organization should specify the outsourcer.",
    "組織外のチームがサービスを提供する。組織は委託先を明示する。" },
  { {"Combination", "併用", "combined|組み合わせ"},
    "both", 1, 1,
    "The organization uses insourcing and outsourcing together. A "
    "responsible team and a contractor should be specified by the "
    "organization.",
    "インソースとアウトソースを併用する。組織は責任を持つチームと委託先を"
    "明示する。" },
  { {"Unassigned", "未割り当て", "unassignable|担当なし"},
    NULL, 0, 0,
    "Although the organization recognises a service, but there is no "
    "assignee in the organization.",
    "組織はサービスを認識しているが、組織内に担当者がいない。" },
};

/* The two assessment rubrics (seed, Phase 3). */
X1060_DATA_DEF const X1060Rubric x1060Rubrics[2] = {
  { "insourcing",
    "Is it an organisational practice rather than one person's?",
    "属人ではなく組織的な営みになっているか" },
  { "outsourcing",
    "Is the service being used to the full?",
    "サービスを活用しきれているか" },
};

/* Rubric criteria, verbatim from the seed in both languages (its spelling
** kept).  Points 0 stands for N/A: excluded from evaluation (評価外). */
X1060_DATA_DEF const X1060Criterion x1060Criteria[X1060_NRUBRIC] = {
  { 0, 5, "Documented operation is authorized by CISO or other "
          "organizational director who has proper responsibilities",
          "明文化された運用は CISO など権限ある組織長に承認されている" },
  { 0, 4, "Operation is documented and others can play the role of "
          "existing operator",
          "運用が明文化されており、担当者と交代して他者が業務を実施できる" },
  { 0, 3, "Operation isn't documented and others can play the partial role "
          "of existing operator temporarily",
          "運用が明文化されておらず、担当者に代わり他者が臨時で一部の業務を"
          "代行できる" },
  { 0, 2, "Operation isn't documented and the existing operator can play "
          "role",
          "運用が明文化されておらず、担当者が業務を実施できる" },
  { 0, 1, "Operation isn't working",
          "実施できていない" },
  { 0, 0, "Decided not to implement by insourcing",
          "インソースでの実装を検討したものの、結果として実施しないと判断した" },
  { 1, 5, "Content of service and expected output are understood and their "
          "outputs are as expected",
          "サービス内容と得られる結果を理解でき、想定通り" },
  { 1, 4, "Content of service and expected output are understood but their "
          "outputs aren't as expected",
          "サービス内容と得られる結果を理解できているが、想定未滿" },
  { 1, 3, "Either content of service or expected output isn't understood",
          "サービス内容、得られる結果のいずれかが理解できていない" },
  { 1, 2, "Both content of service and expected output aren't understood",
          "サービス内容と得られる結果を理解できていない" },
  { 1, 1, "Nether output nor report isn't reviewed",
          "結果や報告を確認できていない" },
  { 1, 0, "Decided not to implement by outsourcing",
          "アウトソースでの実装を検討したものの、結果として実施しないと判断した" },
};

/* Values of the two sourcing axes. */
X1060_DATA_DEF const X1060Axis x1060Information[2] = {
  { {"internal", "内部", "inside|own"} },
  { {"external", "外部", "outside"} },
};
X1060_DATA_DEF const X1060Axis x1060Expertise[2] = {
  { {"general", "一般", "generic"} },
  { {"specialised", "専門", "specialized|special|specialist"} },
};

/* Sourcing quadrants: the project's reading of Figure 5 (X1060.md). */
X1060_DATA_DEF const X1060Quadrant x1060Quadrants[X1060_NQUADRANT] = {
  { IN, GE, 0, "organisation",
    "Internal information, general expertise: the organisation does it "
    "itself.",
    "組織内部の情報を扱い、一般的な知識で足りる。組織自身が実施する。" },
  { IN, SP, 2, "organisation",
    "Internal information, specialised expertise: led in-house with outside "
    "specialists (e.g. audit, certification).",
    "組織内部の情報を扱い、専門的な知識が要る。組織が主導し外部の専門家の"
    "支援を受ける（監査、認証など）。" },
  { EX, GE, 2, "provider",
    "External information, general expertise: led by a provider and "
    "overseen by the organisation (e.g. commodity monitoring).",
    "外部の攻撃・脅威情報を扱い、一般的な知識で足りる。事業者が主導し組織が"
    "監督する（定型的な監視など）。" },
  { EX, SP, 1, "provider",
    "External information, specialised expertise: a specialist provider "
    "does it (e.g. malware analysis, forensics, penetration testing).",
    "外部の攻撃・脅威情報を扱い、専門的な知識が要る。専門の事業者が実施する"
    "（マルウェア解析、フォレンジック、ペネトレーションテストなど）。" },
};

#undef IN
#undef EX
#undef GE
#undef SP

/* Index of category cId ('A'..'I', either case) in x1060Categories, or -1. */
int x1060CategoryIndex(char cId){
  if( cId>='a' && cId<='i' ) cId = (char)(cId - 'a' + 'A');
  if( cId<'A' || cId>'I' ) return -1;
  return cId - 'A';
}

/* Number of Annex A services in category iCategory (0-based). */
int x1060CategoryCount(int iCategory){
  int i, n = 0;
  for(i=0; i<X1060_NSERVICE; i++){
    if( x1060Services[i].zId[0]==x1060Categories[iCategory].cId ) n++;
  }
  return n;
}
