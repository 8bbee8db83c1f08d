// First builds without fsync at every commit (see bulk_build.h).
#include "bulk_build.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "compaction.h"
#include "fahras/schema.h"
#include "index_directory.h"

namespace fahras {
namespace {

void sync_path(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int error = errno;
    if (fd >= 0) ::close(fd);
    throw std::runtime_error(path.string() + ": cannot sync: " + std::strerror(error));
  }
  ::close(fd);
}

}  // namespace

void tune_flush_threshold() { ::setenv("XAPIAN_FLUSH_THRESHOLD", kBulkFlushThreshold, 0); }

int writer_flags(const std::filesystem::path& database) {
  int flags = Xapian::DB_CREATE_OR_OPEN;
  if (!std::filesystem::exists(database)) flags |= Xapian::DB_NO_SYNC;
  return flags;
}

bool create_database_atomically(const std::filesystem::path& database) {
  if (std::filesystem::exists(database)) return false;
  std::filesystem::path creating = workspace_beside(database, ".creating");
  try {
    clear_workspace(creating);
    {
      Xapian::WritableDatabase db(creating.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC,
                                  schema::kBlockSize);
      db.commit();
    }
    sync_database_files(creating);
  } catch (const std::exception&) {  // no room beside it (a name too long)
    remove_index_files(creating);
    return false;
  } catch (const Xapian::Error&) {
    remove_index_files(creating);
    return false;
  }
  std::filesystem::rename(creating, database);
  sync_path(creating.parent_path(), O_RDONLY | O_DIRECTORY);
  return true;
}

void sync_database_files(const std::filesystem::path& database) {
  for (const auto& entry : std::filesystem::directory_iterator(database))
    if (entry.is_regular_file()) sync_path(entry.path(), O_RDONLY);
  sync_path(database, O_RDONLY | O_DIRECTORY);
}

}  // namespace fahras
