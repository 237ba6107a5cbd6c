#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {
namespace {

std::map<std::string, std::vector<int>> parse(const std::string& tsv) {
  std::map<std::string, std::vector<int>> out;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word, id;
    std::getline(fields, word, '\t');
    while (std::getline(fields, id, '\t')) out[word].push_back(std::stoi(id));
  }
  return out;
}

TEST(ClusteringTest, WordsInTheSameContextsClusterTogether) {
  std::string path =
      (std::filesystem::temp_directory_path() / "tagger_test_clusters.txt").string();
  {
    std::ofstream out(path);
    const char* days[] = {"Monday", "Tuesday", "Friday"};
    const char* cities[] = {"Paris", "London", "Rome"};
    for (int rep = 0; rep < 20; ++rep) {
      for (const char* d : days) out << "talks resume on " << d << " morning .\n";
      for (const char* c : cities) out << "officials arrived in " << c << " airport .\n";
    }
  }
  ClusteringOptions options;
  options.sizes = {2, 5};
  options.vocabulary = 100;
  std::string tsv = induceClusters({path}, options);
  EXPECT_EQ(tsv, induceClusters({path}, options));  // deterministic
  auto clusters = parse(tsv);
  ASSERT_EQ(clusters.size(), 15u);  // every word type, with two ids each
  for (const char* w : {"Tuesday", "Friday"}) EXPECT_EQ(clusters[w], clusters["Monday"]) << w;
  for (const char* w : {"London", "Rome"}) EXPECT_EQ(clusters[w], clusters["Paris"]) << w;
  EXPECT_NE(clusters["Monday"][1], clusters["Paris"][1]);
  std::remove(path.c_str());
  EXPECT_THROW(induceClusters({path}, options), Error);
}

}  // namespace
}  // namespace newsgraph::tagger
