// A new index built in parts on every core, then merged.
//
// A first build has nothing to lose and everything to write, and one Xapian
// writer keeps one core busy. So its files are split into runs of
// consecutive files of about equal size, each written into a database of its
// own (in DB.parts, without fsync) by a thread of its own with analysis
// beside it, and Xapian's compact merges the parts, in order, into DB's
// compaction workspace, which then gets the index's own metadata, is synced
// and is exchanged with DB (compaction.h: swap_in_workspace). Each part's
// docids follow its files' order and compact appends the parts in order, so
// the merged index is the one a sequential build writes, docid for docid:
// the same passages, terms, positions, metadata, spelling table and search
// results; the counts of the key vocabulary add up across parts
// (merge_key_vocabularies). The merged index is compact already.
//
// A crash leaves DB as it was (empty) and leftovers that the next run removes
// (discard_parts_leftovers, discard_compaction_leftovers) before building
// again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus_scan.h"
#include "index_run.h"

namespace fahras {

// Each part commits after this many passages: Xapian holds a transaction's
// postings in memory until it commits (XAPIAN_FLUSH_THRESHOLD does not apply
// inside one), so two parts committing every 20,000 peaked at 380 MB on the
// Wikipedia collection, at 5,000 at 189 MB in about the same time; at 2,000
// the key vocabulary and spelling table, rewritten at each commit, made the
// build 40% slower.
inline constexpr size_t kPartCommitEveryPassages = 5000;

// A part holds at most about this many bytes of text, however large the
// corpus: a Xapian writer slows as its database grows (each flush merges into
// larger tables; the key vocabulary and spelling table are rewritten at each
// commit), so a million passages written in two parts went at 0.6x the rate
// of 100,000; in parts of this size at 0.8x (the merge of 3.4 GB of parts is
// most of the rest; docs/benchmarks.md).
// compact merges any number of parts in one pass.
inline constexpr uint64_t kMaxPartBytes = 32u << 20;

// Where the parts of `database` are built.
std::filesystem::path parts_workspace(const std::filesystem::path& database);
void discard_parts_leftovers(const std::filesystem::path& database);

// At most `parts` runs of consecutive files, of about equal bytes, none empty.
std::vector<std::vector<const CorpusFile*>> split_by_size(
    const std::vector<const CorpusFile*>& files, size_t parts);

// Builds `files` into `database` in parts of at most kMaxPartBytes, at least
// `writers`, `writers` of them written at a time (options.threads analysis
// threads in all; 0: one per core), setting `metadata` on the merged index.
// The caller holds `database`'s writer, which holds nothing and has nothing
// left to commit (Xapian would write that into the new index's directory),
// for the whole call, and must not use it afterwards. Fills report as index_files() does;
// throws on failure, `database` being as it was.
void build_in_parts(const std::filesystem::path& database,
                    const std::vector<const CorpusFile*>& files, const IndexOptions& options,
                    size_t writers, const std::map<std::string, std::string>& metadata,
                    IndexReport& report);

}  // namespace fahras
