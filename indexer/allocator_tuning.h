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

// For the service: freed pages are held as mimalloc holds them by default
// (25 ms; segments 500 ms), so that back-to-back searches reuse them rather
// than page-faulting them in again. Returned at once, each ARCD question on
// the 1M-passage index took 98 page faults and 2.19 ms of the service's CPU;
// held, 1.7 faults and 2.02 ms. An idle thread gives its memory back
// (server/thread_memory.h; abandoned_page_decommit makes that complete), so
// memory still returns to its baseline after a large request.
// MIMALLOC_* variables still decide.
inline constexpr long kServiceFreedPagesHeldMs = 25;
inline constexpr long kServiceFreedSegmentsHeldMs = 500;

inline void hold_freed_memory_briefly() {
#ifdef FAHRAS_WITH_MIMALLOC
  for (const char* name : {"MIMALLOC_DECOMMIT_DELAY", "MIMALLOC_SEGMENT_DECOMMIT_DELAY"})
    if (std::getenv(name)) return;
  mi_option_set(mi_option_decommit_delay, kServiceFreedPagesHeldMs);
  mi_option_set(mi_option_segment_decommit_delay, kServiceFreedSegmentsHeldMs);
  mi_option_enable(mi_option_abandoned_page_decommit);
#endif
}

}  // namespace fahras
