#include "core/result.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace tb {
namespace {

TEST(ErrorCodeTest, NamesEveryCode) {
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kInvalid), "invalid");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kUnprocessable), "unprocessable");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kForbidden), "forbidden");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(ErrorTest, FactoriesSetCodeMessageAndFields) {
  const std::vector<FieldError> fields = {{"credit_code", "must be 18 characters, got 17"}};
  Error invalid = Error::Invalid("bad input", fields);
  EXPECT_EQ(invalid.code, ErrorCode::kInvalid);
  EXPECT_EQ(invalid.message, "bad input");
  EXPECT_EQ(invalid.fields, fields);
  EXPECT_EQ(Error::Unprocessable("x", fields).code, ErrorCode::kUnprocessable);
  EXPECT_EQ(Error::Unprocessable("x", fields).fields, fields);
  EXPECT_EQ(Error::Conflict("x").code, ErrorCode::kConflict);
  EXPECT_EQ(Error::NotFound("x").code, ErrorCode::kNotFound);
  EXPECT_EQ(Error::Forbidden("x").code, ErrorCode::kForbidden);
  EXPECT_EQ(Error::Unavailable("x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(Error::Internal("x").code, ErrorCode::kInternal);
  EXPECT_TRUE(Error::NotFound("x").fields.empty());
}

TEST(ErrorTest, DefaultErrorIsInternal) { EXPECT_EQ(Error{}.code, ErrorCode::kInternal); }

TEST(FieldErrorTest, ComparesFieldAndMessage) {
  EXPECT_EQ((FieldError{"a", "m"}), (FieldError{"a", "m"}));
  EXPECT_NE((FieldError{"a", "m"}), (FieldError{"b", "m"}));
  EXPECT_NE((FieldError{"a", "m"}), (FieldError{"a", "n"}));
}

TEST(ResultTest, HoldsAValue) {
  Result<int> r = 42;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), 42);
  EXPECT_EQ(*r, 42);
}

TEST(ResultTest, HoldsAnError) {
  Result<int> r = Error::NotFound("no such job");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message, "no such job");
}

TEST(ResultTest, GivesMemberAccessAndMutation) {
  Result<std::string> r = std::string("abc");
  EXPECT_EQ(r->size(), 3u);
  r.value() += "d";
  *r += "e";
  EXPECT_EQ(r.value(), "abcde");
}

TEST(ResultTest, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 7);
}

TEST(ResultTest, MovesOutTheError) {
  Result<int> r = Error::Invalid("bad", {{"f", "m"}});
  Error e = std::move(r).error();
  EXPECT_EQ(e.message, "bad");
  EXPECT_EQ(e.fields.size(), 1u);
}

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(static_cast<bool>(s));
}

TEST(StatusTest, HoldsAnError) {
  Status s = Error::Conflict("duplicate");
  ASSERT_FALSE(s.ok());
  EXPECT_FALSE(static_cast<bool>(s));
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(std::move(s).error().message, "duplicate");
}

Result<int> ParsePositive(int x) {
  if (x <= 0) return Error::Invalid("not positive");
  return x;
}

Result<int> Doubled(int x) {
  TB_TRY(int v, ParsePositive(x));
  return v * 2;
}

Result<std::unique_ptr<int>> Boxed(int x) {
  if (x < 0) return Error::Invalid("negative");
  return std::make_unique<int>(x);
}

Result<int> Unboxed(int x) {
  TB_TRY(auto box, Boxed(x));
  TB_TRY(std::unique_ptr<int> again, Boxed(*box + 1));  // two TB_TRY in one scope
  return *again;
}

Status Check(int x) {
  if (x == 13) return Error::Forbidden("unlucky");
  return {};
}

Status CheckBoth(int a, int b) {
  TB_TRY_STATUS(Check(a));
  TB_TRY_STATUS(Check(b));
  return {};
}

TEST(TryTest, UnwrapsValues) {
  Result<int> r = Doubled(21);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 42);
}

TEST(TryTest, PropagatesErrors) {
  Result<int> r = Doubled(-1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message, "not positive");
}

TEST(TryTest, WorksWithMoveOnlyValues) {
  EXPECT_EQ(*Unboxed(4), 5);
  EXPECT_EQ(Unboxed(-3).error().message, "negative");
}

TEST(TryStatusTest, PropagatesTheFirstError) {
  EXPECT_TRUE(CheckBoth(1, 2).ok());
  EXPECT_EQ(CheckBoth(13, 2).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(CheckBoth(1, 13).error().message, "unlucky");
}

}  // namespace
}  // namespace tb
