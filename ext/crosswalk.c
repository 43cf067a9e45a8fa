/*
** x1060: the crosswalks, compiled in.  The frameworks that a CISO and a
** CSIRT report in, and how each Annex A service of X.1060 relates to them.
**
**   SELECT * FROM x1060_csf_categories WHERE function = 'DE';
**   SELECT ref_id, relation, rationale FROM x1060_crosswalk
**    WHERE service_id = 'B-1';
**
** Provenance (see docs/reference.md, "Crosswalks"):
**   - NIST CSF 2.0 function and category ids and names: as NIST publishes
**     them in The NIST Cybersecurity Framework (CSF) 2.0, CSWP 29 (2024),
**     read from the public tables that reproduce it (massyn/metric-library
**     docs/nist-csfv20.md) and checked against other public copies;
**   - FIRST CSIRT Services Framework 2.1 service area and service numbers
**     and names: as FIRST publishes them (section numbers 5 to 9 of the
**     framework), read from the MISP galaxy that carries FIRST's text
**     (MISP/misp-galaxy clusters/first-csirt-services-framework.json, whose
**     source is FIRST's page) and a public mapping that quotes the
**     numbered headings;
**   - the Japanese names of CSF 2.0's functions and categories and of
**     FIRST's areas and services: the project's own translation (no
**     published Japanese translation was available to the project: NIST
**     links IPA's, which could not be read here; docs/japanese.md);
**   - the mapping, every relation and every rationale: the project's own
**     judgement, not ITU-T's, NIST's or FIRST's (no published crosswalk
**     from X.1060 to CSF 2.0 exists; ISOG-J's mapping to FIRST is not
**     available to the project).  The relations are the set-theory
**     relationships of NIST IR 8278 (OLIR), read from the X.1060 service
**     to the other framework's element.
*/
#include "x1060_int.h"

X1060_DATA_DEF const X1060Framework x1060Frameworks[X1060_NFRAMEWORK] = {
  { "csf", "NIST Cybersecurity Framework", "2.0", "NIST",
    "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0 (2024-02-26)",
    "https://doi.org/10.6028/NIST.CSWP.29",
    "function", "category" },
  { "first", "FIRST CSIRT Services Framework", "2.1", "FIRST",
    "https://www.first.org/standards/frameworks/csirts/"
    "csirt_services_framework_v2.1",
    "https://www.first.org/standards/frameworks/csirts/"
    "csirt_services_framework_v2.1", "area", "service" },
};

X1060_DATA_DEF const char *const x1060Relations[X1060_NRELATION] = {
  "equal", "subset of", "superset of", "intersects with", "not related to"
};

/* CSF 2.0 functions, in the order CSF 2.0 lists them. */
X1060_DATA_DEF const X1060RefItem x1060CsfFunctions[X1060_NCSF_FUNCTION] = {
  { "GV", 0, "Govern", "統治" },
  { "ID", 0, "Identify", "識別" },
  { "PR", 0, "Protect", "防御" },
  { "DE", 0, "Detect", "検知" },
  { "RS", 0, "Respond", "対応" },
  { "RC", 0, "Recover", "復旧" },
};

/* CSF 2.0 categories, in the order CSF 2.0 lists them. */
X1060_DATA_DEF const X1060RefItem x1060CsfCategories[X1060_NCSF_CATEGORY] = {
  { "GV.OC", "GV", "Organizational Context", "組織の状況" },
  { "GV.RM", "GV", "Risk Management Strategy", "リスクマネジメント戦略" },
  { "GV.RR", "GV", "Roles, Responsibilities, and Authorities", "役割、責任、権限" },
  { "GV.PO", "GV", "Policy", "ポリシー" },
  { "GV.OV", "GV", "Oversight", "監督" },
  { "GV.SC", "GV", "Cybersecurity Supply Chain Risk Management",
    "サイバーセキュリティのサプライチェーンリスクマネジメント" },
  { "ID.AM", "ID", "Asset Management", "資産管理" },
  { "ID.RA", "ID", "Risk Assessment", "リスクアセスメント" },
  { "ID.IM", "ID", "Improvement", "改善" },
  { "PR.AA", "PR", "Identity Management, Authentication, and Access Control",
    "アイデンティティ管理、認証、アクセス制御" },
  { "PR.AT", "PR", "Awareness and Training", "意識向上とトレーニング" },
  { "PR.DS", "PR", "Data Security", "データセキュリティ" },
  { "PR.PS", "PR", "Platform Security", "プラットフォームセキュリティ" },
  { "PR.IR", "PR", "Technology Infrastructure Resilience", "技術インフラのレジリエンス" },
  { "DE.CM", "DE", "Continuous Monitoring", "継続的モニタリング" },
  { "DE.AE", "DE", "Adverse Event Analysis", "有害事象の分析" },
  { "RS.MA", "RS", "Incident Management", "インシデント管理" },
  { "RS.AN", "RS", "Incident Analysis", "インシデント分析" },
  { "RS.CO", "RS", "Incident Response Reporting and Communication",
    "インシデント対応の報告とコミュニケーション" },
  { "RS.MI", "RS", "Incident Mitigation", "インシデントの緩和" },
  { "RC.RP", "RC", "Incident Recovery Plan Execution", "インシデント復旧計画の実行" },
  { "RC.CO", "RC", "Incident Recovery Communication", "インシデント復旧のコミュニケーション" },
};

/* FIRST's service areas, numbered as its sections are. */
X1060_DATA_DEF const X1060RefItem x1060FirstAreas[X1060_NFIRST_AREA] = {
  { "5", 0, "Information Security Event Management", "情報セキュリティイベント管理" },
  { "6", 0, "Information Security Incident Management", "情報セキュリティインシデント管理" },
  { "7", 0, "Vulnerability Management", "脆弱性管理" },
  { "8", 0, "Situational Awareness", "状況把握" },
  { "9", 0, "Knowledge Transfer", "知識の移転" },
};

/* FIRST's services, numbered and spelt as its headings are. */
X1060_DATA_DEF const X1060RefItem x1060FirstServices[X1060_NFIRST_SERVICE] = {
  { "5.1", "5", "Monitoring and detection", "監視と検知" },
  { "5.2", "5", "Event analysis", "イベント分析" },
  { "6.1", "6", "Information security incident report acceptance",
    "情報セキュリティインシデント報告の受付" },
  { "6.2", "6", "Information security incident analysis",
    "情報セキュリティインシデントの分析" },
  { "6.3", "6", "Artifact and forensic evidence analysis",
    "アーティファクトとフォレンジック証拠の分析" },
  { "6.4", "6", "Mitigation and recovery", "緩和と復旧" },
  { "6.5", "6", "Information security incident coordination",
    "情報セキュリティインシデントの調整" },
  { "6.6", "6", "Crisis management support", "危機管理の支援" },
  { "7.1", "7", "Vulnerability discovery / research", "脆弱性の発見・調査" },
  { "7.2", "7", "Vulnerability report intake", "脆弱性報告の受付" },
  { "7.3", "7", "Vulnerability analysis", "脆弱性の分析" },
  { "7.4", "7", "Vulnerability coordination", "脆弱性の調整" },
  { "7.5", "7", "Vulnerability disclosure", "脆弱性の開示" },
  { "7.6", "7", "Vulnerability response", "脆弱性への対応" },
  { "8.1", "8", "Data acquisition", "データの取得" },
  { "8.2", "8", "Analysis and synthesis", "分析と統合" },
  { "8.3", "8", "Communication", "コミュニケーション" },
  { "9.1", "9", "Awareness building", "意識の醸成" },
  { "9.2", "9", "Training and education", "研修と教育" },
  { "9.3", "9", "Exercises", "演習" },
  { "9.4", "9", "Technical and policy advisory", "技術とポリシーの助言" },
};

#define CSF   X1060_CSF
#define FIRST X1060_FIRST
#define EQ    X1060_EQUAL
#define SUB   X1060_SUBSET
#define SUP   X1060_SUPERSET
#define INT   X1060_INTERSECTS
#define NONE  X1060_UNRELATED

/*
** The mapping: the project's judgement.  Each service in catalogue order,
** its CSF 2.0 categories first, then its FIRST services; a service that
** fits nothing in a framework has one row "not related to" saying why.
** Subcategory ids in the rationales (GV.RM-05 ...) are CSF 2.0's.
*/
X1060_DATA_DEF const X1060Mapping x1060Mappings[] = {
  /* A Strategic management of CDC */
  { "A-1", CSF, "GV.RM", INT, "Treating cyber risk to the business carries "
    "out the risk management strategy (GV.RM-03, GV.RM-06)." },
  { "A-1", CSF, "ID.RA", INT, "Choosing and tracking risk responses is "
    "ID.RA-06." },
  { "A-1", FIRST, "9.4", INT, "FIRST places risk management support among "
    "the functions of technical and policy advisory." },
  { "A-2", CSF, "ID.RA", SUB, "Estimating threats, vulnerabilities, "
    "likelihood and impact is ID.RA-03 to ID.RA-05." },
  { "A-2", FIRST, "9.4", INT, "A CSIRT supports risk assessment through "
    "its risk management support function." },
  { "A-3", CSF, "GV.PO", SUB, "Drafting the security policy is GV.PO-01: "
    "policy established from context, strategy and priorities." },
  { "A-3", FIRST, "9.4", INT, "Policy support is a function of technical "
    "and policy advisory." },
  { "A-4", CSF, "GV.PO", SUB, "Reviewing, updating and communicating the "
    "policy is GV.PO-02." },
  { "A-4", FIRST, "9.4", INT, "Policy support is a function of technical "
    "and policy advisory." },
  { "A-5", CSF, "PR.IR", INT, "Continuity rests on resilience mechanisms "
    "for normal and adverse situations (PR.IR-03)." },
  { "A-5", CSF, "RC.RP", INT, "Recovering the business after a serious "
    "incident executes the recovery plan." },
  { "A-5", CSF, "ID.IM", INT, "Continuity plans that affect operations are "
    "established and improved (ID.IM-04)." },
  { "A-5", FIRST, "9.4", INT, "FIRST lists business continuity and "
    "disaster recovery planning support under advisory." },
  { "A-5", FIRST, "6.6", INT, "Keeping the business running in a serious "
    "incident meets crisis management support." },
  { "A-6", CSF, "GV.OC", INT, "Knowing the critical services that "
    "stakeholders depend on is GV.OC-04 and GV.OC-05." },
  { "A-6", CSF, "ID.AM", INT, "Prioritising assets by criticality and "
    "impact on the mission is ID.AM-05." },
  { "A-6", FIRST, "8.1", INT, "Data acquisition includes mapping assets to "
    "functions, roles, actions and key risks." },
  { "A-7", CSF, "GV.RR", SUB, "Allocating adequate resources for the "
    "cybersecurity strategy is GV.RR-03." },
  { "A-7", FIRST, 0, NONE, "FIRST leaves capacity and resources out of its "
    "framework on purpose; it describes services only." },
  { "A-8", CSF, "PR.IR", INT, "Architecture protects networks and "
    "environments and gives them resilience (PR.IR-01, PR.IR-03)." },
  { "A-8", CSF, "PR.PS", INT, "Architecture sets the platform security that "
    "configuration and software practices follow." },
  { "A-8", FIRST, "9.4", INT, "Technical advice on the design of systems is "
    "a function of technical and policy advisory." },
  { "A-9", CSF, "DE.AE", INT, "Incidents are declared when adverse events "
    "meet the defined criteria (DE.AE-08)." },
  { "A-9", CSF, "RS.MA", INT, "Triage and prioritisation of incidents "
    "(RS.MA-02, RS.MA-03) apply these criteria." },
  { "A-9", FIRST, "6.1", INT, "Incident report acceptance triages and "
    "processes reports by such criteria." },
  { "A-9", FIRST, "6.2", INT, "Incident analysis starts with triage: "
    "prioritisation and categorisation." },
  { "A-10", CSF, "ID.RA", INT, "Choosing, prioritising and planning risk "
    "responses is ID.RA-06." },
  { "A-10", FIRST, "9.4", INT, "Advice on countermeasures is risk "
    "management support and technical advice." },
  { "A-11", CSF, "ID.IM", SUB, "Improvements identified from evaluations "
    "and from operations (ID.IM-01, ID.IM-03)." },
  { "A-11", CSF, "GV.OV", INT, "Performance of cybersecurity risk "
    "management is evaluated and reviewed (GV.OV-03)." },
  { "A-11", FIRST, 0, NONE, "FIRST's framework says by design nothing about "
    "quality or maturity." },
  { "A-12", CSF, "GV.OV", INT, "Audit findings inform the review and "
    "adjustment of the strategy (GV.OV-01 to GV.OV-03)." },
  { "A-12", CSF, "ID.IM", INT, "Improvements are identified from "
    "evaluations, audits among them (ID.IM-01)." },
  { "A-12", FIRST, 0, NONE, "Auditing the organisation's own controls is "
    "not among FIRST's CSIRT services." },
  { "A-13", CSF, "GV.OC", INT, "Certification answers legal, regulatory and "
    "contractual requirements (GV.OC-03)." },
  { "A-13", CSF, "ID.IM", INT, "Certification audits are evaluations that "
    "improvements come from (ID.IM-01)." },
  { "A-13", FIRST, 0, NONE, "Obtaining certifications is not among FIRST's "
    "CSIRT services." },
  /* B Real-time analysis */
  { "B-1", CSF, "DE.CM", SUB, "Monitoring networks, endpoints and cloud for "
    "adverse events is DE.CM-01, DE.CM-03, DE.CM-09." },
  { "B-1", CSF, "DE.AE", INT, "Real-time analysis of what monitoring finds "
    "is adverse event analysis (DE.AE-02)." },
  { "B-1", FIRST, "5.1", SUB, "Round-the-clock detection from logs and "
    "events is monitoring and detection." },
  { "B-2", CSF, "PR.PS", INT, "Log records are generated and made available "
    "for monitoring (PR.PS-04)." },
  { "B-2", CSF, "RS.AN", INT, "Incident data kept with integrity and "
    "provenance serves analysis (RS.AN-07)." },
  { "B-2", FIRST, "5.1", INT, "Log and sensor management is a function of "
    "monitoring and detection." },
  { "B-3", CSF, "DE.AE", SUB, "Information on adverse events is provided to "
    "authorised staff and tools (DE.AE-06)." },
  { "B-3", FIRST, "5.2", INT, "Event analysis qualifies detections and "
    "escalates them to incident management." },
  { "B-3", FIRST, "8.3", INT, "Situational awareness communicates what is "
    "found to those who must act." },
  { "B-4", CSF, "RS.CO", INT, "Answering questions on alerts shares "
    "information with internal stakeholders (RS.CO-03)." },
  { "B-4", FIRST, "6.5", INT, "Coordination gives stakeholders avenues to "
    "ask questions and check status." },
  /* C Deep analysis */
  { "C-1", CSF, "RS.AN", SUB, "Reconstructing what took place and its root "
    "cause is RS.AN-03." },
  { "C-1", FIRST, "6.3", SUB, "Media or surface analysis of affected "
    "systems is artifact and forensic evidence analysis." },
  { "C-2", CSF, "RS.AN", INT, "Malware analysis establishes what took place "
    "in an incident (RS.AN-03)." },
  { "C-2", CSF, "DE.AE", INT, "Analysing suspicious code helps understand "
    "potentially adverse events (DE.AE-02)." },
  { "C-2", FIRST, "6.3", SUB, "Reverse engineering and runtime analysis are "
    "functions of artifact analysis." },
  { "C-3", CSF, "RS.AN", INT, "Following an attack's path estimates the "
    "incident's magnitude (RS.AN-03, RS.AN-08)." },
  { "C-3", FIRST, "6.2", INT, "Information collection and cross-incident "
    "correlation are functions of incident analysis." },
  { "C-4", CSF, "RS.AN", SUB, "Evidence kept with integrity and provenance "
    "is RS.AN-06 and RS.AN-07." },
  { "C-4", FIRST, "6.3", INT, "Artifacts and evidence are preserved and "
    "collected without modification." },
  /* D Incident response */
  { "D-1", CSF, "RS.MA", INT, "Incident reports are received, triaged and "
    "validated (RS.MA-02)." },
  { "D-1", FIRST, "6.1", EQ, "Receiving and recording incident reports is "
    "incident report acceptance." },
  { "D-2", CSF, "RS.MA", SUB, "Coordinating the response from detection to "
    "closure executes the response plan (RS.MA-01)." },
  { "D-2", FIRST, "6.5", INT, "Activities coordination is a function of "
    "incident coordination." },
  { "D-2", FIRST, "6.4", INT, "Establishing the response plan is a function "
    "of mitigation and recovery." },
  { "D-3", CSF, "RS.MA", SUB, "Incidents are categorised and prioritised "
    "(RS.MA-03)." },
  { "D-3", FIRST, "6.2", INT, "Triage by prioritisation and categorisation "
    "is a function of incident analysis." },
  { "D-3", FIRST, "6.1", INT, "Initial classification is part of incident "
    "report triage and processing." },
  { "D-4", CSF, "RS.MI", EQ, "Containing and eradicating incidents is the "
    "whole of RS.MI (RS.MI-01, RS.MI-02)." },
  { "D-4", FIRST, "6.4", INT, "Ad hoc measures and containment are a "
    "function of mitigation and recovery." },
  { "D-5", CSF, "RC.RP", SUB, "Recovery actions and restored systems are "
    "RC.RP-02 and RC.RP-05." },
  { "D-5", FIRST, "6.4", INT, "System restoration is a function of "
    "mitigation and recovery." },
  { "D-6", CSF, "RS.CO", SUB, "Internal and external stakeholders are "
    "notified of incidents (RS.CO-02)." },
  { "D-6", CSF, "RC.CO", INT, "Recovery progress and public updates are "
    "communicated (RC.CO-03, RC.CO-04)." },
  { "D-6", FIRST, "6.5", INT, "Notification distribution and reporting are "
    "functions of incident coordination." },
  { "D-7", CSF, "RC.RP", INT, "Incident documentation is completed when "
    "recovery ends (RC.RP-06)." },
  { "D-7", CSF, "ID.IM", INT, "Lessons learnt feed improvements from "
    "operational processes (ID.IM-03)." },
  { "D-7", FIRST, "6.5", INT, "Reporting is a function of incident "
    "coordination." },
  /* E Check and evaluate */
  { "E-1", CSF, "ID.AM", INT, "Networks and data flows are represented and "
    "kept current (ID.AM-03)." },
  { "E-1", FIRST, "8.1", INT, "Collecting information on the constituency's "
    "networks is data acquisition." },
  { "E-2", CSF, "ID.AM", SUB, "Inventories of hardware, software, services "
    "and data (ID.AM-01, -02, -04, -07)." },
  { "E-2", FIRST, "8.1", INT, "Asset mapping is a function of data "
    "acquisition." },
  { "E-3", CSF, "ID.RA", SUB, "Vulnerabilities in assets are identified, "
    "validated and recorded (ID.RA-01)." },
  { "E-3", FIRST, "7.6", INT, "Vulnerability detection and scanning is a "
    "function of vulnerability response." },
  { "E-3", FIRST, "7.1", INT, "Finding known weaknesses in systems is "
    "vulnerability discovery." },
  { "E-4", CSF, "PR.PS", SUB, "Software and hardware are maintained and "
    "replaced commensurate with risk (PR.PS-02, PR.PS-03)." },
  { "E-4", FIRST, "7.6", INT, "Vulnerability remediation is a function of "
    "vulnerability response." },
  { "E-5", CSF, "ID.IM", INT, "Improvements are identified from security "
    "tests (ID.IM-02)." },
  { "E-5", CSF, "ID.RA", INT, "A test shows exploitable vulnerabilities "
    "(ID.RA-01)." },
  { "E-5", FIRST, "7.1", INT, "Testing with an attacker's methods is "
    "vulnerability research." },
  { "E-6", CSF, "ID.IM", INT, "Red-team exercises are security tests that "
    "improvements come from (ID.IM-02)." },
  { "E-6", FIRST, "9.3", INT, "Evaluating defences by exercises meets "
    "FIRST's exercises service." },
  { "E-7", CSF, "ID.IM", INT, "Drills improve the incident response plans "
    "(ID.IM-02, ID.IM-04)." },
  { "E-7", FIRST, "9.3", SUB, "Drills of detection and handling are "
    "exercises: scenario, execution, outcome review." },
  { "E-8", CSF, "GV.PO", INT, "Policy is enforced as well as communicated "
    "(GV.PO-01, GV.PO-02)." },
  { "E-8", FIRST, 0, NONE, "Checking the organisation's own compliance is "
    "not among FIRST's CSIRT services." },
  { "E-9", CSF, "PR.PS", SUB, "Configuration management practices are "
    "established and applied (PR.PS-01)." },
  { "E-9", FIRST, "7.6", INT, "Removing weaknesses by configuration is "
    "vulnerability remediation." },
  /* F Collecting, analyzing and evaluating threat intelligence */
  { "F-1", CSF, "ID.IM", INT, "Improvements are identified from the "
    "execution of operational processes (ID.IM-03)." },
  { "F-1", CSF, "RS.AN", INT, "Root cause analysis of past incidents is "
    "RS.AN-03." },
  { "F-1", FIRST, "6.2", INT, "Root cause analysis and cross-incident "
    "correlation are functions of incident analysis." },
  { "F-2", CSF, "ID.RA", INT, "Internal threats are identified and recorded "
    "(ID.RA-03)." },
  { "F-2", CSF, "DE.AE", INT, "Own intelligence is integrated into the "
    "analysis of events (DE.AE-07)." },
  { "F-2", FIRST, "8.1", INT, "Collection and data processing are functions "
    "of data acquisition." },
  { "F-2", FIRST, "8.2", INT, "Turning own data into intelligence is "
    "analysis and synthesis." },
  { "F-3", CSF, "ID.RA", SUB, "Cyber threat intelligence is received from "
    "sharing forums and sources (ID.RA-02)." },
  { "F-3", FIRST, "8.1", SUB, "Collecting from external sources is data "
    "acquisition." },
  { "F-3", FIRST, "8.2", INT, "Judging relevance and reliability is "
    "analysis and synthesis." },
  { "F-4", CSF, "ID.RA", INT, "Threats identified are recorded for their "
    "readers (ID.RA-03)." },
  { "F-4", FIRST, "8.3", INT, "Reporting and recommendations are functions "
    "of situational awareness communication." },
  { "F-5", CSF, "DE.AE", SUB, "Cyber threat intelligence is integrated into "
    "the analysis (DE.AE-07)." },
  { "F-5", FIRST, "8.3", INT, "Implementation and integration are functions "
    "of situational awareness communication." },
  { "F-5", FIRST, "5.1", INT, "Intelligence feeds detection use case "
    "management." },
  /* G Development and maintenance of CDC platforms */
  { "G-1", CSF, "PR.IR", INT, "Building the designed architecture protects "
    "networks and environments (PR.IR-01)." },
  { "G-1", CSF, "PR.PS", INT, "Deploying controls applies platform security "
    "practices (PR.PS-01)." },
  { "G-1", FIRST, 0, NONE, "Building the organisation's security controls "
    "is not among FIRST's CSIRT services." },
  { "G-2", CSF, "PR.IR", INT, "Firewalls protect networks from unauthorised "
    "logical access (PR.IR-01)." },
  { "G-2", CSF, "DE.CM", INT, "IDS/IPS monitor networks for adverse events "
    "(DE.CM-01)." },
  { "G-2", FIRST, "5.1", INT, "Running sensors is log and sensor "
    "management." },
  { "G-3", CSF, "DE.CM", INT, "Tuned rules and signatures monitor networks "
    "(DE.CM-01)." },
  { "G-3", CSF, "PR.IR", INT, "Tuned network controls protect networks and "
    "environments (PR.IR-01)." },
  { "G-3", FIRST, "5.1", INT, "Tuning detections is detection use case "
    "management." },
  { "G-4", CSF, "PR.PS", INT, "Endpoint protection prevents unauthorised "
    "software (PR.PS-05)." },
  { "G-4", CSF, "DE.CM", INT, "EDR monitors computing hardware and software "
    "(DE.CM-09)." },
  { "G-4", FIRST, "5.1", INT, "Running endpoint sensors is log and sensor "
    "management." },
  { "G-5", CSF, "DE.CM", INT, "Tuned endpoint detections monitor hardware "
    "and software (DE.CM-09)." },
  { "G-5", CSF, "DE.AE", INT, "Hunting with endpoint data analyses "
    "potentially adverse events (DE.AE-02)." },
  { "G-5", FIRST, "5.1", INT, "Tuning detections is detection use case "
    "management." },
  { "G-5", FIRST, "8.2", INT, "FIRST puts event detection through hunting "
    "in analysis and synthesis." },
  { "G-6", CSF, "PR.PS", INT, "Configured cloud security services apply "
    "platform security (PR.PS-01)." },
  { "G-6", CSF, "PR.IR", INT, "Cloud controls protect environments from "
    "unauthorised access (PR.IR-01)." },
  { "G-6", FIRST, "5.1", INT, "Running cloud sensors is log and sensor "
    "management." },
  { "G-7", CSF, "DE.CM", INT, "Tuned cloud detections monitor runtime "
    "environments (DE.CM-09)." },
  { "G-7", CSF, "PR.PS", INT, "Tuning cloud security to its use applies "
    "platform security (PR.PS-01)." },
  { "G-7", FIRST, "5.1", INT, "Tuning detections is detection use case "
    "management." },
  { "G-8", CSF, "RS.AN", INT, "The tools of forensic and malware analysis "
    "serve incident analysis." },
  { "G-8", FIRST, "6.3", INT, "Artifact analysis needs dedicated, "
    "monitored analysis environments." },
  { "G-9", CSF, "PR.PS", INT, "Log records are made available for "
    "continuous monitoring (PR.PS-04)." },
  { "G-9", CSF, "DE.CM", INT, "The SIEM is where continuous monitoring "
    "happens." },
  { "G-9", FIRST, "5.1", INT, "SIEM and big data platforms process event "
    "data for monitoring and detection." },
  { "G-10", CSF, "DE.AE", INT, "Correlation rules correlate information "
    "from multiple sources (DE.AE-03)." },
  { "G-10", FIRST, "5.1", INT, "Rules and automation are detection use case "
    "management." },
  { "G-10", FIRST, "5.2", INT, "Correlation is a function of event "
    "analysis." },
  { "G-11", CSF, "RS.MA", INT, "Ticketing and communication systems carry "
    "incident management." },
  { "G-11", FIRST, 0, NONE, "FIRST describes services, not the systems a "
    "team runs for itself." },
  { "G-12", CSF, "ID.IM", INT, "Reviewing tools in use identifies "
    "improvements from evaluations (ID.IM-01)." },
  { "G-12", FIRST, 0, NONE, "Evaluating one's own tools is not among "
    "FIRST's CSIRT services." },
  { "G-13", CSF, "ID.RA", INT, "Hardware and software are assessed before "
    "acquisition (ID.RA-09, ID.RA-10)." },
  { "G-13", CSF, "GV.SC", INT, "Due diligence before a supplier "
    "relationship is GV.SC-06." },
  { "G-13", FIRST, 0, NONE, "Evaluating products before buying them is not "
    "among FIRST's CSIRT services." },
  /* H Supporting internal fraud response */
  { "H-1", CSF, "RS.AN", INT, "Technical analysis of suspected fraud "
    "establishes what took place (RS.AN-03)." },
  { "H-1", FIRST, "6.2", INT, "Investigating an insider case is incident "
    "analysis." },
  { "H-1", FIRST, "6.3", INT, "Fraud cases need evidence analysed and "
    "preserved for legal use." },
  { "H-2", CSF, "DE.CM", INT, "Personnel activity and technology usage are "
    "monitored (DE.CM-03)." },
  { "H-2", CSF, "PR.AA", INT, "Least privilege and separation of duties "
    "prevent recurrence (PR.AA-05)." },
  { "H-2", FIRST, "5.1", INT, "Detecting insider activity is monitoring and "
    "detection." },
  /* I Active relationship with external parties */
  { "I-1", CSF, "PR.AT", SUB, "Personnel are given awareness to work with "
    "cyber risk in mind (PR.AT-01)." },
  { "I-1", FIRST, "9.1", SUB, "Raising employees' awareness is awareness "
    "building for one constituency." },
  { "I-2", CSF, "PR.AT", SUB, "Training for general and specialised roles "
    "(PR.AT-01, PR.AT-02)." },
  { "I-2", FIRST, "9.2", SUB, "Training staff and CSIRT members is training "
    "and education." },
  { "I-3", CSF, "GV.RM", INT, "Advice carries the risk strategy into "
    "departments' plans and systems." },
  { "I-3", CSF, "PR.PS", INT, "Advising projects supports secure "
    "development practices (PR.PS-06)." },
  { "I-3", FIRST, "9.4", SUB, "Advice on plans and systems is technical "
    "advice." },
  { "I-4", CSF, "GV.SC", INT, "Roles and responsibilities with suppliers "
    "and their part in incidents (GV.SC-02, GV.SC-08)." },
  { "I-4", FIRST, "7.4", INT, "Working with vendors on their products is "
    "vulnerability stakeholder coordination." },
  { "I-4", FIRST, "6.5", INT, "Vendors take part in incident coordination." },
  { "I-5", CSF, "ID.RA", INT, "Intelligence is received from sharing forums "
    "(ID.RA-02)." },
  { "I-5", CSF, "RS.CO", INT, "Information is shared with designated "
    "external stakeholders (RS.CO-03)." },
  { "I-5", FIRST, "8.3", INT, "Information sharing and its management are "
    "functions of communication." },
  { "I-5", FIRST, "6.5", INT, "Coordination keeps channels to other CSIRTs "
    "and CSIRT communities." },
  { "I-6", CSF, "ID.RA", INT, "Threats and vulnerabilities identified are "
    "recorded for technical readers (ID.RA-01, ID.RA-03)." },
  { "I-6", FIRST, "9.1", INT, "Reports and awareness materials development "
    "is a function of awareness building." },
  { "I-6", FIRST, "7.5", INT, "Publishing on vulnerabilities is "
    "vulnerability announcement." },
  { "I-7", CSF, "GV.OV", INT, "Executives review outcomes and performance "
    "(GV.OV-01, GV.OV-03)." },
  { "I-7", CSF, "GV.RM", INT, "Lines of communication for cyber risks "
    "across the organisation (GV.RM-05)." },
  { "I-7", FIRST, "6.6", INT, "Status reporting and strategic decisions "
    "communication are functions of crisis management support." },
  { "I-7", FIRST, "8.3", INT, "Reporting and recommendations are functions "
    "of communication." },
};

#undef CSF
#undef FIRST
#undef EQ
#undef SUB
#undef SUP
#undef INT
#undef NONE
