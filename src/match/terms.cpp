#include "match/terms.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "text/tokenize.hpp"

namespace tb::match {

namespace {

// Keys are folded (text::FoldCase, spaces removed); values are canonical names.
const std::map<std::string, std::vector<std::string>, std::less<>>& Synonyms() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kMap = {
      {"c/c++", {"c", "c++"}},
      {"c++", {"c++"}},
      {"cpp", {"c++"}},
      {"cplusplus", {"c++"}},
      {"c语言", {"c"}},
      {"c#", {"c#"}},
      {"csharp", {"c#"}},
      {"golang", {"go"}},
      {"js", {"javascript"}},
      {"javascript", {"javascript"}},
      {"ts", {"typescript"}},
      {"vue.js", {"vue"}},
      {"vuejs", {"vue"}},
      {"react.js", {"react"}},
      {"reactjs", {"react"}},
      {"node.js", {"node.js"}},
      {"nodejs", {"node.js"}},
      {"springboot", {"spring boot"}},
      {"mysql数据库", {"mysql"}},
      {"ps", {"photoshop"}},
      {"cad", {"autocad"}},
      {"ug", {"ug/nx"}},
      {"nx", {"ug/nx"}},
      {"ug/nx", {"ug/nx"}},
      {"matlab/simulink", {"matlab", "simulink"}},
      {"python3", {"python"}},
      {"linux系统", {"linux"}},
      {"英语四级", {"英语cet-4"}},
      {"cet-4", {"英语cet-4"}},
      {"cet4", {"英语cet-4"}},
      {"英语六级", {"英语cet-6"}},
      {"cet-6", {"英语cet-6"}},
      {"cet6", {"英语cet-6"}},
  };
  return kMap;
}

std::string Compact(std::string_view s) {
  std::string folded = text::FoldCase(s);
  std::string out;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NoSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

bool IsLatinWord(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Words too common to say anything about fit.
const std::set<std::string, std::less<>>& StopWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "the",  "and",      "or",   "of",     "to",   "in",   "for",  "with", "a",    "an",
      "is",   "are",      "be",   "on",     "as",   "by",   "at",   "负责", "熟悉", "掌握",
      "具有", "具备",     "相关", "工作",   "能力", "以上", "优先", "良好", "进行", "要求",
      "岗位", "职责",     "完成", "参与",   "协助", "以及", "及其", "我们", "公司", "经验",
      "地点", "工作地点", "专业", "毕业生", "本科", "求职", "意向", "期望", "城市", "接受",
      "其他", "届",       "通过", "全国",   "等级", "考试", "在校", "期间", "熟练"};
  return kWords;
}

}  // namespace

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::vector<std::string> CanonicalSkills(std::string_view entry) {
  std::string c = Compact(entry);
  if (c.empty()) return {};
  const auto& syn = Synonyms();
  if (auto it = syn.find(NoSpaces(c)); it != syn.end()) return it->second;
  if (auto it = syn.find(c); it != syn.end()) return it->second;
  // "MATLAB/Simulink", "Java/Python": each part on its own.
  if (c.find('/') != std::string::npos) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= c.size()) {
      std::size_t slash = c.find('/', start);
      std::string part =
          c.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      for (auto& s : CanonicalSkills(part)) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    return out;
  }
  if (auto it = syn.find(NoSpaces(c)); it != syn.end()) return it->second;
  return {c};
}

std::vector<std::string> SkillsInText(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : text::SplitWords(text)) {
    std::vector<std::string> skills;
    if (auto it = Synonyms().find(w); it != Synonyms().end()) {
      skills = it->second;
    } else if (IsLatinWord(w) && !StopWords().contains(w) &&
               std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      skills = {w};
    }
    for (auto& s : skills) {
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
  }
  return out;
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : text::SplitWords(text)) {
    if (StopWords().contains(w)) continue;
    bool ascii = IsLatinWord(w);
    if (!ascii && w.size() <= 3) continue;  // one CJK character (3 bytes in UTF-8)
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9' || c == '.'; })) {
      continue;  // numbers: years, counts
    }
    if (auto it = Synonyms().find(w); it != Synonyms().end() && it->second.size() == 1) {
      out.push_back(it->second[0]);
    } else {
      out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace tb::match
