#include "demo/demo_data.hpp"

#include <map>
#include <string>

namespace tb::demo::data {

// clang-format off

const std::vector<InstitutionSpec>& Institutions() {
  static const std::vector<InstitutionSpec> kInstitutions = {
      {"4121010154", "辽宁工业大学", "Liaoning University of Technology", "university", "210703",
       "https://www.lnut.edu.cn", "stu.lnut.example", "bachelor", Homeland::kNortheast,
       {
           // The four schools that went to the Jinzhou SASAC (scenario 1) come first.
           {"土木建筑工程学院", "School of Civil and Architectural Engineering",
            {{"0810", {"081001", "081002", "081003", "081008T"}}}, 90, 25},
           {"汽车与交通工程学院", "School of Automobile and Traffic Engineering",
            {{"0802", {"080207", "080208", "080216T", "080214T"}}}, 100, 15},
           {"经济管理学院", "School of Economics and Management",
            {{"1202", {"120201K", "120203K", "120204", "120206"}},
             {"0201", {"020101"}},
             {"1208", {"120801"}}}, 100, 62},
           {"电气工程学院", "School of Electrical Engineering",
            {{"0806", {"080601", "080604T", "080602T"}}, {"0808", {"080801"}}}, 100, 20},
           {"电子与信息工程学院", "School of Electronics and Information Engineering",
            {{"0807", {"080701", "080703", "080702"}}, {"0809", {"080901", "080902"}}}, 90, 30},
           {"机械工程与自动化学院", "School of Mechanical Engineering and Automation",
            {{"0802", {"080202", "080204", "080203", "080213T"}}, {"0808", {"080803T"}}}, 90, 15},
           {"化学与环境工程学院", "School of Chemical and Environmental Engineering",
            {{"0813", {"081301", "081302"}}, {"0703", {"070302"}}}, 60, 45},
           {"理学院", "School of Science", {{"0701", {"070101", "070102"}}}, 45, 45},
           {"外国语学院", "School of Foreign Languages",
            {{"0502", {"050201", "050207", "050262"}}}, 45, 78},
       },
       {}},
      {"4121013207", "沈阳工学院", "Shenyang Institute of Technology", "university", "210112", "",
       "stu.sit.example", "bachelor", Homeland::kNortheast,
       {
           {"机械工程与自动化学院", "School of Mechanical Engineering and Automation",
            {{"0802", {"080202", "080204", "080207"}}, {"0808", {"080801", "080803T"}}}, 110, 15},
           {"信息与控制学院", "School of Information and Control",
            {{"0809", {"080901", "080902", "080905", "080910T"}}, {"0807", {"080701", "080703"}}},
            110, 30},
           {"能源与水利学院", "School of Energy and Water Conservancy",
            {{"0806", {"080601", "080607T"}}}, 80, 20},
           {"生命工程学院", "School of Life Engineering", {{"0813", {"081302", "081301"}}}, 60, 55},
           {"经济与管理学院", "School of Economics and Management",
            {{"1202", {"120203K", "120204", "120201K", "120202"}},
             {"1208", {"120801"}},
             {"0203", {"020301K"}}}, 110, 65},
           {"建筑与土木工程学院", "School of Architecture and Civil Engineering",
            {{"0810", {"081001", "081008T"}}}, 70, 25},
       },
       // Scenario 2: 3 provincial-level and 9 school-level industrial colleges.
       {
           {"智能制造产业学院", "Industrial College of Intelligent Manufacturing", "provincial"},
           {"新能源汽车产业学院", "Industrial College of New Energy Vehicles", "provincial"},
           {"数字经济产业学院", "Industrial College of Digital Economy", "provincial"},
           {"工业机器人产业学院", "Industrial College of Industrial Robotics", "institution"},
           {"集成电路产业学院", "Industrial College of Integrated Circuits", "institution"},
           {"软件与信息服务产业学院", "Industrial College of Software and Information Services",
            "institution"},
           {"智慧建造产业学院", "Industrial College of Intelligent Construction", "institution"},
           {"电子商务产业学院", "Industrial College of E-commerce", "institution"},
           {"现代物流产业学院", "Industrial College of Modern Logistics", "institution"},
           {"智能电网产业学院", "Industrial College of Smart Grid", "institution"},
           {"生物医药产业学院", "Industrial College of Biomedicine", "institution"},
           {"财务共享服务产业学院", "Industrial College of Shared Financial Services", "institution"},
       }},
      {"4131014277", "上海现代化工职业学院", "Shanghai Modern Chemical Industry Vocational College",
       "vocational_college", "310116", "", "stu.smcvc.example", "vocational", Homeland::kEast,
       {
           {"化学工程学院", "School of Chemical Engineering", {{"4702", {"470201"}}}, 120, 40},
           {"智能制造学院", "School of Intelligent Manufacturing",
            {{"4601", {"460101", "460103"}}, {"4603", {"460301"}}}, 120, 12},
           {"信息工程学院", "School of Information Engineering", {{"5102", {"510201"}}}, 60, 35},
           {"经济管理学院", "School of Economics and Management", {{"5303", {"530302"}}}, 60, 75},
       },
       {}},
      {"4150011660", "重庆理工大学", "Chongqing University of Technology", "university", "500113",
       "https://www.cqut.edu.cn", "stu.cqut.example", "bachelor", Homeland::kSouthwest,
       {
           {"电气与电子工程学院", "School of Electrical and Electronic Engineering",
            {{"0806", {"080601"}}, {"0807", {"080701", "080703"}}}, 90, 22},
           {"会计学院", "School of Accounting", {{"1202", {"120203K", "120204", "120207"}}}, 90, 70},
           {"机械工程学院", "School of Mechanical Engineering",
            {{"0802", {"080202", "080204", "080213T"}}}, 80, 15},
           {"车辆工程学院", "School of Vehicle Engineering",
            {{"0802", {"080207", "080216T", "080208"}}}, 80, 12},
           {"计算机科学与工程学院", "School of Computer Science and Engineering",
            {{"0809", {"080901", "080902", "080910T"}}}, 80, 30},
           {"经济金融学院", "School of Economics and Finance",
            {{"0201", {"020101"}}, {"0203", {"020301K", "020302"}}}, 50, 58},
           {"管理学院", "School of Management",
            {{"1202", {"120201K", "120206", "120202"}},
             {"1208", {"120801"}},
             {"1204", {"120402"}}}, 50, 60},
           {"化学化工学院", "School of Chemistry and Chemical Engineering",
            {{"0813", {"081301"}}, {"0703", {"070302"}}}, 40, 45},
       },
       {}},
  };
  return kInstitutions;
}

// ---- Scenario 1: Jinzhou SASAC and the 7 state-owned enterprises it supervises ----------------

const OrgSpec& JinzhouSasac() {
  static const OrgSpec kSasac = {
      "锦州市人民政府国有资产监督管理委员会",
      "State-owned Assets Supervision and Administration Commission of Jinzhou Municipal "
      "People's Government",
      "government", "", "", "92", "210703",
      "锦州市政府直属特设机构，代表市政府履行出资人职责，监管市属国有企业，推动国有企业与高校开展"
      "产学研合作和毕业生就业对接。",
      {}, Family::kNone, {"主任"}};
  return kSasac;
}

const std::vector<OrgSpec>& JinzhouStateOwnedEnterprises() {
  static const std::vector<OrgSpec> kEnterprises = {
      {"锦州市城市建设投资集团有限公司", "Jinzhou Urban Construction Investment Group Co., Ltd",
       "enterprise", "state_owned", "large", "48", "210702",
       "市属国有企业，承担城市基础设施和重点项目的投资、建设与运营。", {}, Family::kConstruction,
       {"董事长"}, 5},
      {"锦州市热力集团有限公司", "Jinzhou Heating Group Co., Ltd", "enterprise", "state_owned",
       "large", "44", "210711", "负责锦州市区集中供热的生产、输配和运营服务。", {},
       Family::kUtility, {"总经理"}, 5},
      {"锦州市水务集团有限公司", "Jinzhou Water Group Co., Ltd", "enterprise", "state_owned",
       "medium", "46", "210702", "负责城市供水、排水和污水处理设施的建设与运营。", {},
       Family::kUtility, {"董事长"}, 5},
      {"锦州市公共交通集团有限公司", "Jinzhou Public Transport Group Co., Ltd", "enterprise",
       "state_owned", "large", "54", "210703", "经营锦州市区公交线路和城乡客运，推进新能源公交车辆应用。",
       {}, Family::kTransport, {"总经理"}, 5},
      {"锦州港航物流集团有限公司", "Jinzhou Port and Shipping Logistics Group Co., Ltd",
       "enterprise", "state_owned", "medium", "58", "210711",
       "从事港口物流、多式联运、仓储和供应链服务。", {}, Family::kTransport, {"董事长"}, 5},
      {"锦州市能源投资集团有限公司", "Jinzhou Energy Investment Group Co., Ltd", "enterprise",
       "state_owned", "medium", "45", "210703", "从事城市燃气供应、新能源项目投资与综合能源服务。",
       {}, Family::kUtility, {"总经理"}, 5},
      {"锦州市工程建设集团有限公司", "Jinzhou Engineering Construction Group Co., Ltd",
       "enterprise", "state_owned", "large", "47", "210711",
       "从事房屋建筑、市政工程施工和工程管理，具有建筑工程施工总承包资质。", {},
       Family::kConstruction, {"董事长"}, 5},
  };
  return kEnterprises;
}

// ---- Scenarios 2 and 3 ------------------------------------------------------------------------

const OrgSpec& MiitSmeCenter() {
  static const OrgSpec kCenter = {
      "工业和信息化部中小企业发展促进中心",
      "SME Development Promotion Center of the Ministry of Industry and Information Technology",
      "other", "public_institution", "", "", "110100",
      "2022年4月29日与教育部共同启动“百日招聘56789直播带岗”中小企业专场活动，230余家企业和200余所"
      "高校在线参加。",
      {}, Family::kNone, {}};
  return kCenter;
}

const OrgSpec& JohonHuayi() {
  static const OrgSpec kJohon = {
      "聚鸿华亿（沈阳）电子科技有限公司", "Johon Huayi (Shenyang) Electronic Technology Co., Ltd",
      "enterprise", "private", "small", "3982", "210112",
      "从事电子电路及电子元件的研发、生产和销售，与沈阳工学院开展2023届毕业生供需对接和2024届毕业实习合作。",
      {"high_tech", "specialized_new"}, Family::kElectronics, {"总经理"}, 6};
  return kJohon;
}

// ---- Scenario 4: Jinshan ----------------------------------------------------------------------

const OrgSpec& JinshanAssociation() {
  static const OrgSpec kAssociation = {
      "金山区科技企业协会", "Jinshan Science and Technology Enterprise Association", "association",
      "", "", "95", "310116", "金山区科技型企业自愿组成的行业性社会团体，组织会员企业开展校企对接和人才交流。",
      {}, Family::kNone, {"会长", "秘书长"}};
  return kAssociation;
}

const std::vector<OrgSpec>& JinshanMembers() {
  auto member = [](std::string_view name, std::string_view name_en, std::string_view ownership,
                   std::string_view size, std::string_view industry, Family family,
                   Words tags = {}) {
    return OrgSpec{name, name_en, "enterprise", ownership, size, industry, "310116", "", tags,
                   family, {"人力资源经理"}, 0};
  };
  static const std::vector<OrgSpec> kMembers = {
      {"圣东尼（上海）针织机械有限公司", "Santoni (Shanghai) Knitting Machinery Co., Ltd",
       "enterprise", "foreign", "large", "35", "310116",
       "生产无缝针织机和电脑针织设备，在上海现代化工职业学院设有产教融合实训基地。", {"high_tech"},
       Family::kMachinery, {"人力资源总监"}, 5},
      member("上海漕泾精细化工有限公司", "Shanghai Caojing Fine Chemical Co., Ltd", "private",
             "medium", "2662", Family::kChemical, {"high_tech"}),
      member("上海亭林新材料科技有限公司", "Shanghai Tinglin New Materials Technology Co., Ltd",
             "private", "small", "2651", Family::kMaterials, {"specialized_new"}),
      member("上海金卫高分子材料有限公司", "Shanghai Jinwei Polymer Materials Co., Ltd", "private",
             "small", "2651", Family::kMaterials),
      member("上海枫泾智能装备有限公司", "Shanghai Fengjing Intelligent Equipment Co., Ltd",
             "private", "medium", "34", Family::kMachinery, {"high_tech", "specialized_new"}),
      member("上海朱泾流体设备有限公司", "Shanghai Zhujing Fluid Equipment Co., Ltd", "private",
             "small", "34", Family::kMachinery),
      member("上海张堰涂料有限公司", "Shanghai Zhangyan Coatings Co., Ltd", "private", "small",
             "2641", Family::kChemical),
      member("上海山阳环保科技有限公司", "Shanghai Shanyang Environmental Technology Co., Ltd",
             "private", "small", "77", Family::kServices),
      member("上海金山生物医药有限公司", "Shanghai Jinshan Biomedicine Co., Ltd", "mixed",
             "medium", "27", Family::kChemical, {"high_tech"}),
      member("上海吕巷电子材料有限公司", "Shanghai Lyuxiang Electronic Materials Co., Ltd",
             "private", "small", "3985", Family::kMaterials,
             {"high_tech", "specialized_new", "little_giant"}),
      member("上海廊下包装材料有限公司", "Shanghai Langxia Packaging Materials Co., Ltd",
             "private", "small", "29", Family::kMaterials),
      member("上海金山化工机械有限公司", "Shanghai Jinshan Chemical Machinery Co., Ltd",
             "state_owned", "medium", "35", Family::kMachinery),
      member("上海金泽特种气体有限公司", "Shanghai Jinze Specialty Gases Co., Ltd", "private",
             "small", "2619", Family::kChemical, {"specialized_new"}),
      member("上海沪金催化剂有限公司", "Shanghai Hujin Catalyst Co., Ltd", "mixed", "small",
             "2661", Family::kChemical, {"high_tech"}),
      member("上海金桥阀门制造有限公司", "Shanghai Jinqiao Valve Manufacturing Co., Ltd",
             "private", "small", "34", Family::kMachinery),
      member("上海金山精密模具有限公司", "Shanghai Jinshan Precision Mould Co., Ltd", "private",
             "small", "35", Family::kMachinery),
      member("上海卫城新能源科技有限公司", "Shanghai Weicheng New Energy Technology Co., Ltd",
             "private", "medium", "3841", Family::kElectrical, {"high_tech"}),
      member("上海申金电气设备有限公司", "Shanghai Shenjin Electrical Equipment Co., Ltd",
             "private", "medium", "3823", Family::kElectrical),
      member("上海金山检测技术有限公司", "Shanghai Jinshan Testing Technology Co., Ltd",
             "private", "small", "74", Family::kServices),
      member("上海金石工业自动化有限公司", "Shanghai Jinshi Industrial Automation Co., Ltd",
             "private", "small", "40", Family::kElectrical, {"specialized_new"}),
      member("上海华金树脂有限公司", "Shanghai Huajin Resin Co., Ltd", "foreign", "medium",
             "2651", Family::kChemical),
      member("上海金越合成纤维有限公司", "Shanghai Jinyue Synthetic Fibre Co., Ltd", "mixed",
             "large", "28", Family::kMaterials),
      member("上海凯金膜材料科技有限公司", "Shanghai Kaijin Membrane Materials Technology Co., Ltd",
             "private", "small", "29", Family::kMaterials, {"high_tech", "specialized_new"}),
      member("上海金禾日用化学品有限公司", "Shanghai Jinhe Household Chemicals Co., Ltd",
             "private", "medium", "2681", Family::kChemical),
      member("上海金山数控机床有限公司", "Shanghai Jinshan CNC Machine Tool Co., Ltd", "private",
             "medium", "34", Family::kMachinery, {"high_tech"}),
      member("上海金源新型建材有限公司", "Shanghai Jinyuan New Building Materials Co., Ltd",
             "private", "small", "30", Family::kMaterials),
      member("上海金丰水处理科技有限公司", "Shanghai Jinfeng Water Treatment Technology Co., Ltd",
             "private", "small", "2662", Family::kChemical),
      member("上海睿金智能科技有限公司", "Shanghai Ruijin Intelligent Technology Co., Ltd",
             "private", "micro", "6513", Family::kSoftware, {"high_tech"}),
      member("上海金汇汽车零部件有限公司", "Shanghai Jinhui Auto Parts Co., Ltd", "foreign",
             "medium", "3670", Family::kAutomotive),
      member("上海金山纺织科技有限公司", "Shanghai Jinshan Textile Technology Co., Ltd",
             "private", "small", "17", Family::kMaterials),
      member("上海金菱电缆有限公司", "Shanghai Jinling Cable Co., Ltd", "private", "medium",
             "3831", Family::kElectrical),
      member("上海金鼎节能设备有限公司", "Shanghai Jinding Energy-saving Equipment Co., Ltd",
             "private", "small", "34", Family::kMachinery, {"specialized_new"}),
      member("上海长金化工科技有限公司", "Shanghai Changjin Chemical Technology Co., Ltd",
             "private", "small", "2614", Family::kChemical),
      member("上海金海食品添加剂有限公司", "Shanghai Jinhai Food Additives Co., Ltd", "private",
             "small", "14", Family::kFood),
      member("上海金玺医疗器械有限公司", "Shanghai Jinxi Medical Devices Co., Ltd", "private",
             "small", "35", Family::kMachinery, {"high_tech"}),
      member("上海泰金电子科技有限公司", "Shanghai Taijin Electronic Technology Co., Ltd",
             "private", "small", "3982", Family::kElectronics),
      member("上海金盛光学材料有限公司", "Shanghai Jinsheng Optical Materials Co., Ltd", "private",
             "small", "3976", Family::kElectronics, {"high_tech"}),
      member("上海金瑞特种橡胶有限公司", "Shanghai Jinrui Specialty Rubber Co., Ltd", "private",
             "small", "29", Family::kMaterials),
  };
  return kMembers;
}

const OrgSpec& ConstructionBankJinshan() {
  static const OrgSpec kBank = {
      "中国建设银行股份有限公司上海金山支行", "China Construction Bank Shanghai Jinshan Branch",
      "financial", "state_owned", "large", "66", "310116",
      "与上海现代化工职业学院、金山区科技企业协会共同举办校企对接会，为会员企业提供金融服务。", {},
      Family::kNone, {"行长"}};
  return kBank;
}

const std::vector<OrgSpec>& JinshanGuidingUnits() {
  static const std::vector<OrgSpec> kUnits = {
      {"上海市金山区教育局", "Jinshan District Education Bureau of Shanghai", "government", "", "",
       "92", "310116", "校企对接会指导单位。", {}, Family::kNone, {"副局长"}},
      {"上海市金山区科学技术委员会", "Jinshan District Science and Technology Commission of Shanghai",
       "government", "", "", "92", "310116", "校企对接会指导单位。", {}, Family::kNone, {"主任"}},
  };
  return kUnits;
}

// ---- Scenario 5: Yingshan ---------------------------------------------------------------------

const OrgSpec& YingshanGovernment() {
  static const OrgSpec kGovernment = {
      "营山县人民政府", "People's Government of Yingshan County", "government", "", "", "92",
      "511322", "2025年5月与重庆理工大学举行校地合作座谈会，共建“教授工作站”。", {}, Family::kNone,
      {"县长"}};
  return kGovernment;
}

const OrgSpec& YingshanPark() {
  static const OrgSpec kPark = {
      "营山经济开发区", "Yingshan Economic Development Zone", "park", "", "", "92", "511322",
      "营山县的省级经济开发区，以电子信息、机械制造和食品加工为主导产业。", {}, Family::kNone,
      {"管委会主任"}};
  return kPark;
}

const std::vector<OrgSpec>& YingshanEnterprises() {
  static const std::vector<OrgSpec> kEnterprises = {
      {"四川优乐特电子有限公司", "Sichuan Youlate Electronics Co., Ltd", "enterprise", "private",
       "medium", "3982", "511322",
       "营山经济开发区电子信息企业，在重庆理工大学学生群面中招聘研发、质量管理和财务会计岗位。",
       {"high_tech"}, Family::kYoulate, {"总经理"}, 6},
      {"营山县恒达机械制造有限公司", "Yingshan Hengda Machinery Manufacturing Co., Ltd",
       "enterprise", "private", "small", "34", "511322", "", {}, Family::kMachinery,
       {"人力资源经理"}, 3},
      {"四川蓝海光电科技有限公司", "Sichuan Lanhai Optoelectronic Technology Co., Ltd",
       "enterprise", "private", "medium", "3976", "511322", "", {"high_tech", "specialized_new"},
       Family::kElectronics, {"人力资源经理"}, 3},
      {"四川营山川北食品有限公司", "Sichuan Yingshan Chuanbei Foods Co., Ltd", "enterprise",
       "private", "medium", "14", "511322", "", {}, Family::kFood, {"人力资源经理"}, 3},
      {"四川汇智电子元件有限公司", "Sichuan Huizhi Electronic Components Co., Ltd", "enterprise",
       "private", "small", "3981", "511322", "", {"specialized_new"}, Family::kElectronics,
       {"人力资源经理"}, 3},
      {"营山县鑫源农产品加工有限公司", "Yingshan Xinyuan Agricultural Products Processing Co., Ltd",
       "enterprise", "private", "small", "13", "511322", "", {}, Family::kFood, {"总经理"}, 2},
  };
  return kEnterprises;
}

// ---- Generated population -----------------------------------------------------------------

const std::vector<CitySpec>& Cities() {
  static const std::vector<CitySpec> kCities = {
      {"210100", "沈阳", "Shenyang", {"210106", "210112", "210113", "210114", "210103"}, 19},
      {"210200", "大连", "Dalian", {}, 8},
      {"210700", "锦州", "Jinzhou", {"210702", "210703", "210711", "210781"}, 6},
      {"210300", "鞍山", "Anshan", {}, 4},
      {"210800", "营口", "Yingkou", {}, 3},
      {"510100", "成都", "Chengdu", {"510107", "510112", "510116", "510114", "510117"}, 14},
      {"510700", "绵阳", "Mianyang", {}, 4},
      {"510600", "德阳", "Deyang", {}, 4},
      {"511300", "南充", "Nanchong", {"511302", "511303"}, 3},
      {"500100", "重庆", "Chongqing",
       {"500113", "500112", "500106", "500107", "500108", "500109", "500105"}, 25},
      {"310100", "上海", "Shanghai", {"310115", "310112", "310114", "310117", "310120"}, 20},
      {"320500", "苏州", "Suzhou", {}, 8},
      {"320100", "南京", "Nanjing", {}, 5},
      {"320200", "无锡", "Wuxi", {}, 4},
      {"320400", "常州", "Changzhou", {}, 3},
      {"440300", "深圳", "Shenzhen", {}, 9},
      {"440100", "广州", "Guangzhou", {}, 5},
      {"441900", "东莞", "Dongguan", {}, 3},
      {"440600", "佛山", "Foshan", {}, 3},
  };
  return kCities;
}

const std::vector<std::pair<std::string_view, std::string_view>>& Brands() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kBrands = {
      {"华创", "Huachuang"}, {"恒信", "Hengxin"},   {"瑞达", "Ruida"},     {"天成", "Tiancheng"},
      {"金桥", "Jinqiao"},   {"宏远", "Hongyuan"},  {"博远", "Boyuan"},    {"鼎盛", "Dingsheng"},
      {"新锐", "Xinrui"},    {"卓越", "Zhuoyue"},   {"汇通", "Huitong"},   {"联创", "Lianchuang"},
      {"德润", "Derun"},     {"盛达", "Shengda"},   {"启航", "Qihang"},    {"星辰", "Xingchen"},
      {"长风", "Changfeng"}, {"远景", "Yuanjing"},  {"凯瑞", "Kairui"},    {"永鑫", "Yongxin"},
      {"嘉禾", "Jiahe"},     {"海川", "Haichuan"},  {"同创", "Tongchuang"}, {"精工", "Jinggong"},
      {"天宇", "Tianyu"},    {"腾飞", "Tengfei"},   {"恒泰", "Hengtai"},   {"科瑞", "Kerui"},
      {"润泽", "Runze"},     {"和信", "Hexin"},     {"安泰", "Antai"},     {"九州", "Jiuzhou"},
      {"国瑞", "Guorui"},    {"聚能", "Juneng"},    {"智远", "Zhiyuan"},   {"弘毅", "Hongyi"},
      {"志诚", "Zhicheng"},  {"铭泰", "Mingtai"},   {"宏图", "Hongtu"},    {"天泽", "Tianze"},
      {"华兴", "Huaxing"},   {"优创", "Youchuang"}, {"众诚", "Zhongcheng"}, {"蓝海", "Lanhai"},
      {"中盈", "Zhongying"}, {"汇智", "Huizhi"},    {"博瑞", "Borui"},     {"精诚", "Jingcheng"},
      {"宏达", "Hongda"},    {"新航", "Xinhang"},   {"翔宇", "Xiangyu"},   {"鸿基", "Hongji"},
      {"信诺", "Xinnuo"},    {"泰和", "Taihe"},     {"云帆", "Yunfan"},    {"北辰", "Beichen"},
  };
  return kBrands;
}

const std::vector<BusinessSpec>& Businesses() {
  static const std::vector<BusinessSpec> kBusinesses = {
      {"电子科技", "Electronic Technology", Family::kElectronics, {"3982", "3983", "3979", "3989"},
       "电子元器件和电子电路的研发、生产与销售"},
      {"通信技术", "Communication Technology", Family::kElectronics, {"3921", "3922"},
       "通信设备及终端产品的研发与制造"},
      {"半导体", "Semiconductor", Family::kElectronics, {"3972", "3973", "6520"},
       "半导体器件的设计、封装与测试"},
      {"智能装备", "Intelligent Equipment", Family::kMachinery, {"34", "35"},
       "自动化生产线和智能装备的设计制造"},
      {"精密机械", "Precision Machinery", Family::kMachinery, {"34", "33"},
       "精密零部件加工和机械设备制造"},
      {"机器人", "Robotics", Family::kMachinery, {"34", "3964"},
       "工业机器人及系统集成"},
      {"汽车零部件", "Auto Parts", Family::kAutomotive, {"3670"},
       "汽车零部件及配件的研发和生产"},
      {"新能源汽车科技", "New Energy Vehicle Technology", Family::kAutomotive, {"3612", "3670"},
       "新能源汽车动力系统和整车零部件的研发制造"},
      {"电气设备", "Electrical Equipment", Family::kElectrical, {"3823", "3821", "3829"},
       "输配电及控制设备的研发与制造"},
      {"自动化科技", "Automation Technology", Family::kElectrical, {"3914", "40"},
       "工业自动化控制系统的集成与服务"},
      {"锂电科技", "Lithium Battery Technology", Family::kElectrical, {"3841"},
       "锂离子电池及储能系统的研发生产"},
      {"化工", "Chemical", Family::kChemical, {"2614", "2661", "2662"},
       "精细化学品和化工助剂的生产"},
      {"环保科技", "Environmental Technology", Family::kChemical, {"77", "2666"},
       "环境污染治理药剂和环保工程服务"},
      {"医药科技", "Pharmaceutical Technology", Family::kChemical, {"27"},
       "原料药和医药中间体的研发生产"},
      {"新材料科技", "New Materials Technology", Family::kMaterials, {"2651", "2659", "3985"},
       "高分子材料和电子专用材料的研发生产"},
      {"软件技术", "Software Technology", Family::kSoftware, {"6513", "6511"},
       "行业应用软件开发和技术服务"},
      {"信息技术", "Information Technology", Family::kSoftware, {"6531", "6532", "6560"},
       "信息系统集成和物联网技术服务"},
      {"数据科技", "Data Technology", Family::kSoftware, {"6550", "6513"},
       "数据处理、存储和分析服务"},
      {"建设工程", "Construction Engineering", Family::kConstruction, {"47", "48"},
       "房屋建筑和市政工程施工"},
      {"建筑设计", "Architectural Design", Family::kConstruction, {"74"},
       "建筑和结构工程设计咨询"},
      {"物流", "Logistics", Family::kTransport, {"58", "59"}, "仓储、运输和多式联运服务"},
      {"供应链管理", "Supply Chain Management", Family::kTransport, {"72", "58"},
       "供应链管理和国际货运代理服务"},
      {"食品", "Foods", Family::kFood, {"14", "13"}, "食品的研发、生产和销售"},
      {"检测技术", "Testing Technology", Family::kServices, {"74"},
       "产品检验检测和计量校准服务"},
  };
  return kBusinesses;
}

const Words& Roads() {
  static const Words kRoads = {"建设路", "解放路", "科技路", "工业大道", "创新路", "人民街",
                               "长江路", "发展大道", "兴业路", "高新路", "学府路", "滨河路"};
  return kRoads;
}

const Words& Surnames() {
  // The most common surnames first: Pick biases towards the front (see demo.cpp).
  static const Words kSurnames = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
      "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
      "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
      "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
      "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
      "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎"};
  return kSurnames;
}

const Words& MaleGivenChars() {
  static const Words kChars = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "超", "明",
                               "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇",
                               "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "博",
                               "文", "晨", "阳", "昊", "天", "轩", "睿", "泽", "航", "远",
                               "锐", "哲", "志", "建", "国", "嘉", "子", "铭", "一", "成"};
  return kChars;
}

const Words& FemaleGivenChars() {
  static const Words kChars = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪",
                               "琳", "晶", "颖", "倩", "欣", "怡", "佳", "悦", "萌", "雨",
                               "璐", "瑶", "琪", "涵", "梦", "洁", "慧", "蕾", "薇", "雅",
                               "思", "诗", "彤", "媛", "丹", "晓", "月", "玉", "可", "心"};
  return kChars;
}

const Words& HrTitles() {
  static const Words kTitles = {"人力资源经理", "招聘主管", "人力资源专员", "总经理助理",
                                "行政人事部部长"};
  return kTitles;
}

const Words& Birthplaces(Homeland homeland) {
  static const Words kNortheast = {
      // Liaoning
      "210102", "210106", "210112", "210114", "210181", "210702", "210703", "210711", "210726",
      "210781", "210202", "210302", "210402", "211002", "211302", "211402", "210902", "211102",
      // elsewhere
      "230102", "220102", "150102", "130102", "370102", "410102", "140105", "620102"};
  static const Words kSouthwest = {
      // Chongqing and Sichuan
      "500113", "500112", "500106", "500101", "500102", "500117", "500118", "500230", "511322",
      "511302", "511321", "510104", "510107", "510112", "510681", "510703", "511702", "511602",
      // elsewhere
      "520102", "530102", "420102", "430102", "410102", "610102", "450102", "360102"};
  static const Words kEast = {
      // Shanghai
      "310116", "310115", "310112", "310120", "310117", "310114", "310118",
      // elsewhere
      "320583", "320281", "330104", "340102", "360102", "370102", "410102", "420102", "510104",
      "350102", "330382"};
  switch (homeland) {
    case Homeland::kNortheast: return kNortheast;
    case Homeland::kSouthwest: return kSouthwest;
    case Homeland::kEast: return kEast;
  }
  return kNortheast;
}

int HomeProvinceCount(Homeland homeland) {
  switch (homeland) {
    case Homeland::kNortheast: return 18;
    case Homeland::kSouthwest: return 18;
    case Homeland::kEast: return 7;
  }
  return 1;
}

const Words& HotCities() {
  static const Words kCities = {"210100", "210200", "310100", "320500", "440300", "440100",
                                "510100", "500100", "110100", "330100", "320100", "420100"};
  return kCities;
}

const Words& SkillPool(std::string_view major_code) {
  static const std::map<std::string_view, Words> kByMajor = {
      {"080207", {"CATIA", "汽车构造", "MATLAB", "MATLAB/Simulink", "CAN总线", "AutoCAD",
                  "SolidWorks", "新能源汽车"}},
      {"080208", {"汽车构造", "AutoCAD", "汽车电器", "Excel", "新能源汽车", "CATIA"}},
      {"080214T", {"MATLAB/Simulink", "C++", "Python", "CAN总线", "汽车构造", "ROS"}},
      {"080216T", {"新能源汽车", "MATLAB/Simulink", "CAN总线", "汽车构造", "电机控制", "CATIA"}},
      {"120203K", {"Excel", "财务分析", "用友", "金蝶", "税务", "审计", "初级会计职称"}},
      {"120204", {"Excel", "财务分析", "用友", "金蝶", "税务", "初级会计职称", "Python"}},
      {"120207", {"Excel", "审计", "财务分析", "用友", "税务", "初级会计职称"}},
  };
  static const std::map<std::string_view, Words> kByClass = {
      {"0802", {"SolidWorks", "AutoCAD", "机械制图", "CATIA", "UG/NX", "ANSYS", "数控编程",
                "MATLAB", "质量管理"}},
      {"0806", {"PLC", "AutoCAD", "MATLAB", "电力系统分析", "电机控制", "EPLAN", "继电保护",
                "电工证", "电路设计"}},
      {"0807", {"电路设计", "Altium Designer", "单片机", "STM32", "C", "嵌入式开发", "Python",
                "LabVIEW", "Verilog"}},
      {"0808", {"PLC", "组态软件", "MATLAB", "工业机器人", "C", "电机控制", "AutoCAD"}},
      {"0809", {"C++", "Python", "Java", "Linux", "MySQL", "SQL", "Git", "Vue", "JavaScript",
                "Spring Boot", "数据结构"}},
      {"0810", {"AutoCAD", "Revit", "BIM", "广联达", "PKPM", "施工管理", "工程造价",
                "结构设计"}},
      {"0813", {"化工原理", "Aspen Plus", "HAZOP", "DCS操作", "化学分析", "安全生产",
                "色谱分析", "高分子材料"}},
      {"0703", {"化学分析", "色谱分析", "光谱分析", "实验室管理", "Origin", "高分子材料",
                "电化学基础"}},
      {"0701", {"Python", "MATLAB", "统计分析", "R", "数学建模", "SQL"}},
      {"0502", {"英语CET-6", "翻译", "商务英语", "日语N2", "Office", "沟通协调"}},
      {"0201", {"Excel", "统计分析", "SPSS", "Python", "市场调研", "数据分析"}},
      {"0202", {"税务", "Excel", "财务分析", "统计分析"}},
      {"0203", {"金融分析", "Excel", "Wind", "风险管理", "Python", "证券从业资格"}},
      {"1202", {"Excel", "财务分析", "用友", "人力资源管理", "市场营销", "ERP", "沟通协调",
                "Office"}},
      {"1203", {"Excel", "市场调研", "统计分析"}},
      {"1204", {"Office", "公文写作", "人力资源管理", "沟通协调"}},
      {"1208", {"电商运营", "直播运营", "数据分析", "Photoshop", "Excel"}},
      {"4601", {"数控编程", "AutoCAD", "SolidWorks", "机械制图", "钳工", "UG/NX"}},
      {"4603", {"PLC", "机电设备维修", "电工证", "工业机器人", "AutoCAD", "组态软件"}},
      {"4702", {"化工原理", "DCS操作", "化学分析", "安全生产", "化工总控工"}},
      {"5102", {"Python", "Java", "MySQL", "Linux", "网络配置", "Vue", "JavaScript"}},
      {"5303", {"Excel", "用友", "金蝶", "税务", "财务分析", "初级会计职称"}},
  };
  static const Words kFallback = {"Office", "Excel", "沟通协调"};
  if (auto it = kByMajor.find(major_code); it != kByMajor.end()) return it->second;
  if (auto it = kByClass.find(major_code.substr(0, 4)); it != kByClass.end()) return it->second;
  return kFallback;
}

const Words& GeneralSkills() {
  static const Words kSkills = {"英语CET-4", "英语CET-6", "Office", "沟通协调"};
  return kSkills;
}

const Words& ClassIndustries(std::string_view class_code) {
  static const std::map<std::string_view, Words> kByClass = {
      {"0802", {"34", "35", "36"}}, {"0806", {"38", "44"}},       {"0807", {"39"}},
      {"0808", {"34", "38", "40"}}, {"0809", {"65", "64", "39"}}, {"0810", {"47", "48", "50"}},
      {"0813", {"26", "27"}},       {"0703", {"26", "27", "74"}}, {"0701", {"65", "66", "73"}},
      {"0502", {"51", "72"}},       {"0201", {"66", "72"}},       {"0202", {"66", "72"}},
      {"0203", {"66", "67", "68"}}, {"1202", {"72", "66", "51"}}, {"1203", {"01", "13"}},
      {"1204", {"92", "94"}},       {"1208", {"52", "64"}},       {"4601", {"34", "35"}},
      {"4603", {"34", "38"}},       {"4702", {"26"}},             {"5102", {"65", "64"}},
      {"5303", {"72", "66"}},
  };
  static const Words kFallback = {"72"};
  if (auto it = kByClass.find(class_code); it != kByClass.end()) return it->second;
  return kFallback;
}

const Words& ResumeHighlights() {
  static const Words kHighlights = {
      "曾获校级一等奖学金。",
      "在校期间担任班级学习委员，组织能力较强。",
      "参与过导师的横向科研项目，负责数据整理和实验记录。",
      "获得“挑战杯”大学生课外学术科技作品竞赛校级二等奖。",
      "有两个月企业生产实习经历，熟悉现场工作流程。",
      "参加过学校“访企拓岗”活动组织的企业参观和宣讲会。",
      "曾获省级大学生创新创业训练计划项目立项。",
      "担任学院学生会干部，多次组织校园招聘志愿服务。",
      "利用假期在本地企业做过一个月的暑期实习。",
      "通过了全国计算机等级考试二级。",
  };
  return kHighlights;
}

const std::vector<PostTemplate>& CommonPostTemplates() {
  static const std::vector<PostTemplate> kTemplates = {
      {"会计", "full_time", {"120203K", "120204", "5303"}, "vocational", {"Excel", "财务分析"},
       {"用友", "金蝶", "初级会计职称"}, 4000, 6500,
       "负责日常账务处理、凭证审核、纳税申报及月度财务报表编制"},
      {"财务会计实习生", "internship", {"1202", "5303"}, "vocational", {"Excel"}, {"用友", "金蝶"},
       2200, 3000, "协助财务人员完成票据整理、凭证录入和往来对账"},
      {"人力资源专员", "full_time", {"120206", "1204"}, "bachelor", {"Office"},
       {"人力资源管理", "Excel"}, 4000, 6000, "负责招聘、员工入离职手续、培训组织和员工关系维护"},
      {"销售工程师", "full_time", {"0802", "0806", "0807", "1202"}, "bachelor", {"沟通协调"},
       {"AutoCAD", "英语CET-4"}, 4500, 8000, "负责区域客户开发与维护，提供产品选型和技术方案支持"},
      {"管理培训生", "full_time", {"08", "12"}, "bachelor", {"Office", "沟通协调"}, {"Excel"}, 5000,
       7000, "参加为期一年的轮岗培养，在生产、技术、营销等部门实践，定向培养为基层管理人员"},
      {"行政助理（兼职）", "part_time", {}, "vocational", {"Office"}, {}, 2000, 3000,
       "协助办理文件收发、会议安排和办公用品管理，每周工作不少于3天"},
  };
  return kTemplates;
}

const std::vector<PostTemplate>& PostTemplates(Family family) {
  static const std::vector<PostTemplate> kElectronics = {
      {"硬件工程师", "full_time", {"0807", "0806"}, "bachelor", {"电路设计", "Altium Designer"},
       {"单片机", "STM32"}, 6000, 11000, "负责电子产品原理图和PCB设计、器件选型、样机调试及可靠性测试"},
      {"嵌入式软件工程师", "full_time", {"0807", "0809"}, "bachelor", {"C", "嵌入式开发"},
       {"STM32", "Linux"}, 7000, 12000, "负责嵌入式软件的需求分析、编码实现、联调和文档编写"},
      {"品质工程师", "full_time", {"0807", "0802", "0806"}, "bachelor", {"质量管理", "Excel"},
       {"SPC", "ISO 9001"}, 5000, 8000, "负责来料、制程和出货质量控制，组织质量问题分析与改善"},
      {"SMT工艺工程师", "full_time", {"0807", "0802"}, "bachelor", {"SMT工艺"},
       {"电路设计", "Excel"}, 5500, 9000, "负责SMT产线工艺参数设定、新产品导入和良率提升"},
      {"电子研发实习生", "internship", {"0807", "0809", "0806"}, "bachelor", {"电路设计"},
       {"C", "单片机"}, 2500, 4000, "在研发工程师指导下参与电路调试、测试记录和技术文档整理"},
      {"生产技术员", "full_time", {"5102", "4603", "0807"}, "vocational", {"电子装配"},
       {"电工证"}, 4000, 6000, "负责产线设备操作、首件检验和日常点检"},
      {"测试工程师", "full_time", {"0807", "0809"}, "bachelor", {"电路设计", "Python"},
       {"LabVIEW"}, 6000, 9000, "负责产品功能、性能和环境试验的测试方案编写与执行"},
  };
  static const std::vector<PostTemplate> kYoulate = {
      {"研发工程师", "full_time", {"0807", "0806", "0809"}, "bachelor", {"电路设计", "C"},
       {"Altium Designer", "单片机"}, 6000, 10000, "参与新产品电路与结构方案设计、样品试制和技术文件编制"},
      {"质量管理工程师", "full_time", {"0807", "0802", "1202"}, "bachelor",
       {"质量管理", "Excel"}, {"ISO 9001", "SPC"}, 5000, 8000,
       "负责质量体系运行、供应商质量管理及客户投诉处理"},
      {"财务会计", "full_time", {"120203K", "120204", "5303"}, "vocational",
       {"Excel", "财务分析"}, {"用友", "金蝶"}, 4000, 6500, "负责成本核算、总账和报表编制，配合年度审计"},
      {"研发实习生", "internship", {"0807", "0806", "0809"}, "bachelor", {"电路设计"}, {"C"},
       2500, 3500, "参与样品测试、数据记录和设计资料整理，表现优秀者可签订就业协议"},
      {"质量管理实习生", "internship", {"0807", "0802", "1202"}, "vocational", {"Excel"},
       {"质量管理"}, 2200, 3200, "参与来料检验、质量数据统计和8D报告整理"},
      {"财务会计实习生", "internship", {"120203K", "120204", "5303"}, "vocational", {"Excel"},
       {"用友", "金蝶"}, 2200, 3000, "协助完成凭证录入、费用报销审核和往来对账"},
  };
  static const std::vector<PostTemplate> kMachinery = {
      {"机械设计助理工程师", "full_time", {"080202", "080204", "080213T"}, "bachelor",
       {"SolidWorks", "AutoCAD"}, {"机械制图", "ANSYS"}, 5000, 8000,
       "在主管工程师指导下完成零部件三维建模、工程图绘制和设计变更"},
      {"机械工艺工程师", "full_time", {"0802"}, "bachelor", {"机械制图", "AutoCAD"},
       {"数控编程", "SolidWorks"}, 5500, 9000, "负责编制加工工艺文件、工装夹具设计和生产现场工艺问题处理"},
      {"数控编程员", "full_time", {"460103", "460101", "0802"}, "vocational", {"数控编程"},
       {"机械制图", "UG/NX"}, 4500, 7000, "负责数控机床加工程序编制、首件调试和加工质量控制"},
      {"设备维修技术员", "full_time", {"4603", "0808", "0806"}, "vocational", {"PLC", "电工证"},
       {"机电设备维修"}, 4500, 7000, "负责生产设备的日常保养、故障排查和维修记录"},
      {"质量检验员", "full_time", {"4601", "0802"}, "vocational", {"机械制图"}, {"三坐标测量"},
       4000, 6000, "负责零部件尺寸检测、检验记录和不合格品处理"},
      {"机械设计实习生", "internship", {"0802"}, "bachelor", {"SolidWorks"}, {"AutoCAD"}, 2500,
       3500, "参与产品设计、图纸整理和样机装配"},
      {"装配技术员", "full_time", {"4601", "4603"}, "vocational", {"机械制图"}, {"钳工"}, 4000,
       6000, "负责整机装配、调试和装配工艺改进"},
      {"售后服务工程师", "full_time", {"0802", "0806", "4603"}, "vocational",
       {"机械制图", "沟通协调"}, {"英语CET-4", "PLC"}, 5000, 8000,
       "负责客户现场设备安装调试、操作培训和故障维修，需适应出差"},
  };
  static const std::vector<PostTemplate> kAutomotive = {
      {"车辆工程师", "full_time", {"080207", "080216T", "080214T"}, "bachelor",
       {"CATIA", "汽车构造"}, {"MATLAB", "AutoCAD"}, 6000, 10000,
       "负责整车或零部件设计开发、设计验证和技术文件编制"},
      {"汽车电子工程师", "full_time", {"0807", "0806", "080207"}, "bachelor", {"CAN总线", "C"},
       {"MATLAB/Simulink"}, 7000, 12000, "负责车载电子控制器软硬件开发、台架与整车测试"},
      {"新能源汽车实习生", "internship", {"080216T", "080207", "0806"}, "bachelor", {"汽车构造"},
       {"MATLAB"}, 2500, 4000, "参与三电系统测试、试验数据整理和问题跟踪"},
      {"汽车零部件质量工程师", "full_time", {"0802"}, "bachelor", {"质量管理", "机械制图"},
       {"IATF 16949", "SPC"}, 5500, 8500, "负责APQP、PPAP文件及量产质量问题的分析和改进"},
      {"生产计划员", "full_time", {"1202", "0802"}, "bachelor", {"Excel"}, {"ERP"}, 4500, 6500,
       "负责生产计划编制、物料齐套跟踪和产能分析"},
      {"机械工艺工程师", "full_time", {"0802"}, "bachelor", {"机械制图", "AutoCAD"},
       {"数控编程", "SolidWorks"}, 5500, 9000, "负责冲压、焊装或机加工艺文件编制和现场工艺改进"},
  };
  static const std::vector<PostTemplate> kElectrical = {
      {"电气工程师", "full_time", {"080601", "0806", "0808"}, "bachelor", {"PLC", "AutoCAD"},
       {"EPLAN", "电机控制"}, 6000, 10000, "负责电气控制系统设计、元器件选型、图纸绘制和现场调试"},
      {"电气设计助理工程师", "full_time", {"0806"}, "bachelor", {"AutoCAD", "电路设计"},
       {"EPLAN"}, 5000, 7500, "协助完成配电及控制柜原理图、接线图设计和物料清单编制"},
      {"自动化调试工程师", "full_time", {"0808", "0806", "4603"}, "vocational", {"PLC"},
       {"工业机器人", "组态软件"}, 5500, 9000, "负责自动化产线PLC程序调试、设备联调和客户培训"},
      {"电气实习生", "internship", {"0806", "0808", "4603"}, "vocational", {"PLC"}, {"AutoCAD"},
       2500, 3500, "协助电气工程师完成接线检查、程序测试和调试记录"},
      {"电池工艺工程师", "full_time", {"0806", "0813", "0703"}, "bachelor", {"电化学基础"},
       {"Excel", "质量管理"}, 6000, 9500, "负责电芯制造工艺开发、参数优化和良率改进"},
      {"设备维修技术员", "full_time", {"4603", "0808", "0806"}, "vocational", {"PLC", "电工证"},
       {"机电设备维修"}, 4500, 7000, "负责生产设备的日常保养、故障排查和维修记录"},
  };
  static const std::vector<PostTemplate> kChemical = {
      {"化工工艺工程师", "full_time", {"081301", "0813"}, "bachelor", {"化工原理", "安全生产"},
       {"Aspen Plus", "HAZOP"}, 6000, 9500, "负责装置工艺运行管理、工艺参数优化和技术改造方案编制"},
      {"化工操作员", "full_time", {"470201", "4702", "0813"}, "vocational",
       {"DCS操作", "安全生产"}, {"化工总控工"}, 5000, 8000,
       "负责装置DCS监控、巡检和开停车操作，实行四班三运转"},
      {"化学分析员", "full_time", {"070302", "0703", "4702"}, "vocational",
       {"化学分析", "色谱分析"}, {"实验室管理"}, 4500, 7000, "负责原料、中间品和成品的理化分析及检测报告出具"},
      {"安全环保专员", "full_time", {"0813", "0703"}, "bachelor", {"安全生产"},
       {"HAZOP", "环境管理"}, 5500, 8500, "负责安全教育、隐患排查、环保设施运行台账和应急演练组织"},
      {"化工研发实习生", "internship", {"0813", "0703", "4702"}, "vocational", {"化学分析"},
       {"Origin"}, 2500, 3500, "参与小试实验、样品分析和实验数据整理"},
  };
  static const std::vector<PostTemplate> kMaterials = {
      {"材料研发工程师", "full_time", {"0813", "0703"}, "master", {"高分子材料", "化学分析"},
       {"Origin"}, 8000, 13000, "负责新材料配方开发、性能测试和工艺放大"},
      {"化学分析员", "full_time", {"070302", "0703", "4702"}, "vocational",
       {"化学分析", "色谱分析"}, {"实验室管理"}, 4500, 7000, "负责原料和成品的性能检测及检测报告出具"},
      {"材料工艺技术员", "full_time", {"0813", "4702", "0802"}, "vocational", {"安全生产"},
       {"高分子材料"}, 4500, 7000, "负责挤出、成型等生产工艺参数控制和现场问题处理"},
      {"品质工程师", "full_time", {"0813", "0703", "0802"}, "bachelor", {"质量管理", "Excel"},
       {"ISO 9001"}, 5000, 8000, "负责质量体系运行、客户审核和质量问题改进"},
      {"材料研发实习生", "internship", {"0813", "0703"}, "bachelor", {"化学分析"}, {"Origin"},
       2500, 3500, "参与配方实验、样品制备和性能测试"},
  };
  static const std::vector<PostTemplate> kSoftware = {
      {"软件开发工程师", "full_time", {"080901", "080902", "0809"}, "bachelor", {"C++", "Linux"},
       {"Python", "Git"}, 8000, 14000, "负责后端服务模块设计、编码和单元测试，参与代码评审"},
      {"Java开发工程师", "full_time", {"0809", "5102"}, "bachelor", {"Java", "MySQL"},
       {"Spring Boot", "Git"}, 7000, 13000, "负责业务系统接口开发与数据库设计，保障系统稳定运行"},
      {"前端开发工程师", "full_time", {"0809", "5102"}, "vocational", {"Vue", "JavaScript"},
       {"TypeScript"}, 6000, 11000, "负责Web前端页面开发和交互实现，配合后端完成联调"},
      {"软件测试工程师", "full_time", {"0809", "5102"}, "vocational", {"Python", "Linux"},
       {"MySQL"}, 5500, 9000, "负责测试用例设计、自动化测试脚本编写和缺陷跟踪"},
      {"数据分析师", "full_time", {"080910T", "0701", "0201"}, "bachelor", {"Python", "SQL"},
       {"统计分析", "Excel"}, 7000, 12000, "负责业务数据采集、清洗与分析，输出数据报告和可视化看板"},
      {"软件开发实习生", "internship", {"0809", "5102"}, "vocational", {"Python"}, {"C++", "Git"},
       3000, 5000, "参与项目模块开发和测试，在导师指导下完成实习任务"},
      {"运维工程师", "full_time", {"0809", "5102"}, "vocational", {"Linux", "网络配置"},
       {"Python"}, 5500, 9000, "负责服务器和网络的部署、监控、故障处理和安全加固"},
  };
  static const std::vector<PostTemplate> kConstruction = {
      {"土建施工员", "full_time", {"081001", "0810"}, "bachelor", {"AutoCAD", "施工管理"},
       {"广联达"}, 5000, 8000, "负责现场施工组织、进度与质量控制、施工日志和技术资料编制"},
      {"结构设计助理工程师", "full_time", {"081001"}, "bachelor", {"PKPM", "AutoCAD"},
       {"结构设计"}, 5500, 8500, "协助完成建筑结构计算、施工图绘制和图纸会审"},
      {"BIM工程师", "full_time", {"0810"}, "bachelor", {"Revit", "BIM"}, {"AutoCAD"}, 6000, 9000,
       "负责项目BIM模型创建、碰撞检查和施工模拟"},
      {"造价员", "full_time", {"0810", "1202"}, "vocational", {"工程造价", "广联达"}, {"Excel"},
       5000, 7500, "负责工程量计算、预结算编制和成本分析"},
      {"施工实习生", "internship", {"0810"}, "bachelor", {"AutoCAD"}, {"施工管理"}, 2500, 3500,
       "跟随项目部参与施工现场管理、测量放线和资料整理"},
  };
  static const std::vector<PostTemplate> kUtility = {
      {"电气运行值班员", "full_time", {"080601", "0806", "4603"}, "vocational",
       {"电力系统分析", "电工证"}, {"继电保护"}, 5000, 7500, "负责变配电设备运行监视、倒闸操作和巡回检查"},
      {"热力管网技术员", "full_time", {"081002", "0802", "0810"}, "bachelor", {"AutoCAD"},
       {"暖通空调"}, 4500, 7000, "负责供热管网运行调节、维护检修和节能分析"},
      {"水质化验员", "full_time", {"0703", "081003", "4702"}, "vocational", {"化学分析"},
       {"实验室管理"}, 4500, 6500, "负责原水、出厂水和管网水水质检测与数据记录"},
      {"设备管理员", "full_time", {"0802", "0808"}, "bachelor", {"机械制图", "设备管理"}, {"PLC"},
       5000, 7000, "负责设备台账、点检计划和检修项目管理"},
      {"燃气工程技术员", "full_time", {"0810", "0802"}, "bachelor", {"AutoCAD", "安全生产"},
       {"施工管理"}, 5000, 7500, "负责燃气管网工程的施工管理、竣工验收和运行维护"},
      {"电气工程师", "full_time", {"080601", "0806", "0808"}, "bachelor", {"PLC", "AutoCAD"},
       {"继电保护"}, 6000, 9000, "负责厂站电气设备技术管理、检修方案编制和技改项目实施"},
  };
  static const std::vector<PostTemplate> kTransport = {
      {"物流专员", "full_time", {"1202", "1208"}, "vocational", {"Excel"}, {"ERP", "沟通协调"},
       4000, 6500, "负责货物进出港计划、单证处理和客户对接"},
      {"运营调度员", "full_time", {"1202", "0802"}, "vocational", {"Excel", "沟通协调"},
       {"数据分析"}, 4500, 6500, "负责线路运营调度、车辆运行监控和突发情况处置"},
      {"车辆维修技术员", "full_time", {"080207", "080208", "4601"}, "vocational", {"汽车构造"},
       {"电工证"}, 4500, 7000, "负责营运车辆保养、故障诊断和维修质量检验"},
      {"港口机械工程师", "full_time", {"0802", "0806"}, "bachelor", {"机械制图", "PLC"},
       {"AutoCAD"}, 5500, 8500, "负责装卸设备的技术管理、故障分析和技改项目"},
      {"物流管理实习生", "internship", {"1202", "1208"}, "vocational", {"Excel"}, {}, 2200, 3200,
       "参与仓储管理、库存盘点和运输数据统计"},
  };
  static const std::vector<PostTemplate> kFood = {
      {"食品质检员", "full_time", {"0703", "0813"}, "vocational", {"化学分析"}, {"食品安全"},
       4000, 6000, "负责原辅料和成品的感官、理化及微生物检验"},
      {"生产储备干部", "full_time", {}, "vocational", {"沟通协调"}, {"Office"}, 4500, 6500,
       "在生产一线轮岗学习，培养为车间班组长"},
      {"电商运营专员", "full_time", {"120801", "1208", "1202"}, "vocational", {"电商运营"},
       {"直播运营", "Photoshop"}, 4500, 7500, "负责网店日常运营、活动策划和直播带货数据分析"},
      {"食品工艺实习生", "internship", {"0813", "0703"}, "vocational", {"化学分析"}, {}, 2200,
       3000, "参与产品试制、工艺记录和质量数据整理"},
  };
  static const std::vector<PostTemplate> kServices = {
      {"检测工程师", "full_time", {"0703", "0813", "0807"}, "bachelor", {"化学分析"},
       {"实验室管理", "ISO 17025"}, 5000, 8000, "负责样品检测、仪器维护和检测报告编制"},
      {"技术咨询顾问", "full_time", {"0802", "1202", "0809"}, "bachelor", {"沟通协调", "Office"},
       {"英语CET-6"}, 6000, 9000, "为企业客户提供技术改造、项目申报和知识产权咨询服务"},
      {"审计助理", "full_time", {"120207", "120203K", "5303"}, "bachelor",
       {"Excel", "财务分析"}, {"初级会计职称"}, 4500, 7000, "参与年报审计、专项审计现场工作和底稿整理"},
      {"数据分析师", "full_time", {"080910T", "0701", "0201"}, "bachelor", {"Python", "SQL"},
       {"统计分析"}, 7000, 11000, "负责检测与咨询业务数据的统计分析和报告编写"},
  };
  switch (family) {
    case Family::kElectronics: return kElectronics;
    case Family::kYoulate: return kYoulate;
    case Family::kMachinery: return kMachinery;
    case Family::kAutomotive: return kAutomotive;
    case Family::kElectrical: return kElectrical;
    case Family::kChemical: return kChemical;
    case Family::kMaterials: return kMaterials;
    case Family::kSoftware: return kSoftware;
    case Family::kConstruction: return kConstruction;
    case Family::kUtility: return kUtility;
    case Family::kTransport: return kTransport;
    case Family::kFood: return kFood;
    case Family::kServices: return kServices;
    case Family::kNone: break;
  }
  return CommonPostTemplates();
}

// clang-format on

}  // namespace tb::demo::data
