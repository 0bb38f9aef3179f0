#include "core/messages.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace tb::core {
namespace {

// ---- A small C++ tokenizer and the extraction of the messages the server writes. ----

struct Token {
  enum Kind { kString, kIdent, kNumber, kPunct } kind;
  std::string text;  // a string literal's decoded content
};

std::vector<Token> Tokenize(const std::string& s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto ident_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) i = s.size();
    } else if (s.compare(i, 2, "/*") == 0) {
      i = s.find("*/", i + 2);
      i = i == std::string::npos ? s.size() : i + 2;
    } else if (s.compare(i, 2, "R\"") == 0) {
      std::size_t open = s.find('(', i);
      std::string end = ")" + s.substr(i + 2, open - i - 2) + "\"";
      std::size_t close = s.find(end, open);
      out.push_back({Token::kString, s.substr(open + 1, close - open - 1)});
      i = close + end.size();
    } else if (c == '"' || c == '\'') {
      std::string text;
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != c) {
        if (s[j] == '\\' && j + 1 < s.size()) {
          char e = s[j + 1];
          text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          j += 2;
        } else {
          text += s[j++];
        }
      }
      if (c == '"')
        out.push_back({Token::kString, text});
      else
        out.push_back({Token::kPunct, "'c'"});
      i = j + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < s.size() && (ident_char(s[j]) || s[j] == '.')) ++j;
      out.push_back({Token::kNumber, s.substr(i, j - i)});
      i = j;
    } else if (ident_char(c)) {
      std::size_t j = i;
      while (j < s.size() && ident_char(s[j])) ++j;
      out.push_back({Token::kIdent, s.substr(i, j - i)});
      i = j;
    } else if (s.compare(i, 2, "::") == 0) {
      out.push_back({Token::kPunct, "::"});
      i += 2;
    } else {
      out.push_back({Token::kPunct, std::string(1, c)});
      ++i;
    }
  }
  return out;
}

bool Is(const std::vector<Token>& t, std::size_t i, std::string_view text) {
  return i < t.size() && t[i].kind == Token::kPunct && t[i].text == text;
}
bool Opens(const Token& x) {
  return x.kind == Token::kPunct && (x.text == "(" || x.text == "{" || x.text == "[");
}
bool Closes(const Token& x) {
  return x.kind == Token::kPunct && (x.text == ")" || x.text == "}" || x.text == "]");
}

using Expr = std::vector<Token>;

// The comma-separated arguments of the bracket opened at t[open]; *end = its closing index.
std::vector<Expr> Args(const std::vector<Token>& t, std::size_t open, std::size_t* end = nullptr) {
  std::vector<Expr> args(1);
  int depth = 0;
  for (std::size_t j = open + 1; j < t.size(); ++j) {
    if (Opens(t[j])) ++depth;
    if (Closes(t[j])) {
      if (depth == 0) {
        if (end) *end = j;
        if (args.size() == 1 && args[0].empty()) args.clear();
        return args;
      }
      --depth;
    }
    if (depth == 0 && Is(t, j, ",")) {
      args.emplace_back();
    } else {
      args.back().push_back(t[j]);
    }
  }
  if (end) *end = t.size();
  return args;
}

// A message chosen by a conditional (c ? "a" : "b" + x) has a template per branch.
std::vector<Expr> Branches(const Expr& e) {
  int depth = 0;
  std::size_t question = e.size();
  int nested = 0;
  for (std::size_t j = 0; j < e.size(); ++j) {
    if (Opens(e[j])) ++depth;
    if (Closes(e[j])) --depth;
    if (depth != 0 || e[j].kind != Token::kPunct) continue;
    if (e[j].text == "?") {
      if (question == e.size())
        question = j;
      else
        ++nested;
    } else if (e[j].text == ":" && question != e.size()) {
      if (nested > 0) {
        --nested;
        continue;
      }
      std::vector<Expr> out;
      for (auto part :
           {Expr(e.begin() + question + 1, e.begin() + j), Expr(e.begin() + j + 1, e.end())}) {
        for (auto& b : Branches(part)) out.push_back(std::move(b));
      }
      return out;
    }
  }
  return {e};
}

// "must be at most " + std::to_string(n) + " characters"  ->  "must be at most {} characters".
// Only literals at the top level of a + chain count; anything else is a placeholder. An
// expression without any literal (a forwarded message) has no template.
std::optional<std::string> Template(const Expr& e) {
  std::vector<Expr> parts(1);
  int depth = 0;
  for (const auto& x : e) {
    if (Opens(x)) ++depth;
    if (Closes(x)) --depth;
    if (depth == 0 && x.kind == Token::kPunct && x.text == "+") {
      parts.emplace_back();
    } else {
      parts.back().push_back(x);
    }
  }
  std::string out;
  bool literal = false;
  for (const auto& p : parts) {
    bool all_strings = !p.empty() && std::all_of(p.begin(), p.end(), [](const Token& x) {
      return x.kind == Token::kString;
    });
    // std::string("...") counts as the literal it wraps.
    bool wrapped = p.size() == 6 && p[0].text == "std" && p[1].text == "::" &&
                   (p[2].text == "string" || p[2].text == "string_view") && p[3].text == "(" &&
                   p[4].kind == Token::kString;
    if (all_strings) {
      for (const auto& x : p) out += x.text;
      literal = true;
    } else if (wrapped) {
      out += p[4].text;
      literal = true;
    } else if (!out.ends_with("{}")) {
      out += "{}";
    }
  }
  if (!literal) return std::nullopt;
  return out;
}

// Where the server writes a message for people:
//   Error::X(message, {{field, message}, ...})  (not Internal: a 500 shows only the request id)
//   Problem(status, detail, ...)      Refuse(why)
//   errors.push_back({field, message}), FieldError{field, message}
//   Require(condition, field, message, out), AddError/Wrong/Fail(field, message),
//   errors.push_back({row, column, message})
//   return ...;  inside a Check*(...) function, and in the validation files below
std::map<std::string, std::string> ExtractMessages(const std::filesystem::path& src) {
  static const std::set<std::string> kErrors = {"NotFound",        "Invalid",   "Unprocessable",
                                                "Conflict",        "Forbidden", "Unavailable",
                                                "Unauthenticated", "Throttled"};
  static const std::vector<std::string> kReturnFiles = {"core/validate.cpp",
                                                        "domain/validation.cpp"};
  std::map<std::string, std::string> found;  // template -> first file
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::string rel = std::filesystem::relative(entry.path(), src).generic_string();
    // Terminal output of the command-line tool, the demo seeding and programmer errors.
    if (rel.starts_with("cli/") || rel.starts_with("demo/") || rel == "core/gauges.cpp" ||
        rel == "match/commands.cpp" || rel == "match/generate.cpp" ||
        rel.starts_with("core/messages")) {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto t = Tokenize(buffer.str());

    std::vector<std::pair<std::size_t, std::size_t>> check_bodies;
    for (std::size_t q = 0; q + 1 < t.size(); ++q) {
      if (t[q].kind == Token::kIdent && t[q].text.starts_with("Check") && Is(t, q + 1, "(")) {
        std::size_t end = 0;
        Args(t, q + 1, &end);
        if (Is(t, end + 1, "{")) {
          std::size_t body_end = 0;
          Args(t, end + 1, &body_end);
          check_bodies.emplace_back(end + 1, body_end);
        }
      }
    }
    bool return_file =
        std::find(kReturnFiles.begin(), kReturnFiles.end(), rel) != kReturnFiles.end();
    auto in_check = [&](std::size_t i) {
      return return_file || std::any_of(check_bodies.begin(), check_bodies.end(),
                                        [i](auto b) { return b.first < i && i < b.second; });
    };

    for (std::size_t i = 0; i + 3 < t.size(); ++i) {
      std::vector<Expr> picks;
      const std::string& w = t[i].text;
      if (t[i].kind != Token::kIdent) continue;
      if (w == "Error" && Is(t, i + 1, "::") && kErrors.contains(t[i + 2].text) &&
          Is(t, i + 3, "(")) {
        auto a = Args(t, i + 3);
        if (!a.empty()) picks.push_back(a[0]);
        // Field errors given in place: Error::X("...", {{"field", "message"}, ...}).
        for (std::size_t k = 1; k < a.size(); ++k) {
          for (std::size_t j = 0; j + 1 < a[k].size(); ++j) {
            if (!Is(a[k], j, "{") || Is(a[k], j + 1, "{")) continue;
            auto field = Args(a[k], j);
            if (field.size() == 2) picks.push_back(field[1]);
          }
        }
      } else if (w == "Problem" && Is(t, i + 1, "(") && t[i + 2].kind == Token::kNumber) {
        auto a = Args(t, i + 1);
        if (a.size() > 1) picks.push_back(a[1]);
      } else if (w == "Refuse" && Is(t, i + 1, "(")) {
        auto a = Args(t, i + 1);
        if (!a.empty()) picks.push_back(a[0]);
      } else if ((w == "push_back" || w == "emplace_back") && Is(t, i + 1, "(") &&
                 Is(t, i + 2, "{")) {
        auto a = Args(t, i + 2);  // {field, message} or {row, column, message}
        if (a.size() == 2 || a.size() == 3) picks.push_back(a.back());
      } else if (w == "FieldError" && Is(t, i + 1, "{")) {
        auto a = Args(t, i + 1);
        if (a.size() == 2) picks.push_back(a[1]);
      } else if (w == "Require" && Is(t, i + 1, "(")) {
        auto a = Args(t, i + 1);
        if (a.size() >= 3) picks.push_back(a[2]);
      } else if ((w == "AddError" || w == "Wrong" || w == "Fail") && Is(t, i + 1, "(")) {
        auto a = Args(t, i + 1);
        if (a.size() >= 2) picks.push_back(a[1]);
      } else if (w == "return" && in_check(i)) {
        Expr e;
        int depth = 0;
        for (std::size_t j = i + 1; j < t.size() && !(depth == 0 && Is(t, j, ";")); ++j) {
          if (Opens(t[j])) ++depth;
          if (Closes(t[j])) --depth;
          e.push_back(t[j]);
        }
        picks.push_back(e);
      }
      for (const auto& e : picks) {
        for (const auto& branch : Branches(e)) {
          if (auto tmpl = Template(branch)) found.emplace(*tmpl, rel);
        }
      }
    }
  }
  return found;
}

// Literals the scan finds that are not messages (a quoting helper, a code suffix, a cookie).
const std::set<std::string> kNotMessages = {
    "",     "'{}'",   "'{}...'",
    "{}00", "{}0000", "{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}"};

TEST(MessageCatalog, EveryMessageInTheSourcesHasAChineseTranslation) {
  auto found = ExtractMessages(std::filesystem::path(TB_SOURCE_DIR) / "src");
  // The scan itself must see the messages we know are there, or it proves nothing.
  ASSERT_GT(found.size(), 250u);
  ASSERT_TRUE(found.contains("must be at most {} characters, got {}"));
  ASSERT_TRUE(found.contains("check character is '{}', expected '{}'"));
  std::vector<std::string> missing;
  for (const auto& [tmpl, file] : found) {
    if (kNotMessages.contains(tmpl)) continue;
    if (!HasTranslation(tmpl)) missing.push_back(file + ": \"" + tmpl + "\"");
  }
  std::string list;
  for (const auto& m : missing) list += "\n  " + m;
  EXPECT_TRUE(missing.empty()) << missing.size()
                               << " message(s) without Chinese in core/messages_zh.cpp:" << list;
}

TEST(MessageCatalog, TranslationsKeepEveryPlaceholder) {
  for (const auto& e : MessageCatalog()) {
    std::size_t en = 0, zh = 0;
    for (std::size_t at = e.en.find("{}"); at != std::string_view::npos;
         at = e.en.find("{}", at + 2)) {
      ++en;
    }
    for (std::size_t i = 0; i + 1 < e.zh.size(); ++i) {
      if (e.zh[i] != '{') continue;
      std::size_t j = i + 1;
      while (j < e.zh.size() && std::isdigit(static_cast<unsigned char>(e.zh[j]))) ++j;
      if (j < e.zh.size() && e.zh[j] == '}') ++zh;
    }
    EXPECT_EQ(en, zh) << e.en << " -> " << e.zh;
    EXPECT_FALSE(e.zh.empty()) << e.en;
  }
}

TEST(MessageCatalog, TranslatesFieldMessagesKeepingTheirNumbers) {
  EXPECT_EQ(Translate("must not be empty", Language::kChinese), "不能为空");
  EXPECT_EQ(Translate("must be at most 200 characters, got 231", Language::kChinese),
            "长度不能超过 200 个字符，实际为 231");
  EXPECT_EQ(Translate("must be at most 200 characters, got 231", Language::kEnglish),
            "must be at most 200 characters, got 231");
}

TEST(MessageCatalog, TranslatesAStateListAndReordersPlaceholders) {
  EXPECT_EQ(Translate("agreement 7 cannot move from draft to active; allowed from draft: signed, "
                      "terminated",
                      Language::kChinese),
            "协议 7 不能从 draft 转为 active；当前状态为 draft，只能转为：signed、terminated");
}

TEST(MessageCatalog, TranslatesNestedFragmentsButNotQuotedValues) {
  // "character 3 'I'" is itself a catalog fragment; a quoted value stays as typed.
  EXPECT_EQ(Translate("character 3 'I' is not allowed (the code uses 0-9 and A-Z without I, O, Z, "
                      "S, V)",
                      Language::kChinese),
            "第 3 个字符 'I' 不合法（代码只使用 0-9 和除 I、O、Z、S、V 以外的 A-Z）");
  EXPECT_EQ(Translate("must be one of student, observer; got 'student'", Language::kChinese),
            "必须为以下之一：student、observer；实际为 'student'");
  EXPECT_EQ(Translate("a student may not register destinations", Language::kChinese),
            "学生不能登记去向");
  // A part that became Chinese loses the spaces that set a code apart; a code keeps them.
  EXPECT_EQ(Translate("is not a field of organization", Language::kChinese), "不是单位的字段");
  EXPECT_EQ(Translate("is not a field of post_x", Language::kChinese), "不是 post_x 的字段");
  EXPECT_EQ(Translate("student 12 not found", Language::kChinese), "学生 12 不存在");
  EXPECT_EQ(Translate("campaign 12 belongs to institution 3, not 4", Language::kChinese),
            "专项行动 12 属于院校 3，不属于 4");
}

TEST(MessageCatalog, LeavesAnUnknownMessageInEnglish) {
  EXPECT_EQ(Translate("something nobody wrote", Language::kChinese), "something nobody wrote");
}

TEST(PreferredLanguage, FollowsTheMostPreferredLanguageWeSpeak) {
  EXPECT_EQ(PreferredLanguage(""), Language::kEnglish);
  EXPECT_EQ(PreferredLanguage("zh-CN"), Language::kChinese);
  EXPECT_EQ(PreferredLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Language::kChinese);
  EXPECT_EQ(PreferredLanguage("en-US,en;q=0.9,zh-CN;q=0.8"), Language::kEnglish);
  EXPECT_EQ(PreferredLanguage("fr, zh;q=0.5"), Language::kChinese);
  EXPECT_EQ(PreferredLanguage("de"), Language::kEnglish);
  EXPECT_EQ(PreferredLanguage("ZH-hans"), Language::kChinese);
  EXPECT_STREQ(LanguageTag(Language::kChinese), "zh-CN");
  EXPECT_STREQ(LanguageTag(Language::kEnglish), "en");
}

}  // namespace
}  // namespace tb::core
