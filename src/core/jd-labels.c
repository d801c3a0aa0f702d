#include "jd-labels.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const char *code;
  const char *label;
} Label;

static const Label stages[] = {
  { "intake", N_("intake") },
  { "filing", N_("filing") },
  { "investigation", N_("investigation") },
  { "notice", N_("notice") },
  { "hearing", N_("hearing") },
  { "legal_review", N_("legal review") },
  { "decision", N_("decision") },
  { "service", N_("service") },
  { "closure", N_("closure") },
  { "demand", N_("demand") },
  { "execution", N_("execution") },
  { "receipt", N_("receipt") },
  { "acceptance", N_("acceptance") },
  { "onsite_check", N_("on-site check") },
  { "recheck", N_("re-check") },
  { "assessment", N_("assessment") },
  { "consultation", N_("consultation") },
  { "compensation", N_("compensation") },
  { "lodged_service", N_("lodged service") },
  { "public_service", N_("public service") },
};

static const Label measures[] = {
  { "warning", N_("warning") },
  { "fine", N_("fine") },
  { "confiscation", N_("confiscation") },
  { "suspend_licence", N_("suspension of a licence or business licence") },
  { "revoke_licence", N_("revocation of a licence or business licence") },
  { "stop_production", N_("order to stop production or business") },
  { "licence_by_tender", N_("licence by tender or auction") },
  { "licence_after_hearing", N_("licence after a hearing") },
  { "withdraw_licence", N_("withdrawal or revocation of a licence") },
  { "transfer_deposit", N_("transfer of deposits or remittances") },
  { "demolition", N_("demolition of buildings or structures") },
  { "auction_property", N_("auction or sale of property to pay a fine") },
  { "seal_seize", N_("sealing or seizure") },
  { "expropriate_land", N_("expropriation or requisition of houses or land") },
  { "expropriate_property",
    N_("expropriation or requisition of vehicles, facilities or equipment") },
  { "transfer_police", N_("transfer to the police") },
  { "transfer_supervision", N_("transfer to the supervisory commission") },
};

static const Label action_types[] = {
  { "penalty", N_("administrative penalty") },
  { "licence", N_("administrative licence") },
  { "coercion", N_("administrative coercion") },
  { "inspection", N_("administrative inspection") },
  { "expropriation", N_("expropriation or requisition") },
  { "confirmation", N_("administrative confirmation") },
  { "fee", N_("administrative fee") },
  { "benefit", N_("administrative benefit") },
  { "award", N_("administrative award") },
  { "adjudication", N_("administrative adjudication") },
};

static const char *
find (const Label *labels,
      guint        n,
      const char  *code)
{
  if (code == NULL)
    return "?";
  for (guint i = 0; i < n; i++)
    if (strcmp (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}

const char *
jd_label_stage (const char *code)
{
  return find (stages, G_N_ELEMENTS (stages), code);
}

const char *
jd_label_measure (const char *code)
{
  return find (measures, G_N_ELEMENTS (measures), code);
}

const char *
jd_label_action_type (const char *code)
{
  return find (action_types, G_N_ELEMENTS (action_types), code);
}
