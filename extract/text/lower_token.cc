#include <utf8proc.h>

#include "extract/text/char_class.h"
#include "extract/text/text.h"

namespace newsgraph::text {

std::string lowerToken(std::string_view token) {
  std::string out;
  lowerToken(token, &out);
  return out;
}

void lowerToken(std::string_view token, std::string* result) {
  std::string& out = *result;
  out.clear();
  out.reserve(token.size());
  const auto* p = reinterpret_cast<const unsigned char*>(token.data());
  const auto* end = p + token.size();
  while (p < end) {
    if (*p < 0x80) {
      char c = static_cast<char>(*p++);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    uint8_t len;
    uint32_t cp = detail::decode(p, end, len);
    if (len == 1) {  // invalid byte: keep it as it is
      out.push_back(static_cast<char>(*p++));
      continue;
    }
    p += len;
    if (cp == 0x2018 || cp == 0x2019) {
      out.push_back('\'');
      continue;
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
}

}  // namespace newsgraph::text
