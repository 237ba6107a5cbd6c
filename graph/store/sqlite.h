#pragma once
// Private to graph/store/: a thin RAII wrapper over the SQLite C API. Every failure
// throws newsgraph::Error naming the database file; corruption is reported as such.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::store {

// How long a statement waits for a lock held by another connection before it fails.
inline constexpr int kBusyTimeoutMs = 30000;

class Database {
 public:
  Database(const std::string& path, int flags);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);
  // Value of the first column of the first row of SQL, as an integer.
  int64_t queryInt(const char* sql);
  [[noreturn]] void fail(int code) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  // True while there is a row to read; resets itself after the last row.
  bool step();
  // Runs a statement that returns no rows (or ignores them) and resets it.
  void run();
  void reset();

  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string_view text(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN on construction, ROLLBACK on destruction unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace newsgraph::store
