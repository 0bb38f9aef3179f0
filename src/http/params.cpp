#include "http/params.hpp"

#include <charconv>

namespace tb::http {

namespace {

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string B64Encode(const std::string& in) {
  std::string out;
  unsigned val = 0;
  int bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(kB64[(val >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(kB64[((val << 8) >> (bits + 8)) & 0x3F]);
  return out;
}

std::optional<std::string> B64Decode(const std::string& in) {
  std::string out;
  unsigned val = 0;
  int bits = -8;
  for (char c : in) {
    const char* p = std::char_traits<char>::find(kB64, 64, c);
    if (!p) return std::nullopt;
    val = (val << 6) + static_cast<unsigned>(p - kB64);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::optional<std::int64_t> ToInt(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::string> QueryReader::String(const std::string& name, std::size_t max_length) {
  auto v = req_.Query(name);
  if (!v) return std::nullopt;
  if (v->size() > max_length) {
    AddError(name, "must be at most " + std::to_string(max_length) + " bytes");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> QueryReader::Enum(const std::string& name,
                                             const std::vector<std::string>& allowed) {
  auto v = req_.Query(name);
  if (!v) return std::nullopt;
  for (const auto& a : allowed) {
    if (a == *v) return v;
  }
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  AddError(name, "must be one of " + list + "; got '" + *v + "'");
  return std::nullopt;
}

std::optional<std::int64_t> QueryReader::Int(const std::string& name, std::int64_t min,
                                             std::int64_t max) {
  auto v = req_.Query(name);
  if (!v) return std::nullopt;
  auto i = ToInt(*v);
  if (!i) {
    AddError(name, "must be an integer, got '" + v->substr(0, 40) + "'");
    return std::nullopt;
  }
  if (*i < min || *i > max) {
    AddError(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                       ", got " + *v);
    return std::nullopt;
  }
  return i;
}

std::optional<bool> QueryReader::Bool(const std::string& name) {
  auto v = req_.Query(name);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  AddError(name, "must be true or false, got '" + v->substr(0, 40) + "'");
  return std::nullopt;
}

std::optional<std::string> QueryReader::Code(
    const std::string& name, std::optional<std::string> (*check)(std::string_view)) {
  auto v = req_.Query(name);
  if (!v) return std::nullopt;
  if (auto problem = check(*v)) {
    AddError(name, *problem);
    return std::nullopt;
  }
  return v;
}

int QueryReader::Limit() { return static_cast<int>(Int("limit", 1, 200).value_or(50)); }

domain::Id QueryReader::IdCursor() {
  auto v = req_.Query("cursor");
  if (!v || v->empty()) return 0;
  auto decoded = B64Decode(*v);
  if (decoded && decoded->size() > 1 && (*decoded)[0] == 'i') {
    if (auto id = ToInt(decoded->substr(1)); id && *id >= 0) return *id;
  }
  AddError("cursor", "is not a cursor returned by this list (pass next_cursor unchanged)");
  return 0;
}

std::string QueryReader::CodeCursor() {
  auto v = req_.Query("cursor");
  if (!v || v->empty()) return "";
  auto decoded = B64Decode(*v);
  if (decoded && decoded->size() > 1 && (*decoded)[0] == 'c') return decoded->substr(1);
  AddError("cursor", "is not a cursor returned by this list (pass next_cursor unchanged)");
  return "";
}

std::string EncodeIdCursor(domain::Id after) { return B64Encode("i" + std::to_string(after)); }
std::string EncodeCodeCursor(const std::string& after) { return B64Encode("c" + after); }

std::optional<domain::Id> ParseId(const std::string& segment) {
  auto v = ToInt(segment);
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

}  // namespace tb::http
