// The files a page is made of, read at run time: nothing of d3 is copied into the project,
// and the viewer's own script and style live in data/view/.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "view/page.h"
#include "view/view.h"

namespace newsgraph::view {
namespace {

bool containsNoCase(std::string_view text, std::string_view needle) {
  auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != text.end();
}

std::string readAsset(const std::string& path, std::string_view closingTag) {
  std::string text = readFile(path);
  NG_CHECK(!containsNoCase(text, closingTag), path,
           "contains '" + std::string(closingTag) + "', which would end the element it is "
           "inlined in");
  return text;
}

}  // namespace

std::string defaultD3Path() {
  const char* path = std::getenv("NEWSGRAPH_D3");
  return path && *path ? path : "/usr/share/javascript/d3/d3.min.js";
}

PageAssets loadAssets(const std::string& dataDir, const std::string& d3Path) {
  std::error_code ignored;
  NG_CHECK(std::filesystem::is_regular_file(d3Path, ignored), d3Path,
           "d3 not found; install Debian's libjs-d3 (apt-get install libjs-d3) or give --d3 PATH");
  PageAssets assets;
  assets.d3 = readAsset(d3Path, "</script");
  // d3 4 and later have d3.forceSimulation instead: the page is written for version 3's API.
  NG_CHECK(assets.d3.find("layout.force") != std::string::npos &&
               assets.d3.find("behavior.zoom") != std::string::npos,
           d3Path, "not d3 version 3 (d3.layout.force, d3.behavior.zoom), as Debian's libjs-d3 is");
  std::string dir = dataDir + "/view/";
  assets.page = readFile(dir + "view.html");
  assets.script = readAsset(dir + "view.js", "</script");
  assets.style = readAsset(dir + "view.css", "</style");
  checkTemplate(assets.page, dir + "view.html");
  return assets;
}

}  // namespace newsgraph::view
