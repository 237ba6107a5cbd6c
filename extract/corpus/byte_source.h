#pragma once
// Private to corpus/: byte streams over files, istreams and gzip data, read in chunks so
// that memory does not depend on the input size (except for the line being read).

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace newsgraph::corpus {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns 0 at the end. Throws Error when the input cannot be read.
  virtual size_t read(char* buffer, size_t n) = 0;
};

// Throws Error (where = path) when the file cannot be opened. A named pipe is waited on
// until a writer sends data or hangs up, looking at *stop every 100 ms: when it turns true
// the wait ends with an Error, so Ctrl-C is not held up by a pipe that nobody writes to.
std::unique_ptr<ByteSource> openFileSource(const std::string& path,
                                           const std::atomic<bool>* stop = nullptr);
std::unique_ptr<ByteSource> istreamSource(std::istream& in, std::string name);

// Buffered reading with transparent gzip decompression (detected by the 1f 8b magic). Data
// that inflates to more than kMaxInflateRatio times its compressed size (past the first
// kInflateRatioFreeBytes) is a decompression bomb: reading it throws Error.
inline constexpr uint64_t kMaxInflateRatio = 200;
inline constexpr uint64_t kInflateRatioFreeBytes = uint64_t{64} << 20;
class BufferedReader {
 public:
  BufferedReader(std::unique_ptr<ByteSource> source, std::string name);
  ~BufferedReader();
  // First byte that is not ASCII white space (and not a UTF-8 BOM), without consuming it;
  // -1 at the end of the input or when the first `maxBytes` bytes are all white space.
  int peekNonSpace(size_t maxBytes);
  // Up to the first `n` bytes that are left, without consuming them (fewer at the end).
  std::string_view peek(size_t n);
  // Next line without its '\n' (and '\r'); false at the end of the input. A line longer
  // than maxBytes is skipped to its end without being kept: `line` is then empty and
  // lastLineTooLong() is true.
  bool readLine(std::string& line, size_t maxBytes);
  bool lastLineTooLong() const { return tooLong_; }
  // Everything that is left, or false (with `out` holding the first maxBytes + 1 bytes) when
  // more than maxBytes are left.
  bool readAll(std::string& out, size_t maxBytes);
  // 1-based number of the line last returned by readLine.
  int lineNumber() const { return line_; }

 private:
  bool fill();  // reads more into buf_; false at the end
  std::unique_ptr<ByteSource> source_;
  std::string name_;
  std::string buf_;
  size_t pos_ = 0;
  int line_ = 0;
  bool tooLong_ = false;
};

}  // namespace newsgraph::corpus
