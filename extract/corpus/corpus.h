#pragma once
// Reads news articles: files, directories (recursive, sorted by path), JSONL
// ({"id":..,"date":..,"text":..} per line), gzip-compressed files and stdin ("-").
// Each document is handed to a callback as soon as it is read, so memory does not
// grow with the corpus.
//
//   CorpusReader reader({"../shared/corpus/seeds"});
//   reader.read([](Document&& doc) { process(doc); },
//               [](const Error& e) { spdlog::warn("{}", e.oneLine()); });

#include <atomic>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace newsgraph::corpus {

struct Document {
  // The file's path relative to the input argument it came from ("a.txt" for a file named
  // directly or lying in the folder given, "day1/a.txt" below it), or the JSONL "id".
  std::string id;
  std::string date;    // ISO "YYYY-MM-DD", or "" when unknown
  std::string text;    // valid UTF-8 (invalid bytes replaced by U+FFFD)
  std::string source;  // path the document came from ("-" for stdin), plus ":line" for JSONL
};

using DocumentSink = std::function<void(Document&&)>;
// Called for a problem with one document or input (file:line in Error::where()); reading goes on.
using ProblemSink = std::function<void(const Error&)>;

// The one problem after which the document is still delivered: its invalid UTF-8 was
// replaced by U+FFFD. Every other problem drops the document or input it names.
inline constexpr std::string_view kRepairedUtf8 = "invalid UTF-8 replaced by U+FFFD";
inline bool isRepair(const Error& problem) { return problem.message() == kRepairedUtf8; }
// Warnings after which the document is delivered too, undated or with a guessed day/month
// order; `where` names the file and line.
inline constexpr std::string_view kUnreadableDate =
    "date not understood; the document stays undated";
inline constexpr std::string_view kAmbiguousDate =
    "ambiguous day/month in dates such as this one, read as day/month; use --date-order dmy "
    "or mdy (warned once)";
inline bool isDateWarning(const Error& problem) {
  return problem.message() == kUnreadableDate || problem.message() == kAmbiguousDate;
}

// Which number comes first in a date such as 03/04/1987 when both could be the month.
enum class DateOrder { Unspecified, DayFirst, MonthFirst };  // Unspecified: day first, warned

// Bounds on what one input may make the reader hold in memory (`build --max-document-mb`,
// `--max-line-mb`). A larger document or JSONL line is skipped with a problem naming its file
// and line, and the rest of the input is still read. Gzip data that inflates more than 200
// times its size is reported and not read further (see byte_source.h).
struct ReadLimits {
  size_t maxDocumentBytes = size_t{16} << 20;  // the text of one document
  size_t maxLineBytes = size_t{32} << 20;      // one JSONL line, or a whole .json file
};

struct ReadOptions {
  // The record field holding the date; "" for the first of "date", "published",
  // "published_at". A field that is present but not understood leaves the document undated
  // (a warning), never dated from its text.
  std::string dateField;
  DateOrder dateOrder = DateOrder::Unspecified;
  ReadLimits limits;
};


// Ids and texts never hold control characters raw: the store, the exporters and a terminal
// would read them as separators or commands. In an id each C0/C1 control and DEL becomes
// "\xHH" (invalid UTF-8 is repaired first); `source` keeps the original bytes.
std::string safeDocumentId(std::string id);
// In a text each control character other than tab, newline and carriage return becomes a
// space of the same byte length, and U+FFFE/U+FFFF (not characters; XML forbids them)
// become U+FFFD, so byte offsets do not move. Expects valid UTF-8.
void blankControlCharacters(std::string& text);

class CorpusReader {
 public:
  // Reading a named pipe with no writer yet stops when *stop turns true (Ctrl-C).
  explicit CorpusReader(std::vector<std::string> inputs, ReadOptions options = {},
                        const std::atomic<bool>* stop = nullptr);
  // Reads every input in order. Missing inputs, unreadable files, malformed JSONL lines and
  // invalid UTF-8 are reported through onProblem; the other documents are still delivered.
  // Two documents with the same id are an error naming both sources; the second is dropped.
  void read(const DocumentSink& onDocument, const ProblemSink& onProblem) const;
  // The files the inputs expand to, in reading order (directories walked, sorted).
  std::vector<std::string> files(const ProblemSink& onProblem) const;

 private:
  std::vector<std::string> inputs_;
  ReadOptions options_;
  const std::atomic<bool>* stop_;
};

// Reads one stream such as stdin: JSONL when its first non-space byte is '{', else one text
// document; gzip data is decompressed. `name` is the source ("-" for stdin); a text document
// read this way gets the id "stdin" when name is "-", else the file name part of `name`.
void readStream(std::istream& in, const std::string& name, const DocumentSink& onDocument,
                const ProblemSink& onProblem, const ReadOptions& options = {});

// Date of an article: a header line " date 2023-09-29", else the first dateline or byline
// date in the first lines ("September 29, 2023", "29 September 2023", "2024-10-04"); dates
// in sentences of the body are events, never taken. Returns "" when none is found.
std::string findDocumentDate(std::string_view text);

// ISO date of a date value such as a JSONL "date" field: ISO 8601 ("2023-09-29",
// "2023-09-29T10:00:00+02:00"), RFC 2822 ("Fri, 29 Sep 2023 10:00:00 GMT"), Reuters-21578
// ("26-FEB-1987 15:01:01.79"), "Sep 29, 2023", "29 September 2023", "20230929", epoch
// seconds or milliseconds, "29/09/2023" and "09/29/2023" (ORDER decides when both numbers
// could be the month, and *ambiguous is set then). The calendar date as written, no time
// zone conversion. "" when it holds no full date.
std::string normalizeDate(std::string_view value, DateOrder order = DateOrder::Unspecified,
                          bool* ambiguous = nullptr);
// The UTC calendar date of a Unix time in seconds; "" outside 1900..2099.
std::string dateOfEpochSeconds(double seconds);

// Replaces invalid UTF-8 sequences with U+FFFD. Returns the 1-based line numbers that held
// invalid bytes (empty when the text was valid).
std::vector<int> repairUtf8(std::string& text);

}  // namespace newsgraph::corpus
