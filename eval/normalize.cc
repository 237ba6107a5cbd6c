// norm() and split_list() of score_graphml.py.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <utf8proc.h>

#include <algorithm>
#include <memory>

#include "core/core.h"
#include "eval/eval.h"
#include "eval/python_text.h"

namespace newsgraph::eval {
namespace {

std::string nfkc(std::string_view name) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  NG_CHECK(n >= 0, "", "invalid UTF-8 in name '" + std::string(name) + "'");
  std::unique_ptr<utf8proc_uint8_t, decltype(&free)> owner(mapped, &free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
}

// str(v) of a JSON array item: only strings occur in practice; others just must not match.
std::string pythonStr(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsBool()) return v.GetBool() ? "True" : "False";
  if (v.IsNull()) return "None";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return buffer.GetString();
}

}  // namespace

std::string normalizeName(std::string_view name) {
  std::u32string in = decodeUtf8(nfkc(name), "");
  std::u32string s;
  s.reserve(in.size());
  bool pendingSpace = false;
  for (char32_t c : in) {
    if (c == 0x2018 || c == 0x2019) c = U'\'';
    if (c >= 0x2010 && c <= 0x2015) c = U'-';
    if (isPythonSpace(c)) {
      pendingSpace = !s.empty();  // leading spaces vanish, inner runs become one ' '
      continue;
    }
    if (pendingSpace) s.push_back(U' ');
    pendingSpace = false;
    s.push_back(c);
  }
  s = lowerPython(s);
  if (s.compare(0, 4, U"the ") == 0) s.erase(0, 4);
  if (std::count(s.begin(), s.end(), U'.') == 1 && !s.empty() && s.back() == U'.') s.pop_back();
  return encodeUtf8(s);
}

std::vector<std::string> splitList(std::string_view value) {
  std::vector<std::string> items;
  value = stripPython(value);
  if (value.empty()) return items;
  if (value.front() == '[') {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseNanAndInfFlag>(value.data(), value.size());
    if (!doc.HasParseError() && doc.IsArray()) {
      for (const rapidjson::Value& item : doc.GetArray()) items.push_back(pythonStr(item));
      return items;
    }
  }
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find_first_of(";|", start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view item = stripPython(value.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace newsgraph::eval
