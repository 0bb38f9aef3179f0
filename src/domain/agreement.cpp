#include "domain/agreement.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace tb::domain {

namespace {

const std::vector<std::string_view> kKindValues(std::begin(kAgreementKinds),
                                                std::end(kAgreementKinds));
const std::vector<std::string_view> kStateValues(std::begin(kAgreementStates),
                                                 std::end(kAgreementStates));
const std::vector<std::string_view> kScopeValues = {
    "employment",        "internship",
    "training",          "joint_training",
    "research_platform", "achievement_transformation",
    "entrepreneurship",  "other"};
const std::vector<std::string_view> kModeValues = {
    "order_class",   "industrial_college",    "modern_apprenticeship",
    "practice_base", "professor_workstation", "joint_lab",
    "other"};

FieldSpec Quota(std::string_view name, std::string_view description) {
  return {.name = name, .minimum = 0, .maximum = 1000000, .description = description};
}

}  // namespace

std::vector<std::string_view> AllowedTransitions(std::string_view from) {
  if (from == "draft") return {"signed"};
  if (from == "signed") return {"active", "terminated"};
  if (from == "active") return {"expiring", "expired", "renewed", "terminated"};
  if (from == "expiring") return {"expired", "renewed", "terminated"};
  return {};
}

bool CanTransition(std::string_view from, std::string_view to) {
  auto allowed = AllowedTransitions(from);
  return std::find(allowed.begin(), allowed.end(), to) != allowed.end();
}

bool InForce(std::string_view status) {
  return status == "signed" || status == "active" || status == "expiring";
}

template <>
const EntityDef<Agreement>& Def<Agreement>() {
  static const EntityDef<Agreement> def = [] {
    using T = Agreement;
    EntityDef<T> d{"agreements", "agreement", "Agreement", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::institution_id, {.name = "institution_id",
                                       .required = true,
                                       .references = "institutions",
                                       .description = "The institution that is a party"}));
    d.fields.push_back(
        MakeField(&T::unit_id,
                  {.name = "unit_id",
                   .references = "units",
                   .description = "The signing unit of the institution (null: the institution)"}));
    d.fields.push_back(MakeField(
        &T::organization_id,
        {.name = "organization_id",
         .required = true,
         .references = "organizations",
         .description = "The main counterpart; further parties under /agreements/{id}/parties"}));
    d.fields.push_back(
        MakeField(&T::kind, {.name = "kind",
                             .required = true,
                             .enum_values = kKindValues,
                             .description = "What kind of cooperation (DESIGN §3)"}));
    d.fields.push_back(MakeField(
        &T::level, {.name = "level",
                    .enum_values = {"", "provincial", "institution"},
                    .description = "Level of an industrial college: provincial | institution"}));
    d.fields.push_back(MakeField(&T::title, {.name = "title",
                                             .required = true,
                                             .max_length = 300,
                                             .description = "e.g. 校企合作框架协议"}));
    d.fields.push_back(MakeField(
        &T::scopes, {.name = "scopes",
                     .enum_values = kScopeValues,
                     .description = "Agreed areas: employment, internship, training, "
                                    "joint_training, research_platform, "
                                    "achievement_transformation, entrepreneurship, other"}));
    d.fields.push_back(MakeField(
        &T::modes, {.name = "modes",
                    .enum_values = kModeValues,
                    .description = "Modes of cooperation: order_class, industrial_college, "
                                   "modern_apprenticeship, practice_base, professor_workstation, "
                                   "joint_lab, other"}));
    d.fields.push_back(MakeField(&T::intern_quota, Quota("intern_quota", "Interns per year")));
    d.fields.push_back(
        MakeField(&T::hire_quota, Quota("hire_quota", "Graduates to be hired per year")));
    d.fields.push_back(
        MakeField(&T::place_quota,
                  Quota("place_quota", "Seats of an order class or places of a workstation")));
    d.fields.push_back(MakeField(
        &T::start_date,
        {.name = "start_date", .format = Format::kDate, .description = "First day in force"}));
    d.fields.push_back(MakeField(
        &T::end_date,
        {.name = "end_date", .format = Format::kDate, .description = "Last day in force"}));
    d.fields.push_back(MakeField(
        &T::signed_on,
        {.name = "signed_on", .format = Format::kDate, .description = "When it was signed"}));
    d.fields.push_back(
        MakeField(&T::signed_activity_id, {.name = "signed_activity_id",
                                           .references = "activities",
                                           .description = "The activity where it was signed"}));
    d.fields.push_back(MakeField(
        &T::status,
        {.name = "status",
         .read_only = true,
         .enum_values = kStateValues,
         .description = "draft → signed → active → expiring → expired | renewed | terminated; "
                        "changed only through POST /agreements/{id}/transitions"}));
    d.fields.push_back(
        MakeField(&T::notes, {.name = "notes", .format = Format::kText, .max_length = 20000}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<AgreementParty>& Def<AgreementParty>() {
  static const EntityDef<AgreementParty> def = [] {
    using T = AgreementParty;
    EntityDef<T> d{"agreement_parties", "agreement party", "AgreementParty", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::agreement_id, {.name = "agreement_id",
                                                    .required = true,
                                                    .references = "agreements",
                                                    .description = "Set from the path"}));
    d.fields.push_back(
        MakeField(&T::organization_id,
                  {.name = "organization_id",
                   .references = "organizations",
                   .description = "A further organization that is a party (or give unit_id)"}));
    d.fields.push_back(MakeField(
        &T::unit_id, {.name = "unit_id",
                      .references = "units",
                      .description = "A further unit of the institution that is a party"}));
    d.fields.push_back(MakeField(&T::role, {.name = "role",
                                            .enum_values = {"party", "guarantor", "witness"},
                                            .description = "What part it plays"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<AgreementTransition>& Def<AgreementTransition>() {
  static const EntityDef<AgreementTransition> def = [] {
    using T = AgreementTransition;
    EntityDef<T> d{
        "agreement_transitions", "agreement transition", "AgreementTransition", {IdField<T>()}};
    d.fields.push_back(MakeField(
        &T::agreement_id, {.name = "agreement_id", .required = true, .references = "agreements"}));
    d.fields.push_back(MakeField(
        &T::from_status, {.name = "from_status", .required = true, .enum_values = kStateValues}));
    d.fields.push_back(MakeField(
        &T::to_status, {.name = "to_status", .required = true, .enum_values = kStateValues}));
    d.fields.push_back(MakeField(&T::actor_user_id,
                                 {.name = "actor_user_id", .description = "The user who made it"}));
    d.fields.push_back(MakeField(
        &T::actor,
        {.name = "actor", .max_length = 200, .description = "The user's e-mail at the time"}));
    d.fields.push_back(
        MakeField(&T::note, {.name = "note", .format = Format::kText, .max_length = 2000}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<AgreementDocument>& Def<AgreementDocument>() {
  static const EntityDef<AgreementDocument> def = [] {
    using T = AgreementDocument;
    EntityDef<T> d{
        "agreement_documents", "agreement document", "AgreementDocument", {IdField<T>()}};
    d.fields.push_back(MakeField(
        &T::agreement_id, {.name = "agreement_id", .required = true, .references = "agreements"}));
    d.fields.push_back(
        MakeField(&T::filename, {.name = "filename", .required = true, .max_length = 200}));
    d.fields.push_back(MakeField(&T::content_type, {.name = "content_type", .required = true}));
    d.fields.push_back(MakeField(&T::size_bytes, {.name = "size_bytes", .minimum = 1}));
    d.fields.push_back(
        MakeField(&T::sha256, {.name = "sha256", .description = "SHA-256 of the bytes, hex"}));
    d.fields.push_back(MakeField(
        &T::storage_key,
        {.name = "storage_key", .description = "Where the bytes are, under the files directory"}));
    d.fields.push_back(MakeField(
        &T::uploaded_by, {.name = "uploaded_by", .description = "The user who uploaded it"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

std::vector<FieldError> Validate(const Agreement& v) {
  auto out = ValidateFields(v);
  if (v.kind == "industrial_college" && v.level.empty()) {
    out.push_back({"level", "is required for an industrial college: provincial or institution"});
  }
  if (v.kind != "industrial_college" && !v.level.empty()) {
    out.push_back({"level", "applies to industrial colleges only"});
  }
  if (out.empty() && v.start_date && v.end_date && *v.end_date < *v.start_date) {
    out.push_back({"end_date", "must not be before start_date (" + *v.start_date + ")"});
  }
  return out;
}

std::vector<FieldError> Validate(const AgreementParty& v) {
  auto out = ValidateFields(v);
  if (v.organization_id.has_value() == v.unit_id.has_value()) {
    out.push_back({"organization_id", "exactly one of organization_id and unit_id must be given"});
  }
  return out;
}

std::vector<FieldError> Validate(const AgreementTransition& v) { return ValidateFields(v); }
std::vector<FieldError> Validate(const AgreementDocument& v) { return ValidateFields(v); }

}  // namespace tb::domain
