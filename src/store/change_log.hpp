#pragma once
// Reading change_log, the table every write appends to in its own transaction (Tx::LogChange).
// Ids are handed out in commit order, so a reader that remembers the last id it saw can follow
// the writes of every server process on the database: the matching engine's index and the
// live counters of events both do.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/entity.hpp"
#include "store/database.hpp"

namespace tb::store {

struct ChangeRow {
  std::int64_t id = 0;
  std::string entity;
  domain::Id entity_id = 0;
  std::string op;
};

// The newest change_log id (0 when empty): something changed when it moves.
std::int64_t LastChangeId(Tx& tx);
// At most `limit` entries with id > after, oldest first.
std::vector<ChangeRow> ChangesAfter(Tx& tx, std::int64_t after, int limit);

}  // namespace tb::store
