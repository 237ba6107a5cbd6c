#include <algorithm>

#include "core/core.h"
#include "extract/text/char_class.h"
#include "extract/text/text.h"

namespace newsgraph::text {
namespace {

using detail::CharInfo;
using detail::Cls;
using detail::kDigitBit;
using detail::kLetterBit;
using detail::kLowerBit;
using detail::kUpperBit;

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ". ! ? … ..." (a run of dots is one token).
bool isTerminator(const Token& t) {
  if (!(t.flags & kPunct)) return false;
  char c = t.text[0];
  return c == '.' || c == '!' || c == '?' || t.text == "\xE2\x80\xA6";
}

// Closing quotes and brackets that stay with the sentence before them: ." .) .’ .”
bool isCloser(const Token& t) {
  if (!(t.flags & kPunct)) return false;
  std::string_view s = t.text;
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}" || s == "\xE2\x80\x99" ||
         s == "\xE2\x80\x9D" || s == "\xC2\xBB" || s == "\xE2\x80\xBA";
}

// A token that may open a sentence: capital, digit, opening quote or bracket, bullet.
bool startsSentence(const Token& t) {
  if (t.flags & kUpperInitial) return true;
  char c = t.text[0];
  if (c >= '0' && c <= '9') return true;
  if (!(t.flags & kPunct)) return false;
  return c == '"' || c == '\'' || c == '(' || c == '[' || startsWith(t.text, "\xE2\x80\x9C") ||
         startsWith(t.text, "\xE2\x80\x98") || startsWith(t.text, "\xC2\xAB") ||
         startsWith(t.text, "\xE2\x80\xA2");
}

class Scanner {
 public:
  Scanner(std::string_view text, const Segmenter& segmenter, std::vector<Token>& tokens)
      : text_(text),
        p0_(reinterpret_cast<const unsigned char*>(text.data())),
        segmenter_(segmenter),
        tokens_(tokens) {}

  void scan(uint32_t begin, uint32_t end) {
    end_ = p0_ + end;
    bool spaceBefore = true;
    size_t i = begin;
    while (i < end) {
      CharInfo ci = info(i);
      if (ci.cls == Cls::Space) {
        i += ci.len;
        spaceBefore = true;
        continue;
      }
      size_t next;
      if (ci.cls == Cls::Word || ((text_[i] == '@' || text_[i] == '#') && wordAt(i + 1))) {
        next = word(i, spaceBefore);
      } else {
        next = punct(i, ci, spaceBefore);
      }
      i = next;
      spaceBefore = false;
    }
  }

 private:
  CharInfo info(size_t i) const { return detail::classify(p0_ + i, end_); }
  bool inside(size_t i) const { return p0_ + i < end_; }
  bool wordAt(size_t i) const { return inside(i) && info(i).cls == Cls::Word; }
  bool digitAt(size_t i) const { return inside(i) && text_[i] >= '0' && text_[i] <= '9'; }

  void emit(size_t b, size_t e, uint8_t flags, bool spaceBefore) {
    Token t;
    t.text = text_.substr(b, e - b);
    t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.flags = flags;
    t.spaceBefore = spaceBefore;
    tokens_.push_back(t);
  }

  size_t word(size_t i, bool spaceBefore) {
    size_t j = i;
    int letters = 0;
    bool seenLetter = false, upperInitial = false, anyLower = false, anyDigit = false, prevDigit = false;
    bool internalDot = false;
    size_t segment = 0, longestSegment = 0;  // letters between dots, for "U.S." vs "news.com"
    if (text_[j] == '@' || text_[j] == '#') ++j;
  again:
    while (inside(j)) {
      CharInfo ci = info(j);
      if (ci.cls == Cls::Word) {
        if (ci.bits & kLetterBit) {
          if (!seenLetter) upperInitial = ci.bits & kUpperBit;
          seenLetter = true;
          ++letters;
          anyLower |= (ci.bits & kLowerBit) != 0;
        }
        anyDigit |= (ci.bits & kDigitBit) != 0;
        prevDigit = (ci.bits & kDigitBit) != 0;
        longestSegment = std::max(longestSegment, ++segment);
        j += ci.len;
        continue;
      }
      char c = text_[j];
      size_t after = j + ci.len;
      if (ci.cls == Cls::Hyphen || c == '-') {  // "Soviet-era", "K-2"; the en dash splits
        if (!wordAt(after)) break;
      } else if (c == '.') {  // "3.5", "U.S", "news.com"
        if (!wordAt(after)) break;
        internalDot = true;
        segment = 0;
      } else if (c == ',' || c == ':') {  // "1,000", "11:05"
        if (!prevDigit || !digitAt(after)) break;
      } else if (ci.cls == Cls::Apostrophe) {  // "O'Brien", "don't"; "'s" is split off
        if (!wordAt(after)) break;
        if ((text_[after] == 's' || text_[after] == 'S') && !wordAt(after + 1)) break;
      } else {
        break;
      }
      prevDigit = false;
      j = after;
    }
    // A final dot belongs to abbreviations, dotted acronyms and initials.
    if (inside(j) && text_[j] == '.' && !(inside(j + 1) && text_[j + 1] == '.')) {
      bool keep = (internalDot && longestSegment <= 3 && letters > 0) ||
                  (letters == 1 && j - i == 1 && upperInitial) ||
                  segmenter_.isAbbreviation(text_.substr(i, j + 1 - i));
      if (keep) {
        ++j;
        if (inside(j)) {  // "U.S.-led"
          CharInfo ci = info(j);
          if ((ci.cls == Cls::Hyphen || text_[j] == '-') && wordAt(j + ci.len)) {
            j += ci.len;
            goto again;
          }
        }
      }
    }
    uint8_t flags = 0;
    if (upperInitial) flags |= kUpperInitial;
    if (letters >= 2 && !anyLower && upperInitial) flags |= kAllUpper;
    if (anyDigit) flags |= kDigit;
    if (seenLetter) flags |= kAlpha;
    emit(i, j, flags, spaceBefore);
    // Possessive: "Lavrov's" -> "Lavrov" "'s".
    if (inside(j) && info(j).cls == Cls::Apostrophe) {
      size_t s = j + info(j).len;
      if (inside(s) && (text_[s] == 's' || text_[s] == 'S') && !wordAt(s + 1)) {
        emit(j, s + 1, kAlpha, false);
        return s + 1;
      }
    }
    return j;
  }

  size_t punct(size_t i, CharInfo ci, bool spaceBefore) {
    size_t j = i + ci.len;
    char c = text_[i];
    if (c == '.' || c == '-')  // "...", "--"
      while (inside(j) && text_[j] == c) ++j;
    emit(i, j, kPunct, spaceBefore);
    return j;
  }

  std::string_view text_;
  const unsigned char* p0_;
  const unsigned char* end_ = nullptr;
  const Segmenter& segmenter_;
  std::vector<Token>& tokens_;
};

void splitSentences(std::vector<Token>& tokens, uint32_t first, uint32_t end, uint32_t line,
                    std::vector<Sentence>& out) {
  auto add = [&](uint32_t b, uint32_t e) {
    if (b < e) out.push_back({{tokens[b].span.begin, tokens[e - 1].span.end}, b, e, line});
  };
  uint32_t start = first;
  for (uint32_t k = first; k < end; ++k) {
    if (k + 1 - start >= kMaxSentenceTokens) {
      add(start, k + 1);
      start = k + 1;
      continue;
    }
    if (!isTerminator(tokens[k])) continue;
    uint32_t m = k;
    while (m + 1 < end && !tokens[m + 1].spaceBefore && (isCloser(tokens[m + 1]) || isTerminator(tokens[m + 1])))
      ++m;
    k = m;
    if (m + 1 < end && tokens[m + 1].spaceBefore && startsSentence(tokens[m + 1])) {
      add(start, m + 1);
      start = m + 1;
    }
  }
  add(start, end);
}

}  // namespace

void Segmenter::segment(std::string_view text, const std::vector<Span>& body, Segmentation& out) const {
  out.tokens.clear();
  out.sentences.clear();
  size_t bytes = 0;
  uint32_t prevEnd = 0;
  for (const Span& s : body) {
    NG_CHECK(s.begin <= s.end && s.end <= text.size() && s.begin >= prevEnd, "",
             "body span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) +
                 ") is out of order or outside the text");
    prevEnd = s.end;
    bytes += s.size();
  }
  out.tokens.reserve(bytes / 5 + 16);
  out.sentences.reserve(bytes / 100 + body.size());
  Scanner scanner(text, *this, out.tokens);
  for (uint32_t line = 0; line < body.size(); ++line) {
    auto first = static_cast<uint32_t>(out.tokens.size());
    scanner.scan(body[line].begin, body[line].end);
    splitSentences(out.tokens, first, static_cast<uint32_t>(out.tokens.size()), line, out.sentences);
  }
}

Segmentation Segmenter::segment(std::string_view text, const std::vector<Span>& body) const {
  Segmentation out;
  segment(text, body, out);
  return out;
}

Segmentation segment(std::string_view text, const std::vector<Span>& body) {
  return Segmenter::standard().segment(text, body);
}

size_t Segmentation::sentenceOf(uint32_t token) const {
  auto after = std::upper_bound(sentences.begin(), sentences.end(), token,
                                [](uint32_t t, const Sentence& s) { return t < s.first_token; });
  return static_cast<size_t>(after - sentences.begin()) - 1;
}

}  // namespace newsgraph::text
