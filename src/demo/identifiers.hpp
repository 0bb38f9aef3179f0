#pragma once
// Synthetic identifiers of the shapes the domain validates: unified social credit codes
// (GB 32100-2015) built around GB 11714 organization codes, resident identity numbers
// (GB 11643) and mainland mobile numbers. Pure functions apart from the Rng they are given;
// thread-safe.
//
// Everything made here is invented: a code made for a real body is not that body's code.

#include <string>
#include <string_view>

#include "demo/random.hpp"

namespace tb::demo {

// GB 11714 check character of an 8-character organization code body (digits and upper-case
// letters, a letter counting 10-35): '0'-'9' or 'X'; '\0' for a malformed body.
char OrganizationCodeCheckCharacter(std::string_view body8);

// "<prefix2><region6><body8><org check><credit check>": an 18-character credit code with both
// check characters computed. `prefix2` is the registration authority and entity type ("91"
// enterprise, "11" government body, "12" public institution, "51" social organization).
// Empty when an input is malformed or uses a character outside the credit code alphabet.
std::string MakeCreditCode(std::string_view prefix2, std::string_view region6,
                           std::string_view body8);

// ISO 7064 MOD 11-2 check character of the first 17 digits of an identity number; '\0' for
// malformed input.
char IdNumberCheckCharacter(std::string_view first17);

// An 18-character identity number: region, birth date, a 3-digit sequence (odd for men, even
// for women in GB 11643) and the check character. Empty for malformed input.
std::string MakeIdNumber(std::string_view region6, int year, int month, int day, int sequence);

// An 11-digit mobile number with a prefix of a mainland carrier.
std::string MakeMobile(Rng& rng);

}  // namespace tb::demo
