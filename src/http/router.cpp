#include "http/router.hpp"

#include <algorithm>

namespace tb::http {

namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    if (next > pos) out.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

bool MatchSegments(const Route& r, const std::vector<std::string>& segs,
                   std::map<std::string, std::string>* params) {
  if (r.segments.size() != segs.size()) return false;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string& p = r.segments[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (params) (*params)[p.substr(1, p.size() - 2)] = segs[i];
    } else if (p != segs[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, OperationDoc doc) {
  Route r{std::move(method), std::move(pattern), std::move(handler), std::move(doc), {}};
  r.segments = Split(r.pattern);
  routes_.push_back(std::move(r));
}

Router::Match Router::Find(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params) const {
  auto segs = Split(path);
  Match m;
  // Literal segments win over parameters: try routes in order of fewest parameters.
  const Route* best = nullptr;
  int best_params = 1 << 30;
  for (const Route& r : routes_) {
    if (!MatchSegments(r, segs, nullptr)) continue;
    if (r.method != method) {
      if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) {
        m.allowed.push_back(r.method);
      }
      continue;
    }
    int n =
        static_cast<int>(std::count_if(r.segments.begin(), r.segments.end(),
                                       [](const std::string& s) { return s.starts_with("{"); }));
    if (n < best_params) {
      best = &r;
      best_params = n;
    }
  }
  if (best) {
    MatchSegments(*best, segs, &params);
    m.route = best;
    m.allowed.clear();
  }
  return m;
}

}  // namespace tb::http
