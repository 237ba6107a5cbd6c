#pragma once
// Private to clean/: the loaded form of data/boilerplate.json. All markers are stored
// lower-cased (ASCII), since lines are matched on an ASCII-lower-cased copy of the text.

#include <array>
#include <bitset>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/clean/clean.h"

namespace newsgraph::clean {

struct BoilerplateRules::Impl {
  std::unordered_set<std::string> dropLines;
  std::unordered_set<std::string> listHeadings;
  std::unordered_set<std::string> endMarkers;
  std::unordered_set<std::string> dateWords;
  std::vector<std::string> listHeadingPrefixes;  // the list headings, longest first
  std::vector<std::string> linePrefixes;
  std::vector<std::string> bylinePrefixes;
  std::vector<std::string> lineContains;
  std::vector<std::string> cutMarkers;
  std::array<std::vector<size_t>, 256> cutByFirstByte;  // indices into cutMarkers, by first byte
  // First bytes of the markers of each set or list: most lines start with none of them.
  std::bitset<256> wholeLineFirst, headingFirst, linePrefixFirst, bylineFirst;
};

}  // namespace newsgraph::clean
