#pragma once
// Password hashing (argon2id through libsodium), the password policy, and random tokens.
// Thread-safe; Init() must have run once (it is called by the functions themselves).

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tb::auth {

// At least 10 characters, at most 200 bytes, not a common password (a built-in list, compared
// case-insensitively), not one character repeated or a keyboard/digit run. Errors name the
// field "password".
Status CheckPasswordPolicy(std::string_view password);

// argon2id with libsodium's interactive limits; the result embeds salt and parameters.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& hash);
// Spends the time of one verification without a real hash, so an unknown account answers as
// slowly as a wrong password.
void VerifyDummyPassword(std::string_view password);

// 256 random bits as 64 lower-case hex characters.
std::string RandomToken();
// SHA-256 of a token, hex; what the database stores instead of the token.
std::string HashToken(std::string_view token);
// A readable random password for generated accounts: 16 characters from an alphabet without
// look-alikes, grouped "xxxx-xxxx-xxxx-xxxx".
std::string GeneratePassword();

}  // namespace tb::auth
