#pragma once
// gtest assertions on Result / Status values that print the error when they fail.
//
//   TB_ASSERT_OK(status_or_result);
//   TB_ASSERT_OK_AND_ASSIGN(auto org, db->Write(...));
//   TB_EXPECT_ERROR(result, ErrorCode::kConflict);
//
// The ASSERT forms return from the enclosing function, so use them in test bodies and in
// helpers returning void.

#include <gtest/gtest.h>

#include <string>

#include "core/result.hpp"

namespace tb::testing {

// "conflict: a record with the same key already exists (...)" plus field errors.
std::string Describe(const Error& error);

}  // namespace tb::testing

#define TB_ASSERT_OK(expr)                                                           \
  do {                                                                               \
    const auto& tb_assert_ok = (expr);                                               \
    ASSERT_TRUE(tb_assert_ok.ok()) << ::tb::testing::Describe(tb_assert_ok.error()); \
  } while (false)

#define TB_EXPECT_OK(expr)                                                           \
  do {                                                                               \
    const auto& tb_expect_ok = (expr);                                               \
    EXPECT_TRUE(tb_expect_ok.ok()) << ::tb::testing::Describe(tb_expect_ok.error()); \
  } while (false)

#define TB_ASSERT_OK_AND_ASSIGN_IMPL(tmp, lhs, expr)             \
  auto tmp = (expr);                                             \
  ASSERT_TRUE(tmp.ok()) << ::tb::testing::Describe(tmp.error()); \
  lhs = std::move(tmp).value()
#define TB_ASSERT_OK_AND_ASSIGN(lhs, expr) \
  TB_ASSERT_OK_AND_ASSIGN_IMPL(TB_CONCAT(tb_assert_ok_, __LINE__), lhs, expr)

// Expects `expr` to have failed with ErrorCode `expected_code`.
#define TB_EXPECT_ERROR(expr, expected_code)                                                      \
  do {                                                                                            \
    const auto& tb_expect_error = (expr);                                                         \
    if (tb_expect_error.ok()) {                                                                   \
      ADD_FAILURE() << #expr " succeeded; expected error " << ::tb::ErrorCodeName(expected_code); \
    } else {                                                                                      \
      EXPECT_EQ(::tb::ErrorCodeName(tb_expect_error.error().code),                                \
                ::tb::ErrorCodeName(expected_code))                                               \
          << ::tb::testing::Describe(tb_expect_error.error());                                    \
    }                                                                                             \
  } while (false)
