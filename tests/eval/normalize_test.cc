#include <gtest/gtest.h>

#include "core/core.h"
#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

// Expected values are what score_graphml.py's norm() returns for the same input.
TEST(NormalizeTest, LeadingTheAndCase) {
  EXPECT_EQ(normalizeName("The Kremlin"), "kremlin");
  EXPECT_EQ(normalizeName("THE  Hague"), "hague");
  EXPECT_EQ(normalizeName("the"), "the");
  EXPECT_EQ(normalizeName("Theresa May"), "theresa may");
}

TEST(NormalizeTest, OnlyASingleTrailingDotGoes) {
  EXPECT_EQ(normalizeName("U.S"), "u.s");
  EXPECT_EQ(normalizeName("Corp."), "corp");
  EXPECT_EQ(normalizeName("U.S."), "u.s.");
  EXPECT_EQ(normalizeName("Washington D.C."), "washington d.c.");
  EXPECT_EQ(normalizeName("St. Louis."), "st. louis.");
  EXPECT_EQ(normalizeName("St. Louis"), "st. louis");
}

TEST(NormalizeTest, QuotesDashesAndWhitespace) {
  EXPECT_EQ(normalizeName("\u2018Ali\u2019s\u2019"), "'ali's'");
  EXPECT_EQ(normalizeName("Soviet\u2013Afghan War"), "soviet-afghan war");
  EXPECT_EQ(normalizeName("Soviet\u2010Afghan\u2015War"), "soviet-afghan-war");
  EXPECT_EQ(normalizeName("  the  United\u00a0States "), "united states");
  EXPECT_EQ(normalizeName("x\u2028y\u0085"), "x y");
  EXPECT_EQ(normalizeName("\tNew\nYork\r\n"), "new york");
}

TEST(NormalizeTest, UnicodeLikePython) {
  EXPECT_EQ(normalizeName("S\u00e3o Paulo"), "s\u00e3o paulo");
  EXPECT_EQ(normalizeName("Nicol\u00c1s MADURO"), "nicol\u00e1s maduro");
  EXPECT_EQ(normalizeName("A\u0300"), "\u00e0");                // NFKC composes
  EXPECT_EQ(normalizeName("\ufb01nance"), "finance");           // compatibility ligature
  EXPECT_EQ(normalizeName("\u2160"), "i");                      // Roman numeral one
  EXPECT_EQ(normalizeName("\u0130stanbul"), "i\u0307stanbul");  // full lower-case mapping
  EXPECT_EQ(normalizeName("\u039f\u0394\u039f\u03a3"), "\u03bf\u03b4\u03bf\u03c2");
  EXPECT_EQ(normalizeName("\u039f\u0394\u039f\u03a3 \u039a\u0391\u0399"),
            "\u03bf\u03b4\u03bf\u03c2 \u03ba\u03b1\u03b9");
  EXPECT_EQ(normalizeName("\u03a3\u039f"), "\u03c3\u03bf");  // not final: nothing cased before
}

TEST(NormalizeTest, InvalidUtf8IsAnError) { EXPECT_THROW(normalizeName("bad \xff name"), Error); }

TEST(SplitListTest, SeparatorsAndJsonArrays) {
  using V = std::vector<std::string>;
  EXPECT_EQ(splitList("a; b|c"), (V{"a", "b", "c"}));
  EXPECT_EQ(splitList(" [\"a;b\", 1, null, true] "), (V{"a;b", "1", "None", "True"}));
  EXPECT_EQ(splitList("[bad"), (V{"[bad"}));
  EXPECT_EQ(splitList("[\"x\"] y"), (V{"[\"x\"] y"}));
  EXPECT_EQ(splitList(""), V{});
  EXPECT_EQ(splitList(" ; \u00a0"), V{});
  EXPECT_EQ(splitList("dir/000_a.txt;001_b.txt"), (V{"dir/000_a.txt", "001_b.txt"}));
}

}  // namespace
}  // namespace newsgraph::eval
