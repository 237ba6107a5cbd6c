#include <string>

#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

std::string_view toString(NerType type) {
  switch (type) {
    case NerType::Per: return "PER";
    case NerType::Org: return "ORG";
    case NerType::Loc: return "LOC";
    case NerType::Misc: return "MISC";
  }
  return "?";
}

std::optional<NerType> parseNerType(std::string_view name) {
  if (name == "PER") return NerType::Per;
  if (name == "ORG") return NerType::Org;
  if (name == "LOC") return NerType::Loc;
  if (name == "MISC") return NerType::Misc;
  return std::nullopt;
}

namespace {

// Splits "B-ORG" into 'B' and ORG; 'O' has no type. Returns false for anything else.
bool splitTag(std::string_view tag, char* prefix, NerType* type) {
  if (tag == "O") {
    *prefix = 'O';
    return true;
  }
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return false;
  auto parsed = parseNerType(tag.substr(2));
  if (!parsed) return false;
  *prefix = tag[0];
  *type = *parsed;
  return true;
}

std::vector<Entity> chunks(const std::vector<std::string_view>& tags, const std::string& where,
                           size_t firstLine) {
  std::vector<Entity> out;
  char prev = 'O';
  NerType prevType = NerType::Per;
  for (size_t i = 0; i < tags.size(); ++i) {
    char prefix = 'O';
    NerType type = NerType::Per;
    if (!splitTag(tags[i], &prefix, &type)) {
      NG_THROW(where.empty() ? where : where + ":" + std::to_string(firstLine + i),
               "unknown NER tag '" + std::string(tags[i]) + "'");
    }
    if (prefix != 'O') {
      bool starts = prefix == 'B' || prev == 'O' || prevType != type;
      if (starts) {
        out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), type});
      } else {
        out.back().end = static_cast<uint32_t>(i + 1);
      }
    }
    prev = prefix;
    prevType = type;
  }
  return out;
}

std::string_view nextField(std::string_view line, size_t* pos) {
  while (*pos < line.size() && (line[*pos] == ' ' || line[*pos] == '\t')) ++*pos;
  size_t start = *pos;
  while (*pos < line.size() && line[*pos] != ' ' && line[*pos] != '\t') ++*pos;
  return line.substr(start, *pos - start);
}

}  // namespace

std::vector<Entity> chunksFromIob1(const std::vector<std::string>& tags) {
  std::vector<std::string_view> views(tags.begin(), tags.end());
  return chunks(views, "", 0);
}

std::vector<std::string> iob1FromChunks(const std::vector<Entity>& entities, size_t length) {
  std::vector<std::string> tags(length, "O");
  uint32_t prevEnd = UINT32_MAX;
  NerType prevType = NerType::Per;
  for (const Entity& e : entities) {
    std::string type(toString(e.type));
    for (uint32_t i = e.begin; i < e.end && i < length; ++i) tags[i] = "I-" + type;
    if (e.begin == prevEnd && e.type == prevType && e.begin < length) tags[e.begin] = "B-" + type;
    prevEnd = e.end;
    prevType = e.type;
  }
  return tags;
}

std::vector<Document> parseConll(std::string_view text, const std::string& where) {
  std::vector<Document> docs;
  std::vector<std::string_view> tags;
  Sentence current;
  size_t lineNo = 0, sentenceLine = 0;
  auto flush = [&]() {
    if (current.words.empty()) return;
    if (docs.empty()) docs.emplace_back();
    current.entities = chunks(tags, where, sentenceLine);
    docs.back().sentences.push_back(std::move(current));
    current = Sentence();
    tags.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t p = 0;
    std::string_view first = nextField(line, &p);
    if (first.empty()) {
      flush();
      continue;
    }
    if (first == "-DOCSTART-") {
      flush();
      docs.emplace_back();
      continue;
    }
    std::string_view last = first, field;
    int columns = 1;
    while (!(field = nextField(line, &p)).empty()) {
      last = field;
      ++columns;
    }
    NG_CHECK(columns >= 2, where + ":" + std::to_string(lineNo),
             "expected 'token ... NER-tag' columns, got '" + std::string(line) + "'");
    if (current.words.empty()) sentenceLine = lineNo;
    current.words.emplace_back(first);
    tags.push_back(last);
  }
  flush();
  return docs;
}

std::vector<Document> readConll(const std::string& path) {
  std::string text = readFile(path);
  return parseConll(text, path);
}

}  // namespace newsgraph::tagger
