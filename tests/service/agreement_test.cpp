// Agreements (issue #4) on both backends: the lifecycle with every allowed transition and
// refused ones (409 naming the allowed states), each recorded with actor, time and note and
// audited; expiring_within; document checks by magic bytes, size and name, stored on disk by
// SHA-256; fulfilment stating its source; scope of the roles.

#include "service/agreement_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using domain::Id;
namespace fs = std::filesystem;

TEST(AgreementLifecycle, AllowsExactlyTheDesignedTransitions) {
  const std::vector<std::pair<std::string, std::string>> allowed = {
      {"draft", "signed"},       {"signed", "active"},    {"signed", "terminated"},
      {"active", "expiring"},    {"active", "expired"},   {"active", "renewed"},
      {"active", "terminated"},  {"expiring", "expired"}, {"expiring", "renewed"},
      {"expiring", "terminated"}};
  for (auto from : domain::kAgreementStates) {
    for (auto to : domain::kAgreementStates) {
      bool expected = std::find(allowed.begin(), allowed.end(),
                                std::pair<std::string, std::string>(from, to)) != allowed.end();
      EXPECT_EQ(domain::CanTransition(from, to), expected) << from << " -> " << to;
    }
  }
  for (auto final_state : {"expired", "renewed", "terminated"}) {
    EXPECT_TRUE(domain::AllowedTransitions(final_state).empty()) << final_state;
  }
}

TEST(AgreementValidation, IndustrialCollegeNeedsItsLevelAndDatesMustBeOrdered) {
  domain::Agreement a;
  a.institution_id = 1;
  a.organization_id = 1;
  a.title = "产业学院共建协议";
  a.kind = "industrial_college";
  auto errors = domain::Validate(a);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "level");
  a.level = "provincial";
  a.start_date = "2025-01-01";
  a.end_date = "2024-12-31";
  errors = domain::Validate(a);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "end_date");
  a.end_date = "2027-12-31";
  a.scopes = {"employment", "jobs"};
  errors = domain::Validate(a);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "scopes/1");
}

TEST(DocumentSniffing, RecognisesTheAllowedTypesByTheirBytes) {
  EXPECT_EQ(SniffDocumentType("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(SniffDocumentType(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(SniffDocumentType("\xff\xd8\xff\xe0JFIF"), "image/jpeg");
  EXPECT_EQ(SniffDocumentType(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(SniffDocumentType("PK\x03\x04....[Content_Types].xml....word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(SniffDocumentType("PK\x03\x04....[Content_Types].xml....xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_FALSE(SniffDocumentType("PK\x03\x04 just a zip"));
  EXPECT_FALSE(SniffDocumentType("MZ\x90\0 an executable"));
  EXPECT_FALSE(SniffDocumentType("<html>"));
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

class AgreementServiceTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    files_ = fs::temp_directory_path() /
             ("tb-agreement-files-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(files_);
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      auto now = std::string(testing::kNow);
      auto insert = [&](auto v) { return store::Repository<decltype(v)>::Insert(tx, v, now); };
      institution_ = insert(testing::ValidInstitution()).id;
      unit_ = insert(testing::ValidUnit(institution_, "汽车与交通工程学院")).id;
      other_unit_ = insert(testing::ValidUnit(institution_, "经济管理学院")).id;
      org_ = insert(testing::ValidOrganization("锦州测试汽车零部件有限公司")).id;
      other_org_ = insert(testing::ValidOrganization("锦州测试电子有限公司")).id;
      return Status{};
    }));
    admin_.role = auth::Role::kPlatformAdmin;
    admin_.user_id = 1;
    admin_.email = "admin@example.cn";
    staff_.role = auth::Role::kUnitStaff;
    staff_.user_id = 2;
    staff_.email = "staff@example.cn";
    staff_.institution_id = institution_;
    staff_.unit_id = unit_;
    recruiter_.role = auth::Role::kEnterpriseRecruiter;
    recruiter_.user_id = 3;
    recruiter_.organization_id = org_;
  }
  void TearDown() override {
    fs::remove_all(files_);
    DatabaseTest::TearDown();
  }

  domain::Agreement NewAgreement(std::optional<std::string> end = "2026-12-31") {
    domain::Agreement a;
    a.institution_id = institution_;
    a.unit_id = unit_;
    a.organization_id = org_;
    a.kind = "framework";
    a.title = "校企合作框架协议";
    a.scopes = {"employment", "internship", "training"};
    a.modes = {"order_class"};
    a.intern_quota = 20;
    a.start_date = "2023-04-21";
    a.end_date = end;
    return a;
  }
  Id Create(const domain::Agreement& a) {
    auto created = services().Create(admin_, a, testing::kNow);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? created->id : 0;
  }
  AgreementServices& services() {
    if (!services_) services_ = std::make_unique<AgreementServices>(db(), files_);
    return *services_;
  }
  Status Move(Id id, const std::string& to, const Caller* who = nullptr) {
    auto r = services().Transition(who ? *who : admin_, id, to, "备注 " + to, testing::kLater);
    if (!r.ok()) return r.error();
    return {};
  }

  fs::path files_;
  std::unique_ptr<AgreementServices> services_;
  Id institution_ = 0, unit_ = 0, other_unit_ = 0, org_ = 0, other_org_ = 0;
  Caller admin_, staff_, recruiter_;
};

TEST_P(AgreementServiceTest, StartsAsADraftWhateverTheBodySays) {
  auto a = NewAgreement();
  a.status = "active";
  TB_ASSERT_OK_AND_ASSIGN(auto created, services().Create(admin_, a, testing::kNow));
  EXPECT_EQ(created.status, "draft");
}

TEST_P(AgreementServiceTest, WalksEveryAllowedPathAndRecordsEachTransition) {
  // draft → signed → active → expiring → expired, and the other exits on fresh agreements.
  Id a = Create(NewAgreement());
  for (const char* to : {"signed", "active", "expiring", "expired"}) TB_ASSERT_OK(Move(a, to));
  TB_ASSERT_OK_AND_ASSIGN(auto got, services().agreements.Get(admin_, a));
  EXPECT_EQ(got.status, "expired");
  EXPECT_EQ(got.signed_on, "2025-03-09");  // set on signing from the transition's time

  store::AgreementTransitionFilter f;
  f.agreement_id = a;
  TB_ASSERT_OK_AND_ASSIGN(auto log, services().transitions.List(admin_, f, {0, 50}));
  ASSERT_EQ(log.items.size(), 4u);
  EXPECT_EQ(log.items[0].from_status, "draft");
  EXPECT_EQ(log.items[0].to_status, "signed");
  EXPECT_EQ(log.items[0].actor, "admin@example.cn");
  EXPECT_EQ(log.items[0].actor_user_id, 1);
  EXPECT_EQ(log.items[0].note, "备注 signed");
  EXPECT_EQ(log.items[0].created_at, testing::kLater);
  EXPECT_EQ(log.items[3].to_status, "expired");
  auto audited = db()->Read([&](store::Tx& tx) -> Result<std::int64_t> {
    return *tx.QueryInt(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'transition' AND entity_id = ?",
        {store::P(a)});
  });
  TB_ASSERT_OK(audited);
  EXPECT_EQ(*audited, 4);

  const std::vector<std::vector<const char*>> paths = {
      {"signed", "terminated"},
      {"signed", "active", "renewed"},
      {"signed", "active", "terminated"},
      {"signed", "active", "expired"},
      {"signed", "active", "expiring", "renewed"},
      {"signed", "active", "expiring", "terminated"}};
  for (const auto& path : paths) {
    Id b = Create(NewAgreement());
    for (const char* to : path) {
      SCOPED_TRACE(to);
      TB_ASSERT_OK(Move(b, to));
    }
  }
}

TEST_P(AgreementServiceTest, RefusesIllegalMovesNamingTheAllowedOnes) {
  Id a = Create(NewAgreement());
  auto refused = services().Transition(admin_, a, "active", "", testing::kLater);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().message.find("allowed from draft: signed"), std::string::npos)
      << refused.error().message;
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "to");

  TB_ASSERT_OK(Move(a, "signed"));
  TB_EXPECT_ERROR(services().Transition(admin_, a, "draft", "", testing::kLater),
                  ErrorCode::kConflict);
  TB_EXPECT_ERROR(services().Transition(admin_, a, "expired", "", testing::kLater),
                  ErrorCode::kConflict);
  TB_ASSERT_OK(Move(a, "terminated"));
  auto final_state = services().Transition(admin_, a, "active", "", testing::kLater);
  ASSERT_FALSE(final_state.ok());
  EXPECT_EQ(final_state.error().code, ErrorCode::kConflict);
  EXPECT_NE(final_state.error().message.find("none (a final state)"), std::string::npos);

  auto unknown = services().Transition(admin_, a, "cancelled", "", testing::kLater);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(unknown.error().fields[0].field, "to");

  // Nothing was recorded for the refused moves.
  store::AgreementTransitionFilter f;
  f.agreement_id = a;
  TB_ASSERT_OK_AND_ASSIGN(auto log, services().transitions.List(admin_, f, {0, 50}));
  EXPECT_EQ(log.items.size(), 2u);
}

TEST_P(AgreementServiceTest, ActiveNeedsAValidityPeriod) {
  auto open_ended = NewAgreement(std::nullopt);
  Id a = Create(open_ended);
  TB_ASSERT_OK(Move(a, "signed"));
  auto r = services().Transition(admin_, a, "active", "", testing::kLater);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(r.error().fields[0].field, "end_date");
}

TEST_P(AgreementServiceTest, OnlyDraftsAreDeleted) {
  Id draft = Create(NewAgreement());
  Id signed_one = Create(NewAgreement());
  TB_ASSERT_OK(Move(signed_one, "signed"));
  TB_EXPECT_ERROR(services().Delete(admin_, signed_one, testing::kLater), ErrorCode::kConflict);
  TB_EXPECT_OK(services().Delete(admin_, draft, testing::kLater));
  TB_EXPECT_ERROR(services().agreements.Get(admin_, draft), ErrorCode::kNotFound);
}

TEST_P(AgreementServiceTest, ExpiringWithinListsAgreementsInForceEndingInTheWindow) {
  Id soon = Create(NewAgreement("2025-04-30"));
  Id later = Create(NewAgreement("2025-09-30"));
  Id past = Create(NewAgreement("2025-03-01"));
  Id draft_soon = Create(NewAgreement("2025-04-01"));
  Id terminated_soon = Create(NewAgreement("2025-04-15"));
  for (Id id : {soon, later, past}) {
    TB_ASSERT_OK(Move(id, "signed"));
    TB_ASSERT_OK(Move(id, "active"));
  }
  TB_ASSERT_OK(Move(terminated_soon, "signed"));
  TB_ASSERT_OK(Move(terminated_soon, "terminated"));
  (void)draft_soon;
  store::AgreementFilter f;
  f.ending_from = "2025-03-08";
  f.ending_to = domain::AddDays("2025-03-08", 60);
  EXPECT_EQ(*f.ending_to, "2025-05-07");
  TB_ASSERT_OK_AND_ASSIGN(auto page, services().agreements.List(admin_, f, {0, 50}));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, soon);
  f.ending_to = domain::AddDays("2025-03-08", 365);
  TB_ASSERT_OK_AND_ASSIGN(auto year, services().agreements.List(admin_, f, {0, 50}));
  EXPECT_EQ(year.items.size(), 2u);
}

TEST_P(AgreementServiceTest, FiltersByKindStateAndParty) {
  Id a = Create(NewAgreement());
  auto b = NewAgreement();
  b.kind = "internship_base";
  b.organization_id = other_org_;
  Id bid = Create(b);
  TB_ASSERT_OK(Move(bid, "signed"));
  domain::AgreementParty party;
  party.agreement_id = a;
  party.organization_id = other_org_;
  TB_ASSERT_OK(services().parties.Create(admin_, party, testing::kNow));

  store::AgreementFilter by_org;
  by_org.organization_id = other_org_;
  TB_ASSERT_OK_AND_ASSIGN(auto both, services().agreements.List(admin_, by_org, {0, 50}));
  EXPECT_EQ(both.items.size(), 2u);  // main counterpart of b, further party of a
  store::AgreementFilter by_kind;
  by_kind.kind = "internship_base";
  by_kind.status = "signed";
  TB_ASSERT_OK_AND_ASSIGN(auto one, services().agreements.List(admin_, by_kind, {0, 50}));
  ASSERT_EQ(one.items.size(), 1u);
  EXPECT_EQ(one.items[0].id, bid);
  // The same party twice is a conflict.
  TB_EXPECT_ERROR(services().parties.Create(admin_, party, testing::kNow), ErrorCode::kConflict);
}

TEST_P(AgreementServiceTest, ScopeOfStaffAndRecruiters) {
  Id own = Create(NewAgreement());
  auto other = NewAgreement();
  other.unit_id = other_unit_;
  other.organization_id = other_org_;
  Id other_id = Create(other);
  // Unit staff see the institution's agreements but change only their unit's.
  TB_EXPECT_OK(services().agreements.Get(staff_, other_id));
  TB_EXPECT_OK(Move(own, "signed", &staff_));
  TB_EXPECT_ERROR(services().Transition(staff_, other_id, "signed", "", testing::kLater),
                  ErrorCode::kForbidden);
  // A recruiter sees the agreements its organization is a party of, and changes none.
  TB_EXPECT_OK(services().agreements.Get(recruiter_, own));
  TB_EXPECT_ERROR(services().agreements.Get(recruiter_, other_id), ErrorCode::kNotFound);
  TB_EXPECT_ERROR(services().Transition(recruiter_, own, "active", "", testing::kLater),
                  ErrorCode::kForbidden);
  TB_ASSERT_OK_AND_ASSIGN(auto listed, services().agreements.List(recruiter_, {}, {0, 50}));
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].id, own);
  Caller observer;
  observer.role = auth::Role::kObserver;
  observer.observer_institutions = {institution_};
  TB_EXPECT_ERROR(services().agreements.List(observer, {}, {0, 50}), ErrorCode::kForbidden);
  TB_EXPECT_ERROR(services().agreements.Get(observer, own), ErrorCode::kNotFound);
}

TEST_P(AgreementServiceTest, StoresADocumentOnDiskByItsHashAndReturnsTheSameBytes) {
  Id a = Create(NewAgreement());
  std::string pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
  TB_ASSERT_OK_AND_ASSIGN(auto doc, services().Upload(staff_, a, "框架协议.pdf", "application/pdf",
                                                      pdf, testing::kNow));
  EXPECT_EQ(doc.sha256, Sha256Hex(pdf));
  EXPECT_EQ(doc.size_bytes, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(doc.uploaded_by, 2);
  EXPECT_TRUE(fs::is_regular_file(files_ / doc.storage_key));
  TB_ASSERT_OK_AND_ASSIGN(auto back, services().Download(recruiter_, a, doc.id));
  EXPECT_EQ(back.bytes, pdf);
  EXPECT_EQ(back.document.filename, "框架协议.pdf");
  // A document of one agreement is not reachable through another.
  Id b = Create(NewAgreement());
  TB_EXPECT_ERROR(services().Download(admin_, b, doc.id), ErrorCode::kNotFound);
  // A damaged file is reported, not served.
  { std::ofstream(files_ / doc.storage_key, std::ios::trunc) << "%PDF-tampered"; }
  TB_EXPECT_ERROR(services().Download(admin_, a, doc.id), ErrorCode::kInternal);
  TB_EXPECT_OK(services().DeleteDocument(admin_, a, doc.id, testing::kLater));
  EXPECT_FALSE(fs::exists(files_ / doc.storage_key));
}

TEST_P(AgreementServiceTest, RefusesDocumentsWhoseBytesAreNotTheDeclaredAllowedType) {
  Id a = Create(NewAgreement());
  auto field_of = [&](const std::string& name, const std::string& type, const std::string& bytes) {
    auto r = services().Upload(admin_, a, name, type, bytes, testing::kNow);
    if (r.ok()) return std::string("accepted");
    EXPECT_EQ(r.error().code, ErrorCode::kUnprocessable);
    return r.error().fields.empty() ? std::string("?") : r.error().fields[0].field;
  };
  EXPECT_EQ(field_of("a.pdf", "application/pdf", "MZ\x90 not a pdf"), "content");
  EXPECT_EQ(field_of("a.png", "image/png", "%PDF-1.4 a pdf"), "content_type");
  EXPECT_EQ(field_of("a.exe", "application/octet-stream", "MZ"), "content_type");
  EXPECT_EQ(field_of("a.pdf", "application/pdf", ""), "content");
  EXPECT_EQ(field_of("a.pdf", "application/pdf", "%PDF-" + std::string(kMaxDocumentBytes, 'x')),
            "content");
  EXPECT_EQ(field_of("../../etc/passwd", "application/pdf", "%PDF-1.4"), "filename");
  EXPECT_EQ(field_of("", "application/pdf", "%PDF-1.4"), "filename");
  EXPECT_EQ(field_of("a.pdf", "Application/PDF; charset=binary", "%PDF-1.4"), "accepted");
  // Nothing refused was stored: one row, one file.
  store::AgreementDocumentFilter f;
  f.agreement_id = a;
  TB_ASSERT_OK_AND_ASSIGN(auto docs, services().documents.List(admin_, f, {0, 50}));
  EXPECT_EQ(docs.items.size(), 1u);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(files_)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
  // A recruiter party of the agreement may read but not upload.
  TB_EXPECT_ERROR(
      services().Upload(recruiter_, a, "b.pdf", "application/pdf", "%PDF-1.5", testing::kNow),
      ErrorCode::kForbidden);
}

TEST_P(AgreementServiceTest, FulfilmentIsZeroWithoutPlacementsAndSaysWhereItCountsFrom) {
  Id a = Create(NewAgreement());
  TB_ASSERT_OK_AND_ASSIGN(auto f, services().Fulfilment(admin_, a));
  EXPECT_EQ(f.interns_received, 0);
  EXPECT_EQ(f.hires, 0);
  EXPECT_THAT(f.source.en, ::testing::HasSubstr("applications and verified destinations"));
  EXPECT_THAT(f.source.zh, ::testing::HasSubstr("已核验的去向"));
}

TB_INSTANTIATE_BACKENDS(AgreementServiceTest);

}  // namespace
}  // namespace tb::service
