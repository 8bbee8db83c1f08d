// Turns one passage into the Xapian document the schema describes.
//
// A PassageDocumentBuilder holds a TermGenerator wired to the analysis chain;
// it is not thread-safe, so each indexing thread owns one. The passage's stored
// data is JSON: {"line","window","offset","heading","text"} with the original,
// unnormalized text, from which the searcher builds snippets; it lives in value
// slot schema::kSlotPassageData, zstd-compressed (see passage_data_of()). The
// file is the location value's (schema::kSlotLocation), and the article's
// title is stored once, as metadata the writer sets with the title passage
// (schema::article_title_key; PassageDocument::article_title).
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bounded_memo.h"
#include "key_vocabulary.h"
#include "passage_dictionary.h"  // compress_passage_data, the stored frames
#include "passages.h"

namespace fahras {

struct PassageData {
  std::string file;
  uint32_t line = 0;
  uint32_t window = 0;
  size_t offset = 0;
  std::string title;
  std::string heading;
  std::string text;
  std::string url;  // documents from applications only
  std::string date;
  std::string place;  // "p3:2", "c2:5" in a paged or chaptered document (document_text.h)

  std::string to_json() const;
  // to_json() less what the index keeps elsewhere: the file (the location
  // value) and the title (the article's metadata). What a frame holds.
  std::string to_stored_json() const;
  // Reads either form; "file" and "title" may be absent.
  static PassageData from_json(const std::string& json);
  // What the index stores of `passage` of `article` in `file`.
  static PassageData of(const std::string& file, const Article& article, const Passage& passage,
                        const std::string& url = {}, const std::string& date = {});
};

// The stored data of a passage's document: value slot kSlotPassageData, a
// zstd frame (compress_passage_data; one naming a dictionary needs it loaded:
// load_passage_dictionary) or, as indexed before, the JSON itself;
// or the document data for documents indexed before that slot existed.
// Throws std::runtime_error for data that is neither. The title is left
// empty unless the data holds it (as written before titles were stored once
// per article): see stored_article_title.
PassageData passage_data_of(const Xapian::Document& doc);

// The title `shard` (the one database holding the article) stores for the
// article `file`; "" when none.
std::string stored_article_title(const Xapian::Database& shard, const std::string& file);

// passage_data_of() in two steps, for readers that take the values from value
// streams: the data from the kSlotPassageData value (`document_data` is asked
// for only when it is empty), then the file named by the kSlotLocation value,
// when it is one.
PassageData passage_data_from(const std::string& passage_value,
                              const std::function<std::string()>& document_data);
void take_location_file(PassageData& data, std::string_view location_value);

// What a passage's words add beyond the TermGenerator's terms.
struct WordTerms {
  std::vector<std::string> terms;      // alternative stems (Z)
  std::vector<KeyedStem> keyed_stems;  // the key vocabulary's entries, each once
  size_t long_words = 0;               // words longer than schema::kMaxWordBytes
};

// What word_terms_of takes from one normalized word (not a long one).
struct IndexWordAnalysis {
  bool stopword = false;
  std::string alternative;  // alternative_stem(); "" when none
  std::string key;          // the phonetic key, or the vowel-marked key; "" when none
  std::string stem;         // stem_word(), where the word has a key
};
IndexWordAnalysis analyze_index_word(std::string_view normalized_word);

// An indexing thread's memo of analyze_index_word (bounded_memo.h).
using IndexWordMemo = BoundedMemo<IndexWordAnalysis>;
// Words an indexing thread remembers the analysis of: a few MB a thread,
// and nine in ten of a real text's words are among its 30,000 most common.
inline constexpr size_t kIndexWordMemoCapacity = 1 << 15;

// WordTerms of a passage's normalized text: the same for the passage indexed
// and the passage deleted, so the vocabulary's counts stay exact. `memo`
// (may be null) only saves work: the result is the same without it.
WordTerms word_terms_of(const std::string& normalized_text, IndexWordMemo* memo = nullptr);

// A passage's document and its entries in the key vocabulary.
struct PassageDocument {
  Xapian::Document document;
  std::vector<KeyedStem> keyed_stems;
  size_t text_bytes = 0;  // of the passage's text: what its postings cost, roughly
  // The article's title, on its title passage only (its first): the writer
  // stores it once for the article (schema::article_title_key).
  std::string article_title;
};

// Writers take an article's passages this many at a time, analyzed
// (PassageDocumentBuilder::build_next): an article of 300,000 passages is
// never held analyzed at once (BatchWriter::add_passages).
inline constexpr size_t kPassagesPerAdd = 2000;
// ... and at most this many bytes of their text (at least one passage): the
// full windows of one giant line are each several times a paragraph.
inline constexpr size_t kPassageBytesPerAdd = 1 << 20;

// Where the analysis of an article stands: the reader of its passages still
// to build (passages.h), the passages read and the long words dropped so far.
// `window` holds the title and the passages being built, no more.
struct ArticleCursor {
  std::shared_ptr<PassageReader> reader;
  Article window;
  size_t passages = 0;
  size_t long_words = 0;
  std::vector<TextSection> sections;  // of a paged or chaptered document
  bool reversed_lam_alef = false;     // DocumentText::reversed_lam_alef
  bool finished() const { return !reader || reader->finished(); }
};

// A cursor over an article's text held in memory (a record's), or over a
// stream (a file's).
ArticleCursor cursor_over(std::string text);
ArticleCursor cursor_over(std::unique_ptr<std::istream> in);

class PassageDocumentBuilder {
 public:
  // Stored data is compressed with `dictionary` (may be null: none), which
  // must outlive the builder.
  explicit PassageDocumentBuilder(const PassageDictionary* dictionary = nullptr);
  ~PassageDocumentBuilder();

  // long_words counts words dropped for being longer than schema::kMaxWordBytes.
  // The document returned shares nothing with the builder: it may go to
  // another thread (Xapian's reference counts are not atomic).
  PassageDocument build(const std::string& file, const Article& article, const Passage& passage,
                        size_t& long_words, const std::string& url = {},
                        const std::string& date = {});
  // The documents of the article's next passages, at most kPassagesPerAdd.
  std::vector<PassageDocument> build_next(const std::string& file, ArticleCursor& at,
                                          const std::string& url = {},
                                          const std::string& date = {});

 private:
  std::unique_ptr<Xapian::Stopper> stopper_;
  Xapian::TermGenerator generator_;
  IndexWordMemo word_memo_{kIndexWordMemoCapacity};
  const PassageDictionary* dictionary_;
};

// True for an unprefixed, non-stop word term worth offering as a spelling.
bool is_spelling_word(const std::string& term);

}  // namespace fahras
