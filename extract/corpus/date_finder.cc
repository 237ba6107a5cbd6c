#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

constexpr int kMaxDateLines = 15;       // non-blank lines searched for a dateline or byline
constexpr size_t kMaxDatelineBytes = 120;  // longer lines are sentences, whose dates are events
constexpr size_t kMaxScanBytes = 240;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// 1..12 for an English month name or its usual abbreviation, else 0.
int monthOf(std::string_view word) {
  static const std::array<std::string_view, 12> full = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (iequals(word, full[m])) return m + 1;
    if (word.size() == 3 && iequals(word, full[m].substr(0, 3))) return m + 1;
  }
  if (iequals(word, "sept")) return 9;
  return 0;
}

bool validDate(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
         !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A word or a number of a line, with what separates it from the previous piece.
struct Piece {
  std::string_view text;
  bool number = false;
  std::string_view gap;  // the bytes between the previous piece and this one
};

std::vector<Piece> pieces(std::string_view line) {
  std::vector<Piece> out;
  size_t i = 0, prevEnd = 0;
  while (i < line.size()) {
    char c = line[i];
    if (!isDigit(c) && !isAlpha(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    bool number = isDigit(c);
    while (i < line.size() && (number ? isDigit(line[i]) : isAlpha(line[i]))) ++i;
    out.push_back({line.substr(start, i - start), number, line.substr(prevEnd, start - prevEnd)});
    prevEnd = i;
  }
  return out;
}

int toInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool isOrdinalSuffix(std::string_view w) {
  return iequals(w, "st") || iequals(w, "nd") || iequals(w, "rd") || iequals(w, "th");
}

// Separator that may stand between the parts of a written date: spaces, "," or "." only.
bool softGap(std::string_view gap) {
  if (gap.empty() || gap.size() > 3) return false;
  for (char c : gap)
    if (c != ' ' && c != ',' && c != '.') return false;
  return true;
}

int yearOf(const Piece& p, bool allowTwoDigits) {
  if (!p.number) return -1;
  if (p.text.size() == 4) return toInt(p.text);
  if (p.text.size() == 2 && allowTwoDigits) return 2000 + toInt(p.text);
  return -1;
}

// First date written in the line: 2023-09-29, 2023/09/29, "September 29, 2023",
// "Sept. 29th 2023", "29 September 2023", "29th of September, 2023" ("10 March 23" only when
// `twoDigitYears`, i.e. on a "Published"/"Updated" line).
std::string dateInLine(std::string_view line, bool twoDigitYears) {
  std::vector<Piece> ps = pieces(line);
  for (size_t i = 0; i < ps.size(); ++i) {
    const Piece& p = ps[i];
    if (p.number && p.text.size() == 4 && i + 2 < ps.size() && ps[i + 1].number &&
        ps[i + 2].number && ps[i + 1].text.size() <= 2 && ps[i + 2].text.size() <= 2) {
      std::string_view g1 = ps[i + 1].gap, g2 = ps[i + 2].gap;
      if ((g1 == "-" && g2 == "-") || (g1 == "/" && g2 == "/")) {
        int y = toInt(p.text), m = toInt(ps[i + 1].text), d = toInt(ps[i + 2].text);
        if (validDate(y, m, d)) return iso(y, m, d);
      }
    }
    if (!p.number) {
      int m = monthOf(p.text);
      if (m == 0 || i + 2 >= ps.size()) continue;
      size_t j = i + 1;  // Month Day[th][,] Year
      if (!ps[j].number || ps[j].text.size() > 2 || !softGap(ps[j].gap)) continue;
      int d = toInt(ps[j].text);
      ++j;
      if (j < ps.size() && !ps[j].number && isOrdinalSuffix(ps[j].text) && ps[j].gap.empty()) ++j;
      if (j < ps.size() && softGap(ps[j].gap)) {
        int y = yearOf(ps[j], false);
        if (validDate(y, m, d)) return iso(y, m, d);
      }
      continue;
    }
    if (p.text.size() > 2) continue;
    size_t j = i + 1;  // Day[th] [of] Month[.][,] Year
    if (j < ps.size() && !ps[j].number && isOrdinalSuffix(ps[j].text) && ps[j].gap.empty()) ++j;
    if (j < ps.size() && iequals(ps[j].text, "of")) ++j;
    if (j + 1 >= ps.size() || !softGap(ps[j].gap) || !softGap(ps[j + 1].gap)) continue;
    int m = monthOf(ps[j].text);
    int y = yearOf(ps[j + 1], twoDigitYears);
    int d = toInt(p.text);
    if (m && validDate(y, m, d)) return iso(y, m, d);
  }
  return "";
}

// One pass over the line: only a word start whose first letter begins a keyword is compared.
bool isDateKeywordLine(std::string_view line) {
  static constexpr std::string_view kKeywords[] = {"published", "updated", "posted", "date"};
  for (size_t i = 0; i < line.size(); ++i) {
    char c = lower(line[i]);
    if ((c != 'p' && c != 'u' && c != 'd') || (i > 0 && isAlpha(line[i - 1]))) continue;
    for (std::string_view word : kKeywords)
      if (word[0] == c && i + word.size() <= line.size() && iequals(line.substr(i, word.size()), word))
        return true;
  }
  return false;
}

// "The 10 pct bonds mature on June 1, 2017." is a sentence of the body, whose dates are
// events; datelines and bylines do not end like sentences of several words.
bool isSentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')'))
    line.remove_suffix(1);
  if (line.empty() || (line.back() != '.' && line.back() != '!' && line.back() != '?'))
    return false;
  int words = 0;
  for (const Piece& p : pieces(line)) words += !p.number;
  return words >= 5;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string findDocumentDate(std::string_view text) {
  size_t pos = 0;
  int seen = 0;
  bool first = true;
  while (pos < text.size() && seen < kMaxDateLines) {
    size_t nl = text.find('\n', pos);
    std::string_view line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (first) {  // metadata header written by crawlers: " date 2023-09-29 ..."
      first = false;
      if (line.size() >= 15 && iequals(line.substr(0, 5), "date ")) {
        std::string found = dateInLine(trim(line.substr(5)).substr(0, 10), false);
        if (!found.empty()) return found;
      }
    }
    if (line.empty()) continue;
    ++seen;
    bool keyword = isDateKeywordLine(line.substr(0, kMaxScanBytes));
    if (!keyword && (line.size() > kMaxDatelineBytes || isSentence(line))) continue;
    std::string found = dateInLine(line.substr(0, kMaxScanBytes), keyword);
    if (!found.empty()) return found;
  }
  return "";
}

namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
std::string isoOfEpochDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return validDate(y, m, d) ? iso(y, m, d) : "";
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!isDigit(c)) return false;
  return true;
}

// The numeric forms at the start of a value: YYYYMMDD, epoch seconds or milliseconds,
// YYYY-MM-DD (ISO 8601, with or without time and zone), DD-MON-YYYY (Reuters-21578),
// DD/MM/YYYY or MM/DD/YYYY (dots and dashes too). "" when the value starts otherwise.
std::string leadingNumericDate(std::string_view value, DateOrder order, bool* ambiguous) {
  if (allDigits(value)) {
    if (value.size() == 8) {
      int y = toInt(value.substr(0, 4)), m = toInt(value.substr(4, 2)), d = toInt(value.substr(6, 2));
      if (validDate(y, m, d)) return iso(y, m, d);
    }
    if (value.size() >= 9 && value.size() <= 10) return isoOfEpochDays(std::stoll(std::string(value)) / 86400);
    if (value.size() >= 12 && value.size() <= 13)
      return isoOfEpochDays(std::stoll(std::string(value)) / 86400000);
    return "";
  }
  std::vector<Piece> ps = pieces(value.substr(0, kMaxScanBytes));
  if (ps.size() < 3 || !ps[0].number || !ps[0].gap.empty()) return "";
  std::string_view g1 = ps[1].gap, g2 = ps[2].gap;
  bool dateSeparators = g1 == g2 && (g1 == "-" || g1 == "/" || g1 == ".");
  if (!dateSeparators || !ps[2].number) return "";
  if (ps[0].text.size() == 4 && ps[1].number) {
    int y = toInt(ps[0].text), m = toInt(ps[1].text), d = toInt(ps[2].text);
    return ps[1].text.size() <= 2 && ps[2].text.size() <= 2 && validDate(y, m, d) ? iso(y, m, d) : "";
  }
  if (ps[0].text.size() > 2 || ps[2].text.size() != 4) return "";
  int y = toInt(ps[2].text), first = toInt(ps[0].text);
  if (!ps[1].number) {  // 26-FEB-1987
    int m = monthOf(ps[1].text);
    return m && validDate(y, m, first) ? iso(y, m, first) : "";
  }
  if (ps[1].text.size() > 2) return "";
  int second = toInt(ps[1].text);
  bool dayFirst = first > 12 || (second <= 12 && order != DateOrder::MonthFirst);
  if (first <= 12 && second <= 12 && first != second && ambiguous) *ambiguous = true;
  int d = dayFirst ? first : second, m = dayFirst ? second : first;
  return validDate(y, m, d) ? iso(y, m, d) : "";
}

}  // namespace

std::string normalizeDate(std::string_view value, DateOrder order, bool* ambiguous) {
  if (ambiguous) *ambiguous = false;
  value = trim(value);
  std::string found = leadingNumericDate(value, order, ambiguous);
  if (!found.empty()) return found;
  // Written forms anywhere in the value: RFC 2822 "Thu, 26 Feb 1987 15:01:01 +0000",
  // "February 26, 1987", "26 February 1987".
  return dateInLine(value.substr(0, kMaxScanBytes), true);
}

std::string dateOfEpochSeconds(double seconds) {
  if (!(seconds > -1e13 && seconds < 1e13)) return "";
  auto whole = static_cast<int64_t>(std::floor(seconds));
  return isoOfEpochDays((whole >= 0 ? whole : whole - 86399) / 86400);
}

}  // namespace newsgraph::corpus
