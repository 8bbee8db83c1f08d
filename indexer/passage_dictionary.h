// The stored passage data's zstd frames, and the dictionary a new index
// trains on its corpus to compress them.
//
// Passages are short (about 670 bytes of JSON on Wikipedia), too short for
// zstd to learn the text's words and the JSON's keys within one: compressed
// alone, a passage keeps 59% of its bytes. With a dictionary trained on about
// 2 MB of the corpus's own passages it keeps 34% (the Wikipedia collection's
// stored data 18.8 -> 10.9 MB: its index 125 -> 117 MB).
//
// Contract: a new index gets a dictionary trained on passages of its files,
// chosen by their place in the file list only (dictionary_samples), so a
// sequential and a parallel build train the same one; it is stored in the
// index's metadata (schema::kMetaPassageDictionary) and every later run
// compresses with it. An index that has none (too little text when it was
// built, or built before dictionaries) keeps writing frames without one.
// Each frame names its dictionary's id; passage_data_of() decodes it with
// the dictionary of that id among those this process has loaded: every
// dictionary made or read here is loaded, and whoever opens an index to read
// passages calls load_passage_dictionary on each of its shards.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus_scan.h"

namespace fahras {

// The zstd level of stored passage data. On Wikipedia passages (about 670
// bytes of JSON each, mostly Arabic letters) levels 1, 3, 6 and 19 keep
// 59.7%, 59.1%, 57.8% and 56.4% of the bytes, level 19 at 8 times the time.
inline constexpr int kPassageDataLevel = 3;

// The dictionary's size, the passage JSON sampled to train it, and the
// fewest passages worth one. 64 KB trained on 2 MB of Wikipedia passages kept
// 34.3% of the bytes, 110 KB on 2.6 MB 34.1%, 64 KB on 1.3 MB 35.0%.
inline constexpr size_t kPassageDictionaryBytes = 64 * 1024;
inline constexpr size_t kPassageDictionarySampleBytes = 2 << 20;
inline constexpr size_t kMinPassageDictionarySamples = 1000;

class PassageDictionary {
 public:
  // Trained on `samples` (passages' JSON); null when there are fewer than
  // kMinPassageDictionarySamples or zstd cannot train one.
  static std::shared_ptr<const PassageDictionary> train(const std::vector<std::string>& samples);
  // From a dictionary's bytes, as stored; null for "" or bytes that are no
  // zstd dictionary.
  static std::shared_ptr<const PassageDictionary> from_bytes(const std::string& bytes);
  ~PassageDictionary();
  PassageDictionary(const PassageDictionary&) = delete;
  PassageDictionary& operator=(const PassageDictionary&) = delete;

  const std::string& bytes() const { return bytes_; }
  unsigned id() const { return id_; }

 private:
  PassageDictionary(std::string bytes, unsigned id);
  std::string bytes_;
  unsigned id_;
  struct Tables;
  std::unique_ptr<Tables> tables_;
  friend std::string compress_passage_data(const std::string& json,
                                           const PassageDictionary* dictionary);
  friend std::string decompress_passage_frame(const std::string& frame);
};

// Up to kPassageDictionarySampleBytes of passage JSON from `files`, as the
// indexer would store it, taken from files spread evenly over the list
// (unreadable files are passed over).
std::vector<std::string> dictionary_samples(const std::vector<const CorpusFile*>& files);

// The dictionary `db` (one shard) holds, loaded for decoding and returned;
// null when it holds none.
std::shared_ptr<const PassageDictionary> load_passage_dictionary(const Xapian::Database& db);

// A passage's JSON as stored: one zstd frame, which decodes in about a
// microsecond (Xapian's own zlib compression of document data took most of
// the time of fetching a hit), with `dictionary` when the index has one (the
// frame then names it). Thread-safe.
std::string compress_passage_data(const std::string& json,
                                  const PassageDictionary* dictionary = nullptr);

// The JSON of one zstd frame of passage data: with the dictionary of the id
// the frame names, among those this process has loaded, or with none when it
// names none. Throws std::runtime_error when that dictionary is not loaded or
// the frame is bad.
std::string decompress_passage_frame(const std::string& frame);

}  // namespace fahras
