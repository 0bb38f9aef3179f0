#include "domain/validation.hpp"

#include <algorithm>
#include <string>

#include "core/validate.hpp"
#include "domain/agreement.hpp"

namespace tb::domain {

namespace {

core::Problem CheckTag(std::string_view tag) {
  if (tag.empty()) return "must not be empty";
  if (tag.size() > 40) return "must be at most 40 characters";
  for (char c : tag) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return "may contain only lower-case letters, digits and '_', got '" + std::string(tag) + "'";
    }
  }
  return std::nullopt;
}

core::Problem CheckUrl(std::string_view url) {
  if (url.empty()) return std::nullopt;
  if (!(url.starts_with("http://") || url.starts_with("https://"))) {
    return "must start with http:// or https://";
  }
  return std::nullopt;
}

// A major in a post's accepted list may also be a whole class (4 digits) or category (2 digits).
core::Problem CheckAcceptedMajor(std::string_view code) {
  bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && (code.size() == 2 || code.size() == 4)) return std::nullopt;
  return core::CheckMajorCode(code);
}

core::Problem CheckFormat(Format format, std::string_view v, bool accepted_major_list) {
  switch (format) {
    case Format::kPlain:
    case Format::kText:
      return std::nullopt;
    case Format::kDate:
      return core::CheckDate(v);
    case Format::kTimestamp:
      return core::CheckTimestamp(v);
    case Format::kEmail:
      return core::CheckEmail(v);
    case Format::kMobile:
      return core::CheckMobile(v);
    case Format::kIdNumber:
      return core::CheckIdNumber(v);
    case Format::kCreditCode:
      return core::CheckCreditCode(v);
    case Format::kRegionCode:
      return core::CheckRegionCode(v);
    case Format::kIndustryCode:
      return core::CheckIndustryCode(v);
    case Format::kMajorCode:
      return accepted_major_list ? CheckAcceptedMajor(v) : core::CheckMajorCode(v);
    case Format::kTag:
      return CheckTag(v);
    case Format::kUrl:
      return CheckUrl(v);
  }
  return std::nullopt;
}

void CheckString(const FieldSpec& spec, const std::string& field, std::string_view v, bool in_list,
                 std::vector<FieldError>& out) {
  if (!IsValidUtf8(v)) {
    out.push_back({field, "is not valid UTF-8"});
    return;
  }
  if (spec.max_length > 0 && Utf8Length(v) > spec.max_length) {
    out.push_back({field, "must be at most " + std::to_string(spec.max_length) +
                              " characters, got " + std::to_string(Utf8Length(v))});
    return;
  }
  if (!spec.enum_values.empty() &&
      std::find(spec.enum_values.begin(), spec.enum_values.end(), v) == spec.enum_values.end()) {
    std::string allowed;
    for (auto e : spec.enum_values) {
      if (e.empty()) continue;
      if (!allowed.empty()) allowed += ", ";
      allowed += e;
    }
    out.push_back({field, "must be one of " + allowed + "; got '" + std::string(v) + "'"});
    return;
  }
  if (v.empty() && spec.format != Format::kTag) {
    if (spec.required) out.push_back({field, "is required"});
    return;
  }
  if (auto p = CheckFormat(spec.format, v, in_list && spec.name == "accepted_majors")) {
    out.push_back({field, *p});
  }
}

void Require(bool ok, std::string field, std::string message, std::vector<FieldError>& out) {
  if (!ok) out.push_back({std::move(field), std::move(message)});
}

void CheckRange(const std::optional<std::int64_t>& lo, const std::optional<std::int64_t>& hi,
                const char* hi_field, std::vector<FieldError>& out) {
  if (lo && hi && *lo > *hi) {
    out.push_back({hi_field, "must not be less than the minimum (" + std::to_string(*lo) + ")"});
  }
}

}  // namespace

std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

template <class T>
std::vector<FieldError> ValidateFields(const T& value) {
  std::vector<FieldError> out;
  for (const auto& f : Def<T>().fields) {
    const FieldSpec& spec = f.spec;
    if (spec.read_only) continue;
    Value v = f.get(value);
    std::string name(spec.name);
    if (auto* s = std::get_if<std::string>(&v)) {
      CheckString(spec, name, *s, false, out);
    } else if (auto* i = std::get_if<std::int64_t>(&v)) {
      if (spec.minimum && *i < *spec.minimum) {
        out.push_back({name, "must be at least " + std::to_string(*spec.minimum) + ", got " +
                                 std::to_string(*i)});
      } else if (spec.maximum && *i > *spec.maximum) {
        out.push_back({name, "must be at most " + std::to_string(*spec.maximum) + ", got " +
                                 std::to_string(*i)});
      } else if (spec.required && !spec.references.empty() && *i <= 0) {
        out.push_back({name, "is required"});
      }
    } else if (auto* list = std::get_if<std::vector<std::string>>(&v)) {
      if (list->size() > 200) out.push_back({name, "must have at most 200 items"});
      for (std::size_t k = 0; k < list->size() && k < 200; ++k) {
        FieldSpec item = spec;
        item.required = true;
        if (item.max_length == 0) item.max_length = 100;
        CheckString(item, name + "/" + std::to_string(k), (*list)[k], true, out);
      }
    } else if (std::holds_alternative<std::monostate>(v) && spec.required) {
      out.push_back({name, "is required"});
    }
  }
  return out;
}

template std::vector<FieldError> ValidateFields(const Institution&);
template std::vector<FieldError> ValidateFields(const Unit&);
template std::vector<FieldError> ValidateFields(const Organization&);
template std::vector<FieldError> ValidateFields(const Relation&);
template std::vector<FieldError> ValidateFields(const Contact&);
template std::vector<FieldError> ValidateFields(const Student&);
template std::vector<FieldError> ValidateFields(const Post&);
template std::vector<FieldError> ValidateFields(const Agreement&);
template std::vector<FieldError> ValidateFields(const AgreementParty&);
template std::vector<FieldError> ValidateFields(const AgreementTransition&);
template std::vector<FieldError> ValidateFields(const AgreementDocument&);

namespace {

void NormalizePhone(std::optional<std::string>& phone) {
  if (phone && phone->empty()) phone.reset();
  if (phone && !core::CheckMobile(*phone)) *phone = core::NormalizeMobile(*phone);
}

}  // namespace

void Normalize(Student& v) {
  NormalizePhone(v.phone);
  if (v.email && v.email->empty()) v.email.reset();
  if (v.id_number && v.id_number->empty()) v.id_number.reset();
}

void Normalize(Contact& v) {
  NormalizePhone(v.phone);
  if (v.email && v.email->empty()) v.email.reset();
}

std::vector<FieldError> Validate(const Institution& v) { return ValidateFields(v); }
std::vector<FieldError> Validate(const Unit& v) { return ValidateFields(v); }

std::vector<FieldError> Validate(const Organization& v) {
  auto out = ValidateFields(v);
  Require(v.kind != "enterprise" || (v.credit_code && !v.credit_code->empty()), "credit_code",
          "is required for an enterprise", out);
  return out;
}

std::vector<FieldError> Validate(const Relation& v) {
  auto out = ValidateFields(v);
  Require(v.from_id != v.to_id, "to_id", "must differ from from_id", out);
  return out;
}

std::vector<FieldError> Validate(const Contact& v) {
  auto out = ValidateFields(v);
  Require(v.organization_id.has_value() != v.unit_id.has_value(), "organization_id",
          "exactly one of organization_id and unit_id must be given", out);
  return out;
}

std::vector<FieldError> Validate(const Student& v) {
  auto out = ValidateFields(v);
  CheckRange(v.expected_salary_min, v.expected_salary_max, "expected_salary_max", out);
  return out;
}

std::vector<FieldError> Validate(const Post& v) {
  auto out = ValidateFields(v);
  CheckRange(v.salary_min, v.salary_max, "salary_max", out);
  if (v.open_date && v.close_date && !core::CheckDate(*v.open_date) &&
      !core::CheckDate(*v.close_date) && *v.close_date < *v.open_date) {
    out.push_back({"close_date", "must not be before open_date (" + *v.open_date + ")"});
  }
  return out;
}

}  // namespace tb::domain
