#include "match/commands.hpp"

#include <filesystem>
#include <ostream>

#include "auth/caller.hpp"
#include "match/service.hpp"

namespace tb::match {

Result<Weights> LoadConfiguredWeights(const std::string& path) {
  if (!path.empty()) return LoadWeights(path);
  if (std::filesystem::exists("config/match.json")) return LoadWeights("config/match.json");
  return Weights{};
}

Status RunMatch(std::shared_ptr<store::Database> db, const Weights& w, const MatchCommand& cmd,
                std::ostream& out) {
  EngineOptions options;
  options.weights = w;
  options.follow = false;
  TB_TRY(auto engine, Engine::Start(db, options));
  MatchService svc(db, engine);
  auth::Caller caller = auth::SystemCaller("cli");
  Result<nlohmann::json> result = Error::Invalid("match student ID | match post ID");
  if (cmd.what == "student") {
    result = svc.Recommendations(caller, cmd.id, {cmd.limit, "", ""});
  } else if (cmd.what == "post") {
    result = svc.Candidates(caller, cmd.id, cmd.limit);
  }
  if (!result.ok()) return result.error();
  if (cmd.json) {
    out << result->dump(2) << "\n";
    return {};
  }
  int rank = 0;
  for (const auto& item : (*result)["items"]) {
    ++rank;
    std::string line;
    if (item.contains("post")) {
      const auto& p = item["post"];
      std::string org =
          item["organization"].is_object() ? item["organization"]["name"].get<std::string>() : "";
      line = p["title"].get<std::string>() + " — " + org + " (" +
             p["region_code"].get<std::string>() + ", post " + std::to_string(p["id"].get<Id>()) +
             ")";
    } else {
      const auto& s = item["student"];
      line = s["name"].get<std::string>() + " (" + s["major_code"].get<std::string>() + " " +
             s["level"].get<std::string>() + ", student " + std::to_string(s["id"].get<Id>()) + ")";
    }
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", item["score"].get<double>());
    out << rank << ". " << score << "  " << line << "\n"
        << "   " << item["summary"]["zh"].get<std::string>() << "\n"
        << "   " << item["summary"]["en"].get<std::string>() << "\n";
  }
  if (rank == 0) out << "no match\n";
  return {};
}

}  // namespace tb::match
