#pragma once
// What the matching engine (src/match) reads: students with their institution's region, posts
// with their organization's verified flag, in batches, and the change_log entries after a
// given one (so every server process can follow the writes of every other).
// Stateless; every function runs in the caller's transaction.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"

namespace tb::store {

struct MatchStudentRow {
  domain::Student student;
  std::string institution_region;
};

struct MatchPostRow {
  domain::Post post;
  bool verified = false;
};

// Every student / post, `batch` rows at a time in id order.
void ForEachMatchStudent(Tx& tx, int batch,
                         const std::function<void(std::vector<MatchStudentRow>&&)>& fn);
void ForEachMatchPost(Tx& tx, int batch,
                      const std::function<void(std::vector<MatchPostRow>&&)>& fn);
// The named records that exist (deleted ones are simply absent).
std::vector<MatchStudentRow> LoadMatchStudents(Tx& tx, const std::vector<domain::Id>& ids);
std::vector<MatchPostRow> LoadMatchPosts(Tx& tx, const std::vector<domain::Id>& ids);
// Ids of the posts of these organizations and of the students of these institutions.
std::vector<domain::Id> PostIdsOfOrganizations(Tx& tx, const std::vector<domain::Id>& orgs);
std::vector<domain::Id> StudentIdsOfInstitutions(Tx& tx, const std::vector<domain::Id>& ids);

}  // namespace tb::store
