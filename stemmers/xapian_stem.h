// The adapter that plugs the analysis chain into Xapian.
//
// Xapian::Stem(new ArabicStemImplementation) makes TermGenerator, QueryParser
// and MSet::snippet stem every word with normalize() + stem_word(), so the
// stemmed (Z-prefixed) terms of documents and queries always agree. Because
// normalizing is idempotent the adapter may be given raw or normalized words.
#pragma once

#include <xapian.h>

#include <string>

namespace fahras {

class ArabicStemImplementation : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return "fahras-arabic"; }
};

// A Xapian::Stem wrapping ArabicStemImplementation.
Xapian::Stem make_stemmer();

// The same stemmer remembering up to `capacity` words' stems
// (bounded_memo.h), for one thread only: an indexing thread's TermGenerator.
Xapian::Stem make_memo_stemmer(size_t capacity);

// A Xapian stopper holding the normalized Arabic stop words.
Xapian::Stopper* make_stopper();

}  // namespace fahras
