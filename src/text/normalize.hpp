#pragma once
// Text normalization for comparing names: Unicode NFKC (full-width letters, digits and
// punctuation become half-width), case folding, and removal of spaces and punctuation.
// Thread-safe (ICU normalizer instances are immutable singletons).

#include <string>
#include <string_view>

namespace tb::text {

// NFKC + case fold + drop whitespace and punctuation. "ＡＢＣ 科技（沈阳）" -> "abc科技沈阳".
std::string NormalizeForMatch(std::string_view utf8);

// NormalizeForMatch, then without the legal-form suffix, so that "锦州港股份有限公司",
// "锦州港有限公司", "锦州港有限责任公司" and "Jinzhou Port Co., Ltd" compare by their
// distinctive part. Used to flag likely duplicate organizations.
std::string NormalizeOrganizationName(std::string_view utf8);

}  // namespace tb::text
