// Xapian's block reads of index files served from memory mappings.
//
// Xapian 1.4's glass backend reads every B-tree block with pread(2): a warm
// search of an ARCD question on the Wikipedia collection makes about 120 of
// them, and in a virtual machine their system calls were a fifth of the
// search (perf). Lucene reads its index through mmap (MMapDirectory). Linked
// into a program (Fahras's own programs; an application on libfahras links
// Fahras::mapped_reads), this module does the same for Xapian without
// changing it: it interposes the C library's open, pread and close, maps
// each glass table file (*.glass) opened read-only, and answers a pread of
// such a file by copying from its mapping.
//
// Contract:
// - The bytes a pread returns are the bytes the file holds at that moment,
//   as with the system call: a MAP_SHARED mapping shows the page cache, so
//   writes by this or any process are seen at once.
// - Only files opened read-only whose names end in ".glass" are mapped; every
//   other file, and any read reaching past the length a file had when it was
//   opened (a table that grew since), goes to the system call.
// - Descriptors open on one file share one mapping while the file keeps the
//   length it had when mapped (a searcher per thread maps the index once).
// - A mapping is dropped when its last descriptor is closed through close(). Xapian
//   closes its tables so; a descriptor closed otherwise (dup2 onto it) would
//   keep serving the old file's bytes.
// - Xapian never shortens a table file in place (it writes whole new
//   databases to compact or replace them). A file shortened by something
//   else (a copy over it) faults a copy from past its new end with SIGBUS;
//   the read is then made by the system call, as are all later reads of that
//   file, so it reads short as it would without mappings. Any other SIGBUS
//   keeps the disposition it had.
// - FAHRAS_MAPPED_READS=0 in the environment turns it off for files opened
//   after (to compare, or where mappings are unwelcome: a network file
//   system that changes files under its readers).
// Thread-safe: the map of descriptors is a table of atomic pointers; mappings
// are shared and dropped under a lock, at open and close only.
#pragma once

#include <cstdint>

namespace fahras {

// How many pread calls were answered from a mapping since the process started
// (for tests and --profile: 0 means the interposition is not linked in).
uint64_t mapped_index_reads();

// How many descriptors are read through mappings now.
uint64_t mapped_index_files();

// How many mappings they share now.
uint64_t mapped_index_mappings();

}  // namespace fahras
