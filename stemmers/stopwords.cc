// The stop-word list itself (see stopwords.h).
#include "stopwords.h"

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
  return arabic_stopwords().count(std::string(normalized_word)) > 0;
}

}  // namespace fahras
