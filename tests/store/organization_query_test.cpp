// The typed organization filters of store/queries.hpp, on both backends, against a small network
// modelled on DESIGN §2: a Jinzhou SASAC supervising an auto-parts enterprise, an association
// and a park with members, enterprises in Shenyang and Chongqing.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/agreement.hpp"
#include "domain/partnership.hpp"
#include "store/agreement_queries.hpp"
#include "store_contract.hpp"

namespace tb::store {
namespace {

using domain::Id;
using domain::Organization;
using domain::Relation;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OrganizationQueryTest : public StoreContract {
 protected:
  // Ids of the network below.
  static constexpr Id kAutoParts = 1;    // enterprise, Jinzhou Guta 210702, 3670, verified
  static constexpr Id kSoftware = 2;     // enterprise, Shenyang 210100, 6513
  static constexpr Id kSasac = 3;        // government, Jinzhou 210700, no industry
  static constexpr Id kAssociation = 4;  // association, Shanghai Jinshan 310116
  static constexpr Id kPark = 5;         // park, Yingshan county, Sichuan 511321
  static constexpr Id kChongqing = 6;    // enterprise, Chongqing 500112, division 36

  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    SeedReference();

    Organization auto_parts = tb::testing::ValidOrganization("锦州汽车零部件有限公司");
    auto_parts.name_en = "Jinzhou Auto Parts Co., Ltd";
    auto_parts.region_code = tb::testing::kJinzhouGuta;
    auto_parts.industry_code = "3670";
    auto_parts.tags = {"high_tech", "specialized_new"};
    auto_parts.verified = true;

    Organization software = tb::testing::ValidOrganization("沈阳软件股份有限公司");
    software.name_en = "Shenyang Software Inc.";
    software.region_code = tb::testing::kShenyang;
    software.industry_code = "6513";
    software.tags = {"little_giant"};

    Organization sasac = Body("government", "锦州市人民政府国有资产监督管理委员会", "210700");
    sasac.name_en = "Jinzhou SASAC";
    Organization association = Body("association", "金山区科技企业协会", "310116");
    association.name_en = "Jinshan Science and Technology Enterprise Association";
    Organization park = Body("park", "英山经济开发区", "511321");
    park.name_en = "Yingshan Economic Development Zone";

    Organization chongqing = tb::testing::ValidOrganization("重庆机电控股有限公司");
    chongqing.name_en = "Chongqing Electromechanical";
    chongqing.region_code = "500112";
    chongqing.industry_code = "36";
    chongqing.tags = {"littlexgiant"};  // must not match the tag little_giant

    for (Organization* o : {&auto_parts, &software, &sasac, &association, &park, &chongqing}) {
      TB_ASSERT_OK(Insert(*o));
    }
    for (const Relation& r : {tb::testing::ValidRelation(kSasac, "supervises", kAutoParts),
                              tb::testing::ValidRelation(kAutoParts, "member_of", kAssociation),
                              tb::testing::ValidRelation(kSoftware, "member_of", kAssociation),
                              tb::testing::ValidRelation(kAutoParts, "located_in", kPark)}) {
      TB_ASSERT_OK(Insert(r));
    }
  }

  static Organization Body(const std::string& kind, const std::string& name,
                           const std::string& region) {
    Organization o = tb::testing::ValidOrganization(name);
    o.kind = kind;
    o.name_en = "";
    o.credit_code = std::nullopt;
    o.industry_code = std::nullopt;
    o.region_code = region;
    o.ownership = "";
    o.size = "";
    o.tags = {};
    return o;
  }

  std::vector<Id> Find(const OrganizationFilter& f) { return ListIds<Organization>(ToWhere(f)); }
};

TEST_P(OrganizationQueryTest, NoFilterListsEveryOrganization) {
  EXPECT_THAT(Find({}), ElementsAre(1, 2, 3, 4, 5, 6));
}

TEST_P(OrganizationQueryTest, FiltersByKind) {
  EXPECT_THAT(Find({.kind = "enterprise"}), ElementsAre(kAutoParts, kSoftware, kChongqing));
  EXPECT_THAT(Find({.kind = "government"}), ElementsAre(kSasac));
  EXPECT_THAT(Find({.kind = "financial"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, FiltersByWholeTag) {
  EXPECT_THAT(Find({.tag = "high_tech"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.tag = "specialized_new"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.tag = "little_giant"}), ElementsAre(kSoftware));
}

TEST_P(OrganizationQueryTest, TagMatchesNeitherPartsOfTagsNorWildcards) {
  EXPECT_THAT(Find({.tag = "high"}), IsEmpty());
  EXPECT_THAT(Find({.tag = "tech"}), IsEmpty());
  EXPECT_THAT(Find({.tag = "%"}), IsEmpty());
  EXPECT_THAT(Find({.tag = "little_gian_"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, ProvinceCodeMeansTheWholeProvince) {
  EXPECT_THAT(Find({.region_prefix = "210000"}), ElementsAre(kAutoParts, kSoftware, kSasac));
}

TEST_P(OrganizationQueryTest, CityCodeMeansTheCityAndItsCounties) {
  EXPECT_THAT(Find({.region_prefix = "210700"}), ElementsAre(kAutoParts, kSasac));
  EXPECT_THAT(Find({.region_prefix = "210100"}), ElementsAre(kSoftware));
}

TEST_P(OrganizationQueryTest, CountyCodeMeansExactlyThatCounty) {
  EXPECT_THAT(Find({.region_prefix = "210702"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.region_prefix = "511321"}), ElementsAre(kPark));
}

TEST_P(OrganizationQueryTest, ShortRegionPrefixesMatchByPrefix) {
  EXPECT_THAT(Find({.region_prefix = "21"}), ElementsAre(kAutoParts, kSoftware, kSasac));
  EXPECT_THAT(Find({.region_prefix = "2107"}), ElementsAre(kAutoParts, kSasac));
  EXPECT_THAT(Find({.region_prefix = "50"}), ElementsAre(kChongqing));
  EXPECT_THAT(Find({.region_prefix = "22"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, IndustrySectionLetterMatchesEveryCodeOfTheSection) {
  EXPECT_THAT(Find({.industry = "C"}), ElementsAre(kAutoParts, kChongqing));
  EXPECT_THAT(Find({.industry = "I"}), ElementsAre(kSoftware));
  EXPECT_THAT(Find({.industry = "A"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, IndustryDigitsMatchByPrefix) {
  EXPECT_THAT(Find({.industry = "36"}), ElementsAre(kAutoParts, kChongqing));
  EXPECT_THAT(Find({.industry = "367"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.industry = "3670"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.industry = "65"}), ElementsAre(kSoftware));
  EXPECT_THAT(Find({.industry = "38"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, NameMatchesSubstringOfChineseName) {
  EXPECT_THAT(Find({.name = "零部件"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.name = "锦州"}), ElementsAre(kAutoParts, kSasac));
  EXPECT_THAT(Find({.name = "有限公司"}), ElementsAre(kAutoParts, kSoftware, kChongqing));
}

TEST_P(OrganizationQueryTest, NameMatchesEnglishNameIgnoringCase) {
  EXPECT_THAT(Find({.name = "auto parts"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.name = "AUTO PARTS"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.name = "sasac"}), ElementsAre(kSasac));
  EXPECT_THAT(Find({.name = "ShenYang"}), ElementsAre(kSoftware));
}

TEST_P(OrganizationQueryTest, NameWildcardCharactersAreLiteral) {
  EXPECT_THAT(Find({.name = "%"}), IsEmpty());
  EXPECT_THAT(Find({.name = "_"}), IsEmpty());
  EXPECT_THAT(Find({.name = "Co.,"}), ElementsAre(kAutoParts));
}

TEST_P(OrganizationQueryTest, RelatedToFindsBothDirections) {
  // kAutoParts is supervised by kSasac (incoming), member of kAssociation and located in kPark
  // (outgoing).
  EXPECT_THAT(Find({.related_to = kAutoParts}), ElementsAre(kSasac, kAssociation, kPark));
  EXPECT_THAT(Find({.related_to = kAssociation}), ElementsAre(kAutoParts, kSoftware));
  EXPECT_THAT(Find({.related_to = kChongqing}), IsEmpty());
}

TEST_P(OrganizationQueryTest, RelatedToWithKindFindsOnlyThatKindInBothDirections) {
  EXPECT_THAT(Find({.related_to = kSasac, .relation = "supervises"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.related_to = kAutoParts, .relation = "supervises"}), ElementsAre(kSasac));
  EXPECT_THAT(Find({.related_to = kAutoParts, .relation = "member_of"}), ElementsAre(kAssociation));
  EXPECT_THAT(Find({.related_to = kAssociation, .relation = "member_of"}),
              ElementsAre(kAutoParts, kSoftware));
  EXPECT_THAT(Find({.related_to = kPark, .relation = "located_in"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.related_to = kSasac, .relation = "member_of"}), IsEmpty());
}

TEST_P(OrganizationQueryTest, FiltersByVerified) {
  EXPECT_THAT(Find({.verified = true}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.verified = false}),
              ElementsAre(kSoftware, kSasac, kAssociation, kPark, kChongqing));
}

TEST_P(OrganizationQueryTest, FiltersCombineWithAnd) {
  EXPECT_THAT(Find({.kind = "enterprise", .region_prefix = "210000"}),
              ElementsAre(kAutoParts, kSoftware));
  EXPECT_THAT(Find({.region_prefix = "210000", .industry = "C"}), ElementsAre(kAutoParts));
  EXPECT_THAT(Find({.name = "锦州", .related_to = kAutoParts}), ElementsAre(kSasac));
  EXPECT_THAT(Find({.kind = "enterprise", .related_to = kAssociation, .verified = false}),
              ElementsAre(kSoftware));
}

TEST_P(OrganizationQueryTest, FilteredListPagesWithoutGapsOrRepeats) {
  OrganizationFilter f{.region_prefix = "210000"};
  EXPECT_THAT(ListIds<Organization>(ToWhere(f), 1), ElementsAre(kAutoParts, kSoftware, kSasac));
  EXPECT_THAT(ListIds<Organization>(ToWhere(f), 2), ElementsAre(kAutoParts, kSoftware, kSasac));
}

TEST_P(OrganizationQueryTest, CountAgreesWithFilter) {
  auto n = database().Read([](Tx& tx) -> Result<std::int64_t> {
    return Repository<Organization>::Count(tx, ToWhere(OrganizationFilter{.industry = "C"}));
  });
  TB_ASSERT_OK(n);
  EXPECT_EQ(*n, 2);
}

TEST_P(OrganizationQueryTest, FindsOrganizationByCreditCode) {
  TB_ASSERT_OK_AND_ASSIGN(Organization software, Get<Organization>(kSoftware));
  ASSERT_TRUE(software.credit_code.has_value());
  auto found = database().Read([&](Tx& tx) -> Result<std::optional<Organization>> {
    return FindOrganizationByCreditCode(tx, *software.credit_code);
  });
  TB_ASSERT_OK(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, kSoftware);

  auto missing = database().Read([](Tx& tx) -> Result<std::optional<Organization>> {
    return FindOrganizationByCreditCode(tx, tb::testing::CreditCode(123456789));
  });
  TB_ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());
}

// Relations combined with an institution's visits and agreements (issue #4): "members of
// association Y we have never visited", "enterprises in park Z with an active agreement".
class OrganizationRelationQueryTest : public OrganizationQueryTest {
 protected:
  void SetUp() override {
    OrganizationQueryTest::SetUp();
    if (HasFatalFailure()) return;
    auto institution = tb::testing::ValidInstitution();
    inst_ = Insert(institution)->id;
    auto other = tb::testing::ValidInstitution();
    other.name = "另一所大学";
    other_inst_ = Insert(other)->id;
    domain::Campaign c;
    c.institution_id = inst_;
    c.name = "2023年访企拓岗";
    c.start_date = "2023-03-01";
    c.end_date = "2023-12-31";
    campaign_ = Insert(c)->id;
  }
  Id Activity(const char* kind, std::optional<Id> campaign, Id org) {
    domain::Activity a;
    a.institution_id = inst_;
    a.kind = kind;
    a.campaign_id = campaign;
    a.organization_id = org;
    a.date = "2023-05-10";
    return Insert(a)->id;
  }
  Id inst_ = 0, other_inst_ = 0, campaign_ = 0;
};

TEST_P(OrganizationRelationQueryTest, MembersNeverVisitedCountOnlyVisitsOfThatInstitution) {
  Activity("visit_out", campaign_, kAutoParts);
  Activity("symposium", campaign_, kSoftware);  // not a visit
  OrganizationFilter never{.member_of = kAssociation, .visited = false, .institution_id = inst_};
  EXPECT_THAT(Find(never), ElementsAre(kSoftware));
  OrganizationFilter ever{.member_of = kAssociation, .visited = true, .institution_id = inst_};
  EXPECT_THAT(Find(ever), ElementsAre(kAutoParts));
  never.institution_id = other_inst_;
  EXPECT_THAT(Find(never), ElementsAre(kAutoParts, kSoftware));

  // A visit outside the campaign reaching kSoftware through an outcome line.
  Id v = Activity("visit_in", std::nullopt, kChongqing);
  domain::ActivityOutcome line;
  line.activity_id = v;
  line.organization_id = kSoftware;
  line.major_code = tb::testing::kVehicleEngineering;
  TB_ASSERT_OK(Insert(line));
  never.institution_id = inst_;
  EXPECT_THAT(Find(never), IsEmpty());
  OrganizationFilter in_campaign{
      .member_of = kAssociation, .visited = false, .campaign_id = campaign_};
  EXPECT_THAT(Find(in_campaign), ElementsAre(kSoftware));
}

TEST_P(OrganizationRelationQueryTest, ParkEnterprisesWithAnAgreementInAState) {
  domain::Agreement a;
  a.institution_id = inst_;
  a.organization_id = kAutoParts;
  a.title = "实习基地协议";
  a.kind = "internship_base";
  a.status = "active";
  TB_ASSERT_OK(Insert(a));
  OrganizationFilter active{.located_in = kPark, .agreement_state = "active"};
  EXPECT_THAT(Find(active), ElementsAre(kAutoParts));
  active.institution_id = other_inst_;
  EXPECT_THAT(Find(active), IsEmpty());
  OrganizationFilter draft{.located_in = kPark, .agreement_state = "draft"};
  EXPECT_THAT(Find(draft), IsEmpty());
  // A further party counts too.
  a.organization_id = kChongqing;
  TB_ASSERT_OK_AND_ASSIGN(auto other, Insert(a));
  domain::AgreementParty party;
  party.agreement_id = other.id;
  party.organization_id = kSoftware;
  TB_ASSERT_OK(Insert(party));
  OrganizationFilter members{
      .member_of = kAssociation, .institution_id = inst_, .agreement_state = "active"};
  EXPECT_THAT(Find(members), ElementsAre(kAutoParts, kSoftware));
  EXPECT_THAT(Find({.supervised_by = kSasac}), ElementsAre(kAutoParts));
}

TB_INSTANTIATE_BACKENDS(OrganizationQueryTest);
TB_INSTANTIATE_BACKENDS(OrganizationRelationQueryTest);

}  // namespace
}  // namespace tb::store
