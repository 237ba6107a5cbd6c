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

TEST(DateFinderTest, NormalizeDateForms) {
  EXPECT_EQ(normalizeDate("2023-09-29"), "2023-09-29");
  EXPECT_EQ(normalizeDate("2023-09-29T23:30:00-05:00"), "2023-09-29");  // the date as written
  EXPECT_EQ(normalizeDate("2023-09-29 10:00:00.123+0200"), "2023-09-29");
  EXPECT_EQ(normalizeDate("Fri, 29 Sep 2023 10:00:00 GMT"), "2023-09-29");  // RFC 2822
  EXPECT_EQ(normalizeDate("29 Sep 2023 10:00 +0000"), "2023-09-29");
  EXPECT_EQ(normalizeDate("26-FEB-1987 15:01:01.79"), "1987-02-26");  // Reuters-21578
  EXPECT_EQ(normalizeDate(" 3-MAR-1987  09:15:05.40"), "1987-03-03");
  EXPECT_EQ(normalizeDate("February 26, 1987"), "1987-02-26");
  EXPECT_EQ(normalizeDate("19870226"), "1987-02-26");
  EXPECT_EQ(normalizeDate("541350061"), "1987-02-26");      // epoch seconds
  EXPECT_EQ(normalizeDate("541350061790"), "1987-02-26");   // epoch milliseconds
  EXPECT_EQ(dateOfEpochSeconds(0), "1970-01-01");
  EXPECT_EQ(dateOfEpochSeconds(-1), "1969-12-31");
  EXPECT_EQ(dateOfEpochSeconds(1e300), "");
  EXPECT_EQ(normalizeDate("26/02/1987"), "1987-02-26");  // only one reading
  EXPECT_EQ(normalizeDate("02/26/1987"), "1987-02-26");
  EXPECT_EQ(normalizeDate("26.02.1987"), "1987-02-26");
  EXPECT_EQ(normalizeDate("31-13-1987"), "");
  EXPECT_EQ(normalizeDate("1987-02-30"), "");
  EXPECT_EQ(normalizeDate("26-FOO-1987"), "");
}

TEST(DateFinderTest, AmbiguousDayMonthFollowsTheOrder) {
  bool ambiguous = false;
  EXPECT_EQ(normalizeDate("03/04/1987", DateOrder::Unspecified, &ambiguous), "1987-04-03");
  EXPECT_TRUE(ambiguous);
  EXPECT_EQ(normalizeDate("03/04/1987", DateOrder::MonthFirst, &ambiguous), "1987-03-04");
  EXPECT_EQ(normalizeDate("03/04/1987", DateOrder::DayFirst, &ambiguous), "1987-04-03");
  EXPECT_EQ(normalizeDate("26/02/1987", DateOrder::MonthFirst, &ambiguous), "1987-02-26");
  EXPECT_FALSE(ambiguous);
  EXPECT_EQ(normalizeDate("04/04/1987", DateOrder::Unspecified, &ambiguous), "1987-04-04");
  EXPECT_FALSE(ambiguous);
}

// Numbers and dates in the sentences of a body are events ("the 1929 crash", a bond
// maturing in 2017), not the article's date.
TEST(DateFinderTest, BodyDatesAreNotTheArticleDate) {
  EXPECT_EQ(findDocumentDate("WALL STREET CRASH FEARS\nNEW YORK, Oct 20 - The market fell 508 "
                             "points, the worst day since October 28, 1929, when stocks lost "
                             "13 pct.\n"),
            "");
  EXPECT_EQ(findDocumentDate("BOND ISSUE\nThe 10 pct bonds mature on June 1, 2017.\n"), "");
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
