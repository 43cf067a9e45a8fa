/*
** x1060: what describes an organisation for comparison with its peers.
**
**   SELECT x1060_set('acme', 'sector', 'K');          -- or 'finance', '金融業'
**   SELECT * FROM x1060_attribute_values WHERE attribute = 'region';
**
** The attributes a CDC may carry (x1060_set, x1060_get; stored in
** x1060_store_attribute, store.c) and the canonical values of those that
** take one from a published list.  Provenance (docs/peers.md):
**   - sector: the 21 sections of the United Nations' International
**     Standard Industrial Classification of All Economic Activities,
**     Revision 4 (ISIC Rev. 4, Statistical Papers Series M No. 4, 2008),
**     English titles as published, the section letter accepted as input;
**   - size: the enterprise size classes by staff headcount of the European
**     Commission's Recommendation 2003/361/EC (micro, small, medium-sized,
**     large);
**   - region: the geographical sub-regions of the United Nations' Standard
**     Country or Area Codes for Statistical Use (M49), with their M49 code
**     accepted as input;
**   - every Japanese name and every "also" spelling: the project's own.
** The shared attributes come first: an anonymised export (anonymise.c)
** carries those and no other.
*/
#include "x1060_int.h"

/* The attributes, shared ones first (X1060_NATTRIBUTE_SHARED). */
X1060_DATA_DEF const X1060Term x1060Attributes[X1060_NATTRIBUTE] = {
  { "sector", "Sector", "業種",
    "the organisation's main economic activity: an ISIC Rev. 4 section "
    "(United Nations, 2008), written as its title, its letter or the "
    "project's Japanese name",
    "組織の主な経済活動。国連の国際標準産業分類 ISIC Rev. 4 の大分類（表題、"
    "記号、または本プロジェクトの日本語名で指定）" },
  { "size", "Size band", "規模",
    "staff headcount band of the European Commission's Recommendation "
    "2003/361/EC: micro (under 10), small (under 50), medium (under 250), "
    "large (250 or more)",
    "従業員数による規模区分（欧州委員会勧告 2003/361/EC）：micro（10人未満）、"
    "small（50人未満）、medium（250人未満）、large（250人以上）" },
  { "region", "Region", "地域",
    "a geographical sub-region of the United Nations M49 standard, written "
    "as its name or its three-digit code",
    "国連 M49 標準の地理的小地域（名称または3桁コードで指定）" },
  { "assessed_by", "Assessed by", "評価者",
    "who carried out the assessment (a person, a team or a firm), for the "
    "report's title block; never in an anonymised export",
    "評価の実施者（個人、チーム、会社）。報告書の表紙に載る。匿名化した"
    "エクスポートには含まれない" },
};

/* The canonical values, attribute by attribute in the order above (the
** rows of each contiguous). */
X1060_DATA_DEF const X1060AttributeValue
    x1060AttributeValues[X1060_NATTRIBUTE_VALUE] = {
  /* sector: ISIC Rev. 4 sections */
  { {"Agriculture, forestry and fishing", "農林水産業", "agriculture"}, 0, "A" },
  { {"Mining and quarrying", "鉱業・採石業", "mining"}, 0, "B" },
  { {"Manufacturing", "製造業", 0}, 0, "C" },
  { {"Electricity, gas, steam and air conditioning supply",
     "電気・ガス・熱供給業", "energy|electricity"}, 0, "D" },
  { {"Water supply; sewerage, waste management and remediation activities",
     "水道・下水・廃棄物処理業", "water"}, 0, "E" },
  { {"Construction", "建設業", 0}, 0, "F" },
  { {"Wholesale and retail trade; repair of motor vehicles and motorcycles",
     "卸売業・小売業", "retail|wholesale|trade"}, 0, "G" },
  { {"Transportation and storage", "運輸業・倉庫業", "transport"}, 0, "H" },
  { {"Accommodation and food service activities", "宿泊業・飲食サービス業",
     "hospitality"}, 0, "I" },
  { {"Information and communication", "情報通信業",
     "ict|telecommunications"}, 0, "J" },
  { {"Financial and insurance activities", "金融業・保険業",
     "finance|financial|insurance|banking"}, 0, "K" },
  { {"Real estate activities", "不動産業", "real estate"}, 0, "L" },
  { {"Professional, scientific and technical activities",
     "専門・科学・技術サービス業", "professional"}, 0, "M" },
  { {"Administrative and support service activities",
     "管理・支援サービス業", "administrative"}, 0, "N" },
  { {"Public administration and defence; compulsory social security",
     "公務・国防・義務的社会保障", "public administration|government"}, 0,
     "O" },
  { {"Education", "教育", 0}, 0, "P" },
  { {"Human health and social work activities", "医療・福祉",
     "health|healthcare"}, 0, "Q" },
  { {"Arts, entertainment and recreation", "芸術・娯楽・レクリエーション",
     "arts"}, 0, "R" },
  { {"Other service activities", "その他のサービス業", 0}, 0, "S" },
  { {"Activities of households as employers; undifferentiated goods- and "
     "services-producing activities of households for own use",
     "雇用主としての世帯の活動等", "households"}, 0, "T" },
  { {"Activities of extraterritorial organizations and bodies",
     "治外法権機関・団体の活動", "extraterritorial"}, 0, "U" },
  /* size: Recommendation 2003/361/EC */
  { {"micro", "零細", "micro enterprise"}, 1, "<10" },
  { {"small", "小規模", "small enterprise"}, 1, "<50" },
  { {"medium", "中規模", "medium-sized|medium sized|medium enterprise"}, 1,
    "<250" },
  { {"large", "大規模", "large enterprise"}, 1, ">=250" },
  /* region: UN M49 geographical sub-regions */
  { {"Northern Africa", "北アフリカ", 0}, 2, "015" },
  { {"Sub-Saharan Africa", "サブサハラ・アフリカ", 0}, 2, "202" },
  { {"Latin America and the Caribbean", "中南米・カリブ", 0}, 2, "419" },
  { {"Northern America", "北米", 0}, 2, "021" },
  { {"Central Asia", "中央アジア", 0}, 2, "143" },
  { {"Eastern Asia", "東アジア", 0}, 2, "030" },
  { {"South-eastern Asia", "東南アジア", "southeastern asia"}, 2, "035" },
  { {"Southern Asia", "南アジア", 0}, 2, "034" },
  { {"Western Asia", "西アジア", 0}, 2, "145" },
  { {"Eastern Europe", "東ヨーロッパ", "東欧"}, 2, "151" },
  { {"Northern Europe", "北ヨーロッパ", "北欧"}, 2, "154" },
  { {"Southern Europe", "南ヨーロッパ", "南欧"}, 2, "039" },
  { {"Western Europe", "西ヨーロッパ", "西欧"}, 2, "155" },
  { {"Australia and New Zealand", "オーストラリア・ニュージーランド", 0}, 2,
    "053" },
  { {"Melanesia", "メラネシア", 0}, 2, "054" },
  { {"Micronesia", "ミクロネシア", 0}, 2, "057" },
  { {"Polynesia", "ポリネシア", 0}, 2, "061" },
};
