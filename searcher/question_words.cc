// Question words (see question_words.h).
#include "question_words.h"

#include <set>
#include <sstream>
#include <vector>

#include "normalizer.h"

namespace fahras {

bool is_question_word(const std::string& word) {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    for (const char* w : {"كم", "ماهو", "ماهي", "ماهى", "ماذا", "لماذا", "ماالذي", "منهو", "منهي"})
      out.insert(normalize(w));
    return out;
  }();
  return words.count(word) > 0;
}

std::string drop_asked_name(const std::string& normalized_text) {
  static const std::string ma = normalize("ما"), huwa = normalize("هو"), hiya = normalize("هي"),
                           name = normalize("اسم"), the_name = normalize("الاسم");
  static const std::set<std::string> joined_openers = {normalize("ماهو"), normalize("ماهي"),
                                                       normalize("ماهى")};
  static const std::set<std::string> joined_names = {normalize("مااسم"), normalize("ماالاسم")};
  std::istringstream in(normalized_text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  size_t at = 0;  // the word after the opener
  if (!words.empty() && joined_names.count(words[0])) {
    words[0] = ma;
  } else {
    if (!words.empty() && words[0] == ma) {
      at = 1;
      if (at < words.size() && (words[at] == huwa || words[at] == hiya)) ++at;
    } else if (!words.empty() && joined_openers.count(words[0])) {
      at = 1;
    } else {
      return normalized_text;
    }
    // A question about a name itself (ما اسم؟) keeps the word.
    if (at + 1 >= words.size() || (words[at] != name && words[at] != the_name))
      return normalized_text;
    words.erase(words.begin() + static_cast<long>(at));
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace fahras
