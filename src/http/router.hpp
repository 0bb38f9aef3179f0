#pragma once
// The route table: every route of the API with its handler and its documentation. The same
// table serves requests, generates /api/v1/openapi.json and drives the tests that enumerate
// routes. Matching is by path segments ("/organizations/{id}"), no regular expressions;
// a path that exists with another method answers 405 with an Allow header.
// Built once at start-up, then read-only and safe to share between threads.

#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace tb::http {

using Handler = std::function<Response(Request&)>;

struct ParamDoc {
  std::string name;
  std::string type = "string";  // string | integer | boolean
  std::string description;
  bool required = false;
  std::vector<std::string> enum_values;
};

struct OperationDoc {
  std::string summary;
  std::string tag;
  std::vector<ParamDoc> query;
  std::string request_schema;   // component name of the JSON body, empty for none
  std::string response_schema;  // component name, empty for none (204)
  bool list = false;            // response is {"items": [response_schema], "next_cursor"}
  int success_status = 200;
  std::vector<int> error_statuses;                // problem responses besides 400/500
  std::string content_type = "application/json";  // of the success response ("a, b": any of)
  bool public_route = false;                      // answers without a signed-in caller
  std::size_t max_body_bytes = 0;  // this route's body limit; 0 = the server's (ServerOptions)
  std::string raw_request_type;    // a raw (non-JSON) body of this media type, e.g. an upload
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/organizations/{id}"; {name} matches one segment
  Handler handler;
  OperationDoc doc;
  std::vector<std::string> segments;  // pattern split at '/'
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, OperationDoc doc);

  struct Match {
    const Route* route = nullptr;      // set when found
    std::vector<std::string> allowed;  // methods of the path when route is null (405)
  };
  // Finds the route for method and path and fills request.path_params.
  Match Find(const std::string& method, const std::string& path,
             std::map<std::string, std::string>& params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace tb::http
