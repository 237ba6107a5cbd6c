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

std::string safeDocumentId(std::string id) {
  repairUtf8(id);
  auto control = [](unsigned char c, unsigned char next) {
    return c < 0x20 || c == 0x7F || (c == 0xC2 && next >= 0x80 && next <= 0x9F);
  };
  auto at = [&](size_t i) { return i < id.size() ? static_cast<unsigned char>(id[i]) : 0; };
  size_t i = 0;
  while (i < id.size() && !control(at(i), at(i + 1))) ++i;
  if (i == id.size()) return id;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = id.substr(0, i);
  for (; i < id.size(); ++i) {
    unsigned char c = at(i);
    if (!control(c, at(i + 1))) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c == 0xC2) c = at(++i);  // a C1 control: its code point is the second byte
    out.append("\\x").push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

void blankControlCharacters(std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') text[i] = ' ';
    } else if (c == 0x7F) {
      text[i] = ' ';
    } else if (c == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) text.replace(i, 2, "  ");
    } else if (c == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      text[i + 2] = '\xBD';
    }
  }
}

}  // namespace newsgraph::corpus
