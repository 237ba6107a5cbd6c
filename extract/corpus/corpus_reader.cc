#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "extract/corpus/byte_source.h"
#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxUtf8Reports = 10;  // per input; a binary-ish file would flood the log

enum class Kind { Text, Jsonl, Json, Unknown };

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string stripGz(std::string name) {
  if (endsWith(lowerAscii(name), ".gz")) name.resize(name.size() - 3);
  return name;
}

Kind kindOf(const std::string& path) {
  std::string name = lowerAscii(stripGz(fs::path(path).filename().string()));
  if (endsWith(name, ".jsonl") || endsWith(name, ".ndjson")) return Kind::Jsonl;
  if (endsWith(name, ".json")) return Kind::Json;
  if (endsWith(name, ".txt") || endsWith(name, ".text")) return Kind::Text;
  return Kind::Unknown;
}

// "a/b/000_x.txt.gz" -> "000_x.txt": compressed and plain copies of a corpus share ids.
std::string documentId(const std::string& path) { return stripGz(fs::path(path).filename().string()); }

// A file to read and the id of its document: the path relative to the input argument.
struct InputFile {
  std::string path, id;
};

std::string utf8Field(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

void stripBom(std::string& text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
}

constexpr size_t kSniffBytes = 4096;  // read before deciding that an input is binary or UTF-16

std::string mebibytes(size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

// A byte order mark, or ASCII text with every other byte NUL.
bool looksUtf16(std::string_view head) {
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return true;
  size_t pairs = std::min<size_t>(head.size() / 2, 256), evenNul = 0, oddNul = 0;
  for (size_t i = 0; i < pairs; ++i) {
    evenNul += head[2 * i] == '\0';
    oddNul += head[2 * i + 1] == '\0';
  }
  return pairs >= 2 && ((oddNul * 4 >= pairs * 3 && evenNul == 0) || (evenNul * 4 >= pairs * 3 && oddNul == 0));
}

class InputReader {
 public:
  InputReader(const DocumentSink& onDocument, const ProblemSink& onProblem,
              const ReadOptions& options, bool& warnedAmbiguous)
      : onDocument_(onDocument), onProblem_(onProblem), options_(options),
        limits_(options.limits), warnedAmbiguous_(warnedAmbiguous) {}

  void read(BufferedReader& in, const std::string& source, const std::string& id, Kind kind) {
    std::string_view head = in.peek(kSniffBytes);
    if (looksUtf16(head))
      return problem(source, "UTF-16 text, skipped (newsgraph reads UTF-8); convert it with: iconv -f UTF-16 -t UTF-8 '" +
                                 source + "' > '" + stripGz(source) + ".utf8" + "'");
    if (kind == Kind::Unknown) {
      int c = in.peekNonSpace(limits_.maxLineBytes);
      kind = c == '{' ? Kind::Jsonl : Kind::Text;
    }
    // A JSONL file reports its lines with NUL bytes one by one.
    if (kind != Kind::Jsonl && std::memchr(head.data(), '\0', head.size()))
      return problem(source, "binary file (NUL bytes), skipped");
    switch (kind) {
      case Kind::Jsonl: readJsonl(in, source, id); break;
      case Kind::Json: readJson(in, source, id); break;
      default: readText(in, source, id); break;
    }
  }

 private:
  void problem(const std::string& where, const std::string& message) {
    onProblem_(Error(message, where, __FILE__, __LINE__));
  }

  // Repairs invalid UTF-8 and reports each line that held it; `firstLine` is the line of
  // `text` in its file.
  void repair(std::string& text, const std::string& source, int firstLine) {
    for (int line : repairUtf8(text)) {
      if (utf8Reports_++ >= kMaxUtf8Reports) continue;
      problem(source + ":" + std::to_string(firstLine + line - 1), std::string(kRepairedUtf8));
    }
  }

  void tooLarge(const std::string& where, const char* what, size_t limit, const char* option) {
    problem(where, std::string(what) + " larger than " + mebibytes(limit) + " (" + option + "), skipped");
  }

  void readText(BufferedReader& in, const std::string& source, const std::string& id) {
    Document doc;
    if (!in.readAll(doc.text, limits_.maxDocumentBytes))
      return tooLarge(source, "document", limits_.maxDocumentBytes, "--max-document-mb");
    stripBom(doc.text);
    if (std::memchr(doc.text.data(), '\0', doc.text.size()))
      return problem(source, "binary file (NUL bytes), skipped");
    repair(doc.text, source, 1);
    if (blank(doc.text)) return problem(source, "empty document, skipped");
    blankControlCharacters(doc.text);
    doc.id = safeDocumentId(id);
    doc.date = findDocumentDate(doc.text);
    doc.source = source;
    onDocument_(std::move(doc));
  }

  void readJsonl(BufferedReader& in, const std::string& source, const std::string& id) {
    std::string line;
    bool any = false;
    while (in.readLine(line, limits_.maxLineBytes)) {
      std::string where = source + ":" + std::to_string(in.lineNumber());
      any = any || in.lastLineTooLong();
      if (in.lastLineTooLong()) {
        tooLarge(where, "JSONL line", limits_.maxLineBytes, "--max-line-mb");
        continue;
      }
      if (blank(line)) continue;
      any = true;
      if (std::memchr(line.data(), '\0', line.size())) {
        problem(where, "binary data (NUL bytes) in JSONL record, skipped");
        continue;
      }
      repair(line, source, in.lineNumber());
      try {
        // A fresh document per line: a reused one keeps every record's values in its pool.
        rapidjson::Document json;
        json.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());  // no recursion
        if (json.HasParseError()) {
          problem(where, std::string("malformed JSONL record: ") +
                             rapidjson::GetParseError_En(json.GetParseError()) + " (column " +
                             std::to_string(json.GetErrorOffset() + 1) + ")");
          continue;
        }
        record(json, where, id + ":" + std::to_string(in.lineNumber()));
      } catch (const std::bad_alloc&) {
        problem(where, "out of memory reading this JSONL record, skipped");
      }
    }
    if (!any) problem(source, "empty document, skipped");
  }

  // A .json file: one record, an array of records, or JSONL under another name.
  void readJson(BufferedReader& in, const std::string& source, const std::string& id) {
    std::string text;
    if (!in.readAll(text, limits_.maxLineBytes))
      return tooLarge(source, "JSON file", limits_.maxLineBytes, "--max-line-mb");
    stripBom(text);
    if (blank(text)) return problem(source, "empty document, skipped");
    if (std::memchr(text.data(), '\0', text.size()))
      return problem(source, "binary file (NUL bytes), skipped");
    repair(text, source, 1);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
    if (doc.HasParseError()) {
      if (doc.GetParseError() == rapidjson::kParseErrorDocumentRootNotSingular) {
        std::istringstream lines(text);
        BufferedReader jsonl(istreamSource(lines, source), source);
        return readJsonl(jsonl, source, id);
      }
      return problem(source + ":" + std::to_string(lineOfOffset(text, doc.GetErrorOffset())),
                     std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsArray()) return record(doc, source, id);
    for (rapidjson::SizeType i = 0; i < doc.Size(); ++i)
      record(doc[i], source + "#" + std::to_string(i + 1), id + "#" + std::to_string(i + 1));
  }

  static const rapidjson::Value* stringMember(const rapidjson::Value& v, const char* name) {
    auto it = v.FindMember(name);
    return it != v.MemberEnd() && it->value.IsString() ? &it->value : nullptr;
  }

  void record(const rapidjson::Value& v, const std::string& where, const std::string& defaultId) {
    if (!v.IsObject()) return problem(where, "malformed JSONL record: expected an object");
    const rapidjson::Value* text = nullptr;
    for (const char* field : {"text", "body", "content"})
      if ((text = stringMember(v, field))) break;
    const rapidjson::Value* title = stringMember(v, "title");
    std::string_view body = text ? std::string_view(text->GetString(), text->GetStringLength()) : "";
    std::string_view head = title ? std::string_view(title->GetString(), title->GetStringLength()) : "";
    if (blank(body)) return problem(where, "record without text, skipped");
    if (body.size() + head.size() > limits_.maxDocumentBytes)
      return tooLarge(where, "document", limits_.maxDocumentBytes, "--max-document-mb");
    Document doc;
    if (!blank(head) && body.substr(0, head.size()) != head) {
      doc.text.reserve(head.size() + 1 + body.size());
      doc.text.append(head).append("\n");
    }
    doc.text.append(body);
    blankControlCharacters(doc.text);
    auto id = v.FindMember("id");
    if (id != v.MemberEnd() && id->value.IsString() && id->value.GetStringLength() > 0)
      doc.id.assign(id->value.GetString(), id->value.GetStringLength());
    else if (id != v.MemberEnd() && id->value.IsInt64())
      doc.id = std::to_string(id->value.GetInt64());
    else if (id != v.MemberEnd() && id->value.IsUint64())
      doc.id = std::to_string(id->value.GetUint64());
    else
      doc.id = defaultId;
    doc.id = safeDocumentId(std::move(doc.id));
    if (const rapidjson::Value* date = dateMember(v)) {
      doc.date = recordDate(*date, where);
    } else {
      doc.date = findDocumentDate(doc.text);
    }
    doc.source = where;
    onDocument_(std::move(doc));
  }

  // The date field of a record (null counts as absent), or nullptr.
  const rapidjson::Value* dateMember(const rapidjson::Value& v) const {
    auto present = [&](const char* name) -> const rapidjson::Value* {
      auto it = v.FindMember(name);
      return it != v.MemberEnd() && !it->value.IsNull() ? &it->value : nullptr;
    };
    if (!options_.dateField.empty()) return present(options_.dateField.c_str());
    for (const char* field : {"date", "published", "published_at"})
      if (const rapidjson::Value* date = present(field)) return date;
    return nullptr;
  }

  std::string recordDate(const rapidjson::Value& value, const std::string& where) {
    std::string date;
    bool ambiguous = false;
    if (value.IsString()) {
      date = normalizeDate(utf8Field(value), options_.dateOrder, &ambiguous);
    } else if (value.IsInt64() || value.IsUint64()) {  // 19870226 or epoch seconds
      date = normalizeDate(value.IsInt64() ? std::to_string(value.GetInt64())
                                           : std::to_string(value.GetUint64()));
    } else if (value.IsNumber()) {
      date = dateOfEpochSeconds(value.GetDouble());
    }
    if (date.empty()) {
      problem(where, std::string(kUnreadableDate));
    } else if (ambiguous && options_.dateOrder == DateOrder::Unspecified && !warnedAmbiguous_) {
      warnedAmbiguous_ = true;
      problem(where, std::string(kAmbiguousDate));
    }
    return date;
  }

  const DocumentSink& onDocument_;
  const ProblemSink& onProblem_;
  const ReadOptions& options_;
  const ReadLimits& limits_;
  bool& warnedAmbiguous_;
  rapidjson::Document json_;
  size_t utf8Reports_ = 0;
};

std::vector<InputFile> expand(const std::vector<std::string>& inputs, const ProblemSink& onProblem) {
  std::vector<InputFile> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.push_back({input, "stdin"});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      onProblem(Error("no such file or directory", input, __FILE__, __LINE__));
      continue;
    }
    if (!fs::is_directory(status)) {
      out.push_back({input, documentId(input)});  // an explicitly named file is always read
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      std::string name = path.filename().string();
      if (!name.empty() && name[0] == '.') {  // hidden files and folders (.git, .DS_Store)
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code linkError;  // a dangling link is not a reason to stop listing
      if (it->is_symlink(linkError) && fs::is_directory(path, linkError)) {
        onProblem(Error("a symbolic link to a folder is not followed; name the folder itself to "
                        "read it", path.generic_string(), __FILE__, __LINE__));
        continue;
      }
      if (it->is_regular_file(ec) && kindOf(name) != Kind::Unknown) {
        // Below the input folder, so nested folders with equal file names never collide.
        fs::path relative = path.lexically_relative(input).parent_path() / documentId(name);
        found.push_back({path.generic_string(), relative.generic_string()});
      }
    }
    if (ec) onProblem(Error(std::string("cannot list directory: ") + ec.message(), input, __FILE__, __LINE__));
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace

CorpusReader::CorpusReader(std::vector<std::string> inputs, ReadOptions options,
                           const std::atomic<bool>* stop)
    : inputs_(std::move(inputs)), options_(std::move(options)), stop_(stop) {}

std::vector<std::string> CorpusReader::files(const ProblemSink& onProblem) const {
  std::vector<std::string> out;
  for (InputFile& file : expand(inputs_, onProblem)) out.push_back(std::move(file.path));
  return out;
}

void CorpusReader::read(const DocumentSink& onDocument, const ProblemSink& onProblem) const {
  bool warnedAmbiguous = false;
  std::unordered_map<std::string, std::string> sourceOf;  // id -> where it was first read
  DocumentSink unique = [&](Document&& doc) {
    auto [it, added] = sourceOf.emplace(doc.id, doc.source);
    if (!added)
      return onProblem(Error("document id '" + doc.id + "' is also the id of " + it->second +
                                 "; this one is skipped (rename one, or give the folders as "
                                 "one input so that the ids keep their subfolders)",
                             doc.source, __FILE__, __LINE__));
    onDocument(std::move(doc));
  };
  for (const InputFile& file : expand(inputs_, onProblem)) {
    try {
      InputReader reader(unique, onProblem, options_, warnedAmbiguous);
      if (file.path == "-") {
        BufferedReader in(istreamSource(std::cin, file.path), file.path);
        reader.read(in, file.path, file.id, Kind::Unknown);
      } else {
        BufferedReader in(openFileSource(file.path, stop_), file.path);
        reader.read(in, file.path, file.id, kindOf(file.path));
      }
    } catch (const Error& e) {
      onProblem(e);
    } catch (const std::bad_alloc&) {
      onProblem(Error("out of memory reading this input, skipped", file.path, __FILE__, __LINE__));
    }
  }
}

void readStream(std::istream& in, const std::string& name, const DocumentSink& onDocument,
                const ProblemSink& onProblem, const ReadOptions& options) {
  try {
    bool warnedAmbiguous = false;
    InputReader reader(onDocument, onProblem, options, warnedAmbiguous);
    BufferedReader buffered(istreamSource(in, name), name);
    std::string id = name == "-" ? "stdin" : documentId(name);
    reader.read(buffered, name, id, name == "-" ? Kind::Unknown : kindOf(name));
  } catch (const Error& e) {
    onProblem(e);
  } catch (const std::bad_alloc&) {
    onProblem(Error("out of memory reading this input, skipped", name, __FILE__, __LINE__));
  }
}

}  // namespace newsgraph::corpus
