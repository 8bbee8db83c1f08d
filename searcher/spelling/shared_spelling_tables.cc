// Spelling tables shared across threads (see shared_spelling_tables.h).
#include "shared_spelling_tables.h"

#include <vector>

#include "passage_document.h"

namespace fahras {

SharedSpellingTables::SharedSpellingTables() {
  // The reading threads use the stop word list: made before this object, it
  // is destroyed after it, so a reading the destructor waits for can use it.
  is_spelling_word("كتاب");
}

SharedSpellingTables::~SharedSpellingTables() {
  std::vector<std::thread> readers;
  {
    std::lock_guard lock(mutex_);
    for (auto& [path, database] : databases_)
      if (database.reader.joinable()) readers.push_back(std::move(database.reader));
  }
  for (std::thread& reader : readers) reader.join();
}

SharedTable SharedSpellingTables::find(const std::string& path, const std::string& uuid,
                                       Xapian::rev since, Xapian::rev now) {
  std::lock_guard lock(mutex_);
  Database& database = databases_[path];
  if (database.reading) return {nullptr, true};
  if (database.reader.joinable()) database.reader.join();  // done: its results are in
  if (database.unreadable_uuid == uuid) return {};
  std::shared_ptr<const SpellingTable> table =
      database.unclaimed ? database.unclaimed : database.claimed.lock();
  if (table && table->uuid == uuid && since <= table->revision && table->revision <= now) {
    database.claimed = table;
    database.unclaimed.reset();
    return {table, false};
  }
  // A table newer than the asking handle: it reads the index as it was, and
  // a table read again would be newer still.
  if (table && table->uuid == uuid && table->revision > now) return {};
  start_reading(database, path, uuid);
  return {nullptr, true};
}

void SharedSpellingTables::start_reading(Database& database, const std::string& path,
                                         const std::string& uuid) {
  database.reading = true;
  database.reader = std::thread([this, &database, path, uuid] {
    std::shared_ptr<const SpellingTable> table;
    try {
      Xapian::Database index(path);
      if (index.get_uuid() == uuid) table = read_spelling_table(index);
    } catch (const Xapian::Error&) {
      // Left unread: the suggesters asking read their own.
    } catch (const std::exception&) {
    }
    std::lock_guard lock(mutex_);
    database.reading = false;
    if (table)
      database.unclaimed = std::move(table);
    else
      database.unreadable_uuid = uuid;
  });
}

SharedSpellingTables& shared_spelling_tables() {
  static SharedSpellingTables tables;
  return tables;
}

}  // namespace fahras
