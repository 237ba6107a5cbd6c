#pragma once
// UTF-8 safe sentence and token segmentation with byte offsets into the original text.
// Tokens are views, never copies. Sentences never cross a body span (a line of the page),
// and abbreviations ("U.S.", "Feb.", "Mr.") do not end a sentence.
//
//   Segmentation seg = segment(doc.text, body);
//   for (const Sentence& s : seg.sentences)
//     for (uint32_t t = s.first_token; t < s.end_token; ++t) use(seg.tokens[t].text);

#include <cstdint>
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
};

// Splits the body spans of text into sentences and tokens. Punctuation such as quotes,
// brackets, commas and dashes are tokens of their own; "Lavrov's" gives "Lavrov" and "'s";
// hyphenated words ("Soviet-era", "K-2") and numbers ("1,000", "3.5") stay whole.
Segmentation segment(std::string_view text, const std::vector<Span>& body);

// Lower-cased copy of an ASCII/UTF-8 token (for lexicon look-ups); curly apostrophes become "'".
std::string lowerToken(std::string_view token);

}  // namespace newsgraph::text
