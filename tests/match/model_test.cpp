// The matching model: vocabulary (synonyms, segmentation), salary strings, weights file, the
// additive score with its reasons, and the hard constraints.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/time.hpp"
#include "match/model.hpp"
#include "match/salary.hpp"
#include "match/terms.hpp"
#include "text/tokenize.hpp"

namespace tb::match {
namespace {

using Strings = std::vector<std::string>;

TEST(Terms, SplitsChineseAndKeepsTechnicalNamesWhole) {
  EXPECT_EQ(SkillsInText("熟悉C/C++、Java"), (Strings{"c", "c++", "java"}));
  auto words = text::SplitWords("负责电子产品原理图和PCB设计，熟悉Node.js与C#。");
  EXPECT_NE(std::find(words.begin(), words.end(), "pcb"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "node.js"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "c#"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "设计"), words.end());
}

TEST(Terms, SynonymsFoldToOneSkill) {
  EXPECT_EQ(CanonicalSkills("C/C++"), (Strings{"c", "c++"}));
  EXPECT_EQ(CanonicalSkills("cpp"), (Strings{"c++"}));
  EXPECT_EQ(CanonicalSkills("Ｃ＋＋"), (Strings{"c++"}));  // full-width
  EXPECT_EQ(CanonicalSkills("Spring Boot"), CanonicalSkills("SpringBoot"));
  EXPECT_EQ(CanonicalSkills("MATLAB/Simulink"), (Strings{"matlab", "simulink"}));
  EXPECT_EQ(CanonicalSkills("机械制图"), (Strings{"机械制图"}));
  EXPECT_TRUE(CanonicalSkills("  ").empty());
}

TEST(Terms, DropsStopWordsAndSingleCharacters) {
  auto t = Terms("负责机械设计的工作");
  EXPECT_EQ(std::find(t.begin(), t.end(), "负责"), t.end());
  EXPECT_EQ(std::find(t.begin(), t.end(), "的"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "机械"), t.end());
}

TEST(Salary, ParsesJobBoardStrings) {
  EXPECT_EQ(ParseSalary("2.1-7千/月"), (SalaryRange{2100, 7000, 12}));
  EXPECT_EQ(ParseSalary("15-25K·13薪"), (SalaryRange{15000, 25000, 13}));
  EXPECT_EQ(ParseSalary("1-1.5万/月"), (SalaryRange{10000, 15000, 12}));
  EXPECT_EQ(ParseSalary("10-20万/年"), (SalaryRange{8333, 16667, 12}));
  EXPECT_EQ(ParseSalary("150元/天"), (SalaryRange{3263, 3263, 12}));
  EXPECT_EQ(ParseSalary("8000-10000元/月"), (SalaryRange{8000, 10000, 12}));
  EXPECT_EQ(ParseSalary("8k-12k"), (SalaryRange{8000, 12000, 12}));
  EXPECT_EQ(ParseSalary("１５-２５Ｋ"), (SalaryRange{15000, 25000, 12}));
  EXPECT_EQ(ParseSalary("面议"), std::nullopt);
  EXPECT_EQ(ParseSalary(""), std::nullopt);
}

TEST(Weights, TheShippedFileHasTheCompiledInDefaults) {
  const char* dir = std::getenv("TB_SOURCE_DIR");
  ASSERT_NE(dir, nullptr);
  auto loaded = LoadWeights(std::string(dir) + "/config/match.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(WeightsToJson(*loaded), WeightsToJson(Weights{}));
}

TEST(Weights, UnknownOrNegativeWeightsAreRefusedByName) {
  auto bad = WeightsFromJson({{"major_exactt", 1}, {"salary", -1}});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "major_exactt");
  EXPECT_EQ(bad.error().fields[1].field, "salary");
  auto some = WeightsFromJson({{"salary", 0.5}});
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(some->salary, 0.5);
  EXPECT_EQ(some->major_exact, Weights{}.major_exact);
}

domain::Post MechanicalPost() {
  domain::Post p;
  p.id = 7;
  p.title = "机械设计助理工程师";
  p.accepted_majors = {"080202"};
  p.min_level = "bachelor";
  p.required_skills = {"SolidWorks", "AutoCAD", "机械制图", "C/C++"};
  p.preferred_skills = {"ANSYS"};
  p.region_code = "210106";  // Shenyang
  p.industry_code = "3411";
  p.salary_min = 6000;
  p.salary_max = 9000;
  p.description = "完成零部件三维建模、工程图绘制和机械设计变更";
  return p;
}

domain::Student MechanicalStudent() {
  domain::Student s;
  s.id = 3;
  s.major_code = "080202";
  s.level = "bachelor";
  s.skills = {"solidworks", "AutoCAD", "cpp"};
  s.preferred_industries = {"34"};
  s.expected_salary_min = 5000;
  s.resume = "熟悉机械设计和三维建模";
  return s;
}

TEST(Score, IsTheSumOfExplainedComponents) {
  Weights w;
  auto p = MakePostDoc(MechanicalPost(), true);
  auto s = MakeStudentDoc(MechanicalStudent(), "210100", w);
  TextStats stats;
  stats.posts = 100;
  stats.average_length = 10;
  auto scored = Score(s, p, stats, w, true);
  ASSERT_EQ(scored.reasons.size(), 7u);
  double sum = 0;
  for (const auto& r : scored.reasons) {
    sum += r.points;
    EXPECT_FALSE(r.zh.empty());
    EXPECT_FALSE(r.en.empty());
    EXPECT_LE(r.points, r.weight + 1e-12) << r.component;
  }
  EXPECT_DOUBLE_EQ(sum, scored.score);
  EXPECT_EQ(Score(s, p, stats, w, false).score, scored.score);
  auto reason = [&](const std::string& c) {
    for (const auto& r : scored.reasons) {
      if (r.component == c) return r;
    }
    return Reason{};
  };
  EXPECT_EQ(reason("major").points, w.major_exact);
  EXPECT_EQ(reason("major").en, "exact major");
  // C/C++ counts as two skills (C, C++), of which "cpp" covers one: 3 of 5.
  EXPECT_DOUBLE_EQ(reason("required_skills").points, w.required_skills * 3 / 5);
  EXPECT_NE(reason("required_skills").en.find("3 of 5"), std::string::npos);
  EXPECT_EQ(reason("region").en, "same city");
  EXPECT_EQ(reason("industry").points, w.industry);
  EXPECT_EQ(reason("salary").points, w.salary);
  EXPECT_GT(reason("text").points, 0);
}

TEST(Score, MajorHierarchyGivesLessForClassAndCategory) {
  Weights w;
  TextStats stats;
  auto student = MakeStudentDoc(MechanicalStudent(), "210100", w);
  auto with = [&](Strings majors) {
    auto p = MechanicalPost();
    p.accepted_majors = std::move(majors);
    auto scored = Score(student, MakePostDoc(p, true), stats, w, true);
    return scored.reasons[0];
  };
  EXPECT_EQ(with({"080202"}).points, w.major_exact);
  EXPECT_EQ(with({"0802"}).points, w.major_class);  // the whole class
  EXPECT_EQ(with({"08"}).points, w.major_category);
  EXPECT_EQ(with({"080204"}).points, w.major_class);
  EXPECT_EQ(with({"080901"}).points, w.major_category);
  EXPECT_EQ(with({"120204"}).points, 0);
  EXPECT_EQ(with({}).points, w.major_any);
  EXPECT_EQ(with({"120204", "080204"}).en, "same major class");
}

TEST(Eligible, LevelKindDatesAndRelocationAreHard) {
  Weights w;
  auto post = MechanicalPost();
  auto student = MechanicalStudent();
  int today = core::DayNumber("2026-11-21");
  auto ok = [&] {
    return Eligible(MakeStudentDoc(student, "210100", w), MakePostDoc(post, true), today, "");
  };
  EXPECT_TRUE(ok());
  post.min_level = "master";
  EXPECT_FALSE(ok());
  post.min_level = "bachelor";
  post.close_date = "2026-11-20";
  EXPECT_FALSE(ok());
  post.close_date = "2026-11-21";
  EXPECT_TRUE(ok());
  post.status = "closed";
  EXPECT_FALSE(ok());
  post.status = "open";
  post.region_code = "440305";  // Shenzhen
  EXPECT_TRUE(ok());
  student.willing_to_relocate = false;
  EXPECT_FALSE(ok());
  student.preferred_regions = {"440300"};
  EXPECT_TRUE(ok());
  EXPECT_FALSE(
      Eligible(MakeStudentDoc(student, "210100", w), MakePostDoc(post, true), today, "internship"));
}

}  // namespace
}  // namespace tb::match
