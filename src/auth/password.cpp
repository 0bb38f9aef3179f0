#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

namespace tb::auth {

namespace {

void Init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable randomness: nothing safe can follow
  });
}

// Common passwords of 10+ characters (from public breach-frequency lists), lower case.
constexpr std::array<std::string_view, 60> kCommon = {
    "1234567890",   "0123456789",  "12345678910",  "123456789a",    "qwertyuiop",   "1q2w3e4r5t",
    "1qaz2wsx3edc", "password12",  "password123",  "password1234",  "passw0rd123",  "iloveyou12",
    "iloveyou123",  "abcdefghij",  "abcd123456",   "abc1234567",    "a123456789",   "1234567890a",
    "qwerty1234",   "qwerty12345", "qwerty123456", "qwertyuiop123", "asdfghjkl1",   "asdfghjkl;",
    "zxcvbnm123",   "1111111111",  "0000000000",   "9876543210",    "11223344556",  "1122334455",
    "welcome123",   "welcome1234", "letmein123",   "monkey1234",    "dragon1234",   "football12",
    "baseball12",   "sunshine12",  "princess12",   "admin12345",    "admin123456",  "administrator",
    "changeme123",  "trustno1234", "superman123",  "starwars12",    "woaini1314",   "woaini520",
    "5201314520",   "1314520520",  "aa123456789",  "a1234567890",   "qq123456789",  "zhang123456",
    "wang1234567",  "li123456789", "talentbridge", "talentbridge1", "123qweasdzxc", "1qaz2wsx3e"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsRun(const std::string& s) {
  if (std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; })) return true;
  bool up = true, down = true;
  for (std::size_t i = 1; i < s.size(); ++i) {
    up = up && s[i] == s[i - 1] + 1;
    down = down && s[i] == s[i - 1] - 1;
  }
  return up || down;
}

std::string Hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

Error PasswordError(std::string message) {
  return Error::Unprocessable("password does not meet the policy",
                              {{"password", std::move(message)}});
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password) {
  std::size_t chars = 0;
  for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
  if (chars < 10)
    return PasswordError("must be at least 10 characters, got " + std::to_string(chars));
  if (password.size() > 200) return PasswordError("must be at most 200 bytes");
  std::string lower = Lower(password);
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end() || IsRun(lower)) {
    return PasswordError("is too common; choose one that is not on lists of frequent passwords");
  }
  return {};
}

Result<std::string> HashPassword(std::string_view password) {
  Init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error::Internal("out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  Init();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyDummyPassword(std::string_view password) {
  Init();
  static const std::string dummy = [] {
    char out[crypto_pwhash_STRBYTES];
    crypto_pwhash_str(out, "not a password", 14, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE);
    return std::string(out);
  }();
  (void)crypto_pwhash_str_verify(dummy.c_str(), password.data(), password.size());
}

std::string RandomToken() {
  Init();
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return Hex(buf, sizeof buf);
}

std::string HashToken(std::string_view token) {
  Init();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return Hex(digest, sizeof digest);
}

std::string GeneratePassword() {
  Init();
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  }
  return out;
}

}  // namespace tb::auth
