#include <algorithm>
#include <cstdint>
#include <cstring>

#include "extract/clean/boilerplate_rules.h"
#include "extract/clean/clean.h"

namespace newsgraph::clean {
namespace {

constexpr size_t kMaxKeyBytes = 64;          // longer lines are never whole-line markers
constexpr size_t kMaxContainsLineBytes = 160;  // line_contains applies to short lines only
constexpr size_t kMaxBylineBytes = 120;
constexpr size_t kMaxHeadlineBytes = 200;
constexpr int kMinHeadlineWords = 3;
constexpr int kMaxHeadlineWords = 25;
constexpr int kMaxLabelWords = 2;  // "Counter-terrorism efforts", "Text Size", "WORLD"
constexpr int kMinHeadlineRun = 3;
constexpr int kMaxListHeadingWords = 4;

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Width of a space at text[i] (ASCII, NBSP, narrow NBSP, BOM), 0 if none. Called per byte
// by countWords, so a plain ASCII byte leaves after one test.
size_t spaceAt(std::string_view t, size_t i) {
  auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return isAsciiSpace(static_cast<char>(c));
  if (c == 0xC2) return i + 1 < t.size() && t[i + 1] == '\xA0' ? 2 : 0;
  if (c != 0xE2 && c != 0xEF) return 0;
  if (t.compare(i, 3, "\xE2\x80\xAF") == 0 || t.compare(i, 3, "\xEF\xBB\xBF") == 0) return 3;
  return 0;
}

void trim(std::string_view t, size_t& b, size_t& e) {
  for (size_t n; b < e && (n = spaceAt(t, b));) b += n;
  while (b < e) {
    if (isAsciiSpace(t[e - 1])) --e;
    else if (e - b >= 2 && t.compare(e - 2, 2, "\xC2\xA0") == 0) e -= 2;
    else if (e - b >= 3 && (t.compare(e - 3, 3, "\xE2\x80\xAF") == 0)) e -= 3;
    else break;
  }
}

// Ends with . ! ? … : ; possibly followed by closing quotes or brackets.
bool endsLikeSentence(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x99" || s.substr(s.size() - 3) == "\xE2\x80\x9D")) {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");
}

int countWords(std::string_view s) {
  int words = 0;
  bool inWord = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = spaceAt(s, i);
    if (n) {
      inWord = false;
      i += n;
      continue;
    }
    if (!inWord) ++words;
    inWord = true;
    ++i;
  }
  return words;
}

bool isQuote(std::string_view s) {
  return startsWith(s, "'") || startsWith(s, "\"") || startsWith(s, "\xE2\x80\x98") ||
         startsWith(s, "\xE2\x80\x9C");
}

// "REUTERS/Tissa Negeri - African Union", "PHOTO/@Presidency", "AFP PHOTO/John Doe".
bool isCreditLine(std::string_view s) {
  size_t i = 0, caps = 0;
  while (i < s.size() && (isUpper(s[i]) || (s[i] == ' ' && caps > 0))) caps += isUpper(s[i++]);
  if (caps < 3 || i >= s.size() || s[i] != '/' || i + 1 >= s.size()) return false;
  char next = s[i + 1];
  return (isUpper(next) || next == '@') && !endsLikeSentence(s);
}

class BodyFinder {
 public:
  BodyFinder(std::string_view text, const BoilerplateRules::Impl& rules)
      : text_(text), rules_(rules), lower_(text) {
    for (char& c : lower_)
      if (isUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }

  std::vector<Span> run() {
    size_t pos = 0;
    bool firstLine = true;
    while (pos < text_.size()) {
      const char* nl = static_cast<const char*>(std::memchr(text_.data() + pos, '\n', text_.size() - pos));
      size_t end = nl ? static_cast<size_t>(nl - text_.data()) : text_.size();
      size_t b = pos, e = end;
      pos = end + 1;
      trim(text_, b, e);
      if (firstLine) {
        firstLine = false;
        skipDateHeader(b, e);
      }
      if (b < e && !ended_) line(b, e);
    }
    dropHeadlineRuns();
    std::vector<Span> body;
    for (const Candidate& c : candidates_)
      if (c.keep) body.push_back({static_cast<uint32_t>(c.begin), static_cast<uint32_t>(c.end)});
    return body;
  }

 private:
  struct Candidate {
    size_t begin, end;
    bool headlineLike, first, keep = true;
  };

  // Crawler metadata on the first line: " date 2023-09-29 " (the rest of the line is content).
  void skipDateHeader(size_t& b, size_t e) {
    std::string_view l = std::string_view(lower_).substr(b, e - b);
    if (l.size() < 15 || !startsWith(l, "date ")) return;
    size_t d = 5;
    while (d < l.size() && l[d] == ' ') ++d;
    std::string_view date = l.substr(d, 10);
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !isDigit(date[0]) || !isDigit(date[9])) return;
    b += d + 10;
    trim(text_, b, e);
  }

  static bool firstByteIn(const std::bitset<256>& first, std::string_view s) {
    return !s.empty() && first.test(static_cast<unsigned char>(s[0]));
  }

  bool setContains(const std::unordered_set<std::string>& set, std::string_view key) const {
    return key.size() <= kMaxKeyBytes && firstByteIn(rules_.wholeLineFirst, key) &&
           set.count(std::string(key)) > 0;
  }

  bool linePrefix(std::string_view l) const {
    if (!firstByteIn(rules_.linePrefixFirst, l)) return false;
    for (const std::string& p : rules_.linePrefixes)
      if (startsWith(l, p)) return true;
    return false;
  }

  // "Related'Strategic failure': ...", "Read more: ...", "More from Europe Desk".
  bool isTeaser(std::string_view l, std::string_view original) const {
    if (!firstByteIn(rules_.headingFirst, l)) return false;
    for (const std::string& h : rules_.listHeadingPrefixes) {
      if (!startsWith(l, h) || l.size() == h.size()) continue;
      std::string_view rest = original.substr(h.size());
      if (rest[0] == ':' || isQuote(rest) || isUpper(rest[0])) return true;
      if (rest[0] == ' ' && rest.size() > 1 && (isUpper(rest[1]) || isQuote(rest.substr(1))) &&
          !endsLikeSentence(original))
        return true;
    }
    return false;
  }

  bool isByline(std::string_view l, std::string_view original) const {
    if (l.size() > kMaxBylineBytes || !firstByteIn(rules_.bylineFirst, l) || endsLikeSentence(original))
      return false;
    for (const std::string& p : rules_.bylinePrefixes) {
      if (!startsWith(l, p) || l.size() == p.size()) continue;
      char next = original[p.size()];
      if (isUpper(next) || isDigit(next) || static_cast<unsigned char>(next) >= 0x80) return true;
    }
    return false;
  }

  // "September 29, 2023", "Tuesday Nov 02 2021", "Published Date - 11:05 PM, Fri - 10 March 23".
  bool isDateLine(std::string_view l) const {
    bool digit = false, word = false;
    for (size_t i = 0; i < l.size();) {
      char c = l[i];
      if (isDigit(c)) {
        digit = true;
        ++i;
      } else if (isLower(c)) {
        size_t j = i;
        while (j < l.size() && isLower(l[j])) ++j;
        if (!rules_.dateWords.count(std::string(l.substr(i, j - i)))) return false;
        word = true;
        i = j;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        return false;
      } else {
        ++i;
      }
    }
    return digit && word;
  }

  // Earliest cut marker in the line, or npos: one pass that tries only the markers starting
  // with the byte at hand (the first match is the earliest of all markers' first matches).
  size_t cutAt(std::string_view l) const {
    for (size_t i = 0; i < l.size(); ++i)
      for (size_t m : rules_.cutByFirstByte[static_cast<unsigned char>(l[i])])
        if (l.compare(i, rules_.cutMarkers[m].size(), rules_.cutMarkers[m]) == 0) return i;
    return std::string_view::npos;
  }

  void line(size_t b, size_t e) {
    std::string_view l = std::string_view(lower_).substr(b, e - b);
    std::string_view original = text_.substr(b, e - b);
    std::string_view key = l;
    while (!key.empty() && (key.back() == ':' || key.back() == ' ')) key.remove_suffix(1);
    if (setContains(rules_.endMarkers, key)) {
      ended_ = true;
      return;
    }
    if (setContains(rules_.listHeadings, key)) {
      inList_ = true;
      return;
    }
    if (isTeaser(l, original)) {
      if (countWords(original) <= kMaxListHeadingWords) inList_ = true;  // "More from Europe"
      return;
    }
    if (setContains(rules_.dropLines, key) || linePrefix(l) ||
        isByline(l, original) || isCreditLine(original) || isDateLine(l))
      return;
    if (l.size() <= kMaxContainsLineBytes)
      for (const std::string& m : rules_.lineContains)
        if (l.find(m) != std::string_view::npos) return;
    size_t cut = cutAt(l);
    if (cut != std::string_view::npos) {
      e = b + cut;
      trim(text_, b, e);
      while (e > b && (text_[e - 1] == '/' || text_[e - 1] == '|' || text_[e - 1] == '-')) {
        --e;
        trim(text_, b, e);
      }
      if (b == e) return;
      original = text_.substr(b, e - b);
    }
    int words = countWords(original);
    bool sentence = endsLikeSentence(original);
    if (words <= kMaxLabelWords && !sentence) return;
    bool headlineLike = !sentence && words >= kMinHeadlineWords && words <= kMaxHeadlineWords &&
                        original.size() <= kMaxHeadlineBytes;
    if (inList_) {
      if (headlineLike) return;
      inList_ = false;
    }
    candidates_.push_back({b, e, headlineLike, candidates_.empty()});
  }

  // A run of >= 3 headline-like lines with no sentence between them is a list of links to
  // other articles, with or without a heading. The page's own headline (its first line) is kept.
  void dropHeadlineRuns() {
    size_t runStart = 0, runLength = 0;
    auto close = [&](size_t end) {
      if (runLength >= kMinHeadlineRun)
        for (size_t i = runStart; i < end; ++i)
          if (candidates_[i].headlineLike && !candidates_[i].first) candidates_[i].keep = false;
      runLength = 0;
    };
    for (size_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (c.first) continue;
      if (!c.headlineLike) {
        close(i);
        continue;
      }
      if (runLength++ == 0) runStart = i;
    }
    close(candidates_.size());
  }

  std::string_view text_;
  const BoilerplateRules::Impl& rules_;
  std::string lower_;
  std::vector<Candidate> candidates_;
  bool inList_ = false;
  bool ended_ = false;
};

}  // namespace

std::vector<Span> findBody(std::string_view text, const BoilerplateRules& rules) {
  NG_CHECK(text.size() < UINT32_MAX, "", "document larger than 4 GB");
  return BodyFinder(text, rules.impl()).run();
}

}  // namespace newsgraph::clean
