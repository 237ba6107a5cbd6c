#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/text/text.h"

namespace newsgraph::text {
namespace {

Segmentation seg(std::string_view text) {
  return segment(text, {{0, static_cast<uint32_t>(text.size())}});
}

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : seg(text).tokens) out.emplace_back(t.text);
  return out;
}

std::vector<std::string> sentences(std::string_view text, const std::vector<Span>& body) {
  Segmentation s = segment(text, body);
  std::vector<std::string> out;
  for (const Sentence& x : s.sentences) out.emplace_back(text.substr(x.span.begin, x.span.size()));
  return out;
}

std::vector<std::string> sentences(std::string_view text) {
  return sentences(text, {{0, static_cast<uint32_t>(text.size())}});
}

using V = std::vector<std::string>;

TEST(SegmenterTest, OffsetsPointIntoTheText) {
  std::string text =
      "“Kiev’s heating,” said Gen. O’Brien\xC2\xA0\xE2\x80\x94 U.S.-led talks (K-2) cost $1,000.50 on 3.5% … "
      "Türkiye’s Soviet–Afghan War; e.g. São Paulo! \xF0\x9F\x98\x80 ok?";
  Segmentation s = seg(text);
  ASSERT_FALSE(s.tokens.empty());
  uint32_t prevEnd = 0;
  for (const Token& t : s.tokens) {
    EXPECT_EQ(t.text, std::string_view(text).substr(t.span.begin, t.span.size()));
    EXPECT_FALSE(t.text.empty());
    EXPECT_GE(t.span.begin, prevEnd);
    prevEnd = t.span.end;
  }
  uint32_t next = 0;
  for (const Sentence& x : s.sentences) {
    EXPECT_EQ(x.first_token, next);
    EXPECT_LT(x.first_token, x.end_token);
    EXPECT_EQ(x.span.begin, s.tokens[x.first_token].span.begin);
    EXPECT_EQ(x.span.end, s.tokens[x.end_token - 1].span.end);
    next = x.end_token;
  }
  EXPECT_EQ(next, s.tokens.size());
}

TEST(SegmenterTest, PunctuationQuotesAndDashes) {
  EXPECT_EQ(tokens("“We agree,” he said."), (V{"“", "We", "agree", ",", "”", "he", "said", "."}));
  EXPECT_EQ(tokens("the ‘shadow fleet’ tanker"), (V{"the", "‘", "shadow", "fleet", "’", "tanker"}));
  EXPECT_EQ(tokens("the Soviet–Afghan War"), (V{"the", "Soviet", "–", "Afghan", "War"}));
  EXPECT_EQ(tokens("fighters — many"), (V{"fighters", "—", "many"}));
  EXPECT_EQ(tokens("delegation -- led"), (V{"delegation", "--", "led"}));
  EXPECT_EQ(tokens("wait... what"), (V{"wait", "...", "what"}));
}

TEST(SegmenterTest, UnicodeSpacesSeparate) {
  EXPECT_EQ(tokens("São\xC2\xA0Paulo"), (V{"São", "Paulo"}));                // NBSP
  EXPECT_EQ(tokens("a\xE2\x80\xAF" "b\xE3\x80\x80" "c\xE2\x80\x8B" "d"), (V{"a", "b", "c", "d"}));  // NNBSP, ideographic, ZWSP
  EXPECT_EQ(tokens("\xEF\xBB\xBFHeadline"), (V{"Headline"}));                 // BOM
}

TEST(SegmenterTest, PossessivesAreSplitOff) {
  EXPECT_EQ(tokens("Lavrov's comments"), (V{"Lavrov", "'s", "comments"}));
  EXPECT_EQ(tokens("Kiev’s heating"), (V{"Kiev", "’s", "heating"}));
  EXPECT_EQ(tokens("TALIBAN'S rule"), (V{"TALIBAN", "'S", "rule"}));
  EXPECT_EQ(tokens("O'Brien don't shops'"), (V{"O'Brien", "don't", "shops", "'"}));
  Segmentation s = seg("Lavrov's");
  ASSERT_EQ(s.tokens.size(), 2u);
  EXPECT_FALSE(s.tokens[1].spaceBefore);
  EXPECT_TRUE(s.tokens[0].spaceBefore);
}

TEST(SegmenterTest, HyphensNumbersAndAcronymsStayWhole) {
  EXPECT_EQ(tokens("Soviet-era \"K-2\" base"), (V{"Soviet-era", "\"", "K-2", "\"", "base"}));
  EXPECT_EQ(tokens("1,000 troops, 3.5% at 11:05"), (V{"1,000", "troops", ",", "3.5", "%", "at", "11:05"}));
  EXPECT_EQ(tokens("the U.S.-led coalition"), (V{"the", "U.S.-led", "coalition"}));
  EXPECT_EQ(tokens("Taliban-led Afghanistan"), (V{"Taliban-led", "Afghanistan"}));
  EXPECT_EQ(tokens("see TOLOnews.com."), (V{"see", "TOLOnews.com", "."}));
  EXPECT_EQ(tokens("@JalilJilani #SCO"), (V{"@JalilJilani", "#SCO"}));
  EXPECT_EQ(tokens("2020, 15 people"), (V{"2020", ",", "15", "people"}));
}

TEST(SegmenterTest, Flags) {
  Segmentation s = seg("NATO Lavrov said 2023 K-2 , U.S. Ürümqi");
  ASSERT_EQ(s.tokens.size(), 8u);
  EXPECT_TRUE(s.tokens[0].has(kAllUpper) && s.tokens[0].has(kUpperInitial) && s.tokens[0].has(kAlpha));
  EXPECT_TRUE(s.tokens[1].has(kUpperInitial) && !s.tokens[1].has(kAllUpper));
  EXPECT_EQ(s.tokens[2].flags, kAlpha);
  EXPECT_EQ(s.tokens[3].flags, kDigit);
  EXPECT_TRUE(s.tokens[4].has(kDigit) && s.tokens[4].has(kAlpha));
  EXPECT_EQ(s.tokens[5].flags, kPunct);
  EXPECT_TRUE(s.tokens[6].has(kAllUpper));
  EXPECT_TRUE(s.tokens[7].has(kUpperInitial));
}

TEST(SegmenterTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(sentences("Mr. Lavrov met Gen. Smith in St. Petersburg on Feb. 3. The U.S. and the U.N. agreed."),
            (V{"Mr. Lavrov met Gen. Smith in St. Petersburg on Feb. 3.", "The U.S. and the U.N. agreed."}));
  EXPECT_EQ(sentences("George W. Bush spoke. Dr. Who listened."), (V{"George W. Bush spoke.", "Dr. Who listened."}));
  EXPECT_EQ(tokens("Mr. Lavrov"), (V{"Mr.", "Lavrov"}));
  EXPECT_EQ(tokens("in the U.S."), (V{"in", "the", "U.S."}));
}

TEST(SegmenterTest, SentenceSplitPoints) {
  EXPECT_EQ(sentences("He left. She stayed! Why? “Yes.” 2023 was hard."),
            (V{"He left.", "She stayed!", "Why?", "“Yes.”", "2023 was hard."}));
  EXPECT_EQ(sentences("It said \"no.\" Then it left."), (V{"It said \"no.\"", "Then it left."}));
  EXPECT_EQ(sentences("(He left.) Later, she came."), (V{"(He left.)", "Later, she came."}));
  EXPECT_EQ(sentences("It was 3.5 times more. e.g. this"), (V{"It was 3.5 times more. e.g. this"}));
  EXPECT_EQ(sentences("he said. then left"), (V{"he said. then left"}));  // lower-case start
}

TEST(SegmenterTest, SentencesNeverCrossBodySpans) {
  std::string text = "Russia hosts talks\nLavrov spoke first. Then others\nno dot here";
  std::vector<Span> body = {{0, 18}, {19, 50}, {51, static_cast<uint32_t>(text.size())}};
  EXPECT_EQ(sentences(text, body), (V{"Russia hosts talks", "Lavrov spoke first.", "Then others", "no dot here"}));
  Segmentation s = segment(text, body);
  ASSERT_EQ(s.sentences.size(), 4u);
  EXPECT_EQ(s.sentences[0].line, 0u);
  EXPECT_EQ(s.sentences[2].line, 1u);
  EXPECT_EQ(s.sentences[3].line, 2u);
  EXPECT_TRUE(segment(text, {}).tokens.empty());
  EXPECT_THROW(segment(text, {{0, 1000}}), Error);
}

TEST(SegmenterTest, InvalidUtf8DoesNotStopSegmentation) {
  std::string text = "Caf\xE9 Z\xFC rich \xE2\x80";
  std::vector<std::string> t = tokens(text);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "Caf\xE9");
  EXPECT_EQ(t[3], "\xE2\x80");
}

TEST(SegmenterTest, LongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 2500; ++i) text += "word ";
  Segmentation s = seg(text);
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_EQ(s.sentences[0].size(), kMaxSentenceTokens);
}

TEST(SegmenterTest, LowerToken) {
  EXPECT_EQ(lowerToken("Kiev’s"), "kiev's");
  EXPECT_EQ(lowerToken("ÜRÜMQI"), "ürümqi");
  EXPECT_EQ(lowerToken("NATO"), "nato");
}

TEST(SegmenterTest, AbbreviationFile) {
  const Segmenter& s = Segmenter::standard();
  EXPECT_TRUE(s.isAbbreviation("Feb."));
  EXPECT_TRUE(s.isAbbreviation("Mr."));
  EXPECT_FALSE(s.isAbbreviation("said."));
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "newsgraph_text_test_abbrev";
  fs::create_directories(dir);
  std::ofstream(dir / "abbreviations.txt") << "# comment\nMr.\nDr\n";
  try {
    Segmenter::load(dir.string());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), (dir / "abbreviations.txt").string() + ":3");
  }
  fs::remove_all(dir);
}

// Throughput is measured in bench/ (BM_TextSegment); this checks a large input stays exact.
TEST(SegmenterTest, TwentyMegabytesSegmentExactly) {
  std::string unit =
      "Russian Foreign Minister Sergey Lavrov said on Friday that Moscow’s talks with the Taliban "
      "were \"useful\", adding: “We will continue.” The U.S.-led coalition left Kabul in 2021, and "
      "1,000 troops — mostly from NATO — stayed in the region. Dr. Smith, 58, disagreed.\n";
  std::string text;
  while (text.size() < (20u << 20)) text += unit;
  std::vector<Span> body;
  for (uint32_t p = 0; p < text.size(); p += static_cast<uint32_t>(unit.size()))
    body.push_back({p, p + static_cast<uint32_t>(unit.size()) - 1});
  const Segmenter& s = Segmenter::standard();
  Segmentation out;
  s.segment(text, body, out);
  EXPECT_EQ(out.sentences.size(), body.size() * 3);
  for (size_t i = 0; i < out.tokens.size(); i += 9973)
    EXPECT_EQ(out.tokens[i].text, std::string_view(text).substr(out.tokens[i].span.begin, out.tokens[i].span.size()));
}

}  // namespace
}  // namespace newsgraph::text
