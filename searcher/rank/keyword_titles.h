// Titles for articles whose own cannot name their subject.
//
// Title evidence (title_evidence.h) lifts the passages of an article whose
// title holds the query's words. An article whose title cannot hold them, a
// title in another script than the query's (an English title over Arabic
// text, a file name, a date), then competes without it against articles
// whose titles can, and loses even when it is the subject: XQuAD's articles,
// titled in English among Arabic Wikipedia's, lost their own questions to
// Wikipedia's articles on the same subjects. Such an article is given a
// title made of its kKeywordTitleWords most salient stems (their frequency
// in its passages times their idf among passages), which is weighed as a
// title of that many words is.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "title_evidence.h"

namespace fahras {

inline constexpr size_t kKeywordTitleWords = 5;
// An article's keywords are read from its first this many passages.
inline constexpr size_t kMaxKeywordPassages = 200;
// Articles remembered (then forgotten all at once).
inline constexpr size_t kMaxRememberedKeywordTitles = 1 << 16;

class KeywordTitles {
 public:
  // Whether the article's title (`read_title` gives it) holds a word in
  // Arabic script, remembered by file.
  bool has_arabic_title(const std::string& file, const std::function<std::string()>& read_title);

  // The article's keywords (stems), remembered by file.
  const std::vector<std::string>& keywords(const Xapian::Database& db, const std::string& file);

  // What the article's keywords hold of the query's concepts, weighed as
  // title evidence is; null when they hold none.
  std::unique_ptr<TitleEvidence> evidence(
      const Xapian::Database& db, const std::string& file,
      const std::vector<std::vector<std::string>>& concept_stems, Xapian::doccount articles);

  // For a new index (Searcher::reopen).
  void forget();

 private:
  std::unordered_map<std::string, bool> arabic_title_;
  std::unordered_map<std::string, std::vector<std::string>> keywords_;
};

}  // namespace fahras
