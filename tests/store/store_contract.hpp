#pragma once
// Shared by the store contract suites (*_test.cpp here): a fixture on a fresh database of the
// parameter's backend, with one-line helpers that run a repository call in its own transaction.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::store {

class StoreContract : public tb::testing::DatabaseTest {
 protected:
  template <class T>
  Result<T> Insert(T value, const std::string& now = tb::testing::kNow) {
    return database().Write(
        [&](Tx& tx) -> Result<T> { return Repository<T>::Insert(tx, std::move(value), now); });
  }

  template <class T>
  Result<T> Get(domain::Id id) {
    return database().Read([&](Tx& tx) { return Repository<T>::Get(tx, id); });
  }

  template <class T>
  Result<T> Update(T value, const std::string& now = tb::testing::kLater) {
    return database().Write(
        [&](Tx& tx) { return Repository<T>::Update(tx, std::move(value), now); });
  }

  template <class T>
  Status Delete(domain::Id id) {
    return database().Write([&](Tx& tx) { return Repository<T>::Delete(tx, id); });
  }

  template <class T>
  Result<Page<T>> List(Where where, PageRequest page = {}) {
    return database().Read(
        [&](Tx& tx) -> Result<Page<T>> { return Repository<T>::List(tx, where, page); });
  }

  // The ids of every row matching `where`, read page by page.
  template <class T>
  std::vector<domain::Id> ListIds(const Where& where, int page_size = 100) {
    std::vector<domain::Id> ids;
    PageRequest page{0, page_size};
    for (int guard = 0; guard < 1000; ++guard) {
      auto result = List<T>(where, page);
      if (!result.ok()) {
        ADD_FAILURE() << tb::testing::Describe(result.error());
        return ids;
      }
      for (const T& item : result->items) ids.push_back(item.id);
      if (!result->next_after) return ids;
      page.after = *result->next_after;
    }
    ADD_FAILURE() << "pagination did not end";
    return ids;
  }

  // Runs `fn(tx)` (returning nothing) in a write transaction.
  template <class F>
  void Seed(F&& fn) {
    TB_ASSERT_OK(database().Write([&](Tx& tx) -> Status {
      fn(tx);
      return {};
    }));
  }

  void SeedReference() {
    Seed([](Tx& tx) { tb::testing::SeedReferenceRows(tx); });
  }

  // Number of rows of a table, or -1 when the query failed.
  std::int64_t CountOf(const std::string& table, const std::string& where = "",
                       const std::vector<Param>& params = {}) {
    auto n = database().Read([&](Tx& tx) -> Result<std::int64_t> {
      return tx
          .QueryInt("SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where),
                    params)
          .value_or(0);
    });
    return n.ok() ? *n : -1;
  }
};

}  // namespace tb::store
