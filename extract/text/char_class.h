#pragma once
// Private to text/: byte and code point classes for the segmenter. ASCII goes through a
// table; other code points through a few fixed cases and utf8proc's general category.

#include <utf8proc.h>

#include <array>
#include <cstdint>

namespace newsgraph::text::detail {

enum class Cls : uint8_t { Space, Word, Punct, Hyphen, Apostrophe };

// Bits of a word character.
enum : uint8_t { kLetterBit = 1, kUpperBit = 2, kLowerBit = 4, kDigitBit = 8 };

struct CharInfo {
  Cls cls;
  uint8_t bits;  // for Word
  uint8_t len;   // bytes
};

struct AsciiTable {
  std::array<CharInfo, 128> info{};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      CharInfo ci{Cls::Punct, 0, 1};
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c < 32 || c == 127)
        ci.cls = Cls::Space;
      else if (c >= 'A' && c <= 'Z') ci = {Cls::Word, kLetterBit | kUpperBit, 1};
      else if (c >= 'a' && c <= 'z') ci = {Cls::Word, kLetterBit | kLowerBit, 1};
      else if (c >= '0' && c <= '9') ci = {Cls::Word, kDigitBit, 1};
      else if (c == '\'') ci.cls = Cls::Apostrophe;
      info[c] = ci;
    }
  }
};
inline constexpr AsciiTable kAscii{};

// Decodes the UTF-8 sequence at p (p < end, *p >= 0x80). An invalid byte decodes as
// U+FFFD of length 1, so the segmenter never stops on bad input.
inline uint32_t decode(const unsigned char* p, const unsigned char* end, uint8_t& len) {
  unsigned char c = *p;
  auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    len = 2;
    return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    len = 3;
    return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
  len = 1;
  return 0xFFFD;
}

inline CharInfo classifyCodePoint(uint32_t cp, uint8_t len) {
  if (cp == 0x2010 || cp == 0x2011) return {Cls::Hyphen, 0, len};  // hyphen, non-breaking hyphen
  if (cp == 0x2019) return {Cls::Apostrophe, 0, len};              // ’ apostrophe or closing quote
  if (cp == 0xFEFF || cp == 0x200B) return {Cls::Space, 0, len};   // BOM, zero-width space
  switch (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return {Cls::Space, 0, len};
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
      return {Cls::Punct, 0, len};
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
      return {Cls::Word, kLetterBit | kUpperBit, len};
    case UTF8PROC_CATEGORY_LL:
      return {Cls::Word, kLetterBit | kLowerBit, len};
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return {Cls::Word, kLetterBit, len};
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return {Cls::Word, kDigitBit, len};
    default:  // marks, format characters (soft hyphen, ZWJ), unassigned: part of the word
      return {Cls::Word, 0, len};
  }
}

inline CharInfo classify(const unsigned char* p, const unsigned char* end) {
  if (*p < 0x80) return kAscii.info[*p];
  uint8_t len;
  uint32_t cp = decode(p, end, len);
  if (len == 1) return {Cls::Word, 0, 1};  // invalid byte: part of the word it is in
  return classifyCodePoint(cp, len);
}

}  // namespace newsgraph::text::detail
