#include "core/validate.hpp"

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace tb::core {
namespace {

// The message of a problem, or "valid": failures then print the whole verdict readably.
std::string Verdict(const Problem& problem) { return problem ? *problem : "valid"; }

// The lines of a file in the shared data folder (see /work/shared/data/README.md) without its
// header line, or nothing when the file is absent.
std::vector<std::string> DataLines(const std::string& relative_path) {
  std::vector<std::string> lines;
  std::ifstream in(std::string(TB_SHARED_DATA_DIR) + "/" + relative_path);
  std::string line;
  for (bool header = true; std::getline(in, line); header = false) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!header && !line.empty()) lines.push_back(line);
  }
  return lines;
}

bool DataFileExists(const std::string& relative_path) {
  return std::filesystem::exists(std::string(TB_SHARED_DATA_DIR) + "/" + relative_path);
}

// The comma-separated fields of a line (the data's quoted names contain no ASCII commas).
std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  for (std::size_t end; (end = line.find(',', begin)) != std::string::npos; begin = end + 1) {
    fields.push_back(line.substr(begin, end - begin));
  }
  fields.push_back(line.substr(begin));
  return fields;
}

// --- Unified social credit code -------------------------------------------------------------

// Published codes of real companies (Huawei, Tencent, Alibaba, ...) plus codes generated with an
// independent Python implementation whose check value is 31 (written 0) and 30 (written Y).
constexpr std::string_view kValidCreditCodes[] = {
    "914403001922038216", "9144030071526726XG", "91330100799655058B", "91310000MA1FL4B24G",
    "91350100M000100Y43", "91110108MA00000070", "91110108MA0000026Y",
};

TEST(CreditCodeTest, AcceptsRealCodes) {
  for (std::string_view code : kValidCreditCodes) {
    EXPECT_EQ(Verdict(CheckCreditCode(code)), "valid") << code;
  }
}

TEST(CreditCodeTest, ComputesCheckCharacterOfFirstSeventeen) {
  for (std::string_view code : kValidCreditCodes) {
    EXPECT_EQ(CreditCodeCheckCharacter(code.substr(0, 17)), code[17]) << code;
  }
}

TEST(CreditCodeTest, WritesCheckValueThirtyOneAsZero) {
  // Weighted sum of "91110108MA0000007" is 0 mod 31, so 31 - 0 = 31 becomes '0'.
  EXPECT_EQ(CreditCodeCheckCharacter("91110108MA0000007"), '0');
}

TEST(CreditCodeTest, CheckCharacterOfMalformedInputIsNul) {
  EXPECT_EQ(CreditCodeCheckCharacter(""), '\0');
  EXPECT_EQ(CreditCodeCheckCharacter("9144030019220382"), '\0');    // 16
  EXPECT_EQ(CreditCodeCheckCharacter("914403001922038216"), '\0');  // 18: not truncated
  EXPECT_EQ(CreditCodeCheckCharacter("9144030019220382O"), '\0');   // letter O
  EXPECT_EQ(CreditCodeCheckCharacter("9144030019220382a"), '\0');
}

TEST(CreditCodeTest, RejectsWrongLength) {
  EXPECT_EQ(Verdict(CheckCreditCode("91440300192203821")), "must be 18 characters, got 17");
  EXPECT_EQ(Verdict(CheckCreditCode("9144030019220382160")), "must be 18 characters, got 19");
  EXPECT_EQ(Verdict(CheckCreditCode("")), "must be 18 characters, got 0");
}

TEST(CreditCodeTest, CountsCharactersNotBytes) {
  // 17 ASCII characters and one Chinese character (3 bytes in UTF-8) are 18 characters.
  EXPECT_EQ(Verdict(CheckCreditCode("91440300192203821码")),
            "character 18 '码' is not allowed (the code uses 0-9 and A-Z without I, O, Z, S, V)");
  EXPECT_EQ(Verdict(CheckCreditCode("9144030019220382码")), "must be 18 characters, got 17");
}

TEST(CreditCodeTest, RejectsEachLetterOutsideTheAlphabet) {
  for (char letter : std::string_view("IOZSV")) {
    std::string code = "9144" + std::string(1, letter) + "30019220382" + "16";
    EXPECT_EQ(Verdict(CheckCreditCode(code)),
              std::string("character 5 '") + letter +
                  "' is not allowed (the code uses 0-9 and A-Z without I, O, Z, S, V)");
  }
}

TEST(CreditCodeTest, RejectsPunctuationAndSpaces) {
  EXPECT_EQ(Verdict(CheckCreditCode("9144030019220382-6")),
            "character 17 '-' is not allowed (the code uses 0-9 and A-Z without I, O, Z, S, V)");
  EXPECT_EQ(Verdict(CheckCreditCode(" 14403001922038216")),
            "character 1 ' ' is not allowed (the code uses 0-9 and A-Z without I, O, Z, S, V)");
}

TEST(CreditCodeTest, RejectsLowerCaseLetters) {
  EXPECT_EQ(Verdict(CheckCreditCode("9144030071526726xg")),
            "character 17 'x' is not allowed (letters must be upper case)");
}

TEST(CreditCodeTest, RejectsWrongCheckCharacter) {
  EXPECT_EQ(Verdict(CheckCreditCode("914403001922038217")), "check character is '7', expected '6'");
  EXPECT_EQ(Verdict(CheckCreditCode("9144030071526726XY")), "check character is 'Y', expected 'G'");
  // A code often quoted as an example, whose check character is actually 'A'.
  EXPECT_EQ(Verdict(CheckCreditCode("91110000100000589B")), "check character is 'B', expected 'A'");
}

TEST(CreditCodeTest, DetectsEverySingleCharacterSubstitution) {
  // Every weight is invertible mod 31, so changing one character always changes the check.
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const std::string valid = "91310000MA1FL4B24G";
  for (std::size_t i = 0; i < 17; ++i) {
    for (char c : kAlphabet) {
      if (c == valid[i]) continue;
      std::string changed = valid;
      changed[i] = c;
      EXPECT_TRUE(CheckCreditCode(changed).has_value()) << changed;
    }
  }
}

// --- Region codes ---------------------------------------------------------------------------

TEST(RegionCodeTest, AcceptsProvinceCityAndCountyCodes) {
  for (std::string_view code : {"110000", "110101", "210000", "211300", "211302", "429004",
                                "650000", "710000", "810000", "820000"}) {
    EXPECT_EQ(Verdict(CheckRegionCode(code)), "valid") << code;
  }
}

TEST(RegionCodeTest, RejectsAnythingButSixDigits) {
  EXPECT_EQ(Verdict(CheckRegionCode("21130")), "must be six digits, got '21130'");
  EXPECT_EQ(Verdict(CheckRegionCode("2113020")), "must be six digits, got '2113020'");
  EXPECT_EQ(Verdict(CheckRegionCode("21130a")), "must be six digits, got '21130a'");
  EXPECT_EQ(Verdict(CheckRegionCode(" 211302")), "must be six digits, got ' 211302'");
  EXPECT_EQ(Verdict(CheckRegionCode("")), "must be six digits, got ''");
}

TEST(RegionCodeTest, ShortensLongInputInMessages) {
  std::string long_input(100, '7');
  EXPECT_EQ(Verdict(CheckRegionCode(long_input)),
            "must be six digits, got '" + std::string(32, '7') + "...'");
}

TEST(RegionCodeTest, RejectsProvincePartsThatAreNotProvinces) {
  EXPECT_EQ(Verdict(CheckRegionCode("100000")), "'10' is not a province code of GB/T 2260");
  for (std::string_view code : {"000000", "160000", "240000", "380000", "470000", "550000",
                                "660000", "700000", "720000", "800000", "830000", "990000"}) {
    EXPECT_TRUE(CheckRegionCode(code).has_value()) << code;
  }
}

TEST(RegionCodeTest, AcceptsEveryProvinceOfTheStandard) {
  for (std::string_view p : {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
                             "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
                             "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}) {
    EXPECT_EQ(Verdict(CheckRegionCode(std::string(p) + "0000")), "valid") << p;
  }
}

TEST(RegionCodeTest, RejectsCountyPartUnderProvince) {
  EXPECT_EQ(Verdict(CheckRegionCode("210002")),
            "a code with city part 00 is a province and must end in 00, got '210002'");
}

TEST(RegionCodeTest, LevelFollowsTheZeroPairs) {
  EXPECT_EQ(RegionLevelOf("210000"), RegionLevel::kProvince);
  EXPECT_EQ(RegionLevelOf("211300"), RegionLevel::kCity);
  EXPECT_EQ(RegionLevelOf("211302"), RegionLevel::kCounty);
  EXPECT_EQ(RegionLevelOf("441900"), RegionLevel::kCity);  // Dongguan has no counties
  EXPECT_EQ(RegionLevelOf("110101"), RegionLevel::kCounty);
}

TEST(RegionCodeTest, RollsUpToProvince) {
  EXPECT_EQ(RegionProvince("211302"), "210000");
  EXPECT_EQ(RegionProvince("211300"), "210000");
  EXPECT_EQ(RegionProvince("210000"), "210000");
}

TEST(RegionCodeTest, RollsUpToCity) {
  EXPECT_EQ(RegionCity("211302"), "211300");
  EXPECT_EQ(RegionCity("211300"), "211300");
  EXPECT_EQ(RegionCity("429004"), "429000");
}

TEST(RegionCodeTest, CityOfProvinceIsTheProvinceItself) {
  EXPECT_EQ(RegionCity("210000"), "210000");
}

TEST(RegionCodeTest, PrefixKeepsTheSignificantPairs) {
  EXPECT_EQ(RegionPrefix("210000"), "21");
  EXPECT_EQ(RegionPrefix("211300"), "2113");
  EXPECT_EQ(RegionPrefix("211302"), "211302");
}

TEST(RegionCodeTest, PrefixOfARegionPrefixesEveryCodeBelowIt) {
  for (std::string_view code : {"211302", "211300"}) {
    EXPECT_TRUE(code.starts_with(RegionPrefix(RegionCity(code)))) << code;
    EXPECT_TRUE(code.starts_with(RegionPrefix(RegionProvince(code)))) << code;
  }
  EXPECT_FALSE(std::string_view("211302").starts_with(RegionPrefix("211400")));
}

TEST(RegionCodeTest, AcceptsAndRollsUpEveryOfficialDivision) {
  if (!DataFileExists("regions/areas.csv")) {
    GTEST_SKIP() << "shared data absent: " << TB_SHARED_DATA_DIR << "/regions/areas.csv";
  }
  auto provinces = DataLines("regions/provinces.csv");
  auto cities = DataLines("regions/cities.csv");
  auto areas = DataLines("regions/areas.csv");
  ASSERT_EQ(provinces.size(), 31u);
  ASSERT_EQ(cities.size(), 342u);
  ASSERT_EQ(areas.size(), 2978u);
  for (const auto& line : provinces) {
    std::string code = Fields(line).front() + "0000";
    EXPECT_EQ(Verdict(CheckRegionCode(code)), "valid") << line;
    EXPECT_EQ(RegionLevelOf(code), RegionLevel::kProvince) << line;
  }
  for (const auto& line : cities) {
    auto fields = Fields(line);  // code,name,provinceCode
    std::string code = fields.front() + "00";
    EXPECT_EQ(Verdict(CheckRegionCode(code)), "valid") << line;
    EXPECT_EQ(RegionLevelOf(code), RegionLevel::kCity) << line;
    EXPECT_EQ(RegionProvince(code), fields.back() + "0000") << line;
  }
  for (const auto& line : areas) {
    auto fields = Fields(line);  // code,name,cityCode,provinceCode
    const std::string& code = fields.front();
    EXPECT_EQ(Verdict(CheckRegionCode(code)), "valid") << line;
    EXPECT_EQ(RegionCity(code), fields[fields.size() - 2] + "00") << line;
    EXPECT_EQ(RegionProvince(code), fields.back() + "0000") << line;
  }
}

// --- Major codes ----------------------------------------------------------------------------

TEST(MajorCodeTest, AcceptsCodesWithAndWithoutSuffix) {
  for (std::string_view code :
       {"010101", "010103K", "010104T", "080911TK", "140001TK", "050200T", "510201", "590101"}) {
    EXPECT_EQ(Verdict(CheckMajorCode(code)), "valid") << code;
  }
}

TEST(MajorCodeTest, AcceptsSevenDigitCodesOfClassesPastNinetyNineMajors) {
  EXPECT_EQ(Verdict(CheckMajorCode("0502100T")), "valid");
  EXPECT_EQ(Verdict(CheckMajorCode("0502104TK")), "valid");
  EXPECT_EQ(Verdict(CheckMajorCode("0502199")), "valid");
}

TEST(MajorCodeTest, RejectsSevenDigitCodeWithSmallMajorNumber) {
  EXPECT_EQ(Verdict(CheckMajorCode("0809011")),
            "a seven-digit code must have a major number of 100 or more, got '0809011'");
}

TEST(MajorCodeTest, RejectsMalformedCodes) {
  EXPECT_EQ(Verdict(CheckMajorCode("08091")),
            "must be six digits optionally followed by T, K or TK, got '08091'");
  for (std::string_view code :
       {"", "080911KT", "080911X", "080911t", "080911k", "080911TT", "080911 T", "0809T11",
        "T080911", "08091a", "080911TKK", "08091100"}) {
    EXPECT_EQ(
        Verdict(CheckMajorCode(code)),
        "must be six digits optionally followed by T, K or TK, got '" + std::string(code) + "'");
  }
}

TEST(MajorCodeTest, RejectsUnknownCategories) {
  EXPECT_EQ(Verdict(CheckMajorCode("150101")),
            "category '15' does not exist (undergraduate 01-14, vocational 41-59)");
  for (std::string_view code : {"000101", "400101", "600101", "990101"}) {
    EXPECT_TRUE(CheckMajorCode(code).has_value()) << code;
  }
  for (std::string_view code : {"010101", "140101", "410101", "590101"}) {
    EXPECT_FALSE(CheckMajorCode(code).has_value()) << code;
  }
}

TEST(MajorCodeTest, RollsUpToClassAndCategory) {
  EXPECT_EQ(MajorClass("080911TK"), "0809");
  EXPECT_EQ(MajorCategory("080911TK"), "08");
  EXPECT_EQ(MajorClass("010101"), "0101");
  EXPECT_EQ(MajorCategory("010101"), "01");
  EXPECT_EQ(MajorClass("0502104TK"), "0502");
  EXPECT_EQ(MajorCategory("0502104TK"), "05");
}

// One major of the catalog file: {"code":"...","name":"...","className":"...",...}.
struct CatalogMajor {
  std::string code, class_name, category_name;
};

std::vector<CatalogMajor> ReadMajorCatalog(const std::string& path) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto value_after = [&text](std::string_view key, std::size_t from) {
    std::size_t begin = text.find(key, from) + key.size();
    return text.substr(begin, text.find('"', begin) - begin);
  };
  std::vector<CatalogMajor> majors;
  for (std::size_t at = 0; (at = text.find("\"code\":\"", at)) != std::string::npos; ++at) {
    majors.push_back({value_after("\"code\":\"", at), value_after("\"className\":\"", at),
                      value_after("\"categoryName\":\"", at)});
  }
  return majors;
}

TEST(MajorCodeTest, AcceptsAndRollsUpTheWholeUndergraduateCatalog) {
  const std::string path = std::string(TB_SHARED_DATA_DIR) + "/majors/undergraduate-2026.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  auto majors = ReadMajorCatalog(path);
  ASSERT_EQ(majors.size(), 883u);
  std::map<std::string, std::set<std::string>> class_names, category_names;
  for (const auto& major : majors) {
    EXPECT_EQ(Verdict(CheckMajorCode(major.code)), "valid") << major.code;
    class_names[MajorClass(major.code)].insert(major.class_name);
    category_names[MajorCategory(major.code)].insert(major.category_name);
  }
  // Each class code and category code names exactly one class or category of the catalog.
  for (const auto& [code, names] : class_names) EXPECT_EQ(names.size(), 1u) << code;
  for (const auto& [code, names] : category_names) EXPECT_EQ(names.size(), 1u) << code;
  EXPECT_EQ(category_names.size(), 13u);  // 01-14 without 11 (military science)
}

// --- Industry codes -------------------------------------------------------------------------

TEST(IndustryCodeTest, AcceptsSectionsDivisionsGroupsAndClasses) {
  for (std::string_view code :
       {"A", "C", "T", "01", "38", "97", "381", "970", "3811", "0111", "9700"}) {
    EXPECT_EQ(Verdict(CheckIndustryCode(code)), "valid") << code;
  }
}

TEST(IndustryCodeTest, RejectsLettersBeyondT) {
  EXPECT_EQ(Verdict(CheckIndustryCode("U")),
            "must be a section letter A-T or a code of 2 to 4 digits, got 'U'");
  EXPECT_TRUE(CheckIndustryCode("Z").has_value());
}

TEST(IndustryCodeTest, RejectsLowerCaseSection) {
  EXPECT_EQ(Verdict(CheckIndustryCode("c")), "section letter must be upper case, got 'c'");
}

TEST(IndustryCodeTest, RejectsMalformedCodes) {
  for (std::string_view code : {"", "1", "12345", "3a", "C38", "38 ", "AB", "-38"}) {
    EXPECT_EQ(
        Verdict(CheckIndustryCode(code)),
        "must be a section letter A-T or a code of 2 to 4 digits, got '" + std::string(code) + "'");
  }
}

TEST(IndustryCodeTest, RejectsDivisionsThatDoNotExist) {
  EXPECT_EQ(Verdict(CheckIndustryCode("98")),
            "division '98' does not exist in GB/T 4754-2017 (divisions are 01-97)");
  EXPECT_EQ(Verdict(CheckIndustryCode("0011")),
            "division '00' does not exist in GB/T 4754-2017 (divisions are 01-97)");
  EXPECT_TRUE(CheckIndustryCode("991").has_value());
}

TEST(IndustryCodeTest, LevelFollowsTheLength) {
  EXPECT_EQ(IndustryLevel("C"), 1);
  EXPECT_EQ(IndustryLevel("38"), 2);
  EXPECT_EQ(IndustryLevel("381"), 3);
  EXPECT_EQ(IndustryLevel("3811"), 4);
}

TEST(IndustryCodeTest, MapsDivisionBoundariesToTheirSections) {
  const std::map<std::string, char> boundaries = {
      {"01", 'A'}, {"05", 'A'}, {"06", 'B'}, {"12", 'B'}, {"13", 'C'}, {"43", 'C'}, {"44", 'D'},
      {"46", 'D'}, {"47", 'E'}, {"50", 'E'}, {"51", 'F'}, {"52", 'F'}, {"53", 'G'}, {"60", 'G'},
      {"61", 'H'}, {"62", 'H'}, {"63", 'I'}, {"65", 'I'}, {"66", 'J'}, {"69", 'J'}, {"70", 'K'},
      {"71", 'L'}, {"72", 'L'}, {"73", 'M'}, {"75", 'M'}, {"76", 'N'}, {"79", 'N'}, {"80", 'O'},
      {"82", 'O'}, {"83", 'P'}, {"84", 'Q'}, {"85", 'Q'}, {"86", 'R'}, {"90", 'R'}, {"91", 'S'},
      {"96", 'S'}, {"97", 'T'}};
  for (const auto& [division, section] : boundaries) {
    EXPECT_EQ(IndustrySection(division), section) << division;
    EXPECT_EQ(IndustrySection(division + "1"), section) << division;
    EXPECT_EQ(IndustrySection(division + "19"), section) << division;
  }
  EXPECT_EQ(IndustrySection("C"), 'C');
}

TEST(IndustryCodeTest, ParentChainEndsAtTheSection) {
  EXPECT_EQ(IndustryParent("3811"), "381");
  EXPECT_EQ(IndustryParent("381"), "38");
  EXPECT_EQ(IndustryParent("38"), "C");
  EXPECT_EQ(IndustryParent("C"), "");
  EXPECT_EQ(IndustryParent("0111"), "011");
  EXPECT_EQ(IndustryParent("01"), "A");
}

TEST(IndustryCodeTest, AgreesWithTheOfficialClassification) {
  const std::string file = "industries/gbt4754-2017.csv";
  if (!DataFileExists(file)) {
    GTEST_SKIP() << "shared data absent: " << TB_SHARED_DATA_DIR << "/" << file;
  }
  std::set<std::string> codes;
  std::map<std::string, int> classes_in_group;
  std::map<std::string, char> division_sections;
  std::map<int, int> count_by_level;
  auto lines = DataLines(file);
  for (const auto& line : lines) {
    std::string code = Fields(line)[0];
    if (code.size() == 4) ++classes_in_group[code.substr(0, 3)];
    codes.insert(std::move(code));
  }
  for (const auto& line : lines) {
    auto fields = Fields(line);  // code,level,section,name,description
    const std::string& code = fields[0];
    const int level = std::stoi(fields[1]);
    const char section = fields[2].at(0);
    ++count_by_level[level];
    ASSERT_EQ(Verdict(CheckIndustryCode(code)), "valid") << line;
    EXPECT_EQ(IndustryLevel(code), level) << line;
    EXPECT_EQ(IndustrySection(code), section) << line;
    if (level == 2) division_sections[code] = section;
    // The chain of every code ends at its section. Each parent is in the file, except the
    // groups the file leaves out because they are not subdivided: the standard then writes the
    // group's one class as the group code followed by 0 (group 019, class 0190).
    std::string up = code;
    for (int l = level; l > 1; --l) {
      std::string parent = IndustryParent(up);
      if (!codes.contains(parent)) {
        EXPECT_TRUE(l == 4 && up.back() == '0' && classes_in_group[parent] == 1)
            << code << " -> " << parent;
      }
      up = parent;
    }
    EXPECT_EQ(up, std::string(1, section)) << line;
    EXPECT_EQ(IndustryParent(up), "") << line;
  }
  EXPECT_EQ(count_by_level, (std::map<int, int>{{1, 20}, {2, 97}, {3, 275}, {4, 1380}}));

  // Exactly the divisions of the standard appear, each in its section.
  const std::map<char, std::pair<int, int>> runs = {
      {'A', {1, 5}},   {'B', {6, 12}},  {'C', {13, 43}}, {'D', {44, 46}}, {'E', {47, 50}},
      {'F', {51, 52}}, {'G', {53, 60}}, {'H', {61, 62}}, {'I', {63, 65}}, {'J', {66, 69}},
      {'K', {70, 70}}, {'L', {71, 72}}, {'M', {73, 75}}, {'N', {76, 79}}, {'O', {80, 82}},
      {'P', {83, 83}}, {'Q', {84, 85}}, {'R', {86, 90}}, {'S', {91, 96}}, {'T', {97, 97}}};
  std::map<std::string, char> expected;
  for (const auto& [section, run] : runs) {
    for (int d = run.first; d <= run.second; ++d) {
      expected[(d < 10 ? "0" : "") + std::to_string(d)] = section;
    }
  }
  EXPECT_EQ(division_sections, expected);
}

// --- Mobile numbers -------------------------------------------------------------------------

TEST(MobileTest, AcceptsElevenDigitsWithOptionalCountryCodeAndSeparators) {
  for (std::string_view number :
       {"13800000000", "19912345678", "15012345678", "138 0000 0000", "138-0000-0000",
        "+8613800000000", "+86 138 0000 0000", "+86-138-0000-0000", "8613800000000",
        "86 13800000000", "1 3 8 0 0 0 0 0 0 0 0"}) {
    EXPECT_EQ(Verdict(CheckMobile(number)), "valid") << number;
  }
}

TEST(MobileTest, NormalizesToElevenDigits) {
  EXPECT_EQ(NormalizeMobile("+86 138-0000-0000"), "13800000000");
  EXPECT_EQ(NormalizeMobile("8613800000000"), "13800000000");
  EXPECT_EQ(NormalizeMobile("138 0000 0000"), "13800000000");
  EXPECT_EQ(NormalizeMobile("13800000000"), "13800000000");
}

TEST(MobileTest, EveryAcceptedNumberNormalizesToAnAcceptedPlainNumber) {
  for (std::string_view number : {"+86 159 1234 5678", "86-159-1234-5678", "159 1234 5678"}) {
    ASSERT_FALSE(CheckMobile(number).has_value()) << number;
    EXPECT_EQ(NormalizeMobile(number), "15912345678");
    EXPECT_FALSE(CheckMobile(NormalizeMobile(number)).has_value()) << number;
  }
}

TEST(MobileTest, RejectsWrongNumberOfDigits) {
  EXPECT_EQ(Verdict(CheckMobile("1380000000")), "must have 11 digits, got 10");
  EXPECT_EQ(Verdict(CheckMobile("138000000000")), "must have 11 digits, got 12");
  EXPECT_EQ(Verdict(CheckMobile("+86 138000000")), "must have 11 digits after +86, got 9");
  EXPECT_EQ(Verdict(CheckMobile("+86")), "must have 11 digits after +86, got 0");
}

TEST(MobileTest, RejectsNumbersNotStartingWithThirteenToNineteen) {
  EXPECT_EQ(Verdict(CheckMobile("12800000000")), "must start with 13-19, got '12'");
  EXPECT_EQ(Verdict(CheckMobile("10800000000")), "must start with 13-19, got '10'");
  EXPECT_EQ(Verdict(CheckMobile("23800000000")), "must start with 13-19, got '23'");
  EXPECT_EQ(Verdict(CheckMobile("+86 238 0000 0000")), "must start with 13-19, got '23'");
}

TEST(MobileTest, RejectsOtherCountryCodes) {
  EXPECT_EQ(Verdict(CheckMobile("+852 1380 0000")), "only the country code +86 is accepted");
  EXPECT_EQ(Verdict(CheckMobile("+1 138 0000 0000")), "only the country code +86 is accepted");
}

TEST(MobileTest, RejectsOtherCharacters) {
  EXPECT_EQ(Verdict(CheckMobile("138.0000.0000")),
            "character 4 '.' is not allowed (digits, spaces and hyphens only)");
  EXPECT_EQ(Verdict(CheckMobile("(+86)13800000000")),
            "character 1 '(' is not allowed (digits, spaces and hyphens only)");
  EXPECT_EQ(Verdict(CheckMobile("１3800000000")),
            "character 1 '１' is not allowed (digits, spaces and hyphens only)");
  EXPECT_EQ(Verdict(CheckMobile("86+13800000000")),
            "character 3 '+' is not allowed (digits, spaces and hyphens only)");
  EXPECT_EQ(Verdict(CheckMobile("")), "must not be empty");
}

TEST(MobileTest, RejectsSeparatorsNotBetweenDigits) {
  for (std::string_view number : {" 13800000000", "13800000000 ", "138  0000 0000", "138 -0000",
                                  "+ 86 138 0000 0000", "-13800000000"}) {
    EXPECT_EQ(Verdict(CheckMobile(number)), "spaces and hyphens may only stand between digits")
        << number;
  }
}

// --- E-mail ---------------------------------------------------------------------------------

TEST(EmailTest, AcceptsOrdinaryAddresses) {
  for (std::string_view email :
       {"a@b.cn", "zhang.san+jobs@mail.example.com.cn", "o'brien@x-y.org", "USER@EXAMPLE.COM",
        "a_b@sub.domain.io", "hr-2024@163.com", "x@1.2.3.cn"}) {
    EXPECT_EQ(Verdict(CheckEmail(email)), "valid") << email;
  }
}

TEST(EmailTest, AcceptsTheLongestParts) {
  EXPECT_EQ(Verdict(CheckEmail(std::string(64, 'a') + "@x.cn")), "valid");
  EXPECT_EQ(Verdict(CheckEmail("a@" + std::string(63, 'b') + ".cn")), "valid");
  std::string longest = std::string(64, 'a') + "@" + std::string(63, 'b') + "." +
                        std::string(63, 'c') + "." + std::string(61, 'd');
  ASSERT_EQ(longest.size(), 254u);
  EXPECT_EQ(Verdict(CheckEmail(longest)), "valid");
  EXPECT_EQ(Verdict(CheckEmail(longest + "d")), "must be at most 254 characters, got 255");
}

TEST(EmailTest, NamesAMissingOrDoubledAt) {
  EXPECT_EQ(Verdict(CheckEmail("")), "must not be empty");
  EXPECT_EQ(Verdict(CheckEmail("zhang.example.com")), "missing '@'");
  EXPECT_EQ(Verdict(CheckEmail("a@b@c.cn")), "must contain exactly one '@', found 2");
}

TEST(EmailTest, NamesProblemsBeforeTheAt) {
  EXPECT_EQ(Verdict(CheckEmail("@x.cn")), "missing the name before '@'");
  EXPECT_EQ(Verdict(CheckEmail(std::string(65, 'a') + "@x.cn")),
            "the name before '@' must be at most 64 characters, got 65");
  EXPECT_EQ(Verdict(CheckEmail("zhang san@x.cn")), "character ' ' is not allowed before '@'");
  EXPECT_EQ(Verdict(CheckEmail("张三@x.cn")), "character '张' is not allowed before '@'");
  EXPECT_EQ(Verdict(CheckEmail("\"a b\"@x.cn")), "character '\"' is not allowed before '@'");
  for (std::string_view email : {".a@x.cn", "a.@x.cn", "a..b@x.cn"}) {
    EXPECT_EQ(Verdict(CheckEmail(email)),
              "the name before '@' must not start or end with a dot or have two dots in a row")
        << email;
  }
}

TEST(EmailTest, NamesProblemsInTheDomain) {
  EXPECT_EQ(Verdict(CheckEmail("a@")), "missing the domain after '@'");
  EXPECT_EQ(Verdict(CheckEmail("a@localhost")), "domain must contain a dot");
  EXPECT_EQ(Verdict(CheckEmail("a@x_y.cn")),
            "character '_' is not allowed in the domain (letters, digits, hyphens and dots only)");
  EXPECT_EQ(Verdict(CheckEmail("a@例子.cn")),
            "character '例' is not allowed in the domain (letters, digits, hyphens and dots only)");
  for (std::string_view email : {"a@.x.cn", "a@x.cn.", "a@x..cn"}) {
    EXPECT_EQ(Verdict(CheckEmail(email)),
              "domain must not start or end with a dot or have two dots in a row")
        << email;
  }
  EXPECT_EQ(Verdict(CheckEmail("a@-x.cn")), "domain part '-x' must not start or end with a hyphen");
  EXPECT_EQ(Verdict(CheckEmail("a@x.cn-")),
            "domain part 'cn-' must not start or end with a hyphen");
  EXPECT_EQ(Verdict(CheckEmail("a@" + std::string(64, 'b') + ".cn")),
            "each part of the domain must be at most 63 characters");
}

// --- Dates and timestamps -------------------------------------------------------------------

TEST(DateTest, AcceptsRealDates) {
  for (std::string_view date :
       {"2024-02-29", "2000-02-29", "1900-01-01", "2200-12-31", "2023-12-31", "1999-06-30"}) {
    EXPECT_EQ(Verdict(CheckDate(date)), "valid") << date;
  }
}

TEST(DateTest, KnowsTheLengthOfEveryMonth) {
  const int common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int year : {2023, 2024, 1900, 2000, 2100}) {
    const bool leap = year == 2024 || year == 2000;
    for (int month = 1; month <= 12; ++month) {
      const int last = common[month - 1] + (month == 2 && leap ? 1 : 0);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, last);
      EXPECT_EQ(Verdict(CheckDate(buf)), "valid") << buf;
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, last + 1);
      EXPECT_TRUE(CheckDate(buf).has_value()) << buf;
    }
  }
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(Verdict(CheckDate("2023-02-29")), "day must be 01-28 in 2023-02, got 29");
  EXPECT_EQ(Verdict(CheckDate("1900-02-29")), "day must be 01-28 in 1900-02, got 29");
  EXPECT_EQ(Verdict(CheckDate("2100-02-29")), "day must be 01-28 in 2100-02, got 29");
  EXPECT_EQ(Verdict(CheckDate("2024-02-30")), "day must be 01-29 in 2024-02, got 30");
  EXPECT_EQ(Verdict(CheckDate("2024-04-31")), "day must be 01-30 in 2024-04, got 31");
  EXPECT_EQ(Verdict(CheckDate("2024-01-00")), "day must be 01-31 in 2024-01, got 00");
}

TEST(DateTest, RejectsMonthsAndYearsOutOfRange) {
  EXPECT_EQ(Verdict(CheckDate("2024-13-01")), "month must be 01-12, got 13");
  EXPECT_EQ(Verdict(CheckDate("2024-00-10")), "month must be 01-12, got 00");
  EXPECT_EQ(Verdict(CheckDate("1899-12-31")), "year must be between 1900 and 2200, got 1899");
  EXPECT_EQ(Verdict(CheckDate("2201-01-01")), "year must be between 1900 and 2200, got 2201");
}

TEST(DateTest, RejectsOtherLayouts) {
  for (std::string_view date :
       {"2024/01/01", "2024-1-1", "20240101", "", "2024-01-01 ", "01-01-2024", "2024-01-0a",
        "２０２４-01-01", "2024-01-01T00:00:00Z"}) {
    EXPECT_EQ(Verdict(CheckDate(date)),
              "must be written YYYY-MM-DD, got '" + std::string(date) + "'");
  }
}

TEST(TimestampTest, AcceptsUtcTimestamps) {
  for (std::string_view ts :
       {"2024-02-29T23:59:59Z", "2024-01-01T00:00:00Z", "1900-01-01T12:30:45Z"}) {
    EXPECT_EQ(Verdict(CheckTimestamp(ts)), "valid") << ts;
  }
}

TEST(TimestampTest, RejectsOtherLayouts) {
  for (std::string_view ts : {"2024-01-01 00:00:00Z", "2024-01-01t00:00:00z", "2024-01-01T0:00:00Z",
                              "2024-01-01", "", "2024/01/01T00:00:00Z", "2024-01-01T00-00-00Z"}) {
    EXPECT_EQ(Verdict(CheckTimestamp(ts)),
              "must be written YYYY-MM-DDTHH:MM:SSZ, got '" + std::string(ts) + "'");
  }
}

TEST(TimestampTest, RequiresUtc) {
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T00:00:00")), "must be in UTC and end with 'Z'");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T08:00:00+08:00")),
            "must be in UTC and end with 'Z', got '+08:00'");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T00:00:00z")),
            "must be in UTC and end with 'Z', got 'z'");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T00:00:00ZZ")),
            "must be in UTC and end with 'Z', got 'ZZ'");
}

TEST(TimestampTest, RejectsFractionsOfASecond) {
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T00:00:00.123Z")),
            "fractions of a second are not accepted");
}

TEST(TimestampTest, RejectsImpossibleDatesAndTimes) {
  EXPECT_EQ(Verdict(CheckTimestamp("2023-02-29T00:00:00Z")),
            "day must be 01-28 in 2023-02, got 29");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T24:00:00Z")), "hour must be 00-23, got 24");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-01-01T23:60:00Z")), "minute must be 00-59, got 60");
  EXPECT_EQ(Verdict(CheckTimestamp("2024-12-31T23:59:60Z")), "second must be 00-59, got 60");
}

// --- Resident identity numbers --------------------------------------------------------------

// Generated with an independent Python implementation of ISO 7064 MOD 11-2.
constexpr std::string_view kValidIdNumbers[] = {
    "11010519491231002X",  // check X
    "11010119900307002X",
    "440304200002291236",  // born on a leap day
    "110101200001010010",  // check 0
};

TEST(IdNumberTest, AcceptsValidNumbers) {
  for (std::string_view id : kValidIdNumbers) EXPECT_EQ(Verdict(CheckIdNumber(id)), "valid") << id;
}

TEST(IdNumberTest, RejectsWrongLength) {
  EXPECT_EQ(Verdict(CheckIdNumber("11010519491231002")), "must be 18 characters, got 17");
  EXPECT_EQ(Verdict(CheckIdNumber("11010519491231002X0")), "must be 18 characters, got 19");
  EXPECT_EQ(Verdict(CheckIdNumber("")), "must be 18 characters, got 0");
}

TEST(IdNumberTest, ExplainsThatTheOldFifteenDigitFormIsNotAccepted) {
  EXPECT_EQ(Verdict(CheckIdNumber("110105491231002")),
            "must be 18 characters, got 15 (the old 15-digit form is not accepted)");
}

TEST(IdNumberTest, RejectsNonDigitsInTheFirstSeventeen) {
  EXPECT_EQ(Verdict(CheckIdNumber("1101051949123100AX")), "character 17 'A' must be a digit");
  EXPECT_EQ(Verdict(CheckIdNumber("X10105194912310020")), "character 1 'X' must be a digit");
  EXPECT_EQ(Verdict(CheckIdNumber("1101051949123100２X")), "character 17 '２' must be a digit");
}

TEST(IdNumberTest, RejectsBadCheckCharacters) {
  EXPECT_EQ(Verdict(CheckIdNumber("110105194912310021")), "check character is '1', expected 'X'");
  EXPECT_EQ(Verdict(CheckIdNumber("11010120000101001X")), "check character is 'X', expected '0'");
  EXPECT_EQ(Verdict(CheckIdNumber("11010519491231002x")),
            "the check character must be an upper-case 'X'");
  EXPECT_EQ(Verdict(CheckIdNumber("11010519491231002Y")),
            "character 18 'Y' must be a digit or 'X'");
  EXPECT_EQ(Verdict(CheckIdNumber("11010519491231002一")),
            "character 18 '一' must be a digit or 'X'");
}

TEST(IdNumberTest, RejectsBirthDatesThatDoNotExist) {
  EXPECT_EQ(Verdict(CheckIdNumber("110105194913310020")),
            "the birth date (characters 7-14) is not a real date: month must be 01-12, got 13");
  EXPECT_EQ(Verdict(CheckIdNumber("440304190002291236")),
            "the birth date (characters 7-14) is not a real date: day must be 01-28 in 1900-02, "
            "got 29");
  EXPECT_EQ(Verdict(CheckIdNumber("440304180001011236")),
            "the birth date (characters 7-14) is not a real date: year must be between 1900 and "
            "2200, got 1800");
}

TEST(IdNumberTest, DetectsEverySingleDigitSubstitution) {
  // Every weight is invertible mod 11, so one changed digit never keeps the checksum.
  const std::string valid = "440304200002291236";
  for (std::size_t i = 0; i < 17; ++i) {
    for (char c = '0'; c <= '9'; ++c) {
      if (c == valid[i]) continue;
      std::string changed = valid;
      changed[i] = c;
      EXPECT_TRUE(CheckIdNumber(changed).has_value()) << changed;
    }
  }
}

}  // namespace
}  // namespace tb::core
