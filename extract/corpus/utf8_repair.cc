#include <algorithm>
#include <cstring>

#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

// Length of the valid UTF-8 sequence at p (1..4), or 0 when it is invalid (overlong forms,
// surrogates and code points past U+10FFFF included).
size_t validSequence(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::vector<int> repairUtf8(std::string& text) {
  std::vector<int> lines;
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  const unsigned char* p = begin;
  // Fast path: most documents are valid; nothing is copied for them.
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    size_t n = validSequence(p, end);
    if (n == 0) break;
    p += n;
  }
  if (p == end) return lines;

  std::string out;
  out.reserve(text.size() + 16);
  out.append(text.data(), static_cast<size_t>(p - begin));
  int line = 1;
  const unsigned char* counted = begin;  // newlines before `counted` are in `line`
  auto lineAt = [&](const unsigned char* q) {
    line += static_cast<int>(std::count(counted, q, '\n'));
    counted = q;
    return line;
  };
  while (p < end) {
    if (*p < 0x80) {
      out.push_back(static_cast<char>(*p++));
      continue;
    }
    size_t n = validSequence(p, end);
    if (n) {
      out.append(reinterpret_cast<const char*>(p), n);
      p += n;
      continue;
    }
    int l = lineAt(p);
    if (lines.empty() || lines.back() != l) lines.push_back(l);
    out += "\xEF\xBF\xBD";
    // A truncated sequence is one error: skip its lead byte and any continuation bytes.
    ++p;
    while (p < end && (*p & 0xC0) == 0x80) ++p;
  }
  text.swap(out);
  return lines;
}

}  // namespace newsgraph::corpus
