#include <algorithm>

#include "core/core.h"
#include "extract/text/text.h"

namespace newsgraph::text {

Segmenter::Segmenter(std::vector<std::string> abbreviations) : abbreviations_(std::move(abbreviations)) {
  std::sort(abbreviations_.begin(), abbreviations_.end());
  abbreviations_.erase(std::unique(abbreviations_.begin(), abbreviations_.end()), abbreviations_.end());
  for (const std::string& a : abbreviations_) maxAbbreviation_ = std::max(maxAbbreviation_, a.size());
}

Segmenter Segmenter::load(const std::string& dataDir) {
  std::string path = dataDir + "/abbreviations.txt";
  std::string text = readFile(path);
  std::vector<std::string> list;
  size_t pos = 0;
  for (int line = 1; pos < text.size(); ++line) {
    size_t nl = text.find('\n', pos);
    std::string_view entry(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    while (!entry.empty() && (entry.back() == '\r' || entry.back() == ' ' || entry.back() == '\t'))
      entry.remove_suffix(1);
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
    if (entry.empty() || entry[0] == '#') continue;
    std::string where = path + ":" + std::to_string(line);
    NG_CHECK(entry.find_first_of(" \t") == std::string_view::npos, where,
             "abbreviation '" + std::string(entry) + "' contains a space");
    NG_CHECK(entry.size() >= 2 && entry.back() == '.', where,
             "abbreviation '" + std::string(entry) + "' must end with '.'");
    NG_CHECK(std::find(list.begin(), list.end(), entry) == list.end(), where,
             "duplicate abbreviation '" + std::string(entry) + "'");
    list.emplace_back(entry);
  }
  return Segmenter(std::move(list));
}

const Segmenter& Segmenter::standard() {
  static const Segmenter segmenter = load(dataDir());
  return segmenter;
}

bool Segmenter::isAbbreviation(std::string_view word) const {
  if (word.size() > maxAbbreviation_) return false;
  auto it = std::lower_bound(abbreviations_.begin(), abbreviations_.end(), word,
                             [](const std::string& a, std::string_view w) { return std::string_view(a) < w; });
  return it != abbreviations_.end() && *it == word;
}

}  // namespace newsgraph::text
