#include "eval/python_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <iterator>

#include "core/core.h"

namespace newsgraph::eval {
namespace {

bool isCased(char32_t c) {
  auto cp = static_cast<utf8proc_int32_t>(c);
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
         cat == UTF8PROC_CATEGORY_LT || utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) != cp;
}

// Case_Ignorable: marks, format characters, modifiers and the word-internal punctuation.
bool isCaseIgnorable(char32_t c) {
  constexpr char32_t kPunctuation[] = {U'\'',  U'.',   U':',   U'^',   U'`',
                                       0xB7,   0x2018, 0x2019, 0x2024, 0x2027,
                                       0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E};
  if (std::find(std::begin(kPunctuation), std::end(kPunctuation), c) != std::end(kPunctuation))
    return true;
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
         cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_SK;
}

// "ΟΔΟΣ".lower() == "οδος": a capital sigma after a cased letter and not before one.
bool isFinalSigma(std::u32string_view text, size_t i) {
  size_t j = i;
  while (j > 0 && isCaseIgnorable(text[j - 1])) --j;
  if (j == 0 || !isCased(text[j - 1])) return false;
  size_t k = i + 1;
  while (k < text.size() && isCaseIgnorable(text[k])) ++k;
  return k == text.size() || !isCased(text[k]);
}

}  // namespace

bool isPythonSpace(char32_t c) {
  constexpr char32_t kSpaces[] = {0x09, 0x0A, 0x0B, 0x0C,   0x0D,   0x1C,   0x1D,   0x1E,   0x1F,
                                  0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  return (c >= 0x2000 && c <= 0x200A) ||
         std::find(std::begin(kSpaces), std::end(kSpaces), c) != std::end(kSpaces);
}

std::string_view stripPython(std::string_view text) {
  auto spaceAt = [&](size_t i, size_t* length) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                         static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    *length = n > 0 ? static_cast<size_t>(n) : 1;
    return n > 0 && isPythonSpace(static_cast<char32_t>(cp));
  };
  size_t begin = 0, length = 0;
  while (begin < text.size() && spaceAt(begin, &length)) begin += length;
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;  // back to the first byte of the last character
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!spaceAt(start, &length) || start + length != end) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::u32string decodeUtf8(std::string_view text, const std::string& where) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    NG_CHECK(n > 0, where, "invalid UTF-8 in '" + std::string(text) + "'");
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  utf8proc_uint8_t buffer[4];
  for (char32_t c : text) {
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }
  return out;
}

std::u32string lowerPython(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c == 0x130) {  // "İ".lower() == "i̇"
      out += U"i\u0307";
    } else if (c == 0x3A3) {
      out.push_back(isFinalSigma(text, i) ? 0x3C2 : 0x3C3);
    } else {
      out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    }
  }
  return out;
}

std::string_view basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace newsgraph::eval
