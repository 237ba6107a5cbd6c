#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "extract/clean/clean.h"

namespace newsgraph::clean {
namespace {

const BoilerplateRules& rules() {
  static const BoilerplateRules r = BoilerplateRules::load(NEWSGRAPH_SOURCE_DIR "/data");
  return r;
}

std::string bodyText(std::string_view text) {
  std::string out;
  for (const Span& s : findBody(text, rules())) {
    EXPECT_LE(s.end, text.size());
    out.append(text.substr(s.begin, s.size())).append("\n");
  }
  return out;
}

bool contains(const std::string& s, std::string_view needle) { return s.find(needle) != std::string::npos; }

// A made-up page with the usual furniture around a two-paragraph story.
const char* kPage =
    " date 2024-02-11 POLITICS\n"
    "4 MIN READ\n"
    "Northland and Southland agree to reopen border crossings\n"
    "Officials from both states said the deal would restore trade within weeks.\n"
    "Trucks wait at the Eastgate crossing. / Photo: Wire Agency\n"
    "By Jane Roe\n"
    "February 11, 2024\n"
    "\n"
    "Northland and Southland agreed on Sunday to reopen three border crossings closed since 2021.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "\"This is a first step,\" Southland's foreign minister Ana Verde told reporters in Eastgate.\n"
    "\n"
    "Related: Northland court jails opposition leader Tomas Gray\n"
    "Read more: Westmark elections delayed again\n"
    "\n"
    "Share this\n"
    "SOURCE: Wire Agency and staff\n"
    "More from Region\n"
    "Floods hit Coastland as rivers burst banks\n"
    "Eastmark president Lena Holt visits Farland\n"
    "Stock markets fall after Riverbank rate decision\n"
    "Leave a Comment\n"
    "Comment by Paul Grey: great article\n"
    "Copyright 2024 Example News. All rights reserved.\n";

TEST(BodyFinderTest, KeepsHeadlineLeadAndStory) {
  std::string body = bodyText(kPage);
  EXPECT_TRUE(contains(body, "Northland and Southland agree to reopen border crossings\n"));
  EXPECT_TRUE(contains(body, "Officials from both states said the deal would restore trade within weeks.\n"));
  EXPECT_TRUE(contains(body, "Northland and Southland agreed on Sunday"));
  EXPECT_TRUE(contains(body, "Ana Verde told reporters in Eastgate.\n"));
  EXPECT_TRUE(contains(body, "Trucks wait at the Eastgate crossing.\n"));  // caption kept, credit cut
}

TEST(BodyFinderTest, DropsFurniture) {
  std::string body = bodyText(kPage);
  for (const char* gone : {"date", "POLITICS", "MIN READ", "Wire Agency", "Jane Roe", "February 11", "Advertisement",
                           "Tomas Gray", "Westmark", "Share this", "SOURCE", "More from", "Coastland", "Lena Holt",
                           "Riverbank", "Leave a Comment", "Paul Grey", "Copyright"})
    EXPECT_FALSE(contains(body, gone)) << gone << " in\n" << body;
}

TEST(BodyFinderTest, SpansAreTrimmedLinesInOrder) {
  std::string text = "  Headline of the day  \n\nFirst sentence here.\r\nSecond one here.";
  std::vector<Span> spans = findBody(text, rules());
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "Headline of the day");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "First sentence here.");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].size()), "Second one here.");
  EXPECT_TRUE(findBody("", rules()).empty());
}

TEST(BodyFinderTest, HeadlineListWithoutHeadingIsDropped) {
  std::string text =
      "Main headline about the summit\n"
      "The summit opened on Monday with talks on trade.\n"
      "Ministers are due to sign a declaration on Tuesday.\n"
      "Volcano erupts on remote island as villagers flee\n"
      "Court rules against mining company in land dispute\n"
      "Tennis champion announces retirement after injury\n"
      "Heatwave grips the south, power cuts reported\n";
  std::string body = bodyText(text);
  EXPECT_TRUE(contains(body, "Main headline about the summit"));
  EXPECT_TRUE(contains(body, "declaration on Tuesday."));
  EXPECT_FALSE(contains(body, "Volcano"));
  EXPECT_FALSE(contains(body, "Heatwave"));
}

TEST(BodyFinderTest, TwoHeadlineLikeLinesAreKept) {
  // A headline and a standfirst without a final period are not a list.
  std::string text =
      "Leaders agree to resume talks\n"
      "The two leaders met for the first time in years, aides said\n"
      "The meeting took place in the capital on Friday.\n";
  EXPECT_EQ(bodyText(text), text);
}

TEST(BodyFinderTest, HeadingIsNotTheEndOfTheArticle) {
  // "Recommended" is followed by story text again: only headline-like lines are dropped.
  std::string text =
      "First paragraph of the story ends here.\n"
      "RECOMMENDED\n"
      "Second paragraph of the story ends here.\n";
  std::string body = bodyText(text);
  EXPECT_TRUE(contains(body, "Second paragraph"));
  EXPECT_FALSE(contains(body, "RECOMMENDED"));
}

TEST(BodyFinderTest, CreditsAndCaptions) {
  std::string body = bodyText(
      "The minister arrived in the capital on Monday for talks.\n"
      "AGENCY/JOHN DOE - Delegates at the conference\n"
      "PHOTO/@SomeAccount - The president at the airport\n"
      "The president greets the minister (AP Photo/Jane Doe)\n"
      "Photo: Some Agency\n"
      "The talks are expected to last two days, officials said.\n");
  EXPECT_TRUE(contains(body, "The president greets the minister\n"));
  EXPECT_FALSE(contains(body, "JOHN DOE"));
  EXPECT_FALSE(contains(body, "SomeAccount"));
  EXPECT_FALSE(contains(body, "Jane Doe"));
  EXPECT_FALSE(contains(body, "Some Agency"));
  EXPECT_TRUE(contains(body, "officials said."));
}

TEST(BodyFinderTest, SentencesThatLookLikeMarkersAreKept) {
  std::string text =
      "By the end of the year, the army had withdrawn from the region.\n"
      "Related to this, the ministry published new figures on Monday.\n"
      "Explore the archive, the museum director told visitors.\n";
  EXPECT_EQ(bodyText(text), text);
}

// The gold lists names that only occur in the seed page's boilerplate (an "Explore" list of
// other headlines); none may survive, while the article's sentences do.
TEST(BodyFinderTest, SeedPageAbsentEntities) {
  const std::string file = "000_c20c7cfb17df6241.txt";
  std::string text = readFile(NEWSGRAPH_SHARED_DIR "/corpus/seeds/" + file);
  std::string body = bodyText(text);
  std::ifstream gold(NEWSGRAPH_SHARED_DIR "/eval/seeds.gold.json");
  std::stringstream ss;
  ss << gold.rdbuf();
  std::string json = ss.str();
  size_t at = json.find("\"" + file + "\"");
  ASSERT_NE(at, std::string::npos);
  size_t list = json.find("\"absent_entities\"", at);
  ASSERT_NE(list, std::string::npos);
  std::string names = json.substr(list, json.find(']', list) - list);
  std::regex quoted("\"([^\"]+)\"");
  int checked = 0;
  for (std::sregex_iterator it(names.begin(), names.end(), quoted), end; it != end; ++it) {
    std::string name = (*it)[1];
    if (name == "absent_entities") continue;
    // "Donald Trump" appears as "Trump": check the full name and its last word.
    EXPECT_FALSE(contains(body, name)) << name;
    EXPECT_FALSE(contains(body, name.substr(name.rfind(' ') + 1))) << name;
    ++checked;
  }
  EXPECT_GE(checked, 10);
  for (const char* kept :
       {"Russia hosts Afghan Taliban as Moscow seeks regional influence",
        "Russia hosted Taliban leaders for talks on regional security",
        "Lavrov's comments come days after Uzbekistan",
        "the territory of Afghanistan and its neighbouring states to be unacceptable,\" Lavrov said.\n",
        "Soviet-era \"K-2\" air base"})
    EXPECT_TRUE(contains(body, kept)) << kept;
  for (const char* gone : {"MIN READ", "Photo: Reuters", "Staff Reporter", "RECOMMENDED", "SOURCE:", "Explore"})
    EXPECT_FALSE(contains(body, gone)) << gone;
}

}  // namespace
}  // namespace newsgraph::clean
