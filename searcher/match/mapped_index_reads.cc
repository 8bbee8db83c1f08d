// Interposed open, pread and close serving glass table reads from mappings
// (see include/fahras/mapped_index_reads.h).
#undef _FORTIFY_SOURCE  // its inline pread wrapper would clash with ours
#include "fahras/mapped_index_reads.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string_view>
#include <utility>

namespace {

// One mapping of a file, shared by every descriptor open on it while the
// file keeps the length it had when mapped: fahras-serve's threads each open
// the index, and mapping it once per thread counted its pages once per thread
// in the process's RSS, and faulted each page in once per thread.
struct Mapping {
  const char* bytes;
  size_t length;
  dev_t device;
  ino_t inode;
  size_t descriptors = 1;              // read through it; guarded by mapping_table_mutex
  std::atomic<bool> shortened{false};  // a copy faulted: read with the system call since
};

// Descriptors at or above this are left to the system calls.
constexpr int kMaxMappedDescriptor = 1 << 16;

std::atomic<Mapping*> mappings[kMaxMappedDescriptor];
std::atomic<uint64_t> served_reads{0};
std::atomic<uint64_t> mapped_descriptors{0};
std::atomic<uint64_t> live_mappings{0};

// The newest mapping of each file (device, inode), which descriptors opened
// later share while the file's length is the mapping's. A mapping holds its
// file, so its inode number is not reused while it lives.
std::mutex mapping_table_mutex;
std::map<std::pair<dev_t, ino_t>, Mapping*>& newest_mappings() {
  static auto* table =
      new std::map<std::pair<dev_t, ino_t>, Mapping*>;  // outlives exit-time closes
  return *table;
}

using OpenFunction = int (*)(const char*, int, ...);
using PreadFunction = ssize_t (*)(int, void*, size_t, off_t);
using CloseFunction = int (*)(int);

// The C library's definitions, which ours wrap.
struct SystemCalls {
  OpenFunction open;
  OpenFunction open64;
  PreadFunction pread;
  CloseFunction close;
};

const SystemCalls& system_calls() {
  static const SystemCalls calls{reinterpret_cast<OpenFunction>(dlsym(RTLD_NEXT, "open")),
                                 reinterpret_cast<OpenFunction>(dlsym(RTLD_NEXT, "open64")),
                                 reinterpret_cast<PreadFunction>(dlsym(RTLD_NEXT, "pread64")),
                                 reinterpret_cast<CloseFunction>(dlsym(RTLD_NEXT, "close"))};
  return calls;
}

// A file shortened under its mapping (truncated or overwritten in place by
// something other than Xapian) makes a copy from past its new end raise
// SIGBUS. While a thread copies from a mapping, copy_guard points at where to
// resume; the handler jumps there, and the read goes to the system call,
// which reports the short file as it would have without mappings. A SIGBUS
// anywhere else gets the disposition that was there before ours.
thread_local sigjmp_buf* volatile copy_guard = nullptr;  // volatile: read by the handler
struct sigaction bus_error_action_before;

void on_bus_error(int, siginfo_t*, void*) {
  if (sigjmp_buf* guard = copy_guard) {
    copy_guard = nullptr;
    siglongjmp(*guard, 1);
  }
  sigaction(SIGBUS, &bus_error_action_before, nullptr);  // the faulting access runs again
}

// Installs on_bus_error unless it is the handler now: called at each
// mapping, so a handler the program installed since is kept as the one
// before ours.
void handle_bus_errors() {
  static std::mutex installing;
  std::lock_guard lock(installing);
  struct sigaction now {};
  if (sigaction(SIGBUS, nullptr, &now) == 0 && (now.sa_flags & SA_SIGINFO) &&
      now.sa_sigaction == on_bus_error)
    return;
  struct sigaction action {};
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;  // the jump leaves SIGBUS unblocked
  sigemptyset(&action.sa_mask);
  sigaction(SIGBUS, &action, &bus_error_action_before);
}

// Copies count bytes from a mapping; false when the copy faulted.
[[gnu::noinline]] bool guarded_copy(void* buffer, const char* from, size_t count) {
  sigjmp_buf guard;
  if (sigsetjmp(guard, 0) != 0) return false;
  copy_guard = &guard;
  std::memcpy(buffer, from, count);
  copy_guard = nullptr;
  return true;
}

// False when the environment says FAHRAS_MAPPED_READS=0 (read at each open).
bool mapping_wanted() {
  const char* setting = std::getenv("FAHRAS_MAPPED_READS");
  return !setting || std::string_view(setting) != "0";
}

bool is_glass_table(const char* path) {
  std::string_view name(path);
  return name.size() > 6 && name.substr(name.size() - 6) == ".glass";
}

// Drops a descriptor's use of a mapping; unmaps it after the last.
void release(Mapping* mapping) {
  {
    std::lock_guard lock(mapping_table_mutex);
    if (--mapping->descriptors > 0) return;
    auto newest = newest_mappings().find({mapping->device, mapping->inode});
    if (newest != newest_mappings().end() && newest->second == mapping)
      newest_mappings().erase(newest);
  }
  munmap(const_cast<char*>(mapping->bytes), mapping->length);
  delete mapping;
  live_mappings.fetch_sub(1, std::memory_order_relaxed);
}

// The mapping of the whole file open on fd: the newest one of the file when
// its length is still the file's, else a new one; nullptr if it cannot be mapped.
Mapping* mapping_of(int fd, const struct stat& status) {
  auto length = static_cast<size_t>(status.st_size);
  std::lock_guard lock(mapping_table_mutex);
  Mapping*& newest = newest_mappings()[{status.st_dev, status.st_ino}];
  if (newest && newest->length == length && !newest->shortened.load(std::memory_order_relaxed)) {
    ++newest->descriptors;
    return newest;
  }
  void* bytes = mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
  if (bytes == MAP_FAILED) {
    if (!newest) newest_mappings().erase({status.st_dev, status.st_ino});
    return nullptr;
  }
  newest = new Mapping{static_cast<const char*>(bytes), length, status.st_dev, status.st_ino};
  live_mappings.fetch_add(1, std::memory_order_relaxed);
  return newest;
}

// Maps the file open read-only on fd when it is a glass table; otherwise
// nothing. A file that cannot be mapped is read with the system calls.
void map_if_table(int fd, const char* path, int flags) {
  if (fd < 0 || fd >= kMaxMappedDescriptor || (flags & O_ACCMODE) != O_RDONLY ||
      !is_glass_table(path) || !mapping_wanted())
    return;
  struct stat status;
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size <= 0) return;
  Mapping* mapping = mapping_of(fd, status);
  if (!mapping) return;
  handle_bus_errors();
  Mapping* previous = mappings[fd].exchange(mapping, std::memory_order_acq_rel);
  if (previous)  // the descriptor was closed without close(): its old file is gone
    release(previous);
  else
    mapped_descriptors.fetch_add(1, std::memory_order_relaxed);
}

void unmap(int fd) {
  if (fd < 0 || fd >= kMaxMappedDescriptor) return;
  Mapping* mapping = mappings[fd].exchange(nullptr, std::memory_order_acq_rel);
  if (!mapping) return;
  release(mapping);
  mapped_descriptors.fetch_sub(1, std::memory_order_relaxed);
}

// Opens with `system_open` (the C library's open or open64), passing the
// mode when the flags call for one, and maps the file when it is a table.
int open_and_map(OpenFunction system_open, const char* path, int flags, va_list arguments) {
  bool has_mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
  int fd = system_open(path, flags, has_mode ? va_arg(arguments, int) : 0);
  map_if_table(fd, path, flags);
  return fd;
}

ssize_t read_at(int fd, void* buffer, size_t count, off_t offset) {
  if (fd >= 0 && fd < kMaxMappedDescriptor && offset >= 0) {
    Mapping* mapping = mappings[fd].load(std::memory_order_acquire);
    auto start = static_cast<size_t>(offset);
    if (mapping && start <= mapping->length && count <= mapping->length - start &&
        !mapping->shortened.load(std::memory_order_relaxed)) {
      if (guarded_copy(buffer, mapping->bytes + start, count)) {
        served_reads.fetch_add(1, std::memory_order_relaxed);
        return static_cast<ssize_t>(count);
      }
      mapping->shortened.store(true, std::memory_order_relaxed);
    }
  }
  return system_calls().pread(fd, buffer, count, offset);
}

}  // namespace

namespace fahras {

uint64_t mapped_index_reads() { return served_reads.load(std::memory_order_relaxed); }

uint64_t mapped_index_files() { return mapped_descriptors.load(std::memory_order_relaxed); }

uint64_t mapped_index_mappings() { return live_mappings.load(std::memory_order_relaxed); }

}  // namespace fahras

extern "C" {

int open(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  int fd = open_and_map(system_calls().open, path, flags, arguments);
  va_end(arguments);
  return fd;
}

int open64(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  int fd = open_and_map(system_calls().open64, path, flags, arguments);
  va_end(arguments);
  return fd;
}

ssize_t pread(int fd, void* buffer, size_t count, off_t offset) {
  return read_at(fd, buffer, count, offset);
}

ssize_t pread64(int fd, void* buffer, size_t count, off64_t offset) {
  return read_at(fd, buffer, count, offset);
}

int close(int fd) {
  unmap(fd);
  return system_calls().close(fd);
}

}  // extern "C"
