#pragma once
// Private to export/: XML text and attribute escaping for the GraphML and GEXF writers.

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace newsgraph::exporter {

// Escapes markup (& < > ") and drops the characters XML 1.0 forbids (the C0 controls; the
// non-characters U+FFFE and U+FFFF become U+FFFD); tabs and newlines become character
// references so attribute values keep them. kXmlEscape[c] is 0 for a byte copied as is, else
// an index into kXmlReplacements (kXmlCheckFFFx: look at the next two bytes): one table
// look-up per byte.
inline constexpr std::string_view kXmlReplacements[] = {
    "", "&amp;", "&lt;", "&gt;", "&quot;", "&#9;", "&#10;", "&#13;", "", "\xEF\xBF\xBD"};
inline constexpr uint8_t kXmlCheckFFFx = 9;
inline constexpr std::array<uint8_t, 256> kXmlEscape = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 8;  // dropped
  table['&'] = 1;
  table['<'] = 2;
  table['>'] = 3;
  table['"'] = 4;
  table['\t'] = 5;
  table['\n'] = 6;
  table['\r'] = 7;
  table[0xEF] = kXmlCheckFFFx;
  return table;
}();

// Calls plain(run) for each run of bytes copied as is and replace(text) for each escape.
template <typename Plain, typename Replace>
void escapeXml(std::string_view text, Plain&& plain, Replace&& replace) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    uint8_t kind = kXmlEscape[static_cast<unsigned char>(text[i])];
    if (kind == 0) continue;
    size_t length = 1;
    if (kind == kXmlCheckFFFx) {  // EF BF BE and EF BF BF are U+FFFE and U+FFFF
      if (i + 2 >= text.size() || text[i + 1] != '\xBF' || (text[i + 2] != '\xBE' && text[i + 2] != '\xBF'))
        continue;
      length = 3;
    }
    if (i > start) plain(text.substr(start, i - start));
    replace(kXmlReplacements[kind]);
    i += length - 1;
    start = i + 1;
  }
  if (start < text.size()) plain(text.substr(start));
}

inline void appendXmlEscaped(std::string& out, std::string_view text) {
  auto append = [&](std::string_view s) { out.append(s); };
  escapeXml(text, append, append);
}

inline void writeXmlEscaped(std::ostream& out, std::string_view text) {
  auto write = [&](std::string_view s) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
  };
  escapeXml(text, write, write);
}

}  // namespace newsgraph::exporter
