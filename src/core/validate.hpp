#pragma once
// Validation of the codes and formats the domain relies on. Pure functions, no I/O, thread-safe.
// Each Check* returns std::nullopt when the input is valid, otherwise a message that says
// precisely what is wrong (in English; the message is shown to users next to the field).

#include <optional>
#include <string>
#include <string_view>

namespace tb::core {

using Problem = std::optional<std::string>;

// Unified social credit code, GB 32100-2015: 18 characters from the 31-character alphabet
// 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V); character 1 registration authority, 2 entity type,
// 3-8 the region code, 9-17 the organization code, 18 the check character computed from the
// first 17 with weights 3^(i) mod 31.
Problem CheckCreditCode(std::string_view code);
// The check character for the first 17 characters (which must be from the alphabet), or '\0'.
char CreditCodeCheckCharacter(std::string_view first17);

// GB/T 2260 six-digit administrative division code: province (2 digits, 11-82) + city (2) +
// county (2); "xx0000" is a province, "xxxx00" a city (prefecture level).
Problem CheckRegionCode(std::string_view code);
enum class RegionLevel { kProvince = 1, kCity = 2, kCounty = 3 };
RegionLevel RegionLevelOf(std::string_view valid_code);
std::string RegionProvince(std::string_view valid_code);  // "211302" -> "210000"
std::string RegionCity(std::string_view valid_code);      // "211302" -> "211300"
// (A city code is its own city; a province code has no city and is returned unchanged.)
// The codes that start with the same administrative prefix: "210000" -> "21", "211300" -> "2113",
// "211302" -> "211302". Used for "region prefix" filters.
std::string RegionPrefix(std::string_view valid_code);

// Major catalog code: six digits with an optional suffix T (special), K (state-controlled) or TK.
// Digits 1-2 are the category (门类), 1-4 the class (专业类). Categories: 01-14 (undergraduate)
// and 41-59 (higher vocational). Where a class ran past 99 majors the catalog uses seven digits
// with a major number of 100 or more ("0502100T", "0502104TK"); those are accepted too.
Problem CheckMajorCode(std::string_view code);
std::string MajorClass(std::string_view valid_code);     // "080911TK" -> "0809"
std::string MajorCategory(std::string_view valid_code);  // "080911TK" -> "08"

// GB/T 4754-2017 industry code: a section letter A-T (level 1), or a 2-digit division (level 2),
// 3-digit group (level 3) or 4-digit class (level 4). Divisions must exist in the 2017 edition
// (01-97, each section owning one contiguous run: A 01-05, B 06-12, C 13-43 ... T 97; 00 and
// 98-99 do not exist). Groups and classes are checked for their division only.
Problem CheckIndustryCode(std::string_view code);
int IndustryLevel(std::string_view valid_code);           // 1..4
char IndustrySection(std::string_view valid_code);        // "3811" -> 'C', "C" -> 'C'
std::string IndustryParent(std::string_view valid_code);  // "3811" -> "381", "38" -> "C", "C" -> ""

// Mainland China mobile number: 11 digits starting with 1[3-9], optionally written with a
// leading "+86" or "86" and spaces or hyphens between groups.
Problem CheckMobile(std::string_view number);
// The 11-digit form of a valid mobile number ("+86 138-0000-0000" -> "13800000000").
std::string NormalizeMobile(std::string_view valid_number);

// E-mail address: one "@", a non-empty local part of allowed characters, a domain with at least
// one dot, labels of letters, digits and hyphens; at most 254 characters.
// Quoted local parts ("a b"@x.cn) and non-ASCII addresses are rejected.
Problem CheckEmail(std::string_view email);

// A real calendar date written YYYY-MM-DD (leap years honoured; years 1900-2200).
Problem CheckDate(std::string_view date);
// A UTC timestamp written YYYY-MM-DDTHH:MM:SSZ (no fractions, no offsets, no leap second).
Problem CheckTimestamp(std::string_view ts);

// 18-character PRC resident identity number (GB 11643): 17 digits and a check character (0-9 or X)
// with the ISO 7064 MOD 11-2 checksum; the birth date inside must be a real date.
Problem CheckIdNumber(std::string_view id);

}  // namespace tb::core
