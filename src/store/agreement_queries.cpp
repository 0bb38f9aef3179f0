#include "store/agreement_queries.hpp"

#include "store/recruitment.hpp"

namespace tb::store {

namespace {

constexpr const char* kIsParty =
    "organization_id = ? OR id IN (SELECT agreement_id FROM agreement_parties WHERE "
    "organization_id = ?)";

}  // namespace

Where ToWhere(const AgreementFilter& f) {
  Where w;
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  if (f.unit_id) w.And("unit_id = ?", {P(*f.unit_id)});
  if (f.organization_id) w.And(kIsParty, {P(*f.organization_id), P(*f.organization_id)});
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  if (f.status) w.And("status = ?", {P(*f.status)});
  if (f.signed_activity_id) w.And("signed_activity_id = ?", {P(*f.signed_activity_id)});
  if (f.ending_from || f.ending_to) {
    w.And("status IN ('signed', 'active', 'expiring') AND end_date IS NOT NULL");
    if (f.ending_from) w.And("end_date >= ?", {P(*f.ending_from)});
    if (f.ending_to) w.And("end_date <= ?", {P(*f.ending_to)});
  }
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_organization_id) {
    w.And(kIsParty, {P(*f.scope_organization_id), P(*f.scope_organization_id)});
  }
  return w;
}

Where ToWhere(const AgreementPartyFilter& f) {
  Where w;
  if (f.agreement_id) w.And("agreement_id = ?", {P(*f.agreement_id)});
  return w;
}

Where ToWhere(const AgreementTransitionFilter& f) {
  Where w;
  if (f.agreement_id) w.And("agreement_id = ?", {P(*f.agreement_id)});
  return w;
}

Where ToWhere(const AgreementDocumentFilter& f) {
  Where w;
  if (f.agreement_id) w.And("agreement_id = ?", {P(*f.agreement_id)});
  return w;
}

std::vector<domain::Agreement> AgreementsDueForSweep(Tx& tx, const std::string& today,
                                                     const std::string& expiring_until) {
  Where w;
  w.And(
      "end_date IS NOT NULL AND ((status = 'active' AND end_date <= ?) OR "
      "(status = 'expiring' AND end_date < ?))",
      {P(expiring_until), P(today)});
  std::vector<domain::Agreement> out;
  PageRequest page{0, 500};
  for (;;) {
    auto p = Repository<domain::Agreement>::List(tx, w, page);
    out.insert(out.end(), p.items.begin(), p.items.end());
    if (!p.next_after) return out;
    page.after = *p.next_after;
  }
}

bool LockAgreementInState(Tx& tx, domain::Id id, std::string_view status) {
  return tx.Exec("UPDATE agreements SET status = status WHERE id = ? AND status = ?",
                 {P(id), P(std::string(status))}) == 1;
}

bool IsPartyOf(Tx& tx, domain::Id agreement_id, domain::Id organization_id) {
  return tx.QueryInt(
               std::string("SELECT COUNT(*) FROM agreements WHERE id = ? AND (") + kIsParty + ")",
               {P(agreement_id), P(organization_id), P(organization_id)})
             .value_or(0) > 0;
}

Fulfilment AgreementFulfilment(Tx& tx, const domain::Agreement& agreement) {
  // The agreement's validity, or from its signing on, or all time when it has neither.
  std::string from = agreement.start_date.value_or(agreement.signed_on.value_or("0001-01-01"));
  std::string to = agreement.end_date.value_or("9999-12-31");
  std::vector<domain::Id> organizations{agreement.organization_id};
  for (const Row& row :
       tx.Query("SELECT organization_id FROM agreement_parties WHERE agreement_id = ? AND "
                "organization_id IS NOT NULL ORDER BY organization_id",
                {P(agreement.id)})) {
    if (row.Int(0) != agreement.organization_id) organizations.push_back(row.Int(0));
  }
  Fulfilment out;
  for (domain::Id organization : organizations) {
    PlacementCounts counts = CountPlacements(tx, agreement.institution_id, organization, from, to);
    out.interns_received += counts.interns;
    out.hires += counts.hires;
  }
  out.source.zh = "本院校学生在 " + from + " 至 " + to +
                  " 期间投向协议单位的申请和已核验的去向：实习 = 达到意向、录用或签约的实习申请或"
                  "实习意向；录用 = 已签约的全职申请，以及已核验的签订合同或其他形式就业的去向";
  out.source.en =
      "applications and verified destinations of the institution's students at the agreement's "
      "organizations between " +
      from + " and " + to +
      ": interns = internship applications or internship intentions that reached intention, offer "
      "or "
      "signed; hires = "
      "signed full-time applications and verified contract or other employment destinations";
  return out;
}

template <>
void DeleteDependents<domain::Agreement>(Tx& tx, domain::Id id) {
  for (const Row& row :
       tx.Query("SELECT id FROM agreement_parties WHERE agreement_id = ?", {P(id)})) {
    (void)Repository<domain::AgreementParty>::Delete(tx, row.Int(0));
  }
  for (const Row& row :
       tx.Query("SELECT id FROM agreement_transitions WHERE agreement_id = ?", {P(id)})) {
    (void)Repository<domain::AgreementTransition>::Delete(tx, row.Int(0));
  }
  for (const Row& row :
       tx.Query("SELECT id FROM agreement_documents WHERE agreement_id = ?", {P(id)})) {
    (void)Repository<domain::AgreementDocument>::Delete(tx, row.Int(0));
  }
}

}  // namespace tb::store
