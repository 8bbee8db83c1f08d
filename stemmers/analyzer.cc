// Composition of the analysis stages (see analyzer.h).
#include "analyzer.h"

#include "light_stemmer.h"
#include "normalizer.h"
#include "stopwords.h"

namespace fahras {

std::vector<AnalyzedToken> analyze(std::string_view text) {
  NormalizedText normalized = normalize_with_offsets(text);
  std::vector<AnalyzedToken> out;
  for (Token& t : tokenize(normalized)) {
    AnalyzedToken a;
    a.stopword = is_stopword(t.text);
    if (!a.stopword) a.stem = stem_word(t.text);
    a.token = std::move(t);
    out.push_back(std::move(a));
  }
  return out;
}

std::string analyze_word(std::string_view word) { return stem_word(normalize(word)); }

}  // namespace fahras
