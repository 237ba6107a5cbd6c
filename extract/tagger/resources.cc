#include <algorithm>
#include <filesystem>
#include <fstream>

#include <spdlog/spdlog.h>

#include "extract/tagger/hashing.h"
#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

namespace {

std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

template <typename F>
void forEachLine(const std::string& text, F&& f) {
  size_t pos = 0, lineNo = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(line, lineNo);
  }
}

void loadClusters(Resources* res, const std::string& path) {
  std::string text = readFile(path);
  forEachLine(text, [&](std::string_view line, size_t lineNo) {
    auto cols = splitTabs(line);
    std::string where = path + ":" + std::to_string(lineNo);
    NG_CHECK(cols.size() >= 2 && cols.size() <= 4 && !cols[0].empty(), where,
             "expected 'word<TAB>cluster id' with 1 to 3 ids");
    ClusterEntry entry;
    for (size_t i = 1; i < cols.size(); ++i) {
      unsigned long id = 0;
      try {
        size_t used = 0;
        id = std::stoul(std::string(cols[i]), &used);
        NG_CHECK(used == cols[i].size(), where, "cluster id is not a number");
      } catch (const std::logic_error&) {
        NG_THROW(where, "cluster id is not a number: '" + std::string(cols[i]) + "'");
      }
      NG_CHECK(id < 65535, where, "cluster id too large");
      entry.ids[i - 1] = static_cast<uint16_t>(id + 1);
    }
    res->addCluster(cols[0], entry);
  });
}

// Lexicon files are written by the gazetteer's owner; read any TSV whose rows carry a name
// in the first column and an entity type (PERSON, ORG, GPE, ...) in some column. A header
// row naming an "aliases" column adds those names too ('|' or ';' separated).
void loadLexicon(Resources* res, const std::string& path) {
  std::string text = readFile(path);
  int aliasColumn = -1;
  bool first = true;
  std::vector<std::string_view> tokens;
  auto addName = [&](std::string_view name, uint8_t bit) {
    tokens.clear();
    tokenizeLine(name, &tokens);
    if (!tokens.empty()) res->addName(tokens, bit);
  };
  forEachLine(text, [&](std::string_view line, size_t) {
    auto cols = splitTabs(line);
    if (first) {
      first = false;
      bool header = false;
      for (size_t i = 0; i < cols.size(); ++i) {
        if (cols[i] == "aliases" || cols[i] == "alias") aliasColumn = static_cast<int>(i);
        if (cols[i] == "name" || cols[i] == "canonical" || cols[i] == "type") header = true;
      }
      if (header) return;
    }
    std::optional<EntityType> type;
    for (size_t i = 1; i < cols.size() && !type; ++i) type = parseEntityType(cols[i]);
    if (!type || cols[0].empty()) return;
    uint8_t bit = static_cast<uint8_t>(1u << static_cast<int>(*type));
    addName(cols[0], bit);
    if (aliasColumn > 0 && aliasColumn < static_cast<int>(cols.size())) {
      std::string_view aliases = cols[aliasColumn];
      size_t pos = 0;
      while (pos <= aliases.size()) {
        size_t sep = aliases.find_first_of("|;", pos);
        if (sep == std::string_view::npos) sep = aliases.size();
        std::string_view alias = aliases.substr(pos, sep - pos);
        while (!alias.empty() && alias.front() == ' ') alias.remove_prefix(1);
        while (!alias.empty() && alias.back() == ' ') alias.remove_suffix(1);
        if (!alias.empty()) addName(alias, bit);
        pos = sep + 1;
      }
    }
  });
}

}  // namespace

Resources Resources::load(const std::string& clustersPath, const std::string& lexiconDir) {
  namespace fs = std::filesystem;
  Resources res;
  if (!clustersPath.empty() && fs::exists(clustersPath)) {
    loadClusters(&res, clustersPath);
  } else if (!clustersPath.empty()) {
    spdlog::warn("tagger: no word clusters at {}", clustersPath);
  }
  std::error_code ec;
  if (!lexiconDir.empty() && fs::is_directory(lexiconDir, ec)) {
    std::vector<std::string> files;
    for (const auto& item : fs::directory_iterator(lexiconDir, ec)) {
      if (item.path().extension() == ".tsv") files.push_back(item.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) loadLexicon(&res, f);
  }
  spdlog::info("tagger: {} cluster words, {} lexicon names", res.clusterCount(), res.nameCount());
  return res;
}

void Resources::addCluster(std::string_view word, ClusterEntry entry) {
  clusters_[hashBytes(word)] = entry;
}

void Resources::addName(const std::vector<std::string_view>& tokens, uint8_t typeBit) {
  uint64_t h = kFnvBasis;
  for (size_t i = 0; i < tokens.size(); ++i) {
    h = extendName(h, tokens[i], i == 0);
    addNameHash(h, i + 1 == tokens.size() ? typeBit : 0);
  }
  max_name_tokens_ = std::max(max_name_tokens_, static_cast<int>(tokens.size()));
}

void Resources::addNameHash(uint64_t hash, uint8_t bits) {
  uint8_t& entry = names_[hash];
  name_count_ += !entry && bits;
  entry |= bits;
}

void DocumentHistory::record(uint64_t wordHash, int typeOrNone) {
  auto& c = counts_[wordHash];
  if (c[typeOrNone] < UINT16_MAX) ++c[typeOrNone];
}

const uint16_t* DocumentHistory::counts(uint64_t wordHash) const {
  const auto* c = counts_.find(wordHash);
  return c ? c->data() : nullptr;
}

}  // namespace newsgraph::tagger
