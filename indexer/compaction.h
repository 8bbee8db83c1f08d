// Compacting an index in place, safe under live readers and crashes.
//
// Updates leave Xapian's B-trees partly empty; Xapian::Database::compact()
// writes a copy with full blocks (a fresh 100k-passage index shrinks by about
// 28%). The copy is built beside the index, in DIR.compacting, and then
// exchanged with DIR by one atomic renameat2(RENAME_EXCHANGE), so DIR always
// names a whole, committed database: a reader that has the old one open keeps
// reading it (its files live until closed), and its next reopen() finds the
// compacted one. Xapian 1.4's reopen() takes the new version file over the
// old tables' open files without complaint, so every handle a reader reopens
// compares UUIDs and is opened anew when they differ (searcher.cc,
// term_statistics.h). The old copy is then removed; if a crash leaves it (or a
// half-built copy) behind, the next run that writes the index removes it.
//
// The caller must hold the index's WritableDatabase, with everything
// committed, for the whole call: the lock keeps other writers out between the
// copy and the exchange. That writer must not be used afterwards.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// A write compacts by itself when the passages written and deleted since the
// last compaction (schema::kMetaChangedSinceCompaction, kept by the batch
// writer) number at least this share of the passages the index then holds:
// a new index, a full re-index, a large change, or many small ones (streamed
// documents). Until then the trees stay nearly as full as they were.
inline constexpr double kCompactAfterChangedShare = 0.25;

// Every compaction (and the merge of a parallel build's parts) splits items
// across blocks whenever that saves space, as xapian-compact does by default:
// 100k Markov passages 155.0 -> 154.5 MB against Xapian's STANDARD level.
// FULLER, which Xapian advises against for databases that are updated after,
// made the same index larger with 4 KB blocks (169 MB).
inline constexpr int kCompactionLevel = Xapian::Compactor::FULL;

// When a run compacts: when it changed enough (compaction_due), always
// (--compact), or never (--no-compact: e.g. shards served by xapian-tcpsrv,
// docs/scaling.md).
enum class CompactionPolicy { kWhenDue, kAlways, kNever };

struct CompactionReport {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
  double seconds = 0;
};

bool compaction_due(size_t passages_changed, size_t passages_held);

// The index's count of passages written and deleted since its last compaction.
size_t passages_changed_since_compaction(const Xapian::Database& db);

// DATABASE<suffix> beside the database's own directory (symbolic links
// resolved): where a copy of it is built before it is swapped in.
std::filesystem::path workspace_beside(const std::filesystem::path& database,
                                       std::string_view suffix);
// Throws (naming them) when `database` holds entries that are not the
// index's own (index_directory.h): such an index is never swapped whole.
void require_only_index_files(const std::filesystem::path& database);
// Empties a workspace of what an earlier run left there; throws, changing
// nothing more, when it holds anything Fahras did not write.
void clear_workspace(const std::filesystem::path& workspace);

// Where a compaction of `database` builds its copy.
std::filesystem::path compaction_workspace(const std::filesystem::path& database);

// Exchanges `database` with the committed database built in its
// compaction_workspace (atomically, as above), then removes the old one (or
// leaves it to discard_compaction_leftovers). Throws only when the exchange
// fails, having removed the workspace: the index is as it was.
void swap_in_workspace(const std::filesystem::path& database);

// Removes what an interrupted compaction of `database` left behind, if it
// can. Call it only while holding the index's writer.
void discard_compaction_leftovers(const std::filesystem::path& database);

// Compacts each database (an index, or the shards of one) in place, its
// count of changes since compaction starting again at 0. Throws on failure,
// having left every database as it was or compacted.
CompactionReport compact_in_place(const std::vector<std::filesystem::path>& databases);

// Bytes of the files directly inside a database directory.
uint64_t database_bytes(const std::filesystem::path& database);

}  // namespace fahras
