// The application state machine (every state × every target × every party) and every
// eligibility rule of DESIGN §3, issue #5.

#include "domain/recruitment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace tb::domain {
namespace {

using enum Party;

// The whole machine, written out independently of the implementation: from -> to -> parties.
const std::map<std::string, std::map<std::string, std::set<Party>>>& Expected() {
  static const std::map<std::string, std::map<std::string, std::set<Party>>> m = {
      {"applied",
       {{"screening", {kEnterprise, kPlatform}},
        {"interview", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"screening",
       {{"interview", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"interview",
       {{"interview", {kEnterprise, kInstitution, kPlatform}},
        {"intention", {kEnterprise, kInstitution, kPlatform}},
        {"offer", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kInstitution, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"intention",
       {{"offer", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"declined", {kStudent, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"offer", {{"declined", {kStudent, kPlatform}}, {"rejected", {kEnterprise, kPlatform}}}},
      {"signed", {}},
      {"rejected", {}},
      {"withdrawn", {}},
      {"declined", {}},
  };
  return m;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(ApplicationMachine, EveryMoveOfEveryStateForEveryPartyIsAsSpecified) {
  for (auto from_sv : kApplicationStates) {
    std::string from(from_sv);
    const auto& expected = Expected().at(from);
    for (auto to_sv : kApplicationStates) {
      std::string to(to_sv);
      auto it = expected.find(to);
      EXPECT_EQ(Contains(AllowedMoves(from), to), it != expected.end()) << from << " -> " << to;
      for (Party p : {kStudent, kEnterprise, kInstitution, kPlatform}) {
        bool allowed = it != expected.end() && it->second.count(p) > 0;
        EXPECT_EQ(Contains(AllowedMoves(from, p), to), allowed)
            << from << " -> " << to << " by party " << static_cast<int>(p);
      }
    }
  }
}

TEST(ApplicationMachine, SignedIsNeverADirectMoveAndSideExitsAreTerminal) {
  for (auto from : kApplicationStates) EXPECT_FALSE(Contains(AllowedMoves(from), "signed"));
  for (const char* s : {"signed", "rejected", "withdrawn", "declined"}) EXPECT_TRUE(IsTerminal(s));
  for (const char* s : {"applied", "screening", "interview", "intention", "offer"}) {
    EXPECT_FALSE(IsTerminal(s));
  }
  EXPECT_EQ(StateRank("applied"), 0);
  EXPECT_EQ(StateRank("signed"), 5);
  EXPECT_EQ(StateRank("declined"), -1);
}

class EligibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    student_.level = "bachelor";
    student_.cohort = 2025;
    student_.major_code = "080207";
    post_.kind = "full_time";
    post_.status = "open";
    post_.min_level = "bachelor";
    post_.accepted_majors = {"080207"};
    post_.open_date = "2025-03-01";
    post_.close_date = "2025-06-30";
    org_.verified = true;
  }
  std::vector<std::string> Codes(std::string_view today = "2025-03-08") {
    std::vector<std::string> out;
    for (const auto& r : Eligibility(student_, post_, org_, today)) {
      EXPECT_FALSE(r.zh.empty()) << r.code;
      EXPECT_FALSE(r.en.empty()) << r.code;
      EXPECT_FALSE(r.field.empty()) << r.code;
      out.push_back(r.code);
    }
    return out;
  }
  Student student_;
  Post post_;
  Organization org_;
};

TEST_F(EligibilityTest, AnEligibleStudentHasNoReasons) { EXPECT_TRUE(Codes().empty()); }

TEST_F(EligibilityTest, APostThatIsNotOpenIsRefused) {
  post_.status = "closed";
  EXPECT_EQ(Codes(), std::vector<std::string>{"post_not_open"});
}

TEST_F(EligibilityTest, BeforeTheOpenDateAndAfterTheCloseDateAreRefused) {
  EXPECT_EQ(Codes("2025-02-28"), std::vector<std::string>{"post_not_yet_open"});
  EXPECT_EQ(Codes("2025-07-01"), std::vector<std::string>{"post_closed"});
  EXPECT_TRUE(Codes("2025-06-30").empty());  // both dates are inclusive
  EXPECT_TRUE(Codes("2025-03-01").empty());
}

TEST_F(EligibilityTest, AnUnverifiedEmployerIsRefused) {
  org_.verified = false;
  EXPECT_EQ(Codes(), std::vector<std::string>{"employer_not_verified"});
}

TEST_F(EligibilityTest, ALevelBelowTheMinimumIsRefusedAndAHigherOneAccepted) {
  student_.level = "vocational";
  EXPECT_EQ(Codes(), std::vector<std::string>{"level_too_low"});
  student_.level = "master";
  EXPECT_TRUE(Codes().empty());
}

TEST_F(EligibilityTest, FullTimePostsAreForTheGraduatingClassInternshipsForAll) {
  student_.cohort = 2027;
  EXPECT_EQ(Codes(), std::vector<std::string>{"not_graduating_class"});
  student_.cohort = 2024;
  EXPECT_EQ(Codes(), std::vector<std::string>{"not_graduating_class"});
  student_.cohort = 2026;
  EXPECT_TRUE(Codes().empty());
  student_.cohort = 2027;
  post_.kind = "internship";
  EXPECT_TRUE(Codes().empty());
}

TEST_F(EligibilityTest, MajorsMatchByExactCodeClassOrCategoryAndNoneMeansAny) {
  student_.major_code = "080601";
  EXPECT_EQ(Codes(), std::vector<std::string>{"major_not_accepted"});
  post_.accepted_majors = {"0806"};  // class
  EXPECT_TRUE(Codes().empty());
  post_.accepted_majors = {"08"};  // category
  EXPECT_TRUE(Codes().empty());
  post_.accepted_majors = {"12"};
  EXPECT_EQ(Codes(), std::vector<std::string>{"major_not_accepted"});
  post_.accepted_majors.clear();
  EXPECT_TRUE(Codes().empty());
}

TEST_F(EligibilityTest, AllReasonsAreGivenAtOnce) {
  post_.status = "closed";
  org_.verified = false;
  student_.level = "vocational";
  student_.major_code = "120203";
  EXPECT_EQ(Codes("2025-07-02"),
            (std::vector<std::string>{"post_not_open", "post_closed", "employer_not_verified",
                                      "level_too_low", "major_not_accepted"}));
}

TEST(AcceptsMajor, NoAcceptedMajorsMeansAnyMajor) {
  EXPECT_TRUE(AcceptsMajor({}, "080202"));
  EXPECT_TRUE(AcceptsMajor({}, "0502100T"));
}

TEST(AcceptsMajor, AnEntryAcceptsTheMajorsItIsAPrefixOf) {
  const std::string major = "080202";
  EXPECT_TRUE(AcceptsMajor({"080202"}, major));          // exact code
  EXPECT_TRUE(AcceptsMajor({"0802"}, major));            // class
  EXPECT_TRUE(AcceptsMajor({"08"}, major));              // category
  EXPECT_TRUE(AcceptsMajor({"120203", "0802"}, major));  // any one entry is enough
  EXPECT_FALSE(AcceptsMajor({"080201"}, major));         // a sibling code
  EXPECT_FALSE(AcceptsMajor({"0803"}, major));           // a sibling class
  EXPECT_FALSE(AcceptsMajor({"09"}, major));             // another category
  EXPECT_FALSE(AcceptsMajor({"080201", "0803", "09"}, major));
  EXPECT_FALSE(AcceptsMajor({"0802020"}, major));    // longer than the code
  EXPECT_TRUE(AcceptsMajor({"080202"}, "080202T"));  // the suffix is not compared
}

TEST(AcceptsMajor, AnEmptyEntryAcceptsNothing) {
  EXPECT_FALSE(AcceptsMajor({""}, "080202"));
  EXPECT_FALSE(AcceptsMajor({"", ""}, "080202"));
  EXPECT_TRUE(AcceptsMajor({"", "08"}, "080202"));
  EXPECT_FALSE(AcceptsMajor({"08"}, ""));  // a student without a major matches no entry
}

TEST(OpenToCohort, FullTimePostsTakeTheClassOfThisYearAndTheNext) {
  EXPECT_FALSE(OpenToCohort("full_time", 2025, 2026));
  EXPECT_TRUE(OpenToCohort("full_time", 2026, 2026));
  EXPECT_TRUE(OpenToCohort("full_time", 2027, 2026));
  EXPECT_FALSE(OpenToCohort("full_time", 2028, 2026));
}

TEST(OpenToCohort, OtherKindsTakeEveryClass) {
  for (const char* kind : {"internship", "part_time", ""}) {
    for (std::int64_t cohort : {2025, 2026, 2027, 2028, 0}) {
      EXPECT_TRUE(OpenToCohort(kind, cohort, 2026)) << kind << " " << cohort;
    }
  }
}

TEST(Destination, CategoriesAndEmployerRules) {
  Destination d;
  d.category = "contract_employment";
  auto errors = Validate(d);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "employer_name");
  d.employer_name = "华晨宝马";
  EXPECT_TRUE(Validate(d).empty());
  d.category = "further_study";
  d.employer_name.clear();
  EXPECT_TRUE(Validate(d).empty());
  d.category = "abroad";
  ASSERT_EQ(Validate(d).size(), 1u);
  EXPECT_EQ(Validate(d)[0].field, "category");
  for (auto c : kDestinationCategories) {
    EXPECT_EQ(IsPlaced(c), c != "not_yet_employed" && c != "not_seeking") << c;
    EXPECT_STRNE(CategoryZh(c), "") << c;
  }
}

}  // namespace
}  // namespace tb::domain
