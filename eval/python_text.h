#pragma once
// Python's str semantics that score_graphml.py relies on, for UTF-8 strings (private to eval/).

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::eval {

// str.isspace(): the characters `\s` matches and str.strip() removes.
bool isPythonSpace(char32_t c);
// str.strip() with no argument.
std::string_view stripPython(std::string_view text);
// Decodes/encodes UTF-8; decoding throws Error (where = `where`) on invalid bytes.
std::u32string decodeUtf8(std::string_view text, const std::string& where);
std::string encodeUtf8(std::u32string_view text);
// str.lower(): full lower-case mapping, with U+0130 and the final-sigma rule.
std::u32string lowerPython(std::u32string_view text);
// os.path.basename() on a POSIX path.
std::string_view basename(std::string_view path);

}  // namespace newsgraph::eval
