#include "core/messages.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <vector>

namespace tb::core {

namespace {

// A catalog template cut at its placeholders: n placeholders, n + 1 literal pieces.
struct Compiled {
  std::vector<std::string_view> pieces;
  std::size_t literal_size = 0;
  std::string_view zh;
  std::vector<bool> quoted;  // per placeholder: written '{}', a value kept as typed
};

std::vector<std::string_view> Cut(std::string_view tmpl) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t at = tmpl.find("{}"); at != std::string_view::npos;
       at = tmpl.find("{}", start)) {
    pieces.push_back(tmpl.substr(start, at - start));
    start = at + 2;
  }
  pieces.push_back(tmpl.substr(start));
  return pieces;
}

const std::vector<Compiled>& Compiled_() {
  static const std::vector<Compiled> compiled = [] {
    std::vector<Compiled> out;
    for (const auto& e : MessageCatalog()) {
      Compiled c{Cut(e.en), 0, e.zh};
      for (auto p : c.pieces) c.literal_size += p.size();
      for (std::size_t k = 0; k + 1 < c.pieces.size(); ++k) {
        c.quoted.push_back(c.pieces[k].ends_with('\'') && c.pieces[k + 1].starts_with('\''));
      }
      if (c.literal_size > 0) out.push_back(std::move(c));
    }
    return out;
  }();
  return compiled;
}

// Matches `s` from `pos` against pieces[k..] (a placeholder stands before each of them),
// trying the shortest capture first and backtracking.
bool MatchFrom(std::string_view s, std::size_t pos, const std::vector<std::string_view>& pieces,
               std::size_t k, std::vector<std::string_view>& caps) {
  if (k == pieces.size()) return pos == s.size();
  std::string_view piece = pieces[k];
  if (k + 1 == pieces.size()) {  // the last piece ends the message
    if (s.size() < pos + piece.size() || !s.ends_with(piece)) return false;
    caps.push_back(s.substr(pos, s.size() - piece.size() - pos));
    return true;
  }
  for (std::size_t at = s.find(piece, pos); at != std::string_view::npos;
       at = s.find(piece, at + 1)) {
    caps.push_back(s.substr(pos, at - pos));
    if (MatchFrom(s, at + piece.size(), pieces, k + 1, caps)) return true;
    caps.pop_back();
    if (piece.empty()) break;
  }
  return false;
}

std::optional<std::vector<std::string_view>> Match(std::string_view s, const Compiled& c) {
  if (!s.starts_with(c.pieces[0])) return std::nullopt;
  std::vector<std::string_view> caps;
  if (c.pieces.size() == 1) {
    if (s.size() != c.pieces[0].size()) return std::nullopt;
    return caps;
  }
  if (!MatchFrom(s, c.pieces[0].size(), c.pieces, 1, caps)) return std::nullopt;
  return caps;
}

// Whether the first / last character is a CJK ideograph or full-width punctuation (U+2E80 and
// up, three bytes in UTF-8 starting E2 BA.. to EF).
bool WideLead(unsigned char lead, unsigned char next) {
  return (lead >= 0xE3 && lead <= 0xEF) || (lead == 0xE2 && next >= 0xBA);
}
bool StartsWide(std::string_view s) {
  return s.size() >= 3 &&
         WideLead(static_cast<unsigned char>(s[0]), static_cast<unsigned char>(s[1]));
}
bool EndsWide(std::string_view s) {
  if (s.size() < 3) return false;
  return WideLead(static_cast<unsigned char>(s[s.size() - 3]),
                  static_cast<unsigned char>(s[s.size() - 2])) &&
         (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80;
}

// "draft, signed, terminated" -> "draft、signed、terminated"; anything else unchanged.
std::string JoinCodes(std::string_view s) {
  if (s.find(", ") == std::string_view::npos) return std::string(s);
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::islower(u) || std::isdigit(u) || c == '_' || c == ',' || c == ' ')) {
      return std::string(s);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' && i + 1 < s.size() && s[i + 1] == ' ') {
      out += "、";
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::optional<std::string> ToChinese(std::string_view english, int depth) {
  if (english.empty() || depth > 3) return std::nullopt;
  const Compiled* best = nullptr;
  std::vector<std::string_view> best_caps;
  for (const auto& c : Compiled_()) {
    if (best && c.literal_size <= best->literal_size) continue;
    if (auto caps = Match(english, c)) {
      best = &c;
      best_caps = std::move(*caps);
    }
  }
  if (!best) return std::nullopt;
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < best_caps.size(); ++k) {
    std::string_view cap = best_caps[k];
    auto inner = best->quoted[k] ? std::nullopt : ToChinese(cap, depth + 1);
    parts.push_back(inner ? *inner : JoinCodes(cap));
  }
  std::string out;
  std::string_view zh = best->zh;
  std::size_t next = 0;
  for (std::size_t i = 0; i < zh.size(); ++i) {
    if (zh[i] == '{') {
      std::size_t close = zh.find('}', i);
      std::string_view inside =
          close == std::string_view::npos ? "x" : zh.substr(i + 1, close - i - 1);
      bool digits = std::all_of(inside.begin(), inside.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (digits) {
        std::size_t index = inside.empty() ? next++ : std::stoul(std::string(inside));
        std::string_view part = index < parts.size() ? std::string_view(parts[index]) : "";
        // The spaces that set a code apart in Chinese ("不是 {} 的字段") go when the part
        // itself became Chinese ("不是单位的字段").
        if (StartsWide(part) && out.ends_with(' ') &&
            EndsWide(std::string_view(out).substr(0, out.size() - 1))) {
          out.pop_back();
        }
        out += part;
        i = close;
        if (EndsWide(part) && i + 1 < zh.size() && zh[i + 1] == ' ' &&
            StartsWide(zh.substr(i + 2))) {
          ++i;
        }
        continue;
      }
    }
    out += zh[i];
  }
  return out;
}

}  // namespace

Language PreferredLanguage(std::string_view header) {
  // Entries "tag;q=0.8" separated by commas; the first with the highest q among zh / en / *.
  Language best = Language::kEnglish;
  double best_q = -1;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t comma = header.find(',', start);
    std::string_view entry = header.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    start = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
    std::size_t semi = entry.find(';');
    std::string tag(entry.substr(0, semi));
    tag.erase(std::remove_if(tag.begin(), tag.end(),
                             [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
              tag.end());
    for (auto& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double q = 1;
    if (semi != std::string_view::npos) {
      std::string_view params = entry.substr(semi + 1);
      if (auto at = params.find("q="); at != std::string_view::npos) {
        try {
          q = std::stod(std::string(params.substr(at + 2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    std::optional<Language> lang;
    if (tag == "zh" || tag.starts_with("zh-")) lang = Language::kChinese;
    if (tag == "en" || tag.starts_with("en-") || tag == "*") lang = Language::kEnglish;
    if (lang && q > 0 && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

const char* LanguageTag(Language language) {
  return language == Language::kChinese ? "zh-CN" : "en";
}

std::string Translate(std::string_view english, Language language) {
  if (language == Language::kEnglish) return std::string(english);
  auto zh = ToChinese(english, 0);
  return zh ? *zh : std::string(english);
}

bool HasTranslation(std::string_view english_template) {
  static const std::unordered_map<std::string_view, std::string_view> index = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    for (const auto& e : MessageCatalog()) m.emplace(e.en, e.zh);
    return m;
  }();
  auto it = index.find(english_template);
  return it != index.end() && !it->second.empty();
}

}  // namespace tb::core
