// The Fahras index schema: every term prefix, value slot and metadata key.
//
// The indexer writes and the searcher reads exactly what is declared here.
// DO NOT RENUMBER slots or change prefixes or keys: existing indexes would be
// misread. Add new entries instead, and bump kSchemaVersion only for changes
// that old indexes cannot satisfy. docs/index-format.md describes each entry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fahras::schema {

inline constexpr std::string_view kSchemaVersion = "1";

// Boolean terms.
inline constexpr std::string_view kArticlePrefix = "B";  // B<file>: every passage of an article
// Q<file>:<line>[#<window>] named each passage in indexes written before
// 2026-12-08; no reader used it (a passage is found by its location value,
// kSlotLocation), and on short passages it cost a twentieth of the index:
// retired, do not reuse.
inline constexpr std::string_view kRetiredPassageIdPrefix = "Q";

// Free-text prefixes (searchable with the QueryParser field names below).
inline constexpr std::string_view kTitlePrefix = "S";    // title:  words of the article title
inline constexpr std::string_view kHeadingPrefix = "H";  // heading: words of the heading above
// X<key> held the phonetic key of two adjacent words joined until analysis
// version 11 (searcher/spelling/two_word_spellings.h reads such names off the key
// vocabulary), and X<key>:<stem> a word's key and stem until version 8 (the
// stems under a key are vocabulary metadata, kMetaKeyVocabularyPrefix):
// retired, do not reuse the prefix.
inline constexpr std::string_view kRetiredPhoneticPrefix = "X";
// J<stem> <stem> held adjacent content words until analysis version 7;
// retired (positions say where words stand): do not reuse the prefix.
inline constexpr std::string_view kRetiredStemPairPrefix = "J";

// Boolean terms of what kind of number a passage holds (indexer/number_terms.h),
// since analysis version 10.
inline constexpr std::string_view kHoldsNumberTerm = "Nnumber";
inline constexpr std::string_view kHoldsYearTerm = "Nyear";

// The size of the index's B-tree blocks, set when a database is created and
// whenever it is compacted. Xapian 1.4 reads a block (copied from the page
// cache) for every level of every lookup, and a search's position lists each
// take a lookup of their own: 4 KB blocks copy half the bytes of the default
// 8 KB. Measured on Wikipedia (46k passages, ARCD questions): bench_search
// p50 -20%, index +0.7%; at a million Markov passages p50 -5..15%, index
// +0.3% (docs/benchmarks.md).
inline constexpr unsigned kBlockSize = 4096;

// Value slots.
// The article's collapse key: article_key(file). Passages written before
// 2026-12-08 hold the file name itself; either way one article's passages
// share one value.
inline constexpr unsigned kSlotArticle = 0;
// 1-based line, sortable_serialise: written before 2026-12-08 only (the
// location holds the line); read where the location is missing.
inline constexpr unsigned kSlotLine = 1;
// 0-based window within a long line, sortable_serialise; absent for window 0
// since 2026-12-08 (a value per passage, most of them 0, cost 0.2% of an index).
inline constexpr unsigned kSlotWindow = 2;
// Where the passage is, in one value: the ranker reads it for every candidate.
// location_value(): the line as 4 bytes, big-endian, then the article file.
inline constexpr unsigned kSlotLocation = 3;
// The passage's stored data (PassageData JSON) as one zstd frame: Xapian
// zlib-compresses document data, and inflating it was most of fetching a hit.
// The document data is left empty. Documents indexed before keep their JSON
// uncompressed here, or before this slot existed in the document data
// (passage_data_of() reads each form).
inline constexpr unsigned kSlotPassageData = 4;

// Metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "fahras:schema";
inline constexpr std::string_view kMetaFileStatePrefix = "fahras:file:";   // + file -> FileState
inline constexpr std::string_view kMetaRecordStatePrefix = "fahras:doc:";  // + id -> FileState
// + file -> the article's title, set with its passages and removed with them:
// the stored passages do not repeat it (a passage written before they did
// holds it in its own data).
inline constexpr std::string_view kMetaArticleTitlePrefix = "fahras:title:";
inline constexpr std::string_view kMetaSynonyms = "fahras:synonyms";  // text of synonyms.csv
// Passages written and deleted since the index was last compacted, in decimal.
inline constexpr std::string_view kMetaChangedSinceCompaction = "fahras:changed";
// The article terms (B…) whose passages the last commit that changed passages
// deleted, one per line ("*": too many to list); searchers read it to follow
// deletions (searcher/match/index_delta.h).
inline constexpr std::string_view kMetaLastDeletedArticles = "fahras:deleted";
// + phonetic key -> the stems passages hold under it, with their passage
// counts (indexer/key_vocabulary.h).
inline constexpr std::string_view kMetaKeyVocabularyPrefix = "fahras:vk:";
// The first docid whose passages the key vocabulary counts, in decimal (absent:
// every passage): a run that re-analyzes an index made by another analysis
// version starts the vocabulary again, and passages from before are not
// subtracted from it when they are deleted.
inline constexpr std::string_view kMetaKeyVocabularySince = "fahras:vk-since";
// The zstd dictionary the passages' stored data is compressed with, when the
// index has one (indexer/passage_dictionary.h).
inline constexpr std::string_view kMetaPassageDictionary = "fahras:passage-dictionary";
// The corpus folders the index holds articles of, a line each: the folder's
// tag in hex (indexer/file_state.h, folder_tag), a space, its path.
inline constexpr std::string_view kMetaFolders = "fahras:folders";
// The last batch fahras-index --watch committed, written with it: "SECONDS
// ADDED UPDATED REMOVED SKIPPED PASSAGES WHY" (SECONDS since the epoch, WHY
// what started it, the rest of the line). For fahras-serve's /metrics.
inline constexpr std::string_view kMetaWatchBatch = "fahras:watch-batch";
inline constexpr std::string_view kMetaAnalysisVersion =
    "fahras:analysis";  // the analysis chain's version the terms were made by

// Longest term Xapian accepts (glass MAX_SAFE_TERM_LENGTH), and the longest
// word the indexer keeps (Xapian's default of 64 bytes drops 33-letter words).
inline constexpr size_t kMaxTermBytes = 245;
inline constexpr size_t kMaxWordBytes = 120;

// A boolean term for a possibly long identifier: kept as is when it fits,
// otherwise truncated and suffixed with a hash of the whole so it stays unique.
std::string bounded_term(std::string_view prefix, std::string_view id);

inline std::string article_term(std::string_view file) {
  return bounded_term(kArticlePrefix, file);
}
// 8 bytes of XXH3-64 of the file name: a collapse key needs only equality,
// and the location value names the file. Two of a million articles share a
// key with odds of about 3e-8 (and would then be collapsed as one).
std::string article_key(std::string_view file);
std::string location_value(std::string_view file, uint32_t line);
// Splits a location_value; false if the value is not one (an index from
// before the slot existed leaves it empty).
bool parse_location_value(std::string_view value, std::string& file, uint32_t& line);

inline std::string file_state_key(std::string_view file) {
  return bounded_term(kMetaFileStatePrefix, file);
}
inline std::string article_title_key(std::string_view file) {
  return bounded_term(kMetaArticleTitlePrefix, file);
}

}  // namespace fahras::schema
