// How long the programs' allocator holds memory freed before returning it.
//
// A build frees and allocates analyzed passages by the hundred thousand on
// several threads. mimalloc returns freed memory to the system after 25 ms
// (pages) and 500 ms (segments); each return from a multi-threaded process
// costs TLB shootdowns on the other cores (2.3% of a Wikipedia build's
// profile) and each reuse page faults (3.3%). Held 5 s, measured back to back
// (mean of three or four builds): Wikipedia 11.24 -> 10.27 s, statutes 5.14
// -> 4.99 s, peak RSS +9 MB and +6 MB; searching is unchanged, so only
// fahras-index sets it. MIMALLOC_* environment variables still decide when
// set. Without mimalloc (FAHRAS_WITH_MIMALLOC undefined) it does nothing.
#pragma once

#include <cstdlib>

#ifdef FAHRAS_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace fahras {

inline constexpr long kFreedMemoryHeldMs = 5000;

inline void hold_freed_memory() {
#ifdef FAHRAS_WITH_MIMALLOC
  for (const char* name :
       {"MIMALLOC_DECOMMIT_DELAY", "MIMALLOC_RESET_DELAY", "MIMALLOC_SEGMENT_DECOMMIT_DELAY"})
    if (std::getenv(name)) return;
  mi_option_set(mi_option_decommit_delay, kFreedMemoryHeldMs);
  mi_option_set(mi_option_segment_decommit_delay, kFreedMemoryHeldMs);
#endif
}

// For the service: freed memory goes back to the system at once. Requests
// run on many threads (server/guarded_server.h), and a thread that served a
// large one may not allocate again for a long time, so a delayed return
// would never come: memory returns to its baseline after a large request
// (a 7 MB POST: 5 -> 55 MB held, 5 MB with this). Searches, on their few
// worker threads, measured no slower (ARCD questions through fahras-serve,
// p50 1.23 / 1.31 ms against 1.18 / 1.38). MIMALLOC_* variables still decide.
inline void return_freed_memory_promptly() {
#ifdef FAHRAS_WITH_MIMALLOC
  for (const char* name : {"MIMALLOC_DECOMMIT_DELAY", "MIMALLOC_SEGMENT_DECOMMIT_DELAY"})
    if (std::getenv(name)) return;
  mi_option_set(mi_option_decommit_delay, 0);
  mi_option_set(mi_option_segment_decommit_delay, 0);
#endif
}

}  // namespace fahras
