#include "core/core.h"

#include <utf8proc.h>

#include <array>
#include <fstream>
#include <sstream>

namespace newsgraph {

Error::Error(std::string message, std::string where, const char* file, int line)
    : std::runtime_error(where.empty() ? message : where + ": " + message),
      message_(std::move(message)),
      where_(std::move(where)) {
  std::string_view path(file);
  // Keep the repository-relative part of __FILE__.
  std::string_view root = NEWSGRAPH_SOURCE_ROOT "/";
  if (path.substr(0, root.size()) == root) path.remove_prefix(root.size());
  source_ = std::string(path) + ":" + std::to_string(line);
}

std::string Error::oneLine() const {
  std::string out = where_.empty() ? message_ : where_ + ": " + message_;
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out + " [" + source_ + "]";
}

namespace {
constexpr std::array<std::string_view, kEntityTypeCount> kTypeNames = {"PERSON", "ORG", "GPE",
                                                                        "LOC",    "EVENT", "FAC"};
constexpr std::array<std::string_view, kModalityCount> kModalityNames = {
    "asserted", "planned", "hypothetical", "demanded", "threatened"};
std::string& dataDirStorage() {
  static std::string dir = NEWSGRAPH_DATA_DIR;
  return dir;
}
}  // namespace

std::string_view toString(EntityType type) { return kTypeNames[static_cast<size_t>(type)]; }

std::optional<EntityType> parseEntityType(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i)
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

std::string_view toString(Modality modality) {
  return kModalityNames[static_cast<size_t>(modality)];
}

std::optional<Modality> parseModality(std::string_view name) {
  for (size_t i = 0; i < kModalityNames.size(); ++i)
    if (kModalityNames[i] == name) return static_cast<Modality>(i);
  return std::nullopt;
}

const std::string& dataDir() { return dataDirStorage(); }
void setDataDir(std::string dir) { dataDirStorage() = std::move(dir); }

std::string foldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pendingSpace = false;
  auto emit = [&](utf8proc_int32_t cp) {
    if (cp == ' ') {
      pendingSpace = !out.empty();
      return;
    }
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(name.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: drop it
      ++p;
      --left;
      continue;
    }
    p += n;
    left -= n;
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') cp += 32;
      if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
      emit(cp);
      continue;
    }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032) {
      emit('\'');
      continue;
    }
    if (cp >= 0x2010 && cp <= 0x2015) {
      emit('-');
      continue;
    }
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    if (prop->category == UTF8PROC_CATEGORY_ZS) {
      emit(' ');
      continue;
    }
    utf8proc_int32_t decomposed[8];
    int last = 0;
    utf8proc_ssize_t count =
        utf8proc_decompose_char(cp, decomposed, 8,
                                static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &last);
    if (count <= 0) count = 0;
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
      const utf8proc_property_t* dp = utf8proc_get_property(decomposed[i]);
      if (dp->category == UTF8PROC_CATEGORY_MN) continue;  // accents
      emit(utf8proc_tolower(decomposed[i]));
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  NG_CHECK(in, path, "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  NG_CHECK(!in.bad(), path, "read error");
  return buffer.str();
}

int lineOfOffset(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

}  // namespace newsgraph
