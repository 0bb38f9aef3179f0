#include "domain/entities.hpp"

namespace tb::domain {

namespace {

const std::vector<std::string_view> kLevelValues = {"vocational", "bachelor", "master", "doctor"};

}  // namespace

int LevelRank(std::string_view level) {
  for (int i = 0; i < 4; ++i) {
    if (kLevels[i] == level) return i;
  }
  return -1;
}

template <>
const EntityDef<Institution>& Def<Institution>() {
  static const EntityDef<Institution> def = [] {
    using T = Institution;
    EntityDef<T> d{"institutions", "institution", "Institution", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::code, {.name = "code",
                                            .required = true,
                                            .max_length = 20,
                                            .description = "Ministry of Education school code"}));
    d.fields.push_back(MakeField(&T::name, {.name = "name",
                                            .required = true,
                                            .max_length = 200,
                                            .description = "Official name (Chinese)"}));
    d.fields.push_back(MakeField(
        &T::name_en, {.name = "name_en", .max_length = 300, .description = "English name"}));
    d.fields.push_back(MakeField(&T::kind, {.name = "kind",
                                            .enum_values = {"university", "vocational_college"},
                                            .description = "University or vocational college"}));
    d.fields.push_back(MakeField(&T::region_code, {.name = "region_code",
                                                   .format = Format::kRegionCode,
                                                   .required = true,
                                                   .description = "GB/T 2260 region code"}));
    d.fields.push_back(
        MakeField(&T::website, {.name = "website", .format = Format::kUrl, .max_length = 300}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Unit>& Def<Unit>() {
  static const EntityDef<Unit> def = [] {
    using T = Unit;
    EntityDef<T> d{"units", "unit", "Unit", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::institution_id, {.name = "institution_id",
                                                      .required = true,
                                                      .references = "institutions",
                                                      .description = "Institution it belongs to"}));
    d.fields.push_back(MakeField(&T::code, {.name = "code", .max_length = 20}));
    d.fields.push_back(
        MakeField(&T::name, {.name = "name",
                             .required = true,
                             .max_length = 200,
                             .description = "e.g. 汽车学院 (School of Automobile)"}));
    d.fields.push_back(MakeField(&T::name_en, {.name = "name_en", .max_length = 300}));
    d.fields.push_back(MakeField(
        &T::kind, {.name = "kind",
                   .enum_values = {"school", "industrial_college", "other"},
                   .description = "A school of the university, or an industrial college run "
                                  "with enterprises"}));
    d.fields.push_back(
        MakeField(&T::platform_level, {.name = "platform_level",
                                       .enum_values = {"", "provincial", "institution"},
                                       .description = "Level of an industrial college"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Organization>& Def<Organization>() {
  static const EntityDef<Organization> def = [] {
    using T = Organization;
    EntityDef<T> d{"organizations", "organization", "Organization", {IdField<T>()}};
    d.fields.push_back(MakeField(
        &T::kind,
        {.name = "kind",
         .enum_values = {"enterprise", "government", "association", "park", "financial", "other"},
         .description = "Enterprise or another body"}));
    d.fields.push_back(MakeField(&T::name, {.name = "name",
                                            .required = true,
                                            .max_length = 200,
                                            .description = "Registered name (Chinese)"}));
    d.fields.push_back(MakeField(&T::name_en, {.name = "name_en", .max_length = 300}));
    d.fields.push_back(MakeField(
        &T::credit_code,
        {.name = "credit_code",
         .format = Format::kCreditCode,
         .description = "Unified social credit code (GB 32100-2015); required for enterprises"}));
    d.fields.push_back(
        MakeField(&T::ownership, {.name = "ownership",
                                  .enum_values = {"", "state_owned", "private", "foreign", "mixed",
                                                  "collective", "public_institution"}}));
    d.fields.push_back(MakeField(
        &T::size, {.name = "size", .enum_values = {"", "micro", "small", "medium", "large"}}));
    d.fields.push_back(MakeField(&T::industry_code, {.name = "industry_code",
                                                     .format = Format::kIndustryCode,
                                                     .description = "GB/T 4754-2017 code"}));
    d.fields.push_back(MakeField(&T::region_code, {.name = "region_code",
                                                   .format = Format::kRegionCode,
                                                   .description = "GB/T 2260 region code"}));
    d.fields.push_back(MakeField(&T::address, {.name = "address", .max_length = 300}));
    d.fields.push_back(
        MakeField(&T::website, {.name = "website", .format = Format::kUrl, .max_length = 300}));
    d.fields.push_back(MakeField(
        &T::description, {.name = "description", .format = Format::kText, .max_length = 5000}));
    d.fields.push_back(MakeField(&T::tags, {.name = "tags",
                                            .format = Format::kTag,
                                            .description = "e.g. specialized_new, high_tech"}));
    d.fields.push_back(MakeField(
        &T::verified, {.name = "verified", .description = "Checked by an administrator"}));
    d.fields.push_back(
        MakeField(&T::name_key,
                  {.name = "name_key",
                   .read_only = true,
                   .description = "Normalized name under which likely duplicates are found "
                                  "(width, case, spaces, punctuation and legal form ignored)"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Relation>& Def<Relation>() {
  static const EntityDef<Relation> def = [] {
    using T = Relation;
    EntityDef<T> d{"organization_relations", "relation", "Relation", {IdField<T>()}};
    d.fields.push_back(MakeField(
        &T::from_id, {.name = "from_id", .required = true, .references = "organizations"}));
    d.fields.push_back(MakeField(
        &T::kind,
        {.name = "kind",
         .required = true,
         .enum_values = {"supervises", "member_of", "located_in"},
         .description = "from supervises to; from is member_of to; from is located_in to"}));
    d.fields.push_back(
        MakeField(&T::to_id, {.name = "to_id", .required = true, .references = "organizations"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Contact>& Def<Contact>() {
  static const EntityDef<Contact> def = [] {
    using T = Contact;
    EntityDef<T> d{"contacts", "contact", "Contact", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::organization_id, {.name = "organization_id", .references = "organizations"}));
    d.fields.push_back(MakeField(&T::unit_id, {.name = "unit_id", .references = "units"}));
    d.fields.push_back(MakeField(&T::name, {.name = "name", .required = true, .max_length = 100}));
    d.fields.push_back(MakeField(
        &T::title,
        {.name = "title", .max_length = 100, .description = "e.g. 总经理 (general manager)"}));
    d.fields.push_back(MakeField(&T::phone, {.name = "phone", .format = Format::kMobile}));
    d.fields.push_back(MakeField(&T::email, {.name = "email", .format = Format::kEmail}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Student>& Def<Student>() {
  static const EntityDef<Student> def = [] {
    using T = Student;
    EntityDef<T> d{"students", "student", "Student", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::institution_id,
                  {.name = "institution_id", .required = true, .references = "institutions"}));
    d.fields.push_back(
        MakeField(&T::unit_id, {.name = "unit_id", .required = true, .references = "units"}));
    d.fields.push_back(
        MakeField(&T::student_no, {.name = "student_no", .required = true, .max_length = 32}));
    d.fields.push_back(MakeField(&T::name, {.name = "name", .required = true, .max_length = 100}));
    d.fields.push_back(
        MakeField(&T::gender, {.name = "gender", .enum_values = {"", "female", "male"}}));
    d.fields.push_back(MakeField(
        &T::major_code, {.name = "major_code", .format = Format::kMajorCode, .required = true}));
    d.fields.push_back(
        MakeField(&T::level, {.name = "level", .required = true, .enum_values = kLevelValues}));
    d.fields.push_back(MakeField(&T::cohort, {.name = "cohort",
                                              .required = true,
                                              .minimum = 1950,
                                              .maximum = 2100,
                                              .description = "Graduation year"}));
    d.fields.push_back(MakeField(
        &T::phone, {.name = "phone", .format = Format::kMobile, .description = "Personal data"}));
    d.fields.push_back(MakeField(
        &T::id_number,
        {.name = "id_number", .format = Format::kIdNumber, .description = "Personal data"}));
    d.fields.push_back(MakeField(&T::email, {.name = "email", .format = Format::kEmail}));
    d.fields.push_back(MakeField(&T::skills, {.name = "skills"}));
    d.fields.push_back(MakeField(&T::preferred_regions,
                                 {.name = "preferred_regions", .format = Format::kRegionCode}));
    d.fields.push_back(MakeField(&T::preferred_industries, {.name = "preferred_industries",
                                                            .format = Format::kIndustryCode}));
    d.fields.push_back(MakeField(&T::expected_salary_min, {.name = "expected_salary_min",
                                                           .minimum = 0,
                                                           .maximum = 10000000,
                                                           .description = "Yuan per month"}));
    d.fields.push_back(MakeField(&T::expected_salary_max, {.name = "expected_salary_max",
                                                           .minimum = 0,
                                                           .maximum = 10000000,
                                                           .description = "Yuan per month"}));
    d.fields.push_back(MakeField(&T::willing_to_relocate, {.name = "willing_to_relocate"}));
    d.fields.push_back(
        MakeField(&T::resume, {.name = "resume", .format = Format::kText, .max_length = 20000}));
    d.fields.push_back(MakeField(&T::talent_search_consent, {.name = "talent_search_consent"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Post>& Def<Post>() {
  static const EntityDef<Post> def = [] {
    using T = Post;
    EntityDef<T> d{"posts", "post", "Post", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::organization_id,
                  {.name = "organization_id", .required = true, .references = "organizations"}));
    d.fields.push_back(
        MakeField(&T::title, {.name = "title", .required = true, .max_length = 200}));
    d.fields.push_back(MakeField(
        &T::kind, {.name = "kind", .enum_values = {"full_time", "internship", "part_time"}}));
    d.fields.push_back(
        MakeField(&T::headcount, {.name = "headcount", .minimum = 1, .maximum = 100000}));
    d.fields.push_back(MakeField(
        &T::accepted_majors,
        {.name = "accepted_majors",
         .format = Format::kMajorCode,
         .description = "Major codes, 4-digit classes or 2-digit categories; empty = any"}));
    d.fields.push_back(
        MakeField(&T::min_level, {.name = "min_level", .enum_values = kLevelValues}));
    d.fields.push_back(MakeField(&T::required_skills, {.name = "required_skills"}));
    d.fields.push_back(MakeField(&T::preferred_skills, {.name = "preferred_skills"}));
    d.fields.push_back(MakeField(
        &T::region_code, {.name = "region_code", .format = Format::kRegionCode, .required = true}));
    d.fields.push_back(
        MakeField(&T::industry_code, {.name = "industry_code", .format = Format::kIndustryCode}));
    d.fields.push_back(MakeField(&T::salary_min, {.name = "salary_min",
                                                  .minimum = 0,
                                                  .maximum = 10000000,
                                                  .description = "Yuan per month"}));
    d.fields.push_back(MakeField(&T::salary_max, {.name = "salary_max",
                                                  .minimum = 0,
                                                  .maximum = 10000000,
                                                  .description = "Yuan per month"}));
    d.fields.push_back(MakeField(
        &T::description, {.name = "description", .format = Format::kText, .max_length = 20000}));
    d.fields.push_back(MakeField(&T::open_date, {.name = "open_date", .format = Format::kDate}));
    d.fields.push_back(MakeField(&T::close_date, {.name = "close_date", .format = Format::kDate}));
    d.fields.push_back(
        MakeField(&T::status, {.name = "status", .enum_values = {"draft", "open", "closed"}}));
    d.fields.push_back(MakeField(
        &T::source_activity_id,
        {.name = "source_activity_id", .description = "The visit or event the post came from"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

}  // namespace tb::domain
