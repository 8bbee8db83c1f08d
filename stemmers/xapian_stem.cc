// Xapian adapter of the analysis chain (see xapian_stem.h).
#include "xapian_stem.h"

#include "analyzer.h"
#include "stopwords.h"

namespace fahras {

std::string ArabicStemImplementation::operator()(const std::string& word) {
  return analyze_word(word);
}

Xapian::Stem make_stemmer() { return Xapian::Stem(new ArabicStemImplementation); }

Xapian::Stopper* make_stopper() {
  const auto& words = arabic_stopwords();
  return new Xapian::SimpleStopper(words.begin(), words.end());
}

}  // namespace fahras
