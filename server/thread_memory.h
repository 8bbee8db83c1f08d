// Giving a service thread's freed memory back to the system when it idles.
//
// fahras-serve holds freed memory briefly (allocator_tuning.h:
// hold_freed_memory_briefly), so that back-to-back searches reuse their
// pages instead of faulting them in again. The allocator returns a thread's
// freed pages only when that thread allocates again, so a thread that goes
// idle after a large request calls release_freed_memory_of_this_thread():
// memory then returns to its baseline within kIdleBeforeRelease.
#pragma once

#include <chrono>

namespace fahras {

// How long a connection thread waits for its next request before
// it gives its freed memory back.
inline constexpr std::chrono::milliseconds kIdleBeforeRelease{200};

// Returns the calling thread's freed memory to the system now (mimalloc's
// mi_collect(true), then mi_thread_done(): the thread's delayed decommits
// are carried out); nothing without mimalloc. Not for the main thread.
void release_freed_memory_of_this_thread();

}  // namespace fahras
