#include "service/entity_service.hpp"

#include "service/post_skills.hpp"
#include "text/normalize.hpp"

namespace tb::service {

namespace {

using store::P;

void RequireRegion(store::Tx& tx, const std::string& field, const std::string& code,
                   std::vector<FieldError>& out) {
  if (!code.empty() && !store::GetRegion(tx, code)) {
    out.push_back({field, "region code " + code +
                              " is not in the GB/T 2260 list loaded in this database (load the "
                              "full list with `talentbridge import regions`)"});
  }
}

void RequireIndustry(store::Tx& tx, const std::string& field, const std::string& code,
                     std::vector<FieldError>& out) {
  if (!code.empty() && !store::GetIndustry(tx, code)) {
    out.push_back({field, "industry code " + code +
                              " is not in the GB/T 4754-2017 list loaded in this database"});
  }
}

void RequireMajor(store::Tx& tx, const std::string& field, const std::string& code,
                  std::vector<FieldError>& out) {
  if (code.empty()) return;
  bool known = false;
  if (code.size() == 2) {
    store::MajorFilter f;
    f.category_code = code;
    known = !store::ListMajors(tx, f, "", 1).items.empty();
  } else if (code.size() == 4) {
    store::MajorFilter f;
    f.class_code = code;
    known = !store::ListMajors(tx, f, "", 1).items.empty();
  } else {
    known = store::GetMajor(tx, code).has_value();
  }
  if (!known) {
    out.push_back(
        {field, "major code " + code + " is not in the major catalog loaded in this database"});
  }
}

template <class T>
void RequireRow(store::Tx& tx, const std::string& field, std::optional<domain::Id> id,
                std::vector<FieldError>& out) {
  if (id && !store::Repository<T>::Exists(tx, *id)) {
    out.push_back({field, std::string(domain::Def<T>().singular) + " " + std::to_string(*id) +
                              " does not exist"});
  }
}

void RequireList(store::Tx& tx, const std::string& field, const std::vector<std::string>& codes,
                 void (*check)(store::Tx&, const std::string&, const std::string&,
                               std::vector<FieldError>&),
                 std::vector<FieldError>& out) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    check(tx, field + "/" + std::to_string(i), codes[i], out);
  }
}

// A conflict when another row of T matches `where` (a unique key), naming that row.
template <class T>
Status UniqueBy(store::Tx& tx, const T& v, store::Where where, const std::string& field,
                const std::string& what) {
  auto other = store::FindOther(tx, domain::Def<T>().table, where, v.id);
  if (!other) return {};
  std::string existing = std::string(domain::Def<T>().singular) + " " + std::to_string(*other);
  return Error::Conflict(existing + " already has this " + what,
                         {{field, "already used by " + existing}});
}

}  // namespace

void Prepare(domain::Organization& v) { v.name_key = text::NormalizeOrganizationName(v.name); }

void WriteDerived(store::Tx& tx, const domain::Post& v) { WritePostSkills(tx, v); }
void DeleteDerived(store::Tx& tx, const domain::Post& v) { DeletePostSkills(tx, v.id); }

Result<std::int64_t> BackfillOrganizationNameKeys(store::Database& db) {
  return db.Write([](store::Tx& tx) -> Result<std::int64_t> {
    std::int64_t updated = 0;
    for (const auto& [id, name] : store::OrganizationsWithoutNameKey(tx)) {
      store::SetOrganizationNameKey(tx, id, text::NormalizeOrganizationName(name));
      ++updated;
    }
    return updated;
  });
}

void CheckReferences(store::Tx& tx, const domain::Institution& v, std::vector<FieldError>& out) {
  RequireRegion(tx, "region_code", v.region_code, out);
}

void CheckReferences(store::Tx& tx, const domain::Unit& v, std::vector<FieldError>& out) {
  RequireRow<domain::Institution>(tx, "institution_id", v.institution_id, out);
}

void CheckReferences(store::Tx& tx, const domain::Organization& v, std::vector<FieldError>& out) {
  RequireRegion(tx, "region_code", v.region_code.value_or(""), out);
  RequireIndustry(tx, "industry_code", v.industry_code.value_or(""), out);
}

void CheckReferences(store::Tx& tx, const domain::Relation& v, std::vector<FieldError>& out) {
  RequireRow<domain::Organization>(tx, "from_id", v.from_id, out);
  RequireRow<domain::Organization>(tx, "to_id", v.to_id, out);
}

void CheckReferences(store::Tx& tx, const domain::Contact& v, std::vector<FieldError>& out) {
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  RequireRow<domain::Unit>(tx, "unit_id", v.unit_id, out);
}

void CheckReferences(store::Tx& tx, const domain::Student& v, std::vector<FieldError>& out) {
  RequireRow<domain::Institution>(tx, "institution_id", v.institution_id, out);
  auto unit = store::Repository<domain::Unit>::Get(tx, v.unit_id);
  if (!unit.ok()) {
    out.push_back({"unit_id", "unit " + std::to_string(v.unit_id) + " does not exist"});
  } else if (unit->institution_id != v.institution_id) {
    out.push_back({"unit_id", "unit " + std::to_string(v.unit_id) + " belongs to institution " +
                                  std::to_string(unit->institution_id) + ", not " +
                                  std::to_string(v.institution_id)});
  }
  RequireMajor(tx, "major_code", v.major_code, out);
  RequireList(tx, "preferred_regions", v.preferred_regions, RequireRegion, out);
  RequireList(tx, "preferred_industries", v.preferred_industries, RequireIndustry, out);
}

void CheckReferences(store::Tx& tx, const domain::Post& v, std::vector<FieldError>& out) {
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  RequireRegion(tx, "region_code", v.region_code, out);
  RequireIndustry(tx, "industry_code", v.industry_code.value_or(""), out);
  RequireList(tx, "accepted_majors", v.accepted_majors, RequireMajor, out);
}

Status CheckUnique(store::Tx& tx, const domain::Institution& v) {
  return UniqueBy(tx, v, store::Where().And("code = ?", {P(v.code)}), "code", "school code");
}

Status CheckUnique(store::Tx& tx, const domain::Unit& v) {
  return UniqueBy(
      tx, v,
      store::Where().And("institution_id = ? AND name = ?", {P(v.institution_id), P(v.name)}),
      "name", "name in this institution");
}

Status CheckUnique(store::Tx& tx, const domain::Organization& v) {
  if (!v.credit_code || v.credit_code->empty()) return {};
  auto existing_org = store::FindOrganizationByCreditCode(tx, *v.credit_code);
  if (!existing_org || existing_org->id == v.id) return {};
  std::string existing =
      "organization " + std::to_string(existing_org->id) + " (" + existing_org->name + ")";
  return Error::Conflict("credit code " + *v.credit_code + " is already registered to " + existing,
                         {{"credit_code", "already registered to " + existing}});
}

Status CheckUnique(store::Tx& tx, const domain::Relation& v) {
  return UniqueBy(tx, v,
                  store::Where().And("from_id = ? AND kind = ? AND to_id = ?",
                                     {P(v.from_id), P(v.kind), P(v.to_id)}),
                  "to_id", "relation");
}

Status CheckUnique(store::Tx&, const domain::Contact&) { return {}; }

Status CheckUnique(store::Tx& tx, const domain::Student& v) {
  return UniqueBy(tx, v,
                  store::Where().And("institution_id = ? AND student_no = ?",
                                     {P(v.institution_id), P(v.student_no)}),
                  "student_no", "student number in this institution");
}

Status CheckUnique(store::Tx&, const domain::Post&) { return {}; }

}  // namespace tb::service
