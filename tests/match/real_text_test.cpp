// The tokenizer and the salary parser on real job postings (../shared/data/jobs/zh, 2019 Lagou /
// 51job / Boss postings for C++ developers, XLSX): skipped by name when the folder is absent.

#include <gtest/gtest.h>
#include <zip.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "match/salary.hpp"
#include "match/terms.hpp"

namespace tb::match {
namespace {

const std::string kFile = std::string(TB_SHARED_DATA_DIR) + "/jobs/zh/C++.xlsx";

// Every shared string of the workbook (cell texts), read with libzip + pugixml.
std::vector<std::string> SharedStrings(const std::string& path) {
  std::vector<std::string> out;
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!zip) return out;
  zip_stat_t st;
  if (zip_stat(zip, "xl/sharedStrings.xml", 0, &st) == 0) {
    std::string xml(st.size, '\0');
    zip_file_t* f = zip_fopen(zip, "xl/sharedStrings.xml", 0);
    if (f) {
      zip_fread(f, xml.data(), st.size);
      zip_fclose(f);
      pugi::xml_document doc;
      if (doc.load_buffer(xml.data(), xml.size())) {
        for (auto si : doc.child("sst").children("si")) {
          std::string text;
          for (auto t : si.select_nodes(".//t")) text += t.node().text().get();
          out.push_back(std::move(text));
        }
      }
    }
  }
  zip_close(zip);
  return out;
}

class RealJobText : public ::testing::Test {
 protected:
  void SetUp() override {
    // ../shared/data is optional (DESIGN §11): without it these cases do not run, and say so.
    if (!std::filesystem::exists(kFile)) GTEST_SKIP() << "shared data absent: " << kFile;
    strings_ = SharedStrings(kFile);
    ASSERT_GT(strings_.size(), 1000u);
  }
  std::vector<std::string> strings_;
};

TEST_F(RealJobText, DescriptionsNamingCAndCppYieldBothSkills) {
  int checked = 0;
  for (const auto& s : strings_) {
    auto at = s.find("C/C++");
    // "VC/C++", "MFC/C++" name Visual C++ and MFC, not C.
    if (at == std::string::npos ||
        (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1])))) {
      continue;
    }
    auto skills = SkillsInText(s);
    EXPECT_NE(std::find(skills.begin(), skills.end(), "c"), skills.end())
        << s.substr(s.find("C/C++") > 40 ? s.find("C/C++") - 40 : 0, 120);
    EXPECT_NE(std::find(skills.begin(), skills.end(), "c++"), skills.end()) << s.substr(0, 200);
    if (s.find("Java") != std::string::npos) {
      EXPECT_NE(std::find(skills.begin(), skills.end(), "java"), skills.end());
    }
    if (++checked == 300) break;
  }
  EXPECT_GT(checked, 50);
  // The phrase the issue names, in a real sentence shape.
  EXPECT_EQ(SkillsInText("熟悉C/C++、Java"), (std::vector<std::string>{"c", "c++", "java"}));
}

TEST_F(RealJobText, ChineseDescriptionsSplitIntoWords) {
  int with_words = 0, checked = 0;
  for (const auto& s : strings_) {
    if (s.size() < 200 || s.find("负责") == std::string::npos) continue;
    auto terms = Terms(s);
    // Multi-character Chinese words, not single characters or the whole sentence.
    bool words = std::any_of(terms.begin(), terms.end(), [](const std::string& t) {
      return t.size() >= 6 && t.size() <= 15 && static_cast<unsigned char>(t[0]) >= 0x80;
    });
    if (words) ++with_words;
    if (++checked == 200) break;
  }
  ASSERT_GT(checked, 50);
  EXPECT_EQ(with_words, checked);
}

TEST_F(RealJobText, WageStringsParseIntoMonthlyRanges) {
  int wages = 0, parsed = 0;
  for (const auto& s : strings_) {
    bool wage = s.size() < 40 &&
                (s.find("千/月") != std::string::npos || s.find("万/月") != std::string::npos ||
                 s.find("万/年") != std::string::npos);
    if (!wage) continue;
    ++wages;
    auto r = ParseSalary(s);
    if (!r) continue;
    ++parsed;
    EXPECT_LE(r->min, r->max) << s;
    EXPECT_GE(r->min, 500) << s;
    EXPECT_LE(r->max, 500000) << s;
  }
  ASSERT_GT(wages, 100);
  EXPECT_EQ(parsed, wages);
}

}  // namespace
}  // namespace tb::match
