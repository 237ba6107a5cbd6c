#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

// Mentions a..i as 0..8.
enum { a, b, c, d, e, f, g, h, i };

// The worked example of Pradhan et al. (2014), figure 1: key {a b c} {d e f g}, response
// {a b} {c d} {f g h i}. By hand: MUC R = (1 + 1) / (2 + 3), P = (1 + 0 + 1) / (1 + 1 + 3);
// B3 R = (4/3 + 1/3 + 1/4 + 4/4) / 7, P = (4/2 + 1/2 + 1/2 + 4/4) / 8; CEAF-e aligns
// {a b c}-{a b} (phi4 = 4/5) and {d e f g}-{f g h i} (4/8): R = 1.3 / 2, P = 1.3 / 3.
TEST(CorefScoreTest, PradhanExample) {
  CorefScorer scorer;
  scorer.add({{a, b, c}, {d, e, f, g}}, {{a, b}, {c, d}, {f, g, h, i}});
  CorefReport r = scorer.report();
  EXPECT_DOUBLE_EQ(r.muc.recall, 0.4);
  EXPECT_DOUBLE_EQ(r.muc.precision, 0.4);
  EXPECT_NEAR(r.b3.recall, (4.0 / 3 + 1.0 / 3 + 0.25 + 1) / 7, 1e-12);
  EXPECT_NEAR(r.b3.precision, 0.5, 1e-12);
  EXPECT_NEAR(r.ceafe.recall, 0.65, 1e-12);
  EXPECT_NEAR(r.ceafe.precision, 1.3 / 3, 1e-12);
  EXPECT_NEAR(r.conll, (r.muc.f1 + r.b3.f1 + r.ceafe.f1) / 3, 1e-12);
}

TEST(CorefScoreTest, PerfectEmptyAndSummedOverDocuments) {
  CorefScorer perfect;
  perfect.add({{a, b}, {c, d, e}}, {{c, d, e}, {a, b}});
  CorefReport r = perfect.report();
  EXPECT_DOUBLE_EQ(r.muc.f1, 1);
  EXPECT_DOUBLE_EQ(r.b3.f1, 1);
  EXPECT_DOUBLE_EQ(r.ceafe.f1, 1);

  CorefScorer none;
  none.add({{a, b}}, {});
  EXPECT_DOUBLE_EQ(none.report().muc.recall, 0);
  EXPECT_DOUBLE_EQ(none.report().conll, 0);

  // Counts are summed before the ratio: a perfect two-link document and a missed one-link one
  // give MUC recall 2/3, not the mean of 1 and 0.
  CorefScorer two;
  two.add({{a, b, c}}, {{a, b, c}});
  two.add({{a, b}}, {});
  EXPECT_NEAR(two.report().muc.recall, 2.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(two.report().muc.precision, 1);
}

// CEAF-e must find the best alignment, not the greedy one: phi4(k0,r0) = 6/8 is the largest
// similarity, but k0-r1 (2/5) with k1-r0 (2/5) adds up to more (0.8 > 0.75).
TEST(CorefScoreTest, CeafFindsTheBestAlignment) {
  CorefScorer scorer;
  scorer.add({{a, b, c, d}, {e}}, {{a, b, c, e}, {d}});
  EXPECT_NEAR(scorer.report().ceafe.recall, 0.8 / 2, 1e-12);
  EXPECT_NEAR(scorer.report().ceafe.precision, 0.8 / 2, 1e-12);
}

std::string writeTemp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / (name + "." + std::to_string(getpid()));
  std::ofstream(path) << text;
  return path.string();
}

std::string errorOf(const std::string& path) {
  try {
    evaluateCoreference(path);
  } catch (const Error& e) {
    return e.oneLine();
  }
  return "";
}

// Two sentences of our own: "Mary Smith left Paris . She wrote a book ."
TEST(CorefGumTest, ReadsTheBracketsAndLinksAPronoun) {
  std::string conllu =
      "# newdoc id = t1\n"
      "1\tMary\tMary\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-coref-Mary\n"
      "2\tSmith\tSmith\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
      "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tParis\tParis\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-place-new-sgl)|SpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
      "\n"
      "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-coref-Mary)\n"
      "2\twrote\twrite\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\tEntity=(3-object-new-sgl\n"
      "4\tbook\tbook\tNOUN\tNN\t_\t2\tobj\t_\tEntity=3)|SpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "\n";
  CorefReport r = evaluateCoreference(writeTemp("coref_ok.conllu", conllu));
  EXPECT_EQ(r.documents, 1u);
  EXPECT_EQ(r.mentions, 4u);
  EXPECT_EQ(r.keyChains, 1u);  // {Mary Smith, She}; the singletons are left out
  EXPECT_DOUBLE_EQ(r.muc.f1, 1);
}

TEST(CorefGumTest, UnbalancedBracketsNameFileAndLine) {
  std::string open =
      "1\tMary\tMary\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new\n"
      "\n";
  EXPECT_NE(errorOf(writeTemp("coref_open.conllu", open)).find("chain 1 is never closed"),
            std::string::npos);
  std::string close = "1\tMary\tMary\tPROPN\tNNP\t_\t0\troot\t_\tEntity=7)\n\n";
  std::string message = errorOf(writeTemp("coref_close.conllu", close));
  EXPECT_NE(message.find("coref_close.conllu"), std::string::npos) << message;
  EXPECT_NE(message.find(":1"), std::string::npos) << message;
  EXPECT_NE(message.find("closes chain 7"), std::string::npos) << message;
  std::string shortLine = "1\tMary\tMary\n\n";
  EXPECT_NE(errorOf(writeTemp("coref_short.conllu", shortLine)).find("10 tab-separated"),
            std::string::npos);
}

}  // namespace
}  // namespace newsgraph::eval
