#include "store/database.hpp"

#include <soci/connection-pool.h>
#include <soci/soci.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>

#include "core/time.hpp"

namespace tb::store {

namespace {

// Rewrites `?` placeholders (outside quotes) into SOCI's named form :p1, :p2, ...
std::string Placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_quote = false;
  for (char c : sql) {
    if (c == '\'') in_quote = !in_quote;
    if (c == '?' && !in_quote) {
      out += ":p" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

// Keeps bound values alive (SOCI binds by address) for the life of one statement.
struct Bindings {
  std::deque<long long> ints;
  std::deque<std::string> texts;
  std::deque<soci::indicator> inds;

  void Bind(soci::details::prepare_temp_type& pt, const std::vector<Param>& params) {
    for (const Param& p : params) {
      if (auto* i = std::get_if<std::int64_t>(&p)) {
        ints.push_back(*i);
        inds.push_back(soci::i_ok);
        pt, soci::use(ints.back(), inds.back());
      } else if (auto* s = std::get_if<std::string>(&p)) {
        texts.push_back(*s);
        inds.push_back(soci::i_ok);
        pt, soci::use(texts.back(), inds.back());
      } else {
        texts.emplace_back();
        inds.push_back(soci::i_null);
        pt, soci::use(texts.back(), inds.back());
      }
    }
  }
};

Cell ReadCell(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::monostate{};
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(i);
    case soci::dt_double:
      return row.get<double>(i);
    case soci::dt_integer:
      return static_cast<std::int64_t>(row.get<int>(i));
    case soci::dt_long_long:
      return static_cast<std::int64_t>(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    case soci::dt_date: {
      std::tm tm = row.get<std::tm>(i);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return std::string(buf);
    }
  }
  return std::monostate{};
}

// The driver's text stays out of conflict messages (it names constraints and values of other
// records); services check unique keys first and name the field, so this is the fallback for
// a race between two writers.
Error FromSociError(const std::exception& e) {
  std::string what = e.what();
  if (what.find("UNIQUE constraint failed") != std::string::npos ||
      what.find("duplicate key value") != std::string::npos) {
    return Error::Conflict("a record with the same key was written at the same time; retry");
  }
  if (what.find("FOREIGN KEY constraint failed") != std::string::npos ||
      what.find("violates foreign key constraint") != std::string::npos) {
    return Error::Conflict(
        "the record is still referenced by other records, or refers to a "
        "record that does not exist");
  }
  if (what.find("database is locked") != std::string::npos ||
      what.find("connection") != std::string::npos) {
    return Error::Unavailable("database unavailable: " + what);
  }
  return Error::Internal("database error: " + what);
}

}  // namespace

std::int64_t Row::Int(std::size_t i) const {
  const Cell& c = cells[i];
  if (auto* v = std::get_if<std::int64_t>(&c)) return *v;
  if (auto* d = std::get_if<double>(&c)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&c)) {
    std::int64_t v = 0;
    std::from_chars(s->data(), s->data() + s->size(), v);
    return v;
  }
  return 0;
}

std::string Row::Text(std::size_t i) const {
  const Cell& c = cells[i];
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* v = std::get_if<std::int64_t>(&c)) return std::to_string(*v);
  if (auto* d = std::get_if<double>(&c)) return std::to_string(*d);
  return {};
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::string LikeEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// SOCI 4.0's postgresql backend re-joins its connect string as key=value tokens (a bare URI
// "postgresql://u@h:5432/db" reaches libpq as ".../db="), so hand it libpq's keyword form:
// "postgresql://user:pw@host:port/db?k=v" -> "host='host' port='port' user='user' ...".
std::string PostgresKeywords(std::string_view rest) {  // rest: the URL after "://"
  std::string out;
  auto add = [&](std::string_view key, std::string_view raw) {
    std::string value = PercentDecode(raw);
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "='";
    for (char c : value) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    out += '\'';
  };
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string_view user, password;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = user.find(':'); colon != std::string_view::npos) {
      password = user.substr(colon + 1);
      user = user.substr(0, colon);
    }
  }
  std::string_view host = rest, port;
  if (auto colon = rest.rfind(':');
      colon != std::string_view::npos && rest.find(']', colon) == std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  add("host", host);
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", path);
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (auto eq = item.find('='); eq != std::string_view::npos) {
      add(PercentDecode(item.substr(0, eq)), item.substr(eq + 1));
    }
  }
  return out;
}

}  // namespace

Result<DbUrl> ParseDbUrl(std::string_view url) {
  DbUrl out;
  if (url.starts_with("sqlite:")) {
    out.backend = Backend::kSqlite;
    out.path = std::string(url.substr(7));
    if (out.path.starts_with("//")) out.path = out.path.substr(2);  // sqlite://path
    if (out.path.empty())
      return Error::Invalid("--db sqlite: needs a file path, e.g. sqlite:./data/talentbridge.db");
    out.connect = "db=\"" + out.path + "\" timeout=10";
    return out;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    out.backend = Backend::kPostgres;
    out.connect = PostgresKeywords(url.substr(url.find("://") + 3));
    return out;
  }
  return Error::Invalid(
      "database URL must be sqlite:PATH or postgresql://user@host:port/db, got '" +
      std::string(url) + "'");
}

Database::Database(DbUrl url, std::size_t pool_size)
    : url_(std::move(url)),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)),
      broken_(pool_size, 0) {}

Database::~Database() = default;

// Borrows one pooled session for the life of a transaction and counts the checkout.
class Database::Lease {
 public:
  explicit Lease(Database& db) : db_(db) {
    if (!db_.pool_->try_lease(pos_, 0)) {
      auto started = std::chrono::steady_clock::now();
      pos_ = db_.pool_->lease();
      db_.waits_.fetch_add(1, std::memory_order_relaxed);
      db_.wait_micros_.fetch_add(
          static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                         std::chrono::steady_clock::now() - started)
                                         .count()),
          std::memory_order_relaxed);
    }
    db_.in_use_.fetch_add(1, std::memory_order_relaxed);
  }
  ~Lease() {
    db_.in_use_.fetch_sub(1, std::memory_order_relaxed);
    db_.pool_->give_back(pos_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  std::size_t pos() const { return pos_; }
  soci::session& session() { return db_.pool_->at(pos_); }

 private:
  Database& db_;
  std::size_t pos_ = 0;
};

PoolStats Database::pool_stats() const {
  PoolStats s;
  s.size = pool_size_;
  s.in_use = in_use_.load(std::memory_order_relaxed);
  s.waits = waits_.load(std::memory_order_relaxed);
  s.wait_seconds = static_cast<double>(wait_micros_.load(std::memory_order_relaxed)) / 1e6;
  s.reconnects = reconnects_.load(std::memory_order_relaxed);
  s.retried_reads = retried_reads_.load(std::memory_order_relaxed);
  return s;
}

void Database::Connect(std::size_t pos, bool reconnect) {
  soci::session& s = pool_->at(pos);
  if (url_.backend == Backend::kSqlite) {
    s.open("sqlite3", url_.connect);
    s << "PRAGMA journal_mode=WAL";
    s << "PRAGMA synchronous=NORMAL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    // reconnect() reopens with the parameters of the last open(); the session options are
    // per connection, so they are set again.
    if (reconnect) {
      s.reconnect();
    } else {
      s.open("postgresql", url_.connect);
    }
    s << "SET client_min_messages TO WARNING";
  }
}

Result<std::shared_ptr<Database>> Database::Open(std::string_view url, std::size_t pool_size) {
  TB_TRY(DbUrl parsed, ParseDbUrl(url));
  if (pool_size == 0) pool_size = 1;
  std::shared_ptr<Database> db(new Database(parsed, pool_size));
  try {
    if (parsed.backend == Backend::kSqlite) {
      auto dir = std::filesystem::path(parsed.path).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir);
    }
    for (std::size_t i = 0; i < pool_size; ++i) db->Connect(i, false);
  } catch (const std::exception& e) {
    return Error::Unavailable("cannot open database " + std::string(url) + ": " + e.what());
  }
  return db;
}

bool Database::RunErased(bool writable, const std::function<bool(Tx&)>& body, Error* error) {
  Lease lease(*this);
  // The retry rule of the header: after a lost connection, run again only what cannot have
  // had an effect — anything that failed at BEGIN, and reads. Never a write that got past
  // BEGIN: its commit status may be unknown. At most one retry: a transaction fails at most
  // on the stale connection and on one fresh one.
  for (int attempt = 0;; ++attempt) {
    if (broken_[lease.pos()]) {
      try {
        Connect(lease.pos(), true);
      } catch (const std::exception& e) {
        *error =
            Error::Unavailable(std::string("database unavailable: cannot reconnect: ") + e.what());
        return false;
      }
      broken_[lease.pos()] = 0;
      reconnects_.fetch_add(1, std::memory_order_relaxed);
    }
    Stage stage = Stage::kBegin;
    Outcome outcome = RunOnce(lease, writable, body, error, &stage);
    if (outcome != Outcome::kConnectionLost) return outcome == Outcome::kDone;
    broken_[lease.pos()] = 1;
    bool nothing_ran = stage == Stage::kBegin;
    if (attempt == 0 && (nothing_ran || !writable)) {
      if (!nothing_ran) retried_reads_.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    std::string cause = error->message;
    if (!writable || nothing_ran) {
      *error = Error::Unavailable("database unavailable: connection lost: " + cause);
    } else if (stage == Stage::kCommit) {
      *error = Error::Unavailable(
          "database connection lost while committing: the change may or may not have been "
          "saved; check before retrying (" +
          cause + ")");
    } else {
      *error = Error::Unavailable("database connection lost: the change was not saved; retry (" +
                                  cause + ")");
    }
    return false;
  }
}

Database::Outcome Database::RunOnce(Lease& lease, bool writable,
                                    const std::function<bool(Tx&)>& body, Error* error,
                                    Stage* stage) {
  soci::session& session = lease.session();
  *stage = Stage::kBegin;
  try {
    if (url_.backend == Backend::kSqlite) {
      // A connection flag, so set on every transaction of the pooled session.
      session << (writable ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON");
      session << (writable ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      session << (writable ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    *stage = Stage::kBody;
    Tx tx(session, url_.backend, writable);
    if (!body(tx)) {
      session << "ROLLBACK";
      return Outcome::kFailed;
    }
    tx.FlushChanges();
    *stage = Stage::kCommit;
    session << "COMMIT";
    return Outcome::kDone;
  } catch (const std::exception& e) {
    *error = FromSociError(e);
    // Only PostgreSQL connections break (is_connected() sends an empty query to find out);
    // an SQLite session is a file handle.
    if (url_.backend == Backend::kPostgres && !session.is_connected()) {
      error->message = e.what();
      return Outcome::kConnectionLost;
    }
    if (*stage != Stage::kBegin) {
      try {
        session << "ROLLBACK";
      } catch (const std::exception& rollback_error) {
        error->message += std::string("; rollback failed: ") + rollback_error.what();
      }
    }
    return Outcome::kFailed;
  }
}

Status Database::Ping() {
  return Read([](Tx& tx) -> Status {
    tx.QueryInt("SELECT COUNT(*) FROM schema_migrations");
    return {};
  });
}

std::int64_t Tx::Exec(std::string_view sql, const std::vector<Param>& params) {
  std::string q = Placeholders(sql);
  Bindings b;
  soci::details::prepare_temp_type pt = session_.prepare << q;
  b.Bind(pt, params);
  soci::statement st(pt);
  st.execute(true);
  return std::max<std::int64_t>(0, st.get_affected_rows());
}

std::vector<Row> Tx::Query(std::string_view sql, const std::vector<Param>& params) {
  std::string q = Placeholders(sql);
  Bindings b;
  soci::row row;
  soci::details::prepare_temp_type pt = session_.prepare << q;
  pt, soci::into(row);
  b.Bind(pt, params);
  soci::statement st(pt);
  std::vector<Row> out;
  if (!st.execute(true)) return out;
  do {
    Row r;
    r.cells.reserve(row.size());
    for (std::size_t i = 0; i < row.size(); ++i) r.cells.push_back(ReadCell(row, i));
    out.push_back(std::move(r));
  } while (st.fetch());
  return out;
}

std::optional<std::int64_t> Tx::QueryInt(std::string_view sql, const std::vector<Param>& params) {
  auto rows = Query(sql, params);
  if (rows.empty() || rows[0].cells.empty()) return std::nullopt;
  return rows[0].OptInt(0);
}

domain::Id Tx::NextIds(std::string_view sequence, std::int64_t count) {
  Exec("UPDATE id_sequences SET next_id = next_id + ? WHERE name = ?", {P(count), P(sequence)});
  auto next = QueryInt("SELECT next_id FROM id_sequences WHERE name = ?", {P(sequence)});
  if (!next) {
    Exec("INSERT INTO id_sequences (name, next_id) VALUES (?, ?)", {P(sequence), P(count + 1)});
    return 1;
  }
  return *next - count;
}

void Tx::LogChange(std::string_view entity, domain::Id id, std::string_view op) {
  changes_.push_back({std::string(entity), id, std::string(op)});
}

void Tx::FlushChanges() {
  if (changes_.empty()) return;
  domain::Id first = NextIds("change_log", static_cast<std::int64_t>(changes_.size()));
  std::string at = core::NowUtc();
  for (std::size_t i = 0; i < changes_.size(); ++i) {
    Exec("INSERT INTO change_log (id, entity, entity_id, op, at) VALUES (?, ?, ?, ?, ?)",
         {P(first + static_cast<std::int64_t>(i)), P(changes_[i].entity), P(changes_[i].id),
          P(changes_[i].op), P(at)});
  }
  changes_.clear();
}

}  // namespace tb::store
