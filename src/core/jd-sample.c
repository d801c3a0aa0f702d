#include "jd-sample.h"

#include "jd-identity.h"
#include "jd-uuid.h"

#include <math.h>
#include <string.h>

/* Known breach rates. Each rate is the share of the objects in the last column that breaks the
 * rule on purpose, so that validators, dashboards and their tests have something to find.
 *
 * | constant                            | rate | rule                | share of                 |
 * |-------------------------------------|------|---------------------|--------------------------|
 * | JD_SAMPLE_RATE_MISSING_REVIEW       | 0.05 | REV-REQUIRED        | major decisions          |
 * | JD_SAMPLE_RATE_REVIEW_REJECTED      | 0.02 | REV-PASSED          | major decisions          |
 * | JD_SAMPLE_RATE_NO_COLLECTIVE        | 0.04 | REV-COLLECTIVE      | major decisions          |
 * | JD_SAMPLE_RATE_REVIEW_MATERIALS     | 0.03 | REV-MATERIALS       | reviews                  |
 * | JD_SAMPLE_RATE_REVIEW_LEAD_TIME     | 0.10 | REV-LEAD-TIME       | reviews with time limit  |
 * | JD_SAMPLE_RATE_REVIEW_SLOW          | 0.08 | REV-DURATION        | reviews                  |
 * | JD_SAMPLE_RATE_REVIEW_ITEMS         | 0.03 | REV-ITEMWISE        | reviews                  |
 * | JD_SAMPLE_RATE_REVIEW_COPIES        | 0.05 | REV-COPIES          | reviews                  |
 * | JD_SAMPLE_RATE_BAD_NUMBER           | 0.01 | REV-P1-MATERIALS    | cases                    |
 * | JD_SAMPLE_RATE_SINGLE_OFFICER       | 0.02 | REV-P3-OFFICERS     | cases                    |
 * | JD_SAMPLE_RATE_BAD_PARTY_ID         | 0.02 | REV-P4-SUBJECT      | parties                  |
 * | JD_SAMPLE_RATE_NO_HEARING_OFFER     | 0.10 | REV-P6-PROCEDURE    | hearings owed            |
 * | JD_SAMPLE_RATE_NO_ARTICLE           | 0.02 | REV-P7-LAW          | penalty cases            |
 * | JD_SAMPLE_RATE_FINE_OUTSIDE         | 0.03 | REV-P8-DISCRETION   | general-procedure fines  |
 * | JD_SAMPLE_RATE_MISSING_STAGE        | 0.04 | REC-STAGES          | general-procedure cases  |
 * | JD_SAMPLE_RATE_RECORD_INCOMPLETE    | 0.03 | REC-ELEMENTS        | text records             |
 * | JD_SAMPLE_RATE_NO_AV                | 0.05 | REC-AV-REQUIRED     | seizure/demolition cases |
 * | JD_SAMPLE_RATE_AV_NO_REASON         | 0.30 | REC-AV-ELEMENTS     | interrupted a/v records  |
 * | JD_SAMPLE_RATE_AV_LATE_STORE        | 0.05 | REC-AV-STORE        | a/v records              |
 * | JD_SAMPLE_RATE_AV_SHORT_RETENTION   | 0.02 | REC-AV-RETENTION    | a/v records              |
 * | JD_SAMPLE_RATE_LATE_ARCHIVE         | 0.06 | REC-ARCHIVE         | closed cases             |
 * | JD_SAMPLE_RATE_LATE_PUBLICATION     | 0.08 | PUB-DEADLINE        | publications             |
 * | JD_SAMPLE_RATE_PUBLICATION_LEAK     | 0.02 | PUB-REDACT          | publications             |
 * | JD_SAMPLE_RATE_MINOR_PUBLISHED      | 0.10 | PUB-EXEMPT          | cases with a minor party |
 * | JD_SAMPLE_RATE_NOT_WITHDRAWN        | 0.30 | PUB-WITHDRAW        | changed publications     |
 * | JD_SAMPLE_RATE_LATE_INSPECTION_PLAN | 0.15 | PUB-PLAN            | agency-years             |
 * | JD_SAMPLE_RATE_LATE_ANNUAL_REPORT   | 0.15 | ROS-REPORT          | agency-years             |
 * | JD_SAMPLE_RATE_CERT_INVALID         | 0.02 | ROS-CERT-VALID      | cases                    |
 * | JD_SAMPLE_RATE_LOW_TRAINING         | 0.25 | ROS-TRAINING        | officer-years            |
 * | JD_SAMPLE_RATE_REAPPLY              | 0.30 | ROS-REAPPLY         | revoked officers         |
 * | JD_SAMPLE_RATE_AUX_ALONE            | 0.01 | ROS-AUX             | cases                    |
 * | JD_SAMPLE_RATE_LATE_BODY_CHANGE     | 0.50 | ROS-BODY-CHANGE     | body changes             |
 * | JD_SAMPLE_RATE_BAD_ENTRUSTMENT      | 0.50 | ROS-ENTRUST         | entrustments             |
 * | JD_SAMPLE_RATE_LATE_DISCRETION      | 0.10 | ROS-DISCRETION      | discretion benchmarks    |
 * | JD_SAMPLE_RATE_NO_CATALOGUE         | 0.15 | ROS-CATALOGUE       | agencies                 |
 * | JD_SAMPLE_RATE_LATE_ANNUAL_PLAN     | 0.12 | ROS-PLAN            | agency-years             |
 * | JD_SAMPLE_RATE_COMPLAINT_INCOMPLETE | 0.05 | SUP-COMPLAINT       | complaints               |
 * | JD_SAMPLE_RATE_NO_REPLY             | 0.15 | SUP-REPLY           | complaints               |
 * | JD_SAMPLE_RATE_SUP_EXCLUDED         | 0.05 | SUP-NO-FILE         | supervision cases        |
 * | JD_SAMPLE_RATE_SUP_OVERDUE          | 0.10 | SUP-DURATION        | supervision cases        |
 * | JD_SAMPLE_RATE_SUP_ONE_STAFF        | 0.05 | SUP-TWO-STAFF       | supervision cases        |
 * | JD_SAMPLE_RATE_SUP_INTERESTED       | 0.05 | SUP-RECUSAL         | supervision cases        |
 * | JD_SAMPLE_RATE_SUP_NO_COLLECTIVE    | 0.10 | SUP-COLLECTIVE      | supervision cases        |
 * | JD_SAMPLE_RATE_LATE_OBJECTION       | 0.30 | SUP-OBJECTION       | objections to opinions   |
 * | JD_SAMPLE_RATE_NOT_CORRECTED        | 0.20 | SUP-CORRECT         | opinion letters          |
 * | JD_SAMPLE_RATE_NO_EXECUTION_REPORT  | 0.20 | SUP-DECISION-REPORT | decision letters         |
 * | JD_SAMPLE_RATE_NO_DISTURB_BREACH    | 0.10 | SUP-NO-DISTURB      | listed-firm inspections  |
 * | JD_SAMPLE_RATE_DISPUTE_STALLED      | 0.30 | SUP-DISPUTE         | disputes                 |
 * | JD_SAMPLE_RATE_NO_EVALUATION        | 0.10 | SUP-EVALUATION      | agency-years             |
 * | JD_SAMPLE_RATE_SUP_LATE_ARCHIVE     | 0.10 | SUP-ARCHIVE         | closed supervisions      |
 */
#define JD_SAMPLE_RATE_MISSING_REVIEW       0.05
#define JD_SAMPLE_RATE_REVIEW_REJECTED      0.02
#define JD_SAMPLE_RATE_NO_COLLECTIVE        0.04
#define JD_SAMPLE_RATE_REVIEW_MATERIALS     0.03
#define JD_SAMPLE_RATE_REVIEW_LEAD_TIME     0.10
#define JD_SAMPLE_RATE_REVIEW_SLOW          0.08
#define JD_SAMPLE_RATE_REVIEW_ITEMS         0.03
#define JD_SAMPLE_RATE_REVIEW_COPIES        0.05
#define JD_SAMPLE_RATE_BAD_NUMBER           0.01
#define JD_SAMPLE_RATE_SINGLE_OFFICER       0.02
#define JD_SAMPLE_RATE_BAD_PARTY_ID         0.02
#define JD_SAMPLE_RATE_NO_HEARING_OFFER     0.10
#define JD_SAMPLE_RATE_NO_ARTICLE           0.02
#define JD_SAMPLE_RATE_FINE_OUTSIDE         0.03
#define JD_SAMPLE_RATE_MISSING_STAGE        0.04
#define JD_SAMPLE_RATE_RECORD_INCOMPLETE    0.03
#define JD_SAMPLE_RATE_NO_AV                0.05
#define JD_SAMPLE_RATE_AV_NO_REASON         0.30
#define JD_SAMPLE_RATE_AV_LATE_STORE        0.05
#define JD_SAMPLE_RATE_AV_SHORT_RETENTION   0.02
#define JD_SAMPLE_RATE_LATE_ARCHIVE         0.06
#define JD_SAMPLE_RATE_LATE_PUBLICATION     0.08
#define JD_SAMPLE_RATE_PUBLICATION_LEAK     0.02
#define JD_SAMPLE_RATE_MINOR_PUBLISHED      0.10
#define JD_SAMPLE_RATE_NOT_WITHDRAWN        0.30
#define JD_SAMPLE_RATE_LATE_INSPECTION_PLAN 0.15
#define JD_SAMPLE_RATE_LATE_ANNUAL_REPORT   0.15
#define JD_SAMPLE_RATE_CERT_INVALID         0.02
#define JD_SAMPLE_RATE_LOW_TRAINING         0.25
#define JD_SAMPLE_RATE_REAPPLY              0.30
#define JD_SAMPLE_RATE_AUX_ALONE            0.01
#define JD_SAMPLE_RATE_LATE_BODY_CHANGE     0.50
#define JD_SAMPLE_RATE_BAD_ENTRUSTMENT      0.50
#define JD_SAMPLE_RATE_LATE_DISCRETION      0.10
#define JD_SAMPLE_RATE_NO_CATALOGUE         0.15
#define JD_SAMPLE_RATE_LATE_ANNUAL_PLAN     0.12
#define JD_SAMPLE_RATE_COMPLAINT_INCOMPLETE 0.05
#define JD_SAMPLE_RATE_NO_REPLY             0.15
#define JD_SAMPLE_RATE_SUP_EXCLUDED         0.05
#define JD_SAMPLE_RATE_SUP_OVERDUE          0.10
#define JD_SAMPLE_RATE_SUP_ONE_STAFF        0.05
#define JD_SAMPLE_RATE_SUP_INTERESTED       0.05
#define JD_SAMPLE_RATE_SUP_NO_COLLECTIVE    0.10
#define JD_SAMPLE_RATE_LATE_OBJECTION       0.30
#define JD_SAMPLE_RATE_NOT_CORRECTED        0.20
#define JD_SAMPLE_RATE_NO_EXECUTION_REPORT  0.20
#define JD_SAMPLE_RATE_NO_DISTURB_BREACH    0.10
#define JD_SAMPLE_RATE_DISPUTE_STALLED      0.30
#define JD_SAMPLE_RATE_NO_EVALUATION        0.10
#define JD_SAMPLE_RATE_SUP_LATE_ARCHIVE     0.10

static const JdSampleRate rates[] = {
  { "REV-REQUIRED", JD_SAMPLE_RATE_MISSING_REVIEW,
    "of major decisions have no legal review completed before the decision" },
  { "REV-PASSED", JD_SAMPLE_RATE_REVIEW_REJECTED,
    "of major decisions were made after a rejected review that was never re-reviewed" },
  { "REV-COLLECTIVE", JD_SAMPLE_RATE_NO_COLLECTIVE,
    "of major decisions record no collective discussion" },
  { "REV-MATERIALS", JD_SAMPLE_RATE_REVIEW_MATERIALS,
    "of legal reviews lack the case file, the proposal or the evidence" },
  { "REV-LEAD-TIME", JD_SAMPLE_RATE_REVIEW_LEAD_TIME,
    "of legal reviews with a statutory time limit were submitted less than 5 WD before it" },
  { "REV-DURATION", JD_SAMPLE_RATE_REVIEW_SLOW,
    "of legal reviews gave the opinion more than 5 WD after submission" },
  { "REV-ITEMWISE", JD_SAMPLE_RATE_REVIEW_ITEMS,
    "of legal reviews answer fewer than the 9 review points" },
  { "REV-COPIES", JD_SAMPLE_RATE_REVIEW_COPIES,
    "of legal reviews have no copy archived by the legal unit" },
  { "REV-P1-MATERIALS", JD_SAMPLE_RATE_BAD_NUMBER,
    "of cases carry a malformed decision document number" },
  { "REV-P3-OFFICERS", JD_SAMPLE_RATE_SINGLE_OFFICER,
    "of cases were handled by a single certified officer" },
  { "REV-P4-SUBJECT", JD_SAMPLE_RATE_BAD_PARTY_ID,
    "of parties have a resident ID or credit code with a wrong check character" },
  { "REV-P6-PROCEDURE", JD_SAMPLE_RATE_NO_HEARING_OFFER,
    "of decisions that owe the party a hearing (large fine, licence revoked, business stopped) "
    "did not offer one" },
  { "REV-P7-LAW", JD_SAMPLE_RATE_NO_ARTICLE,
    "of penalty cases cite the law without an article" },
  { "REV-P8-DISCRETION", JD_SAMPLE_RATE_FINE_OUTSIDE,
    "of general-procedure fines lie outside the agency's discretion benchmark" },
  { "REC-STAGES", JD_SAMPLE_RATE_MISSING_STAGE,
    "of general-procedure cases miss one required stage" },
  { "REC-ELEMENTS", JD_SAMPLE_RATE_RECORD_INCOMPLETE,
    "of text records lack the place or the party" },
  { "REC-AV-REQUIRED", JD_SAMPLE_RATE_NO_AV,
    "of cases with seizure or demolition have no audio/video record" },
  { "REC-AV-ELEMENTS", JD_SAMPLE_RATE_AV_NO_REASON,
    "of interrupted audio/video records (5% of them) state no reason" },
  { "REC-AV-STORE", JD_SAMPLE_RATE_AV_LATE_STORE,
    "of audio/video records reached the store more than 2 WD after recording" },
  { "REC-AV-RETENTION", JD_SAMPLE_RATE_AV_SHORT_RETENTION,
    "of audio/video records are kept less than 6 months" },
  { "REC-ARCHIVE", JD_SAMPLE_RATE_LATE_ARCHIVE,
    "of closed cases were archived more than 30 days after closing" },
  { "PUB-DEADLINE", JD_SAMPLE_RATE_LATE_PUBLICATION,
    "of publications came after 7 WD (penalty, licence) or 20 WD (other results)" },
  { "PUB-REDACT", JD_SAMPLE_RATE_PUBLICATION_LEAK,
    "of publications disclose a person's ID number or phone number" },
  { "PUB-EXEMPT", JD_SAMPLE_RATE_MINOR_PUBLISHED,
    "of cases with a minor party are published" },
  { "PUB-WITHDRAW", JD_SAMPLE_RATE_NOT_WITHDRAWN,
    "of published decisions later changed are not withdrawn within 10 WD" },
  { "PUB-PLAN", JD_SAMPLE_RATE_LATE_INSPECTION_PLAN,
    "of agency-years have the inspection plan published after March or not at all" },
  { "ROS-REPORT", JD_SAMPLE_RATE_LATE_ANNUAL_REPORT,
    "of agency-years have the annual report filed late or not at all" },
  { "ROS-CERT-VALID", JD_SAMPLE_RATE_CERT_INVALID,
    "of cases involve an officer whose certificate is not valid on the case dates" },
  { "ROS-TRAINING", JD_SAMPLE_RATE_LOW_TRAINING,
    "of officer-years (2024, 2025) have fewer than 60 training hours" },
  { "ROS-REAPPLY", JD_SAMPLE_RATE_REAPPLY,
    "of officers whose qualification was revoked hold a new certificate within 2 years" },
  { "ROS-AUX", JD_SAMPLE_RATE_AUX_ALONE,
    "of cases were handled by an auxiliary alone" },
  { "ROS-BODY-CHANGE", JD_SAMPLE_RATE_LATE_BODY_CHANGE,
    "of body changes applied for confirmation after 20 days or not at all" },
  { "ROS-ENTRUST", JD_SAMPLE_RATE_BAD_ENTRUSTMENT,
    "of entrustments lack basis, liability or term, or were filed after 20 days" },
  { "ROS-DISCRETION", JD_SAMPLE_RATE_LATE_DISCRETION,
    "of discretion benchmarks were filed after 20 days or never published" },
  { "ROS-CATALOGUE", JD_SAMPLE_RATE_NO_CATALOGUE,
    "of agencies filed no major-decision catalogue" },
  { "ROS-PLAN", JD_SAMPLE_RATE_LATE_ANNUAL_PLAN,
    "of agency-years have the annual plan filed after 31 January or not at all" },
  { "SUP-COMPLAINT", JD_SAMPLE_RATE_COMPLAINT_INCOMPLETE,
    "of complaints lack the agency complained of, the facts or the reasons" },
  { "SUP-REPLY", JD_SAMPLE_RATE_NO_REPLY,
    "of complaints were never answered" },
  { "SUP-NO-FILE", JD_SAMPLE_RATE_SUP_EXCLUDED,
    "of supervision cases were filed although a ground excluded them" },
  { "SUP-DURATION", JD_SAMPLE_RATE_SUP_OVERDUE,
    "of supervision cases ran past 2 months without an approved extension" },
  { "SUP-TWO-STAFF", JD_SAMPLE_RATE_SUP_ONE_STAFF,
    "of supervision cases had a single investigator" },
  { "SUP-RECUSAL", JD_SAMPLE_RATE_SUP_INTERESTED,
    "of supervision cases kept an interested investigator" },
  { "SUP-COLLECTIVE", JD_SAMPLE_RATE_SUP_NO_COLLECTIVE,
    "of supervision cases record no collective discussion" },
  { "SUP-OBJECTION", JD_SAMPLE_RATE_LATE_OBJECTION,
    "of objections to opinion letters were raised after 5 WD or answered after 10 WD" },
  { "SUP-CORRECT", JD_SAMPLE_RATE_NOT_CORRECTED,
    "of opinion letters were neither corrected within 30 days nor escalated" },
  { "SUP-DECISION-REPORT", JD_SAMPLE_RATE_NO_EXECUTION_REPORT,
    "of decision letters have no execution report within 30 days" },
  { "SUP-NO-DISTURB", JD_SAMPLE_RATE_NO_DISTURB_BREACH,
    "of inspections of a 无事不扰 enterprise were started by a complaint, clue or referral" },
  { "SUP-DISPUTE", JD_SAMPLE_RATE_DISPUTE_STALLED,
    "of disputes between agencies were never coordinated or followed up" },
  { "SUP-EVALUATION", JD_SAMPLE_RATE_NO_EVALUATION,
    "of agency-years have no case-file evaluation" },
  { "SUP-ARCHIVE", JD_SAMPLE_RATE_SUP_LATE_ARCHIVE,
    "of closed supervision cases were archived more than 30 days after closing" },
};

G_DEFINE_QUARK (jd-sample-error-quark, jd_sample_error)

const JdSampleRate *
jd_sample_rates (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (rates);

  return rates;
}

/* Codes of jiandu/1 */

typedef enum
{
  ACT_PENALTY,
  ACT_LICENCE,
  ACT_COERCION,
  ACT_INSPECTION,
  ACT_EXPROPRIATION,
  ACT_CONFIRMATION,
  ACT_FEE,
  ACT_BENEFIT,
  ACT_AWARD,
  ACT_ADJUDICATION,
  N_ACTS
} Act;

typedef struct
{
  const char *code;
  const char *prefix;       /* first two digits of a power code */
  const char *number_char;  /* kind character of a document number */
  const char *decision_document;
  const char *result_label;
} ActInfo;

static const ActInfo acts[N_ACTS] = {
  [ACT_PENALTY] = { "penalty", "33", "罚", "行政处罚决定书", "处罚" },
  [ACT_LICENCE] = { "licence", "31", "许", "行政许可决定书", "许可" },
  [ACT_COERCION] = { "coercion", "34", "强", "行政强制决定书", "强制" },
  [ACT_INSPECTION] = { "inspection", "38", "检", "责令改正通知书", "检查" },
  [ACT_EXPROPRIATION] = { "expropriation", "35", "征", "房屋征收决定书", "征收" },
  [ACT_CONFIRMATION] = { "confirmation", "37", "确", "行政确认决定书", "确认" },
  [ACT_FEE] = { "fee", "32", "收", "征收缴款决定书", "征收" },
  [ACT_BENEFIT] = { "benefit", "36", "给", "行政给付决定书", "给付" },
  [ACT_AWARD] = { "award", "39", "奖", "行政奖励决定书", "奖励" },
  [ACT_ADJUDICATION] = { "adjudication", "40", "裁", "行政裁决书", "裁决" },
};

typedef enum
{
  ST_INTAKE,
  ST_FILING,
  ST_INVESTIGATION,
  ST_NOTICE,
  ST_HEARING,
  ST_LEGAL_REVIEW,
  ST_DECISION,
  ST_SERVICE,
  ST_CLOSURE,
  ST_DEMAND,
  ST_EXECUTION,
  ST_RECEIPT,
  ST_ACCEPTANCE,
  ST_ONSITE_CHECK,
  ST_RECHECK,
  ST_ASSESSMENT,
  ST_CONSULTATION,
  ST_COMPENSATION,
  N_STAGES
} Stage;

static const struct
{
  const char *code;
  const char *matter;     /* what a whole-process record of the stage says was done */
  gboolean    onsite;     /* done at the party's premises, by named officers */
} stages[N_STAGES] = {
  [ST_INTAKE] = { "intake", "接收案件线索并登记受案", FALSE },
  [ST_FILING] = { "filing", "经负责人审批决定立案调查", FALSE },
  [ST_INVESTIGATION] = { "investigation", "对当事人经营场所进行现场检查，制作现场笔录和询问笔录",
                         TRUE },
  [ST_NOTICE] = { "notice", "向当事人告知拟作出处罚的事实、理由、依据及陈述申辩权利", FALSE },
  [ST_HEARING] = { "hearing", "依当事人申请组织听证，听取陈述和申辩", FALSE },
  [ST_LEGAL_REVIEW] = { "legal_review", "将案件材料报送法制审核机构审核", FALSE },
  [ST_DECISION] = { "decision", "经审查作出决定并制作决定书", FALSE },
  [ST_SERVICE] = { "service", "向当事人直接送达决定书，当事人签收", FALSE },
  [ST_CLOSURE] = { "closure", "决定执行完毕，经审批结案", FALSE },
  [ST_DEMAND] = { "demand", "向当事人送达催告书，告知履行期限及陈述申辩权利", FALSE },
  [ST_EXECUTION] = { "execution", "依法实施强制措施，现场清点并制作清单", TRUE },
  [ST_RECEIPT] = { "receipt", "接收申请人提交的申请材料并出具接收凭证", FALSE },
  [ST_ACCEPTANCE] = { "acceptance", "审查申请材料并作出受理决定", FALSE },
  [ST_ONSITE_CHECK] = { "onsite_check", "对当事人生产经营场所进行现场检查，制作检查笔录", TRUE },
  [ST_RECHECK] = { "recheck", "对当事人整改情况进行现场复查", TRUE },
  [ST_ASSESSMENT] = { "assessment", "组织专家对征收必要性和补偿方案进行论证", FALSE },
  [ST_CONSULTATION] = { "consultation", "公布征收补偿方案并征求被征收人意见", FALSE },
  [ST_COMPENSATION] = { "compensation", "与被征收人签订补偿协议并支付补偿款", FALSE },
};

typedef enum
{
  M_WARNING,
  M_FINE,
  M_CONFISCATION,
  M_SUSPEND_LICENCE,
  M_REVOKE_LICENCE,
  M_STOP_PRODUCTION,
  M_LICENCE_BY_TENDER,
  M_LICENCE_AFTER_HEARING,
  M_WITHDRAW_LICENCE,
  M_TRANSFER_DEPOSIT,
  M_DEMOLITION,
  M_AUCTION_PROPERTY,
  M_SEAL_SEIZE,
  M_EXPROPRIATE_LAND,
  M_EXPROPRIATE_PROPERTY,
  M_TRANSFER_POLICE,
  M_TRANSFER_SUPERVISION,
  N_MEASURES
} Measure;

#define MB(m) (1u << (m))
#define W  MB (M_WARNING)
#define F  MB (M_FINE)
#define C  MB (M_CONFISCATION)
#define SL MB (M_SUSPEND_LICENCE)
#define RL MB (M_REVOKE_LICENCE)
#define SP MB (M_STOP_PRODUCTION)
#define LT MB (M_LICENCE_BY_TENDER)
#define LH MB (M_LICENCE_AFTER_HEARING)
#define WL MB (M_WITHDRAW_LICENCE)
#define TD MB (M_TRANSFER_DEPOSIT)
#define DM MB (M_DEMOLITION)
#define AP MB (M_AUCTION_PROPERTY)
#define SS MB (M_SEAL_SEIZE)
#define EL MB (M_EXPROPRIATE_LAND)
#define EP MB (M_EXPROPRIATE_PROPERTY)
#define TP MB (M_TRANSFER_POLICE)


static const struct
{
  const char *code;
  const char *text;     /* how a decision states it */
} measures[N_MEASURES] = {
  [M_WARNING] = { "warning", "给予警告" },
  [M_FINE] = { "fine", "罚款" },
  [M_CONFISCATION] = { "confiscation", "没收违法所得及涉案物品" },
  [M_SUSPEND_LICENCE] = { "suspend_licence", "暂扣许可证件三个月" },
  [M_REVOKE_LICENCE] = { "revoke_licence", "吊销许可证件" },
  [M_STOP_PRODUCTION] = { "stop_production", "责令停产停业整顿" },
  [M_LICENCE_BY_TENDER] = { "licence_by_tender", "经公开招标确定被许可人并准予许可" },
  [M_LICENCE_AFTER_HEARING] = { "licence_after_hearing", "经听证后准予许可" },
  [M_WITHDRAW_LICENCE] = { "withdraw_licence", "撤销已作出的行政许可" },
  [M_TRANSFER_DEPOSIT] = { "transfer_deposit", "通知金融机构划拨存款、汇款" },
  [M_DEMOLITION] = { "demolition", "拆除违法建筑物、构筑物" },
  [M_AUCTION_PROPERTY] = { "auction_property", "依法拍卖查封的财物抵缴罚款" },
  [M_SEAL_SEIZE] = { "seal_seize", "查封、扣押涉案场所、设施和财物" },
  [M_EXPROPRIATE_LAND] = { "expropriate_land", "征收国有土地上房屋" },
  [M_EXPROPRIATE_PROPERTY] = { "expropriate_property", "征用车辆、设施和设备" },
  [M_TRANSFER_POLICE] = { "transfer_police", "涉嫌犯罪，移送公安机关" },
  [M_TRANSFER_SUPERVISION] = { "transfer_supervision", "移送监察机关" },
};

/* Powers (权责清单) */

typedef enum
{
  PARTY_PERSON,
  PARTY_ORG,
  PARTY_ANY,
  PARTY_SOCIAL,
} PartyKind;

typedef struct
{
  guint8      act;
  guint8      party;
  guint8      weight;      /* share of the department's cases */
  const char *name;        /* list name; NULL makes "对<matter>的行政处罚" */
  const char *matter;      /* the violation or the matter, as a case title states it */
  const char *basis;       /* the provision broken, or the one the act rests on */
  const char *penalty;     /* the provision that sets the penalty */
  int         fine_min;
  int         fine_max;    /* statutory range in yuan; 0 when no fine */
  guint32     measures;
  guint32     heavy;       /* added in the severe cases */
  const char *trade;       /* trade word of a company name */
  const char *shop;        /* shop word of a sole trader's name */
} PowerTemplate;

#define P(w, party, matter, basis, pen, fmin, fmax, m, heavy, trade, shop) \
  { ACT_PENALTY, party, w, NULL, matter, basis, pen, fmin, fmax, m, heavy, trade, shop }
#define O(act, w, party, name, matter, basis, m, heavy, trade) \
  { act, party, w, name, matter, basis, NULL, 0, 0, m, heavy, trade, NULL }

#define L_FOOD "《中华人民共和国食品安全法》"
#define L_AIR "《中华人民共和国大气污染防治法》"
#define L_SAFETY "《中华人民共和国安全生产法》"
#define L_FIRE "《中华人民共和国消防法》"
#define L_PLAN "《中华人民共和国城乡规划法》"
#define L_LAND "《中华人民共和国土地管理法》"
#define L_COERCION "《中华人民共和国行政强制法》"
#define L_ROAD "《中华人民共和国道路运输条例》"
#define L_SOCIAL "《中华人民共和国社会保险法》"
#define L_STATS "《中华人民共和国统计法》"
#define L_WATER "《中华人民共和国水法》"
#define L_FOREST "《中华人民共和国森林法》"
#define L_RELIEF "《社会救助暂行办法》"
#define L_MEDICAL "《医疗保障基金使用监督管理条例》"
#define L_PRIVATE_EDU "《中华人民共和国民办教育促进法》"
#define L_HOUSE "《国有土地上房屋征收与补偿条例》"
#define L_TOWN_UPKEEP "《城市市容和环境卫生管理条例》"

static const PowerTemplate government_powers[] = {
  O (ACT_EXPROPRIATION, 8, PARTY_PERSON, "国有土地上房屋征收决定", "房屋征收补偿",
     L_HOUSE "第八条", EL, 0, NULL),
  O (ACT_ADJUDICATION, 6, PARTY_ANY, "土地权属争议行政裁决", "申请土地权属争议行政裁决",
     L_LAND "第十四条", 0, 0, "农业开发"),
  O (ACT_ADJUDICATION, 4, PARTY_ANY, "林木林地权属争议行政裁决", "申请林木林地权属争议行政裁决",
     L_FOREST "第二十二条", 0, 0, "林业发展"),
};

static const PowerTemplate justice_powers[] = {
  P (8, PARTY_PERSON, "同时在两个以上律师事务所执业", "《中华人民共和国律师法》第十条",
     "《中华人民共和国律师法》第四十七条第一项", 0, 5000, W | F, 0, NULL, NULL),
  P (4, PARTY_PERSON, "基层法律服务工作者以个人名义承揽法律服务业务",
     "《基层法律服务工作者管理办法》第三十五条", "《基层法律服务工作者管理办法》第四十七条",
     0, 0, W, 0, NULL, NULL),
  O (ACT_BENEFIT, 8, PARTY_PERSON, "法律援助", "申请法律援助",
     "《中华人民共和国法律援助法》第四十一条", 0, 0, NULL),
  O (ACT_INSPECTION, 6, PARTY_ORG, "律师事务所执业活动监督检查", "律师事务所执业活动监督检查",
     "《律师事务所管理办法》第六十五条", 0, 0, "律师事务所"),
  O (ACT_AWARD, 8, PARTY_PERSON, "人民调解工作表彰奖励", "人民调解工作表彰奖励",
     "《中华人民共和国人民调解法》第六条", 0, 0, NULL),
};

static const PowerTemplate market_powers[] = {
  P (10, PARTY_ANY, "未取得食品经营许可从事食品经营", L_FOOD "第三十五条第一款",
     L_FOOD "第一百二十二条第一款", 50000, 100000, F | C, 0, "餐饮管理", "小吃店"),
  P (8, PARTY_ANY, "经营超过保质期的食品", L_FOOD "第三十四条第十项",
     L_FOOD "第一百二十四条第一款", 50000, 100000, F | C, RL, "商贸", "便利店"),
  P (8, PARTY_ANY, "不按规定明码标价", "《中华人民共和国价格法》第十三条第一款",
     "《中华人民共和国价格法》第四十二条", 0, 5000, W | F, 0, "商贸", "超市"),
  P (4, PARTY_ORG, "发布虚假广告", "《中华人民共和国广告法》第二十八条第一款",
     "《中华人民共和国广告法》第五十五条第一款", 200000, 1000000, F, RL, "文化传媒", NULL),
  P (6, PARTY_PERSON, "未依法取得营业执照从事经营活动", "《无证无照经营查处办法》第二条",
     "《无证无照经营查处办法》第十三条", 0, 10000, F | C, 0, NULL, NULL),
  P (4, PARTY_ORG, "使用未经定期检验的特种设备",
     "《中华人民共和国特种设备安全法》第四十条第三款",
     "《中华人民共和国特种设备安全法》第八十四条第一项", 30000, 300000, F, SP, "物业管理",
     NULL),
  P (4, PARTY_ORG, "销售不合格产品", "《中华人民共和国产品质量法》第三十九条",
     "《中华人民共和国产品质量法》第五十条", 10000, 300000, F | C, RL, "电器销售", "五金店"),
  O (ACT_LICENCE, 10, PARTY_ANY, "食品经营许可", "申请食品经营许可", L_FOOD "第三十五条", 0, WL,
     "餐饮管理"),
  O (ACT_INSPECTION, 12, PARTY_ORG, "食品安全监督检查", "食品安全监督检查",
     L_FOOD "第一百一十条", 0, 0, "餐饮管理"),
  O (ACT_COERCION, 5, PARTY_ANY, "查封、扣押不符合食品安全标准的食品", "涉案食品查封扣押",
     L_FOOD "第一百一十条第四项", SS, 0, "食品销售"),
  O (ACT_AWARD, 6, PARTY_PERSON, "市场监管领域违法行为举报奖励", "举报食品安全违法行为奖励",
     "《市场监管领域重大违法行为举报奖励暂行办法》第三条", 0, 0, NULL),
};

static const PowerTemplate urban_powers[] = {
  P (12, PARTY_ANY, "未取得建设工程规划许可证进行违法建设", L_PLAN "第四十条第一款",
     L_PLAN "第六十四条", 10000, 200000, F, DM, "实业", NULL),
  P (12, PARTY_PERSON, "在城市道路上擅自占道经营", "《城市道路管理条例》第二十七条第一项",
     "《城市道路管理条例》第四十二条", 0, 20000, W | F, 0, NULL, NULL),
  P (8, PARTY_ORG, "施工工地未采取扬尘污染防治措施", L_AIR "第六十九条第三款",
     L_AIR "第一百一十五条第一款", 10000, 100000, F, SP, "建筑工程", NULL),
  P (6, PARTY_ORG, "运输渣土车辆未密闭造成遗撒", L_AIR "第七十条第一款", L_AIR "第一百一十六条",
     2000, 20000, F, 0, "运输", NULL),
  P (5, PARTY_ORG, "擅自设置户外广告设施",
     "《北京市户外广告设施、牌匾标识和标语宣传品设置管理条例》第十五条",
     "《北京市户外广告设施、牌匾标识和标语宣传品设置管理条例》第三十九条", 5000, 50000, F, 0,
     "广告", NULL),
  P (6, PARTY_ORG, "随意倾倒建筑垃圾", "《城市建筑垃圾管理规定》第十五条",
     "《城市建筑垃圾管理规定》第二十六条", 5000, 50000, F, 0, "建筑工程", NULL),
  O (ACT_COERCION, 3, PARTY_ANY, "强制拆除违法建设", "违法建设强制拆除", L_COERCION "第四十四条",
     DM, 0, "实业"),
  O (ACT_COERCION, 3, PARTY_ORG, "拍卖查封财物抵缴罚款", "逾期不缴纳罚款拍卖查封财物抵缴罚款",
     L_COERCION "第四十六条第三款", AP, 0, "建筑工程"),
  O (ACT_INSPECTION, 8, PARTY_ORG, "市容环境卫生监督检查", "市容环境卫生监督检查",
     L_TOWN_UPKEEP "第四条", 0, 0, "商业管理"),
  O (ACT_FEE, 6, PARTY_ORG, "城市道路占用费、挖掘修复费征收", "城市道路占用挖掘费征收",
     "《城市道路管理条例》第三十七条", 0, 0, "市政工程"),
};

static const PowerTemplate ecology_powers[] = {
  P (8, PARTY_ORG, "超过大气污染物排放标准排放污染物", L_AIR "第十八条", L_AIR "第九十九条第二项",
     100000, 1000000, F, SP, "化工", NULL),
  P (5, PARTY_ORG, "通过暗管逃避监管的方式排放水污染物",
     "《中华人民共和国水污染防治法》第三十九条",
     "《中华人民共和国水污染防治法》第八十三条第三项", 100000, 1000000, F, SP | TP, "电镀",
     NULL),
  P (6, PARTY_ORG, "未依法进行环境影响评价擅自开工建设",
     "《中华人民共和国环境影响评价法》第二十五条",
     "《中华人民共和国环境影响评价法》第三十一条第一款", 50000, 2000000, F, SP, "科技", NULL),
  P (8, PARTY_ORG, "夜间施工产生噪声污染扰民", "《中华人民共和国噪声污染防治法》第四十三条第一款",
     "《中华人民共和国噪声污染防治法》第七十七条第一款", 10000, 100000, F, 0, "建筑工程", NULL),
  P (5, PARTY_ORG, "未按规定贮存危险废物",
     "《中华人民共和国固体废物污染环境防治法》第七十九条",
     "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第六项", 100000, 1000000, F,
     SP, "汽车修理", NULL),
  O (ACT_COERCION, 5, PARTY_ORG, "查封、扣押造成污染物排放的设施、设备",
     "排污设施设备查封扣押", "《中华人民共和国环境保护法》第二十五条", SS, 0, "化工"),
  O (ACT_INSPECTION, 10, PARTY_ORG, "排污单位现场检查", "排污单位现场检查",
     "《中华人民共和国环境保护法》第二十四条", 0, 0, "化工"),
  O (ACT_LICENCE, 6, PARTY_ORG, "建设项目环境影响报告表审批", "申请建设项目环境影响报告表审批",
     "《中华人民共和国环境影响评价法》第二十二条", 0, LH, "科技"),
};

static const PowerTemplate emergency_powers[] = {
  P (8, PARTY_ORG, "未按规定对从业人员进行安全生产教育和培训", L_SAFETY "第二十八条第一款",
     L_SAFETY "第九十七条第三项", 0, 100000, F, SP, "机械制造", NULL),
  P (8, PARTY_ORG, "未建立安全风险分级管控和隐患排查治理双重预防机制", L_SAFETY "第四十一条",
     L_SAFETY "第一百零一条第五项", 0, 100000, F, SP, "仓储", NULL),
  P (5, PARTY_ORG, "未经许可经营危险化学品", "《危险化学品安全管理条例》第三十三条第一款",
     "《危险化学品安全管理条例》第七十七条第三款", 100000, 200000, F | C, TP, "化工", NULL),
  P (5, PARTY_ORG, "未对重大危险源登记建档", L_SAFETY "第四十条第一款",
     L_SAFETY "第一百零一条第二项", 0, 100000, F, SP, "燃气", NULL),
  O (ACT_COERCION, 5, PARTY_ORG, "查封、扣押不符合保障安全生产国家标准的设施、设备",
     "安全生产设施设备查封扣押", L_SAFETY "第六十五条第一款第四项", SS, 0, "机械制造"),
  O (ACT_INSPECTION, 12, PARTY_ORG, "安全生产监督检查", "安全生产监督检查",
     L_SAFETY "第六十五条", 0, 0, "机械制造"),
  O (ACT_LICENCE, 5, PARTY_ORG, "危险化学品经营许可", "申请危险化学品经营许可",
     "《危险化学品安全管理条例》第三十五条", 0, WL, "化工"),
  O (ACT_EXPROPRIATION, 6, PARTY_ORG, "应急征用物资、设备", "应急物资设备征用",
     "《中华人民共和国突发事件应对法》第十二条", EP, 0, "物流"),
};

static const PowerTemplate transport_powers[] = {
  P (8, PARTY_ANY, "未取得道路运输经营许可擅自从事道路运输经营", L_ROAD "第二十四条",
     L_ROAD "第六十三条", 10000, 100000, F | C, 0, "物流", "货运部"),
  P (8, PARTY_PERSON, "巡游出租汽车驾驶员拒载", "《巡游出租汽车经营服务管理规定》第三十五条",
     "《巡游出租汽车经营服务管理规定》第四十八条", 200, 500, F, 0, NULL, NULL),
  P (6, PARTY_ANY, "超限运输车辆擅自行驶公路", "《公路安全保护条例》第三十五条",
     "《公路安全保护条例》第六十四条", 0, 30000, F, 0, "运输", NULL),
  P (4, PARTY_ORG, "未按规定维护和检测运输车辆", L_ROAD "第三十条", L_ROAD "第七十条",
     1000, 5000, F, RL, "客运", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "道路货物运输经营许可", "申请道路货物运输经营许可",
     L_ROAD "第二十四条", 0, WL, "物流"),
  O (ACT_LICENCE, 3, PARTY_ORG, "巡游出租汽车经营权招标许可", "参与巡游出租汽车经营权招标",
     "《巡游出租汽车经营服务管理规定》第十四条", LT, 0, "出租汽车"),
  O (ACT_INSPECTION, 8, PARTY_ORG, "道路运输企业监督检查", "道路运输企业监督检查",
     L_ROAD "第五十九条", 0, 0, "客运"),
  O (ACT_COERCION, 4, PARTY_ANY, "暂扣无道路运输证件的车辆", "无证运输车辆暂扣",
     L_ROAD "第六十八条", SS, 0, "物流"),
};

static const PowerTemplate health_powers[] = {
  P (8, PARTY_PERSON, "未取得医疗机构执业许可证擅自执业",
     "《中华人民共和国基本医疗卫生与健康促进法》第三十八条第一款",
     "《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款", 50000, 200000, F | C, TP,
     NULL, NULL),
  P (8, PARTY_ANY, "公共场所经营者未取得卫生许可证经营", "《公共场所卫生管理条例》第八条",
     "《公共场所卫生管理条例实施细则》第三十五条第一款", 500, 30000, W | F, 0, "美容美发",
     "理发店"),
  P (4, PARTY_ORG, "医疗机构使用非卫生技术人员从事医疗卫生技术工作",
     "《医疗机构管理条例》第二十七条", "《医疗机构管理条例》第四十七条", 50000, 100000, F, RL,
     "医疗门诊部", NULL),
  P (6, PARTY_PERSON, "在禁止吸烟场所吸烟", "《北京市控制吸烟条例》第十条",
     "《北京市控制吸烟条例》第二十八条第二款", 50, 200, F, 0, NULL, NULL),
  O (ACT_LICENCE, 8, PARTY_ANY, "公共场所卫生许可", "申请公共场所卫生许可",
     "《公共场所卫生管理条例》第八条", 0, 0, "美容美发"),
  O (ACT_INSPECTION, 10, PARTY_ORG, "公共场所卫生监督检查", "公共场所卫生监督检查",
     "《公共场所卫生管理条例》第十条", 0, 0, "酒店管理"),
};

static const PowerTemplate culture_powers[] = {
  P (8, PARTY_ORG, "互联网上网服务营业场所接纳未成年人",
     "《互联网上网服务营业场所管理条例》第二十一条",
     "《互联网上网服务营业场所管理条例》第三十一条第二项", 0, 15000, W | F, SP | RL,
     "网络科技", "网吧"),
  P (6, PARTY_ANY, "未经许可经营旅行社业务", "《中华人民共和国旅游法》第二十八条",
     "《中华人民共和国旅游法》第九十五条第一款", 10000, 100000, F | C, 0, "旅游咨询", NULL),
  P (5, PARTY_ORG, "娱乐场所在规定时间以外营业", "《娱乐场所管理条例》第二十八条",
     "《娱乐场所管理条例》第四十八条", 5000, 20000, W | F, SP, "文化娱乐", "KTV"),
  P (4, PARTY_ORG, "擅自举办营业性演出", "《营业性演出管理条例》第十三条",
     "《营业性演出管理条例》第四十三条", 50000, 100000, F | C, 0, "文化传媒", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "营业性演出审批", "申请营业性演出审批",
     "《营业性演出管理条例》第十三条", 0, 0, "文化传媒"),
  O (ACT_INSPECTION, 8, PARTY_ORG, "文化市场监督检查", "文化市场监督检查",
     "《娱乐场所管理条例》第三十四条", 0, 0, "文化娱乐"),
};

static const PowerTemplate agriculture_powers[] = {
  P (8, PARTY_ANY, "经营假农药", "《农药管理条例》第二十七条", "《农药管理条例》第五十六条第一款",
     5000, 50000, F | C, RL, "农资", "农资店"),
  P (6, PARTY_ANY, "未按规定申报动物检疫", "《中华人民共和国动物防疫法》第四十九条第一款",
     "《中华人民共和国动物防疫法》第一百条", 1000, 10000, F, 0, "养殖", "养殖场"),
  P (5, PARTY_PERSON, "使用禁用渔具捕捞", "《中华人民共和国渔业法》第三十条第一款",
     "《中华人民共和国渔业法》第三十八条第一款", 0, 50000, F | C, 0, NULL, NULL),
  P (5, PARTY_ANY, "经营假种子", "《中华人民共和国种子法》第四十八条",
     "《中华人民共和国种子法》第七十四条", 20000, 200000, F | C, RL, "种业", "种子店"),
  O (ACT_LICENCE, 6, PARTY_ANY, "农药经营许可", "申请农药经营许可", "《农药管理条例》第二十四条",
     0, 0, "农资"),
  O (ACT_INSPECTION, 8, PARTY_ORG, "农产品质量安全监督检查", "农产品质量安全监督检查",
     "《中华人民共和国农产品质量安全法》第六十四条", 0, 0, "农业发展"),
  O (ACT_BENEFIT, 8, PARTY_PERSON, "耕地地力保护补贴发放", "申请耕地地力保护补贴",
     "《农业相关转移支付资金管理办法》第十条", 0, 0, NULL),
};

static const PowerTemplate water_powers[] = {
  P (6, PARTY_ORG, "未经批准擅自取水", L_WATER "第四十八条第一款", L_WATER "第六十九条第一项",
     20000, 100000, F, 0, "建材", NULL),
  P (6, PARTY_ANY, "在河道管理范围内倾倒垃圾渣土", "《中华人民共和国河道管理条例》第二十四条",
     "《中华人民共和国河道管理条例》第四十四条第一款", 1000, 50000, F, 0, "运输", NULL),
  P (5, PARTY_ORG, "未取得排水许可向城镇排水设施排放污水",
     "《城镇排水与污水处理条例》第二十一条第一款", "《城镇排水与污水处理条例》第五十条第一款",
     10000, 500000, F, 0, "洗车服务", "洗车行"),
  O (ACT_LICENCE, 5, PARTY_ORG, "取水许可", "申请取水许可", L_WATER "第四十八条", 0, 0, "建材"),
  O (ACT_FEE, 6, PARTY_ORG, "水土保持补偿费征收", "水土保持补偿费征收",
     "《中华人民共和国水土保持法》第三十二条第二款", 0, 0, "房地产开发"),
  O (ACT_INSPECTION, 6, PARTY_ORG, "水政监督检查", "水政监督检查", L_WATER "第六十条", 0, 0,
     "建材"),
};

static const PowerTemplate planning_powers[] = {
  P (8, PARTY_ANY, "未经批准非法占用土地", L_LAND "第四十四条第一款", L_LAND "第七十七条第一款",
     10000, 500000, F, DM, "农业开发", NULL),
  P (5, PARTY_ANY, "非法转让土地", L_LAND "第二条第三款", L_LAND "第七十四条", 10000, 500000,
     F | C, 0, "置业", NULL),
  P (4, PARTY_ANY, "未取得采矿许可证擅自采矿", "《中华人民共和国矿产资源法》第三条第三款",
     "《中华人民共和国矿产资源法》第三十九条第一款", 10000, 500000, F | C, TP, "建材", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "建设工程规划许可证核发", "申请建设工程规划许可证",
     L_PLAN "第四十条", 0, LH, "房地产开发"),
  O (ACT_LICENCE, 5, PARTY_PERSON, "乡村建设规划许可证核发", "申请乡村建设规划许可证",
     L_PLAN "第四十一条", 0, 0, NULL),
  O (ACT_ADJUDICATION, 5, PARTY_ANY, "土地权属争议调查处理", "申请土地权属争议调查处理",
     "《土地权属争议调查处理办法》第四条", 0, 0, "农业开发"),
  O (ACT_CONFIRMATION, 8, PARTY_ANY, "不动产登记", "申请不动产登记",
     "《不动产登记暂行条例》第十四条",
     0, 0, "置业"),
};

static const PowerTemplate housing_powers[] = {
  P (6, PARTY_ORG, "建设单位未取得施工许可证擅自施工", "《中华人民共和国建筑法》第七条第一款",
     "《建筑工程施工许可管理办法》第十二条", 10000, 500000, F, SP, "房地产开发", NULL),
  P (6, PARTY_ORG, "施工单位未按规定采取安全防护措施",
     "《建设工程安全生产管理条例》第二十八条第一款",
     "《建设工程安全生产管理条例》第六十四条第一项", 20000, 200000, F, SP, "建筑工程", NULL),
  P (4, PARTY_ORG, "未取得商品房预售许可证预售商品房",
     "《中华人民共和国城市房地产管理法》第四十五条第一款",
     "《中华人民共和国城市房地产管理法》第六十八条", 10000, 300000, F | C, 0, "房地产开发", NULL),
  P (5, PARTY_ORG, "物业服务企业擅自改变物业管理用房用途", "《物业管理条例》第三十七条",
     "《物业管理条例》第六十五条", 10000, 100000, F, 0, "物业管理", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "建筑工程施工许可", "申请建筑工程施工许可",
     "《中华人民共和国建筑法》第七条", 0, 0, "房地产开发"),
  O (ACT_EXPROPRIATION, 6, PARTY_PERSON, "国有土地上房屋征收补偿", "房屋征收补偿",
     L_HOUSE "第四条", EL, 0, NULL),
  O (ACT_INSPECTION, 8, PARTY_ORG, "建筑施工安全监督检查", "建筑施工安全监督检查",
     "《建设工程安全生产管理条例》第四十三条", 0, 0, "建筑工程"),
};

static const PowerTemplate labour_powers[] = {
  P (6, PARTY_ORG, "违法延长劳动者工作时间", "《中华人民共和国劳动法》第四十一条",
     "《劳动保障监察条例》第二十五条", 1000, 20000, W | F, 0, "餐饮管理", NULL),
  P (5, PARTY_ORG, "未按规定办理社会保险登记", L_SOCIAL "第五十七条", L_SOCIAL "第八十四条",
     5000, 100000, F, 0, "商贸", NULL),
  P (5, PARTY_ANY, "未经许可从事职业中介活动", "《中华人民共和国就业促进法》第四十条第二款",
     "《中华人民共和国就业促进法》第六十四条", 10000, 50000, F | C, 0, "人力资源服务", NULL),
  P (5, PARTY_ORG, "克扣或者无故拖欠农民工工资", "《保障农民工工资支付条例》第十五条",
     "《保障农民工工资支付条例》第五十四条", 10000, 50000, F, 0, "劳务", NULL),
  O (ACT_CONFIRMATION, 10, PARTY_PERSON, "工伤认定", "申请工伤认定", "《工伤保险条例》第十七条",
     0, 0, NULL),
  O (ACT_BENEFIT, 8, PARTY_PERSON, "失业保险金给付", "申请失业保险金", L_SOCIAL "第四十五条", 0,
     0, NULL),
  O (ACT_INSPECTION, 8, PARTY_ORG, "劳动保障监察", "劳动保障监察检查",
     "《劳动保障监察条例》第十一条",
     0, 0, "劳务"),
};

static const PowerTemplate education_powers[] = {
  P (6, PARTY_ANY, "未经批准擅自举办校外培训机构", L_PRIVATE_EDU "第十二条",
     L_PRIVATE_EDU "第六十四条", 0, 0, W | C, 0, "教育咨询", "培训班"),
  P (4, PARTY_ORG, "民办学校发布虚假招生简章", L_PRIVATE_EDU "第四十二条",
     L_PRIVATE_EDU "第六十二条第五项", 0, 0, W, RL, "教育科技", NULL),
  P (4, PARTY_ORG, "校外培训机构超出许可范围开展培训", L_PRIVATE_EDU "第十二条",
     L_PRIVATE_EDU "第六十二条第六项", 0, 0, W | C, 0, "教育科技", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "民办学校办学许可", "申请民办学校办学许可",
     L_PRIVATE_EDU "第十二条", 0, WL, "教育科技"),
  O (ACT_INSPECTION, 6, PARTY_ORG, "校外培训机构监督检查", "校外培训机构监督检查",
     L_PRIVATE_EDU "第四十一条", 0, 0, "教育咨询"),
};

static const PowerTemplate commerce_powers[] = {
  P (6, PARTY_ORG, "单用途商业预付卡发卡企业未按规定备案",
     "《单用途商业预付卡管理办法（试行）》第七条", "《单用途商业预付卡管理办法（试行）》第三十六条",
     10000, 30000, F, 0, "健身服务", NULL),
  P (4, PARTY_ORG, "报废机动车回收企业违规拆解", "《报废机动车回收管理办法》第十二条",
     "《报废机动车回收管理办法》第二十一条", 10000, 50000, F | C, RL, "再生资源回收", NULL),
  P (4, PARTY_ORG, "二手车交易市场经营者未按规定备案", "《二手车流通管理办法》第十条",
     "《二手车流通管理办法》第三十二条", 1000, 3000, F, 0, "二手车经纪", NULL),
  O (ACT_LICENCE, 5, PARTY_ORG, "成品油零售经营资格审批", "申请成品油零售经营资格",
     "《成品油市场管理办法》第七条", 0, WL, "石油化工"),
  O (ACT_INSPECTION, 6, PARTY_ORG, "商贸流通领域监督检查", "商贸流通领域监督检查",
     "《单用途商业预付卡管理办法（试行）》第三十二条", 0, 0, "商贸"),
};

static const PowerTemplate forestry_powers[] = {
  P (6, PARTY_ANY, "擅自砍伐树木", "《北京市绿化条例》第四十条", "《北京市绿化条例》第六十一条",
     5000, 100000, F, 0, "物业管理", NULL),
  P (5, PARTY_ANY, "擅自占用城市绿地", "《城市绿化条例》第二十条",
     "《城市绿化条例》第二十七条第二项",
     1000, 50000, F, 0, "实业", NULL),
  P (4, PARTY_ANY, "在林地内擅自建设", L_FOREST "第三十九条", L_FOREST "第七十四条",
     10000, 100000, F, DM, "旅游开发", NULL),
  O (ACT_LICENCE, 6, PARTY_ANY, "林木采伐许可证核发", "申请林木采伐许可", L_FOREST "第五十六条",
     0, 0, "林业发展"),
  O (ACT_FEE, 6, PARTY_ORG, "森林植被恢复费征收", "森林植被恢复费征收", L_FOREST "第三十七条", 0,
     0, "旅游开发"),
  O (ACT_INSPECTION, 5, PARTY_ORG, "林业有害生物防治监督检查", "林业有害生物防治监督检查",
     "《森林病虫害防治条例》第十六条", 0, 0, "林业发展"),
};

static const PowerTemplate civil_powers[] = {
  P (4, PARTY_PERSON, "未经登记擅自以社会团体名义进行活动", "《社会团体登记管理条例》第三条",
     "《社会团体登记管理条例》第三十二条", 0, 0, W | C, 0, NULL, NULL),
  P (5, PARTY_SOCIAL, "社会组织未按规定参加年度检查", "《社会团体登记管理条例》第二十八条",
     "《社会团体登记管理条例》第三十条第一款第六项", 0, 0, W, RL, NULL, NULL),
  P (4, PARTY_ANY, "擅自兴建殡葬设施", "《殡葬管理条例》第八条", "《殡葬管理条例》第十八条",
     5000, 50000, F, DM, "园林工程", NULL),
  O (ACT_BENEFIT, 12, PARTY_PERSON, "最低生活保障金给付", "申请最低生活保障", L_RELIEF "第九条",
     0, 0, NULL),
  O (ACT_BENEFIT, 8, PARTY_PERSON, "临时救助", "申请临时救助", L_RELIEF "第四十七条", 0, 0, NULL),
  O (ACT_INSPECTION, 6, PARTY_ORG, "养老机构监督检查", "养老机构监督检查",
     "《养老机构管理办法》第三十六条", 0, 0, "养老服务"),
};

static const PowerTemplate medical_powers[] = {
  P (5, PARTY_ORG, "定点医药机构骗取医疗保障基金支出", L_MEDICAL "第二十条",
     L_MEDICAL "第四十条第一款", 10000, 500000, F, TP, "医药连锁", "药店"),
  P (6, PARTY_ORG, "定点医药机构分解收费造成医疗保障基金损失", L_MEDICAL "第十五条",
     L_MEDICAL "第三十八条第一项", 10000, 200000, F, 0, "医院管理", NULL),
  P (4, PARTY_PERSON, "将本人医疗保障凭证交由他人冒名使用", L_MEDICAL "第十九条",
     L_MEDICAL "第四十一条", 1000, 20000, F, 0, NULL, NULL),
  O (ACT_BENEFIT, 8, PARTY_PERSON, "医疗救助", "申请医疗救助", L_RELIEF "第二十八条", 0, 0, NULL),
  O (ACT_INSPECTION, 8, PARTY_ORG, "医疗保障基金监督检查", "医疗保障基金监督检查",
     L_MEDICAL "第二十七条", 0, 0, "医药连锁"),
};

static const PowerTemplate sports_powers[] = {
  P (6, PARTY_ORG, "未经批准擅自经营高危险性体育项目", "《全民健身条例》第三十二条",
     "《全民健身条例》第三十六条", 20000, 100000, F | C, 0, "体育发展", "游泳馆"),
  P (4, PARTY_ORG, "高危险性体育项目经营者未配备社会体育指导人员",
     "《经营高危险性体育项目许可管理办法》第十五条",
     "《经营高危险性体育项目许可管理办法》第二十六条", 0, 30000, W | F, RL, "体育发展", NULL),
  O (ACT_LICENCE, 6, PARTY_ORG, "高危险性体育项目经营许可", "申请高危险性体育项目经营许可",
     "《全民健身条例》第三十二条", 0, 0, "体育发展"),
  O (ACT_INSPECTION, 5, PARTY_ORG, "体育经营活动监督检查", "体育经营活动监督检查",
     "《经营高危险性体育项目许可管理办法》第二十一条", 0, 0, "体育发展"),
  O (ACT_AWARD, 5, PARTY_PERSON, "全民健身工作表彰奖励", "全民健身工作表彰奖励",
     "《全民健身条例》第七条", 0, 0, NULL),
};

static const PowerTemplate fire_powers[] = {
  P (8, PARTY_ORG, "消防设施、器材未保持完好有效", L_FIRE "第十六条第一款第二项",
     L_FIRE "第六十条第一款第一项", 5000, 50000, F, 0, "商业管理", NULL),
  P (8, PARTY_ANY, "占用、堵塞、封闭疏散通道、安全出口", L_FIRE "第二十八条",
     L_FIRE "第六十条第一款第三项", 5000, 50000, F, 0, "酒店管理", "宾馆"),
  P (3, PARTY_ORG, "公众聚集场所未经消防安全检查擅自投入使用", L_FIRE "第十五条第二款",
     L_FIRE "第五十八条第一款第四项", 30000, 300000, F | SP, 0, "餐饮管理", NULL),
  P (5, PARTY_ORG, "人员密集场所未落实消防安全管理制度", L_FIRE "第十六条", L_FIRE "第六十七条",
     0, 0, W, 0, "酒店管理", NULL),
  P (6, PARTY_PERSON, "在楼道内停放电动自行车占用疏散通道", L_FIRE "第二十八条",
     L_FIRE "第六十条第二款", 0, 500, W | F, 0, NULL, NULL),
  O (ACT_COERCION, 4, PARTY_ORG, "对火灾隐患部位实施临时查封", "火灾隐患部位临时查封",
     L_FIRE "第五十四条", SS, 0, "商业管理"),
  O (ACT_INSPECTION, 12, PARTY_ORG, "消防监督检查", "消防监督检查", L_FIRE "第五十三条", 0, 0,
     "商业管理"),
  O (ACT_LICENCE, 5, PARTY_ORG, "公众聚集场所投入使用、营业前消防安全检查",
     "申请公众聚集场所投入使用、营业前消防安全检查", L_FIRE "第十五条", 0, 0, "餐饮管理"),
};

static const PowerTemplate statistics_powers[] = {
  P (5, PARTY_ORG, "拒绝提供统计资料", L_STATS "第七条", L_STATS "第四十一条第一款第一项",
     0, 50000, W | F, 0, "科技", NULL),
  P (5, PARTY_ORG, "提供不真实的统计资料", L_STATS "第七条", L_STATS "第四十一条第一款第二项",
     10000, 50000, W | F, 0, "商贸", NULL),
  P (4, PARTY_ORG, "迟报统计资料", L_STATS "第七条", L_STATS "第四十二条第一款", 0, 10000,
     W | F, 0, "物流", NULL),
  P (3, PARTY_ORG, "拒绝、阻碍统计调查", L_STATS "第七条", L_STATS "第四十一条第一款第四项",
     0, 50000, W | F, 0, "实业", NULL),
  O (ACT_INSPECTION, 6, PARTY_ORG, "统计执法检查", "统计执法检查", L_STATS "第三十三条", 0, 0,
     "商贸"),
};

static const PowerTemplate town_powers[] = {
  P (12, PARTY_ANY, "未取得建设工程规划许可证进行违法建设", L_PLAN "第四十条第一款",
     L_PLAN "第六十四条", 10000, 200000, F, DM, "实业", NULL),
  P (12, PARTY_PERSON, "在城市道路上擅自占道经营", "《城市道路管理条例》第二十七条第一项",
     "《城市道路管理条例》第四十二条", 0, 20000, W | F, 0, NULL, NULL),
  P (10, PARTY_PERSON, "在露天场所烧烤食品", L_AIR "第八十一条第三款",
     L_AIR "第一百一十八条第三款", 500, 20000, F | C, 0, NULL, NULL),
  P (8, PARTY_PERSON, "未按规定分类投放生活垃圾", "《北京市生活垃圾管理条例》第三十五条",
     "《北京市生活垃圾管理条例》第七十四条", 50, 200, W | F, 0, NULL, NULL),
  P (6, PARTY_ANY, "在道路两侧堆放物料", L_TOWN_UPKEEP "第十四条",
     L_TOWN_UPKEEP "第三十六条第二项", 0, 5000, W | F, 0, "建材", "建材店"),
  P (6, PARTY_ORG, "随意倾倒建筑垃圾", "《城市建筑垃圾管理规定》第十五条",
     "《城市建筑垃圾管理规定》第二十六条", 5000, 50000, F, 0, "建筑工程", NULL),
  P (5, PARTY_ANY, "擅自设置大型户外广告牌匾", L_TOWN_UPKEEP "第十一条",
     L_TOWN_UPKEEP "第三十六条第四项", 0, 10000, F, 0, "广告", "广告部"),
  O (ACT_COERCION, 3, PARTY_ANY, "强制拆除违法建设", "违法建设强制拆除", L_COERCION "第四十四条",
     DM, 0, "实业"),
  O (ACT_INSPECTION, 8, PARTY_ORG, "市容环境卫生责任区检查", "市容环境卫生责任区检查",
     L_TOWN_UPKEEP "第九条", 0, 0, "商业管理"),
  O (ACT_BENEFIT, 5, PARTY_PERSON, "临时救助", "申请临时救助", L_RELIEF "第四十七条", 0, 0, NULL),
  O (ACT_AWARD, 4, PARTY_PERSON, "举报违法建设奖励", "举报违法建设奖励",
     "《北京市禁止违法建设若干规定》第二十一条", 0, 0, NULL),
};

static const PowerTemplate social_insurance_powers[] = {
  O (ACT_BENEFIT, 10, PARTY_PERSON, "基本养老保险待遇给付", "申请基本养老保险待遇",
     L_SOCIAL "第十六条", 0, 0, NULL),
  O (ACT_CONFIRMATION, 6, PARTY_PERSON, "社会保险关系转移接续确认", "申请社会保险关系转移接续",
     L_SOCIAL "第十九条", 0, 0, NULL),
  O (ACT_COERCION, 3, PARTY_ORG, "划拨欠缴社会保险费", "逾期不缴纳社会保险费划拨存款",
     L_SOCIAL "第六十三条第二款", TD, 0, "商贸"),
  O (ACT_INSPECTION, 4, PARTY_ORG, "用人单位社会保险登记核查", "用人单位社会保险登记核查",
     L_SOCIAL "第五十八条", 0, 0, "商贸"),
};

#undef P
#undef O
#undef W
#undef F
#undef C
#undef SL
#undef RL
#undef SP
#undef LT
#undef LH
#undef WL
#undef TD
#undef DM
#undef AP
#undef SS
#undef EL
#undef EP
#undef TP

/* Measures that make a decision major by themselves (MAJ-LICENSE … MAJ-TRANSFER). */
#define MAJOR_MEASURES (MB (M_SUSPEND_LICENCE) | MB (M_REVOKE_LICENCE) | MB (M_STOP_PRODUCTION) \
                        | MB (M_LICENCE_BY_TENDER) | MB (M_LICENCE_AFTER_HEARING)             \
                        | MB (M_WITHDRAW_LICENCE) | MB (M_TRANSFER_DEPOSIT) | MB (M_DEMOLITION) \
                        | MB (M_AUCTION_PROPERTY) | MB (M_EXPROPRIATE_LAND)                    \
                        | MB (M_EXPROPRIATE_PROPERTY) | MB (M_TRANSFER_POLICE)                 \
                        | MB (M_TRANSFER_SUPERVISION))
/* Measures that owe the party a hearing whatever the fine. */
#define HEARING_MEASURES (MB (M_SUSPEND_LICENCE) | MB (M_REVOKE_LICENCE) | MB (M_STOP_PRODUCTION))
/* Acts that must be filmed throughout (REC-AV-REQUIRED). */
#define AV_MEASURES (MB (M_SEAL_SEIZE) | MB (M_DEMOLITION))

typedef enum
{
  DEPT_GOVERNMENT,
  DEPT_JUSTICE,
  DEPT_MARKET,
  DEPT_URBAN,
  DEPT_ECOLOGY,
  DEPT_EMERGENCY,
  DEPT_TRANSPORT,
  DEPT_HEALTH,
  DEPT_CULTURE,
  DEPT_AGRICULTURE,
  DEPT_WATER,
  DEPT_PLANNING,
  DEPT_HOUSING,
  DEPT_LABOUR,
  DEPT_EDUCATION,
  DEPT_COMMERCE,
  DEPT_FORESTRY,
  DEPT_CIVIL,
  DEPT_MEDICAL,
  DEPT_SPORTS,
  DEPT_FIRE,
  DEPT_STATISTICS,
  DEPT_TOWN,
  DEPT_SOCIAL_INSURANCE,
  N_DEPARTMENTS
} DepartmentId;

typedef struct
{
  const char          *name;     /* after "北京市<district>" */
  const char          *abbr;     /* in document numbers */
  guint8               officers_min;
  guint8               officers_max;
  float                weight;   /* share of the district's cases */
  gboolean             no_disturb;
  const PowerTemplate *powers;
  guint                n_powers;
} Department;

#define D(name, abbr, omin, omax, weight, nd, powers) \
  { name, abbr, omin, omax, weight, nd, powers, G_N_ELEMENTS (powers) }

/* The code of a department in power codes is its index plus one. */
static const Department departments[N_DEPARTMENTS] = {
  [DEPT_GOVERNMENT] = D ("人民政府", "政", 8, 12, 0.4f, FALSE, government_powers),
  [DEPT_JUSTICE] = D ("司法局", "司", 15, 20, 0.4f, FALSE, justice_powers),
  [DEPT_MARKET] = D ("市场监督管理局", "市监", 32, 40, 6.0f, TRUE, market_powers),
  [DEPT_URBAN] = D ("城市管理综合行政执法局", "城管", 30, 40, 5.0f, FALSE, urban_powers),
  [DEPT_ECOLOGY] = D ("生态环境局", "环", 15, 25, 2.0f, TRUE, ecology_powers),
  [DEPT_EMERGENCY] = D ("应急管理局", "应急", 12, 20, 2.0f, TRUE, emergency_powers),
  [DEPT_TRANSPORT] = D ("交通局", "交", 12, 20, 2.0f, TRUE, transport_powers),
  [DEPT_HEALTH] = D ("卫生健康委员会", "卫健", 12, 20, 1.5f, TRUE, health_powers),
  [DEPT_CULTURE] = D ("文化和旅游局", "文旅", 8, 15, 1.0f, FALSE, culture_powers),
  [DEPT_AGRICULTURE] = D ("农业农村局", "农", 8, 15, 1.0f, FALSE, agriculture_powers),
  [DEPT_WATER] = D ("水务局", "水", 8, 15, 1.0f, FALSE, water_powers),
  [DEPT_PLANNING] = D ("分局", "规自", 10, 15, 1.2f, FALSE, planning_powers),
  [DEPT_HOUSING] = D ("住房和城乡建设委员会", "住建", 12, 20, 1.5f, FALSE, housing_powers),
  [DEPT_LABOUR] = D ("人力资源和社会保障局", "人社", 10, 18, 1.5f, FALSE, labour_powers),
  [DEPT_EDUCATION] = D ("教育委员会", "教", 8, 12, 0.5f, FALSE, education_powers),
  [DEPT_COMMERCE] = D ("商务局", "商", 8, 12, 0.5f, FALSE, commerce_powers),
  [DEPT_FORESTRY] = D ("园林绿化局", "园林", 8, 12, 0.6f, FALSE, forestry_powers),
  [DEPT_CIVIL] = D ("民政局", "民", 8, 12, 1.0f, FALSE, civil_powers),
  [DEPT_MEDICAL] = D ("医疗保障局", "医保", 8, 12, 0.8f, FALSE, medical_powers),
  [DEPT_SPORTS] = D ("体育局", "体", 8, 10, 0.4f, FALSE, sports_powers),
  [DEPT_FIRE] = D ("消防救援支队", "消", 15, 25, 2.0f, TRUE, fire_powers),
  [DEPT_STATISTICS] = D ("统计局", "统", 8, 10, 0.3f, FALSE, statistics_powers),
  [DEPT_TOWN] = D (NULL, NULL, 10, 30, 1.5f, FALSE, town_powers),
  [DEPT_SOCIAL_INSURANCE] = D ("社会保险事业管理中心", "社保", 8, 12, 0.8f, FALSE,
                               social_insurance_powers),
};

#undef D

/* Bodies that act for a department under an entrustment (ROS-ENTRUST). */
static const struct
{
  const char  *name;
  const char  *abbr;
  DepartmentId by;
  float        weight;
} entrusted_bodies[] = {
  { "卫生健康监督所", "卫监", DEPT_HEALTH, 1.0f },
  { "农业综合执法大队", "农执", DEPT_AGRICULTURE, 0.8f },
  { "文化市场综合执法大队", "文执", DEPT_CULTURE, 0.8f },
};

/* District */

#define MAX_TOWNS 22

typedef struct
{
  const char *name;
  const char *short_name;
  const char *code;          /* administrative division code */
  const char *abbr;          /* in document numbers, after 京 */
  const char *towns[MAX_TOWNS + 1];
} District;

static const District districts[] = {
  { "大兴区", "大兴", "110115", "兴",
    { "兴丰街道", "林校路街道", "清源街道", "观音寺街道", "天宫院街道", "高米店街道", "荣华街道",
      "博兴街道", "黄村镇", "西红门镇", "旧宫镇", "亦庄镇", "瀛海镇", "青云店镇", "采育镇",
      "安定镇", "礼贤镇", "榆垡镇", "庞各庄镇", "北臧村镇", "魏善庄镇", "长子营镇", NULL } },
  { "通州区", "通州", "110112", "通",
    { "中仓街道", "新华街道", "北苑街道", "玉桥街道", "潞源街道", "通运街道", "文景街道",
      "九棵树街道", "临河里街道", "杨庄街道", "潞邑街道", "永顺镇", "梨园镇", "宋庄镇",
      "张家湾镇", "漷县镇", "马驹桥镇", "西集镇", "台湖镇", "永乐店镇", "潞城镇", "于家务回族乡",
      NULL } },
  { "顺义区", "顺义", "110113", "顺",
    { "胜利街道", "光明街道", "石园街道", "双丰街道", "旺泉街道", "空港街道", "仁和镇",
      "后沙峪镇", "天竺镇", "杨镇", "牛栏山镇", "南法信镇", "马坡镇", "李桥镇", "李遂镇",
      "南彩镇", "北务镇", "大孙各庄镇", "张镇", "龙湾屯镇", "木林镇", "高丽营镇", NULL } },
  { "昌平区", "昌平", "110114", "昌",
    { "城北街道", "城南街道", "回龙观街道", "龙泽园街道", "天通苑北街道", "天通苑南街道",
      "霍营街道", "史各庄街道", "南口镇", "马池口镇", "沙河镇", "阳坊镇", "小汤山镇", "北七家镇",
      "百善镇", "兴寿镇", "崔村镇", "延寿镇", "流村镇", "十三陵镇", NULL } },
};

static const char * const roads[] = {
  "兴业大街", "建设路", "育才路", "富强西路", "幸福街", "永安路", "文化南路", "光明街",
  "振兴路", "工业园路", "新华大街", "团结路", "朝阳街", "和平路", "长安路", "科创一街",
  "金星路", "康庄路", "清源路", "青年路", "民生街", "丰收路", "镇府街", "商业街",
};

static const char * const villages[] = {
  "东辛庄村", "西王庄村", "后屯村", "前街村", "小营村", "南关村", "北店村", "马家堡村",
  "刘家庄村", "张各庄村", "大营村", "东柳村", "西胡林村", "南辛庄村", "北野场村", "石佛寺村",
};

/* Common surnames, most frequent first; their weights fall off so the mix looks like a roster. */
static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
  "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
  "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
  "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
  "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康",
  "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤",
  "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文", "欧阳", "司马", "诸葛",
};

static const char * const given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉", "鹏", "建",
  "国", "红", "志", "海", "波", "宁", "峰", "新", "春", "梅", "林", "晨", "欣", "宇", "浩",
  "雪", "婷", "佳", "俊", "博", "琳", "慧", "晓", "凯", "亮", "斌", "燕", "阳", "丹", "萍",
  "颖", "雯", "倩", "健", "亚", "飞", "晶", "瑞", "龙", "璐", "云", "洁", "旭", "昊", "思",
  "雨", "梓", "子", "一", "嘉", "泽", "轩", "诺", "怡", "彤", "振", "永", "德", "成", "立",
};

static const char * const brands[] = {
  "鑫源", "华通", "瑞丰", "恒信", "金泰", "嘉禾", "博远", "康达", "宏图", "永安", "盛世",
  "天成", "龙腾", "明辉", "佳美", "福瑞", "润泽", "兴隆", "和顺", "信达", "德润", "安泰",
  "顺通", "锦程", "宏远", "新亿", "众和", "诚信", "中鼎", "广源", "聚丰", "晨光", "瑞祥",
  "海润", "金桥", "天利", "正阳", "鼎盛", "弘业", "益民", "美嘉", "华兴", "富康", "宇辰",
  "森淼", "凯旋", "卓越", "同创", "博雅", "优品", "乐活", "君诚", "星河", "汇通", "京兴",
  "北辰", "蓝天", "绿源", "青禾", "万通",
};

static const char * const social_organisations[] = {
  "餐饮行业协会", "志愿者协会", "书画艺术研究会", "社区养老服务中心", "青少年足球俱乐部",
  "老年人体育协会", "个体劳动者协会", "家政服务协会", "民间文艺家协会", "心理咨询服务中心",
};

static const char * const id_areas[] = {
  "130682", "130124", "131082", "411324", "372930", "342225", "510921", "230606", "150105",
  "140602", "120105", "370882", "410527", "130929", "220182", "620102",
};

static const char * const training_topics[] = {
  "《中华人民共和国行政处罚法》专题培训", "行政执法全过程记录制度培训", "行政执法文书制作规范",
  "重大执法决定法制审核制度", "行政执法公示制度", "执法记录仪使用与音像资料管理",
  "行政强制程序实务", "行政执法证据收集与固定", "安全生产执法实务", "食品安全监管业务培训",
  "行政复议与行政诉讼案例研讨", "执法礼仪与规范用语", "行政裁量权基准适用",
};

static const char * const sanction_bases[] = {
  "执法过程中未出示执法证件", "未按规定使用执法记录仪", "案卷评查中发现文书制作不规范",
  "办案超过法定期限", "群众投诉执法态度粗暴，经查属实",
};

static const char * const complaint_issues[] = {
  "执法人员未出示执法证件即开展检查", "罚款数额明显高于同类案件", "作出处罚前未告知陈述、申辩权利",
  "对举报的违法行为长期未予查处", "一个月内多次重复检查，影响正常经营", "查封扣押财物未制作清单",
  "执法过程中态度粗暴", "对许可申请逾期未作出决定", "未依法送达处罚决定书",
};

static const char * const complaint_reasons[] = {
  "投诉人认为该行为侵害其合法权益，请求依法监督纠正",
  "投诉人认为执法程序违法，请求撤销相关决定",
  "投诉人认为执法机关不作为，请求督促依法履行职责",
  "投诉人认为处罚明显不当，请求重新审查",
};

static const char * const dispute_matters[] = {
  "关于住宅小区内违法建设查处职责划分的争议", "关于无证经营食品摊贩查处职责的争议",
  "关于施工工地扬尘污染监管职责的争议", "关于河道内倾倒建筑垃圾查处职责的争议",
  "关于电动自行车违规充电监管职责的争议", "关于农村集体土地上违法建设查处职责的争议",
};

static const char * const interruption_reasons[] = {
  "执法记录仪电量耗尽，更换设备后继续录制", "设备故障，恢复后继续录制",
  "当事人情绪激动，经劝说后继续录制", "涉及个人隐私部分暂停录制",
};

static const char * const review_opinions[9] = {
  "案卷材料完整，文书齐全，制作规范",
  "执法主体适格，在法定职权范围内",
  "承办人员均持有有效执法证件",
  "当事人认定准确，身份信息完整",
  "事实清楚，证据确实充分",
  "程序合法，已依法告知当事人权利",
  "适用法律正确，引用条款准确",
  "处理意见明确，裁量适当",
  "无其他需要审核的事项",
};

/* Calendar: every date lies between 2024-01-02 and 2026-10-30, a day is an index from the first.
 * The working-day table only places generated dates plausibly; validators read the official
 * calendar from the data files. */

#define FIRST_YEAR 2024
#define N_YEARS 3
#define MAX_DAYS 1040
/* Cases start early enough for every later date, up to a late archive, to fit in the range. */
#define CASE_SPAN 280

typedef struct
{
  guint16 year;
  guint8  month;
  guint8  day;
  guint8  n_days;
  gboolean work;
} Adjustment;

static const Adjustment adjustments[] = {
  { 2024, 1, 1, 1, FALSE }, { 2024, 2, 4, 1, TRUE }, { 2024, 2, 10, 8, FALSE },
  { 2024, 2, 18, 1, TRUE }, { 2024, 4, 4, 3, FALSE }, { 2024, 4, 7, 1, TRUE },
  { 2024, 4, 28, 1, TRUE }, { 2024, 5, 1, 5, FALSE }, { 2024, 5, 11, 1, TRUE },
  { 2024, 6, 10, 1, FALSE }, { 2024, 9, 14, 1, TRUE }, { 2024, 9, 15, 3, FALSE },
  { 2024, 9, 29, 1, TRUE }, { 2024, 10, 1, 7, FALSE }, { 2024, 10, 12, 1, TRUE },
  { 2025, 1, 1, 1, FALSE }, { 2025, 1, 26, 1, TRUE }, { 2025, 1, 28, 8, FALSE },
  { 2025, 2, 8, 1, TRUE }, { 2025, 4, 4, 3, FALSE }, { 2025, 4, 27, 1, TRUE },
  { 2025, 5, 1, 5, FALSE }, { 2025, 5, 31, 3, FALSE }, { 2025, 9, 28, 1, TRUE },
  { 2025, 10, 1, 8, FALSE }, { 2025, 10, 11, 1, TRUE },
  { 2026, 1, 1, 3, FALSE }, { 2026, 1, 4, 1, TRUE }, { 2026, 2, 14, 1, TRUE },
  { 2026, 2, 15, 9, FALSE }, { 2026, 2, 28, 1, TRUE }, { 2026, 4, 4, 3, FALSE },
  { 2026, 5, 1, 5, FALSE }, { 2026, 5, 9, 1, TRUE }, { 2026, 6, 19, 3, FALSE },
  { 2026, 9, 20, 1, TRUE }, { 2026, 9, 25, 3, FALSE }, { 2026, 10, 1, 7, FALSE },
  { 2026, 10, 10, 1, TRUE },
};

typedef struct
{
  guint32 julian0;
  int     n_days;
  int     n_workdays;
  char    iso[MAX_DAYS][11];
  char    cn[MAX_DAYS][24];
  guint8  year[MAX_DAYS];           /* years since FIRST_YEAR */
  int     workdays_upto[MAX_DAYS];  /* working days in [0, day] */
  int     workday_list[MAX_DAYS];
} Calendar;

static int
clamp_day (const Calendar *cal,
           int             day)
{
  return CLAMP (day, 0, cal->n_days - 1);
}

static int
day_of (const Calendar *cal,
        int             year,
        int             month,
        int             mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);

  return clamp_day (cal, (int) g_date_get_julian (&date) - (int) cal->julian0);
}

static void
calendar_init (Calendar *cal)
{
  gboolean workday[MAX_DAYS];
  GDate date;
  GDate last;

  g_date_clear (&date, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&date, 2, G_DATE_JANUARY, FIRST_YEAR);
  g_date_set_dmy (&last, 30, G_DATE_OCTOBER, FIRST_YEAR + N_YEARS - 1);
  cal->julian0 = g_date_get_julian (&date);
  cal->n_days = (int) (g_date_get_julian (&last) - cal->julian0) + 1;
  g_assert (cal->n_days <= MAX_DAYS);

  for (int d = 0; d < cal->n_days; d++)
    {
      int year = g_date_get_year (&date);
      int month = g_date_get_month (&date);
      int mday = g_date_get_day (&date);
      GDateWeekday weekday = g_date_get_weekday (&date);

      g_snprintf (cal->iso[d], sizeof cal->iso[d], "%04d-%02d-%02d", year, month, mday);
      g_snprintf (cal->cn[d], sizeof cal->cn[d], "%d年%d月%d日", year, month, mday);
      cal->year[d] = year - FIRST_YEAR;
      workday[d] = weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
      g_date_add_days (&date, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      const Adjustment *adj = &adjustments[i];
      int first = day_of (cal, adj->year, adj->month, adj->day);

      for (int k = 0; k < adj->n_days && first + k < cal->n_days; k++)
        workday[first + k] = adj->work;
    }

  cal->n_workdays = 0;
  for (int d = 0; d < cal->n_days; d++)
    {
      if (workday[d])
        cal->workday_list[cal->n_workdays++] = d;
      cal->workdays_upto[d] = cal->n_workdays;
    }
}

static int
add_days (const Calendar *cal,
          int             day,
          int             n)
{
  return clamp_day (cal, day + n);
}

/* The @n-th working day after @day; @day itself when @n is 0. */
static int
add_workdays (const Calendar *cal,
              int             day,
              int             n)
{
  int index;

  if (n <= 0)
    return day;

  index = cal->workdays_upto[day] + n - 1;
  if (index >= cal->n_workdays)
    return cal->n_days - 1;

  return cal->workday_list[index];
}

/* Random choices. GRand alone decides, so a seed always gives the same district. */

static inline double
unit (GRand *rand)
{
  return (g_rand_int (rand) >> 8) * (1.0 / 16777216.0);
}

static inline gboolean
chance (GRand  *rand,
        double  p)
{
  return unit (rand) < p;
}

/* An integer in [lo, hi]. */
static inline int
range (GRand *rand,
       int    lo,
       int    hi)
{
  return lo + (int) (unit (rand) * (hi - lo + 1));
}

static inline guint
pick (GRand *rand,
      guint  n)
{
  return (guint) (unit (rand) * n);
}

#define PICK(rand, array) ((array)[pick ((rand), G_N_ELEMENTS (array))])

static guint
pick_weighted (GRand        *rand,
               const double *cumulative,
               guint         n)
{
  double u = unit (rand) * cumulative[n - 1];
  guint lo = 0;
  guint hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cumulative[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

#define UUID_LENGTH JD_UUID_LENGTH

/* Text assembled without printf in the per-case path. */

typedef struct
{
  gsize len;
  char  data[1536];
} Buf;

static inline void
buf_reset (Buf *buf)
{
  buf->len = 0;
  buf->data[0] = '\0';
}

static void
buf_add (Buf        *buf,
         const char *s)
{
  gsize n = strlen (s);

  /* Sizes are chosen so that this never truncates; cutting would only shorten the text. */
  if (n > sizeof buf->data - 1 - buf->len)
    n = 0;

  memcpy (buf->data + buf->len, s, n);
  buf->len += n;
  buf->data[buf->len] = '\0';
}

static void
buf_add_int (Buf    *buf,
             gint64  value)
{
  char tmp[24];
  int n = 0;
  guint64 v = value < 0 ? (guint64) -value : (guint64) value;

  do
    {
      tmp[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);

  if (value < 0)
    tmp[n++] = '-';

  if ((gsize) n > sizeof buf->data - 1 - buf->len)
    return;

  while (n > 0)
    buf->data[buf->len++] = tmp[--n];
  buf->data[buf->len] = '\0';
}

static void
buf_add_padded (Buf *buf,
                int  value,
                int  width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      buf->data[buf->len + i] = (char) ('0' + value % 10);
      value /= 10;
    }
  buf->len += width;
  buf->data[buf->len] = '\0';
}

/* The generator */

typedef enum
{
  CERT_VALID,
  CERT_SUSPENDED,
  CERT_REVOKED,
} CertStatus;

typedef struct
{
  const char *id;
  const char *name;
  guint       agency;
  gboolean    auxiliary;
  gboolean    known;         /* FALSE for an existing officer we only know by ID */
  CertStatus  status;
  int         valid_from;
  int         valid_to;
  int         status_since;
  int         valid_until;   /* last day the certificate can be used */
} Officer;

typedef struct
{
  const char          *code;
  const char          *name;
  const PowerTemplate *tpl;
  int                  fine_min;   /* discretion benchmark */
  int                  fine_max;
  gboolean             in_catalogue;
} Power;

typedef struct
{
  const char *name;
  const char *credit_code;
} Enterprise;

#define N_NO_DISTURB_MAX 8
#define EVALUATION_SAMPLE 5

typedef struct
{
  const char       *id;
  const char       *name;          /* NULL for an existing agency */
  const char       *kind;
  const char       *abbr;          /* document number prefix, 京兴市监 */
  const char       *town;          /* a town's own name */
  const char       *office;
  DepartmentId      dept;
  int               parent;        /* agency index, -1 for none */
  int               entrusted_by;  /* agency index, -1 for none */
  char              credit_code[19];
  double            weight;
  gboolean          catalogue;
  gboolean          body_change;
  Power            *powers;
  double           *power_cumulative;
  guint             n_powers;
  GArray           *certified;     /* officer indices */
  GArray           *auxiliaries;
  Enterprise        no_disturb[N_NO_DISTURB_MAX];
  guint             n_no_disturb;
  guint             sequence[N_YEARS][N_ACTS];
  char              evaluation_cases[2][EVALUATION_SAMPLE][UUID_LENGTH + 1];
  guint             evaluation_seen[2];
} Agency;

typedef struct
{
  char id[UUID_LENGTH + 1];
  guint agency;
  int filed;
} SupervisionCase;

typedef struct
{
  GRand                 *rand;
  const JdSampleOptions *options;
  JdSampleEmitFunc       emit;
  gpointer               user_data;
  const District        *district;
  guint                  n_towns;
  GStringChunk          *strings;
  GArray                *agencies;      /* Agency */
  GArray                *officers;      /* Officer */
  double                *agency_cumulative;
  int                    justice;
  GArray                *supervision;   /* SupervisionCase */
  Calendar               cal;
  /* The synthetic clock of the ids: time-ordered like the product's own, yet reproducible. */
  guint64                uuid_clock;
  /* Where in the span of filing days the last case started, from 0 to 1, and how many cases are
   * still to come: see next_start(). */
  double                 last_start;
  guint                  cases_left;
} Gen;

/* Sample ids are UUIDs version 7 on a clock that starts at 2024-01-01 and ticks once per id. */
static void
make_uuid (Gen  *gen,
           char  out[UUID_LENGTH + 1])
{
  guint32 random_bits[3];

  for (guint i = 0; i < G_N_ELEMENTS (random_bits); i++)
    random_bits[i] = g_rand_int (gen->rand);

  jd_uuid_format_v7 (G_GUINT64_CONSTANT (1704067200000) + gen->uuid_clock++, random_bits, out);
}

static void
agency_clear (gpointer data)
{
  Agency *agency = data;

  g_clear_pointer (&agency->powers, g_free);
  g_clear_pointer (&agency->power_cumulative, g_free);
  g_clear_pointer (&agency->certified, g_array_unref);
  g_clear_pointer (&agency->auxiliaries, g_array_unref);
}

static void
gen_free (Gen *gen)
{
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->strings, g_string_chunk_free);
  g_clear_pointer (&gen->agencies, g_array_unref);
  g_clear_pointer (&gen->officers, g_array_unref);
  g_clear_pointer (&gen->agency_cumulative, g_free);
  g_clear_pointer (&gen->supervision, g_array_unref);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gen, gen_free)

static inline Agency *
agency_at (Gen   *gen,
           guint  index)
{
  return &g_array_index (gen->agencies, Agency, index);
}

static inline Officer *
officer_at (Gen   *gen,
            guint  index)
{
  return &g_array_index (gen->officers, Officer, index);
}

static const char *
intern (Gen        *gen,
        const char *s)
{
  return g_string_chunk_insert (gen->strings, s);
}

static gboolean
emit_object (Gen         *gen,
             const char  *collection,
             JsonObject  *object,
             GError     **error)
{
  g_autoptr(JsonObject) owned = object;
  g_autoptr(GError) local_error = NULL;

  if (gen->emit (collection, owned, gen->user_data, &local_error))
    return TRUE;

  if (local_error == NULL)
    local_error = g_error_new (JD_SAMPLE_ERROR, JD_SAMPLE_ERROR_STOPPED,
                               "Generation stopped while emitting %s", collection);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* Names and numbers */

static void
add_person_name (GRand *rand,
                 Buf   *buf)
{
  double u = unit (rand);

  /* Cubing favours the common surnames at the front of the list. */
  buf_add (buf, surnames[(guint) (u * u * u * G_N_ELEMENTS (surnames))]);
  buf_add (buf, PICK (rand, given_chars));
  if (chance (rand, 0.65))
    buf_add (buf, PICK (rand, given_chars));
}

static const char *
town_short_name (Gen        *gen,
                 const char *town)
{
  static const char * const suffixes[] = { "回族乡", "街道", "镇", "乡" };
  gsize len = strlen (town);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (len > n && g_str_has_suffix (town, suffixes[i]))
        return g_string_chunk_insert_len (gen->strings, town, len - n);
    }

  return intern (gen, town);
}

static void
make_credit_code (Gen        *gen,
                  GRand      *rand,
                  char        out[19],
                  const char *kind,
                  const char *organisation_prefix,
                  gboolean    wrong_check)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  gsize prefix_len = strlen (organisation_prefix);
  char check;

  memcpy (out, kind, 2);
  memcpy (out + 2, gen->district->code, 6);
  memcpy (out + 8, organisation_prefix, prefix_len);
  for (gsize i = 8 + prefix_len; i < 17; i++)
    {
      /* Mostly digits, as issued codes are. */
      out[i] = chance (rand, 0.75) ? alphabet[pick (rand, 10)]
                                   : alphabet[pick (rand, sizeof alphabet - 1)];
    }
  out[17] = '\0';

  check = jd_credit_code_check_char (out);
  if (wrong_check)
    check = alphabet[(strchr (alphabet, check) - alphabet + 1 + pick (rand, 29)) % 31];
  out[17] = check;
  out[18] = '\0';
}

static void
make_resident_id (Gen      *gen,
                  GRand    *rand,
                  char      out[19],
                  int       birth_year,
                  gboolean  wrong_check)
{
  static const char checks[] = "0123456789X";
  const char *area = chance (rand, 0.5) ? gen->district->code : PICK (rand, id_areas);
  Buf buf;
  char check;

  buf_reset (&buf);
  buf_add (&buf, area);
  buf_add_padded (&buf, birth_year, 4);
  buf_add_padded (&buf, range (rand, 1, 12), 2);
  buf_add_padded (&buf, range (rand, 1, 28), 2);
  buf_add_padded (&buf, range (rand, 1, 999), 3);

  check = jd_resident_id_check_char (buf.data);
  if (wrong_check)
    check = checks[(strchr (checks, check) - checks + 1 + pick (rand, 10)) % 11];

  memcpy (out, buf.data, 17);
  out[17] = check;
  out[18] = '\0';
}

static void
add_company_name (GRand      *rand,
                  Buf        *buf,
                  const char *trade)
{
  buf_add (buf, "北京");
  buf_add (buf, PICK (rand, brands));
  buf_add (buf, trade != NULL ? trade : "商贸");
  buf_add (buf, chance (rand, 0.8) ? "有限公司" : "有限责任公司");
}

static void
add_address (Gen        *gen,
             GRand      *rand,
             Buf        *buf,
             const char *town)
{
  buf_add (buf, "北京市");
  buf_add (buf, gen->district->name);
  buf_add (buf, town);
  if (!g_str_has_suffix (town, "街道") && chance (rand, 0.5))
    {
      buf_add (buf, PICK (rand, villages));
      buf_add_int (buf, range (rand, 1, 300));
    }
  else
    {
      buf_add (buf, PICK (rand, roads));
      buf_add_int (buf, range (rand, 1, 199));
    }
  buf_add (buf, "号");
}

static const char *
random_town (Gen   *gen,
             GRand *rand)
{
  return gen->district->towns[pick (rand, gen->n_towns)];
}

/* Agencies and officers */

static void
power_code (char         out[13],
            Act          act,
            DepartmentId dept,
            guint        item)
{
  Buf buf;

  buf_reset (&buf);
  buf_add (&buf, acts[act].prefix);
  buf_add_padded (&buf, dept + 1, 2);
  buf_add_padded (&buf, (int) item + 1, 2);
  buf_add (&buf, "001000");
  memcpy (out, buf.data, 13);
}

static const PowerTemplate *
decode_power_code (const char *code)
{
  const Department *dept;
  int dept_index, item;
  int act = -1;

  if (code == NULL || strlen (code) != 12)
    return NULL;

  for (guint i = 0; i < 12; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return NULL;
    }

  for (int a = 0; a < N_ACTS; a++)
    {
      if (strncmp (code, acts[a].prefix, 2) == 0)
        act = a;
    }

  dept_index = (code[2] - '0') * 10 + (code[3] - '0') - 1;
  item = (code[4] - '0') * 10 + (code[5] - '0') - 1;
  if (act < 0 || dept_index < 0 || dept_index >= N_DEPARTMENTS || item < 0)
    return NULL;

  dept = &departments[dept_index];
  if ((guint) item >= dept->n_powers || dept->powers[item].act != act)
    return NULL;

  return &dept->powers[item];
}

static gboolean
power_is_catalogued (const PowerTemplate *tpl)
{
  return tpl->act == ACT_EXPROPRIATION
         || (tpl->act == ACT_COERCION && (tpl->measures & MAJOR_MEASURES) != 0)
         || (tpl->act == ACT_PENALTY && tpl->fine_max >= 1000000);
}

static void
agency_set_powers (Gen                 *gen,
                   Agency              *agency,
                   const char * const  *codes,
                   const PowerTemplate **templates,
                   guint                n)
{
  double total = 0;

  agency->powers = g_new0 (Power, n);
  agency->power_cumulative = g_new0 (double, n);
  agency->n_powers = n;

  for (guint i = 0; i < n; i++)
    {
      Power *power = &agency->powers[i];
      const PowerTemplate *tpl = templates[i];

      power->code = intern (gen, codes[i]);
      power->tpl = tpl;
      if (tpl->name != NULL)
        {
          power->name = tpl->name;
        }
      else
        {
          Buf buf;

          buf_reset (&buf);
          buf_add (&buf, "对");
          buf_add (&buf, tpl->matter);
          buf_add (&buf, "的行政处罚");
          power->name = intern (gen, buf.data);
        }
      power->fine_min = tpl->fine_min;
      power->fine_max = tpl->fine_max;
      power->in_catalogue = agency->catalogue && power_is_catalogued (tpl);
      total += tpl->weight;
      agency->power_cumulative[i] = total;
    }
}

static void
agency_add_department_powers (Gen          *gen,
                              Agency       *agency,
                              DepartmentId  dept_id,
                              gboolean      entrusted_only)
{
  const Department *dept = &departments[dept_id];
  const PowerTemplate *templates[32];
  char codes[32][13];
  const char *code_ptrs[32];
  guint n = 0;

  for (guint i = 0; i < dept->n_powers && n < G_N_ELEMENTS (templates); i++)
    {
      const PowerTemplate *tpl = &dept->powers[i];

      if (entrusted_only && tpl->act != ACT_PENALTY && tpl->act != ACT_INSPECTION)
        continue;

      power_code (codes[n], tpl->act, dept_id, i);
      code_ptrs[n] = codes[n];
      templates[n] = tpl;
      n++;
    }

  agency_set_powers (gen, agency, code_ptrs, templates, n);
}

static guint
add_agency (Gen          *gen,
            DepartmentId  dept,
            const char   *name,
            const char   *abbr,
            const char   *kind,
            int           parent,
            double        weight)
{
  Agency agency = { 0 };
  char id[UUID_LENGTH + 1];
  Buf buf;

  make_uuid (gen, id);
  agency.id = intern (gen, id);
  agency.name = name != NULL ? intern (gen, name) : NULL;
  agency.kind = kind;
  agency.abbr = intern (gen, abbr);
  agency.dept = dept;
  agency.parent = parent;
  agency.entrusted_by = -1;
  agency.weight = weight;
  agency.catalogue = !chance (gen->rand, JD_SAMPLE_RATE_NO_CATALOGUE);
  agency.certified = g_array_new (FALSE, FALSE, sizeof (guint));
  agency.auxiliaries = g_array_new (FALSE, FALSE, sizeof (guint));

  buf_reset (&buf);
  buf_add (&buf, "北京市");
  buf_add (&buf, gen->district->name);
  buf_add (&buf, PICK (gen->rand, roads));
  buf_add_int (&buf, range (gen->rand, 1, 199));
  buf_add (&buf, "号");
  agency.office = intern (gen, buf.data);

  if (g_str_equal (kind, "government") || g_str_equal (kind, "department")
      || g_str_equal (kind, "town"))
    make_credit_code (gen, gen->rand, agency.credit_code, "11", "00", FALSE);
  else
    make_credit_code (gen, gen->rand, agency.credit_code, "12", "MB", FALSE);

  g_array_append_val (gen->agencies, agency);

  return gen->agencies->len - 1;
}

static void
add_no_disturb (Gen    *gen,
                Agency *agency)
{
  const Department *dept = &departments[agency->dept];

  agency->n_no_disturb = range (gen->rand, 5, N_NO_DISTURB_MAX);
  for (guint i = 0; i < agency->n_no_disturb; i++)
    {
      const PowerTemplate *tpl = &dept->powers[pick (gen->rand, dept->n_powers)];
      char code[19];
      Buf buf;

      buf_reset (&buf);
      add_company_name (gen->rand, &buf, tpl->trade);
      make_credit_code (gen, gen->rand, code, "91", "MA", FALSE);
      agency->no_disturb[i].name = intern (gen, buf.data);
      agency->no_disturb[i].credit_code = intern (gen, code);
    }
}

static void
add_officer (Gen      *gen,
             guint     agency_index,
             gboolean  auxiliary)
{
  const Calendar *cal = &gen->cal;
  Agency *agency = agency_at (gen, agency_index);
  Officer officer = { 0 };
  char id[UUID_LENGTH + 1];
  guint index = gen->officers->len;
  double fate;
  Buf buf;

  make_uuid (gen, id);
  buf_reset (&buf);
  add_person_name (gen->rand, &buf);
  officer.id = intern (gen, id);
  officer.name = intern (gen, buf.data);
  officer.agency = agency_index;
  officer.auxiliary = auxiliary;
  officer.known = TRUE;

  if (!auxiliary)
    {
      /* Most hold a certificate from the 2024 renewal round; some joined later. */
      if (chance (gen->rand, 0.85))
        officer.valid_from = range (gen->rand, 0, day_of (cal, 2024, 3, 31));
      else
        officer.valid_from = range (gen->rand, day_of (cal, 2024, 4, 1), day_of (cal, 2025, 6, 30));
      officer.valid_to = range (gen->rand, day_of (cal, 2026, 7, 1), cal->n_days - 1);
      officer.status = CERT_VALID;

      fate = unit (gen->rand);
      if (fate < 0.06)
        {
          officer.valid_from = MIN (officer.valid_from, day_of (cal, 2024, 6, 30));
          officer.valid_to = range (gen->rand, day_of (cal, 2025, 1, 1),
                                    day_of (cal, 2025, 12, 31));
        }
      else if (fate < 0.09)
        {
          officer.status = fate < 0.08 ? CERT_SUSPENDED : CERT_REVOKED;
          officer.status_since = range (gen->rand, MAX (officer.valid_from + 30,
                                                        day_of (cal, 2024, 6, 1)),
                                        day_of (cal, 2025, 12, 31));
        }

      officer.valid_until = officer.status == CERT_VALID ? officer.valid_to
                                                         : officer.status_since - 1;
    }

  g_array_append_val (gen->officers, officer);
  g_array_append_val (auxiliary ? agency->auxiliaries : agency->certified, index);
}

static void
add_officers (Gen   *gen,
              guint  agency_index,
              guint  count)
{
  for (guint i = 0; i < count; i++)
    add_officer (gen, agency_index, i >= 2 && chance (gen->rand, 0.15));
}

static void
build_district (Gen *gen)
{
  const District *district = gen->district;
  guint government, labour = 0;
  guint dept_agency[N_DEPARTMENTS] = { 0 };
  Buf name, abbr;

  #define START(b, s) (buf_reset (&b), buf_add (&b, s))

  START (name, "北京市");
  buf_add (&name, district->name);
  buf_add (&name, "人民政府");
  START (abbr, "京");
  buf_add (&abbr, district->abbr);
  buf_add (&abbr, departments[DEPT_GOVERNMENT].abbr);
  government = add_agency (gen, DEPT_GOVERNMENT, name.data, abbr.data, "government", -1,
                           departments[DEPT_GOVERNMENT].weight);
  dept_agency[DEPT_GOVERNMENT] = government;

  for (int d = DEPT_JUSTICE; d <= DEPT_STATISTICS; d++)
    {
      START (name, "北京市");
      if (d == DEPT_PLANNING)
        {
          buf_add (&name, "规划和自然资源委员会");
          buf_add (&name, district->short_name);
        }
      else
        {
          buf_add (&name, district->name);
        }
      buf_add (&name, departments[d].name);
      START (abbr, "京");
      buf_add (&abbr, district->abbr);
      buf_add (&abbr, departments[d].abbr);
      dept_agency[d] = add_agency (gen, d, name.data, abbr.data, "department", (int) government,
                                   departments[d].weight);
    }
  gen->justice = (int) dept_agency[DEPT_JUSTICE];
  labour = dept_agency[DEPT_LABOUR];

  for (guint t = 0; t < gen->n_towns; t++)
    {
      const char *town = district->towns[t];
      guint index;

      START (name, "北京市");
      buf_add (&name, district->name);
      buf_add (&name, town);
      buf_add (&name, g_str_has_suffix (town, "街道") ? "办事处" : "人民政府");
      START (abbr, "京");
      buf_add (&abbr, district->abbr);
      buf_add (&abbr, town_short_name (gen, town));
      index = add_agency (gen, DEPT_TOWN, name.data, abbr.data, "town", (int) government,
                          departments[DEPT_TOWN].weight);
      agency_at (gen, index)->town = town;
    }

  START (name, "北京市");
  buf_add (&name, district->name);
  buf_add (&name, departments[DEPT_SOCIAL_INSURANCE].name);
  START (abbr, "京");
  buf_add (&abbr, district->abbr);
  buf_add (&abbr, departments[DEPT_SOCIAL_INSURANCE].abbr);
  add_agency (gen, DEPT_SOCIAL_INSURANCE, name.data, abbr.data, "authorized", (int) labour,
              departments[DEPT_SOCIAL_INSURANCE].weight);

  for (guint e = 0; e < G_N_ELEMENTS (entrusted_bodies); e++)
    {
      guint by = dept_agency[entrusted_bodies[e].by];
      guint index;

      START (name, "北京市");
      buf_add (&name, district->name);
      buf_add (&name, entrusted_bodies[e].name);
      START (abbr, "京");
      buf_add (&abbr, district->abbr);
      buf_add (&abbr, entrusted_bodies[e].abbr);
      index = add_agency (gen, entrusted_bodies[e].by, name.data, abbr.data, "entrusted",
                          (int) by, entrusted_bodies[e].weight);
      agency_at (gen, index)->entrusted_by = (int) by;
    }

  #undef START

  for (guint i = 0; i < gen->agencies->len; i++)
    {
      Agency *agency = agency_at (gen, i);
      const Department *dept = &departments[agency->dept];

      agency_add_department_powers (gen, agency, agency->dept, agency->entrusted_by >= 0);
      if (dept->no_disturb && agency->entrusted_by < 0)
        add_no_disturb (gen, agency);
      add_officers (gen, i, range (gen->rand, dept->officers_min, dept->officers_max));
    }

  agency_at (gen, dept_agency[DEPT_URBAN])->body_change = TRUE;
  agency_at (gen, gen->agencies->len - 1 - pick (gen->rand, gen->n_towns))->body_change = TRUE;

  gen->agency_cumulative = g_new0 (double, gen->agencies->len);
  for (guint i = 0; i < gen->agencies->len; i++)
    gen->agency_cumulative[i] = (i > 0 ? gen->agency_cumulative[i - 1] : 0)
                                + agency_at (gen, i)->weight;
}

/* The template a power code was made from, or else a plausible one of the kind its prefix names;
 * codes of unknown kind are mostly taken for penalties. */
static const PowerTemplate *
template_for_code (const char *code,
                   guint       position)
{
  static const Act guesses[] = {
    ACT_PENALTY, ACT_PENALTY, ACT_INSPECTION, ACT_PENALTY, ACT_LICENCE, ACT_PENALTY,
    ACT_COERCION, ACT_PENALTY,
  };
  const PowerTemplate *tpl = decode_power_code (code);
  Act act = guesses[position % G_N_ELEMENTS (guesses)];
  guint n_candidates = 0, chosen;

  if (tpl != NULL)
    return tpl;

  for (int a = 0; a < N_ACTS; a++)
    {
      if (strncmp (code, acts[a].prefix, 2) == 0)
        act = a;
    }

  for (int d = 0; d < N_DEPARTMENTS; d++)
    {
      for (guint i = 0; i < departments[d].n_powers; i++)
        n_candidates += departments[d].powers[i].act == act;
    }

  chosen = g_str_hash (code) % n_candidates;
  for (int d = 0; d < N_DEPARTMENTS; d++)
    {
      for (guint i = 0; i < departments[d].n_powers; i++)
        {
          if (departments[d].powers[i].act == act && chosen-- == 0)
            return &departments[d].powers[i];
        }
    }

  g_assert_not_reached ();
}

/* An existing agency, known only by its ID, its power codes and its officers. */
static void
build_existing_agency (Gen *gen)
{
  const JdSampleOptions *options = gen->options;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();
  DepartmentId dept = DEPT_TOWN;
  gboolean dept_known = FALSE;
  Agency *agency;
  guint index;
  Buf abbr;

  for (guint i = 0; options->power_codes != NULL && options->power_codes[i] != NULL; i++)
    {
      const char *code = options->power_codes[i];

      /* The first code of ours tells the department, for document numbers. */
      if (!dept_known && decode_power_code (code) != NULL)
        {
          dept = (code[2] - '0') * 10 + (code[3] - '0') - 1;
          dept_known = TRUE;
        }

      g_ptr_array_add (codes, (gpointer) code);
      g_ptr_array_add (templates, (gpointer) template_for_code (code, i));
    }

  buf_reset (&abbr);
  buf_add (&abbr, "京");
  buf_add (&abbr, gen->district->abbr);
  buf_add (&abbr, departments[dept].abbr != NULL ? departments[dept].abbr : "执法");

  index = add_agency (gen, dept, NULL, abbr.data, "department", -1, 1.0);
  agency = agency_at (gen, index);
  agency->id = intern (gen, options->agency_id);
  agency->catalogue = FALSE;
  agency->town = random_town (gen, gen->rand);

  if (codes->len > 0)
    agency_set_powers (gen, agency, (const char * const *) codes->pdata,
                       (const PowerTemplate **) templates->pdata, codes->len);
  else
    agency_add_department_powers (gen, agency, DEPT_TOWN, FALSE);

  if (options->officer_ids != NULL && options->officer_ids[0] != NULL)
    {
      for (guint i = 0; options->officer_ids[i] != NULL; i++)
        {
          Officer officer = { 0 };
          guint officer_index = gen->officers->len;

          officer.id = intern (gen, options->officer_ids[i]);
          officer.agency = index;
          officer.valid_from = 0;
          officer.valid_to = gen->cal.n_days - 1;
          officer.valid_until = officer.valid_to;
          g_array_append_val (gen->officers, officer);
          g_array_append_val (agency->certified, officer_index);
        }
    }
  else
    {
      for (guint i = 0; i < 6; i++)
        add_officer (gen, index, i == 5);
    }

  gen->agency_cumulative = g_new0 (double, 1);
  gen->agency_cumulative[0] = 1.0;
}

/* Agency and officer objects */

static void
set_day (JsonObject     *object,
         const char     *member,
         const Calendar *cal,
         int             day)
{
  json_object_set_string_member (object, member, cal->iso[clamp_day (cal, day)]);
}

static JsonObject *
year_entry (int year)
{
  JsonObject *entry = json_object_new ();

  json_object_set_int_member (entry, "year", year);

  return entry;
}

static void
add_yearly_filings (Gen        *gen,
                    JsonObject *object)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  JsonArray *plans = json_array_new ();
  JsonArray *reports = json_array_new ();
  JsonArray *inspections = json_array_new ();

  for (int y = 0; y < N_YEARS; y++)
    {
      int year = FIRST_YEAR + y;
      JsonObject *entry;

      /* The annual enforcement plan, due by 31 January (ROS-PLAN). */
      if (!chance (rand, JD_SAMPLE_RATE_LATE_ANNUAL_PLAN))
        {
          entry = year_entry (year);
          set_day (entry, "filed_on", cal, day_of (cal, year, 1, range (rand, 3, 31)));
          json_array_add_object_element (plans, entry);
        }
      else if (chance (rand, 0.5))
        {
          entry = year_entry (year);
          set_day (entry, "filed_on", cal, day_of (cal, year, range (rand, 2, 3),
                                                   range (rand, 1, 28)));
          json_array_add_object_element (plans, entry);
        }

      /* The inspection plan, published in the first quarter (PUB-PLAN). */
      if (!chance (rand, JD_SAMPLE_RATE_LATE_INSPECTION_PLAN))
        {
          entry = year_entry (year);
          set_day (entry, "published_on", cal, day_of (cal, year, range (rand, 1, 3),
                                                       range (rand, 3, 28)));
          json_array_add_object_element (inspections, entry);
        }
      else if (chance (rand, 0.5))
        {
          entry = year_entry (year);
          set_day (entry, "published_on", cal, day_of (cal, year, range (rand, 4, 5),
                                                       range (rand, 1, 28)));
          json_array_add_object_element (inspections, entry);
        }

      /* The annual report on the year before, filed by 20 January and published by 31 January
       * (ROS-REPORT, PUB-ANNUAL); only 2024 and 2025 have ended in the data's time. */
      if (y == N_YEARS - 1)
        continue;

      if (!chance (rand, JD_SAMPLE_RATE_LATE_ANNUAL_REPORT))
        {
          int filed = day_of (cal, year + 1, 1, range (rand, 5, 20));

          entry = year_entry (year);
          set_day (entry, "filed_on", cal, filed);
          int published = add_days (cal, filed, range (rand, 0, 10));

          set_day (entry, "published_on", cal, MIN (published, day_of (cal, year + 1, 1, 31)));
          json_array_add_object_element (reports, entry);
        }
      else if (chance (rand, 0.5))
        {
          int filed = day_of (cal, year + 1, range (rand, 2, 3), range (rand, 1, 28));

          entry = year_entry (year);
          set_day (entry, "filed_on", cal, filed);
          set_day (entry, "published_on", cal, add_days (cal, filed, range (rand, 0, 10)));
          json_array_add_object_element (reports, entry);
        }
    }

  json_object_set_array_member (object, "annual_plans", plans);
  json_object_set_array_member (object, "annual_reports", reports);
  json_object_set_array_member (object, "inspection_plans", inspections);
}

static JsonObject *
build_entrustment (Gen    *gen,
                   Agency *agency)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  Agency *by = agency_at (gen, agency->entrusted_by);
  JsonObject *entrustment = json_object_new ();
  JsonArray *scope = json_array_new ();
  gboolean bad = chance (rand, JD_SAMPLE_RATE_BAD_ENTRUSTMENT);
  int flaw = bad ? range (rand, 0, 3) : -1;
  int signed_on = range (rand, 0, day_of (cal, 2024, 2, 28));
  Buf buf;

  for (guint i = 0; i < agency->n_powers; i++)
    json_array_add_string_element (scope, agency->powers[i].code);

  buf_reset (&buf);
  buf_add (&buf, "以");
  buf_add (&buf, by->name);
  buf_add (&buf, "名义实施权责清单中的行政处罚和行政检查事项，不得再委托其他组织或者个人");

  json_object_set_string_member (entrustment, "by_agency_id", by->id);
  if (flaw != 0)
    json_object_set_string_member (entrustment, "basis",
                                   "《中华人民共和国行政处罚法》第二十条");
  json_object_set_array_member (entrustment, "scope", scope);
  json_object_set_string_member (entrustment, "powers", buf.data);
  if (flaw != 1)
    json_object_set_string_member (entrustment, "liability",
                                   "委托机关对受委托组织实施行政执法行为的后果承担法律责任");
  set_day (entrustment, "valid_from", cal, signed_on);
  if (flaw != 2)
    set_day (entrustment, "valid_to", cal, cal->n_days - 1);
  set_day (entrustment, "signed_on", cal, signed_on);
  set_day (entrustment, "published_on", cal, add_days (cal, signed_on, range (rand, 1, 15)));
  set_day (entrustment, "filed_on", cal,
           add_days (cal, signed_on, flaw == 3 ? range (rand, 21, 50) : range (rand, 1, 20)));

  return entrustment;
}

static JsonObject *
build_agency (Gen   *gen,
              guint  index)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  Agency *agency = agency_at (gen, index);
  JsonObject *object = json_object_new ();
  JsonArray *powers = json_array_new ();
  JsonArray *discretion = json_array_new ();
  int adopted = range (rand, day_of (cal, 2024, 1, 15), day_of (cal, 2024, 6, 30));

  json_object_set_string_member (object, "id", agency->id);
  json_object_set_string_member (object, "name", agency->name);
  json_object_set_string_member (object, "kind", agency->kind);
  if (agency->parent >= 0)
    json_object_set_string_member (object, "parent_id", agency_at (gen, agency->parent)->id);
  json_object_set_string_member (object, "credit_code", agency->credit_code);
  set_day (object, "active_from", cal, 0);

  for (guint i = 0; i < agency->n_powers; i++)
    {
      const Power *power = &agency->powers[i];
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "code", power->code);
      json_object_set_string_member (entry, "name", power->name);
      json_object_set_string_member (entry, "action_type", acts[power->tpl->act].code);
      json_array_add_object_element (powers, entry);

      if (power->tpl->act == ACT_PENALTY && power->fine_max > 0)
        {
          gboolean late = chance (rand, JD_SAMPLE_RATE_LATE_DISCRETION);

          entry = json_object_new ();
          json_object_set_string_member (entry, "power_code", power->code);
          json_object_set_int_member (entry, "fine_min", power->fine_min);
          json_object_set_int_member (entry, "fine_max", power->fine_max);
          set_day (entry, "adopted_on", cal, adopted);
          if (!late || chance (rand, 0.5))
            set_day (entry, "published_on", cal, add_days (cal, adopted, range (rand, 1, 15)));
          set_day (entry, "filed_on", cal,
                   add_days (cal, adopted, late ? range (rand, 21, 60) : range (rand, 1, 20)));
          json_array_add_object_element (discretion, entry);
        }
    }
  json_object_set_array_member (object, "powers", powers);

  if (agency->entrusted_by >= 0)
    json_object_set_object_member (object, "entrustment", build_entrustment (gen, agency));

  json_object_set_array_member (object, "discretion", discretion);

  if (agency->catalogue)
    {
      JsonObject *catalogue = json_object_new ();
      JsonArray *codes = json_array_new ();

      for (guint i = 0; i < agency->n_powers; i++)
        {
          if (agency->powers[i].in_catalogue)
            json_array_add_string_element (codes, agency->powers[i].code);
        }
      set_day (catalogue, "filed_on", cal, day_of (cal, 2024, range (rand, 2, 4),
                                                   range (rand, 1, 28)));
      json_object_set_array_member (catalogue, "power_codes", codes);
      json_object_set_object_member (object, "major_catalogue", catalogue);
    }

  if (agency->body_change)
    {
      JsonArray *changes = json_array_new ();
      JsonObject *change = json_object_new ();
      int date = range (rand, 150, 600);

      set_day (change, "date", cal, date);
      if (!chance (rand, JD_SAMPLE_RATE_LATE_BODY_CHANGE))
        {
          int applied = add_days (cal, date, range (rand, 1, 20));

          set_day (change, "confirmation_applied_on", cal, applied);
          set_day (change, "published_on", cal, add_days (cal, applied, range (rand, 1, 10)));
        }
      else if (chance (rand, 0.5))
        {
          set_day (change, "confirmation_applied_on", cal, add_days (cal, date,
                                                                      range (rand, 21, 40)));
        }
      json_array_add_object_element (changes, change);
      json_object_set_array_member (object, "body_changes", changes);
    }

  add_yearly_filings (gen, object);

  if (agency->n_no_disturb > 0)
    {
      JsonArray *codes = json_array_new ();

      for (guint i = 0; i < agency->n_no_disturb; i++)
        json_array_add_string_element (codes, agency->no_disturb[i].credit_code);
      json_object_set_array_member (object, "no_disturb", codes);
    }

  return object;
}

static JsonObject *
certificate_object (Gen        *gen,
                    int         from,
                    int         to,
                    CertStatus  status,
                    int         since)
{
  static const char * const statuses[] = { "valid", "suspended", "revoked" };
  const Calendar *cal = &gen->cal;
  JsonObject *certificate = json_object_new ();
  Buf buf;

  buf_reset (&buf);
  buf_add (&buf, "11");
  buf_add_padded (&buf, range (gen->rand, 0, 999999999), 9);
  json_object_set_string_member (certificate, "number", buf.data);
  set_day (certificate, "valid_from", cal, from);
  set_day (certificate, "valid_to", cal, to);
  json_object_set_string_member (certificate, "status", statuses[status]);
  if (status != CERT_VALID)
    set_day (certificate, "status_since", cal, since);

  return certificate;
}

static void
add_training_year (Gen       *gen,
                   JsonArray *training,
                   int        year,
                   int        total,
                   int        n)
{
  const Calendar *cal = &gen->cal;
  int remaining = total;
  int months = year == FIRST_YEAR + N_YEARS - 1 ? 9 : 12;

  for (int i = 0; i < n; i++)
    {
      JsonObject *entry = json_object_new ();
      int month = 1 + i * months / n + pick (gen->rand, MAX (months / n, 1));
      int hours = remaining / (n - i) + range (gen->rand, -3, 3);

      /* Leave at least two hours for each entry still to come. */
      if (i == n - 1)
        hours = remaining;
      else
        hours = CLAMP (hours, 2, remaining - 2 * (n - 1 - i));
      remaining -= hours;

      set_day (entry, "date", cal, day_of (cal, year, month, range (gen->rand, 3, 28)));
      json_object_set_int_member (entry, "hours", hours);
      json_object_set_string_member (entry, "topic", PICK (gen->rand, training_topics));
      json_array_add_object_element (training, entry);
    }
}

static JsonObject *
sanction_object (Gen        *gen,
                 int         date,
                 const char *kind)
{
  JsonObject *sanction = json_object_new ();

  set_day (sanction, "date", &gen->cal, date);
  json_object_set_string_member (sanction, "kind", kind);
  json_object_set_string_member (sanction, "basis", PICK (gen->rand, sanction_bases));

  return sanction;
}

static JsonObject *
build_officer (Gen           *gen,
               const Officer *officer)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  JsonObject *object = json_object_new ();
  JsonArray *training = json_array_new ();
  JsonArray *sanctions = json_array_new ();

  json_object_set_string_member (object, "id", officer->id);
  json_object_set_string_member (object, "name", officer->name);
  json_object_set_string_member (object, "agency_id", agency_at (gen, officer->agency)->id);
  json_object_set_string_member (object, "role", officer->auxiliary ? "auxiliary" : "officer");

  if (!officer->auxiliary)
    {
      JsonArray *certificates = json_array_new ();

      json_array_add_object_element (certificates,
                                     certificate_object (gen, officer->valid_from,
                                                         officer->valid_to, officer->status,
                                                         officer->status_since));
      if (officer->status == CERT_REVOKED && chance (rand, JD_SAMPLE_RATE_REAPPLY))
        {
          int from = add_days (cal, officer->status_since, range (rand, 30, 300));

          json_array_add_object_element (certificates,
                                         certificate_object (gen, from, cal->n_days - 1,
                                                             CERT_VALID, 0));
        }
      json_object_set_array_member (object, "certificates", certificates);
    }

  for (int y = 0; y < N_YEARS; y++)
    {
      int total;

      if (y == N_YEARS - 1)
        total = range (rand, 20, 60);
      else if (chance (rand, JD_SAMPLE_RATE_LOW_TRAINING))
        total = range (rand, 20, 59);
      else
        total = range (rand, 60, 90);

      add_training_year (gen, training, FIRST_YEAR + y, total,
                         y == N_YEARS - 1 ? range (rand, 1, 3) : range (rand, 3, 5));
    }
  json_object_set_array_member (object, "training", training);

  if (officer->status == CERT_SUSPENDED)
    json_array_add_object_element (sanctions, sanction_object (gen, officer->status_since,
                                                               "certificate_suspended"));
  else if (officer->status == CERT_REVOKED)
    json_array_add_object_element (sanctions, sanction_object (gen, officer->status_since,
                                                               "qualification_revoked"));
  if (chance (rand, 0.03))
    {
      static const char * const kinds[] = { "criticism", "off_duty_training", "transfer" };

      json_array_add_object_element (sanctions,
                                     sanction_object (gen, range (rand, 30, cal->n_days - 30),
                                                      PICK (rand, kinds)));
    }

  if (json_array_get_length (sanctions) > 0)
    json_object_set_array_member (object, "sanctions", sanctions);
  else
    json_array_unref (sanctions);

  return object;
}

/* Cases */

#define MAX_CASE_STAGES 12
#define MAX_CASE_OFFICERS 3
#define HEAVY_SHARE 0.06
#define MAJOR_REVIEW_DEADLINE_SHARE 0.6
/* Six months of retention at the longest (REC-AV-RETENTION). */
#define SIX_MONTHS 184

typedef struct
{
  Stage stage;
  int   day;
} StageDay;

typedef struct
{
  GRand               *rand;
  Agency              *agency;
  const Power         *power;
  const PowerTemplate *tpl;
  Act                  act;
  gboolean             simple;
  gboolean             person;
  gboolean             minor;
  gboolean             listed;       /* on the agency's 无事不扰 list */
  char                 code[19];     /* resident ID or credit code */
  guint32              measures;
  gint64               fine;
  gboolean             hearing_owed;
  gboolean             hearing_offered;
  gboolean             hearing_held;
  gboolean             complex;
  gboolean             large_fine;
  gboolean             major;
  gboolean             reviewed;
  gboolean             granted;
  int                  start;
  int                  decision;
  int                  closure;      /* -1 while the case is open */
  int                  submitted;
  int                  completed;
  int                  collective;   /* -1 when none was held */
  int                  deadline;     /* -1 when the decision has no time limit */
  int                  notice;
  int                  demand;
  int                  acceptance;
  int                  consultation;
  int                  onsite;
  StageDay             stages[MAX_CASE_STAGES];
  guint                n_stages;
  guint                officers[MAX_CASE_OFFICERS];
  guint                n_officers;
  int                  year;
  guint                sequence;
  gboolean             malformed_number;
  /* Text, last so that clearing the draft stops before it. */
  Buf                  party;
  Buf                  party_public;
  Buf                  address;
  Buf                  number;
  Buf                  text;
} CaseDraft;

static gboolean
officer_valid (const Officer *officer,
               int            from,
               int            to)
{
  return !officer->auxiliary && officer->valid_from <= from && officer->valid_until >= to;
}

static guint
pick_valid_officer (Gen    *gen,
                    GRand  *rand,
                    GArray *pool,
                    int     from,
                    int     to,
                    guint   avoid)
{
  guint index = g_array_index (pool, guint, 0);

  for (guint tries = 0; tries < 16; tries++)
    {
      index = g_array_index (pool, guint, pick (rand, pool->len));
      if (index != avoid && officer_valid (officer_at (gen, index), from, to))
        return index;
    }

  return index;
}

static void
choose_officers (Gen       *gen,
                 CaseDraft *c)
{
  GRand *rand = c->rand;
  GArray *pool = c->agency->certified;
  GArray *auxiliaries = c->agency->auxiliaries;
  int from = c->start;
  int to = c->decision;
  double u = unit (rand);
  gboolean aux_alone = u < JD_SAMPLE_RATE_AUX_ALONE;
  gboolean invalid = !aux_alone
                     && u < JD_SAMPLE_RATE_AUX_ALONE + JD_SAMPLE_RATE_CERT_INVALID;
  gboolean single = !aux_alone && !invalid
                    && u < JD_SAMPLE_RATE_AUX_ALONE + JD_SAMPLE_RATE_CERT_INVALID
                           + JD_SAMPLE_RATE_SINGLE_OFFICER;

  c->n_officers = 0;

  if (aux_alone && auxiliaries->len > 0)
    {
      c->officers[c->n_officers++] = g_array_index (auxiliaries, guint,
                                                    pick (rand, auxiliaries->len));
      return;
    }

  if (invalid)
    {
      guint offset = pick (rand, pool->len);

      for (guint i = 0; i < pool->len && c->n_officers == 0; i++)
        {
          guint index = g_array_index (pool, guint, (offset + i) % pool->len);

          if (!officer_valid (officer_at (gen, index), from, to))
            c->officers[c->n_officers++] = index;
        }
    }

  if (c->n_officers == 0)
    c->officers[c->n_officers++] = pick_valid_officer (gen, rand, pool, from, to, G_MAXUINT);

  if (pool->len >= 2 && !single)
    {
      guint second = pick_valid_officer (gen, rand, pool, from, to, c->officers[0]);

      if (second != c->officers[0])
        c->officers[c->n_officers++] = second;
    }

  /* Auxiliaries assist certified officers now and then, which is lawful. */
  if (c->n_officers == 2 && auxiliaries->len > 0 && chance (rand, 0.1))
    c->officers[c->n_officers++] = g_array_index (auxiliaries, guint,
                                                  pick (rand, auxiliaries->len));
}

static void
choose_party (Gen       *gen,
              CaseDraft *c)
{
  GRand *rand = c->rand;
  const PowerTemplate *tpl = c->tpl;
  Agency *agency = c->agency;
  gboolean wrong = chance (rand, JD_SAMPLE_RATE_BAD_PARTY_ID);
  int kind = tpl->party;

  buf_reset (&c->party);
  buf_reset (&c->party_public);
  buf_reset (&c->address);
  add_address (gen, rand, &c->address,
               agency->town != NULL ? agency->town : random_town (gen, rand));

  if (c->act == ACT_INSPECTION && agency->n_no_disturb > 0 && chance (rand, 0.25))
    {
      const Enterprise *enterprise = &agency->no_disturb[pick (rand, agency->n_no_disturb)];

      c->listed = TRUE;
      buf_add (&c->party, enterprise->name);
      buf_add (&c->party_public, enterprise->name);
      memcpy (c->code, enterprise->credit_code, 19);
      return;
    }

  if (kind == PARTY_ANY)
    kind = chance (rand, 0.4) ? PARTY_PERSON : PARTY_ORG;

  if (kind == PARTY_PERSON)
    {
      gsize surname_end;
      int birth_year;

      c->person = TRUE;
      add_person_name (rand, &c->party);
      /* Surnames are one character, or two for the compound ones at the end of the list. */
      surname_end = g_utf8_next_char (c->party.data) - c->party.data;
      if (c->party.data[surname_end] != '\0' && g_utf8_strlen (c->party.data, -1) == 4)
        surname_end = g_utf8_next_char (c->party.data + surname_end) - c->party.data;
      memcpy (c->party_public.data, c->party.data, surname_end);
      c->party_public.len = surname_end;
      c->party_public.data[surname_end] = '\0';
      buf_add (&c->party_public, "某");

      c->minor = c->act == ACT_PENALTY && chance (rand, 0.01);
      birth_year = c->minor ? FIRST_YEAR + gen->cal.year[c->start] - range (rand, 15, 16)
                            : range (rand, 1955, 2005);
      make_resident_id (gen, rand, c->code, birth_year, wrong);
    }
  else if (kind == PARTY_SOCIAL)
    {
      const char *name = PICK (rand, social_organisations);

      buf_add (&c->party, "北京市");
      buf_add (&c->party, gen->district->name);
      buf_add (&c->party, name);
      buf_add (&c->party_public, c->party.data);
      make_credit_code (gen, rand, c->code, g_str_has_suffix (name, "会") ? "51" : "52", "MJ",
                        wrong);
    }
  else if (tpl->shop != NULL && chance (rand, 0.3))
    {
      buf_add (&c->party, "北京市");
      buf_add (&c->party, gen->district->name);
      buf_add (&c->party, PICK (rand, brands));
      buf_add (&c->party, tpl->shop);
      buf_add (&c->party_public, c->party.data);
      make_credit_code (gen, rand, c->code, "92", "L", wrong);
    }
  else
    {
      add_company_name (rand, &c->party, tpl->trade);
      buf_add (&c->party_public, c->party.data);
      make_credit_code (gen, rand, c->code, "91", "MA", wrong);
    }
}

static gint64
choose_fine (Gen       *gen,
             CaseDraft *c)
{
  GRand *rand = c->rand;
  int lo = c->power->fine_min;
  int hi = c->power->fine_max;
  gint64 fine;
  double u;
  int step;

  if (c->simple)
    hi = MIN (hi, c->person ? 200 : 3000);
  lo = MIN (MAX (lo, 50), hi);

  if (!c->simple && chance (rand, JD_SAMPLE_RATE_FINE_OUTSIDE))
    {
      if (c->power->fine_min >= 100 && chance (rand, 0.5))
        return c->power->fine_min / 2;
      return (gint64) hi + (gint64) hi * range (rand, 10, 50) / 100;
    }

  /* Most fines sit in the lower part of the range, as benchmarks intend. */
  u = unit (rand);
  fine = lo + (gint64) ((hi - lo) * u * u);
  step = fine >= 10000 ? 1000 : fine >= 1000 ? 100 : 10;
  fine = fine / step * step;

  return CLAMP (fine, lo, hi);
}

static void
choose_decision (Gen       *gen,
                 CaseDraft *c)
{
  GRand *rand = c->rand;
  const PowerTemplate *tpl = c->tpl;

  c->measures = tpl->measures;
  if (tpl->heavy != 0 && chance (rand, HEAVY_SHARE))
    c->measures |= tpl->heavy;

  c->granted = TRUE;
  if (c->act == ACT_PENALTY)
    {
      if (c->simple)
        c->measures &= MB (M_WARNING) | MB (M_FINE);
      if (c->measures & MB (M_FINE))
        c->fine = choose_fine (gen, c);
      c->large_fine = c->fine >= (c->person ? 10000 : 100000);
      c->hearing_owed = !c->simple && ((c->measures & HEARING_MEASURES) || c->large_fine);
      c->complex = !c->simple && chance (rand, 0.04);
    }
  else if (c->act == ACT_INSPECTION)
    {
      c->granted = chance (rand, 0.6);
    }
  else if (c->measures == 0)
    {
      c->granted = !chance (rand, 0.1);
    }

  if (c->measures & MB (M_LICENCE_AFTER_HEARING))
    {
      c->hearing_owed = c->hearing_offered = c->hearing_held = TRUE;
    }
  else if (c->hearing_owed)
    {
      c->hearing_offered = !chance (rand, JD_SAMPLE_RATE_NO_HEARING_OFFER);
      c->hearing_held = c->hearing_offered && chance (rand, 0.3);
    }

  c->major = (c->measures & MAJOR_MEASURES) != 0 || c->power->in_catalogue
             || (c->act == ACT_PENALTY && c->hearing_held && (c->large_fine || c->complex));
}

static void
add_stage (CaseDraft *c,
           Stage      stage,
           int        day)
{
  if (c->n_stages < MAX_CASE_STAGES)
    {
      c->stages[c->n_stages].stage = stage;
      c->stages[c->n_stages].day = day;
      c->n_stages++;
    }
}

/* For a major decision, the legal review and the collective discussion come between @ready and
 * the decision; returns the decision day. */
static int
schedule_decision (Gen       *gen,
                   CaseDraft *c,
                   int        ready,
                   int        min_wd,
                   int        max_wd)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  int collective, decision;

  c->collective = -1;
  c->deadline = -1;

  if (!c->major)
    return add_workdays (cal, ready, range (rand, min_wd, max_wd));

  c->reviewed = TRUE;
  c->submitted = add_workdays (cal, ready, range (rand, 1, 4));
  c->completed = add_workdays (cal, c->submitted,
                               chance (rand, JD_SAMPLE_RATE_REVIEW_SLOW) ? range (rand, 6, 10)
                                                                         : range (rand, 1, 5));
  collective = add_workdays (cal, c->completed, range (rand, 0, 2));
  decision = add_workdays (cal, collective, range (rand, 1, 3));

  if (!chance (rand, JD_SAMPLE_RATE_NO_COLLECTIVE))
    c->collective = collective;

  if (chance (rand, JD_SAMPLE_RATE_MISSING_REVIEW))
    {
      if (chance (rand, 0.5))
        c->reviewed = FALSE;
      else
        c->completed = add_workdays (cal, decision, range (rand, 1, 5));
    }

  if (c->reviewed && chance (rand, MAJOR_REVIEW_DEADLINE_SHARE))
    {
      if (chance (rand, JD_SAMPLE_RATE_REVIEW_LEAD_TIME))
        c->deadline = add_workdays (cal, c->submitted, range (rand, 1, 4));
      else
        {
          int after_submission = add_workdays (cal, c->submitted, range (rand, 5, 25));
          int after_decision = add_workdays (cal, decision, range (rand, 0, 10));

          c->deadline = MAX (after_submission, after_decision);
        }
    }

  return decision;
}

static void
schedule (Gen       *gen,
          CaseDraft *c)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  int s = c->start;
  int day, service;
  gboolean may_stay_open = FALSE;

  c->n_stages = 0;
  c->closure = -1;
  c->onsite = s;

  switch (c->act)
    {
    case ACT_PENALTY:
      if (c->simple)
        {
          c->decision = s;
          add_stage (c, ST_DECISION, s);
          add_stage (c, ST_SERVICE, s);
          c->closure = add_days (cal, s, range (rand, 0, 15));
          add_stage (c, ST_CLOSURE, c->closure);
          break;
        }
      add_stage (c, ST_INTAKE, s);
      day = add_workdays (cal, s, range (rand, 0, 3));
      add_stage (c, ST_FILING, day);
      c->onsite = add_days (cal, day, range (rand, 1, 15));
      add_stage (c, ST_INVESTIGATION, c->onsite);
      c->notice = add_days (cal, c->onsite, range (rand, 3, 20));
      add_stage (c, ST_NOTICE, c->notice);
      day = c->notice;
      if (c->hearing_held)
        {
          day = add_workdays (cal, c->notice, range (rand, 5, 12));
          add_stage (c, ST_HEARING, day);
        }
      c->decision = schedule_decision (gen, c, day, 5, 12);
      if (c->reviewed)
        add_stage (c, ST_LEGAL_REVIEW, c->submitted);
      add_stage (c, ST_DECISION, c->decision);
      service = add_days (cal, c->decision, range (rand, 0, 7));
      add_stage (c, ST_SERVICE, service);
      c->closure = add_days (cal, service, range (rand, 10, 60));
      add_stage (c, ST_CLOSURE, c->closure);
      may_stay_open = TRUE;
      break;

    case ACT_COERCION:
      c->decision = schedule_decision (gen, c, s, 0, 3);
      if (c->reviewed)
        add_stage (c, ST_LEGAL_REVIEW, c->submitted);
      add_stage (c, ST_DECISION, c->decision);
      c->demand = add_days (cal, c->decision, range (rand, 1, 10));
      add_stage (c, ST_DEMAND, c->demand);
      service = add_days (cal, c->demand, range (rand, 0, 3));
      add_stage (c, ST_SERVICE, service);
      c->onsite = add_days (cal, service, range (rand, 10, 30));
      add_stage (c, ST_EXECUTION, c->onsite);
      c->closure = add_days (cal, c->onsite, range (rand, 1, 20));
      add_stage (c, ST_CLOSURE, c->closure);
      may_stay_open = TRUE;
      break;

    case ACT_INSPECTION:
      add_stage (c, ST_ONSITE_CHECK, s);
      service = add_days (cal, s, range (rand, 0, 5));
      add_stage (c, ST_SERVICE, service);
      c->decision = service;
      c->closure = add_days (cal, service, range (rand, 10, 30));
      add_stage (c, ST_RECHECK, c->closure);
      break;

    case ACT_EXPROPRIATION:
      add_stage (c, ST_ASSESSMENT, s);
      c->consultation = add_days (cal, s, range (rand, 10, 20));
      add_stage (c, ST_CONSULTATION, c->consultation);
      c->decision = schedule_decision (gen, c, add_days (cal, c->consultation,
                                                         range (rand, 15, 30)), 1, 5);
      if (c->reviewed)
        add_stage (c, ST_LEGAL_REVIEW, c->submitted);
      add_stage (c, ST_DECISION, c->decision);
      service = add_days (cal, c->decision, range (rand, 1, 5));
      add_stage (c, ST_SERVICE, service);
      c->onsite = add_days (cal, service, range (rand, 10, 20));
      add_stage (c, ST_EXECUTION, c->onsite);
      day = add_days (cal, c->onsite, range (rand, 0, 10));
      add_stage (c, ST_COMPENSATION, day);
      c->closure = add_days (cal, day, range (rand, 5, 15));
      add_stage (c, ST_CLOSURE, c->closure);
      may_stay_open = TRUE;
      break;

    case ACT_LICENCE:
    case ACT_CONFIRMATION:
    case ACT_FEE:
    case ACT_BENEFIT:
    case ACT_AWARD:
    case ACT_ADJUDICATION:
    case N_ACTS:
    default:
      add_stage (c, ST_RECEIPT, s);
      c->acceptance = add_workdays (cal, s, range (rand, 0, 5));
      add_stage (c, ST_ACCEPTANCE, c->acceptance);
      c->onsite = c->acceptance;
      day = c->acceptance;
      if (c->hearing_held)
        {
          day = add_workdays (cal, c->acceptance, range (rand, 5, 10));
          add_stage (c, ST_HEARING, day);
        }
      c->decision = schedule_decision (gen, c, day, 1, 18);
      if (c->reviewed)
        add_stage (c, ST_LEGAL_REVIEW, c->submitted);
      add_stage (c, ST_DECISION, c->decision);
      if (c->act == ACT_LICENCE && !c->major)
        c->deadline = add_workdays (cal, c->acceptance, 20);
      c->closure = add_days (cal, c->decision, range (rand, 0, 10));
      add_stage (c, ST_SERVICE, c->closure);
      break;
    }

  if (may_stay_open && chance (rand, 0.03))
    {
      c->n_stages--;
      c->closure = -1;
    }

  if (!c->simple && chance (rand, JD_SAMPLE_RATE_MISSING_STAGE))
    {
      /* Drop one stage the action type requires, never the first. */
      guint victim = 1 + pick (rand, c->n_stages - 1);
      Stage stage = c->stages[victim].stage;

      if (stage != ST_HEARING && stage != ST_LEGAL_REVIEW)
        {
          memmove (&c->stages[victim], &c->stages[victim + 1],
                   (c->n_stages - victim - 1) * sizeof (StageDay));
          c->n_stages--;
        }
    }
}

static const char *
choose_trigger (Gen       *gen,
                CaseDraft *c)
{
  static const char * const planned[] = { "plan", "random" };
  static const char * const reactive[] = { "complaint", "clue", "referral" };
  GRand *rand = c->rand;
  double u;

  switch (c->act)
    {
    case ACT_PENALTY:
      u = unit (rand);
      return u < 0.15 ? "plan" : u < 0.35 ? "random" : u < 0.6 ? "complaint"
             : u < 0.85 ? "clue" : "referral";

    case ACT_INSPECTION:
      if (c->listed)
        return chance (rand, JD_SAMPLE_RATE_NO_DISTURB_BREACH) ? PICK (rand, reactive)
                                                                : PICK (rand, planned);
      u = unit (rand);
      return u < 0.45 ? "plan" : u < 0.8 ? "random" : u < 0.9 ? "complaint"
             : u < 0.97 ? "clue" : "referral";

    case ACT_COERCION:
      u = unit (rand);
      return u < 0.4 ? "clue" : u < 0.7 ? "referral" : "complaint";

    case ACT_EXPROPRIATION:
    case ACT_FEE:
      return "plan";

    case ACT_LICENCE:
    case ACT_CONFIRMATION:
    case ACT_BENEFIT:
    case ACT_AWARD:
    case ACT_ADJUDICATION:
    case N_ACTS:
    default:
      return "application";
    }
}

static void
add_number (Buf          *buf,
            const Agency *agency,
            const char   *kind,
            int           year,
            guint         sequence,
            gboolean      malformed)
{
  buf_add (buf, agency->abbr);
  buf_add (buf, kind);
  buf_add (buf, malformed ? "(" : "〔");
  buf_add_int (buf, year);
  buf_add (buf, malformed ? ")" : "〕");
  buf_add_int (buf, sequence);
  buf_add (buf, "号");
}

static JsonArray *
officer_array (Gen         *gen,
               const guint *officers,
               guint        n)
{
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (array, officer_at (gen, officers[i])->id);

  return array;
}

static void
set_time (JsonObject     *object,
          const Calendar *cal,
          int             day,
          int             minutes)
{
  char time[32];
  char *p = time;

  memcpy (p, cal->iso[day], 10);
  p += 10;
  *p++ = 'T';
  *p++ = (char) ('0' + minutes / 600);
  *p++ = (char) ('0' + minutes / 60 % 10);
  *p++ = ':';
  *p++ = (char) ('0' + minutes % 60 / 10);
  *p++ = (char) ('0' + minutes % 10);
  memcpy (p, ":00+08:00", 10);

  json_object_set_string_member (object, "time", time);
}

static JsonObject *
build_record (Gen        *gen,
              CaseDraft  *c,
              Stage       stage,
              int         day,
              int         minutes,
              gboolean    av,
              char        id[UUID_LENGTH + 1])
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  JsonObject *record = json_object_new ();
  int missing = -1;

  make_uuid (gen, id);
  json_object_set_string_member (record, "id", id);
  json_object_set_string_member (record, "kind", av ? "av" : "text");
  json_object_set_string_member (record, "stage", stages[stage].code);
  set_time (record, cal, day, minutes);

  if (!av && chance (rand, JD_SAMPLE_RATE_RECORD_INCOMPLETE))
    missing = range (rand, 0, 1);

  if (missing != 0)
    json_object_set_string_member (record, "place",
                                   stages[stage].onsite ? c->address.data : c->agency->office);
  json_object_set_array_member (record, "officers", officer_array (gen, c->officers,
                                                                   c->n_officers));
  if (missing != 1)
    json_object_set_string_member (record, "party", c->party.data);
  json_object_set_string_member (record, "matter", stages[stage].matter);

  if (av)
    {
      int stored = add_workdays (cal, day, chance (rand, JD_SAMPLE_RATE_AV_LATE_STORE)
                                           ? range (rand, 3, 6) : range (rand, 0, 2));
      int kept = chance (rand, JD_SAMPLE_RATE_AV_SHORT_RETENTION) ? range (rand, 90, 170)
                                                                  : range (rand, SIX_MONTHS, 400);
      Buf *text = &c->text;

      set_day (record, "stored_on", cal, stored);
      set_day (record, "retain_until", cal, add_days (cal, stored, kept));

      if (chance (rand, 0.05))
        {
          json_object_set_boolean_member (record, "interrupted", TRUE);
          if (!chance (rand, JD_SAMPLE_RATE_AV_NO_REASON))
            json_object_set_string_member (record, "interruption_reason",
                                           PICK (rand, interruption_reasons));
        }

      buf_reset (text);
      buf_add (text, "执法记录仪视频，时长");
      buf_add_int (text, range (rand, 3, 58));
      buf_add (text, "分钟");
      json_object_set_string_member (record, "evidence", text->data);

      if (chance (rand, 0.2) && c->n_officers >= 2 && officer_at (gen, c->officers[0])->known)
        {
          JsonObject *copy = json_object_new ();

          json_object_set_string_member (copy, "maker", officer_at (gen, c->officers[0])->name);
          json_object_set_string_member (copy, "extractor",
                                         officer_at (gen, c->officers[1])->name);
          set_day (copy, "extracted_on", cal, stored);
          json_object_set_object_member (record, "archived_copy", copy);
        }
    }

  return record;
}

/* Picks the stages that get a whole-process record, two to four in the order they happened, and
 * among them the first on-site act when it must be filmed. */
static guint
choose_recorded_stages (CaseDraft *c,
                        gboolean   keep_onsite,
                        guint      chosen[MAX_CASE_STAGES])
{
  GRand *rand = c->rand;
  guint n_candidates = 0, onsite = G_MAXUINT, n;
  double u = unit (rand);

  for (guint i = 0; i < c->n_stages; i++)
    {
      Stage stage = c->stages[i].stage;

      if (stage == ST_CLOSURE || stage == ST_LEGAL_REVIEW)
        continue;
      if (onsite == G_MAXUINT && stages[stage].onsite)
        onsite = i;
      chosen[n_candidates++] = i;
    }

  n = MIN (n_candidates, u < 0.85 ? 2u : u < 0.95 ? 3u : 4u);
  for (guint i = 0; i < n; i++)
    {
      guint j = i + pick (rand, n_candidates - i);
      guint tmp = chosen[i];

      chosen[i] = chosen[j];
      chosen[j] = tmp;
    }

  if (keep_onsite && onsite != G_MAXUINT && n > 0)
    {
      gboolean present = FALSE;

      for (guint i = 0; i < n; i++)
        present |= chosen[i] == onsite;
      if (!present)
        chosen[n - 1] = onsite;
    }

  for (guint i = 1; i < n; i++)
    {
      for (guint j = i; j > 0 && chosen[j - 1] > chosen[j]; j--)
        {
          guint tmp = chosen[j];

          chosen[j] = chosen[j - 1];
          chosen[j - 1] = tmp;
        }
    }

  return n;
}

static JsonArray *
build_records (Gen       *gen,
               CaseDraft *c)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  JsonArray *records = json_array_sized_new (4);
  gboolean av_required = (c->measures & AV_MEASURES) != 0;
  gboolean no_av = av_required && chance (rand, JD_SAMPLE_RATE_NO_AV);
  guint candidates[MAX_CASE_STAGES];
  guint n = choose_recorded_stages (c, av_required, candidates);
  char id[UUID_LENGTH + 1];
  char first_id[UUID_LENGTH + 1] = "";

  for (guint i = 0; i < n; i++)
    {
      const StageDay *sd = &c->stages[candidates[i]];
      gboolean av = FALSE;

      if (!no_av && sd->day + SIX_MONTHS + 20 < cal->n_days)
        {
          if (av_required && stages[sd->stage].onsite)
            av = TRUE;
          else if (stages[sd->stage].onsite || sd->stage == ST_HEARING)
            av = chance (rand, 0.5);
        }

      json_array_add_object_element (records,
                                     build_record (gen, c, sd->stage, sd->day,
                                                   range (rand, 8 * 60 + 30, 17 * 60), av, id));
      if (i == 0)
        memcpy (first_id, id, sizeof id);
    }

  /* A correction is a new record pointing at the one it corrects (REC-IMMUTABLE). */
  if (n > 0 && chance (rand, 0.005))
    {
      const StageDay *sd = &c->stages[candidates[0]];
      JsonObject *correction = build_record (gen, c, sd->stage, add_days (cal, sd->day, 1),
                                             range (rand, 9 * 60, 16 * 60), FALSE, id);

      json_object_set_string_member (correction, "matter", "更正原记录中当事人名称的笔误");
      json_object_set_string_member (correction, "corrects", first_id);
      json_array_add_object_element (records, correction);
    }

  return records;
}

static void
add_document (JsonArray      *documents,
              const Calendar *cal,
              const char     *kind,
              const char     *number,
              int             day)
{
  JsonObject *document = json_object_new ();

  json_object_set_string_member (document, "kind", kind);
  if (number != NULL)
    json_object_set_string_member (document, "number", number);
  set_day (document, "date", cal, day);
  json_array_add_object_element (documents, document);
}

static const char *
decision_document (const CaseDraft *c)
{
  if (c->act == ACT_PENALTY)
    return c->simple ? "当场行政处罚决定书" : "行政处罚决定书";
  if (c->act == ACT_COERCION)
    {
      if (c->measures & MB (M_DEMOLITION))
        return "强制拆除决定书";
      if (c->measures & MB (M_TRANSFER_DEPOSIT))
        return "划拨存款决定书";
      if (c->measures & MB (M_AUCTION_PROPERTY))
        return "拍卖决定书";
      return "查封（扣押）决定书";
    }
  if (c->act == ACT_EXPROPRIATION)
    return c->measures & MB (M_EXPROPRIATE_PROPERTY) ? "征用决定书" : "房屋征收决定书";
  if (c->act == ACT_LICENCE && (c->measures & MB (M_WITHDRAW_LICENCE)))
    return "撤销行政许可决定书";
  if (c->act == ACT_LICENCE)
    return c->granted ? "准予行政许可决定书" : "不予行政许可决定书";
  if (c->act == ACT_INSPECTION)
    return c->granted ? "检查结果告知书" : "责令改正通知书";

  return acts[c->act].decision_document;
}

static JsonArray *
build_documents (Gen       *gen,
                 CaseDraft *c)
{
  const Calendar *cal = &gen->cal;
  JsonArray *documents = json_array_sized_new (2);
  Buf *number = &c->text;

  switch (c->act)
    {
    case ACT_PENALTY:
      if (!c->simple)
        {
          buf_reset (number);
          add_number (number, c->agency, "罚告", c->year, c->sequence, FALSE);
          add_document (documents, cal, "行政处罚事先告知书", number->data, c->notice);
        }
      break;

    case ACT_COERCION:
      add_document (documents, cal, "催告书", NULL, c->demand);
      break;

    case ACT_INSPECTION:
      add_document (documents, cal, "现场检查笔录", NULL, c->start);
      break;

    case ACT_EXPROPRIATION:
      add_document (documents, cal, "征收补偿方案", NULL, c->consultation);
      break;

    case ACT_LICENCE:
    case ACT_CONFIRMATION:
    case ACT_FEE:
    case ACT_BENEFIT:
    case ACT_AWARD:
    case ACT_ADJUDICATION:
    case N_ACTS:
    default:
      add_document (documents, cal, "受理通知书", NULL, c->acceptance);
      break;
    }

  add_document (documents, cal, decision_document (c), c->number.data, c->decision);

  return documents;
}

static JsonArray *
build_evidence (Gen       *gen,
                CaseDraft *c)
{
  static const char * const records[] = {
    "现场检查笔录", "询问笔录", "现场照片", "执法记录仪视频"
  };
  static const char * const applications[] = { "申请书及申请材料", "现场核查记录", "相关证明材料" };
  GRand *rand = c->rand;
  JsonArray *evidence = json_array_sized_new (3);
  double u = unit (rand);
  guint n = u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
  Buf *fact = &c->text;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_object_new ();
      char id[UUID_LENGTH + 1];
      const char *description;

      buf_reset (fact);
      if (c->act == ACT_PENALTY || c->act == ACT_INSPECTION || c->act == ACT_COERCION)
        {
          if (i == 1)
            {
              description = c->person ? "当事人身份证复印件" : "营业执照复印件";
              buf_add (fact, "当事人主体身份");
            }
          else
            {
              description = records[i == 0 ? pick (rand, 2) : 2 + pick (rand, 2)];
              buf_add (fact, i == 0 ? "当事人" : "违法行为的持续时间和情节：");
              buf_add (fact, c->tpl->matter);
            }
        }
      else
        {
          description = applications[i];
          buf_add (fact, i == 0 ? "申请事项：" : "审查情况：");
          buf_add (fact, c->power->name);
        }

      make_uuid (gen, id);
      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "description", description);
      json_object_set_string_member (item, "fact", fact->data);
      json_array_add_object_element (evidence, item);
    }

  return evidence;
}

static void
add_fine (Buf    *buf,
          gint64  fine)
{
  buf_add (buf, "罚款人民币");
  buf_add_int (buf, fine);
  buf_add (buf, "元");
}

static void
add_content (Gen       *gen,
             CaseDraft *c,
             Buf       *buf)
{
  gboolean first = TRUE;

  switch (c->act)
    {
    case ACT_PENALTY:
      buf_add (buf, "责令改正，");
      for (int m = 0; m < N_MEASURES; m++)
        {
          if (!(c->measures & MB (m)))
            continue;
          if (!first)
            buf_add (buf, "，");
          first = FALSE;
          if (m == M_FINE)
            add_fine (buf, c->fine);
          else if (m == M_DEMOLITION)
            buf_add (buf, "限期拆除违法建设");
          else
            buf_add (buf, measures[m].text);
        }
      return;

    case ACT_INSPECTION:
      buf_add (buf, c->granted ? "检查未发现违法违规问题" : "发现问题，责令限期整改");
      return;

    case ACT_LICENCE:
    case ACT_COERCION:
    case ACT_EXPROPRIATION:
    case ACT_CONFIRMATION:
    case ACT_FEE:
    case ACT_BENEFIT:
    case ACT_AWARD:
    case ACT_ADJUDICATION:
    case N_ACTS:
    default:
      for (int m = 0; m < N_MEASURES; m++)
        {
          if (!(c->measures & MB (m)))
            continue;
          if (!first)
            buf_add (buf, "，");
          first = FALSE;
          buf_add (buf, measures[m].text);
        }
      if (!first)
        return;
      if (c->act == ACT_FEE)
        {
          buf_add (buf, "决定征收");
          buf_add (buf, c->power->name);
          buf_add_int (buf, range (c->rand, 20, 2000) * 100);
          buf_add (buf, "元");
        }
      else if (c->act == ACT_AWARD)
        {
          buf_add (buf, "给予奖励人民币");
          buf_add_int (buf, range (c->rand, 5, 100) * 100);
          buf_add (buf, "元");
        }
      else
        {
          buf_add (buf, c->granted ? "准予" : "不予");
          buf_add (buf, acts[c->act].result_label);
        }
      return;
    }
}

static void
add_facts (Gen       *gen,
           CaseDraft *c,
           Buf       *buf)
{
  const Calendar *cal = &gen->cal;

  switch (c->act)
    {
    case ACT_PENALTY:
      buf_add (buf, "经查，当事人于");
      buf_add (buf, cal->cn[c->start]);
      buf_add (buf, c->tpl->matter);
      buf_add (buf, "，违反了");
      buf_add (buf, c->tpl->basis);
      buf_add (buf, "的规定。");
      return;

    case ACT_INSPECTION:
      buf_add (buf, cal->cn[c->start]);
      buf_add (buf, "，执法人员对当事人开展");
      buf_add (buf, c->tpl->matter);
      buf_add (buf, c->granted ? "，未发现违法行为。" : "，发现安全隐患，已责令限期整改。");
      return;

    case ACT_COERCION:
      buf_add (buf, "当事人涉嫌违法，为防止危害扩大，依法实施");
      buf_add (buf, c->tpl->matter);
      buf_add (buf, "。");
      return;

    case ACT_EXPROPRIATION:
      buf_add (buf, "因公共利益需要，依照");
      buf_add (buf, c->tpl->basis);
      buf_add (buf, "实施征收征用。");
      return;

    case ACT_LICENCE:
    case ACT_CONFIRMATION:
    case ACT_FEE:
    case ACT_BENEFIT:
    case ACT_AWARD:
    case ACT_ADJUDICATION:
    case N_ACTS:
    default:
      buf_add (buf, "当事人于");
      buf_add (buf, cal->cn[c->start]);
      buf_add (buf, "办理");
      buf_add (buf, c->power->name);
      buf_add (buf, c->granted ? "，经审查符合法定条件。" : "，经审查不符合法定条件。");
      return;
    }
}

static JsonObject *
build_review (Gen       *gen,
              CaseDraft *c)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  JsonObject *review = json_object_new ();
  JsonObject *materials = json_object_new ();
  JsonObject *copies = json_object_new ();
  JsonArray *items = json_array_sized_new (9);
  GArray *pool = c->agency->certified;
  int missing_material = chance (rand, JD_SAMPLE_RATE_REVIEW_MATERIALS) ? range (rand, 0, 2) : -1;
  guint n_items = chance (rand, JD_SAMPLE_RATE_REVIEW_ITEMS) ? range (rand, 5, 8) : 9;
  double u = unit (rand);
  const char *result;
  int failed_point = -1;

  set_day (review, "submitted_on", cal, c->submitted);
  set_day (review, "completed_on", cal, c->completed);
  json_object_set_string_member (review, "reviewer_id",
                                 officer_at (gen, g_array_index (pool, guint,
                                                                 pick (rand, pool->len)))->id);

  if (u < JD_SAMPLE_RATE_REVIEW_REJECTED)
    {
      result = "rejected";
      failed_point = range (rand, 4, 7);
    }
  else if (u < JD_SAMPLE_RATE_REVIEW_REJECTED + 0.03)
    {
      /* Rejected, then corrected and passed on a second review. */
      result = "rejected";
      failed_point = range (rand, 4, 7);
      set_day (review, "corrected_and_rereviewed_on", cal,
               MIN (add_workdays (cal, c->completed, 1), c->decision));
    }
  else
    {
      result = u < 0.15 ? "approved_with_changes" : "approved";
    }
  json_object_set_string_member (review, "result", result);

  json_object_set_boolean_member (materials, "case_file", missing_material != 0);
  json_object_set_boolean_member (materials, "proposal", missing_material != 1);
  json_object_set_boolean_member (materials, "evidence", missing_material != 2);
  json_object_set_object_member (review, "materials", materials);

  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = json_object_new ();
      const char *verdict = "pass";
      const char *opinion = review_opinions[i];

      if ((int) i == failed_point)
        {
          verdict = "fail";
          opinion = "证据不足以证明违法事实，建议补充调查后重新报审";
        }
      else if (i == 8 && chance (rand, 0.5))
        {
          verdict = "not_applicable";
        }

      json_object_set_int_member (item, "point", i + 1);
      json_object_set_string_member (item, "verdict", verdict);
      json_object_set_string_member (item, "opinion", opinion);
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (review, "items", items);

  json_object_set_boolean_member (copies, "case_file", TRUE);
  json_object_set_boolean_member (copies, "archived",
                                  !chance (rand, JD_SAMPLE_RATE_REVIEW_COPIES));
  json_object_set_object_member (review, "copies", copies);

  return review;
}

static void
add_publication_text (Gen       *gen,
                      CaseDraft *c,
                      Buf       *buf,
                      gboolean   leak)
{
  buf_add (buf, decision_document (c));
  buf_add (buf, "文号：");
  buf_add (buf, c->number.data);
  buf_add (buf, "；当事人：");
  buf_add (buf, c->party_public.data);
  if (leak && c->person)
    {
      buf_add (buf, "（身份证号：");
      buf_add (buf, c->code);
      buf_add (buf, "）");
    }
  else if (leak)
    {
      buf_add (buf, "，联系电话：13");
      buf_add_int (buf, range (c->rand, 100000000, 999999999));
    }
  buf_add (buf, c->act == ACT_PENALTY ? "；违法事实：" : "；事项：");
  buf_add (buf, c->act == ACT_PENALTY ? c->tpl->matter : c->power->name);
  buf_add (buf, "；");
  buf_add (buf, acts[c->act].result_label);
  buf_add (buf, "结果：");
  add_content (gen, c, buf);
  if (c->agency->name != NULL)
    {
      buf_add (buf, "；执法机关：");
      buf_add (buf, c->agency->name);
    }
  buf_add (buf, "；决定日期：");
  buf_add (buf, gen->cal.cn[c->decision]);
  buf_add (buf, "。");
}

static void
add_publication (Gen        *gen,
                 CaseDraft  *c,
                 JsonObject *object)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = c->rand;
  const char *exempt = NULL;
  gboolean publish;
  int limit = c->act == ACT_PENALTY || c->act == ACT_LICENCE ? 7 : 20;
  int published = -1;
  double share;

  if (c->act == ACT_PENALTY)
    share = c->simple ? 0.5 : 0.92;
  else
    share = c->act == ACT_LICENCE ? 0.9 : 0.5;
  publish = chance (rand, share);

  if (c->minor)
    {
      exempt = "minor";
      publish = chance (rand, JD_SAMPLE_RATE_MINOR_PUBLISHED);
    }
  else if (c->measures & MB (M_TRANSFER_POLICE))
    {
      exempt = "transferred_to_police";
      publish = FALSE;
    }
  else if (chance (rand, 0.002))
    {
      static const char * const grounds[] = { "state_secret", "security", "series" };

      exempt = PICK (rand, grounds);
      publish = FALSE;
    }

  if (publish)
    {
      JsonObject *publication = json_object_new ();
      Buf *text = &c->text;

      published = add_workdays (cal, c->decision,
                                chance (rand, JD_SAMPLE_RATE_LATE_PUBLICATION)
                                ? range (rand, limit + 1, limit + 8) : range (rand, 1, limit));
      set_day (publication, "published_on", cal, published);
      buf_reset (text);
      add_publication_text (gen, c, text, chance (rand, JD_SAMPLE_RATE_PUBLICATION_LEAK));
      json_object_set_string_member (publication, "text", text->data);

      if (chance (rand, 0.01))
        {
          static const char * const kinds[] = {
            "revoked", "partly_revoked", "unlawful", "void", "changed"
          };
          JsonArray *changes = json_array_new ();
          JsonObject *change = json_object_new ();
          int changed = add_days (cal, c->decision, range (rand, 30, 120));

          json_object_set_string_member (change, "kind", PICK (rand, kinds));
          set_day (change, "date", cal, changed);
          json_array_add_object_element (changes, change);

          if (!chance (rand, JD_SAMPLE_RATE_NOT_WITHDRAWN))
            set_day (publication, "withdrawn_on", cal, add_workdays (cal, changed,
                                                                     range (rand, 1, 10)));
          else if (chance (rand, 0.5))
            set_day (publication, "withdrawn_on", cal, add_workdays (cal, changed,
                                                                     range (rand, 11, 20)));

          json_object_set_object_member (object, "publication", publication);
          json_object_set_array_member (object, "outcome_changes", changes);
        }
      else
        {
          json_object_set_object_member (object, "publication", publication);
        }
    }

  if (exempt != NULL)
    json_object_set_string_member (object, "exempt_from_publication", exempt);
}

static JsonObject *
build_decision (Gen       *gen,
                CaseDraft *c)
{
  const Calendar *cal = &gen->cal;
  JsonObject *decision = json_object_new ();
  Buf *content = &c->text;

  set_day (decision, "date", cal, c->decision);
  if (c->measures != 0)
    {
      JsonArray *codes = json_array_new ();

      for (int m = 0; m < N_MEASURES; m++)
        {
          if (c->measures & MB (m))
            json_array_add_string_element (codes, measures[m].code);
        }
      json_object_set_array_member (decision, "measures", codes);
    }
  if (c->measures & MB (M_FINE))
    json_object_set_int_member (decision, "fine", c->fine);

  buf_reset (content);
  add_content (gen, c, content);
  json_object_set_string_member (decision, "content", content->data);

  if (c->deadline >= 0)
    set_day (decision, "statutory_deadline", cal, c->deadline);
  if (c->hearing_owed || c->hearing_offered)
    {
      json_object_set_boolean_member (decision, "hearing_offered", c->hearing_offered);
      json_object_set_boolean_member (decision, "hearing_held", c->hearing_held);
    }
  if (c->collective >= 0)
    set_day (decision, "collective_discussion_on", cal, c->collective);
  if (c->complex)
    json_object_set_boolean_member (decision, "complex", TRUE);
  if (c->major)
    json_object_set_boolean_member (decision, "declared_major", TRUE);

  return decision;
}

/* The choices that depend on the cases before: the agency's document sequence and the cases
 * sampled for evaluation. */
typedef struct
{
  guint agency;
  guint power;
  int   start;
  guint sequence;
  char  id[UUID_LENGTH + 1];
} CasePlan;

/* The day the next case starts, in [lo, hi]. Cases come out in the order they were filed, as an
 * agency's register has them: the days are uniform as before, but drawn as ascending order
 * statistics, each the least of the uniforms still to come. Besides being what a real district
 * looks like (numbers that grow with the date), the store's date and number indexes then grow at
 * their ends instead of being rewritten throughout at every commit. */
static int
next_start (Gen *gen,
            int  lo,
            int  hi)
{
  double left = MAX (gen->cases_left, 1);
  double v = 1.0 - unit (gen->rand);  /* in (0, 1] */
  int day;

  gen->last_start = 1.0 - (1.0 - gen->last_start) * pow (v, 1.0 / left);
  if (gen->cases_left > 0)
    gen->cases_left--;

  day = lo + (int) (gen->last_start * (hi - lo + 1));
  return MIN (day, hi);
}

static void
plan_case (Gen      *gen,
           CasePlan *plan)
{
  GRand *rand = gen->rand;
  Agency *agency;
  int year;

  plan->agency = pick_weighted (rand, gen->agency_cumulative, gen->agencies->len);
  agency = agency_at (gen, plan->agency);
  plan->power = pick_weighted (rand, agency->power_cumulative, agency->n_powers);
  plan->start = next_start (gen, 5, gen->cal.n_days - 1 - CASE_SPAN);
  make_uuid (gen, plan->id);

  /* Numbers run per agency, kind and year of filing. */
  year = gen->cal.year[plan->start];
  plan->sequence = ++agency->sequence[year][agency->powers[plan->power].tpl->act];

  if (year < 2)
    {
      /* Reservoir sampling keeps a uniform choice of the agency's cases of the year. */
      guint seen = ++agency->evaluation_seen[year];

      if (seen <= EVALUATION_SAMPLE)
        memcpy (agency->evaluation_cases[year][seen - 1], plan->id, UUID_LENGTH + 1);
      else
        {
          guint slot = pick (rand, seen);

          if (slot < EVALUATION_SAMPLE)
            memcpy (agency->evaluation_cases[year][slot], plan->id, UUID_LENGTH + 1);
        }
    }
}

static JsonArray *
build_parties (CaseDraft *c)
{
  JsonArray *parties = json_array_sized_new (1);
  JsonObject *party = json_object_new ();

  json_object_set_string_member (party, "kind", c->person ? "person" : "organisation");
  json_object_set_string_member (party, "name", c->party.data);
  json_object_set_string_member (party, c->person ? "id_number" : "credit_code", c->code);
  if (c->minor)
    json_object_set_boolean_member (party, "minor", TRUE);
  json_array_add_object_element (parties, party);

  return parties;
}

static JsonArray *
build_stages (Gen       *gen,
              CaseDraft *c)
{
  JsonArray *array = json_array_sized_new (c->n_stages);

  for (guint i = 0; i < c->n_stages; i++)
    {
      JsonObject *stage = json_object_new ();

      json_object_set_string_member (stage, "stage", stages[c->stages[i].stage].code);
      set_day (stage, "date", &gen->cal, c->stages[i].day);
      json_array_add_object_element (array, stage);
    }

  return array;
}

/* Penalties cite the provision broken and the one that sets the penalty; other acts the
 * provision they rest on. */
static JsonObject *
build_legal_basis (CaseDraft *c)
{
  JsonObject *basis = json_object_new ();
  const char *law_end = strstr (c->tpl->basis, "》");

  if (c->act != ACT_PENALTY)
    {
      json_object_set_string_member (basis, "penalty", c->tpl->basis);
      return basis;
    }

  if (law_end != NULL && chance (c->rand, JD_SAMPLE_RATE_NO_ARTICLE))
    {
      g_autofree char *law = g_strndup (c->tpl->basis,
                                        law_end - c->tpl->basis + strlen ("》"));

      json_object_set_string_member (basis, "violation", law);
    }
  else
    {
      json_object_set_string_member (basis, "violation", c->tpl->basis);
    }
  json_object_set_string_member (basis, "penalty", c->tpl->penalty);

  return basis;
}

static JsonObject *
build_case (Gen            *gen,
            GRand          *rand,
            const CasePlan *plan)
{
  const Calendar *cal = &gen->cal;
  Agency *agency = agency_at (gen, plan->agency);
  JsonObject *object = json_object_new ();
  CaseDraft c;

  memset (&c, 0, G_STRUCT_OFFSET (CaseDraft, party));
  c.rand = rand;
  c.agency = agency;
  c.power = &agency->powers[plan->power];
  c.tpl = c.power->tpl;
  c.act = c.tpl->act;
  c.start = plan->start;

  choose_party (gen, &c);
  c.simple = c.act == ACT_PENALTY && chance (rand, 0.55)
             && c.tpl->fine_min <= (c.person ? 200 : 3000)
             && !(c.tpl->measures & MB (M_CONFISCATION));
  choose_decision (gen, &c);
  schedule (gen, &c);
  choose_officers (gen, &c);

  c.year = FIRST_YEAR + cal->year[c.start];
  c.sequence = plan->sequence;
  c.malformed_number = chance (rand, JD_SAMPLE_RATE_BAD_NUMBER);
  buf_reset (&c.number);
  add_number (&c.number, agency, acts[c.act].number_char, c.year, c.sequence,
              c.malformed_number);

  json_object_set_string_member (object, "id", plan->id);
  json_object_set_string_member (object, "number", c.number.data);
  json_object_set_string_member (object, "agency_id", agency->id);
  buf_reset (&c.text);
  buf_add (&c.text, c.party_public.data);
  buf_add (&c.text, c.tpl->matter);
  if (c.act == ACT_PENALTY || c.act == ACT_COERCION || c.act == ACT_EXPROPRIATION)
    buf_add (&c.text, "案");
  json_object_set_string_member (object, "title", c.text.data);
  json_object_set_string_member (object, "power_code", c.power->code);
  json_object_set_string_member (object, "action_type", acts[c.act].code);
  json_object_set_string_member (object, "procedure", c.simple ? "simple" : "general");
  json_object_set_string_member (object, "trigger", choose_trigger (gen, &c));

  json_object_set_array_member (object, "parties", build_parties (&c));
  json_object_set_array_member (object, "officers", officer_array (gen, c.officers,
                                                                   c.n_officers));
  json_object_set_array_member (object, "stages", build_stages (gen, &c));

  json_object_set_array_member (object, "records", build_records (gen, &c));
  json_object_set_array_member (object, "documents", build_documents (gen, &c));
  json_object_set_array_member (object, "evidence", build_evidence (gen, &c));

  buf_reset (&c.text);
  add_facts (gen, &c, &c.text);
  json_object_set_string_member (object, "facts", c.text.data);

  json_object_set_object_member (object, "legal_basis", build_legal_basis (&c));

  json_object_set_object_member (object, "decision", build_decision (gen, &c));
  if (c.reviewed)
    json_object_set_object_member (object, "review", build_review (gen, &c));

  add_publication (gen, &c, object);

  if (c.closure >= 0)
    {
      set_day (object, "closed_on", cal, c.closure);
      set_day (object, "archived_on", cal,
               add_days (cal, c.closure, chance (rand, JD_SAMPLE_RATE_LATE_ARCHIVE)
                                         ? range (rand, 31, 60) : range (rand, 1, 30)));
    }

  return object;
}

/* Supervision */

static guint
pick_agency (Gen *gen)
{
  return pick_weighted (gen->rand, gen->agency_cumulative, gen->agencies->len);
}

/* Any agency but the government and the justice bureau, which supervise. */
static guint
pick_supervised_agency (Gen *gen)
{
  guint index;

  do
    index = pick_agency (gen);
  while (index == 0 || (int) index == gen->justice);

  return index;
}

static JsonObject *
build_supervision_case (Gen             *gen,
                        SupervisionCase *sc)
{
  static const char * const grounds[] = {
    "out_of_scope", "reconsideration", "litigation", "petition", "handled"
  };
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  JsonObject *object = json_object_new ();
  JsonArray *investigators = json_array_new ();
  GArray *pool = agency_at (gen, gen->justice)->certified;
  guint first = g_array_index (pool, guint, pick (rand, pool->len));
  guint second = first;
  int closed;
  double u;

  make_uuid (gen, sc->id);
  sc->agency = pick_supervised_agency (gen);
  sc->filed = range (rand, 40, cal->n_days - 170);

  json_object_set_string_member (object, "id", sc->id);
  set_day (object, "filed_on", cal, sc->filed);
  set_day (object, "subject_act_date", cal, add_days (cal, sc->filed, -range (rand, 10, 300)));
  json_object_set_string_member (object, "agency_id", agency_at (gen, sc->agency)->id);
  if (chance (rand, JD_SAMPLE_RATE_SUP_EXCLUDED))
    json_object_set_string_member (object, "grounds_excluded", PICK (rand, grounds));

  json_array_add_string_element (investigators, officer_at (gen, first)->id);
  if (!chance (rand, JD_SAMPLE_RATE_SUP_ONE_STAFF))
    {
      for (guint tries = 0; tries < 8 && second == first; tries++)
        second = g_array_index (pool, guint, pick (rand, pool->len));
      if (second != first)
        json_array_add_string_element (investigators, officer_at (gen, second)->id);
    }

  u = unit (rand);
  if (u < JD_SAMPLE_RATE_SUP_OVERDUE)
    {
      closed = add_days (cal, sc->filed, range (rand, 63, 100));
    }
  else if (u < JD_SAMPLE_RATE_SUP_OVERDUE + 0.15)
    {
      int until = add_days (cal, sc->filed, range (rand, 75, 89));

      set_day (object, "extension_approved_until", cal, until);
      closed = range (rand, add_days (cal, sc->filed, 61), until);
    }
  else
    {
      closed = add_days (cal, sc->filed, range (rand, 20, 58));
    }

  json_object_set_array_member (object, "investigators", investigators);
  if (chance (rand, JD_SAMPLE_RATE_SUP_INTERESTED))
    {
      JsonArray *interested = json_array_new ();

      json_array_add_string_element (interested, officer_at (gen, first)->id);
      json_object_set_array_member (object, "interested_investigators", interested);
    }

  if (!chance (rand, JD_SAMPLE_RATE_SUP_NO_COLLECTIVE))
    {
      int discussed = add_days (cal, closed, -range (rand, 1, 7));

      set_day (object, "collective_discussion_on", cal, MAX (sc->filed, discussed));
    }
  set_day (object, "closed_on", cal, closed);
  set_day (object, "archived_on", cal,
           add_days (cal, closed, chance (rand, JD_SAMPLE_RATE_SUP_LATE_ARCHIVE)
                                  ? range (rand, 31, 60) : range (rand, 1, 30)));

  return object;
}

static JsonObject *
build_complaint (Gen        *gen,
                 guint       agency_index,
                 int         received,
                 const char *supervision_case_id)
{
  static const char * const forms[] = {
    "written", "hotline", "hotline", "phone", "email", "visit", "fax", "written"
  };
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  Agency *agency = agency_at (gen, agency_index);
  JsonObject *object = json_object_new ();
  int missing = chance (rand, JD_SAMPLE_RATE_COMPLAINT_INCOMPLETE) ? range (rand, 0, 2) : -1;
  char id[UUID_LENGTH + 1];
  Buf buf;

  make_uuid (gen, id);
  json_object_set_string_member (object, "id", id);
  set_day (object, "received_on", cal, received);
  json_object_set_string_member (object, "form", PICK (rand, forms));

  buf_reset (&buf);
  if (chance (rand, 0.8))
    add_person_name (rand, &buf);
  else
    add_company_name (rand, &buf, NULL);
  json_object_set_string_member (object, "complainant", buf.data);

  if (missing != 0)
    json_object_set_string_member (object, "respondent_agency_id", agency->id);

  if (missing != 1)
    {
      buf_reset (&buf);
      buf_add (&buf, cal->cn[add_days (cal, received, -range (rand, 3, 20))]);
      buf_add (&buf, "，投诉人反映");
      buf_add (&buf, agency->name != NULL ? agency->name : "被投诉机关");
      buf_add (&buf, PICK (rand, complaint_issues));
      buf_add (&buf, "。");
      json_object_set_string_member (object, "facts", buf.data);
    }
  if (missing != 2)
    json_object_set_string_member (object, "reasons", PICK (rand, complaint_reasons));

  json_object_set_boolean_member (object, "concerns_specific_act", chance (rand, 0.7));
  if (!chance (rand, JD_SAMPLE_RATE_NO_REPLY))
    set_day (object, "replied_on", cal, add_days (cal, received, range (rand, 5, 30)));
  if (supervision_case_id != NULL)
    json_object_set_string_member (object, "supervision_case_id", supervision_case_id);

  return object;
}

static JsonObject *
build_letter (Gen                   *gen,
              const SupervisionCase *sc)
{
  static const char * const grounds[] = {
    "law_not_implemented", "system_not_implemented", "duty_not_performed",
    "unauthorized_delegation", "quality", "team_management", "other"
  };
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  JsonObject *object = json_object_new ();
  JsonArray *ground_array = json_array_new ();
  guint first_ground = pick (rand, G_N_ELEMENTS (grounds));
  int issued = add_days (cal, sc->filed, range (rand, 10, 40));
  int received = add_days (cal, issued, range (rand, 1, 3));
  double u = unit (rand);
  const char *kind = u < 0.35 ? "urge" : u < 0.8 ? "opinion" : "decision";
  char id[UUID_LENGTH + 1];

  make_uuid (gen, id);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "kind", kind);
  json_object_set_string_member (object, "supervision_case_id", sc->id);
  json_object_set_string_member (object, "agency_id", agency_at (gen, sc->agency)->id);
  json_array_add_string_element (ground_array, grounds[first_ground]);
  if (chance (rand, 0.3))
    json_array_add_string_element (ground_array,
                                   grounds[(first_ground + 1 + pick (rand, 6)) % 7]);
  json_object_set_array_member (object, "grounds", ground_array);
  set_day (object, "issued_on", cal, issued);
  set_day (object, "received_on", cal, received);

  if (g_str_equal (kind, "opinion"))
    {
      if (chance (rand, 0.2))
        {
          gboolean late = chance (rand, JD_SAMPLE_RATE_LATE_OBJECTION);
          gboolean late_objection = late && chance (rand, 0.5);
          int objection = add_workdays (cal, received, late_objection ? range (rand, 6, 8)
                                                                      : range (rand, 1, 5));

          set_day (object, "objection_on", cal, objection);
          set_day (object, "objection_reply_on", cal,
                   add_workdays (cal, objection, late && !late_objection ? range (rand, 11, 15)
                                                                         : range (rand, 1, 10)));
        }

      /* Uncorrected opinions are escalated after 30 days, unless the breach is wanted. */
      if (!chance (rand, JD_SAMPLE_RATE_NOT_CORRECTED))
        {
          if (chance (rand, 0.85))
            set_day (object, "corrected_on", cal, add_days (cal, issued, range (rand, 5, 30)));
          else
            set_day (object, "escalated_on", cal, add_days (cal, issued, range (rand, 31, 45)));
        }
    }
  else if (g_str_equal (kind, "decision"))
    {
      if (!chance (rand, JD_SAMPLE_RATE_NO_EXECUTION_REPORT))
        set_day (object, "execution_reported_on", cal,
                 add_days (cal, issued, range (rand, 5, 30)));
      else if (chance (rand, 0.5))
        set_day (object, "execution_reported_on", cal,
                 add_days (cal, issued, range (rand, 31, 45)));
    }
  else if (chance (rand, 0.8))
    {
      set_day (object, "corrected_on", cal, add_days (cal, issued, range (rand, 5, 30)));
    }

  return object;
}

static JsonObject *
build_dispute (Gen *gen)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  JsonObject *object = json_object_new ();
  JsonArray *agencies = json_array_new ();
  guint first = pick_supervised_agency (gen);
  guint second = first;
  int submitted = range (rand, 30, cal->n_days - 200);
  char id[UUID_LENGTH + 1];

  while (second == first)
    second = pick_supervised_agency (gen);

  make_uuid (gen, id);
  json_object_set_string_member (object, "id", id);
  json_array_add_string_element (agencies, agency_at (gen, first)->id);
  json_array_add_string_element (agencies, agency_at (gen, second)->id);
  json_object_set_array_member (object, "agency_ids", agencies);
  json_object_set_string_member (object, "matter", PICK (rand, dispute_matters));
  set_day (object, "submitted_on", cal, submitted);

  if (!chance (rand, JD_SAMPLE_RATE_DISPUTE_STALLED))
    {
      int coordinated = add_days (cal, submitted, range (rand, 5, 30));
      Buf buf;

      buf_reset (&buf);
      buf_add (&buf, "经协调，明确由");
      buf_add (&buf, agency_at (gen, first)->name);
      buf_add (&buf, "牵头负责查处，");
      buf_add (&buf, agency_at (gen, second)->name);
      buf_add (&buf, "予以配合。");
      set_day (object, "coordinated_on", cal, coordinated);
      json_object_set_string_member (object, "opinion", buf.data);

      if (chance (rand, 0.3))
        {
          int escalated = add_days (cal, coordinated, range (rand, 10, 30));
          int ruled = add_days (cal, escalated, range (rand, 10, 30));

          set_day (object, "escalated_on", cal, escalated);
          set_day (object, "ruled_on", cal, ruled);
          set_day (object, "executed_on", cal, add_days (cal, ruled, range (rand, 5, 20)));
        }
      else
        {
          set_day (object, "executed_on", cal, add_days (cal, coordinated, range (rand, 5, 20)));
        }
    }

  return object;
}

static JsonObject *
build_social_supervisor (Gen   *gen,
                         guint  i)
{
  static const char * const kinds[] = {
    "deputy", "cppcc", "expert", "lawyer", "journalist", "other"
  };
  const Calendar *cal = &gen->cal;
  JsonObject *object = json_object_new ();
  int since = range (gen->rand, 0, 180);
  char id[UUID_LENGTH + 1];
  Buf buf;

  make_uuid (gen, id);
  buf_reset (&buf);
  add_person_name (gen->rand, &buf);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", buf.data);
  json_object_set_string_member (object, "kind", kinds[i % G_N_ELEMENTS (kinds)]);
  set_day (object, "since", cal, since);
  if (chance (gen->rand, 0.5))
    set_day (object, "until", cal, add_days (cal, since, range (gen->rand, 700, 800)));

  return object;
}

static JsonObject *
build_evaluation (Gen   *gen,
                  guint  agency_index,
                  int    year)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  Agency *agency = agency_at (gen, agency_index);
  JsonObject *object = json_object_new ();
  JsonObject *scores = json_object_new ();
  JsonArray *cases = json_array_new ();
  guint n = MIN (agency->evaluation_seen[year], EVALUATION_SAMPLE);
  char id[UUID_LENGTH + 1];

  make_uuid (gen, id);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "agency_id", agency->id);
  json_object_set_int_member (object, "year", FIRST_YEAR + year);
  set_day (object, "date", cal, add_days (cal, day_of (cal, FIRST_YEAR + year, 11, 1),
                                          range (rand, 0, 50)));
  for (guint i = 0; i < n; i++)
    json_array_add_string_element (cases, agency->evaluation_cases[year][i]);
  json_object_set_array_member (object, "case_ids", cases);

  json_object_set_int_member (scores, "facts", range (rand, 60, 100));
  json_object_set_int_member (scores, "evidence", range (rand, 60, 100));
  json_object_set_int_member (scores, "procedure", range (rand, 60, 100));
  json_object_set_int_member (scores, "documents", range (rand, 60, 100));
  json_object_set_object_member (object, "scores", scores);

  return object;
}

#define N_SOCIAL_SUPERVISORS 10
#define N_DISPUTES 5

static gboolean
emit_cases (Gen     *gen,
            GError **error)
{
  gen->last_start = 0.0;
  gen->cases_left = gen->options->n_cases;
  for (guint i = 0; i < gen->options->n_cases; i++)
    {
      CasePlan plan;

      plan_case (gen, &plan);
      if (!emit_object (gen, "cases", build_case (gen, gen->rand, &plan), error))
        return FALSE;
    }

  return TRUE;
}

static guint
n_complaints (Gen *gen)
{
  return MAX (5, gen->options->n_cases / 20);
}

static gboolean
generate_district (Gen     *gen,
                   GError **error)
{
  const Calendar *cal = &gen->cal;
  GRand *rand = gen->rand;
  guint n_supervision = MAX (3, gen->options->n_cases / 100);
  guint complaints = 0;

  build_district (gen);

  for (guint i = 0; i < gen->agencies->len; i++)
    {
      if (!emit_object (gen, "agencies", build_agency (gen, i), error))
        return FALSE;
    }

  for (guint i = 0; i < gen->officers->len; i++)
    {
      if (!emit_object (gen, "officers", build_officer (gen, officer_at (gen, i)), error))
        return FALSE;
    }

  for (guint i = 0; i < N_SOCIAL_SUPERVISORS; i++)
    {
      if (!emit_object (gen, "social_supervisors", build_social_supervisor (gen, i), error))
        return FALSE;
    }

  if (!emit_cases (gen, error))
    return FALSE;

  g_array_set_size (gen->supervision, n_supervision);
  for (guint i = 0; i < n_supervision; i++)
    {
      SupervisionCase *sc = &g_array_index (gen->supervision, SupervisionCase, i);

      if (!emit_object (gen, "supervision_cases", build_supervision_case (gen, sc), error))
        return FALSE;
    }

  /* Half the supervision cases started from a complaint; the other complaints stand alone. */
  for (guint i = 0; i < n_supervision; i++)
    {
      const SupervisionCase *sc = &g_array_index (gen->supervision, SupervisionCase, i);

      if (chance (rand, 0.5))
        {
          int received = add_days (cal, sc->filed, -range (rand, 1, 15));

          if (!emit_object (gen, "complaints", build_complaint (gen, sc->agency, received, sc->id),
                            error))
            return FALSE;
          complaints++;
        }
    }
  for (; complaints < n_complaints (gen); complaints++)
    {
      int received = range (rand, 10, cal->n_days - 40);

      if (!emit_object (gen, "complaints",
                        build_complaint (gen, pick_supervised_agency (gen), received, NULL), error))
        return FALSE;
    }

  for (guint i = 0; i < n_supervision; i++)
    {
      const SupervisionCase *sc = &g_array_index (gen->supervision, SupervisionCase, i);

      if (chance (rand, 0.6) && !emit_object (gen, "letters", build_letter (gen, sc), error))
        return FALSE;
    }

  for (guint i = 0; i < N_DISPUTES; i++)
    {
      if (!emit_object (gen, "disputes", build_dispute (gen), error))
        return FALSE;
    }

  for (guint i = 0; i < gen->agencies->len; i++)
    {
      for (int year = 0; year < 2; year++)
        {
          if (chance (rand, JD_SAMPLE_RATE_NO_EVALUATION))
            continue;
          if (!emit_object (gen, "evaluations", build_evaluation (gen, i, year), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
generate_for_agency (Gen     *gen,
                     GError **error)
{
  const Calendar *cal = &gen->cal;
  const JdSampleOptions *options = gen->options;

  build_existing_agency (gen);

  if (options->officer_ids == NULL || options->officer_ids[0] == NULL)
    {
      for (guint i = 0; i < gen->officers->len; i++)
        {
          if (!emit_object (gen, "officers", build_officer (gen, officer_at (gen, i)), error))
            return FALSE;
        }
    }

  if (!emit_cases (gen, error))
    return FALSE;

  for (guint i = 0; i < n_complaints (gen); i++)
    {
      int received = range (gen->rand, 10, cal->n_days - 40);

      if (!emit_object (gen, "complaints", build_complaint (gen, 0, received, NULL), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
jd_sample_generate (const JdSampleOptions  *options,
                    JdSampleEmitFunc        emit,
                    gpointer                user_data,
                    GError                **error)
{
  g_autoptr(Gen) gen = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (emit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->agency_id != NULL && options->agency_id[0] == '\0')
    {
      g_set_error_literal (error, JD_SAMPLE_ERROR, JD_SAMPLE_ERROR_INVALID,
                           "The agency to generate cases for has an empty ID");
      return FALSE;
    }

  gen = g_new0 (Gen, 1);
  gen->options = options;
  gen->emit = emit;
  gen->user_data = user_data;
  gen->rand = g_rand_new_with_seed (options->seed);
  gen->strings = g_string_chunk_new (16384);
  gen->agencies = g_array_new (FALSE, TRUE, sizeof (Agency));
  g_array_set_clear_func (gen->agencies, agency_clear);
  gen->officers = g_array_new (FALSE, TRUE, sizeof (Officer));
  gen->supervision = g_array_new (FALSE, TRUE, sizeof (SupervisionCase));
  gen->justice = -1;
  calendar_init (&gen->cal);

  gen->district = &districts[pick (gen->rand, G_N_ELEMENTS (districts))];
  while (gen->n_towns < MAX_TOWNS && gen->district->towns[gen->n_towns] != NULL)
    gen->n_towns++;

  if (options->agency_id != NULL)
    return generate_for_agency (gen, error);

  return generate_district (gen, error);
}
