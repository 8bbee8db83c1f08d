// In-place compaction with an atomic exchange (see compaction.h).
#include "compaction.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "fahras/schema.h"
#include "index_directory.h"

namespace fahras {
namespace fs = std::filesystem;

namespace {

// The database's own directory: symbolic links resolved (the copy is made and
// swapped beside the directory itself, and a link to it stays a link), no
// trailing separator.
fs::path real_directory(const fs::path& p) {
  fs::path normal = (fs::exists(p) ? fs::canonical(p) : fs::absolute(p)).lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

// Makes the exchange of two entries of `directory` durable.
void sync_directory(const fs::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void compact_one(const fs::path& database) {
  fs::path target = real_directory(database);
  require_only_index_files(target);
  fs::path workspace = compaction_workspace(target);
  clear_workspace(workspace);
  try {
    Xapian::Database(target.string())
        .compact(workspace.string(), Xapian::DBCOMPACT_NO_RENUMBER | kCompactionLevel,
                 schema::kBlockSize);
    Xapian::WritableDatabase copy(workspace.string(), Xapian::DB_OPEN);
    copy.set_metadata(std::string(schema::kMetaChangedSinceCompaction), std::string());
    copy.commit();
  } catch (...) {
    remove_index_files(workspace);
    throw;
  }
  swap_in_workspace(target);
}

}  // namespace

void require_only_index_files(const fs::path& database) {
  std::vector<fs::path> foreign = foreign_entries(database);
  if (!foreign.empty())
    throw std::runtime_error(database.string() + " holds files that are not the index's (" +
                             name_some(foreign) +
                             "): they are left alone, and the index is not swapped for a copy");
}

void clear_workspace(const fs::path& workspace) {
  std::vector<fs::path> left = remove_index_files(workspace);
  if (!left.empty())
    throw std::runtime_error(workspace.string() + " holds files that are not Fahras's (" +
                             name_some(left) + "): move them away; nothing was changed");
}

void swap_in_workspace(const fs::path& database) {
  fs::path target = real_directory(database);
  fs::path workspace = compaction_workspace(target);
  try {
    require_only_index_files(target);
  } catch (...) {
    remove_index_files(workspace);
    throw;
  }
  if (::renameat2(AT_FDCWD, workspace.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    int error = errno;
    remove_index_files(workspace);
    throw std::runtime_error(target.string() + ": cannot swap in the new copy (" +
                             std::strerror(error) + "); the index is as it was");
  }
  sync_directory(target.parent_path());
  remove_index_files(workspace);  // now the old copy; what stays, the next run removes
}

bool compaction_due(size_t passages_changed, size_t passages_held) {
  return passages_changed > 0 && static_cast<double>(passages_changed) >=
                                     kCompactAfterChangedShare * static_cast<double>(passages_held);
}

size_t passages_changed_since_compaction(const Xapian::Database& db) {
  std::string count = db.get_metadata(std::string(schema::kMetaChangedSinceCompaction));
  size_t changed = 0;
  std::from_chars(count.data(), count.data() + count.size(), changed);  // absent or bad: 0
  return changed;
}

fs::path workspace_beside(const fs::path& database, std::string_view suffix) {
  fs::path target = real_directory(database);
  return target.parent_path() / (target.filename().string() + std::string(suffix));
}

fs::path compaction_workspace(const fs::path& database) {
  return workspace_beside(database, ".compacting");
}

void discard_compaction_leftovers(const fs::path& database) {
  // What cannot be removed now is tried again by the next compaction, which
  // then fails with the reason as a warning.
  remove_index_files(compaction_workspace(database));
}

uint64_t database_bytes(const fs::path& database) {
  uint64_t bytes = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(database))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

CompactionReport compact_in_place(const std::vector<fs::path>& databases) {
  auto started = std::chrono::steady_clock::now();
  CompactionReport report;
  for (const fs::path& database : databases) {
    report.bytes_before += database_bytes(database);
    compact_one(database);
    report.bytes_after += database_bytes(database);
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace fahras
