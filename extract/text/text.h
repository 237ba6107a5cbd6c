#pragma once
// UTF-8 safe sentence and token segmentation with byte offsets into the original text.
// Tokens are views, never copies. Sentences never cross a body span (a line of the page),
// and abbreviations ("U.S.", "Feb.", "Mr.") do not end a sentence.
//
//   Segmentation seg = segment(doc.text, body);
//   for (const Sentence& s : seg.sentences)
//     for (uint32_t t = s.first_token; t < s.end_token; ++t) use(seg.tokens[t].text);

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace newsgraph::text {

enum TokenFlag : uint8_t {
  kUpperInitial = 1,  // first letter is upper case ("Lavrov", "U.S.", "NATO")
  kAllUpper = 2,      // every letter upper case, at least two letters ("NATO", "US")
  kPunct = 4,         // punctuation only ("," "“" "—")
  kDigit = 8,         // contains a digit ("2023", "K-2")
  kAlpha = 16,        // contains a letter
};

struct Token {
  std::string_view text;  // view into the document text
  Span span;              // byte offsets of text
  uint8_t flags = 0;
  bool spaceBefore = true;  // whitespace (or line start) precedes it
  bool has(TokenFlag f) const { return flags & f; }
};

struct Sentence {
  Span span;             // from the first token's begin to the last token's end
  uint32_t first_token;  // index into Segmentation::tokens
  uint32_t end_token;    // one past the last
  uint32_t line = 0;     // index of the body span it came from (a paragraph/line)
  uint32_t size() const { return end_token - first_token; }
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Index of the sentence holding TOKEN (the last one starting at or before it; binary
  // search), or SIZE_MAX for a token before every sentence.
  size_t sentenceOf(uint32_t token) const;
};

// A sentence longer than this is cut, so that later stages stay linear on pathological input.
constexpr uint32_t kMaxSentenceTokens = 1000;

// Segmentation with a given abbreviation list. Immutable after construction: one Segmenter
// can be shared by threads.
class Segmenter {
 public:
  // Reads DATA_DIR/abbreviations.txt (one "Feb." per line, '#' comments); throws Error with
  // path:line on a malformed line.
  static Segmenter load(const std::string& dataDir);
  // The segmenter of newsgraph::dataDir(), loaded once (thread-safe).
  static const Segmenter& standard();
  // Abbreviations with their final dot: "Mr.", "Feb.".
  explicit Segmenter(std::vector<std::string> abbreviations);

  Segmentation segment(std::string_view text, const std::vector<Span>& body) const;
  // Same, reusing the vectors of `out` (cleared first) to avoid reallocations.
  void segment(std::string_view text, const std::vector<Span>& body, Segmentation& out) const;
  // "Mr." -> true. The view includes the dot.
  bool isAbbreviation(std::string_view word) const;

 private:
  std::vector<std::string> abbreviations_;  // sorted
  size_t maxAbbreviation_ = 0;
};

// Splits the body spans of text into sentences and tokens. Punctuation such as quotes,
// brackets, commas and dashes are tokens of their own; "Lavrov's" gives "Lavrov" and "'s";
// hyphenated words ("Soviet-era", "K-2") and numbers ("1,000", "3.5") stay whole.
// Uses Segmenter::standard(). Spans must lie inside text and be in order; throws Error otherwise.
Segmentation segment(std::string_view text, const std::vector<Span>& body);

// Lower-cased copy of an ASCII/UTF-8 token (for lexicon look-ups); curly apostrophes become "'".
std::string lowerToken(std::string_view token);
// The same into *out, whose buffer is reused (per-token loops that must not allocate).
void lowerToken(std::string_view token, std::string* out);

}  // namespace newsgraph::text
