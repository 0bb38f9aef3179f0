// talentbridge: the one executable. Thin: parse flags, wire services, run.

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/caller.hpp"
#include "auth/password.hpp"
#include "core/time.hpp"
#include "demo/demo.hpp"
#include "demo/demo_logins.hpp"
#include "demo/recruitment_demo.hpp"
#include "http/api.hpp"
#include "http/openapi.hpp"
#include "http/server.hpp"
#include "match/commands.hpp"
#include "match/engine.hpp"
#include "match/generate.hpp"
#include "match/service.hpp"
#include "report/reference_import.hpp"
#include "report/spreadsheet.hpp"
#include "service/agreement_sweep.hpp"
#include "service/entity_service.hpp"
#include "service/post_skills.hpp"
#include "service/visit_exchange.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"

namespace {

constexpr const char* kDefaultDb = "sqlite:./data/talentbridge.db";

int Fail(const tb::Error& e) {
  std::cerr << "error: " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return 1;
}

// Opens and migrates the database; prints what it did.
std::shared_ptr<tb::store::Database> OpenDatabase(const std::string& url, std::size_t pool,
                                                  int* exit_code) {
  auto db = tb::store::Database::Open(url, pool);
  if (!db.ok()) {
    *exit_code = Fail(db.error());
    return nullptr;
  }
  auto applied = tb::store::Migrate(**db);
  if (!applied.ok()) {
    *exit_code = Fail(applied.error());
    return nullptr;
  }
  if (*applied > 0) spdlog::info("applied {} migration(s) to {}", *applied, url);
  return *db;
}

// The demo logins, one line per role, before the server says it is listening.
int PrintDemoLogins(const std::shared_ptr<tb::store::Database>& db) {
  tb::auth::AccountService accounts(db);
  auto logins = tb::demo::EnsureDemoLogins(*db, accounts);
  if (!logins.ok()) return Fail(logins.error());
  for (const auto& login : *logins) {
    std::printf("demo login: %s %s %s\n", tb::auth::RoleName(login.role), login.email.c_str(),
                login.password.c_str());
  }
  std::fflush(stdout);
  return 0;
}

// Where uploaded documents go when --files is not given: beside a SQLite database file
// ("sqlite:./data/x.db" -> "./data/files"), else ./data/files.
std::string DefaultFilesDir(const std::string& db_url) {
  if (db_url.starts_with("sqlite:")) {
    std::filesystem::path db_file = db_url.substr(7);
    if (db_file.has_parent_path()) return (db_file.parent_path() / "files").string();
    return "files";
  }
  return "./data/files";
}

// The expiry sweep's moves, in the server's log.
void LogSweep(const tb::Result<std::vector<tb::service::SweepMove>>& moves) {
  if (!moves.ok()) {
    spdlog::warn("agreement sweep failed: {}", moves.error().message);
    return;
  }
  for (const auto& m : *moves) {
    spdlog::info("agreement {} moved from {} to {} (ends {})", m.agreement_id, m.from, m.to,
                 m.end_date);
  }
}

int SweepAgreementsOnce(const std::string& db_url) {
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  auto moves = tb::service::SweepAgreements(*db, tb::core::NowUtc());
  if (!moves.ok()) return Fail(moves.error());
  for (const auto& m : *moves) {
    std::cout << "agreement " << m.agreement_id << ": " << m.from << " -> " << m.to << " (ends "
              << m.end_date << ")\n";
  }
  std::cout << moves->size()
            << " agreements moved (expiring window: " << tb::service::kExpiringWindowDays
            << " days)\n";
  return 0;
}

int Serve(const std::string& db_url, const std::string& address, std::uint16_t port, bool demo,
          std::size_t threads, const std::string& web_dir, bool secure_cookies,
          const std::string& match_config, std::string files_dir) {
  if (files_dir.empty()) files_dir = DefaultFilesDir(db_url);
  int code = 0;
  auto db = OpenDatabase(db_url, std::max<std::size_t>(threads ? threads : 4, 4), &code);
  if (!db) return code;
  if (auto st = tb::report::LoadBuiltinReferenceData(*db); !st.ok()) return Fail(st.error());
  if (auto filled = tb::service::BackfillOrganizationNameKeys(*db); !filled.ok()) {
    return Fail(filled.error());
  }
  if (auto filled = tb::service::BackfillPostSkills(*db); !filled.ok()) {
    return Fail(filled.error());
  }
  if (demo) {
    auto summary = tb::demo::SeedDemo(*db);
    if (!summary.ok()) return Fail(summary.error());
    spdlog::info("demo data {}: {} institutions, {} organizations, {} students, {} posts",
                 summary->created ? "created" : "already present", summary->institutions,
                 summary->organizations, summary->students, summary->posts);
    if (auto st = tb::demo::WriteDemoEvidence(*db, files_dir); !st.ok()) {
      return Fail(st.error());
    }
    if (int rc = PrintDemoLogins(db); rc != 0) return rc;
  }
  // Agreements move to expiring and expired by themselves: now, then every kSweepInterval.
  LogSweep(tb::service::SweepAgreements(*db, tb::core::NowUtc()));
  tb::service::AgreementSweeper sweeper(db, tb::service::kSweepInterval, LogSweep);
  auto weights = tb::match::LoadConfiguredWeights(match_config);
  if (!weights.ok()) return Fail(weights.error());
  auto engine = tb::match::Engine::Start(db, {.weights = *weights, .gauges = true});
  if (!engine.ok()) return Fail(engine.error());
  auto matcher = std::make_shared<tb::match::MatchService>(db, *engine);
  auto services = std::make_shared<tb::service::Services>(db);
  auto accounts = std::make_shared<tb::auth::AccountService>(db);
  tb::http::Router router =
      tb::http::BuildApi({services, accounts, TB_VERSION, secure_cookies, files_dir, matcher});
  tb::http::ServerOptions options;
  options.address = address;
  options.port = port;
  options.threads = threads;
  options.static_dir = web_dir;
  options.metrics = std::make_shared<tb::http::Metrics>(
      router, tb::http::MetricsSources{TB_VERSION, db, tb::http::AccountAuthenticator(accounts)});
  options.on_listening = [&] {
    std::printf("TalentBridge %s serving on http://%s:%u (database: %s)\n", TB_VERSION,
                address.c_str(), port, db->backend_name());
    std::fflush(stdout);
  };
  return tb::http::RunServer(router, options) ? 0 : 1;
}

int Import(const std::string& db_url, const std::string& kind_name,
           const std::vector<std::string>& files, bool dry_run) {
  auto kind = tb::report::ParseReferenceKind(kind_name);
  if (!kind.ok()) return Fail(kind.error());
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  int failures = 0;
  for (const auto& file : files) {
    auto report = tb::report::ImportReferenceFile(*db, *kind, file, dry_run);
    if (!report.ok()) {
      std::cerr << file << ": ";
      Fail(report.error());
      ++failures;
      continue;
    }
    bool refused = !report->errors.empty();
    (refused ? std::cerr : std::cout)
        << file << ": " << tb::report::DescribeReport(*report, 50) << "\n";
    if (refused) ++failures;
  }
  return failures ? 1 : 0;
}

// ---- Visits in the 访企拓岗 layout: export visits, import visits ------------------------------

tb::report::SheetFormat FormatOfFile(const std::string& file) {
  return file.ends_with(".xlsx") ? tb::report::SheetFormat::kXlsx : tb::report::SheetFormat::kCsv;
}

int ExportVisits(const std::string& db_url, const std::string& kind, tb::domain::Id campaign,
                 const std::string& format_name, const std::string& out_file) {
  if (kind != "visits") return Fail(tb::Error::Invalid("export knows only: visits"));
  auto format = tb::report::ParseSheetFormat(format_name, "--format");
  if (!format.ok()) return Fail(format.error());
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  auto out = tb::service::VisitExchange(db).Export(tb::auth::SystemCaller("cli export"), campaign,
                                                   *format);
  if (!out.ok()) return Fail(out.error());
  std::ofstream file(out_file, std::ios::binary | std::ios::trunc);
  file.write(out->bytes.data(), static_cast<std::streamsize>(out->bytes.size()));
  if (!file) return Fail(tb::Error::Unavailable("cannot write " + out_file));
  std::cout << out_file << ": " << out->bytes.size() << " bytes\n";
  return 0;
}

int ImportVisits(const std::string& db_url, tb::domain::Id campaign,
                 const std::vector<std::string>& files, bool dry_run) {
  if (campaign <= 0) return Fail(tb::Error::Invalid("import visits needs --campaign ID"));
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  tb::service::VisitExchange exchange(db);
  int failures = 0;
  for (const auto& name : files) {
    std::ifstream in(name, std::ios::binary);
    if (!in) {
      Fail(tb::Error::Invalid("cannot read " + name));
      ++failures;
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto report = exchange.Import(tb::auth::SystemCaller("cli import"), campaign, bytes.str(),
                                  FormatOfFile(name), dry_run, tb::core::NowUtc());
    if (!report.ok()) {
      std::cerr << name << ": ";
      Fail(report.error());
      ++failures;
      continue;
    }
    for (const auto& e : report->errors) {
      std::cerr << name << ": row " << e.row << (e.column.empty() ? "" : ", " + e.column) << ": "
                << e.message << "\n";
    }
    if (!report->errors.empty()) {
      std::cerr << name << ": " << report->errors.size() << " bad row(s); nothing imported\n";
      ++failures;
      continue;
    }
    std::cout << name << ": " << report->rows << " rows, " << report->visits << " visits, "
              << report->lines << " outcome lines " << (dry_run ? "checked (dry run)" : "imported")
              << "\n";
  }
  return failures ? 1 : 0;
}

// ---- Accounts: user add|list|disable|enable, token create|list|revoke -------------------------

struct UserAddArgs {
  std::string role;
  std::string email;
  std::string name;
  std::optional<tb::domain::Id> institution;
  std::optional<tb::domain::Id> unit;
  std::optional<tb::domain::Id> organization;
  std::optional<tb::domain::Id> student;
  std::vector<tb::domain::Id> observe_institutions;
  std::vector<tb::domain::Id> observe_organizations;
  bool generate_password = false;
};

struct AccountCommands {
  CLI::App* user_add = nullptr;
  CLI::App* user_list = nullptr;
  CLI::App* user_disable = nullptr;
  CLI::App* user_enable = nullptr;
  CLI::App* token_create = nullptr;
  CLI::App* token_list = nullptr;
  CLI::App* token_revoke = nullptr;
  UserAddArgs add;
  std::string user;        // disable, enable, token create: e-mail or id
  std::string token_name;  // token create
  tb::domain::Id token_id = 0;
};

const tb::auth::Caller& CliCaller() {
  static const tb::auth::Caller caller = tb::auth::SystemCaller("cli");
  return caller;
}

// One line from stdin, without echo when it is a terminal (prompting on stderr).
tb::Result<std::string> ReadPassword() {
  bool tty = ::isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::cerr << "password: " << std::flush;
    if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    } else {
      tty = false;
    }
  }
  std::string line;
  bool got = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!got) {
    return tb::Error::Invalid(
        "no password given", {{"password", "expected one line on stdin (or --generate-password)"}});
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// A user named by id (digits) or e-mail.
tb::Result<tb::store::UserRow> FindUser(tb::store::Database& db, tb::auth::AccountService& accounts,
                                        std::string ref) {
  if (!ref.empty() &&
      std::all_of(ref.begin(), ref.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return accounts.GetUser(CliCaller(), std::stoll(ref));
  }
  for (auto& c : ref) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto user = db.Read([&](tb::store::Tx& tx) -> tb::Result<std::optional<tb::store::UserRow>> {
    return tb::store::FindUserByEmail(tx, ref);
  });
  if (!user.ok()) return user.error();
  if (!*user) return tb::Error::NotFound("no user with the e-mail " + ref);
  return **user;
}

std::string JoinIds(const std::vector<tb::domain::Id>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::string ScopeText(const tb::store::UserRow& u) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (u.institution_id) add("institution=" + std::to_string(*u.institution_id));
  if (u.unit_id) add("unit=" + std::to_string(*u.unit_id));
  if (u.organization_id) add("organization=" + std::to_string(*u.organization_id));
  if (u.student_id) add("student=" + std::to_string(*u.student_id));
  if (!u.observer_institutions.empty()) {
    add("observe_institutions=" + JoinIds(u.observer_institutions));
  }
  if (!u.observer_organizations.empty()) {
    add("observe_organizations=" + JoinIds(u.observer_organizations));
  }
  return out.empty() ? "-" : out;
}

// Prints rows (the first is the header) in columns padded to their widest cell.
void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    std::cout << line << "\n";
  }
}

int UserAdd(tb::auth::AccountService& accounts, const UserAddArgs& a) {
  tb::auth::NewUser user;
  user.email = a.email;
  user.name = a.name;
  user.role = a.role;
  user.institution_id = a.institution;
  user.unit_id = a.unit;
  user.organization_id = a.organization;
  user.student_id = a.student;
  user.observer_institutions = a.observe_institutions;
  user.observer_organizations = a.observe_organizations;
  if (a.generate_password) {
    user.password = tb::auth::GeneratePassword();
  } else {
    auto password = ReadPassword();
    if (!password.ok()) return Fail(password.error());
    user.password = *password;
  }
  auto created = accounts.CreateUser(CliCaller(), user);
  if (!created.ok()) return Fail(created.error());
  std::cout << "user " << created->id << " created: " << created->email << " " << created->role
            << "\n";
  if (a.generate_password) std::cout << "password: " << user.password << "\n";
  return 0;
}

int UserList(tb::auth::AccountService& accounts) {
  std::vector<std::vector<std::string>> rows = {{"ID", "EMAIL", "ROLE", "SCOPE", "DISABLED"}};
  for (tb::domain::Id after = 0;;) {
    auto page = accounts.ListUsers(CliCaller(), after, 200);
    if (!page.ok()) return Fail(page.error());
    for (const auto& u : *page) {
      rows.push_back({std::to_string(u.id), u.email, u.role + (u.demo ? " (demo)" : ""),
                      ScopeText(u), u.disabled ? "yes" : "no"});
    }
    if (page->size() < 200) break;
    after = page->back().id;
  }
  PrintTable(rows);
  return 0;
}

int UserSetDisabled(tb::store::Database& db, tb::auth::AccountService& accounts,
                    const std::string& ref, bool disabled) {
  auto user = FindUser(db, accounts, ref);
  if (!user.ok()) return Fail(user.error());
  auto updated = accounts.SetDisabled(CliCaller(), user->id, disabled);
  if (!updated.ok()) return Fail(updated.error());
  std::cout << "user " << updated->id << " " << (disabled ? "disabled" : "enabled") << ": "
            << updated->email << "\n";
  return 0;
}

int TokenCreate(tb::store::Database& db, tb::auth::AccountService& accounts, const std::string& ref,
                const std::string& name) {
  auto user = FindUser(db, accounts, ref);
  if (!user.ok()) return Fail(user.error());
  auto token = accounts.CreateToken(CliCaller(), user->id, name);
  if (!token.ok()) return Fail(token.error());
  std::cout << "token " << token->row.id << " created for user " << user->id << " (" << user->email
            << "): " << token->row.name << "\n"
            << "token: " << token->token << "\n";
  std::cerr << "the token is shown only once: store it now\n";
  return 0;
}

int TokenList(tb::auth::AccountService& accounts) {
  std::vector<std::vector<std::string>> rows = {
      {"ID", "USER", "NAME", "CREATED", "LAST USED", "REVOKED"}};
  for (tb::domain::Id after = 0;;) {
    auto page = accounts.ListTokens(CliCaller(), after, 200);
    if (!page.ok()) return Fail(page.error());
    for (const auto& t : *page) {
      rows.push_back({std::to_string(t.id), std::to_string(t.user_id), t.name, t.created_at,
                      t.last_used_at.value_or("-"), t.revoked_at.value_or("-")});
    }
    if (page->size() < 200) break;
    after = page->back().id;
  }
  PrintTable(rows);
  return 0;
}

int TokenRevoke(tb::auth::AccountService& accounts, tb::domain::Id id) {
  if (auto st = accounts.RevokeToken(CliCaller(), id); !st.ok()) return Fail(st.error());
  std::cout << "token " << id << " revoked\n";
  return 0;
}

void AddAccountCommands(CLI::App& app, std::string& db_url, AccountCommands& c) {
  auto with_db = [&](CLI::App* sub) {
    sub->add_option("--db", db_url, "Database URL")->capture_default_str();
    return sub;
  };
  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  c.user_add = with_db(user->add_subcommand(
      "add", "Create a user; the password is read from stdin unless --generate-password"));
  auto& a = c.add;
  c.user_add
      ->add_option("--role", a.role,
                   "platform_admin | institution_admin | unit_staff | "
                   "enterprise_recruiter | student | observer")
      ->required();
  c.user_add->add_option("--email", a.email, "E-mail address (the login)")->required();
  c.user_add->add_option("--name", a.name, "Display name (default: the e-mail)");
  c.user_add->add_option("--institution", a.institution, "Institution id (institution_admin)");
  c.user_add->add_option("--unit", a.unit, "Unit id (unit_staff)");
  c.user_add->add_option("--organization", a.organization,
                         "Organization id (enterprise_recruiter)");
  c.user_add->add_option("--student", a.student, "Student record id (student)");
  c.user_add
      ->add_option("--observe-institutions", a.observe_institutions,
                   "Institution ids an observer sees, comma-separated")
      ->delimiter(',');
  c.user_add
      ->add_option("--observe-organizations", a.observe_organizations,
                   "Organization ids an observer sees, comma-separated")
      ->delimiter(',');
  c.user_add->add_flag("--generate-password", a.generate_password,
                       "Generate a password and print it once");
  c.user_list = with_db(user->add_subcommand("list", "List users with their role and scope"));
  c.user_disable = with_db(user->add_subcommand("disable", "Disable a user (ends its sessions)"));
  c.user_disable->add_option("user", c.user, "E-mail or id")->required();
  c.user_enable = with_db(user->add_subcommand("enable", "Enable a disabled user"));
  c.user_enable->add_option("user", c.user, "E-mail or id")->required();

  auto* token = app.add_subcommand("token", "Manage API tokens (Authorization: Bearer)");
  token->require_subcommand(1);
  c.token_create = with_db(token->add_subcommand("create", "Create a token; printed once"));
  c.token_create->add_option("--user", c.user, "E-mail or id of the user it acts as")->required();
  c.token_create->add_option("--name", c.token_name, "What the token is for")->required();
  c.token_list = with_db(token->add_subcommand("list", "List tokens"));
  c.token_revoke = with_db(token->add_subcommand("revoke", "Revoke a token"));
  c.token_revoke->add_option("id", c.token_id, "Token id")->required();
}

// Runs the account command that was given; nullopt when none was.
std::optional<int> RunAccountCommand(const std::string& db_url, const AccountCommands& c) {
  if (!*c.user_add && !*c.user_list && !*c.user_disable && !*c.user_enable && !*c.token_create &&
      !*c.token_list && !*c.token_revoke) {
    return std::nullopt;
  }
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  tb::auth::AccountService accounts(db);
  if (*c.user_add) return UserAdd(accounts, c.add);
  if (*c.user_list) return UserList(accounts);
  if (*c.user_disable) return UserSetDisabled(*db, accounts, c.user, true);
  if (*c.user_enable) return UserSetDisabled(*db, accounts, c.user, false);
  if (*c.token_create) return TokenCreate(*db, accounts, c.user, c.token_name);
  if (*c.token_list) return TokenList(accounts);
  return TokenRevoke(accounts, c.token_id);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"TalentBridge: school-enterprise cooperation and graduate employment"};
  app.require_subcommand(1);
  std::string db_url = kDefaultDb;

  auto* serve = app.add_subcommand("serve", "Run the HTTP server (API and web app)");
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  bool demo = false;
  std::size_t threads = 0;
  std::string web_dir;
  serve->add_option("--db", db_url, "Database: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  serve->add_option("--address", address, "Address to listen on")->capture_default_str();
  serve->add_option("--port", port, "Port to listen on")->capture_default_str();
  serve->add_flag("--demo", demo, "Load the demo data set (the real campaigns of DESIGN.md §2)");
  serve->add_option("--threads", threads, "Worker threads (0 = one per core)");
  serve->add_option("--web", web_dir, "Directory of the built web app to serve");
  bool secure_cookies = false;
  serve->add_flag("--secure-cookies", secure_cookies,
                  "Mark the session cookie Secure (when served over TLS by a proxy)");
  std::string files_dir;
  serve->add_option("--files", files_dir,
                    "Directory of uploaded documents (default: 'files' beside a SQLite database, "
                    "else ./data/files)");

  std::string match_config;
  serve->add_option("--match-config", match_config,
                    "Weights of the matching model (default: config/match.json if present)");

  auto* match = app.add_subcommand("match", "Best posts for a student, or students for a post");
  tb::match::MatchCommand match_cmd;
  bool match_json = false;
  match->add_option("what", match_cmd.what, "student | post")
      ->required()
      ->check(CLI::IsMember({"student", "post"}));
  match->add_option("id", match_cmd.id, "Its id")->required();
  match->add_option("--limit", match_cmd.limit, "How many")->capture_default_str();
  match->add_flag("--json", match_json, "Print the API's JSON");
  match->add_option("--db", db_url, "Database URL")->capture_default_str();
  match->add_option("--match-config", match_config, "Weights of the matching model");

  auto* gen = app.add_subcommand("gen", "Generate a population with a hidden true fit");
  tb::match::GenerateOptions gen_options;
  gen_options.jobs_dir = "../shared/data/jobs";
  gen->add_option("--students", gen_options.students, "Students")->capture_default_str();
  gen->add_option("--posts", gen_options.posts, "Posts")->capture_default_str();
  gen->add_option("--seed", gen_options.seed, "Random seed")->capture_default_str();
  gen->add_option("--jobs", gen_options.jobs_dir,
                  "Real job postings (Chinese titles and descriptions, English titles), if present")
      ->capture_default_str();
  gen->add_option("--db", db_url, "Database URL")->capture_default_str();

  auto* eval = app.add_subcommand("eval", "nDCG@10 and recall@50 against the hidden fit");
  tb::match::EvalOptions eval_options;
  eval->add_option("--sample", eval_options.sample, "Students evaluated")->capture_default_str();
  eval->add_option("--db", db_url, "Database URL")->capture_default_str();
  eval->add_option("--match-config", match_config, "Weights of the matching model");

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  migrate->add_option("--db", db_url, "Database URL")->capture_default_str();

  auto* import =
      app.add_subcommand("import", "Import reference data: regions|majors|industries FILE...");
  std::string kind;
  std::vector<std::string> files;
  bool dry_run = false;
  tb::domain::Id campaign = 0;
  import->add_option("kind", kind, "regions | majors | industries | visits")->required();
  import->add_option("files", files, "Files in the formats of ../shared/data")->required();
  import->add_option("--db", db_url, "Database URL")->capture_default_str();
  import->add_flag("--dry-run", dry_run, "Check the files and report, write nothing");
  import->add_option("--campaign", campaign, "visits: the campaign to import into");

  auto* export_cmd = app.add_subcommand(
      "export", "Export data: visits --campaign ID --format csv|xlsx --out FILE");
  std::string export_kind, export_format = "csv", export_out;
  export_cmd->add_option("kind", export_kind, "visits")->required();
  export_cmd->add_option("--campaign", campaign, "The campaign whose visits to export")->required();
  export_cmd->add_option("--format", export_format, "csv | xlsx")->capture_default_str();
  export_cmd->add_option("--out", export_out, "The file to write")->required();
  export_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();

  auto* agreements_cmd = app.add_subcommand("agreements", "Agreement maintenance: sweep");
  agreements_cmd->require_subcommand(1);
  auto* sweep_cmd = agreements_cmd->add_subcommand(
      "sweep", "Move agreements ending within 60 days to expiring, and past their end to expired");
  sweep_cmd->add_option("--db", db_url, "Database URL")->capture_default_str();

  AccountCommands account_commands;
  AddAccountCommands(app, db_url, account_commands);

  auto* version = app.add_subcommand("version", "Print the version");
  auto* openapi = app.add_subcommand(
      "openapi",
      "Print the OpenAPI 3.1 description of the API (what GET /api/v1/openapi.json serves)");

  CLI11_PARSE(app, argc, argv);

  if (*version) {
    std::cout << "talentbridge " << TB_VERSION << "\n";
    return 0;
  }
  if (*openapi) {
    // The route table needs no database to describe itself; no handler runs here.
    auto services = std::make_shared<tb::service::Services>(nullptr);
    tb::http::Router router = tb::http::BuildApi({services, nullptr, TB_VERSION, false});
    std::cout << tb::http::BuildOpenApi(router, TB_VERSION).dump(2) << "\n";
    return 0;
  }
  if (*migrate) {
    int code = 0;
    auto db = OpenDatabase(db_url, 1, &code);
    if (!db) return code;
    auto v = tb::store::SchemaVersion(*db);
    if (!v.ok()) return Fail(v.error());
    std::cout << "schema version " << *v << " (" << db->backend_name() << ")\n";
    return 0;
  }
  if (*import && kind == "visits") return ImportVisits(db_url, campaign, files, dry_run);
  if (*import) return Import(db_url, kind, files, dry_run);
  if (*export_cmd) return ExportVisits(db_url, export_kind, campaign, export_format, export_out);
  if (*sweep_cmd) return SweepAgreementsOnce(db_url);
  if (auto rc = RunAccountCommand(db_url, account_commands)) return *rc;
  if (*gen) {
    int code = 0;
    auto db = OpenDatabase(db_url, 2, &code);
    if (!db) return code;
    auto done = tb::match::Generate(*db, gen_options);
    if (!done.ok()) return Fail(done.error());
    std::cout << "generated " << done->institutions << " institutions, " << done->organizations
              << " organizations, " << done->students << " students, " << done->posts << " posts\n";
    return 0;
  }
  if (*eval) {
    int code = 0;
    auto db = OpenDatabase(db_url, 2, &code);
    if (!db) return code;
    auto weights = tb::match::LoadConfiguredWeights(match_config);
    if (!weights.ok()) return Fail(weights.error());
    auto lines = tb::match::Evaluate(db, *weights, eval_options);
    if (!lines.ok()) return Fail(lines.error());
    tb::match::PrintEval(*lines, std::cout);
    return 0;
  }
  if (*match) {
    int code = 0;
    auto db = OpenDatabase(db_url, 2, &code);
    if (!db) return code;
    auto weights = tb::match::LoadConfiguredWeights(match_config);
    if (!weights.ok()) return Fail(weights.error());
    match_cmd.json = match_json;
    auto st = tb::match::RunMatch(db, *weights, match_cmd, std::cout);
    return st.ok() ? 0 : Fail(st.error());
  }
  if (*serve) {
    return Serve(db_url, address, port, demo, threads, web_dir, secure_cookies, match_config,
                 files_dir);
  }
  return 0;
}
