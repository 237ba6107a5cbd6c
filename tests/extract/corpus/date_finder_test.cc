#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

TEST(DateFinderTest, HeaderLine) {
  EXPECT_EQ(findDocumentDate(" date 2023-09-29 WORLD\nHeadline\n"), "2023-09-29");
  EXPECT_EQ(findDocumentDate(" date 2024-10-04 Russia's minister said on Friday.\n"), "2024-10-04");
}

TEST(DateFinderTest, DatelinesAndBylines) {
  EXPECT_EQ(findDocumentDate("Headline\nBy Staff Reporter\nSeptember 29, 2023\n\nBody."), "2023-09-29");
  EXPECT_EQ(findDocumentDate("Headline\nSept. 29, 2023\n"), "2023-09-29");
  EXPECT_EQ(findDocumentDate("Headline\nTuesday Nov 02 2021\n"), "2021-11-02");
  EXPECT_EQ(findDocumentDate("Headline\n29 September 2023 14:05 GMT\n"), "2023-09-29");
  EXPECT_EQ(findDocumentDate("Headline\nUpdated 2024-10-04 08:00\n"), "2024-10-04");
  EXPECT_EQ(findDocumentDate("Headline\nPublished: 4th of October, 2024\n"), "2024-10-04");
  EXPECT_EQ(findDocumentDate("Headline\nBy AP Published Date - 11:05 PM, Fri - 10 March 23\n"), "2023-03-10");
  EXPECT_EQ(findDocumentDate("Astana, Kazakhstan (AFP) June 16, 2025\n"), "2025-06-16");
  EXPECT_EQ(findDocumentDate("Headline\nposted 2019/12/31\n"), "2019-12-31");
}

TEST(DateFinderTest, NoDate) {
  EXPECT_EQ(findDocumentDate(""), "");
  EXPECT_EQ(findDocumentDate("Talks were held on October 16 in Termez.\n"), "");  // no year
  EXPECT_EQ(findDocumentDate("From August 26 to December 1, 770 citizens left.\n"), "");
  EXPECT_EQ(findDocumentDate("Headline\nFebruary 30, 2023\n"), "");  // no such day
  EXPECT_EQ(findDocumentDate("Headline\n10 March 23 people were hurt\n"), "");  // two-digit year only on a Published line
  // A long sentence mentions the date of an event, not of the article.
  EXPECT_EQ(findDocumentDate("The accord, which was signed on September 11, 2001 in a hotel near the border, has since "
                             "been extended several times by both governments, officials said.\n"),
            "");
}

TEST(DateFinderTest, OnlyTheFirstLinesAreSearched) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Line " + std::to_string(i) + ".\n";
  EXPECT_EQ(findDocumentDate(text + "March 3, 2022\n"), "");
  EXPECT_EQ(findDocumentDate("\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nHeadline\nMarch 3, 2022\n"), "2022-03-03");  // blank lines do not count
}

TEST(DateFinderTest, NormalizeDate) {
  EXPECT_EQ(normalizeDate("2023-09-29T10:00:00Z"), "2023-09-29");
  EXPECT_EQ(normalizeDate(" Sep 1, 2021 "), "2021-09-01");
  EXPECT_EQ(normalizeDate("yesterday"), "");
}

// Every document of the seed and dev sets gets its gold date (null: none found).
TEST(DateFinderTest, GoldDates) {
  for (std::string set : {"seeds", "dev"}) {
    std::ifstream gold(NEWSGRAPH_SHARED_DIR "/eval/" + set + ".gold.json");
    ASSERT_TRUE(gold) << set;
    std::stringstream ss;
    ss << gold.rdbuf();
    std::string json = ss.str();
    std::regex entry("\"file\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"date\"\\s*:\\s*(null|\"([0-9-]+)\")");
    int checked = 0;
    for (std::sregex_iterator it(json.begin(), json.end(), entry), end; it != end; ++it) {
      std::string file = NEWSGRAPH_SHARED_DIR "/corpus/" + set + "/" + (*it)[1].str();
      std::string expected = (*it)[2] == "null" ? "" : (*it)[3].str();
      EXPECT_EQ(findDocumentDate(readFile(file)), expected) << file;
      ++checked;
    }
    EXPECT_GE(checked, 5) << set;
  }
}

}  // namespace
}  // namespace newsgraph::corpus
