// The route × role matrix of issue #3 (DESIGN §1, §9), against the real running server on
// SQLite and on PostgreSQL.
//
// 1. The server's route table is read from GET /api/v1/openapi.json (generated from the very table
//    the server routes with): every METHOD path there must have a rule in Matrix() below, and
//    every rule must name a route the server has. A route added without a rule fails here.
// 2. For every route and every caller (anonymous and the six demo logins) one or more
//    representative requests are sent and their status compared with the matrix. The requests
//    are chosen so that each role's rule is exercised: a record inside the caller's scope
//    ("in") against one that exists but lies outside it ("out"), the recruiter's own
//    organization against another, and so on. Writes that should succeed use fresh records
//    (created first by the platform admin for PATCH and DELETE), so no probe depends on another.
//
// Cells read "200" (one request, the route's default target) or "in=200 out=404" (one request
// per named variant; the note of each route says what the variants are). Out-of-scope records
// answer 404 (their existence does not leak); visible records the caller may not change answer
// 403; anonymous callers get 401 except on the public routes.

#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "testing/builders.hpp"
#include "testing/server_process.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

// ---- callers ------------------------------------------------------------------------------------

enum Who {
  kAnonymous,
  kPlatformAdmin,
  kInstitutionAdmin,
  kUnitStaff,
  kRecruiter,
  kStudent,
  kObserver,
  kCallers
};
constexpr const char* kCallerNames[kCallers] = {
    "anonymous", "platform_admin", "institution_admin", "unit_staff", "enterprise_recruiter",
    "student",   "observer"};

// ---- the matrix ---------------------------------------------------------------------------------
//
// Demo scope (DESIGN §2): the institution admin and the unit staff belong to 辽宁工业大学 (LUT),
// the unit staff to its 汽车与交通工程学院 ("the demo unit"), the student is a student of that
// unit, the recruiter works for Johon Huayi, the observer is the Jinzhou SASAC (LUT and the
// enterprises it supervises).

struct Rule {
  const char* route;  // "METHOD /path" exactly as in openapi.json (spaces are not significant)
  const char* note;   // the rule, and what the variants of the cells are
  std::array<const char*, kCallers> cells;
};

const std::vector<Rule>& Matrix() {
  // clang-format off
  static const std::vector<Rule> rules = {
  //                                                          anonymous   platform_admin  institution_admin      unit_staff                   enterprise_recruiter                  student                          observer
  // System and sessions
  {"GET    /api/v1/health",
   "public",                                                 {"200",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/openapi.json",
   "public",                                                 {"200",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/auth/login",
   "public; empty = {} (422), wrong = an unknown e-mail (401); a role logs in again with its "
   "own credentials (200)",                                  {"empty=422 wrong=401", "200", "200",                "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/auth/logout",
   "ends the caller's own session (a fresh one)",            {"401",       "204",          "204",                 "204",                       "204",                               "204",                           "204"}},
  {"GET    /api/v1/auth/me",
   "any signed-in caller",                                   {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},

  // Accounts, API tokens and the audit trail: platform admin only
  {"GET    /api/v1/users",
   "platform admin only",                                    {"401",       "200",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"POST   /api/v1/users",
   "a new observer account; platform admin only",            {"401",       "201",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/users/{id}",
   "an existing user; platform admin only",                  {"401",       "200",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/users/{id}",
   "disables a fresh user; platform admin only",             {"401",       "200",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/tokens",
   "platform admin only",                                    {"401",       "200",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"POST   /api/v1/tokens",
   "a token acting as an existing user; platform admin only", {"401",      "201",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"DELETE /api/v1/tokens/{id}",
   "revokes a fresh token; platform admin only",             {"401",       "204",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/audit",
   "platform admin only; read-only for everyone",            {"401",       "200",          "403",                 "403",                       "403",                               "403",                           "403"}},

  // Reference data: any signed-in caller reads it
  {"GET    /api/v1/regions",            "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/regions/{code}",     "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/majors",             "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/majors/{code}",      "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/industries",         "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/industries/{code}",  "any signed-in caller", {"401",    "200",          "200",                 "200",                       "200",                               "200",                           "200"}},

  // Institutions and units: visible to every signed-in role, so refused writes are 403
  {"GET    /api/v1/institutions",
   "visible to every signed-in role",                        {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/institutions/{id}",
   "another institution than LUT: visible to all",           {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/institutions",
   "only a platform admin adds institutions",                {"401",       "201",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/institutions/{id}",
   "default = LUT (a no-op change), other = another institution: the platform admin or the "
   "institution's own admin",                                {"401",       "200",          "200 other=403",       "403",                       "403",                               "403",                           "403"}},
  {"DELETE /api/v1/institutions/{id}",
   "a fresh institution: platform admin only",               {"401",       "204",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/units",
   "visible to every signed-in role",                        {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/units/{id}",
   "a unit of another institution: visible to all",          {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/units",
   "default = a new unit of LUT, other = of another institution: the platform admin or the "
   "institution's admin",                                    {"401",       "201",          "201 other=403",       "403",                       "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/units/{id}",
   "default = a fresh unit of LUT, other = of another institution, own = the demo unit "
   "(no-op): the platform admin or the institution's admin", {"401",       "200",          "200 other=403",       "403 own=403",               "403",                               "403",                           "403"}},
  {"DELETE /api/v1/units/{id}",
   "default = a fresh unit of LUT, other = of another institution",
                                                             {"401",       "204",          "204 other=403",       "403",                       "403",                               "403",                           "403"}},

  // Organizations and their relations: shared across the network, visible to all
  {"GET    /api/v1/organizations",
   "visible to every signed-in role",                        {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/organizations/{id}",
   "another organization than the recruiter's: visible to all",
                                                             {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/organizations",
   "a new enterprise: administrators and institution staff record organizations",
                                                             {"401",       "201",          "201",                 "201",                       "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/organizations/{id}",
   "default = a fresh enterprise, own = the recruiter's organization (no-op): a recruiter "
   "changes only its own",                                   {"401",       "200",          "200",                 "200",                       "403 own=200",                       "403",                           "403"}},
  {"DELETE /api/v1/organizations/{id}",
   "a fresh enterprise: platform admin only",                {"401",       "204",          "403",                 "403",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/organizations/{id}/duplicates",
   "the recruiter's organization: visible to all",           {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/organizations/{id}/relations",
   "the recruiter's organization: visible to all",           {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"POST   /api/v1/organizations/{id}/relations",
   "a fresh enterprise located_in a park: administrators and institution staff",
                                                             {"401",       "201",          "201",                 "201",                       "403",                               "403",                           "403"}},
  {"DELETE /api/v1/organizations/{id}/relations/{relation_id}",
   "a fresh relation: administrators and institution staff", {"401",       "204",          "204",                 "204",                       "403",                               "403",                           "403"}},

  // Contacts (personal data). in/out = a contact inside/outside the caller's scope: institution
  // admin a LUT unit's / another institution's unit's; unit staff the demo unit's / another LUT
  // unit's; recruiter its organization's / another organization's. Default = a demo unit's.
  {"GET    /api/v1/contacts",
   "filtered to the caller's scope; none for students and observers",
                                                             {"401",       "200",          "200",                 "200",                       "200",                               "403",                           "403"}},
  {"GET    /api/v1/contacts/{id}",
   "out of scope is 404",                                    {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=200 out=404",                    "404",                           "404"}},
  {"POST   /api/v1/contacts",
   "a new contact inside/outside the caller's scope",        {"401",       "201",          "in=201 out=403",      "in=201 out=403",            "in=201 out=403",                    "403",                           "403"}},
  {"PATCH  /api/v1/contacts/{id}",
   "a fresh contact inside/outside the caller's scope",      {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=200 out=404",                    "404",                           "404"}},
  {"DELETE /api/v1/contacts/{id}",
   "a fresh contact inside/outside the caller's scope",      {"401",       "204",          "in=204 out=404",      "in=204 out=404",            "in=204 out=404",                    "404",                           "404"}},

  // Students (personal data). in/out: institution admin a LUT student of another unit / a
  // student of another institution; unit staff a student of the demo unit / of another LUT
  // unit; recruiter a student who consented to talent search / one who did not; student
  // themself / another student of the demo unit. Default = a student of the demo unit.
  {"GET    /api/v1/students",
   "filtered to the caller's scope; observers get aggregates only",
                                                             {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "403"}},
  {"GET    /api/v1/students/{id}",
   "out of scope is 404",                                    {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=200 out=404",                    "in=200 out=404",                "404"}},
  {"POST   /api/v1/students",
   "a new student inside/outside the institution (admin) or unit (staff)",
                                                             {"401",       "201",          "in=201 out=403",      "in=201 out=403",            "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/students/{id}",
   "a fresh student (the student: themself, résumé); move = to another unit; registry = the "
   "student renames themself",                               {"401",       "200",          "in=200 out=404",      "in=200 out=404 move=403",   "in=403 out=404",                    "in=200 out=404 registry=403",   "404"}},
  {"DELETE /api/v1/students/{id}",
   "a fresh student inside/outside the caller's scope",      {"401",       "204",          "in=204 out=404",      "in=204 out=404",            "in=403 out=404",                    "out=404",                       "404"}},

  // Posts. open/draft = another organization's open/draft post (default: open); own = a draft
  // of the recruiter's organization; move = the recruiter's post moved to another organization.
  {"GET    /api/v1/posts",
   "open posts for all; drafts for their organization and institution staff",
                                                             {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  {"GET    /api/v1/posts/{id}",
   "a draft is 404 outside its organization",                {"401",       "draft=200",    "draft=200",           "draft=200",                 "own=200 open=200 draft=404",        "open=200 draft=404",            "open=200 draft=404"}},
  {"POST   /api/v1/posts",
   "own = for the recruiter's organization, default = another organization",
                                                             {"401",       "201",          "201",                 "201",                       "own=201 403",                       "403",                           "403"}},
  {"PATCH  /api/v1/posts/{id}",
   "fresh posts: a recruiter changes only its own organization's",
                                                             {"401",       "200",          "200",                 "200",                       "own=200 open=403 draft=404 move=403", "open=403 draft=404",          "open=403 draft=404"}},
  {"DELETE /api/v1/posts/{id}",
   "fresh posts: a recruiter deletes only its own organization's",
                                                             {"401",       "204",          "204",                 "204",                       "own=204 open=403 draft=404",        "open=403 draft=404",            "open=403 draft=404"}},

  // Campaigns (issue #4). in/out = a campaign of LUT / of another institution (default: in);
  // writes go to fresh campaigns. The observer observes LUT.
  {"GET    /api/v1/campaigns",
   "filtered to the caller's institution (observers: observed ones); none for recruiters and "
   "students",                                               {"401",       "200",          "200",                 "200",                       "403",                               "403",                           "200"}},
  {"POST   /api/v1/campaigns",
   "a new campaign of LUT / of another institution: the institution's administrator",
                                                             {"401",       "201",          "in=201 out=403",      "in=403 out=403",            "403",                               "403",                           "403"}},
  {"GET    /api/v1/campaigns/{id}",
   "out of scope is 404",                                    {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=404",                            "in=404",                        "in=200 out=404"}},
  {"PATCH  /api/v1/campaigns/{id}",
   "a fresh campaign: the institution's administrator",      {"401",       "200",          "in=200 out=404",      "in=403 out=404",            "in=404",                            "in=404",                        "in=403 out=404"}},
  {"DELETE /api/v1/campaigns/{id}",
   "a fresh campaign: the institution's administrator",      {"401",       "204",          "in=204 out=404",      "in=403 out=404",            "in=404",                            "in=404",                        "in=403 out=404"}},
  {"GET    /api/v1/campaigns/{id}/targets",
   "the targets of a visible campaign",                      {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=404",                            "in=404",                        "in=200 out=404"}},
  {"POST   /api/v1/campaigns/{id}/targets",
   "a leader's target in a fresh campaign: who may change the campaign",
                                                             {"401",       "201",          "in=201 out=404",      "in=403 out=404",            "in=404",                            "in=404",                        "in=403 out=404"}},
  {"PATCH  /api/v1/campaigns/{id}/targets/{target_id}",
   "a fresh target: who may change the campaign",            {"401",       "200",          "in=200 out=404",      "in=403 out=404",            "in=404",                            "in=404",                        "in=403 out=404"}},
  {"DELETE /api/v1/campaigns/{id}/targets/{target_id}",
   "a fresh target: who may change the campaign",            {"401",       "204",          "in=204 out=404",      "in=403 out=404",            "in=404",                            "in=404",                        "in=403 out=404"}},
  {"GET    /api/v1/campaigns/{id}/progress",
   "aggregates of a visible campaign (observers: of observed institutions)",
                                                             {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=404",                            "in=404",                        "in=200 out=404"}},
  {"GET    /api/v1/campaigns/{id}/ranking",
   "aggregates of a visible campaign (observers: of observed institutions)",
                                                             {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=404",                            "in=404",                        "in=200 out=404"}},

  // Activities and outcome lines. own = an activity of LUT's demo unit, lut = of another LUT
  // unit, out = of another institution, part = of another institution with the recruiter's
  // organization as counterpart (default: own). Writes go to fresh activities.
  {"GET    /api/v1/activities",
   "filtered to the caller's institution, or to those the recruiter's organization took part "
   "in; none for students and observers",                    {"401",       "200",          "200",                 "200",                       "200",                               "403",                           "403"}},
  {"POST   /api/v1/activities",
   "a new activity: institution admin of its institution, unit staff of their own unit",
                                                             {"401",       "201",          "own=201 lut=201 out=403", "own=201 lut=403 out=403", "part=403",                        "403",                           "403"}},
  {"GET    /api/v1/activities/{id}",
   "out of scope is 404",                                    {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "part=200 out=404",                  "own=404",                       "own=404"}},
  {"PATCH  /api/v1/activities/{id}",
   "a fresh activity: institution admin of its institution, unit staff of their own unit",
                                                             {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"DELETE /api/v1/activities/{id}",
   "a fresh activity: institution admin of its institution, unit staff of their own unit",
                                                             {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"GET    /api/v1/activities/{id}/outcomes",
   "the outcome lines of a visible activity",                {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "part=200 out=404",                  "own=404",                       "own=404"}},
  {"POST   /api/v1/activities/{id}/outcomes",
   "a line of a fresh activity: who may change the activity",
                                                             {"401",       "201",          "lut=201 out=404",     "own=201 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"PATCH  /api/v1/activities/{id}/outcomes/{outcome_id}",
   "a fresh line: who may change the activity",              {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"DELETE /api/v1/activities/{id}/outcomes/{outcome_id}",
   "a fresh line: who may change the activity",              {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"GET    /api/v1/activities/{id}/participants",
   "the participants of a visible activity",                          {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "part=200 out=404",                  "own=404",                       "own=404"}},
  {"POST   /api/v1/activities/{id}/participants",
   "a participant of a fresh activity: who may change the activity",
                                                             {"401",       "201",          "lut=201 out=404",     "own=201 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"PATCH  /api/v1/activities/{id}/participants/{participant_id}",
   "a fresh participant: who may change the activity",            {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"DELETE /api/v1/activities/{id}/participants/{participant_id}",
   "a fresh participant: who may change the activity",            {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"GET    /api/v1/activities/{id}/tasks",
   "the tasks of a visible activity",                                 {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "part=200 out=404",                  "own=404",                       "own=404"}},
  {"POST   /api/v1/activities/{id}/tasks",
   "a task of a fresh activity: who may change the activity",
                                                             {"401",       "201",          "lut=201 out=404",     "own=201 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"PATCH  /api/v1/activities/{id}/tasks/{task_id}",
   "a fresh task: who may change the activity",            {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},
  {"DELETE /api/v1/activities/{id}/tasks/{task_id}",
   "a fresh task: who may change the activity",            {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "part=403 out=404",                  "own=404",                       "own=404"}},

  // Recruitment (issue #5). Applications: own (default) = of the demo student to a post of the
  // recruiter's organization, out = of a student of another institution to another
  // enterprise. Events (group interviews): own = of the demo unit with the recruiter's
  // organization taking part, out = of another institution. Destinations: own = of a student
  // of the demo unit, out = of another institution. Writes go to fresh records.
  {"GET    /api/v1/applications",
   "filtered to the caller's scope; none for observers",    {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "403"}},
  {"POST   /api/v1/applications",
   "a fresh post; students apply for themselves, officers for their students (out = a student "
   "of another institution)",                               {"401",       "201",          "201 out=404",         "201 out=404",               "403",                               "201",                           "403"}},
  {"GET    /api/v1/applications/{id}",
   "out of scope is 404",                                    {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=404"}},
  {"POST   /api/v1/applications/{id}/transitions",
   "a fresh application: the recruiter screens, the student withdraws, staff may not screen",
                                                             {"401",       "200",          "403 out=404",         "403 out=404",               "200 out=404",                       "200 out=404",                   "404"}},
  {"GET    /api/v1/applications/{id}/history",
   "out of scope is 404",                                    {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=404"}},
  {"POST   /api/v1/applications/{id}/confirmations",
   "a fresh offer: each party confirms for itself",         {"401",       "200",          "200 out=404",         "200 out=404",               "200 out=404",                       "200 out=404",                   "404"}},
  {"GET    /api/v1/events",
   "events visible to the caller; none for observers",      {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "403"}},
  {"GET    /api/v1/events/{id}",
   "own = hosted by the demo unit with the recruiter's organization", {"401", "200",       "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=404"}},
  {"PUT    /api/v1/events/{id}/settings",
   "a fresh event: the host's admin and unit staff",        {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"POST   /api/v1/events/{id}/institutions",
   "a fresh event: the host's admin and unit staff",        {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"POST   /api/v1/events/{id}/posts",
   "a fresh event: the host's admin and unit staff",        {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"GET    /api/v1/events/{id}/registrations",
   "organizers all, students their own; an enterprise none", {"401",      "200",          "own=200 out=404",     "own=200 out=404",           "own=403 out=404",                   "own=200",                       "own=404"}},
  {"POST   /api/v1/events/{id}/registrations",
   "a fresh event: a student registers themself, officers their students",
                                                             {"401",       "201",          "201 out=404",         "201 out=404",               "403",                               "201",                           "403"}},
  {"DELETE /api/v1/events/{id}/registrations/{registration_id}",
   "a fresh registration of a demo-unit student (self = of the demo student)",
                                                             {"401",       "200",          "200 out=404",         "200 out=404",               "404",                               "404 self=200",                  "404"}},
  {"POST   /api/v1/events/{id}/checkins",
   "a fresh registration's code: the organizers",           {"401",       "200",          "200 out=404",         "200 out=404",               "403",                               "403",                           "404"}},
  {"GET    /api/v1/events/{id}/slots",
   "the slots of a visible event",                           {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=404"}},
  {"POST   /api/v1/events/{id}/slots",
   "a fresh event: organizers, or an enterprise for itself", {"401",      "201",          "201 out=404",         "201 out=404",               "201 out=404",                       "403",                           "404"}},
  {"GET    /api/v1/events/{id}/live",
   "aggregates (?once=true ends the stream after the first event); observers of the host",
                                                             {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=200 out=404"}},
  {"GET    /api/v1/events/{id}/figures",
   "aggregates; observers of the host",                     {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=200 out=404",                   "own=200 out=404",               "own=200 out=404"}},
  // events editing (edit): hosting, changing and deleting events, removing participants,
  // featured posts and slots. Fresh events as above ("out" = hosted by another institution).
  {"POST   /api/v1/events",
   "hosts: platform admin, the institution's admin, the unit's staff (out = another institution)",
                                                             {"401",       "201",          "201 out=403",         "201 out=403",               "403",                               "403",                           "403"}},
  {"PATCH  /api/v1/events/{id}",
   "a fresh event: the host's admin and unit staff",        {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"DELETE /api/v1/events/{id}",
   "a fresh event: the host's admin and unit staff",        {"401",       "204",          "204 out=404",         "204 out=404",               "403 out=404",                       "403",                           "404"}},
  {"DELETE /api/v1/events/{id}/institutions/{institution_id}",
   "a fresh event with another institution taking part",    {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"DELETE /api/v1/events/{id}/posts/{post_id}",
   "a fresh event with a featured post",                     {"401",       "200",          "200 out=404",         "200 out=404",               "403 out=404",                       "403",                           "404"}},
  {"PATCH  /api/v1/events/{id}/slots/{slot_id}",
   "a fresh slot of the recruiter's organization: organizers, or the enterprise its own",
                                                             {"401",       "200",          "200 out=404",         "200 out=404",               "200 out=404",                       "403",                           "404"}},
  {"DELETE /api/v1/events/{id}/slots/{slot_id}",
   "a fresh slot of the recruiter's organization: organizers, or the enterprise its own",
                                                             {"401",       "204",          "204 out=404",         "204 out=404",               "204 out=404",                       "403",                           "404"}},
  {"GET    /api/v1/destinations",
   "personal data: officers, students (own); not enterprises or observers",
                                                             {"401",       "200",          "200",                 "200",                       "403",                               "200",                           "403"}},
  {"POST   /api/v1/destinations",
   "a fresh student's; the demo student's own (class of 2027, none yet)",
                                                             {"401",       "201",          "201 out=404",         "201 out=404",               "403",                               "201",                           "403"}},
  {"GET    /api/v1/destinations/{id}",
   "out of scope is 404",                                    {"401",       "200",          "own=200 out=404",     "own=200 out=404",           "own=404",                           "own=404",                       "own=404"}},
  {"PATCH  /api/v1/destinations/{id}",
   "a fresh destination",                                    {"401",       "200",          "200 out=404",         "200 out=404",               "404",                               "404",                           "404"}},
  {"PUT    /api/v1/destinations/{id}/evidence",
   "a PDF for a fresh destination",                          {"401",       "200",          "200 out=404",         "200 out=404",               "404",                               "404",                           "404"}},
  {"GET    /api/v1/destinations/{id}/evidence",
   "a fresh destination with a PDF",                         {"401",       "200",          "200 out=404",         "200 out=404",               "404",                               "404",                           "404"}},
  {"POST   /api/v1/destinations/{id}/verification",
   "a fresh destination: unit staff and institution admins", {"401",      "200",          "200 out=404",         "200 out=404",               "404",                               "404",                           "404"}},
  {"GET    /api/v1/reports/destination-flags",
   "the institution's staff",                                {"401",       "200",          "200",                 "200",                       "403",                               "403",                           "403"}},
  {"GET    /api/v1/reports/employment",
   "aggregates for administrators, institution staff and observers",
                                                             {"401",       "200",          "200",                 "200",                       "403",                               "403",                           "200"}},
  // Visits in the 访企拓岗 layout (issue #4): in/out = a fresh campaign of LUT / of another
  // institution; the import is a dry run of one valid row without a unit.
  {"GET    /api/v1/campaigns/{id}/visits/export",
   "who may read the campaign's activities",                 {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=404",                            "in=403",                        "in=403 out=403"}},
  {"POST   /api/v1/campaigns/{id}/visits/import",
   "who may record the visits (a row without a unit: not unit staff)",
                                                             {"401",       "200",          "in=200 out=404",      "in=403 out=404",            "in=404",                            "in=403",                        "in=403 out=403"}},

  // Agreements (issue #4). own = of LUT's demo unit with the recruiter's organization as main
  // counterpart, lut = of another LUT unit with another organization, out = of another
  // institution (default: own). Writes go to fresh drafts.
  {"GET    /api/v1/agreements",
   "filtered to the caller's institution, or to those the recruiter's organization is a party "
   "of; none for students and observers",                    {"401",       "200",          "200",                 "200",                       "200",                               "403",                           "403"}},
  {"POST   /api/v1/agreements",
   "a new draft: institution admin of its institution, unit staff of their own unit",
                                                             {"401",       "201",          "own=201 lut=201 out=403", "own=201 lut=403 out=403", "own=403",                         "403",                           "403"}},
  {"GET    /api/v1/agreements/{id}",
   "out of scope is 404",                                    {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "own=200 lut=404",                   "own=404",                       "own=404"}},
  {"PATCH  /api/v1/agreements/{id}",
   "a fresh draft: institution admin of its institution, unit staff of their own unit",
                                                             {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"DELETE /api/v1/agreements/{id}",
   "a fresh draft: who may change the agreement",            {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"GET    /api/v1/agreements/{id}/transitions",
   "the lifecycle of a visible agreement",                   {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "own=200 lut=404",                   "own=404",                       "own=404"}},
  {"POST   /api/v1/agreements/{id}/transitions",
   "signs a fresh draft: who may change the agreement",      {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"GET    /api/v1/agreements/{id}/parties",
   "the further parties of a visible agreement",             {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "own=200 lut=404",                   "own=404",                       "own=404"}},
  {"POST   /api/v1/agreements/{id}/parties",
   "a park as further party of a fresh draft: who may change the agreement",
                                                             {"401",       "201",          "lut=201 out=404",     "own=201 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"PATCH  /api/v1/agreements/{id}/parties/{party_id}",
   "a fresh party made guarantor: who may change the agreement",
                                                             {"401",       "200",          "lut=200 out=404",     "own=200 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"DELETE /api/v1/agreements/{id}/parties/{party_id}",
   "a fresh party: who may change the agreement",            {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"GET    /api/v1/agreements/{id}/documents",
   "the documents of a visible agreement",                   {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "own=200 lut=404",                   "own=404",                       "own=404"}},
  {"POST   /api/v1/agreements/{id}/documents",
   "a PDF for a fresh draft: who may change the agreement",  {"401",       "201",          "lut=201 out=404",     "own=201 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},
  {"GET    /api/v1/agreements/{id}/documents/{document_id}",
   "downloads a fresh document of a visible agreement",      {"401",       "200",          "lut=200 out=404",     "lut=200 out=404",           "own=200 lut=404",                   "own=404",                       "own=404"}},
  {"DELETE /api/v1/agreements/{id}/documents/{document_id}",
   "a fresh document: who may change the agreement",         {"401",       "204",          "lut=204 out=404",     "own=204 lut=403 out=404",   "own=403 lut=404",                   "own=404",                       "own=404"}},

  // Reports
  {"GET    /api/v1/reports/students",
   "aggregates for administrators, institution staff and observers",
                                                             {"401",       "200",          "200",                 "200",                       "403",                               "403",                           "200"}},

  // Matching (issue #6). Recommendations: in/out = a student inside/outside the caller's scope
  // as for GET /students/{id} (the student: themself / another student). Candidates: open/draft
  // = another organization's open/draft post, own = a draft of the recruiter's organization;
  // only among the students the caller may see, so students and observers are refused.
  {"GET    /api/v1/students/{id}/recommendations",
   "posts for a student the caller may see; out of scope is 404",
                                                             {"401",       "200",          "in=200 out=404",      "in=200 out=404",            "in=200 out=404",                    "in=200 out=404",                "404"}},
  {"GET    /api/v1/posts/{id}/candidates",
   "students for a visible post, among the students the caller may see; a recruiter for its "
   "own organization's posts",                               {"401",       "draft=200",    "draft=200",           "draft=200",                 "own=200 open=403 draft=404",        "open=403 draft=404",            "open=403 draft=404"}},
  {"POST   /api/v1/match/query",
   "posts for an ad-hoc profile, as the caller sees posts",  {"401",       "200",          "200",                 "200",                       "200",                               "200",                           "200"}},
  };
  // clang-format on
  return rules;
}

// "GET    /api/v1/x" -> "GET /api/v1/x".
std::string RouteKey(const std::string& route) {
  std::istringstream in(route);
  std::string method, path, extra;
  in >> method >> path;
  if (method.empty() || path.empty() || (in >> extra)) {
    throw std::invalid_argument("route must be 'METHOD /path': '" + route + "'");
  }
  return method + " " + path;
}

struct Expectation {
  std::string variant;  // "" = the route's default request
  int status = 0;
};

// "in=200 out=404" -> {{"in", 200}, {"out", 404}}; "200" -> {{"", 200}}.
std::vector<Expectation> ParseCell(const std::string& cell) {
  std::vector<Expectation> out;
  std::istringstream in(cell);
  std::string token;
  while (in >> token) {
    auto eq = token.find('=');
    std::string variant = eq == std::string::npos ? "" : token.substr(0, eq);
    std::string code = eq == std::string::npos ? token : token.substr(eq + 1);
    bool digits = code.size() == 3;
    for (char c : code) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits) throw std::invalid_argument("bad matrix cell '" + cell + "'");
    for (const auto& e : out) {
      if (e.variant == variant) throw std::invalid_argument("repeated variant in '" + cell + "'");
    }
    out.push_back({variant, std::stoi(code)});
  }
  if (out.empty()) throw std::invalid_argument("empty matrix cell");
  return out;
}

// ---- the server and its demo data, one per backend per process
// -----------------------------------

struct Request {
  std::string target;
  std::string body;
  // Sent with this session instead of the caller's usual one (logout ends a fresh session).
  std::optional<ClientSession> session;
  std::string content_type;                    // of a body that is not JSON (file uploads)
  std::map<std::string, std::string> headers;  // e.g. the Content-Type of an upload
};

// Where a student fixture sits, relative to the demo logins' scopes.
enum StudentPlace {
  kStudentOfDemoUnit,
  kStudentOfOtherLutUnit,
  kStudentElsewhere,
  kConsenting,
  kStudentPlaces
};
// Where a contact fixture sits.
enum ContactPlace {
  kContactOfDemoUnit,
  kContactOfOtherLutUnit,
  kContactElsewhere,
  kContactOfOwnOrg,
  kContactOfOtherOrg,
  kContactPlaces
};
// Which post.
enum PostPlace { kOwnDraft, kOtherOpen, kOtherDraft, kPostPlaces };

class Fixture {
 public:
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<ServerProcess> server;
  std::array<std::optional<ClientSession>, kCallers> sessions;  // none for anonymous
  std::map<std::string, std::pair<std::string, std::string>> logins;

  // The demo logins' scopes.
  Id lut = 0, demo_unit = 0, own_org = 0, self_student = 0;
  json lut_json, demo_unit_json, own_org_json, other_institution_json;
  // Records around them (existing demo records, or created once by the platform admin).
  Id other_institution = 0, other_lut_unit = 0, other_unit = 0, other_org = 0, park = 0;
  Id user = 0;
  std::array<Id, kStudentPlaces> students{};
  std::array<Id, kContactPlaces> contacts{};
  std::array<Id, kPostPlaces> posts{};

  HttpResponse Send(Who who, const std::string& method, const Request& r) const {
    const std::optional<ClientSession>& session = r.session ? r.session : sessions[who];
    if (session && !r.content_type.empty()) {
      return HttpRequest(server->port(), method, r.target, r.body,
                         {{"Content-Type", r.content_type},
                          {"Cookie", session->cookie},
                          {"X-CSRF-Token", session->csrf_token}});
    }
    if (session) return server->SendAs(*session, method, r.target, r.body, r.headers);
    std::map<std::string, std::string> headers;
    if (!r.body.empty()) headers["Content-Type"] = "application/json";
    for (const auto& [name, value] : r.headers) headers[name] = value;
    return HttpRequest(server->port(), method, r.target, r.body, headers);
  }

  // A request as the platform admin that must answer `expect`; throws otherwise.
  json Admin(const std::string& method, const std::string& target, const json& body, int expect) {
    auto r = Send(kPlatformAdmin, method, {target, body.is_null() ? "" : body.dump(), {}});
    if (r.status != expect) {
      throw std::runtime_error("setup request " + method + " " + target + " " +
                               (body.is_null() ? "" : body.dump()) +
                               " as platform_admin answered " + std::to_string(r.status) +
                               ", not " + std::to_string(expect) + ": " + r.body);
    }
    return r.Json();
  }
  Id Create(const std::string& collection, const json& body) {
    return Admin("POST", "/api/v1/" + collection, body, 201)["id"].get<Id>();
  }

  // Unique numbers for names, codes and credit codes of fresh records.
  int Next() { return ++serial_; }

  json InstitutionBody() {
    int n = Next();
    return {{"code", "MX" + std::to_string(900000 + n)},
            {"name", "矩阵测试大学" + std::to_string(n)},
            {"kind", "university"},
            {"region_code", kShenyang}};
  }
  json UnitBody(Id institution) {
    return {{"institution_id", institution},
            {"name", "矩阵测试学院" + std::to_string(Next())},
            {"kind", "school"}};
  }
  json EnterpriseBody() {
    int n = Next();
    return {{"kind", "enterprise"},
            {"name", "矩阵测试电子有限公司" + std::to_string(n)},
            {"credit_code", CreditCode(900000 + static_cast<std::uint64_t>(n))},
            {"region_code", kShenyang},
            {"industry_code", "39"}};
  }
  json StudentBody(StudentPlace place) {
    Id institution =
        place == kStudentOfDemoUnit || place == kStudentOfOtherLutUnit ? lut : other_institution;
    Id unit = place == kStudentOfDemoUnit       ? demo_unit
              : place == kStudentOfOtherLutUnit ? other_lut_unit
                                                : other_unit;
    return {{"institution_id", institution},
            {"unit_id", unit},
            {"student_no", "MX" + std::to_string(900000 + Next())},
            {"name", "矩阵测试学生"},
            {"major_code", kVehicleEngineering},
            {"level", "bachelor"},
            {"cohort", 2026},
            {"talent_search_consent", place == kConsenting}};
  }
  json ContactBody(ContactPlace place) {
    json body = {{"name", "矩阵联系人" + std::to_string(Next())},
                 {"title", "办公室主任"},
                 {"phone", "13800000000"}};
    switch (place) {
      case kContactOfDemoUnit:
        body["unit_id"] = demo_unit;
        break;
      case kContactOfOtherLutUnit:
        body["unit_id"] = other_lut_unit;
        break;
      case kContactElsewhere:
        body["unit_id"] = other_unit;
        break;
      case kContactOfOwnOrg:
        body["organization_id"] = own_org;
        break;
      default:
        body["organization_id"] = other_org;
        break;
    }
    return body;
  }
  json PostBody(Id organization, const char* status) {
    return {{"organization_id", organization},
            {"title", "矩阵测试岗位" + std::to_string(Next())},
            {"kind", "full_time"},
            {"headcount", 2},
            {"region_code", kJinzhou},
            {"status", status}};
  }
  json UserBody() {
    return {{"email", "matrix.user." + std::to_string(Next()) + "@example.cn"},
            {"name", "矩阵测试用户"},
            {"password", "Quartz-Matrix-4417-probe"},
            {"role", "observer"},
            {"observer_institutions", json::array({lut})}};
  }

  // Campaigns and activities (issue #4): "" / "in" = of LUT, "out" = of another institution;
  // activities "" / "own" = of the demo unit, "lut" = of another LUT unit, "out" = of another
  // institution, "part" = of another institution with the recruiter's organization.
  json CampaignBody(const std::string& variant) {
    if (!variant.empty() && variant != "in" && variant != "out") {
      throw std::invalid_argument("unknown campaign variant " + variant);
    }
    return {{"institution_id", variant == "out" ? other_institution : lut},
            {"name", "矩阵测试行动" + std::to_string(Next())},
            {"start_date", "2023-03-01"},
            {"end_date", "2023-12-31"}};
  }
  Id FreshCampaign(const std::string& variant) {
    return Create("campaigns", CampaignBody(variant));
  }
  json TargetBody() {
    return {{"leader_name", "矩阵领导" + std::to_string(Next())},
            {"leader_title", "副校长"},
            {"visits", 3}};
  }
  json ActivityBody(const std::string& variant) {
    json body = {{"kind", "visit_out"}, {"date", "2023-05-10"}, {"place", "矩阵测试"}};
    if (variant.empty() || variant == "own") {
      body["institution_id"] = lut;
      body["unit_id"] = demo_unit;
    } else if (variant == "lut") {
      body["institution_id"] = lut;
      body["unit_id"] = other_lut_unit;
    } else if (variant == "out" || variant == "part") {
      body["institution_id"] = other_institution;
      body["organization_id"] = variant == "part" ? own_org : other_org;
    } else {
      throw std::invalid_argument("unknown activity variant " + variant);
    }
    return body;
  }
  Id FreshActivity(const std::string& variant) {
    return Create("activities", ActivityBody(variant));
  }
  json ParticipantBody() { return {{"organization_id", other_org}, {"role", "participant"}}; }
  json TaskBody() {
    return {{"title", "矩阵测试跟进任务"}, {"owner", "就业指导中心"}, {"due_date", "2023-06-30"}};
  }
  json OutcomeBody() {
    return {{"organization_id", other_org},
            {"major_code", kVehicleEngineering},
            {"level", "bachelor"},
            {"posts_offered", 2}};
  }

  // Recruitment (issue #5): "" / "own" and "out" as described at the matrix's block.
  Id RecruitmentPost(Id organization) {
    return Create("posts", {{"organization_id", organization},
                            {"title", "矩阵测试实习" + std::to_string(Next())},
                            {"kind", "internship"},
                            {"min_level", "vocational"},
                            {"region_code", kJinzhou},
                            {"status", "open"}});
  }
  static bool Out(const std::string& v) {
    if (!v.empty() && v != "own" && v != "out" && v != "self") {
      throw std::invalid_argument("unknown recruitment variant " + v);
    }
    return v == "out";
  }
  Id FreshApplication(const std::string& v) {
    bool out = Out(v);
    Id student = out ? FreshStudent(kStudentElsewhere) : self_student;
    return Create("applications", {{"student_id", student},
                                   {"post_id", RecruitmentPost(out ? other_org : own_org)}});
  }
  Id FreshOffer(const std::string& v) {
    Id id = FreshApplication(v);
    std::string base = "/api/v1/applications/" + std::to_string(id) + "/transitions";
    Admin("POST", base, {{"to", "interview"}}, 200);
    Admin("POST", base, {{"to", "offer"}}, 200);
    return id;
  }
  Id FreshEvent(const std::string& v) {
    bool out = Out(v);
    json body = {{"kind", "group_interview"}, {"date", "2025-05-20"}, {"place", "矩阵测试园区"}};
    body["institution_id"] = out ? other_institution : lut;
    if (!out) body["unit_id"] = demo_unit;
    Id id = Create("activities", body);
    if (!out) {
      Admin("POST", "/api/v1/activities/" + std::to_string(id) + "/participants",
            {{"organization_id", own_org}, {"role", "participant"}}, 201);
    }
    return id;
  }
  json FreshRegistration(Id event, Id student) {
    return Admin("POST", "/api/v1/events/" + std::to_string(event) + "/registrations",
                 {{"student_id", student}}, 201);
  }
  Id FreshDestination(const std::string& v) {
    Id student = FreshStudent(Out(v) ? kStudentElsewhere : kStudentOfDemoUnit);
    // Not seeking work: verified without an evidence file.
    return Create("destinations", {{"student_id", student}, {"category", "not_seeking"}});
  }
  Id RecruitmentEvent(const std::string& v) {
    if (v == "out") return out_event ? out_event : (out_event = FreshEvent("out"));
    Out(v);
    return own_event ? own_event : (own_event = FreshEvent("own"));
  }
  Id own_event = 0, out_event = 0;
  // Agreements: "" / "own" = of the demo unit with the recruiter's organization, "lut" = of
  // another LUT unit with another organization, "out" = of another institution.
  json AgreementBody(const std::string& variant) {
    json body = {{"kind", "framework"},
                 {"title", "矩阵测试合作协议" + std::to_string(Next())},
                 {"scopes", {"employment", "internship"}},
                 {"start_date", "2024-01-01"},
                 {"end_date", "2026-12-31"}};
    if (variant.empty() || variant == "own") {
      body["institution_id"] = lut;
      body["unit_id"] = demo_unit;
      body["organization_id"] = own_org;
    } else if (variant == "lut") {
      body["institution_id"] = lut;
      body["unit_id"] = other_lut_unit;
      body["organization_id"] = other_org;
    } else if (variant == "out") {
      body["institution_id"] = other_institution;
      body["organization_id"] = other_org;
    } else {
      throw std::invalid_argument("unknown agreement variant " + variant);
    }
    return body;
  }
  Id FreshAgreement(const std::string& variant) {
    return Create("agreements", AgreementBody(variant));
  }
  static constexpr const char* kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
  Id FreshDocument(Id agreement) {
    std::string target =
        "/api/v1/agreements/" + std::to_string(agreement) + "/documents?filename=matrix.pdf";
    auto r = server->SendAs(*sessions[kPlatformAdmin], "POST", target, kPdf,
                            {{"Content-Type", "application/pdf"}});
    if (r.status != 201) throw std::runtime_error("upload as platform_admin: " + r.body);
    return r.Json()["id"].get<Id>();
  }

  Id FreshStudent(StudentPlace place) { return Create("students", StudentBody(place)); }
  Id FreshContact(ContactPlace place) { return Create("contacts", ContactBody(place)); }
  Id FreshPost(PostPlace place) {
    return Create("posts", PostBody(place == kOwnDraft ? own_org : other_org,
                                    place == kOtherOpen ? "open" : "draft"));
  }

  // Finds the demo scopes and creates the records the probes look at.
  void Prepare() {
    auto me = [&](Who who) {
      auto r = Send(who, "GET", {"/api/v1/auth/me", "", {}});
      if (r.status != 200) throw std::runtime_error("GET /api/v1/auth/me: " + r.body);
      return r.Json()["user"];
    };
    lut = me(kInstitutionAdmin)["institution_id"].get<Id>();
    demo_unit = me(kUnitStaff)["unit_id"].get<Id>();
    own_org = me(kRecruiter)["organization_id"].get<Id>();
    self_student = me(kStudent)["student_id"].get<Id>();
    lut_json = Admin("GET", "/api/v1/institutions/" + std::to_string(lut), nullptr, 200);
    demo_unit_json = Admin("GET", "/api/v1/units/" + std::to_string(demo_unit), nullptr, 200);
    own_org_json = Admin("GET", "/api/v1/organizations/" + std::to_string(own_org), nullptr, 200);

    json institutions = Admin("GET", "/api/v1/institutions?limit=50", nullptr, 200)["items"];
    for (const auto& inst : institutions) {
      if (inst["id"].get<Id>() != lut) {
        other_institution = inst["id"].get<Id>();
        other_institution_json = inst;
        break;
      }
    }
    if (other_institution == 0) throw std::runtime_error("the demo has only one institution");
    json lut_units = Admin("GET", "/api/v1/units?limit=50&institution_id=" + std::to_string(lut),
                           nullptr, 200)["items"];
    for (const auto& unit : lut_units) {
      if (unit["id"].get<Id>() != demo_unit) {
        other_lut_unit = unit["id"].get<Id>();
        break;
      }
    }
    if (other_lut_unit == 0) throw std::runtime_error("LUT has only the demo unit");
    other_unit = Create("units", UnitBody(other_institution));
    // Verified, so its open posts are visible to students too (unverified employers' posts are
    // hidden from them).
    json verified = EnterpriseBody();
    verified["verified"] = true;
    other_org = Create("organizations", verified);
    park = Create("organizations",
                  {{"kind", "park"}, {"name", "矩阵测试园区"}, {"region_code", kShenyang}});
    user = Create("users", UserBody());
    for (int p = 0; p < kStudentPlaces; ++p) students[p] = FreshStudent(StudentPlace(p));
    for (int p = 0; p < kContactPlaces; ++p) contacts[p] = FreshContact(ContactPlace(p));
    for (int p = 0; p < kPostPlaces; ++p) posts[p] = FreshPost(PostPlace(p));
  }

 private:
  int serial_ = 0;
};

std::map<store::Backend, Fixture>& Fixtures() {
  static std::map<store::Backend, Fixture> fixtures;
  return fixtures;
}

class MatrixCleanup : public ::testing::Environment {
 public:
  void TearDown() override { Fixtures().clear(); }
};
const auto* const kMatrixCleanup = ::testing::AddGlobalTestEnvironment(new MatrixCleanup);

// ---- the representative requests ---------------------------------------------------------------

using Builder = std::function<Request(Fixture&, Who, const std::string& variant)>;

[[noreturn]] void UnknownVariant(const std::string& variant) {
  throw std::invalid_argument("the matrix names a variant '" + variant +
                              "' this route's request builder does not know");
}

std::string S(Id id) { return std::to_string(id); }

Request Get(std::string target) { return {std::move(target), "", {}}; }
Request With(std::string target, const json& body) { return {std::move(target), body.dump(), {}}; }

// in/out placements of a record relative to each caller's scope (see the notes of the matrix).
StudentPlace StudentFor(Who who, const std::string& variant) {
  if (variant.empty()) return kStudentOfDemoUnit;
  if (variant == "in") {
    switch (who) {
      case kInstitutionAdmin:
        return kStudentOfOtherLutUnit;
      case kUnitStaff:
        return kStudentOfDemoUnit;
      case kRecruiter:
        return kConsenting;
      default:
        break;
    }
  } else if (variant == "out") {
    switch (who) {
      case kInstitutionAdmin:
        return kStudentElsewhere;
      case kUnitStaff:
        return kStudentOfOtherLutUnit;
      case kRecruiter:
        return kStudentElsewhere;
      case kStudent:
        return kStudentOfDemoUnit;
      default:
        break;
    }
  }
  UnknownVariant(variant);
}

ContactPlace ContactFor(Who who, const std::string& variant) {
  if (variant.empty()) return kContactOfDemoUnit;
  if (variant == "in") {
    switch (who) {
      case kInstitutionAdmin:
        return kContactOfOtherLutUnit;
      case kUnitStaff:
        return kContactOfDemoUnit;
      case kRecruiter:
        return kContactOfOwnOrg;
      default:
        break;
    }
  } else if (variant == "out") {
    switch (who) {
      case kInstitutionAdmin:
        return kContactElsewhere;
      case kUnitStaff:
        return kContactOfOtherLutUnit;
      case kRecruiter:
        return kContactOfOtherOrg;
      default:
        break;
    }
  }
  UnknownVariant(variant);
}

PostPlace PostFor(const std::string& variant) {
  if (variant.empty() || variant == "open") return kOtherOpen;
  if (variant == "draft") return kOtherDraft;
  if (variant == "own") return kOwnDraft;
  UnknownVariant(variant);
}

void NoVariant(const std::string& variant) {
  if (!variant.empty()) UnknownVariant(variant);
}

Builder Fixed(std::string target) {
  return [target](Fixture&, Who, const std::string& variant) {
    NoVariant(variant);
    return Get(target);
  };
}

const std::map<std::string, Builder>& Builders() {
  static const std::map<std::string, Builder> builders = [] {
    std::map<std::string, Builder> b;
    const std::string api = "/api/v1";

    // System and sessions
    b["GET /api/v1/health"] = Fixed(api + "/health");
    b["GET /api/v1/openapi.json"] = Fixed(api + "/openapi.json");
    b["POST /api/v1/auth/login"] = [](Fixture& f, Who who, const std::string& v) {
      if (v == "empty") return With("/api/v1/auth/login", json::object());
      if (v == "wrong") {
        return With("/api/v1/auth/login",
                    {{"email", "nobody.matrix@example.cn"}, {"password", "Wrong-password-1234"}});
      }
      NoVariant(v);
      if (who == kAnonymous) UnknownVariant("(default, for anonymous)");
      const auto& [email, password] = f.logins.at(kCallerNames[who]);
      return With("/api/v1/auth/login", {{"email", email}, {"password", password}});
    };
    b["POST /api/v1/auth/logout"] = [](Fixture& f, Who who, const std::string& v) {
      NoVariant(v);
      Request r{"/api/v1/auth/logout", "", {}};
      if (who != kAnonymous) {
        r.session = f.server->LoginAs(kCallerNames[who]);
        if (!r.session) throw std::runtime_error("a fresh login failed");
      }
      return r;
    };
    b["GET /api/v1/auth/me"] = Fixed(api + "/auth/me");

    // Accounts, tokens, audit
    b["GET /api/v1/users"] = Fixed(api + "/users?limit=5");
    b["POST /api/v1/users"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/users", f.UserBody());
    };
    b["GET /api/v1/users/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/users/" + S(f.user));
    };
    b["PATCH /api/v1/users/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/users/" + S(f.Create("users", f.UserBody())), {{"disabled", true}});
    };
    b["GET /api/v1/tokens"] = Fixed(api + "/tokens?limit=5");
    b["POST /api/v1/tokens"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/tokens",
                  {{"user_id", f.user}, {"name", "matrix token " + std::to_string(f.Next())}});
    };
    b["DELETE /api/v1/tokens/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      Id token =
          f.Create("tokens", {{"user_id", f.user}, {"name", "matrix " + std::to_string(f.Next())}});
      return Get("/api/v1/tokens/" + S(token));
    };
    b["GET /api/v1/audit"] = Fixed(api + "/audit?limit=5");

    // Reference data
    b["GET /api/v1/regions"] = Fixed(api + "/regions?limit=5");
    b["GET /api/v1/regions/{code}"] = Fixed(api + "/regions/" + kJinzhou);
    b["GET /api/v1/majors"] = Fixed(api + "/majors?limit=5");
    b["GET /api/v1/majors/{code}"] = Fixed(api + "/majors/" + kVehicleEngineering);
    b["GET /api/v1/industries"] = Fixed(api + "/industries?limit=5");
    b["GET /api/v1/industries/{code}"] = Fixed(api + "/industries/C");

    // Institutions and units
    b["GET /api/v1/institutions"] = Fixed(api + "/institutions?limit=5");
    b["GET /api/v1/institutions/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/institutions/" + S(f.other_institution));
    };
    b["POST /api/v1/institutions"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/institutions", f.InstitutionBody());
    };
    b["PATCH /api/v1/institutions/{id}"] = [](Fixture& f, Who, const std::string& v) {
      const json& target = v == "other" ? f.other_institution_json : f.lut_json;
      if (!v.empty() && v != "other") UnknownVariant(v);
      return With("/api/v1/institutions/" + S(target["id"].get<Id>()),
                  {{"name_en", target["name_en"]}});
    };
    b["DELETE /api/v1/institutions/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/institutions/" + S(f.Create("institutions", f.InstitutionBody())));
    };
    b["GET /api/v1/units"] = Fixed(api + "/units?limit=5");
    b["GET /api/v1/units/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/units/" + S(f.other_unit));
    };
    b["POST /api/v1/units"] = [](Fixture& f, Who, const std::string& v) {
      if (!v.empty() && v != "other") UnknownVariant(v);
      return With("/api/v1/units", f.UnitBody(v == "other" ? f.other_institution : f.lut));
    };
    b["PATCH /api/v1/units/{id}"] = [](Fixture& f, Who, const std::string& v) {
      if (v == "own") {
        return With("/api/v1/units/" + S(f.demo_unit), {{"name", f.demo_unit_json["name"]}});
      }
      if (!v.empty() && v != "other") UnknownVariant(v);
      Id unit = f.Create("units", f.UnitBody(v == "other" ? f.other_institution : f.lut));
      return With("/api/v1/units/" + S(unit), {{"name_en", "Matrix Probe School"}});
    };
    b["DELETE /api/v1/units/{id}"] = [](Fixture& f, Who, const std::string& v) {
      if (!v.empty() && v != "other") UnknownVariant(v);
      Id unit = f.Create("units", f.UnitBody(v == "other" ? f.other_institution : f.lut));
      return Get("/api/v1/units/" + S(unit));
    };

    // Organizations and relations
    b["GET /api/v1/organizations"] = Fixed(api + "/organizations?limit=5");
    b["GET /api/v1/organizations/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/organizations/" + S(f.other_org));
    };
    b["POST /api/v1/organizations"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/organizations", f.EnterpriseBody());
    };
    b["PATCH /api/v1/organizations/{id}"] = [](Fixture& f, Who, const std::string& v) {
      if (v == "own") {
        return With("/api/v1/organizations/" + S(f.own_org), {{"name", f.own_org_json["name"]}});
      }
      NoVariant(v);
      Id org = f.Create("organizations", f.EnterpriseBody());
      return With("/api/v1/organizations/" + S(org), {{"size", "small"}});
    };
    b["DELETE /api/v1/organizations/{id}"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/organizations/" + S(f.Create("organizations", f.EnterpriseBody())));
    };
    b["GET /api/v1/organizations/{id}/duplicates"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/organizations/" + S(f.own_org) + "/duplicates");
    };
    b["GET /api/v1/organizations/{id}/relations"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/organizations/" + S(f.own_org) + "/relations");
    };
    b["POST /api/v1/organizations/{id}/relations"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      Id org = f.Create("organizations", f.EnterpriseBody());
      return With("/api/v1/organizations/" + S(org) + "/relations",
                  {{"kind", "located_in"}, {"to_id", f.park}});
    };
    b["DELETE /api/v1/organizations/{id}/relations/{relation_id}"] = [](Fixture& f, Who,
                                                                        const std::string& v) {
      NoVariant(v);
      Id org = f.Create("organizations", f.EnterpriseBody());
      std::string base = "/api/v1/organizations/" + S(org) + "/relations";
      Id relation =
          f.Admin("POST", base, {{"kind", "located_in"}, {"to_id", f.park}}, 201)["id"].get<Id>();
      return Get(base + "/" + S(relation));
    };

    // Contacts
    b["GET /api/v1/contacts"] = Fixed(api + "/contacts?limit=5");
    b["GET /api/v1/contacts/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      return Get("/api/v1/contacts/" + S(f.contacts[ContactFor(who, v)]));
    };
    b["POST /api/v1/contacts"] = [](Fixture& f, Who who, const std::string& v) {
      return With("/api/v1/contacts", f.ContactBody(ContactFor(who, v)));
    };
    b["PATCH /api/v1/contacts/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      return With("/api/v1/contacts/" + S(f.FreshContact(ContactFor(who, v))),
                  {{"title", "就业联络员"}});
    };
    b["DELETE /api/v1/contacts/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      return Get("/api/v1/contacts/" + S(f.FreshContact(ContactFor(who, v))));
    };

    // Students
    b["GET /api/v1/students"] = Fixed(api + "/students?limit=5");
    b["GET /api/v1/students/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      if (who == kStudent && v == "in") return Get("/api/v1/students/" + S(f.self_student));
      return Get("/api/v1/students/" + S(f.students[StudentFor(who, v)]));
    };
    b["POST /api/v1/students"] = [](Fixture& f, Who who, const std::string& v) {
      return With("/api/v1/students", f.StudentBody(StudentFor(who, v)));
    };
    b["PATCH /api/v1/students/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      json resume = {{"resume", "矩阵测试简历 " + std::to_string(f.Next())}};
      if (who == kStudent && v == "in")
        return With("/api/v1/students/" + S(f.self_student), resume);
      if (who == kStudent && v == "registry") {
        return With("/api/v1/students/" + S(f.self_student), {{"name", "矩阵改名"}});
      }
      if (who == kUnitStaff && v == "move") {
        return With("/api/v1/students/" + S(f.FreshStudent(kStudentOfDemoUnit)),
                    {{"unit_id", f.other_lut_unit}});
      }
      return With("/api/v1/students/" + S(f.FreshStudent(StudentFor(who, v))), resume);
    };
    b["DELETE /api/v1/students/{id}"] = [](Fixture& f, Who who, const std::string& v) {
      return Get("/api/v1/students/" + S(f.FreshStudent(StudentFor(who, v))));
    };

    // Posts
    b["GET /api/v1/posts"] = Fixed(api + "/posts?limit=5");
    b["GET /api/v1/posts/{id}"] = [](Fixture& f, Who, const std::string& v) {
      return Get("/api/v1/posts/" + S(f.posts[PostFor(v)]));
    };
    b["POST /api/v1/posts"] = [](Fixture& f, Who, const std::string& v) {
      if (!v.empty() && v != "own") UnknownVariant(v);
      return With("/api/v1/posts", f.PostBody(v == "own" ? f.own_org : f.other_org, "open"));
    };
    b["PATCH /api/v1/posts/{id}"] = [](Fixture& f, Who, const std::string& v) {
      if (v == "move") {
        return With("/api/v1/posts/" + S(f.FreshPost(kOwnDraft)),
                    {{"organization_id", f.other_org}});
      }
      return With("/api/v1/posts/" + S(f.FreshPost(PostFor(v))),
                  {{"title", "矩阵更新岗位" + std::to_string(f.Next())}});
    };
    b["DELETE /api/v1/posts/{id}"] = [](Fixture& f, Who, const std::string& v) {
      return Get("/api/v1/posts/" + S(f.FreshPost(PostFor(v))));
    };

    // Campaigns and their targets, progress and ranking
    b["GET /api/v1/campaigns"] = Fixed(api + "/campaigns?limit=5");
    b["POST /api/v1/campaigns"] = [](Fixture& f, Who, const std::string& v) {
      return With("/api/v1/campaigns", f.CampaignBody(v));
    };
    auto campaign = [](Fixture& f, const std::string& v) {
      return "/api/v1/campaigns/" + S(f.FreshCampaign(v));
    };
    b["GET /api/v1/campaigns/{id}"] = [campaign](Fixture& f, Who, const std::string& v) {
      return Get(campaign(f, v));
    };
    b["PATCH /api/v1/campaigns/{id}"] = [campaign](Fixture& f, Who, const std::string& v) {
      return With(campaign(f, v), {{"status", "closed"}});
    };
    b["DELETE /api/v1/campaigns/{id}"] = [campaign](Fixture& f, Who, const std::string& v) {
      return Get(campaign(f, v));
    };
    b["GET /api/v1/campaigns/{id}/targets"] = [campaign](Fixture& f, Who, const std::string& v) {
      return Get(campaign(f, v) + "/targets");
    };
    b["POST /api/v1/campaigns/{id}/targets"] = [campaign](Fixture& f, Who, const std::string& v) {
      return With(campaign(f, v) + "/targets", f.TargetBody());
    };
    auto target = [campaign](Fixture& f, const std::string& v) {
      std::string base = campaign(f, v) + "/targets";
      return base + "/" + S(f.Admin("POST", base, f.TargetBody(), 201)["id"].get<Id>());
    };
    b["PATCH /api/v1/campaigns/{id}/targets/{target_id}"] = [target](Fixture& f, Who,
                                                                     const std::string& v) {
      return With(target(f, v), {{"visits", 5}});
    };
    b["DELETE /api/v1/campaigns/{id}/targets/{target_id}"] =
        [target](Fixture& f, Who, const std::string& v) { return Get(target(f, v)); };
    b["GET /api/v1/campaigns/{id}/progress"] = [campaign](Fixture& f, Who, const std::string& v) {
      return Get(campaign(f, v) + "/progress");
    };
    b["GET /api/v1/campaigns/{id}/ranking"] = [campaign](Fixture& f, Who, const std::string& v) {
      return Get(campaign(f, v) + "/ranking?week=2023-W10");
    };

    // Activities and their outcome lines
    b["GET /api/v1/activities"] = Fixed(api + "/activities?limit=5");
    b["POST /api/v1/activities"] = [](Fixture& f, Who, const std::string& v) {
      return With("/api/v1/activities", f.ActivityBody(v));
    };
    auto activity = [](Fixture& f, const std::string& v) {
      return "/api/v1/activities/" + S(f.FreshActivity(v));
    };
    b["GET /api/v1/activities/{id}"] = [activity](Fixture& f, Who, const std::string& v) {
      return Get(activity(f, v));
    };
    b["PATCH /api/v1/activities/{id}"] = [activity](Fixture& f, Who, const std::string& v) {
      return With(activity(f, v), {{"notes", "矩阵测试备注"}});
    };
    b["DELETE /api/v1/activities/{id}"] = [activity](Fixture& f, Who, const std::string& v) {
      return Get(activity(f, v));
    };
    b["GET /api/v1/activities/{id}/outcomes"] = [activity](Fixture& f, Who, const std::string& v) {
      return Get(activity(f, v) + "/outcomes");
    };
    b["POST /api/v1/activities/{id}/outcomes"] = [activity](Fixture& f, Who, const std::string& v) {
      return With(activity(f, v) + "/outcomes", f.OutcomeBody());
    };
    auto outcome = [activity](Fixture& f, const std::string& v) {
      std::string base = activity(f, v) + "/outcomes";
      return base + "/" + S(f.Admin("POST", base, f.OutcomeBody(), 201)["id"].get<Id>());
    };
    b["PATCH /api/v1/activities/{id}/outcomes/{outcome_id}"] = [outcome](Fixture& f, Who,
                                                                         const std::string& v) {
      return With(outcome(f, v), {{"posts_offered", 4}});
    };
    b["DELETE /api/v1/activities/{id}/outcomes/{outcome_id}"] =
        [outcome](Fixture& f, Who, const std::string& v) { return Get(outcome(f, v)); };
    b["GET /api/v1/activities/{id}/participants"] = [activity](Fixture& f, Who,
                                                               const std::string& v) {
      return Get(activity(f, v) + "/participants");
    };
    b["POST /api/v1/activities/{id}/participants"] = [activity](Fixture& f, Who,
                                                                const std::string& v) {
      return With(activity(f, v) + "/participants", f.ParticipantBody());
    };
    auto fresh_participants = [activity](Fixture& f, const std::string& v) {
      std::string base = activity(f, v) + "/participants";
      return base + "/" + S(f.Admin("POST", base, f.ParticipantBody(), 201)["id"].get<Id>());
    };
    b["PATCH /api/v1/activities/{id}/participants/{participant_id}"] =
        [fresh_participants](Fixture& f, Who, const std::string& v) {
          return With(fresh_participants(f, v), {{"role", "host"}});
        };
    b["DELETE /api/v1/activities/{id}/participants/{participant_id}"] =
        [fresh_participants](Fixture& f, Who, const std::string& v) {
          return Get(fresh_participants(f, v));
        };
    b["GET /api/v1/activities/{id}/tasks"] = [activity](Fixture& f, Who, const std::string& v) {
      return Get(activity(f, v) + "/tasks");
    };
    b["POST /api/v1/activities/{id}/tasks"] = [activity](Fixture& f, Who, const std::string& v) {
      return With(activity(f, v) + "/tasks", f.TaskBody());
    };
    auto fresh_tasks = [activity](Fixture& f, const std::string& v) {
      std::string base = activity(f, v) + "/tasks";
      return base + "/" + S(f.Admin("POST", base, f.TaskBody(), 201)["id"].get<Id>());
    };
    b["PATCH /api/v1/activities/{id}/tasks/{task_id}"] = [fresh_tasks](Fixture& f, Who,
                                                                       const std::string& v) {
      return With(fresh_tasks(f, v), {{"done", true}});
    };
    b["DELETE /api/v1/activities/{id}/tasks/{task_id}"] =
        [fresh_tasks](Fixture& f, Who, const std::string& v) { return Get(fresh_tasks(f, v)); };

    // Recruitment (issue #5)
    b["GET /api/v1/applications"] = Fixed(api + "/applications?limit=5");
    b["POST /api/v1/applications"] = [](Fixture& f, Who who, const std::string& v) {
      json body = {{"post_id", f.RecruitmentPost(f.own_org)}};
      if (who != kStudent) {
        body["student_id"] =
            f.FreshStudent(Fixture::Out(v) ? kStudentElsewhere : kStudentOfDemoUnit);
      }
      return With("/api/v1/applications", body);
    };
    auto application = [](Fixture& f, const std::string& v) {
      return "/api/v1/applications/" + S(f.FreshApplication(v));
    };
    b["GET /api/v1/applications/{id}"] = [application](Fixture& f, Who, const std::string& v) {
      return Get(application(f, v));
    };
    b["POST /api/v1/applications/{id}/transitions"] = [application](Fixture& f, Who who,
                                                                    const std::string& v) {
      return With(application(f, v) + "/transitions",
                  {{"to", who == kStudent ? "withdrawn" : "screening"}, {"note", "矩阵测试"}});
    };
    b["GET /api/v1/applications/{id}/history"] = [application](Fixture& f, Who,
                                                               const std::string& v) {
      return Get(application(f, v) + "/history");
    };
    b["POST /api/v1/applications/{id}/confirmations"] = [](Fixture& f, Who who,
                                                           const std::string& v) {
      json body = json::object();
      if (who == kPlatformAdmin) body["party"] = "institution";
      return With("/api/v1/applications/" + S(f.FreshOffer(v)) + "/confirmations", body);
    };
    b["GET /api/v1/events"] = Fixed(api + "/events");
    auto event = [](Fixture& f, const std::string& v) {
      return "/api/v1/events/" + S(f.RecruitmentEvent(v));
    };
    auto fresh_event = [](Fixture& f, const std::string& v) {
      return "/api/v1/events/" + S(f.FreshEvent(v));
    };
    b["GET /api/v1/events/{id}"] = [event](Fixture& f, Who, const std::string& v) {
      return Get(event(f, v));
    };
    b["PUT /api/v1/events/{id}/settings"] = [fresh_event](Fixture& f, Who, const std::string& v) {
      return With(fresh_event(f, v) + "/settings", {{"capacity", 80}});
    };
    b["POST /api/v1/events/{id}/institutions"] = [fresh_event](Fixture& f, Who,
                                                               const std::string& v) {
      return With(fresh_event(f, v) + "/institutions", {{"institution_id", f.other_institution}});
    };
    b["POST /api/v1/events/{id}/posts"] = [fresh_event](Fixture& f, Who, const std::string& v) {
      return With(fresh_event(f, v) + "/posts", {{"post_id", f.posts[kOtherOpen]}});
    };
    b["GET /api/v1/events/{id}/registrations"] = [event](Fixture& f, Who, const std::string& v) {
      return Get(event(f, v) + "/registrations");
    };
    b["POST /api/v1/events/{id}/registrations"] = [fresh_event](Fixture& f, Who who,
                                                                const std::string& v) {
      json body = json::object();
      if (who != kStudent) body["student_id"] = f.FreshStudent(kStudentOfDemoUnit);
      return With(fresh_event(f, v) + "/registrations", body);
    };
    b["DELETE /api/v1/events/{id}/registrations/{registration_id}"] = [](Fixture& f, Who,
                                                                         const std::string& v) {
      Id event_id = f.FreshEvent(v == "out" ? "out" : "own");
      Id student = v == "self"
                       ? f.self_student
                       : f.FreshStudent(v == "out" ? kStudentElsewhere : kStudentOfDemoUnit);
      json r = f.FreshRegistration(event_id, student);
      return Get("/api/v1/events/" + S(event_id) + "/registrations/" + S(r["id"].get<Id>()));
    };
    b["POST /api/v1/events/{id}/checkins"] = [](Fixture& f, Who, const std::string& v) {
      Id event_id = f.FreshEvent(v);
      json r = f.FreshRegistration(
          event_id, f.FreshStudent(Fixture::Out(v) ? kStudentElsewhere : kStudentOfDemoUnit));
      return With("/api/v1/events/" + S(event_id) + "/checkins", {{"code", r["code"]}});
    };
    b["GET /api/v1/events/{id}/slots"] = [event](Fixture& f, Who, const std::string& v) {
      return Get(event(f, v) + "/slots");
    };
    b["POST /api/v1/events/{id}/slots"] = [fresh_event](Fixture& f, Who, const std::string& v) {
      return With(fresh_event(f, v) + "/slots", {{"organization_id", f.own_org},
                                                 {"room", "A" + std::to_string(f.Next())},
                                                 {"starts_at", "2025-05-20T01:00:00Z"},
                                                 {"ends_at", "2025-05-20T01:20:00Z"}});
    };
    b["GET /api/v1/events/{id}/live"] = [event](Fixture& f, Who, const std::string& v) {
      return Get(event(f, v) + "/live?once=true");
    };
    b["GET /api/v1/events/{id}/figures"] = [event](Fixture& f, Who, const std::string& v) {
      return Get(event(f, v) + "/figures");
    };
    // events editing (edit)
    b["POST /api/v1/events"] = [](Fixture& f, Who, const std::string& v) {
      json body = {{"kind", "job_fair"},
                   {"date", "2025-05-20"},
                   {"place", "矩阵测试体育馆"},
                   {"capacity", 50}};
      body["institution_id"] = Fixture::Out(v) ? f.other_institution : f.lut;
      if (!Fixture::Out(v)) body["unit_id"] = f.demo_unit;
      return With("/api/v1/events", body);
    };
    b["PATCH /api/v1/events/{id}"] = [fresh_event](Fixture& f, Who, const std::string& v) {
      return With(fresh_event(f, v), {{"place", "矩阵测试礼堂"}, {"capacity", 60}});
    };
    b["DELETE /api/v1/events/{id}"] = [fresh_event](Fixture& f, Who, const std::string& v) {
      return Get(fresh_event(f, v));
    };
    b["DELETE /api/v1/events/{id}/institutions/{institution_id}"] =
        [fresh_event](Fixture& f, Who, const std::string& v) {
          std::string path = fresh_event(f, v);
          f.Admin("POST", path + "/institutions", {{"institution_id", f.other_institution}}, 200);
          return Get(path + "/institutions/" + S(f.other_institution));
        };
    b["DELETE /api/v1/events/{id}/posts/{post_id}"] = [fresh_event](Fixture& f, Who,
                                                                    const std::string& v) {
      std::string path = fresh_event(f, v);
      f.Admin("POST", path + "/posts", {{"post_id", f.posts[kOtherOpen]}}, 200);
      return Get(path + "/posts/" + S(f.posts[kOtherOpen]));
    };
    auto fresh_slot = [fresh_event](Fixture& f, const std::string& v) {
      std::string path = fresh_event(f, v);
      json slot = f.Admin("POST", path + "/slots",
                          {{"organization_id", f.own_org},
                           {"room", "E" + std::to_string(f.Next())},
                           {"starts_at", "2025-05-20T02:00:00Z"},
                           {"ends_at", "2025-05-20T02:20:00Z"}},
                          201);
      return path + "/slots/" + S(slot["id"].get<Id>());
    };
    b["PATCH /api/v1/events/{id}/slots/{slot_id}"] = [fresh_slot](Fixture& f, Who,
                                                                  const std::string& v) {
      return With(fresh_slot(f, v), {{"room", "F" + std::to_string(f.Next())}});
    };
    b["DELETE /api/v1/events/{id}/slots/{slot_id}"] =
        [fresh_slot](Fixture& f, Who, const std::string& v) { return Get(fresh_slot(f, v)); };
    b["GET /api/v1/destinations"] = Fixed(api + "/destinations?limit=5");
    b["POST /api/v1/destinations"] = [](Fixture& f, Who who, const std::string& v) {
      json body = {{"category", "further_study"}};
      if (who != kStudent) {
        body["student_id"] =
            f.FreshStudent(Fixture::Out(v) ? kStudentElsewhere : kStudentOfDemoUnit);
      }
      return With("/api/v1/destinations", body);
    };
    auto destination = [](Fixture& f, const std::string& v) {
      return "/api/v1/destinations/" + S(f.FreshDestination(v));
    };
    b["GET /api/v1/destinations/{id}"] = [destination](Fixture& f, Who, const std::string& v) {
      return Get(destination(f, v));
    };
    b["PATCH /api/v1/destinations/{id}"] = [destination](Fixture& f, Who, const std::string& v) {
      return With(destination(f, v), {{"category", "study_abroad"}});
    };
    b["PUT /api/v1/destinations/{id}/evidence"] = [destination](Fixture& f, Who,
                                                                const std::string& v) {
      return Request{destination(f, v) + "/evidence", "%PDF-1.4 matrix", {}, "application/pdf"};
    };
    b["GET /api/v1/destinations/{id}/evidence"] = [destination](Fixture& f, Who,
                                                                const std::string& v) {
      std::string evidence = destination(f, v) + "/evidence";
      auto r = f.Send(kPlatformAdmin, "PUT", {evidence, "%PDF-1.4 matrix", {}, "application/pdf"});
      if (r.status != 200) throw std::runtime_error("evidence upload: " + r.body);
      return Get(evidence);
    };
    b["POST /api/v1/destinations/{id}/verification"] = [destination](Fixture& f, Who,
                                                                     const std::string& v) {
      return With(destination(f, v) + "/verification", {{"decision", "verified"}});
    };
    b["GET /api/v1/reports/destination-flags"] = [](Fixture& f, Who, const std::string& v) {
      NoVariant(v);
      return Get("/api/v1/reports/destination-flags?cohort=2026&institution_id=" + S(f.lut));
    };
    b["GET /api/v1/reports/employment"] = Fixed(api + "/reports/employment?cohort=2026");
    // Visits in the 访企拓岗 layout
    b["GET /api/v1/campaigns/{id}/visits/export"] = [campaign](Fixture& f, Who,
                                                               const std::string& v) {
      return Get(campaign(f, v) + "/visits/export?format=csv");
    };
    b["POST /api/v1/campaigns/{id}/visits/import"] = [campaign](Fixture& f, Who,
                                                                const std::string& v) {
      std::string header =
          "学校代码,企业名称,统一社会信用代码,需求专业代码,需求专业名称,需求专业层次,提供岗位数,"
          "平均薪酬（元/月）,带队领导姓名,带队领导职务,走访时间,企业接待人姓名,企业接待人职务,"
          "主要成果形式,接收实习专业代码,接收实习专业名称,接收实习专业层次,接收实习人数,"
          "实习薪酬（元/月）,拟录用专业代码,拟录用专业名称,拟录用专业层次,拟录用人数,起薪（元/"
          "月）,其他合作意向,采集时间\r\n";
      json school = v == "out" ? f.other_institution_json["code"] : f.lut_json["code"];
      std::string row = school.get<std::string>() + "," +
                        f.own_org_json["name"].get<std::string>() + "," +
                        f.own_org_json["credit_code"].get<std::string>() +
                        ",,,,,,矩阵领导,副校长,2023-05-10,,,,,,,,,,,,,,,\r\n";
      return Request{campaign(f, v) + "/visits/import?format=csv&dry_run=true",
                     header + row,
                     std::nullopt,
                     "",
                     {{"Content-Type", "text/csv"}}};
    };

    // Agreements with their lifecycle, parties and documents
    b["GET /api/v1/agreements"] = Fixed(api + "/agreements?limit=5");
    b["POST /api/v1/agreements"] = [](Fixture& f, Who, const std::string& v) {
      return With("/api/v1/agreements", f.AgreementBody(v));
    };
    auto agreement = [](Fixture& f, const std::string& v) {
      return "/api/v1/agreements/" + S(f.FreshAgreement(v));
    };
    b["GET /api/v1/agreements/{id}"] = [agreement](Fixture& f, Who, const std::string& v) {
      return Get(agreement(f, v));
    };
    b["PATCH /api/v1/agreements/{id}"] = [agreement](Fixture& f, Who, const std::string& v) {
      return With(agreement(f, v), {{"notes", "矩阵测试备注"}});
    };
    b["DELETE /api/v1/agreements/{id}"] = [agreement](Fixture& f, Who, const std::string& v) {
      return Get(agreement(f, v));
    };
    b["GET /api/v1/agreements/{id}/transitions"] = [agreement](Fixture& f, Who,
                                                               const std::string& v) {
      return Get(agreement(f, v) + "/transitions");
    };
    b["POST /api/v1/agreements/{id}/transitions"] = [agreement](Fixture& f, Who,
                                                                const std::string& v) {
      return With(agreement(f, v) + "/transitions", {{"to", "signed"}, {"note", "矩阵测试"}});
    };
    b["GET /api/v1/agreements/{id}/parties"] = [agreement](Fixture& f, Who, const std::string& v) {
      return Get(agreement(f, v) + "/parties");
    };
    b["POST /api/v1/agreements/{id}/parties"] = [agreement](Fixture& f, Who, const std::string& v) {
      return With(agreement(f, v) + "/parties", {{"organization_id", f.park}});
    };
    b["PATCH /api/v1/agreements/{id}/parties/{party_id}"] = [agreement](Fixture& f, Who,
                                                                        const std::string& v) {
      std::string base = agreement(f, v) + "/parties";
      return With(
          base + "/" + S(f.Admin("POST", base, {{"organization_id", f.park}}, 201)["id"].get<Id>()),
          {{"role", "guarantor"}});
    };
    b["DELETE /api/v1/agreements/{id}/parties/{party_id}"] = [agreement](Fixture& f, Who,
                                                                         const std::string& v) {
      std::string base = agreement(f, v) + "/parties";
      return Get(base + "/" +
                 S(f.Admin("POST", base, {{"organization_id", f.park}}, 201)["id"].get<Id>()));
    };
    b["GET /api/v1/agreements/{id}/documents"] = [agreement](Fixture& f, Who,
                                                             const std::string& v) {
      return Get(agreement(f, v) + "/documents");
    };
    b["POST /api/v1/agreements/{id}/documents"] = [agreement](Fixture& f, Who,
                                                              const std::string& v) {
      return Request{agreement(f, v) + "/documents?filename=matrix.pdf",
                     Fixture::kPdf,
                     std::nullopt,
                     "",
                     {{"Content-Type", "application/pdf"}}};
    };
    auto document = [](Fixture& f, const std::string& v) {
      Id a = f.FreshAgreement(v);
      return "/api/v1/agreements/" + S(a) + "/documents/" + S(f.FreshDocument(a));
    };
    b["GET /api/v1/agreements/{id}/documents/{document_id}"] =
        [document](Fixture& f, Who, const std::string& v) { return Get(document(f, v)); };
    b["DELETE /api/v1/agreements/{id}/documents/{document_id}"] =
        [document](Fixture& f, Who, const std::string& v) { return Get(document(f, v)); };

    // Reports
    b["GET /api/v1/reports/students"] = Fixed(api + "/reports/students");

    // Matching (issue #6)
    b["GET /api/v1/students/{id}/recommendations"] = [](Fixture& f, Who who, const std::string& v) {
      Id id = who == kStudent && v == "in" ? f.self_student : f.students[StudentFor(who, v)];
      return Get("/api/v1/students/" + S(id) + "/recommendations?limit=3");
    };
    b["GET /api/v1/posts/{id}/candidates"] = [](Fixture& f, Who, const std::string& v) {
      return Get("/api/v1/posts/" + S(f.posts[PostFor(v)]) + "/candidates?limit=3");
    };
    b["POST /api/v1/match/query"] = [](Fixture&, Who, const std::string& v) {
      NoVariant(v);
      return With("/api/v1/match/query", {{"major_code", "080202"},
                                          {"skills", {"SolidWorks", "C/C++"}},
                                          {"preferred_regions", {"210100"}},
                                          {"expected_salary", "6-8K"},
                                          {"limit", 3}});
    };
    return b;
  }();
  return builders;
}

// ---- the tests
// ------------------------------------------------------------------------------------

std::string Clip(const std::string& s, std::size_t n = 600) {
  return s.size() <= n ? s : s.substr(0, n) + "...";
}

class RouteMatrixTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  void SetUp() override {
    Fixture& f = Fixtures()[GetParam()];
    if (!f.server) {
      f.db = TestDatabase::Create(GetParam());
      ASSERT_NE(f.db, nullptr);
      f.server = ServerProcess::Start(f.db->url(), {"--demo"});
      ASSERT_NE(f.server, nullptr) << "server did not start";
      f.logins = f.server->DemoLogins();
      for (int who = kPlatformAdmin; who < kCallers; ++who) {
        f.sessions[who] = f.server->LoginAs(kCallerNames[who]);
        ASSERT_TRUE(f.sessions[who].has_value())
            << "no demo login for " << kCallerNames[who] << "\n"
            << f.server->Output();
      }
      try {
        f.Prepare();
      } catch (const std::exception& e) {
        f.server.reset();  // prepare again next time
        FAIL() << e.what();
      }
    }
    fixture_ = &f;
  }

  Fixture& fixture() { return *fixture_; }

  // METHOD path -> the operation object of openapi.json.
  std::map<std::string, json> ServerRoutes() {
    auto r = HttpRequest(fixture().server->port(), "GET", "/api/v1/openapi.json");
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, json> routes;
    json spec = r.Json();
    for (const auto& [path, item] : spec["paths"].items()) {
      for (const auto& [method, op] : item.items()) {
        std::string upper = method;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper == "GET" || upper == "POST" || upper == "PUT" || upper == "PATCH" ||
            upper == "DELETE" || upper == "HEAD" || upper == "OPTIONS") {
          routes[upper + " " + path] = op;
        }
      }
    }
    return routes;
  }

 private:
  Fixture* fixture_ = nullptr;
};

TEST_P(RouteMatrixTest, MatrixCoversExactlyTheServersRoutes) {
  auto routes = ServerRoutes();
  ASSERT_FALSE(routes.empty());

  std::set<std::string> in_matrix;
  for (const Rule& rule : Matrix()) {
    std::string key = RouteKey(rule.route);
    EXPECT_TRUE(in_matrix.insert(key).second) << "the matrix names " << key << " twice";
    EXPECT_TRUE(Builders().count(key)) << "no request builder for " << key;
    std::array<std::vector<Expectation>, kCallers> cells;
    for (int who = 0; who < kCallers; ++who) {
      if (rule.cells[who] == nullptr) {
        ADD_FAILURE() << key << " has no cell for " << kCallerNames[who];
        continue;
      }
      EXPECT_NO_THROW(cells[who] = ParseCell(rule.cells[who]))
          << key << " as " << kCallerNames[who] << ": '" << rule.cells[who] << "'";
    }
    auto route = routes.find(key);
    if (route == routes.end()) {
      ADD_FAILURE() << "the matrix has a rule for " << key
                    << ", a route the server does not have (openapi.json)";
      continue;
    }
    // Anonymous callers are refused (401) on every route that is not public, and answered on
    // the public ones (login may still say 401 to wrong credentials).
    bool is_public = route->second.contains("security") && route->second["security"].empty();
    bool all_401 = !cells[kAnonymous].empty();
    for (const auto& e : cells[kAnonymous]) all_401 = all_401 && e.status == 401;
    if (is_public) {
      EXPECT_FALSE(all_401) << key << " is public, yet the matrix expects only 401 for anonymous";
    } else {
      EXPECT_TRUE(all_401) << key << " needs a signed-in caller; anonymous must get 401";
    }
  }
  for (const auto& [key, op] : routes) {
    EXPECT_TRUE(in_matrix.count(key))
        << "the server has " << key << " (" << op.value("summary", "") << ") but the matrix of "
        << "tests/http/matrix_test.cpp has no rule for it: add one, with the expected status "
        << "for anonymous and each of the six roles";
  }
  for (const auto& [key, builder] : Builders()) {
    EXPECT_TRUE(in_matrix.count(key)) << "request builder for " << key << " without a rule";
  }
  // Issue #3: audit rows cannot be changed or deleted through the API.
  for (const auto& [key, op] : routes) {
    if (key.find(" /api/v1/audit") != std::string::npos) {
      EXPECT_TRUE(key.starts_with("GET ")) << key << ": the audit trail is read-only";
    }
  }
}

TEST_P(RouteMatrixTest, EveryCallerGetsItsExpectedStatusOnEveryRoute) {
  Fixture& f = fixture();
  int probes = 0;
  for (const Rule& rule : Matrix()) {
    std::string key = RouteKey(rule.route);
    std::string method = key.substr(0, key.find(' '));
    auto builder = Builders().find(key);
    ASSERT_NE(builder, Builders().end()) << "no request builder for " << key;
    for (int w = 0; w < kCallers; ++w) {
      Who who = static_cast<Who>(w);
      std::vector<Expectation> cell;
      try {
        cell = ParseCell(rule.cells[w] ? rule.cells[w] : "");
      } catch (const std::exception& ex) {
        ADD_FAILURE() << key << " as " << kCallerNames[w] << ": " << ex.what();
        continue;
      }
      for (const Expectation& e : cell) {
        std::string context = "route:    " + key + "  (" + rule.note +
                              ")\ncaller:   " + kCallerNames[w] +
                              (e.variant.empty() ? "" : " (variant " + e.variant + ")");
        Request request;
        HttpResponse response;
        try {
          request = builder->second(f, who, e.variant);
          response = f.Send(who, method, request);
        } catch (const std::exception& ex) {
          ADD_FAILURE() << context << "\ncould not make the request: " << ex.what();
          continue;
        }
        ++probes;
        EXPECT_EQ(response.status, e.status)
            << context << "\nrequest:  " << method << " " << request.target
            << (request.body.empty() ? "" : " " + Clip(request.body)) << "\nexpected: " << e.status
            << "\nactual:   " << response.status << "\nresponse: " << Clip(response.body, 1000);
      }
    }
  }
  RecordProperty("probes", probes);
}

TB_INSTANTIATE_BACKENDS(RouteMatrixTest);

}  // namespace
}  // namespace tb::testing
