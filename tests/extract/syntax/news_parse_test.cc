// Parses by the shipped model (data/models/syntax.model) of news sentences the relation rules
// depend on, tokenised by our own segmenter. Only the arcs between the key words are asserted.
#include <gtest/gtest.h>

#include <string>

#include "extract/syntax/syntax.h"

namespace newsgraph::syntax {
namespace {

class NewsParseTest : public ::testing::Test {
 protected:
  // Parses one sentence; word(form) then gives the 1-based index of a word.
  void parse(const std::string& sentence) {
    text_ = sentence;
    const text::Segmentation seg = text::segment(text_, {Span{0, uint32_t(text_.size())}});
    ASSERT_EQ(seg.sentences.size(), 1u) << sentence;
    forms_.clear();
    for (const text::Token& t : seg.tokens) forms_.push_back(t.text);
    SyntaxModel::standard().analyze(forms_, &parse_);
  }
  uint32_t word(std::string_view form) const {
    for (size_t i = 0; i < forms_.size(); ++i)
      if (forms_[i] == form) return static_cast<uint32_t>(i + 1);
    ADD_FAILURE() << "no word " << form;
    return 0;
  }
  // "dependent -deprel-> head" holds.
  void expectArc(std::string_view dependent, std::string_view deprel, std::string_view head) {
    const WordAnalysis& w = parse_.words[word(dependent) - 1];
    EXPECT_EQ(w.head, head.empty() ? 0 : word(head)) << dependent << " in: " << text_;
    EXPECT_EQ(w.deprel, deprel) << dependent << " in: " << text_;
  }

  std::string text_;
  std::vector<std::string_view> forms_;
  SentenceParse parse_;
};

TEST_F(NewsParseTest, Apposition) {
  parse("Sergey Lavrov, the Russian foreign minister, met his Chinese counterpart in Beijing.");
  expectArc("met", "root", "");
  expectArc("Sergey", "nsubj", "met");
  expectArc("Lavrov", "flat", "Sergey");
  expectArc("minister", "appos", "Sergey");
  expectArc("counterpart", "obj", "met");
  EXPECT_EQ(parse_.words[word("met") - 1].lemma, "meet");
}

TEST_F(NewsParseTest, RelativeClause) {
  parse("Xi Jinping, who leads the Communist Party, visited Moscow.");
  expectArc("Xi", "nsubj", "visited");
  expectArc("leads", "acl:relcl", "Xi");
  expectArc("who", "nsubj", "leads");
  expectArc("Party", "obj", "leads");
  expectArc("Moscow", "obj", "visited");
}

TEST_F(NewsParseTest, Coordination) {
  parse("Germany, France and Italy imposed sanctions on Iran.");
  expectArc("Germany", "nsubj", "imposed");
  expectArc("France", "conj", "Germany");
  expectArc("Italy", "conj", "Germany");
  expectArc("and", "cc", "Italy");
  expectArc("sanctions", "obj", "imposed");
}

TEST_F(NewsParseTest, PassiveWithBy) {
  parse("The talks were hosted by Qatar.");
  expectArc("talks", "nsubj:pass", "hosted");
  expectArc("were", "aux:pass", "hosted");
  expectArc("Qatar", "obl:agent", "hosted");
  expectArc("by", "case", "Qatar");
}

TEST_F(NewsParseTest, CapitalOf) {
  parse("Kabul, the capital of Afghanistan, fell to the Taliban.");
  expectArc("Kabul", "nsubj", "fell");
  expectArc("capital", "appos", "Kabul");
  expectArc("Afghanistan", "nmod", "capital");
  expectArc("of", "case", "Afghanistan");
}

}  // namespace
}  // namespace newsgraph::syntax
