// Returning a thread's freed memory (see thread_memory.h).
#include "thread_memory.h"

// mimalloc's, when the program links it (CMakeLists.txt, fahras_link_allocator);
// null otherwise.
extern "C" void mi_collect(bool force) __attribute__((weak));
extern "C" void mi_thread_done() __attribute__((weak));

namespace fahras {

void release_freed_memory_of_this_thread() {
  if (mi_collect) mi_collect(true);
  // mimalloc 2.0 decommits a segment's delayed pages only when the segment
  // next gives out a page, which an idle thread never asks for; mi_collect
  // does not reach them. A thread's end does (with abandoned_page_decommit,
  // allocator_tuning.h), and mimalloc sets the thread up again at its next
  // allocation; blocks it still holds are freed as any thread's are.
  if (mi_thread_done) mi_thread_done();
}

}  // namespace fahras
