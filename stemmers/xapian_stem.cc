// Xapian adapter of the analysis chain (see xapian_stem.h).
#include "xapian_stem.h"

#include "analyzer.h"
#include "bounded_memo.h"
#include "stopwords.h"

namespace fahras {

std::string ArabicStemImplementation::operator()(const std::string& word) {
  return analyze_word(word);
}

Xapian::Stem make_stemmer() { return Xapian::Stem(new ArabicStemImplementation); }

namespace {

class MemoArabicStemImplementation : public ArabicStemImplementation {
 public:
  explicit MemoArabicStemImplementation(size_t capacity) : stems_(capacity) {}
  std::string operator()(const std::string& word) override {
    return stems_.get(word, [](std::string_view w) { return analyze_word(w); });
  }

 private:
  BoundedMemo<std::string> stems_;
};

}  // namespace

Xapian::Stem make_memo_stemmer(size_t capacity) {
  return Xapian::Stem(new MemoArabicStemImplementation(capacity));
}

Xapian::Stopper* make_stopper() {
  const auto& words = arabic_stopwords();
  return new Xapian::SimpleStopper(words.begin(), words.end());
}

}  // namespace fahras
