#pragma once
// The routes of recruitment (issue #5), registered by BuildApi:
//   /applications                        list (post_id, student_id, event_id, state), apply
//   /applications/{id}                   get
//   /applications/{id}/transitions       POST {to, note, intention_kind}: 409 names the allowed
//   /applications/{id}/history           every transition (actor, time, note)
//   /applications/{id}/confirmations     POST: the caller's party confirms the tripartite
//                                        agreement; the third confirmation signs it
//   /events, /events/{id}                events (activities of kind job_fair, livestream,
//                                        group_interview) with settings, participants, counters
//   /events/{id}/settings                PUT capacity, stream URL, schedule
//   /events/{id}/institutions|posts      POST a participating institution / a featured post
//   /events/{id}/registrations           list, register; /{registration_id} DELETE cancels
//                                        (the waiting list moves up)
//   /events/{id}/checkins                POST {code}
//   /events/{id}/slots                   interview slots and rooms
//   /events/{id}/live                    server-sent events: live counters
//   /events/{id}/figures                 interviewed, intentions, follow-ups
//   /destinations, /destinations/{id}    graduates' destinations; /evidence (PUT file, GET);
//                                        /verification (POST {decision})
//   /reports/destination-flags           audit flags of a cohort
//   /reports/employment                  placement rate, mix, median salary, by group

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api_support.hpp"
#include "store/database.hpp"

namespace tb::http {

void AddRecruitmentRoutes(api::Api& r, std::shared_ptr<store::Database> db,
                          const std::string& files_dir);

// The OpenAPI schemas of the views that are not entities (Event, LiveCounters, ...).
void AddRecruitmentSchemas(nlohmann::json& schemas);

}  // namespace tb::http
