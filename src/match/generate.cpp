#include "match/generate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <unordered_map>

#include "core/time.hpp"
#include "match/engine.hpp"
#include "report/spreadsheet.hpp"
#include "service/post_skills.hpp"
#include "store/match_source.hpp"
#include "text/tokenize.hpp"

namespace tb::match {

namespace {

using Words = std::vector<std::string>;

struct Niche {
  Words skills;
  Words words;
  Words titles;
  // How a real posting's title names this niche (RealPostings): words of text::SplitWords
  // ("c++", "java") and Chinese fragments of the case-folded title ("前端").
  Words title_words;
  Words title_fragments;
};

struct Field {
  std::string name;
  Words majors;      // exact codes
  Words industries;  // GB/T 4754 classes
  int base_salary;   // yuan per month, a graduate in a second-tier city
  std::vector<Niche> niches;
  Words common;  // skills of the whole field
};

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      {"mechanical",
       {"080201", "080202", "080203", "080204", "080205"},
       {"3411", "3421", "3511"},
       6500,
       {{{"SolidWorks", "机械制图", "ANSYS", "CATIA"},
         {"机械", "结构设计", "三维建模", "有限元"},
         {"机械设计工程师", "结构工程师", "Mechanical Design Engineer"}},
        {{"数控编程", "UG/NX", "机械制图", "钳工"},
         {"数控", "加工", "工艺", "夹具"},
         {"工艺工程师", "数控编程员", "Process Engineer"}},
        {{"PLC", "设备管理", "机电设备维修", "AutoCAD"},
         {"设备", "维护", "保养", "点检"},
         {"设备工程师", "设备维修技术员", "Maintenance Engineer"}}},
       {"AutoCAD", "Office", "MATLAB"}},
      {"software",
       {"080901", "080902", "080903", "080910T"},
       {"6513", "6511", "6450"},
       9500,
       {{{"C++", "Linux", "数据结构", "Git"},
         {"后端", "服务", "高并发", "分布式"},
         {"C++开发工程师", "后端开发工程师", "Backend Engineer"},
         {"c", "c++"},
         {"后端", "服务端", "服务器"}},
        {{"Java", "Spring Boot", "MySQL", "Redis"},
         {"业务系统", "接口", "数据库", "微服务"},
         {"Java开发工程师", "软件工程师", "Java Developer"},
         {"java"},
         {}},
        {{"Vue", "JavaScript", "TypeScript", "CSS"},
         {"前端", "页面", "交互", "组件"},
         {"前端开发工程师", "Web前端工程师", "Frontend Developer"},
         {"javascript", "typescript", "js", "vue", "react", "web", "h5", "html5"},
         {"前端"}}},
       {"Python", "SQL", "Git"}},
      {"electrical",
       {"080601", "080604T"},
       {"3821", "3823", "4411"},
       7000,
       {{{"PLC", "EPLAN", "电机控制", "组态软件"},
         {"电气", "控制柜", "自动化", "调试"},
         {"电气工程师", "自动化工程师", "Electrical Engineer"}},
        {{"电力系统分析", "继电保护", "电工证", "AutoCAD"},
         {"变电站", "运行", "电网", "配电"},
         {"电气运行值班员", "供电工程师", "Power Engineer"}}},
       {"AutoCAD", "MATLAB", "Office"}},
      {"electronics",
       {"080701", "080703", "080714T"},
       {"3982", "3921", "3972"},
       8000,
       {{{"电路设计", "Altium Designer", "单片机", "STM32"},
         {"电路", "原理图", "PCB", "硬件"},
         {"硬件工程师", "电子工程师", "Hardware Engineer"}},
        {{"C", "嵌入式开发", "Linux", "RTOS"},
         {"嵌入式", "驱动", "固件", "调试"},
         {"嵌入式软件工程师", "固件工程师", "Embedded Engineer"}}},
       {"C", "Python", "Verilog"}},
      {"civil",
       {"081001", "081002", "081005T"},
       {"4710", "4813", "4851"},
       6000,
       {{{"PKPM", "结构设计", "AutoCAD", "Revit"},
         {"结构", "计算", "施工图", "审图"},
         {"结构设计工程师", "Structural Engineer"}},
        {{"施工管理", "广联达", "工程造价", "BIM"},
         {"施工", "现场", "进度", "预算"},
         {"土建施工员", "造价工程师", "Site Engineer"}}},
       {"AutoCAD", "Office"}},
      {"chemical",
       {"081301", "081302"},
       {"2614", "2661", "2710"},
       6500,
       {{{"化工原理", "Aspen Plus", "HAZOP", "DCS操作"},
         {"工艺", "装置", "反应", "精馏"},
         {"化工工艺工程师", "Chemical Process Engineer"}},
        {{"化学分析", "色谱分析", "实验室管理", "Origin"},
         {"检测", "分析", "样品", "报告"},
         {"化学分析员", "质检工程师", "Lab Analyst"}}},
       {"安全生产", "Office"}},
      {"accounting",
       {"120203K", "120204", "120207"},
       {"7241", "6621", "7231"},
       5500,
       {{{"财务分析", "用友", "金蝶", "税务"},
         {"账务", "凭证", "报表", "纳税"},
         {"会计", "财务专员", "Accountant"}},
        {{"审计", "Excel", "初级会计职称", "内控"},
         {"审计", "底稿", "核查", "风险"},
         {"审计助理", "Audit Associate"}}},
       {"Excel", "Office"}},
      {"marketing",
       {"120202", "120801", "050262"},
       {"5191", "5292", "7251"},
       6000,
       {{{"市场调研", "数据分析", "新媒体运营", "文案"},
         {"市场", "推广", "品牌", "活动"},
         {"市场专员", "品牌策划", "Marketing Specialist"}},
        {{"电商运营", "直播运营", "Photoshop", "数据分析"},
         {"电商", "店铺", "直播", "转化"},
         {"电商运营专员", "E-commerce Operator"}}},
       {"Excel", "沟通协调", "Office"}},
  };
  return kFields;
}

struct City {
  std::string code;  // GB/T 2260 city code
  std::string name;
  double weight;  // share of posts
  double pay;     // salary factor
};

const std::vector<City>& Cities() {
  static const std::vector<City> kCities = {
      {"110100", "北京", 9, 1.35},  {"310100", "上海", 9, 1.35},  {"440300", "深圳", 8, 1.3},
      {"440100", "广州", 6, 1.2},   {"330100", "杭州", 6, 1.2},   {"510100", "成都", 5, 1.0},
      {"500100", "重庆", 4, 0.95},  {"420100", "武汉", 4, 1.0},   {"320100", "南京", 4, 1.1},
      {"320500", "苏州", 4, 1.1},   {"610100", "西安", 3, 0.95},  {"120100", "天津", 3, 1.0},
      {"210100", "沈阳", 3, 0.9},   {"210200", "大连", 2, 0.95},  {"430100", "长沙", 3, 0.95},
      {"410100", "郑州", 3, 0.9},   {"370100", "济南", 2, 0.9},   {"340100", "合肥", 2, 0.95},
      {"230100", "哈尔滨", 1, 0.8}, {"530100", "昆明", 1, 0.85},  {"210700", "锦州", 1, 0.75},
      {"211300", "朝阳", 0.5, 0.7}, {"511300", "南充", 0.5, 0.7},
  };
  return kCities;
}

template <class T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

std::size_t WeightedCity(std::mt19937_64& rng) {
  static thread_local std::discrete_distribution<std::size_t> dist = [] {
    std::vector<double> w;
    for (const auto& c : Cities()) w.push_back(c.weight);
    return std::discrete_distribution<std::size_t>(w.begin(), w.end());
  }();
  return dist(rng);
}

Words Sample(std::mt19937_64& rng, const Words& from, std::size_t n) {
  Words copy = from;
  std::shuffle(copy.begin(), copy.end(), rng);
  copy.resize(std::min(n, copy.size()));
  return copy;
}

long Round100(double v) { return std::lround(v / 100) * 100; }

// Real English job titles of ../shared/data/jobs/en/job_postings.csv (the "title" column),
// when the folder is there; a few hundred are enough for variety.
Words EnglishTitles(const std::string& dir) {
  Words out;
  if (dir.empty()) return out;
  std::ifstream in(dir + "/en/job_postings.csv");
  std::string header, line;
  if (!in || !std::getline(in, header)) return out;
  while (out.size() < 2000 && std::getline(in, line)) {
    // The title is the first column; quoted when it has commas.
    std::string title;
    if (!line.empty() && line[0] == '"') {
      auto end = line.find('"', 1);
      if (end == std::string::npos) continue;
      title = line.substr(1, end - 1);
    } else {
      title = line.substr(0, line.find(','));
    }
    if (title.size() > 3 && title.size() < 80) out.push_back(title);
  }
  return out;
}

// A real Chinese posting of ../shared/data/jobs/zh (2019 Lagou / 51job / Boss, XLSX): its title
// and description as the enterprise wrote them, spaces folded.
struct RealPosting {
  std::string title, description;
};
// The real postings of each (field, niche) whose title names that niche and no other (by its
// title_words and title_fragments), apart ([1]) those whose title says 实习 (internship): a
// generated internship takes an internship's text, other posts the rest. Postings with almost
// no description are passed over. Empty when the folder is absent.
using RealPostings =
    std::map<std::pair<std::size_t, std::size_t>, std::array<std::vector<RealPosting>, 2>>;

// Whitespace runs (newlines, tabs, full-width spaces) become one space; at most `max_bytes`,
// cut at a character boundary.
std::string FoldSpaces(std::string_view in, std::size_t max_bytes) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < in.size() && out.size() < max_bytes;) {
    if (in.substr(i, 3) == "\u3000") {  // ideographic space
      space = true;
      i += 3;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      ++i;
      continue;
    }
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (out.size() + len + 1 > max_bytes) break;
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

RealPostings LoadRealPostings(const std::string& dir, const std::vector<Field>& fields) {
  RealPostings out;
  if (dir.empty()) return out;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/zh", ec)) {
    if (e.path().extension() == ".xlsx") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());  // the same population from the same seed
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto table = report::ReadTable(bytes, report::SheetFormat::kXlsx);
    if (!table.ok()) continue;  // not a workbook of postings: nothing to draw from it
    auto column = [&](std::string_view name) {
      return static_cast<std::size_t>(std::find(table->header.begin(), table->header.end(), name) -
                                      table->header.begin());
    };
    const std::size_t title_at = column("position"), description_at = column("description");
    if (title_at >= table->header.size() || description_at >= table->header.size()) continue;
    for (const auto& row : table->rows) {
      if (std::max(title_at, description_at) >= row.size()) continue;
      RealPosting posting{FoldSpaces(row[title_at], 120), FoldSpaces(row[description_at], 1500)};
      if (posting.title.empty() || posting.description.size() < 80) continue;
      const std::vector<std::string> words = text::SplitWords(posting.title);
      const std::string folded = text::FoldCase(posting.title);
      std::optional<std::pair<std::size_t, std::size_t>> niche;
      bool ambiguous = false;
      for (std::size_t f = 0; f < fields.size(); ++f) {
        for (std::size_t n = 0; n < fields[f].niches.size(); ++n) {
          const Niche& candidate = fields[f].niches[n];
          bool named = std::any_of(words.begin(), words.end(),
                                   [&](const std::string& w) {
                                     return std::find(candidate.title_words.begin(),
                                                      candidate.title_words.end(),
                                                      w) != candidate.title_words.end();
                                   }) ||
                       std::any_of(candidate.title_fragments.begin(),
                                   candidate.title_fragments.end(), [&](const std::string& frag) {
                                     return folded.find(frag) != std::string::npos;
                                   });
          if (!named) continue;
          ambiguous = ambiguous || niche.has_value();
          niche = {f, n};
        }
      }
      if (!niche || ambiguous) continue;
      bool internship = posting.title.find("实习") != std::string::npos;
      out[*niche][internship ? 1 : 0].push_back(std::move(posting));
    }
  }
  return out;
}

class Progress {
 public:
  Progress(bool on, std::int64_t total) : on_(on), total_(std::max<std::int64_t>(1, total)) {}
  void Add(std::int64_t n) {
    done_ += n;
    if (!on_) return;
    int pct = static_cast<int>(100 * done_ / total_);
    int bar = pct / 4;
    std::fprintf(stderr, "\r[%-25s] %3d%% %lld/%lld", std::string(bar, '#').c_str(), pct,
                 static_cast<long long>(done_), static_cast<long long>(total_));
    if (done_ >= total_) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  bool on_;
  std::int64_t total_, done_ = 0;
};

}  // namespace

Result<GenerateSummary> Generate(store::Database& db, const GenerateOptions& o) {
  std::mt19937_64 rng(o.seed);
  const auto& fields = Fields();
  const auto& cities = Cities();
  const std::string now = core::NowUtc();
  const int today = Today();
  const int this_year = std::stoi(core::CivilFromDays(today).substr(0, 4));
  Words english = EnglishTitles(o.jobs_dir);
  const RealPostings real = LoadRealPostings(o.jobs_dir, fields);
  // Real texts are drawn with a generator of their own, so that the rest of the population
  // (majors, cities, skills, salaries) is the same with and without the jobs folder.
  std::mt19937_64 text_rng(o.seed ^ 0x9e3779b97f4a7c15ULL);
  GenerateSummary summary;
  Progress progress(o.progress, o.students + o.posts);

  // Institutions (one per 2,000 students, at least one) with one unit per field; enterprises
  // (one per 20 posts) with a field and a city.
  std::int64_t n_inst = std::max<std::int64_t>(1, o.students / 2000);
  std::int64_t n_org = std::max<std::int64_t>(1, o.posts / 20);
  std::vector<domain::Institution> institutions;
  std::vector<domain::Unit> units;
  std::vector<domain::Organization> orgs;
  std::vector<std::size_t> inst_city, org_city, org_field;
  TB_TRY_STATUS(db.Write([&](store::Tx& tx) -> Status {
    for (std::int64_t i = 0; i < n_inst; ++i) {
      domain::Institution inst;
      std::size_t c = WeightedCity(rng);
      inst.code = "99" + std::to_string(10000000 + o.seed % 1000 * 10000 + i);
      inst.name = cities[c].name + "第" + std::to_string(i + 1) + "生成大学";
      inst.name_en = "Generated University " + std::to_string(i + 1);
      inst.region_code = cities[c].code;
      institutions.push_back(inst);
      inst_city.push_back(c);
    }
    store::InsertMany(tx, institutions, now);
    for (const auto& inst : institutions) {
      for (const auto& f : fields) {
        domain::Unit u;
        u.institution_id = inst.id;
        u.code = "G" + std::to_string(inst.id) + f.name;
        u.name = f.name + "学院";
        u.name_en = "School of " + f.name;
        units.push_back(u);
      }
    }
    store::InsertMany(tx, units, now);
    for (std::int64_t i = 0; i < n_org; ++i) {
      domain::Organization org;
      std::size_t c = WeightedCity(rng);
      std::size_t f = std::uniform_int_distribution<std::size_t>(0, fields.size() - 1)(rng);
      org.name = cities[c].name + "生成" + fields[f].name + std::to_string(i + 1) + "有限公司";
      org.name_en = "Generated " + fields[f].name + " " + std::to_string(i + 1) + " Co., Ltd";
      org.ownership = Chance(rng, 0.75) ? "private" : "state_owned";
      org.size = Pick(rng, Words{"small", "medium", "large"});
      org.industry_code = Pick(rng, fields[f].industries);
      org.region_code = cities[c].code;
      org.verified = Chance(rng, 0.9);
      org.name_key = org.name;
      orgs.push_back(org);
      org_city.push_back(c);
      org_field.push_back(f);
    }
    store::InsertMany(tx, orgs, now);
    return {};
  }));
  summary.institutions = n_inst;
  summary.organizations = n_org;

  const std::int64_t kBatch = 20000;
  // Posts.
  for (std::int64_t start = 0; start < o.posts; start += kBatch) {
    std::int64_t n = std::min(kBatch, o.posts - start);
    std::vector<domain::Post> posts;
    std::vector<std::pair<int, int>> truth;
    for (std::int64_t i = 0; i < n; ++i) {
      std::size_t org = std::uniform_int_distribution<std::size_t>(0, orgs.size() - 1)(rng);
      std::size_t fi = org_field[org];
      if (Chance(rng, 0.15)) {
        fi = std::uniform_int_distribution<std::size_t>(0, fields.size() - 1)(rng);
      }
      const Field& f = fields[fi];
      int ni = std::uniform_int_distribution<int>(0, static_cast<int>(f.niches.size()) - 1)(rng);
      const Niche& niche = f.niches[ni];
      const City& city = cities[Chance(rng, 0.85) ? org_city[org] : WeightedCity(rng)];
      domain::Post p;
      p.organization_id = orgs[org].id;
      p.title = Pick(rng, niche.titles);
      // Drawn whether or not there are English titles: the same population either way.
      if (Chance(rng, 0.1) && !english.empty()) p.title = Pick(rng, english);
      double k = std::uniform_real_distribution<double>(0, 1)(rng);
      p.kind = k < 0.75 ? "full_time" : k < 0.95 ? "internship" : "part_time";
      if (p.kind == "internship") p.title += "实习生";
      p.headcount = std::uniform_int_distribution<int>(1, 10)(rng);
      double a = std::uniform_real_distribution<double>(0, 1)(rng);
      if (a < 0.5) {
        p.accepted_majors = Sample(rng, f.majors, 2);
      } else if (a < 0.8) {
        p.accepted_majors = {f.majors[0].substr(0, 4)};
      } else if (a < 0.9) {
        p.accepted_majors = {f.majors[0].substr(0, 2)};
      }
      double l = std::uniform_real_distribution<double>(0, 1)(rng);
      p.min_level = l < 0.2 ? "vocational" : l < 0.9 ? "bachelor" : "master";
      p.required_skills = Sample(rng, niche.skills, 2 + rng() % 2);
      p.preferred_skills = Sample(rng, f.common, 1 + rng() % 2);
      p.region_code = city.code;
      p.industry_code = Pick(rng, f.industries);
      double pay =
          f.base_salary * city.pay * std::exp(std::normal_distribution<double>(0, 0.2)(rng));
      if (p.kind == "internship") pay *= 0.45;
      if (p.kind == "part_time") pay *= 0.35;
      if (!Chance(rng, 0.08)) {  // some say 面议
        p.salary_min = Round100(pay * 0.85);
        p.salary_max = Round100(pay * 1.3);
      }
      std::string desc = "岗位职责：负责" + Pick(rng, niche.words) + "相关工作，参与" +
                         Pick(rng, niche.words) + "和" + Pick(rng, niche.words) +
                         "。任职要求：熟悉";
      for (const auto& s : p.required_skills) desc += s + "、";
      desc += "具备" + Pick(rng, niche.words) + "经验者优先。工作地点：" + city.name + "。";
      p.description = desc;
      // Most posts of a niche that real postings name carry a real posting's title and
      // description (of an internship for an internship).
      if (auto it = real.find({fi, static_cast<std::size_t>(ni)}); it != real.end()) {
        const auto& pool = it->second[p.kind == "internship" ? 1 : 0];
        if (!pool.empty() && Chance(text_rng, 0.7)) {
          const RealPosting& r = Pick(text_rng, pool);
          p.title = r.title;
          p.description = r.description;
        }
      }
      int open = today - static_cast<int>(rng() % 60);
      p.open_date = core::CivilFromDays(open);
      p.close_date = core::CivilFromDays(today + 10 + static_cast<int>(rng() % 120));
      double st = std::uniform_real_distribution<double>(0, 1)(rng);
      p.status = st < 0.85 ? "open" : st < 0.95 ? "closed" : "draft";
      posts.push_back(std::move(p));
      truth.emplace_back(static_cast<int>(fi), ni);
    }
    TB_TRY_STATUS(db.Write([&](store::Tx& tx) -> Status {
      store::InsertMany(tx, posts, now);
      // The canonical skills, as every write of a post keeps them for SQL (migration 008), in
      // multi-row INSERTs.
      std::vector<store::PostSkillRow> skills;
      for (const auto& p : posts) {
        auto rows = service::PostSkillRows(p);
        skills.insert(skills.end(), rows.begin(), rows.end());
      }
      store::InsertPostSkills(tx, skills);
      std::vector<store::TruthRow> rows;
      for (std::size_t i = 0; i < posts.size(); ++i) {
        rows.push_back({"post", posts[i].id, truth[i].first, truth[i].second, true});
      }
      store::InsertTruth(tx, rows);
      return {};
    }));
    summary.posts += n;
    progress.Add(n);
  }

  // Students.
  for (std::int64_t start = 0; start < o.students; start += kBatch) {
    std::int64_t n = std::min(kBatch, o.students - start);
    std::vector<domain::Student> students;
    std::vector<store::TruthRow> truth;
    for (std::int64_t i = 0; i < n; ++i) {
      std::size_t inst =
          std::uniform_int_distribution<std::size_t>(0, institutions.size() - 1)(rng);
      std::size_t fi = std::uniform_int_distribution<std::size_t>(0, fields.size() - 1)(rng);
      const Field& f = fields[fi];
      int ni = std::uniform_int_distribution<int>(0, static_cast<int>(f.niches.size()) - 1)(rng);
      const Niche& niche = f.niches[ni];
      domain::Student s;
      s.institution_id = institutions[inst].id;
      s.unit_id = units[inst * fields.size() + fi].id;
      s.student_no = "G" + std::to_string(o.seed) + "-" + std::to_string(start + i);
      s.name = "生成学生" + std::to_string(start + i + 1);
      s.major_code = Pick(rng, f.majors);
      double l = std::uniform_real_distribution<double>(0, 1)(rng);
      s.level = l < 0.3 ? "vocational" : l < 0.9 ? "bachelor" : "master";
      s.cohort = this_year;  // the graduating class
      // Skills: most of the niche's (what they really do), some of the field's, a stray one.
      s.skills = Sample(rng, niche.skills, 2 + rng() % 3);
      for (auto& k : Sample(rng, f.common, 1 + rng() % 2)) s.skills.push_back(k);
      if (Chance(rng, 0.3)) s.skills.push_back(Pick(rng, Pick(rng, fields).common));
      bool mobile = Chance(rng, 0.6);
      const City& home = cities[inst_city[inst]];
      s.preferred_regions = {home.code};
      if (mobile && Chance(rng, 0.5)) s.preferred_regions.push_back(cities[WeightedCity(rng)].code);
      s.willing_to_relocate = mobile || Chance(rng, 0.5);  // some say yes but do not mean it
      s.preferred_industries = {Pick(rng, f.industries).substr(0, 2)};
      double pay =
          f.base_salary * home.pay * std::exp(std::normal_distribution<double>(0, 0.15)(rng));
      if (s.level == "vocational") pay *= 0.8;
      s.expected_salary_min = Round100(pay * 0.9);
      s.expected_salary_max = Round100(pay * 1.3);
      s.resume = s.name + "，" + f.name + "方向，熟悉" + Pick(rng, niche.words) + "和" +
                 Pick(rng, niche.words) + "，做过" + Pick(rng, niche.words) + "相关的课程设计。" +
                 (Chance(rng, 0.3) ? " Familiar with " + Pick(rng, niche.skills) + "." : "");
      s.talent_search_consent = Chance(rng, 0.5);
      students.push_back(std::move(s));
      truth.push_back({"student", 0, static_cast<int>(fi), ni, mobile});
    }
    TB_TRY_STATUS(db.Write([&](store::Tx& tx) -> Status {
      store::InsertMany(tx, students, now);
      for (std::size_t i = 0; i < students.size(); ++i) truth[i].entity_id = students[i].id;
      store::InsertTruth(tx, truth);
      return {};
    }));
    summary.students += n;
    progress.Add(n);
  }
  return summary;
}

// ---- Evaluation ---------------------------------------------------------------------------------

namespace {

struct Truth {
  int field = -1, niche = -1;
  bool mobile = true;
};

int TrueFit(const StudentDoc& s, const Truth& ts, const PostDoc& p, const Truth& tp, int today) {
  if (!Eligible(s, p, today, "")) return 0;
  if (p.salary_max && s.salary_min && *p.salary_max < 0.7 * static_cast<double>(*s.salary_min)) {
    return 0;
  }
  int fit = 0;
  if (ts.field == tp.field) fit += 1 + (ts.niche == tp.niche ? 1 : 0);
  if (fit > 0 && !ts.mobile) {
    bool home = std::any_of(s.places.begin(), s.places.end(), [&](const std::string& r) {
      return r.substr(0, 2) == p.region_code.substr(0, 2);
    });
    fit = home ? fit + 1 : fit - 1;
  }
  return std::max(0, fit);
}

double Dcg(const std::vector<int>& rels, std::size_t k) {
  double dcg = 0;
  for (std::size_t i = 0; i < std::min(k, rels.size()); ++i) {
    dcg += (std::pow(2.0, rels[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return dcg;
}

}  // namespace

Result<std::vector<EvalLine>> Evaluate(std::shared_ptr<store::Database> db, const Weights& w,
                                       const EvalOptions& o) {
  std::unordered_map<Id, Truth> student_truth, post_truth;
  TB_TRY_STATUS(db->Read([&](store::Tx& tx) -> Status {
    for (const auto& r : store::LoadTruth(tx)) {
      (r.entity == "post" ? post_truth : student_truth)[r.entity_id] = {r.field, r.niche, r.mobile};
    }
    return {};
  }));
  if (student_truth.empty()) {
    return Error::NotFound("no hidden fit in this database: generate one with talentbridge gen");
  }
  EngineOptions options;
  options.weights = w;
  options.follow = false;
  TB_TRY(auto engine, Engine::Start(db, options));
  auto snap = engine->snapshot();
  const int today = Today();

  std::vector<const PostDoc*> posts;
  for (const auto& part : snap->posts) {
    for (std::uint32_t d = 0; d < part.segment->docs.size(); ++d) {
      if (!part.deleted->contains(d)) posts.push_back(&part.segment->docs[d]);
    }
  }
  std::vector<const StudentDoc*> students;
  for (const auto& part : snap->students) {
    for (const auto& s : part.segment->docs) {
      if (student_truth.contains(s.id)) students.push_back(&s);
    }
  }
  std::mt19937_64 rng(o.seed);
  std::shuffle(students.begin(), students.end(), rng);
  if (students.size() > o.sample) students.resize(o.sample);

  // The engine is asked as a student is served (verified enterprises, the application rules
  // of the year), and the ideal ranking and both baselines draw from the same posts: those the
  // student may be shown. The baselines then differ from the engine only in their order.
  PostQuery q;
  q.limit = 50;
  q.today = today;
  q.verified_only = true;
  q.applicable_year = std::stoi(core::CivilFromDays(today).substr(0, 4));
  std::vector<EvalLine> lines = {{"engine"}, {"random"}, {"same major only"}};
  std::size_t counted = 0;
  for (const StudentDoc* s : students) {
    const Truth& ts = student_truth[s->id];
    std::vector<const PostDoc*> shown;
    std::vector<int> all;
    std::unordered_map<Id, int> rel;
    std::size_t relevant = 0;
    for (const PostDoc* p : posts) {
      if (!PostMatchesQuery(*s, *p, q)) continue;
      shown.push_back(p);
      auto it = post_truth.find(p->id);
      int r = it == post_truth.end() ? 0 : TrueFit(*s, ts, *p, it->second, today);
      if (r > 0) rel[p->id] = r;
      all.push_back(r);
      if (r >= 2) ++relevant;
    }
    std::sort(all.rbegin(), all.rend());
    double ideal = Dcg(all, 10);
    if (ideal <= 0) continue;
    ++counted;
    auto score = [&](EvalLine& line, const std::vector<Id>& ranked) {
      std::vector<int> got;
      std::size_t found = 0;
      for (std::size_t i = 0; i < ranked.size(); ++i) {
        auto it = rel.find(ranked[i]);
        int r = it == rel.end() ? 0 : it->second;
        got.push_back(r);
        if (i < 50 && r >= 2) ++found;
        const PostDoc* p = snap->FindPost(ranked[i]);
        if (p && !Eligible(*s, *p, today, "")) ++line.violations;
      }
      line.ndcg10 += Dcg(got, 10) / ideal;
      line.recall50 +=
          relevant ? static_cast<double>(found) / std::min<std::size_t>(50, relevant) : 1.0;
    };
    std::vector<Id> engine_ranked;
    for (const auto& h : TopPosts(*snap, *s, q)) engine_ranked.push_back(h.id);
    score(lines[0], engine_ranked);
    // 50 distinct posts in random order.
    auto random_50 = [&](std::vector<const PostDoc*> from) {
      std::shuffle(from.begin(), from.end(), rng);
      std::vector<Id> out;
      for (std::size_t i = 0; i < std::min<std::size_t>(50, from.size()); ++i) {
        out.push_back(from[i]->id);
      }
      return out;
    };
    score(lines[1], random_50(shown));
    std::vector<const PostDoc*> same_major;
    for (const PostDoc* p : shown) {
      if (std::find(p->accepted_majors.begin(), p->accepted_majors.end(), s->major_code) !=
          p->accepted_majors.end()) {
        same_major.push_back(p);
      }
    }
    score(lines[2], random_50(std::move(same_major)));
  }
  for (auto& line : lines) {
    line.ndcg10 /= std::max<std::size_t>(1, counted);
    line.recall50 /= std::max<std::size_t>(1, counted);
  }
  return lines;
}

void PrintEval(const std::vector<EvalLine>& lines, std::ostream& out) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-18s %9s %10s %22s\n", "ranking", "nDCG@10", "recall@50",
                "hard-constraint violations");
  out << buf;
  for (const auto& l : lines) {
    std::snprintf(buf, sizeof buf, "%-18s %9.4f %10.4f %22lld\n", l.name.c_str(), l.ndcg10,
                  l.recall50, static_cast<long long>(l.violations));
    out << buf;
  }
}

}  // namespace tb::match
