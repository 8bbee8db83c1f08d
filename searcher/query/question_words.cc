// Question words (see question_words.h).
#include "question_words.h"

#include <set>
#include <sstream>
#include <vector>

#include "fahras/schema.h"
#include "normalizer.h"

namespace fahras {

namespace {

std::set<std::string> normalized(std::initializer_list<const char*> words) {
  std::set<std::string> out;
  for (const char* w : words) out.insert(normalize(w));
  return out;
}

}  // namespace

bool is_question_word(const std::string& word) {
  static const std::set<std::string> words =
      normalized({"كم", "ماهو", "ماهي", "ماهى", "ماذا", "لماذا", "ماالذي", "منهو", "منهي"});
  return words.count(word) > 0;
}

std::string drop_asked_attribute(const std::string& normalized_text) {
  static const std::string ma = normalize("ما"), kam = normalize("كم");
  static const std::set<std::string> pronouns = normalized({"هو", "هي"});
  static const std::set<std::string> joined_openers = normalized({"ماهو", "ماهي", "ماهى"});
  static const std::set<std::string> joined_names = normalized({"مااسم", "ماالاسم"});
  static const std::set<std::string> names = normalized({"اسم", "الاسم"});
  static const std::string count = normalize("عدد");
  std::istringstream in(normalized_text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  if (words.size() < 2) return normalized_text;
  if (joined_names.count(words[0])) {
    words[0] = ma;
  } else {
    size_t at = 1;  // the word after the opener
    bool names_allowed = true;
    if (words[0] == ma) {
      if (pronouns.count(words[at])) ++at;
    } else if (words[0] == kam) {
      names_allowed = false;
    } else if (!joined_openers.count(words[0])) {
      return normalized_text;
    }
    if (at + 1 >= words.size()) return normalized_text;  // ما اسم؟ asks about the word
    bool asked = words[at] == count || (names_allowed && names.count(words[at]));
    if (!asked) return normalized_text;
    words.erase(words.begin() + static_cast<long>(at));
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string asked_number_term(const std::string& normalized_text) {
  static const std::string when = normalize("متى"), how_many = normalize("كم");
  static const std::set<std::string> in = normalized({"في", "فى"});
  static const std::set<std::string> which = normalized({"أي", "اي", "أى", "اى"});
  static const std::set<std::string> year = normalized({"عام", "سنة", "سنه"});
  std::istringstream words(normalized_text);
  std::string first, second, third;
  words >> first >> second >> third;
  if (first == when) return std::string(schema::kHoldsYearTerm);
  if (in.count(first) && which.count(second) && year.count(third))
    return std::string(schema::kHoldsYearTerm);
  if (first == how_many) return std::string(schema::kHoldsNumberTerm);
  return "";
}

}  // namespace fahras
