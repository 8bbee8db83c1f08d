// Keyword titles (see keyword_titles.h).
#include "keyword_titles.h"

#include <algorithm>
#include <map>
#include <memory>

#include "fahras/schema.h"
#include "normalizer.h"
#include "passage_document.h"
#include "rerank.h"
#include "tokenizer.h"

namespace fahras {
namespace {

// A stem term: "Z" and an Arabic or Latin stem, not a field's ("ZS", "ZH").
bool is_stem_term(const std::string& term) {
  if (term.size() < 3 || term[0] != 'Z') return false;
  unsigned char c = static_cast<unsigned char>(term[1]);
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_arabic_word(const std::string& word) {
  unsigned char lead = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
  return lead >= 0xD8 && lead <= 0xDB;
}

}  // namespace

bool KeywordTitles::has_arabic_title(const std::string& file,
                                     const std::function<std::string()>& read_title) {
  auto found = arabic_title_.find(file);
  if (found != arabic_title_.end()) return found->second;
  if (arabic_title_.size() >= kMaxRememberedKeywordTitles) arabic_title_.clear();
  std::string title = read_title();
  std::vector<std::string> words = split_words(normalize(title));
  bool arabic = std::any_of(words.begin(), words.end(), is_arabic_word);
  return arabic_title_.emplace(file, arabic).first->second;
}

const std::vector<std::string>& KeywordTitles::keywords(const Xapian::Database& db,
                                                        const std::string& file) {
  auto found = keywords_.find(file);
  if (found != keywords_.end()) return found->second;
  if (keywords_.size() >= kMaxRememberedKeywordTitles) keywords_.clear();
  std::map<std::string, Xapian::termcount> frequency;  // stem term -> wdf over the passages
  std::string article = schema::article_term(file);
  size_t passages = 0;
  for (auto p = db.postlist_begin(article); p != db.postlist_end(article); ++p) {
    if (++passages > kMaxKeywordPassages) break;
    for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t)
      if (is_stem_term(*t)) frequency[*t] += t.get_wdf() > 0 ? t.get_wdf() : 1;
  }
  Xapian::doccount documents = std::max<Xapian::doccount>(db.get_doccount(), 1);
  std::vector<std::pair<double, std::string>> salient;
  for (const auto& [term, tf] : frequency)
    salient.emplace_back(-static_cast<double>(tf) * bm25_idf(documents, db.get_termfreq(term)),
                         term);
  size_t keep = std::min(kKeywordTitleWords, salient.size());
  std::partial_sort(salient.begin(), salient.begin() + static_cast<std::ptrdiff_t>(keep),
                    salient.end());
  std::vector<std::string> stems;
  for (size_t i = 0; i < keep; ++i) stems.push_back(salient[i].second.substr(1));
  return keywords_.emplace(file, std::move(stems)).first->second;
}

std::unique_ptr<TitleEvidence> KeywordTitles::evidence(
    const Xapian::Database& db, const std::string& file,
    const std::vector<std::vector<std::string>>& concept_stems, Xapian::doccount articles) {
  if (articles < kMinArticlesForTitleEvidence) return nullptr;
  const std::vector<std::string>& words = keywords(db, file);
  if (words.empty()) return nullptr;
  auto e = std::make_unique<TitleEvidence>();
  e->concepts.assign(concept_stems.size(), false);
  size_t held = 0;
  for (size_t c = 0; c < concept_stems.size(); ++c) {
    double best = 0;
    for (const std::string& stem : concept_stems[c]) {
      if (std::find(words.begin(), words.end(), stem) == words.end()) continue;
      // idf among titles, as a title holding the stem is weighed
      Xapian::doccount titles = db.get_termfreq("Z" + std::string(schema::kTitlePrefix) + stem);
      if (titles > kMaxTitlePostings) continue;
      titles = std::max<Xapian::doccount>(titles, 1);
      best = std::max(best, bm25_idf(std::max(articles, titles), titles));
    }
    if (best <= 0) continue;
    e->weight += best;
    e->concepts[c] = true;
    ++held;
  }
  if (held == 0) return nullptr;
  e->weight *= static_cast<double>(held) / static_cast<double>(words.size());
  return e;
}

void KeywordTitles::forget() {
  arabic_title_.clear();
  keywords_.clear();
}

}  // namespace fahras
