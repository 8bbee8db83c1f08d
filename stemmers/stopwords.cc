// The stop-word list itself (see stopwords.h).
#include "stopwords.h"

#include <algorithm>
#include <array>

#include "normalizer.h"

namespace fahras {
namespace {

// Prepositions, conjunctions, particles, pronouns, demonstratives, relatives
// and auxiliaries: words that carry grammar rather than topic.
constexpr std::array<std::string_view, 138> kTypedStopwords = {
    "في",     "من",    "على",  "إلى",   "عن",   "مع",   "أو",    "ثم",     "أم",     "بل",
    "لكن",    "حتى",   "إذا",  "إذ",    "إن",   "أن",   "كان",   "كانت",   "يكون",   "تكون",
    "كانوا",  "ليس",   "ليست", "لم",    "لن",   "لا",   "ما",    "ماذا",   "لماذا",  "متى",
    "أين",    "كيف",   "هل",   "قد",    "لقد",  "سوف",  "هذا",   "هذه",    "هذان",   "هاتان",
    "هؤلاء",  "ذلك",   "تلك",  "أولئك", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي",
    "اللاتي", "هو",    "هي",   "هم",    "هن",   "هما",  "أنا",   "نحن",    "أنت",    "أنتم",
    "إنه",    "إنها",  "أنه",  "أنها",  "أنهم", "له",   "لها",   "لهم",    "به",     "بها",
    "بهم",    "فيه",   "فيها", "فيهم",  "منه",  "منها", "منهم",  "عنه",    "عنها",   "عليه",
    "عليها",  "عليهم", "إليه", "إليها", "كل",   "بعض",  "غير",   "بين",    "عند",    "عندما",
    "حين",    "حيث",   "لدى",  "قبل",   "بعد",  "فوق",  "تحت",   "خلال",   "أمام",   "نحو",
    "منذ",    "مثل",   "أي",   "أيضا",  "فقط",  "كما",  "كذلك",  "هنا",    "هناك",   "إلا",
    "أما",    "إما",   "لو",   "لولا",  "وقد",  "وفي",  "ومن",   "وعلى",   "وإلى",   "وهو",
    "وهي",    "ولا",   "ولم",  "وأن",   "وإن",  "ذات",  "لأن",   "كي",     "لكي",    "أيضاً",
    "التى",   "الى",   "و",    "ف",     "ب",    "ل",    "ك",     "يا"};

}  // namespace

const std::unordered_set<std::string>& arabic_stopwords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> set;
    for (std::string_view w : kTypedStopwords) set.insert(normalize(w));
    return set;
  }();
  return words;
}

bool is_stopword(std::string_view normalized_word) {
  // Called on every word of every passage: most words are longer than any
  // stop word, and the rest are looked up without a copy.
  static const size_t longest = [] {
    size_t n = 0;
    for (const std::string& w : arabic_stopwords()) n = std::max(n, w.size());
    return n;
  }();
  static const std::unordered_set<std::string_view> views(arabic_stopwords().begin(),
                                                          arabic_stopwords().end());
  return normalized_word.size() <= longest && views.count(normalized_word) > 0;
}

}  // namespace fahras
