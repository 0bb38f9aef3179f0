// Recruitment services on both backends (issue #5): applications through every transition of
// the state machine with the party allowed to make it, refusals (eligibility with reasons, a
// second application, illegal moves naming the allowed ones), the tripartite confirmations,
// scope of lists, event registrations with capacity and waiting list, check-in by code,
// group-interview figures, destinations with evidence and verification, audit flags, the
// employment figures against a hand-computed case, and agreement fulfilment.

#include "service/recruitment.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "service/entity_service.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using auth::Role;
using domain::Id;

constexpr char kNow[] = "2025-03-08T09:00:00Z";

class RecruitmentTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    files_ = std::filesystem::temp_directory_path() /
             ("tb-files-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    svc_ = std::make_unique<RecruitmentService>(db(), files_.string());
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      institution_ = Insert(tx, testing::ValidInstitution()).id;
      other_institution_ = Insert(tx, testing::ValidInstitution()).id;
      unit_ = Insert(tx, testing::ValidUnit(institution_, "汽车学院")).id;
      other_unit_ = Insert(tx, testing::ValidUnit(institution_, "电气学院")).id;
      auto org = testing::ValidOrganization("锦州测试汽车零部件有限公司");
      org.verified = true;
      org_ = Insert(tx, org).id;
      auto other = testing::ValidOrganization("另一家公司");
      other.verified = true;
      other_org_ = Insert(tx, other).id;
      student_ = Insert(tx, testing::ValidStudent(institution_, unit_)).id;
      student2_ = Insert(tx, testing::ValidStudent(institution_, unit_)).id;
      other_unit_student_ = Insert(tx, testing::ValidStudent(institution_, other_unit_)).id;
      return {};
    }));
    admin_ = auth::SystemCaller("test");
    admin_.user_id = 1;
    student_c_ = Make(Role::kStudent);
    student_c_.student_id = student_;
    recruiter_ = Make(Role::kEnterpriseRecruiter);
    recruiter_.organization_id = org_;
    staff_ = Make(Role::kUnitStaff);
    staff_.institution_id = institution_;
    staff_.unit_id = unit_;
    inst_admin_ = Make(Role::kInstitutionAdmin);
    inst_admin_.institution_id = institution_;
    observer_ = Make(Role::kObserver);
    observer_.observer_institutions = {institution_};
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(files_, ec);
    DatabaseTest::TearDown();
  }

  template <class T>
  T Insert(store::Tx& tx, T v) {
    return store::Repository<T>::Insert(tx, std::move(v), testing::kNow);
  }
  Caller Make(Role role) {
    Caller c;
    c.role = role;
    c.user_id = 100 + static_cast<int>(role);
    c.email = std::string(auth::RoleName(role)) + "@test.cn";
    return c;
  }
  Id NewPost(Id org, const std::string& kind = "full_time") {
    auto id = db()->Write([&](store::Tx& tx) -> Result<Id> {
      auto p = testing::ValidPost(org);
      p.kind = kind;
      return Insert(tx, p).id;
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }
  Id NewStudent(Id unit, std::int64_t cohort = 2025) {
    auto id = db()->Write([&](store::Tx& tx) -> Result<Id> {
      auto s = testing::ValidStudent(institution_, unit);
      s.cohort = cohort;
      return Insert(tx, s).id;
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }
  Id NewEvent(const std::string& kind = "group_interview") {
    auto id = db()->Write([&](store::Tx& tx) -> Result<Id> {
      domain::Activity a;
      a.institution_id = institution_;
      a.unit_id = unit_;
      a.kind = kind;
      a.date = "2025-03-08";
      return Insert(tx, a).id;
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }
  domain::Application ApplyAs(const Caller& c, Id student, Id post,
                              std::optional<Id> event = std::nullopt) {
    ApplyRequest r;
    r.student_id = student;
    r.post_id = post;
    r.event_id = event;
    auto a = svc_->Apply(c, r, kNow);
    EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().message);
    return a.ok() ? *a : domain::Application{};
  }
  Result<domain::Application> Move(const Caller& c, Id id, const std::string& to,
                                   std::optional<std::string> kind = std::nullopt) {
    return svc_->Transition(c, id, {to, "note: " + to, kind}, kNow);
  }

  std::filesystem::path files_;
  std::unique_ptr<RecruitmentService> svc_;
  Id institution_ = 0, other_institution_ = 0, unit_ = 0, other_unit_ = 0, org_ = 0, other_org_ = 0,
     student_ = 0, student2_ = 0, other_unit_student_ = 0;
  Caller admin_, student_c_, recruiter_, staff_, inst_admin_, observer_;
};

// ---- applying ----------------------------------------------------------------------------------

TEST_P(RecruitmentTest, AStudentAppliesForThemselfAndTheFirstTransitionIsRecorded) {
  Id post = NewPost(org_);
  auto a = ApplyAs(student_c_, student_, post);
  EXPECT_EQ(a.state, "applied");
  EXPECT_EQ(a.organization_id, org_);
  EXPECT_EQ(a.institution_id, institution_);
  EXPECT_EQ(a.unit_id, unit_);
  auto history = svc_->History(student_c_, a.id);
  TB_ASSERT_OK(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].from_state, "");
  EXPECT_EQ((*history)[0].to_state, "applied");
  EXPECT_EQ((*history)[0].actor_role, "student");
  EXPECT_EQ((*history)[0].at, kNow);
}

TEST_P(RecruitmentTest, ASecondApplicationToTheSamePostIsAConflict) {
  Id post = NewPost(org_);
  ApplyAs(student_c_, student_, post);
  ApplyRequest r;
  r.post_id = post;
  TB_EXPECT_ERROR(svc_->Apply(student_c_, r, kNow), ErrorCode::kConflict);
}

TEST_P(RecruitmentTest, AnIneligibleApplicationIsRefusedWithEveryReasonAndWritesNothing) {
  Id post = 0;
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    auto unverified = testing::ValidOrganization("未审核公司");
    Id org = Insert(tx, unverified).id;
    auto p = testing::ValidPost(org);
    p.status = "closed";
    p.min_level = "master";
    p.accepted_majors = {"12"};
    p.close_date = "2025-03-01";
    post = Insert(tx, p).id;
    return {};
  }));
  ApplyRequest r;
  r.post_id = post;
  Refusal refusal;
  auto a = svc_->Apply(student_c_, r, kNow, &refusal);
  TB_EXPECT_ERROR(a, ErrorCode::kUnprocessable);
  std::vector<std::string> codes;
  for (const auto& x : refusal.reasons) {
    codes.push_back(x.code);
    EXPECT_FALSE(x.zh.empty());
    EXPECT_FALSE(x.en.empty());
  }
  EXPECT_EQ(codes,
            (std::vector<std::string>{"post_not_open", "post_closed", "employer_not_verified",
                                      "level_too_low", "major_not_accepted"}));
  EXPECT_EQ(a.error().fields.size(), 5u);
  auto list = svc_->ListApplications(admin_, {}, {0, 50});
  TB_ASSERT_OK(list);
  EXPECT_TRUE(list->items.empty());
}

// Each eligibility rule on its own, through the service and the database: exactly its reason.
TEST_P(RecruitmentTest, EachEligibilityRuleRefusesWithItsOwnReason) {
  struct Case {
    const char* code;
    std::function<void(domain::Post&, domain::Organization&, domain::Student&)> change;
  };
  const std::vector<Case> cases = {
      {"post_not_open", [](auto& p, auto&, auto&) { p.status = "closed"; }},
      {"post_not_yet_open", [](auto& p, auto&, auto&) { p.open_date = "2025-04-01"; }},
      {"post_closed", [](auto& p, auto&, auto&) { p.close_date = "2025-03-01"; }},
      {"employer_not_verified", [](auto&, auto& o, auto&) { o.verified = false; }},
      {"level_too_low", [](auto&, auto&, auto& s) { s.level = "vocational"; }},
      {"not_graduating_class", [](auto&, auto&, auto& s) { s.cohort = 2028; }},
      {"major_not_accepted", [](auto&, auto&, auto& s) { s.major_code = "120203K"; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    Id post = 0, student = 0;
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      auto o = testing::ValidOrganization("规则测试公司");
      o.verified = true;
      auto p = testing::ValidPost(0);
      auto st = testing::ValidStudent(institution_, unit_);
      c.change(p, o, st);
      p.organization_id = Insert(tx, o).id;
      post = Insert(tx, p).id;
      student = Insert(tx, st).id;
      return {};
    }));
    ApplyRequest r;
    r.student_id = student;
    r.post_id = post;
    Refusal refusal;
    TB_EXPECT_ERROR(svc_->Apply(inst_admin_, r, kNow, &refusal), ErrorCode::kUnprocessable);
    ASSERT_EQ(refusal.reasons.size(), 1u);
    EXPECT_EQ(refusal.reasons[0].code, c.code);
  }
}

TEST_P(RecruitmentTest, WhoMayApply) {
  Id post = NewPost(org_);
  ApplyRequest r;
  r.post_id = post;
  r.student_id = student2_;
  TB_EXPECT_ERROR(svc_->Apply(student_c_, r, kNow), ErrorCode::kForbidden);  // someone else
  TB_EXPECT_ERROR(svc_->Apply(recruiter_, r, kNow), ErrorCode::kForbidden);
  TB_EXPECT_ERROR(svc_->Apply(observer_, r, kNow), ErrorCode::kForbidden);
  r.student_id = other_unit_student_;
  TB_EXPECT_ERROR(svc_->Apply(staff_, r, kNow), ErrorCode::kNotFound);  // not their unit
  r.student_id = student2_;
  TB_EXPECT_OK(svc_->Apply(staff_, r, kNow));
}

// ---- transitions -------------------------------------------------------------------------------

// Every edge of the machine, made by a party allowed to make it, on a fresh application driven
// to the edge's start by the platform admin; the move is recorded with actor, time and note.
TEST_P(RecruitmentTest, EveryTransitionIsMadeByItsPartyAndRecorded) {
  const std::map<std::string, std::vector<std::string>> path = {
      {"applied", {}},
      {"screening", {"screening"}},
      {"interview", {"interview"}},
      {"intention", {"interview", "intention"}},
      {"offer", {"interview", "offer"}}};
  auto caller_for = [&](domain::Party p) -> const Caller& {
    switch (p) {
      case domain::Party::kStudent:
        return student_c_;
      case domain::Party::kEnterprise:
        return recruiter_;
      case domain::Party::kInstitution:
        return staff_;
      default:
        return admin_;
    }
  };
  int edges = 0;
  for (const auto& [from, steps] : path) {
    for (const auto& to : domain::AllowedMoves(from)) {
      for (auto party : {domain::Party::kStudent, domain::Party::kEnterprise,
                         domain::Party::kInstitution, domain::Party::kPlatform}) {
        auto mine = domain::AllowedMoves(from, party);
        bool allowed = std::find(mine.begin(), mine.end(), to) != mine.end();
        Id post = NewPost(org_);
        auto a = ApplyAs(student_c_, student_, post);
        for (const auto& step : steps) TB_ASSERT_OK(Move(admin_, a.id, step));
        auto moved = Move(caller_for(party), a.id, to);
        SCOPED_TRACE(from + " -> " + to + " by party " + std::to_string(static_cast<int>(party)));
        if (!allowed) {
          TB_EXPECT_ERROR(moved, ErrorCode::kForbidden);
          continue;
        }
        ++edges;
        TB_ASSERT_OK(moved);
        EXPECT_EQ(moved->state, to);
        EXPECT_EQ(moved->follow_up, from == "interview" && to == "interview");
        auto history = svc_->History(admin_, a.id);
        TB_ASSERT_OK(history);
        ASSERT_EQ(history->size(), steps.size() + 2);
        const auto& last = history->back();
        EXPECT_EQ(last.from_state, from);
        EXPECT_EQ(last.to_state, to);
        EXPECT_EQ(last.actor_user_id, caller_for(party).user_id);
        EXPECT_EQ(last.note, "note: " + to);
        EXPECT_EQ(last.at, kNow);
      }
    }
  }
  EXPECT_EQ(edges, 39);  // the allowed (edge, party) pairs of the machine: 8+6+13+8+4
}

TEST_P(RecruitmentTest, AnIllegalMoveIsAConflictNamingTheAllowedOnes) {
  auto a = ApplyAs(student_c_, student_, NewPost(org_));
  Refusal refusal;
  auto r = svc_->Transition(recruiter_, a.id, {"offer", "", {}}, kNow, &refusal);
  TB_EXPECT_ERROR(r, ErrorCode::kConflict);
  EXPECT_EQ(refusal.allowed, (std::vector<std::string>{"screening", "interview", "rejected"}));
  EXPECT_NE(r.error().message.find("screening, interview, rejected, withdrawn"), std::string::npos)
      << r.error().message;
  TB_ASSERT_OK(Move(student_c_, a.id, "withdrawn"));
  TB_EXPECT_ERROR(Move(admin_, a.id, "screening"), ErrorCode::kConflict);  // terminal
  TB_EXPECT_ERROR(Move(admin_, a.id, "hired"), ErrorCode::kUnprocessable);
}

TEST_P(RecruitmentTest, IntentionRecordsItsKindDefaultingFromThePost) {
  auto a = ApplyAs(student_c_, student_, NewPost(org_, "internship"));
  TB_ASSERT_OK(Move(recruiter_, a.id, "interview"));
  auto i = Move(staff_, a.id, "intention");
  TB_ASSERT_OK(i);
  EXPECT_EQ(i->intention_kind, "internship");
  auto b = ApplyAs(student_c_, student_, NewPost(org_));
  TB_ASSERT_OK(Move(recruiter_, b.id, "interview"));
  auto j = Move(recruiter_, b.id, "intention", "internship");
  TB_ASSERT_OK(j);
  EXPECT_EQ(j->intention_kind, "internship");
  TB_EXPECT_ERROR(Move(recruiter_, b.id, "offer", "other"), ErrorCode::kUnprocessable);
}

TEST_P(RecruitmentTest, SignedNeedsTheThreeConfirmationsEachByItsParty) {
  auto a = ApplyAs(student_c_, student_, NewPost(org_));
  TB_EXPECT_ERROR(svc_->Confirm(student_c_, a.id, std::nullopt, kNow), ErrorCode::kConflict);
  TB_ASSERT_OK(Move(recruiter_, a.id, "interview"));
  TB_ASSERT_OK(Move(recruiter_, a.id, "offer"));
  TB_EXPECT_ERROR(Move(admin_, a.id, "signed"), ErrorCode::kConflict);
  TB_EXPECT_ERROR(svc_->Confirm(recruiter_, a.id, std::string("student"), kNow),
                  ErrorCode::kForbidden);
  TB_EXPECT_ERROR(svc_->Confirm(observer_, a.id, std::nullopt, kNow), ErrorCode::kNotFound);
  auto s1 = svc_->Confirm(student_c_, a.id, std::nullopt, kNow);
  TB_ASSERT_OK(s1);
  EXPECT_TRUE(s1->student_confirmed_at.has_value());
  auto s2 = svc_->Confirm(recruiter_, a.id, std::nullopt, kNow);
  TB_ASSERT_OK(s2);
  EXPECT_EQ(s2->state, "offer");
  EXPECT_TRUE(s2->enterprise_confirmed_at.has_value());
  auto s3 = svc_->Confirm(staff_, a.id, std::nullopt, "2025-03-09T10:00:00Z");
  TB_ASSERT_OK(s3);
  EXPECT_EQ(s3->state, "signed");
  auto history = svc_->History(admin_, a.id);
  TB_ASSERT_OK(history);
  EXPECT_EQ(history->back().from_state, "offer");
  EXPECT_EQ(history->back().to_state, "signed");
  EXPECT_EQ(history->back().actor_role, "unit_staff");
  TB_EXPECT_ERROR(Move(student_c_, a.id, "declined"), ErrorCode::kConflict);  // terminal
}

TEST_P(RecruitmentTest, ListsAreScopedAndRecruitersSeeTheirApplicants) {
  auto mine = ApplyAs(student_c_, student_, NewPost(org_));
  auto elsewhere = ApplyAs(admin_, other_unit_student_, NewPost(other_org_));
  auto ids = [&](const Caller& c) {
    std::vector<Id> out;
    auto page = svc_->ListApplications(c, {}, {0, 50});
    EXPECT_TRUE(page.ok());
    if (page.ok()) {
      for (const auto& a : page->items) out.push_back(a.id);
    }
    return out;
  };
  EXPECT_EQ(ids(student_c_), std::vector<Id>{mine.id});
  EXPECT_EQ(ids(recruiter_), std::vector<Id>{mine.id});
  EXPECT_EQ(ids(staff_), std::vector<Id>{mine.id});
  EXPECT_EQ(ids(inst_admin_), (std::vector<Id>{mine.id, elsewhere.id}));
  TB_EXPECT_ERROR(svc_->ListApplications(observer_, {}, {0, 50}), ErrorCode::kForbidden);
  TB_EXPECT_ERROR(svc_->GetApplication(recruiter_, elsewhere.id), ErrorCode::kNotFound);

  // The applicant's profile becomes visible to the recruiter (masked), the others' do not.
  EntityService<domain::Student> students(db());
  auto seen = students.Get(recruiter_, student_);
  TB_ASSERT_OK(seen);
  TB_EXPECT_ERROR(students.Get(recruiter_, student2_), ErrorCode::kNotFound);
  auto listed = students.List(recruiter_, {}, {0, 50});
  TB_ASSERT_OK(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, student_);
}

// ---- contact details of students (DESIGN §9) ---------------------------------------------------
// A recruiter reads phone, ID number and e-mail of a student only once the student has an
// application to one of the recruiter's organization's posts in interview, intention, offer or
// signed; Get and List (one query for the page) agree.

class ContactDetailsTest : public RecruitmentTest {
 protected:
  static constexpr char kPhone[] = "13812345678";
  static constexpr char kIdNumber[] = "21070219990101123X";
  static constexpr char kEmail[] = "li.ming@example.cn";

  Id NewStudentWithContact(bool consent) {
    auto id = db()->Write([&](store::Tx& tx) -> Result<Id> {
      auto s = testing::ValidStudent(institution_, unit_);
      s.phone = kPhone;
      s.id_number = kIdNumber;
      s.email = kEmail;
      s.talent_search_consent = consent;
      return Insert(tx, s).id;
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }
  Caller StudentCaller(Id id) {
    Caller c = Make(Role::kStudent);
    c.student_id = id;
    return c;
  }
  // "masked", "plain" or what went wrong, for Get and for the student's row in List.
  std::string Seen(const domain::Student& s) {
    if (s.phone == kPhone && s.id_number == kIdNumber && s.email == kEmail) return "plain";
    if (s.phone == MaskMobile(kPhone) && s.id_number == MaskIdNumber(kIdNumber) &&
        s.email == MaskEmail(kEmail)) {
      return "masked";
    }
    return "mixed: " + s.phone.value_or("-") + " " + s.id_number.value_or("-") + " " +
           s.email.value_or("-");
  }
  std::string Get(const Caller& c, Id id) {
    auto s = Students().Get(c, id);
    if (!s.ok()) return "error: " + s.error().message;
    return Seen(*s);
  }
  std::string Listed(const Caller& c, Id id) {
    auto page = Students().List(c, {}, {0, 200});
    if (!page.ok()) return "error: " + page.error().message;
    for (const auto& s : page->items) {
      if (s.id == id) return Seen(s);
    }
    return "not listed";
  }

  EntityService<domain::Student> Students() { return EntityService<domain::Student>(db()); }
};

TEST_P(ContactDetailsTest, ARecruiterSeesThemOnlyOnceTheStudentAcceptedAnInterview) {
  Id applicant = NewStudentWithContact(false);
  Id consenting = NewStudentWithContact(true);
  Id withdrawing = NewStudentWithContact(false);
  Id post = NewPost(org_);
  auto a = ApplyAs(StudentCaller(applicant), applicant, post);
  auto w = ApplyAs(StudentCaller(withdrawing), withdrawing, post);
  // The applicant applied to the other organization as well; that application stays applied.
  ApplyAs(StudentCaller(applicant), applicant, NewPost(other_org_));
  Caller other = Make(Role::kEnterpriseRecruiter);
  other.organization_id = other_org_;

  // Applied only, or consented only: masked.
  for (Id id : {applicant, consenting, withdrawing}) {
    EXPECT_EQ(Get(recruiter_, id), "masked") << id;
    EXPECT_EQ(Listed(recruiter_, id), "masked") << id;
  }
  TB_ASSERT_OK(Move(recruiter_, a.id, "screening"));
  EXPECT_EQ(Get(recruiter_, applicant), "masked");

  // The interview accepted: plain for this organization, masked for the other one.
  TB_ASSERT_OK(Move(recruiter_, a.id, "interview"));
  EXPECT_EQ(Get(recruiter_, applicant), "plain");
  EXPECT_EQ(Listed(recruiter_, applicant), "plain");
  EXPECT_EQ(Listed(recruiter_, consenting), "masked");
  EXPECT_EQ(Get(other, applicant), "masked");
  EXPECT_EQ(Listed(other, applicant), "masked");
  EXPECT_EQ(Get(other, consenting), "masked");
  TB_EXPECT_ERROR(Students().Get(other, withdrawing), ErrorCode::kNotFound);
  // Staff of the student's unit always see them as they are.
  EXPECT_EQ(Get(staff_, applicant), "plain");
  EXPECT_EQ(Get(staff_, withdrawing), "plain");

  // Withdrawn before the interview: masked, though the recruiter still sees the applicant.
  TB_ASSERT_OK(Move(StudentCaller(withdrawing), w.id, "withdrawn"));
  EXPECT_EQ(Get(recruiter_, withdrawing), "masked");
  EXPECT_EQ(Listed(recruiter_, withdrawing), "masked");

  // Further along the main path stays plain; withdrawing leaves it, and masks again.
  TB_ASSERT_OK(Move(recruiter_, a.id, "intention", "employment"));
  EXPECT_EQ(Get(recruiter_, applicant), "plain");
  TB_ASSERT_OK(Move(StudentCaller(applicant), a.id, "withdrawn"));
  EXPECT_EQ(Get(recruiter_, applicant), "masked");
  EXPECT_EQ(Listed(recruiter_, applicant), "masked");
}

TB_INSTANTIATE_BACKENDS(ContactDetailsTest);

// ---- events ------------------------------------------------------------------------------------

TEST_P(RecruitmentTest, RegistrationsFillTheCapacityThenWaitAndMoveUpWhenAPlaceFrees) {
  Id event = NewEvent("job_fair");
  TB_ASSERT_OK(
      svc_->PutSettings(staff_, event, {2, std::nullopt, std::nullopt, std::nullopt, 0, 0}, kNow));
  Id s3 = NewStudent(unit_);
  auto r1 = svc_->Register(student_c_, event, std::nullopt, kNow);
  auto r2 = svc_->Register(staff_, event, student2_, kNow);
  auto r3 = svc_->Register(staff_, event, s3, kNow);
  TB_ASSERT_OK(r1);
  TB_ASSERT_OK(r2);
  TB_ASSERT_OK(r3);
  EXPECT_EQ(r1->status, "registered");
  EXPECT_EQ(r2->status, "registered");
  EXPECT_EQ(r3->status, "waitlisted");
  TB_EXPECT_ERROR(svc_->Register(student_c_, event, std::nullopt, kNow), ErrorCode::kConflict);
  TB_EXPECT_ERROR(svc_->Register(recruiter_, event, student_, kNow), ErrorCode::kForbidden);

  auto cancelled = svc_->CancelRegistration(student_c_, event, r1->id, kNow);
  TB_ASSERT_OK(cancelled);
  EXPECT_EQ(cancelled->status, "cancelled");
  auto regs = svc_->Registrations(staff_, event);
  TB_ASSERT_OK(regs);
  for (const auto& r : *regs) {
    if (r.id == r3->id) {
      EXPECT_EQ(r.status, "registered");  // promoted
    }
  }
  // Check-in by code (organizers only); a wrong code names the field.
  TB_EXPECT_ERROR(svc_->CheckIn(student_c_, event, r2->code, kNow), ErrorCode::kForbidden);
  auto wrong = svc_->CheckIn(staff_, event, "NOSUCHCODE", kNow);
  TB_EXPECT_ERROR(wrong, ErrorCode::kUnprocessable);
  EXPECT_EQ(wrong.error().fields.at(0).field, "code");
  TB_EXPECT_ERROR(svc_->CheckIn(staff_, event, r1->code, kNow), ErrorCode::kConflict);
  auto in = svc_->CheckIn(staff_, event, r2->code, kNow);
  TB_ASSERT_OK(in);
  EXPECT_EQ(in->status, "checked_in");
  TB_EXPECT_ERROR(svc_->CheckIn(staff_, event, r2->code, kNow), ErrorCode::kConflict);
  auto counters = svc_->Counters(observer_, event);
  TB_ASSERT_OK(counters);
  EXPECT_EQ(counters->registrations, 2);
  EXPECT_EQ(counters->checkins, 1);
  EXPECT_EQ(counters->waitlisted, 0);
  // A larger capacity is fine, a smaller one than the places taken is not.
  TB_EXPECT_ERROR(
      svc_->PutSettings(staff_, event, {1, std::nullopt, std::nullopt, std::nullopt, 0, 0}, kNow),
      ErrorCode::kConflict);
}

TEST_P(RecruitmentTest, EventsAreManagedByTheHostAndSeenByParticipants) {
  Id event = NewEvent("livestream");
  TB_EXPECT_ERROR(svc_->GetEvent(recruiter_, event), ErrorCode::kNotFound);
  TB_ASSERT_OK(svc_->AddInstitution(inst_admin_, event, other_institution_, kNow));
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    domain::ActivityParticipant p;
    p.activity_id = event;
    p.organization_id = org_;
    Insert(tx, p);
    return {};
  }));
  auto seen = svc_->GetEvent(recruiter_, event);
  TB_ASSERT_OK(seen);
  EXPECT_EQ(seen->organizations, std::vector<Id>{org_});
  EXPECT_EQ(seen->institutions, (std::vector<Id>{institution_, other_institution_}));
  TB_EXPECT_ERROR(svc_->AddFeaturedPost(recruiter_, event, NewPost(org_), kNow),
                  ErrorCode::kForbidden);
  auto live = svc_->PutSettings(
      staff_, event,
      {std::nullopt, std::string("https://live.example.cn/56789"),
       std::string("2022-04-29T02:00:00Z"), std::string("2022-04-29T08:00:00Z"), 229, 198},
      kNow);
  TB_ASSERT_OK(live);
  EXPECT_EQ(live->settings.stream_url, "https://live.example.cn/56789");
  EXPECT_EQ(live->settings.external_enterprises, 229);
  auto again = svc_->GetEvent(student_c_, event);
  TB_ASSERT_OK(again);
  EXPECT_EQ(again->settings.external_institutions, 198);
  auto bad = svc_->PutSettings(
      staff_, event,
      {std::nullopt, std::string("ftp://x"), std::string("2022-04-29"), std::nullopt, -1, 0}, kNow);
  TB_EXPECT_ERROR(bad, ErrorCode::kUnprocessable);
  EXPECT_EQ(bad.error().fields.size(), 3u);
  // Slots: one room holds one interview at a time.
  domain::EventSlot slot;
  slot.organization_id = org_;
  slot.room = "A101";
  slot.starts_at = "2022-04-29T02:00:00Z";
  slot.ends_at = "2022-04-29T02:30:00Z";
  TB_ASSERT_OK(svc_->AddSlot(recruiter_, event, slot, kNow));
  slot.starts_at = "2022-04-29T02:15:00Z";
  slot.ends_at = "2022-04-29T02:45:00Z";
  TB_EXPECT_ERROR(svc_->AddSlot(staff_, event, slot, kNow), ErrorCode::kConflict);
  slot.room = "A102";
  TB_ASSERT_OK(svc_->AddSlot(staff_, event, slot, kNow));
  slot.organization_id = other_org_;
  TB_EXPECT_ERROR(svc_->AddSlot(recruiter_, event, slot, kNow), ErrorCode::kForbidden);
}

// Hand-computed: 6 applications at the group interview. A1 interview -> intention
// (internship), A2 interview -> intention (employment), A3 interview -> follow-up, A4
// interview -> rejected (none), A5 still applied, A6 at another event. Figures: applications
// 5, interviewed 4, intentions 2 (1 + 1), follow-ups 1, no outcome 1.
TEST_P(RecruitmentTest, GroupInterviewFiguresAreComputedFromTransitions) {
  Id event = NewEvent();
  Id other_event = NewEvent();
  std::vector<domain::Application> a;
  for (int i = 0; i < 6; ++i) {
    a.push_back(ApplyAs(staff_, NewStudent(unit_), NewPost(org_), i == 5 ? other_event : event));
  }
  for (int i : {0, 1, 2, 3, 5}) TB_ASSERT_OK(Move(recruiter_, a[i].id, "interview"));
  TB_ASSERT_OK(Move(staff_, a[0].id, "intention", "internship"));
  TB_ASSERT_OK(Move(recruiter_, a[1].id, "intention", "employment"));
  TB_ASSERT_OK(Move(recruiter_, a[2].id, "interview"));
  TB_ASSERT_OK(Move(staff_, a[3].id, "rejected"));
  TB_ASSERT_OK(Move(recruiter_, a[5].id, "intention"));
  auto f = svc_->Figures(observer_, event);
  TB_ASSERT_OK(f);
  EXPECT_EQ(f->applications, 5);
  EXPECT_EQ(f->interviewed, 4);
  EXPECT_EQ(f->intentions, 2);
  EXPECT_EQ(f->internship_intentions, 1);
  EXPECT_EQ(f->employment_intentions, 1);
  EXPECT_EQ(f->follow_ups, 1);
  EXPECT_EQ(f->no_outcome, 1);
  auto c = svc_->Counters(staff_, event);
  TB_ASSERT_OK(c);
  EXPECT_EQ(c->applications, 5);
  EXPECT_EQ(c->intentions, 2);
  Caller stranger = observer_;
  stranger.observer_institutions = {other_institution_};
  TB_EXPECT_ERROR(svc_->Figures(stranger, event), ErrorCode::kNotFound);
}

// ---- destinations ------------------------------------------------------------------------------

TEST_P(RecruitmentTest, ADestinationIsVerifiedOnlyByTheUnitAgainstItsEvidence) {
  domain::Destination d;
  d.category = "contract_employment";
  d.employer_name = "锦州测试汽车零部件有限公司";
  d.organization_id = org_;
  d.salary = 6000;
  d.region_code = testing::kJinzhou;
  auto created = svc_->RegisterDestination(student_c_, d, kNow);
  TB_ASSERT_OK(created);
  EXPECT_EQ(created->status, "registered");
  EXPECT_EQ(created->cohort, 2025);
  EXPECT_TRUE(created->employer_credit_code.has_value());  // taken from the organization
  TB_EXPECT_ERROR(svc_->RegisterDestination(student_c_, d, kNow), ErrorCode::kConflict);
  TB_EXPECT_ERROR(svc_->Verify(student_c_, created->id, "verified", kNow), ErrorCode::kForbidden);
  TB_EXPECT_ERROR(svc_->Verify(staff_, created->id, "verified", kNow), ErrorCode::kConflict);

  auto not_a_file =
      svc_->AttachEvidence(student_c_, created->id, "application/pdf", "hello, this is text", kNow);
  TB_EXPECT_ERROR(not_a_file, ErrorCode::kUnprocessable);
  EXPECT_EQ(not_a_file.error().fields.at(0).field, "file");
  std::string png("\x89PNG\r\n\x1a\n....", 12);
  TB_EXPECT_ERROR(svc_->AttachEvidence(student_c_, created->id, "application/pdf", png, kNow),
                  ErrorCode::kUnprocessable);  // declared type differs from the bytes
  TB_EXPECT_ERROR(
      svc_->AttachEvidence(student_c_, created->id, "image/png",
                           png + std::string(RecruitmentService::kMaxEvidenceBytes, 'x'), kNow),
      ErrorCode::kUnprocessable);
  auto with = svc_->AttachEvidence(student_c_, created->id, "image/png", png, kNow);
  TB_ASSERT_OK(with);
  auto file = svc_->Evidence(staff_, created->id);
  TB_ASSERT_OK(file);
  EXPECT_EQ(file->first, png);
  EXPECT_EQ(file->second, "image/png");
  Caller other_staff = staff_;
  other_staff.unit_id = other_unit_;
  TB_EXPECT_ERROR(svc_->Verify(other_staff, created->id, "verified", kNow), ErrorCode::kNotFound);
  auto verified = svc_->Verify(staff_, created->id, "verified", kNow);
  TB_ASSERT_OK(verified);
  EXPECT_EQ(verified->status, "verified");
  EXPECT_EQ(verified->verified_by, staff_.user_id);
  // A change by the student is refused once verified; a change by staff needs verifying again.
  domain::Destination change = *verified;
  change.salary = 9000;
  TB_EXPECT_ERROR(svc_->UpdateDestination(student_c_, created->id, change, kNow),
                  ErrorCode::kConflict);
  auto changed = svc_->UpdateDestination(staff_, created->id, change, kNow);
  TB_ASSERT_OK(changed);
  EXPECT_EQ(changed->status, "registered");
}

TEST_P(RecruitmentTest, FlagsSayWhyInChineseAndEnglish) {
  Id small_org = 0;
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    auto o = testing::ValidOrganization("小微科技有限公司");
    o.size = "micro";
    small_org = Insert(tx, o).id;
    return {};
  }));
  // 5 at the micro enterprise (registered on the deadline's eve), 5 in flexible employment and
  // one with a broken credit code, in the demo unit (11); 20 in the other unit, contract, early.
  // Flexible share of the demo unit 5/11 = 45%, the institution's 5/31 = 16%: flagged. Late
  // registrations 5 of 11 in the demo unit: flagged.
  std::vector<Id> ids;
  auto reg = [&](Id student, const std::string& category, std::optional<Id> org,
                 const std::string& at, std::optional<std::string> code = std::nullopt) {
    domain::Destination d;
    d.student_id = student;
    d.category = category;
    d.employer_name = org ? "" : "某公司";
    d.organization_id = org;
    d.employer_credit_code = code;
    auto r = svc_->RegisterDestination(inst_admin_, d, at);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  };
  for (int i = 0; i < 5; ++i)
    reg(NewStudent(unit_), "contract_employment", small_org, "2025-08-30T10:00:00Z");
  for (int i = 0; i < 5; ++i)
    reg(NewStudent(unit_), "flexible_employment", std::nullopt, "2025-06-01T10:00:00Z");
  reg(NewStudent(unit_), "contract_employment", std::nullopt, "2025-06-01T10:00:00Z",
      std::string("91210700MA0XXXXXX0"));
  for (int i = 0; i < 20; ++i)
    reg(NewStudent(other_unit_), "contract_employment", other_org_, "2025-05-01T10:00:00Z");
  auto flags = svc_->Flags(inst_admin_, std::nullopt, 2025, std::nullopt);
  TB_ASSERT_OK(flags);
  std::map<std::string, int> rules;
  for (const auto& f : *flags) {
    rules[f.rule]++;
    EXPECT_FALSE(f.zh.empty());
    EXPECT_FALSE(f.en.empty());
    if (f.rule != "credit_code" && f.rule != "small_employer_cluster") {
      EXPECT_EQ(f.unit_id, unit_);
    }
  }
  EXPECT_EQ(rules["credit_code"], 1);
  EXPECT_EQ(rules["small_employer_cluster"], 1);
  EXPECT_EQ(rules["flexible_share"], 1);
  EXPECT_EQ(rules["deadline_cluster"], 1);
  TB_EXPECT_ERROR(svc_->Flags(student_c_, std::nullopt, 2025, std::nullopt), ErrorCode::kForbidden);
}

// Hand-computed employment figures, cohort 2025 of the institution. Students: unit A has the 2
// fixture students (student_, student2_) plus 6 new = 8; unit B has other_unit_student_ plus 5
// new = 6. Destinations:
//   A: 4 contract (salaries 5000, 6000, 7000, 9000; Jinzhou 210700), 1 further_study,
//      1 not_yet_employed, 1 flexible (salary 3000, Shenyang 210100)   -> 7 registered
//   B: 5 contract (salaries 4000 x5, Shenyang)                          -> 5 registered
// A: graduates 8, placed 6, rate 0.75, median salary of 5 placed salaries
//    {3000,5000,6000,7000,9000} = 6000. B: graduates 6, placed 5, rate 5/6, median 4000.
// Total: graduates 14, placed 11; mix contract 9, further_study 1, not_yet_employed 1,
// flexible 1; median salary of {3000, 4000 x5, 5000, 6000, 7000, 9000} = 4000. By city:
// Jinzhou 4 placed (under 5: suppressed), Shenyang 6 (then hidden too, being the only other).
TEST_P(RecruitmentTest, EmploymentFiguresEqualAHandComputedCase) {
  auto reg = [&](Id student, const std::string& category, std::optional<std::int64_t> salary,
                 std::optional<std::string> region) {
    domain::Destination d;
    d.student_id = student;
    d.category = category;
    d.employer_name = domain::HasEmployer(category) ? "某单位" : "";
    d.salary = salary;
    d.region_code = region;
    auto r = svc_->RegisterDestination(inst_admin_, d, kNow);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  };
  std::vector<Id> a = {student_, student2_}, b = {other_unit_student_};
  for (int i = 0; i < 6; ++i) a.push_back(NewStudent(unit_));
  for (int i = 0; i < 5; ++i) b.push_back(NewStudent(other_unit_));
  NewStudent(unit_, 2024);  // another cohort: not counted
  reg(a[0], "contract_employment", 5000, testing::kJinzhou);
  reg(a[1], "contract_employment", 6000, testing::kJinzhou);
  reg(a[2], "contract_employment", 7000, testing::kJinzhou);
  reg(a[3], "contract_employment", 9000, testing::kJinzhou);
  reg(a[4], "further_study", std::nullopt, std::nullopt);
  reg(a[5], "not_yet_employed", std::nullopt, std::nullopt);
  reg(a[6], "flexible_employment", 3000, testing::kShenyang);
  for (int i = 0; i < 5; ++i) reg(b[i], "contract_employment", 4000, testing::kShenyang);

  EmploymentQuery q;
  q.cohort = 2025;
  auto rep = svc_->Employment(inst_admin_, q);
  TB_ASSERT_OK(rep);
  EXPECT_EQ(rep->total.graduates, 14);
  EXPECT_EQ(rep->total.placed, 11);
  EXPECT_DOUBLE_EQ(*rep->total.placement_rate, 11.0 / 14.0);
  EXPECT_EQ(rep->total.mix.at("contract_employment"), 9);
  EXPECT_EQ(rep->total.mix.at("further_study"), 1);
  EXPECT_EQ(rep->total.mix.at("not_yet_employed"), 1);
  EXPECT_EQ(rep->total.mix.at("flexible_employment"), 1);
  EXPECT_EQ(rep->total.median_salary, 4000);
  ASSERT_EQ(rep->rows.size(), 2u);
  for (const auto& row : rep->rows) {
    if (row.key == std::to_string(unit_)) {
      EXPECT_EQ(row.graduates, 8);
      EXPECT_EQ(row.placed, 6);
      EXPECT_DOUBLE_EQ(*row.placement_rate, 0.75);
      EXPECT_EQ(row.median_salary, 6000);
    } else {
      EXPECT_EQ(row.key, std::to_string(other_unit_));
      EXPECT_EQ(row.graduates, 6);
      EXPECT_EQ(row.placed, 5);
      EXPECT_DOUBLE_EQ(*row.placement_rate, 5.0 / 6.0);
      EXPECT_EQ(row.median_salary, 4000);
    }
  }
  q.group_by = "city";
  auto cities = svc_->Employment(inst_admin_, q);
  TB_ASSERT_OK(cities);
  std::map<std::string, std::optional<std::int64_t>> placed;
  for (const auto& row : cities->rows) placed[row.key] = row.placed;
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[testing::kJinzhou], std::nullopt);   // 4 < 5: suppressed
  EXPECT_EQ(placed[testing::kShenyang], std::nullopt);  // the only other row: hidden too
  TB_EXPECT_ERROR(svc_->Employment(recruiter_, q), ErrorCode::kForbidden);
  q.institution_id = other_institution_;
  TB_EXPECT_ERROR(svc_->Employment(staff_, q), ErrorCode::kNotFound);
}

// ---- agreement fulfilment ----------------------------------------------------------------------

TEST_P(RecruitmentTest, FulfilmentCountsInternsAndHiresByTheStatedRule) {
  // Interns: an internship application reaching intention (counted), one only interviewed (not
  // counted), one to another employer (not counted). Hires: a signed full-time application and
  // a verified contract destination at the employer's credit code (another student), plus the
  // same student's destination (counted once).
  auto intern = ApplyAs(admin_, NewStudent(unit_, 2026), NewPost(org_, "internship"));
  TB_ASSERT_OK(Move(admin_, intern.id, "interview"));
  TB_ASSERT_OK(Move(admin_, intern.id, "intention"));
  auto only_interview = ApplyAs(admin_, NewStudent(unit_, 2026), NewPost(org_, "internship"));
  TB_ASSERT_OK(Move(admin_, only_interview.id, "interview"));
  auto elsewhere = ApplyAs(admin_, NewStudent(unit_, 2026), NewPost(other_org_, "internship"));
  TB_ASSERT_OK(Move(admin_, elsewhere.id, "interview"));
  TB_ASSERT_OK(Move(admin_, elsewhere.id, "intention"));

  Id hired = NewStudent(unit_);
  auto job = ApplyAs(admin_, hired, NewPost(org_));
  TB_ASSERT_OK(Move(admin_, job.id, "interview"));
  TB_ASSERT_OK(Move(admin_, job.id, "offer"));
  for (const char* p : {"student", "enterprise", "institution"}) {
    TB_ASSERT_OK(svc_->Confirm(admin_, job.id, std::string(p), kNow));
  }
  std::string code;
  TB_ASSERT_OK(db()->Read([&](store::Tx& tx) -> Status {
    code = *store::Repository<domain::Organization>::Get(tx, org_)->credit_code;
    return {};
  }));
  auto destination = [&](Id student) {
    domain::Destination d;
    d.student_id = student;
    d.category = "contract_employment";
    d.employer_name = "锦州测试汽车零部件有限公司";
    d.employer_credit_code = code;
    auto r = svc_->RegisterDestination(admin_, d, kNow);
    EXPECT_TRUE(r.ok());
    TB_EXPECT_OK(svc_->AttachEvidence(admin_, r->id, "application/pdf", "%PDF-1.4 x", kNow));
    TB_EXPECT_OK(svc_->Verify(admin_, r->id, "verified", kNow));
  };
  destination(NewStudent(unit_));
  destination(hired);
  auto f = db()->Read([&](store::Tx& tx) -> Result<store::PlacementCounts> {
    return store::CountPlacements(tx, institution_, org_, "2025-01-01", "2025-12-31");
  });
  TB_ASSERT_OK(f);
  EXPECT_EQ(f->interns, 1);
  EXPECT_EQ(f->hires, 2);
  auto before = db()->Read([&](store::Tx& tx) -> Result<store::PlacementCounts> {
    return store::CountPlacements(tx, institution_, org_, "2024-01-01", "2024-12-31");
  });
  TB_ASSERT_OK(before);
  EXPECT_EQ(before->interns, 0);
  EXPECT_EQ(before->hires, 0);
}

TB_INSTANTIATE_BACKENDS(RecruitmentTest);

}  // namespace
}  // namespace tb::service
