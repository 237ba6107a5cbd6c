#include "extract/clean/boilerplate_rules.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>

namespace newsgraph::clean {
namespace {

constexpr std::string_view kFormat = "newsgraph-boilerplate/1";

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class Loader {
 public:
  Loader(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  // path:line of the first occurrence of the quoted string in the file.
  std::string where(std::string_view s) const {
    std::string quoted = "\"" + std::string(s) + "\"";
    size_t at = text_.find(quoted);
    if (at == std::string::npos) return path_;
    return path_ + ":" + std::to_string(lineOfOffset(text_, at));
  }

  std::vector<std::string> list(const rapidjson::Value& root, const char* key) const {
    std::vector<std::string> out;
    auto it = root.FindMember(key);
    if (it == root.MemberEnd()) return out;
    NG_CHECK(it->value.IsArray(), where(key), std::string("'") + key + "' must be an array of strings");
    std::unordered_set<std::string> seen;
    for (const auto& v : it->value.GetArray()) {
      NG_CHECK(v.IsString(), where(key), std::string("'") + key + "' must hold only strings");
      std::string_view raw(v.GetString(), v.GetStringLength());
      std::string marker = lowerAscii(raw);
      NG_CHECK(!marker.empty() && marker.find('\n') == std::string::npos, where(key),
               std::string("empty or multi-line marker in '") + key + "'");
      NG_CHECK(seen.insert(marker).second, where(raw),
               std::string("duplicate marker '") + std::string(raw) + "' in '" + key + "'");
      out.push_back(std::move(marker));
    }
    return out;
  }

  BoilerplateRules::Impl load() const {
    rapidjson::Document doc;
    doc.Parse(text_.data(), text_.size());
    NG_CHECK(!doc.HasParseError(), path_ + ":" + std::to_string(lineOfOffset(text_, doc.GetErrorOffset())),
             rapidjson::GetParseError_En(doc.GetParseError()));
    NG_CHECK(doc.IsObject(), path_ + ":1", "expected a JSON object");
    static const char* const kKeys[] = {"format", "note", "drop_lines", "list_headings", "end_markers",
                                        "line_prefixes", "byline_prefixes", "line_contains",
                                        "cut_markers", "date_words"};
    for (const auto& member : doc.GetObject()) {
      std::string_view name(member.name.GetString(), member.name.GetStringLength());
      bool known = std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return name == k; });
      NG_CHECK(known, where(name), "unknown key '" + std::string(name) + "'");
    }
    auto format = doc.FindMember("format");
    NG_CHECK(format != doc.MemberEnd() && format->value.IsString() && format->value.GetString() == kFormat,
             where("format"), "expected \"format\": \"" + std::string(kFormat) + "\"");

    BoilerplateRules::Impl impl;
    for (auto& s : list(doc, "drop_lines")) impl.dropLines.insert(std::move(s));
    impl.listHeadingPrefixes = list(doc, "list_headings");
    impl.listHeadings.insert(impl.listHeadingPrefixes.begin(), impl.listHeadingPrefixes.end());
    std::stable_sort(impl.listHeadingPrefixes.begin(), impl.listHeadingPrefixes.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (auto& s : list(doc, "end_markers")) impl.endMarkers.insert(std::move(s));
    for (auto& s : list(doc, "date_words")) impl.dateWords.insert(std::move(s));
    impl.linePrefixes = list(doc, "line_prefixes");
    impl.bylinePrefixes = list(doc, "byline_prefixes");
    impl.lineContains = list(doc, "line_contains");
    impl.cutMarkers = list(doc, "cut_markers");
    auto firstBytes = [](const auto& markers, std::bitset<256>& out) {
      for (const std::string& m : markers) out.set(static_cast<unsigned char>(m[0]));
    };
    firstBytes(impl.dropLines, impl.wholeLineFirst);
    firstBytes(impl.listHeadings, impl.wholeLineFirst);
    firstBytes(impl.endMarkers, impl.wholeLineFirst);
    firstBytes(impl.listHeadingPrefixes, impl.headingFirst);
    firstBytes(impl.linePrefixes, impl.linePrefixFirst);
    firstBytes(impl.bylinePrefixes, impl.bylineFirst);
    for (size_t i = 0; i < impl.cutMarkers.size(); ++i)
      impl.cutByFirstByte[static_cast<unsigned char>(impl.cutMarkers[i][0])].push_back(i);
    return impl;
  }

 private:
  std::string path_, text_;
};

}  // namespace

BoilerplateRules::BoilerplateRules() : impl_(new Impl) {}
BoilerplateRules::BoilerplateRules(const BoilerplateRules& o) : impl_(new Impl(*o.impl_)) {}
BoilerplateRules& BoilerplateRules::operator=(const BoilerplateRules& o) {
  if (this == &o) return *this;
  if (impl_) *impl_ = *o.impl_;
  else impl_ = new Impl(*o.impl_);
  return *this;
}
BoilerplateRules::BoilerplateRules(BoilerplateRules&& o) noexcept : impl_(o.impl_) { o.impl_ = nullptr; }
BoilerplateRules::~BoilerplateRules() { delete impl_; }

BoilerplateRules BoilerplateRules::load(const std::string& dataDir) {
  std::string path = dataDir + "/boilerplate.json";
  BoilerplateRules rules;
  *rules.impl_ = Loader(path, readFile(path)).load();
  return rules;
}

const BoilerplateRules& BoilerplateRules::standard() {
  static const BoilerplateRules rules = load(dataDir());
  return rules;
}

}  // namespace newsgraph::clean
