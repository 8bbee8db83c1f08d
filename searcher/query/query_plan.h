// Turns what a user typed into a Xapian query, through the analysis chain.
//
// The query is normalized like documents (operators AND OR NOT XOR NEAR ADJ
// and file: values are kept as typed) and parsed by Xapian's QueryParser with
// our stemmer and stop words; a malformed query is re-parsed as plain words
// rather than rejected. Each content word of the query is a "concept": its
// stem, its normalized form, and its expansions:
//   - its phonetic key (phonetic_key.h), for Latin-script words and for words
//     the index does not know, so Nvidia finds إنفيديا and ترمب finds ترامب;
//   - for an Arabic word the index knows, the other spellings of it the index
//     holds (spelling_variants.h: هوانج finds هوانغ), weakly;
//   - the phonetic key of it joined with its neighbour (سيمي أناليسيس finds
//     SemiAnalysis);
//   - its synonym groups (synonyms.h);
//   - for a word the index does not know, its readings that the index knows:
//     the hamza on another seat (hamza_seats.h: الرقايق → الرقائق), without a
//     clitic the stemmer kept (ورقائق → رقائق, فشرائح → شرائح), as a plural
//     written without its ن (محللو → محللون). A reading is the word the user
//     meant: the first stands for it in pairs, spelling variants, synonyms
//     and phonetic key, and the word does not follow its own whole key.
// Expansions weigh less than the words themselves (kExpansionWeight), except
// synonyms and readings (kSynonymWeight): a query typed with another seat or
// an attached clitic ranks as the query typed right. They sit beside the word they expand inside
// the parsed query (query_rewrite.h), so file: filters and NOT bind them too. The plan also says
// which terms belong to which concept, so the ranker can count how much of the query a passage
// matches, and what to highlight.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "adjacency.h"
#include "disjunction_matcher.h"
#include "synonyms.h"
#include "term_statistics.h"
#include "word_groups.h"

namespace fahras {

inline constexpr double kExpansionWeight = 0.6;
// Weight of a variant from the synonyms file: a group declares one meaning, so
// its variants weigh as the word itself (dev nDCG@10 0.853 at 0.6, 0.862 at 1).
inline constexpr double kSynonymWeight = 1.0;
// Weight of another spelling of a word the index knows (spelling_variants.h).
inline constexpr double kSpellingVariantWeight = 0.1;
// A word's other spellings are followed only while they are in at most
// kMaxVariantShare times as many passages as the word, plus kVariantAllowance
// (dev nDCG@10 0.867 at 1, 0.859 at 2: more lets plurals and other words in).
inline constexpr double kMaxVariantShare = 1.0;
inline constexpr unsigned kVariantAllowance = 10;
// At most this many other spellings per word, the commonest.
inline constexpr size_t kMaxSpellingVariants = 4;
inline constexpr size_t kMaxQueryBytes = 4096;
// A query of plain words up to this long is read as a sequence, stop words
// included (QueryPlan::adjacent_words): a half-remembered phrase. Longer ones
// (questions) keep to their content words: their stop words' positions cost
// a fifth of a search and find nothing (ARCD questions: MRR@10 unchanged).
inline constexpr size_t kMaxSequenceWords = 6;
// A remembered phrase is at least this many words (QueryPlan::phrase), and
// brings in at most kPhraseCandidates passages.
inline constexpr size_t kMinPhraseWords = 3;
inline constexpr size_t kPhraseCandidates = 10;
// A word followed through its phonetic key meets the stems of its own script
// under the key only within this many edits: a key is a consonant skeleton,
// which on a real vocabulary many words share (تاسسست: seventy stems, توسيع
// and توزيع among them).
inline constexpr size_t kMaxKeySpellingEdits = 2;

// What the highlighter marks in a passage.
struct HighlightTerms {
  std::set<std::string> stems;     // stems of query words and single-word synonyms
  std::set<WordGroup> phrases;     // phrases, NEAR groups, single words as written
  std::set<std::string> prefixes;  // normalized prefixes of wildcards (استير of استير*)
};

struct QueryPlan {
  Xapian::Query query;
  std::vector<std::set<std::string>> concept_terms;  // concept -> index terms that match it
  std::vector<std::string> concept_words;            // concept -> normalized query word
  // concept -> the stems of the word as typed and as meant (its readings)
  std::vector<std::vector<std::string>> concept_stems;
  HighlightTerms highlight;
  // Written forms of adjacent query words that the index both holds: the
  // ranker rewards passages where they stand together (adjacency.h). In a
  // query of plain words (no operator, field, phrase or wildcard) every word
  // is one, stop words included (من كل شيء); otherwise its content words,
  // stop words between them skipped.
  std::vector<WordPair> adjacent_words;
  // A query of kMinPhraseWords to kMaxSequenceWords plain words, every one
  // of which the index holds: each word's written forms, in order. When no
  // re-ranked candidate holds them side by side, the passages that do join
  // the candidates (a phrase query).
  std::vector<std::vector<std::string>> phrase;
  // The query asks (a question mark, or a question word such as كم or
  // ماذا): it names its subject and asks something about it.
  bool question = false;
  // The number term its answer holds, for a question that asks when or how
  // many (question_words.h: asked_number_term); "" for other queries.
  std::string asked_number;
  std::vector<std::string> notices;  // e.g. "query truncated", "parsed as plain words"
  // Words the index holds in a few passages, searched also as a commoner
  // word one sound-alike letter away (query_readings.h): typed -> meant.
  std::map<std::string, std::string> rare_words_read_as;
  // The query as a disjunction of weighted single terms and OP_SYNONYM
  // groups of single terms, each once (a term
  // the query holds twice at the sum of its factors, as Xapian weighs it),
  // when it is one (DisjunctionMatcher ranks it faster); empty when it is not.
  std::vector<WeightedTerm> disjunction;
  // The parts of that disjunction that are neither a term nor a group of
  // terms, whose weights the matcher takes from Xapian: phrases and NEAR
  // groups (a pasted paragraph's quotes and hyphen-joined words: Xapian's
  // parser reads a-b as a phrase), and expansions of other shapes (a
  // two-word spelling's stems, a synonym of several words), each scaled by its
  // factor. Empty when disjunction is.
  std::vector<Xapian::Query> disjunction_weighed_alone;
};

class QueryPlanner {
 public:
  // Asks the index through `statistics` (shared with the ranker, so they
  // remember for each other), or through statistics of its own.
  QueryPlanner(const Xapian::Database& db, const Synonyms& synonyms, TermStatistics& statistics);
  QueryPlanner(const Xapian::Database& db, const Synonyms& synonyms);
  ~QueryPlanner();

  QueryPlan plan(const std::string& raw_query) const;

 private:
  const Xapian::Database& db_;
  const Synonyms& synonyms_;
  std::unique_ptr<TermStatistics> own_statistics_;
  TermStatistics& statistics_;
  std::unique_ptr<Xapian::Stopper> stopper_;

  // The index's terms for a phonetic key: the stems indexed under it.
  std::vector<std::string> key_terms(const std::string& key) const;
  // key_terms of the key of `source` (a query word's key source), without the
  // words in the other script that cannot transcribe it (may_transcribe).
  // Only those words when `other_script_only`.
  std::vector<std::string> transcriptions_of(const std::string& source, const std::string& key,
                                             bool other_script_only = false) const;
};

// The query with operators and file: values kept and everything else normalized.
std::string normalize_query_text(const std::string& raw_query);

// A query of exclusions only ("-a -b", "-\"a b\""), as "NOT a NOT b": every
// passage without them. Xapian's parser reads a lone "-word" as the word
// itself (the minus may be a dash), which would find exactly the passages
// excluded. Any other query (or one holding a negative number, "-5") is
// returned as it is.
std::string exclusions_only_as_not(const std::string& text);

// A field name with its value after a space ("title: الصين", as Lucene's
// syntax allows) joined to it; one with nothing after it, which Xapian's
// parser would search as the English word, dropped and named in `dropped`.
std::string with_field_values_attached(const std::string& text, std::vector<std::string>& dropped);

}  // namespace fahras
