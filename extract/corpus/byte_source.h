#pragma once
// Private to corpus/: byte streams over files, istreams and gzip data, read in chunks so
// that memory does not depend on the input size (except for the line being read).

#include <cstdio>
#include <istream>
#include <memory>
#include <string>

namespace newsgraph::corpus {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns 0 at the end. Throws Error when the input cannot be read.
  virtual size_t read(char* buffer, size_t n) = 0;
};

// Throws Error (where = path) when the file cannot be opened.
std::unique_ptr<ByteSource> openFileSource(const std::string& path);
std::unique_ptr<ByteSource> istreamSource(std::istream& in, std::string name);

// Buffered reading with transparent gzip decompression (detected by the 1f 8b magic).
class BufferedReader {
 public:
  BufferedReader(std::unique_ptr<ByteSource> source, std::string name);
  ~BufferedReader();
  // First byte that is not ASCII white space (and not a UTF-8 BOM), without consuming it;
  // -1 at the end of the input.
  int peekNonSpace();
  // Next line without its '\n' (and '\r'); false at the end of the input.
  bool readLine(std::string& line);
  // Everything that is left.
  void readAll(std::string& out);
  // 1-based number of the line last returned by readLine.
  int lineNumber() const { return line_; }

 private:
  bool fill();  // reads more into buf_; false at the end
  std::unique_ptr<ByteSource> source_;
  std::string name_;
  std::string buf_;
  size_t pos_ = 0;
  int line_ = 0;
};

}  // namespace newsgraph::corpus
