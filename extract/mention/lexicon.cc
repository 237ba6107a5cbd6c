#include <algorithm>
#include <filesystem>
#include <utility>

#include <utf8proc.h>

#include "extract/mention/lexicon_impl.h"

namespace newsgraph::mention {
namespace {

namespace fs = std::filesystem;

// Entity files load first in this order, so that a name shared by two entries
// ("Georgia") goes to the more general one; other *.tsv entity files follow by name.
const char* const kEntityOrder[] = {"states.tsv",        "capitals.tsv",  "territories.tsv",
                                    "places.tsv",        "organizations.tsv", "people.tsv",
                                    "events.tsv",        "facilities.tsv"};
const char* const kEntityColumns[] = {"canonical", "type",       "aliases", "demonyms",
                                      "capital",   "capital_of", "part_of", "located_in"};

struct Table {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::pair<int, std::vector<std::string>>> rows;  // line number, fields
};

std::vector<std::string> splitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? s.size() - start : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

Table readTable(const std::string& path) {
  Table t;
  t.path = path;
  std::string content = readFile(path);
  int line = 0;
  for (std::string_view rest = content; !rest.empty();) {
    size_t nl = rest.find('\n');
    std::string_view text = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty() || text.front() == '#') continue;
    std::vector<std::string> fields = splitOn(text, '\t');
    if (t.header.empty()) {
      t.header = std::move(fields);
      continue;
    }
    NG_CHECK(fields.size() == t.header.size(), path + ":" + std::to_string(line),
             "expected " + std::to_string(t.header.size()) + " tab-separated columns, found " +
                 std::to_string(fields.size()));
    t.rows.emplace_back(line, std::move(fields));
  }
  NG_CHECK(!t.header.empty(), path, "no header line");
  return t;
}

std::string where(const Table& t, int line) { return t.path + ":" + std::to_string(line); }

std::vector<std::string> splitList(const std::string& field) {
  std::vector<std::string> out;
  for (std::string& s : splitOn(field, ';'))
    if (!s.empty()) out.push_back(std::move(s));
  return out;
}

bool isAcronym(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool upperInitial(std::string_view s) {
  utf8proc_int32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    if (utf8proc_isupper(cp)) return true;
    if (utf8proc_islower(cp)) return false;
    i += static_cast<size_t>(n);
  }
  return false;
}

// "foreign minister" -> also "Foreign Minister": the segmenter may treat "Gen." and "gen." apart.
std::string titleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = c == ' ';
  }
  return out;
}

template <typename T>
void insertPhrase(PhraseTable<T>& table, const std::string& phrase, const T& value) {
  for (const std::string& variant : {phrase, titleCase(phrase)}) {
    std::string key = phraseKey(variant);
    if (!key.empty()) table.insert(key, value);
  }
}

size_t column(const Table& t, std::string_view name) {
  auto it = std::find(t.header.begin(), t.header.end(), name);
  return it == t.header.end() ? std::string::npos : static_cast<size_t>(it - t.header.begin());
}

void requireHeader(const Table& t, std::initializer_list<std::string_view> names) {
  NG_CHECK(t.header.size() == names.size() && std::equal(names.begin(), names.end(), t.header.begin()),
           t.path, "unexpected header line");
}

class Loader {
 public:
  explicit Loader(Lexicon::Impl& impl) : impl_(impl) {}

  void entities(const Table& t, bool states) {
    for (const std::string& h : t.header)
      NG_CHECK(std::find(std::begin(kEntityColumns), std::end(kEntityColumns), h) !=
                   std::end(kEntityColumns),
               t.path, "unknown column '" + h + "'");
    auto get = [&](const std::vector<std::string>& f, std::string_view name) -> std::string {
      size_t c = column(t, name);
      return c == std::string::npos ? std::string() : f[c];
    };
    for (const auto& [line, f] : t.rows) {
      LexiconEntry e;
      e.canonical = get(f, "canonical");
      NG_CHECK(!e.canonical.empty(), where(t, line), "empty canonical name");
      std::string type = get(f, "type");
      std::optional<EntityType> parsed = parseEntityType(type);
      NG_CHECK(parsed, where(t, line), "unknown entity type '" + type + "'");
      e.type = *parsed;
      e.aliases = splitList(get(f, "aliases"));
      e.demonyms = splitList(get(f, "demonyms"));
      e.capital = get(f, "capital");
      e.capital_of = get(f, "capital_of");
      e.part_of = get(f, "part_of");
      e.located_in = get(f, "located_in");
      NG_CHECK(impl_.byCanonical.emplace(e.canonical, impl_.entries.size()).second, where(t, line),
               "duplicate canonical name '" + e.canonical + "'");
      impl_.entries.push_back(std::move(e));
      impl_.isState.push_back(states);
    }
  }

  void titles(const Table& t) {
    requireHeader(t, {"title", "kind"});
    for (const auto& [line, f] : t.rows) {
      NG_CHECK(f[1] == "office" || f[1] == "honorific", where(t, line),
               "kind must be office or honorific, not '" + f[1] + "'");
      insertPhrase(impl_.titles, f[0], TitleEntry{foldName(f[0]), f[1] == "office"});
    }
  }

  void cues(const Table& t) {
    requireHeader(t, {"cue", "position", "single"});
    for (const auto& [line, f] : t.rows) {
      NG_CHECK(f[1] == "after_name" || f[1] == "before_name" || f[1] == "apposition",
               where(t, line), "position must be after_name, before_name or apposition");
      NG_CHECK(f[2] == "yes" || f[2] == "no", where(t, line), "single must be yes or no");
      for (const std::string& variant : {f[0], titleCase(f[0])}) {
        std::string key = phraseKey(variant);
        if (key.empty()) continue;
        if (!impl_.cues.find(key) || impl_.cues.find(key)->value < 0) impl_.cues.insert(key, CueInfo{});
        CueInfo& cue = impl_.cues.mutableValue(key);
        (f[1] == "after_name" ? cue.after : f[1] == "before_name" ? cue.before : cue.apposition) = true;
        if (f[1] != "apposition") cue.single = cue.single || f[2] == "yes";
      }
    }
  }

  void heads(const Table& t) {
    requireHeader(t, {"head", "type", "canonical", "case"});
    for (const auto& [line, f] : t.rows) {
      std::optional<EntityType> type = parseEntityType(f[1]);
      NG_CHECK(type, where(t, line), "unknown entity type '" + f[1] + "'");
      NG_CHECK(f[3] == "upper" || f[3] == "any", where(t, line), "case must be upper or any");
      insertPhrase(impl_.heads, f[0], HeadInfo{*type, f[2], f[3] == "any"});
    }
  }

  void words(const Table& t, std::string_view header, std::unordered_set<std::string>& set) {
    requireHeader(t, {header});
    for (const auto& [line, f] : t.rows) {
      NG_CHECK(!f[0].empty(), where(t, line), "empty word");
      set.insert(foldName(f[0]));
    }
  }

  void signoffs(const Table& t) {
    requireHeader(t, {"signoff"});
    for (const auto& [line, f] : t.rows) {
      NG_CHECK(!f[0].empty() && f[0].find(' ') == std::string::npos, where(t, line),
               "a sign-off is one word");
      impl_.signoffs.insert(f[0]);
    }
  }

  void suffixes(const Table& t) {
    requireHeader(t, {"suffix", "strip"});
    for (const auto& [line, f] : t.rows) {
      NG_CHECK(f[1] == "always" || f[1] == "known", where(t, line), "strip must be always or known");
      NG_CHECK(!f[0].empty() && f[0].find(' ') == std::string::npos, where(t, line),
               "a suffix is one word");
      impl_.corporateSuffixes[suffixKey(f[0])] = {!upperInitial(f[0]), f[1] == "always"};
    }
  }

  void regions(const Table& t) {
    requireHeader(t, {"abbreviation", "region"});
    for (const auto& [line, f] : t.rows) {
      auto it = impl_.byCanonical.find(f[1]);
      NG_CHECK(it != impl_.byCanonical.end(), where(t, line), "unknown region '" + f[1] + "'");
      NG_CHECK(impl_.regionAbbreviations.emplace(suffixKey(f[0]), it->second).second, where(t, line),
               "duplicate abbreviation '" + f[0] + "'");
    }
  }

  void datedAliases(const Table& t) {
    requireHeader(t, {"alias", "canonical", "from", "until"});
    auto isoDate = [](const std::string& d) {
      return d.empty() || (d.size() == 10 && d[4] == '-' && d[7] == '-');
    };
    for (const auto& [line, f] : t.rows) {
      auto it = impl_.byCanonical.find(f[1]);
      NG_CHECK(it != impl_.byCanonical.end(), where(t, line), "unknown entry '" + f[1] + "'");
      NG_CHECK(isoDate(f[2]) && isoDate(f[3]), where(t, line), "dates must be YYYY-MM-DD or empty");
      impl_.datedAliases[foldName(f[0])].push_back({f[2], f[3], it->second});
    }
  }

  // Canonical names first, then aliases, then demonyms: a name keeps its first, strongest owner.
  void index() {
    for (int pass = 0; pass < 3; ++pass) {
      for (uint32_t i = 0; i < impl_.entries.size(); ++i) {
        const LexiconEntry& e = impl_.entries[i];
        if (pass == 0) addName(e.canonical, i, false);
        if (pass == 1)
          for (const std::string& a : e.aliases) addName(a, i, false);
        if (pass == 2)
          for (const std::string& d : e.demonyms) {
            impl_.byDemonym.emplace(foldName(d), i);
            addName(d, i, true);
          }
      }
    }
  }

 private:
  void addName(const std::string& name, uint32_t entry, bool demonym) {
    impl_.byName.emplace(foldName(name), entry);
    std::string key = phraseKey(name);
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    if (key.empty() || key == "the") return;
    std::string_view surface = name;
    if (surface.rfind("the ", 0) == 0) surface.remove_prefix(4);  // "the West", "the States"
    GazetteerName value{entry, demonym, isAcronym(surface), upperInitial(surface)};
    const auto* node = impl_.gazetteer.find(key);
    if (node && node->value >= 0) {
      GazetteerName& existing = impl_.gazetteer.mutableValue(key);
      if (existing.entry != entry) return;
      existing.acronym = existing.acronym && value.acronym;
      existing.needUpper = existing.needUpper && value.needUpper;
    } else {
      impl_.gazetteer.insert(key, value);
    }
    if (!value.needUpper) impl_.lowerInitialStarts.insert(key.substr(0, key.find(' ')));
  }

  Lexicon::Impl& impl_;
};

}  // namespace

Lexicon Lexicon::load(const std::string& dataDir) {
  auto impl = std::make_shared<Impl>();
  fs::path dir = fs::path(dataDir) / "lexicons";
  std::error_code ec;
  NG_CHECK(fs::is_directory(dir, ec), dir.string(), "lexicon directory not found");
  std::vector<std::string> files;
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().extension() == ".tsv") files.push_back(f.path().filename().string());
  auto rank = [](const std::string& name) {
    auto it = std::find(std::begin(kEntityOrder), std::end(kEntityOrder), name);
    return static_cast<size_t>(it - std::begin(kEntityOrder));
  };
  std::sort(files.begin(), files.end(), [&](const std::string& a, const std::string& b) {
    return std::make_pair(rank(a), a) < std::make_pair(rank(b), b);
  });
  Loader loader(*impl);
  for (const std::string& name : files) {
    Table t = readTable((dir / name).string());
    if (name == "titles.tsv") loader.titles(t);
    else if (name == "person_cues.tsv") loader.cues(t);
    else if (name == "org_heads.tsv") loader.heads(t);
    else if (name == "stopwords.tsv") loader.words(t, "word", impl->stopwords);
    else if (name == "common_words.tsv") loader.words(t, "word", impl->commonWords);
    else if (name == "name_particles.tsv") loader.words(t, "particle", impl->particles);
    else if (name == "signoffs.tsv") loader.signoffs(t);
    else if (name == "name_titles.tsv") loader.words(t, "title", impl->nameTitles);
    else if (name == "corporate_suffixes.tsv") loader.suffixes(t);
    else if (name == "region_abbreviations.tsv") loader.regions(t);
    else if (name == "dated_aliases.tsv") loader.datedAliases(t);
    else if (t.header.size() >= 2 && t.header[0] == "canonical" && t.header[1] == "type")
      loader.entities(t, name == "states.tsv");
    else NG_THROW(t.path + ":1", "unknown lexicon file: header must start with canonical, type");
  }
  loader.index();
  auto flag = [&](const std::string& t, uint8_t bit) {
    uint32_t i = impl->startTokens.insert(t);
    if (i == impl->startFlags.size()) impl->startFlags.push_back(0);
    impl->startFlags[i] |= bit;
  };
  for (const std::string& t : impl->titles.firstTokens()) flag(t, kStartsTitle);
  for (const std::string& t : impl->cues.firstTokens()) flag(t, kStartsCue);
  for (const std::string& t : impl->heads.firstTokens()) flag(t, kStartsHead);
  for (const std::string& t : impl->lowerInitialStarts) flag(t, kLowerGazetteer);
  for (uint32_t i = 0; i < impl->entries.size(); ++i) {
    const LexiconEntry& e = impl->entries[i];
    NG_CHECK(e.capital_of.empty() || impl->byCanonical.count(e.capital_of), dir.string(),
             "'" + e.canonical + "' is capital of unknown entry '" + e.capital_of + "'");
  }
  Lexicon lexicon;
  lexicon.impl_ = std::move(impl);
  return lexicon;
}

const Lexicon& Lexicon::standard() {
  static const Lexicon lexicon = load(dataDir());
  return lexicon;
}

const LexiconEntry* Lexicon::lookup(std::string_view name) const {
  auto it = impl_->byName.find(foldName(name));
  return it == impl_->byName.end() ? nullptr : &impl_->entries[it->second];
}

const LexiconEntry* Lexicon::datedLookup(std::string_view alias, std::string_view date) const {
  if (date.empty() || impl_->datedAliases.empty()) return nullptr;
  auto it = impl_->datedAliases.find(foldName(alias));
  if (it == impl_->datedAliases.end()) return nullptr;
  for (const Impl::DatedAlias& a : it->second)
    if ((a.from.empty() || a.from <= date) && (a.until.empty() || date <= a.until))
      return &impl_->entries[a.entry];
  return nullptr;
}

const LexiconEntry* Lexicon::entry(std::string_view canonical) const {
  auto it = impl_->byCanonical.find(std::string(canonical));
  return it == impl_->byCanonical.end() ? nullptr : &impl_->entries[it->second];
}

const LexiconEntry* Lexicon::governmentOf(std::string_view name) const {
  std::string key = foldName(name);
  auto d = impl_->byDemonym.find(key);
  if (d != impl_->byDemonym.end()) return &impl_->entries[d->second];
  const LexiconEntry* e = entry(name);
  if (!e) e = lookup(name);
  if (!e || e->capital_of.empty()) return nullptr;
  return entry(e->capital_of);
}

std::optional<TitleEntry> Lexicon::titleAt(const text::Segmentation& seg, uint32_t i,
                                           uint32_t* length) const {
  std::vector<std::string> folded;
  uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(seg.tokens.size()),
                                    i + impl_->titles.maxTokens());
  for (uint32_t t = i; t < end; ++t) {
    folded.emplace_back();
    foldToken(seg.tokens[t].text, &folded.back());
  }
  std::optional<TitleEntry> best;
  std::string key;
  impl_->titles.matchAt(folded, 0, static_cast<uint32_t>(folded.size()), key,
                        [&](uint32_t n, const TitleEntry& title) {
                          best = title;
                          if (length) *length = n;
                        });
  return best;
}

std::optional<std::string> Lexicon::stateBody(std::string_view surface) const {
  std::string key = phraseKey(surface);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  // "ministry of foreign affairs" -> "foreign affairs ministry"
  size_t of = key.find(" of ");
  if (of != std::string::npos && key.find(' ') == of) key = key.substr(of + 4) + " " + key.substr(0, of);
  const auto* node = impl_->heads.find(key);
  if (!node || node->value < 0) return std::nullopt;
  const HeadInfo& head = impl_->heads.value(*node);
  if (head.canonical.empty()) return std::nullopt;
  return head.canonical;
}

std::optional<EntityType> Lexicon::headType(std::string_view lastWord) const {
  const auto* node = impl_->heads.find(phraseKey(lastWord));
  if (!node || node->value < 0) return std::nullopt;
  return impl_->heads.value(*node).type;
}

std::string suffixKey(std::string_view word) {
  std::string key;
  for (char c : word)
    if (c != '.') key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return key;
}

bool isCorporateSuffix(const Lexicon::Impl& lexicon, std::string_view word) {
  auto it = lexicon.corporateSuffixes.find(suffixKey(word));
  return it != lexicon.corporateSuffixes.end() && it->second.always &&
         (it->second.anyCase || (!word.empty() && word[0] >= 'A' && word[0] <= 'Z'));
}

std::optional<std::string> Lexicon::withoutCorporateSuffix(std::string_view name,
                                                           bool* onlyIfKnown) const {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
    for (std::string_view joint : {" and", " &"})  // "Merrill Lynch and Co" -> "Merrill Lynch"
      if (s.size() > joint.size() && s.substr(s.size() - joint.size()) == joint) s.remove_suffix(joint.size());
    return s;
  };
  std::string_view rest = trim(name);
  bool stripped = false, always = true;
  for (int n = 0; n < 2; ++n) {  // "Co Ltd", "Corp., Inc."
    size_t space = rest.rfind(' ');
    if (space == std::string_view::npos) break;
    std::string_view word = rest.substr(space + 1);
    auto it = impl_->corporateSuffixes.find(suffixKey(word));
    if (it == impl_->corporateSuffixes.end()) break;
    if (!it->second.anyCase && !(word[0] >= 'A' && word[0] <= 'Z')) break;
    always = always && it->second.always;
    rest = trim(rest.substr(0, space));
    stripped = true;
  }
  if (!stripped || rest.empty()) return std::nullopt;
  if (onlyIfKnown) *onlyIfKnown = !always;
  return std::string(rest);
}

std::vector<std::string> Lexicon::allNames() const {
  std::vector<std::string> names;
  for (const LexiconEntry& e : impl_->entries) {
    names.push_back(e.canonical);
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    names.insert(names.end(), e.demonyms.begin(), e.demonyms.end());
  }
  return names;
}

}  // namespace newsgraph::mention
