// Quantities of a query in the index's writings (see quantity_readings.h).
#include "quantity_readings.h"

#include <algorithm>
#include <optional>
#include <sstream>

#include "query_tokens.h"

namespace fahras {
namespace {

// A power of ten and the normalized words that name it.
struct Scale {
  size_t zeros;
  std::vector<std::string> singular;    // after any number: 700 الف, 1.5 مليون
  std::vector<std::string> plural;      // after 3 to 10: 3 الاف
  std::vector<std::string> accusative;  // after 11 to 99: 14 مليارا
  std::vector<std::string> dual;        // two, without a number: مليونين
};

const std::vector<Scale>& scales() {
  static const std::vector<Scale> table = {
      {3, {"الف", "thousand"}, {"الاف"}, {"الفا"}, {"الفين", "الفان", "الفي"}},
      {6, {"مليون", "million"}, {"ملايين"}, {"مليونا"}, {"مليونين", "مليونان", "مليوني"}},
      {9,
       {"مليار", "بليون", "billion"},
       {"مليارات", "بلايين"},
       {"مليارا"},
       {"مليارين", "ملياران", "ملياري"}},
      {12, {"تريليون", "trillion"}, {"تريليونات"}, {"تريليونا"}, {"تريليونين", "تريليونان"}},
  };
  return table;
}

// Fraction digits a number before a scale word may have (1.25 مليار).
constexpr size_t kMaxScaledFractionDigits = 2;
// The most words one quantity takes (خمسه وعشرون الف مليون is not read).
constexpr size_t kMaxQuantityWords = 4;
// Longer values are no quantity a reader writes (and would be slow to spell).
constexpr size_t kMaxValueDigits = 18;

std::string without_leading_zeros(std::string digits) {
  size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The value of a number written with '.' between groups of exactly three
// digits (400.000, 1.200.000), or nullopt.
std::optional<std::string> dot_grouped_value(const std::string& token) {
  std::istringstream groups(token);
  std::string first, group, digits;
  if (!std::getline(groups, first, '.') || !all_digits(first) || first.size() > 3) return {};
  digits = first;
  bool any = false;
  while (std::getline(groups, group, '.')) {
    if (group.size() != 3 || !all_digits(group)) return {};
    digits += group;
    any = true;
  }
  if (!any) return {};
  return without_leading_zeros(digits);
}

// The integer value of `number` (digits, with at most one '.' as decimal
// point) times 10^zeros, or nullopt when it is not a whole number.
std::optional<std::string> scaled_value(const std::string& number, size_t zeros) {
  size_t dot = number.find('.');
  std::string whole = number.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : number.substr(dot + 1);
  if (!all_digits(whole) || (dot != std::string::npos && !all_digits(fraction))) return {};
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() > zeros) return {};
  std::string value =
      without_leading_zeros(whole + fraction + std::string(zeros - fraction.size(), '0'));
  if (value.size() > kMaxValueDigits) return {};
  return value;
}

// value / 10^zeros in decimal, when it has at most kMaxScaledFractionDigits
// fraction digits and is at least 1; "" otherwise.
std::string unscaled(const std::string& value, size_t zeros) {
  if (value.size() <= zeros) return "";
  std::string whole = value.substr(0, value.size() - zeros);
  std::string fraction = value.substr(value.size() - zeros);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() > kMaxScaledFractionDigits) return "";
  return fraction.empty() ? whole : whole + "." + fraction;
}

// "400000" -> "400.000".
std::string dot_grouped(const std::string& value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0 && (value.size() - i) % 3 == 0) out += '.';
    out += value[i];
  }
  return out;
}

// A quantity of the query: how many tokens it takes and its value.
struct Quantity {
  size_t tokens = 0;
  std::string value;
};

// Numbers written as words (normalized: ة is ه, every hamza seat ء). Units
// and tens count a scale word after them (ثلاثه الاف, عشرين الفا); only
// hundreds stand alone (خمسماءه ريال).
struct NumberWord {
  unsigned value;
  std::vector<std::string> forms;  // the first is how writings spell it
};

const std::vector<NumberWord>& unit_words() {
  static const std::vector<NumberWord> table = {
      {1, {"واحد", "واحده"}},          {2, {"اثنان", "اثنين", "اثنتان", "اثنتين"}},
      {3, {"ثلاثه", "ثلاث"}},          {4, {"اربعه", "اربع"}},
      {5, {"خمسه", "خمس"}},            {6, {"سته", "ست"}},
      {7, {"سبعه", "سبع"}},            {8, {"ثمانيه", "ثماني", "ثمان"}},
      {9, {"تسعه", "تسع"}},            {10, {"عشره", "عشر"}}};
  return table;
}

const std::vector<NumberWord>& tens_words() {
  static const std::vector<NumberWord> table = {
      {20, {"عشرين", "عشرون"}}, {30, {"ثلاثين", "ثلاثون"}}, {40, {"اربعين", "اربعون"}},
      {50, {"خمسين", "خمسون"}}, {60, {"ستين", "ستون"}},     {70, {"سبعين", "سبعون"}},
      {80, {"ثمانين", "ثمانون"}}, {90, {"تسعين", "تسعون"}}};
  return table;
}

const std::vector<NumberWord>& hundreds_words() {
  static const std::vector<NumberWord> table = [] {
    std::vector<NumberWord> t = {
        {100, {"ماءه", "مءه"}},
        {200, {"ماءتان", "ماءتين", "ماءتا", "ماءتي", "مءتان", "مءتين", "مءتا", "مءتي"}}};
    const std::vector<std::pair<unsigned, std::vector<std::string>>> heads = {
        {3, {"ثلاث"}}, {4, {"اربع"}}, {5, {"خمس"}}, {6, {"ست"}},
        {7, {"سبع"}},  {8, {"ثمان", "ثماني"}}, {9, {"تسع"}}};
    for (const auto& [n, stems] : heads) {
      NumberWord w{n * 100, {}};
      for (const std::string& stem : stems)
        for (const char* hundred : {"ماءه", "مءه"}) w.forms.push_back(stem + hundred);
      t.push_back(std::move(w));
    }
    return t;
  }();
  return table;
}

// The value of a number word of `table` (with an optional conjunction و
// before it when `after_and`), or 0.
unsigned word_value(const std::vector<NumberWord>& table, std::string word, bool conjunction) {
  if (conjunction && word.rfind("\u0648", 0) == 0) word = word.substr(2);
  for (const NumberWord& w : table)
    if (contains(w.forms, word)) return w.value;
  return 0;
}

// The scale a word names after a count (الف, الاف, الفا; مليون...), or null.
const Scale* scale_after_count(const std::string& word) {
  for (const Scale& scale : scales())
    for (const auto* forms : {&scale.singular, &scale.plural, &scale.accusative})
      if (contains(*forms, word)) return &scale;
  return nullptr;
}

// The quantity that number words begin: hundreds, then units and tens joined
// by و, then a scale word (خمسماءه الف, ثلاثه الاف, خمسه وعشرون الفا, ماءتا).
std::optional<Quantity> number_words_of(const std::vector<std::string>& words) {
  size_t at = 0;
  unsigned number = 0;
  bool counted_unit = false;
  if (unsigned h = word_value(hundreds_words(), words[0], false)) {
    number = h;
    at = 1;
  }
  for (int part = 0; part < 2 && at < words.size(); ++part) {
    bool joined = at > 0;
    if (unsigned u = word_value(unit_words(), words[at], joined); u && !counted_unit) {
      number += u;
      counted_unit = true;
      ++at;
    } else if (unsigned t = word_value(tens_words(), words[at], joined)) {
      number += t;
      ++at;
      break;
    } else {
      break;
    }
  }
  if (at == 0) return {};
  const Scale* scale = at < words.size() ? scale_after_count(words[at]) : nullptr;
  // Units and tens alone are read as written: a unit is a word of other
  // meanings too (ست, عشر), and reading خمسون as 50 too lost a known item of
  // the statutes (خمسون ريالا) to passages writing 50, at no gain elsewhere.
  bool hundreds = number >= 100;
  if (!scale && !hundreds) return {};
  std::string value = std::to_string(number);
  if (scale) value += std::string(scale->zeros, '0');
  return Quantity{at + (scale ? 1 : 0), value};
}

// How `value` is written in words, when it is a count of hundreds, tens or
// units (3 to 10) of a scale, or hundreds alone: each writing's words, in
// normalized form.
std::vector<std::vector<std::string>> word_writings(const std::string& value) {
  std::vector<std::vector<std::string>> out;
  size_t zeros = value.size() - value.find_last_not_of('0') - 1;
  for (const Scale* scale : {static_cast<const Scale*>(nullptr), &scales()[0], &scales()[1],
                             &scales()[2], &scales()[3]}) {
    size_t z = scale ? scale->zeros : 0;
    if (zeros < z || value.size() - z > 3) continue;
    unsigned count = static_cast<unsigned>(std::stoul(value.substr(0, value.size() - z)));
    auto add = [&](const std::vector<NumberWord>& table, const std::vector<std::string>* scale_forms) {
      for (const NumberWord& w : table) {
        if (w.value != count) continue;
        for (const std::string& form : w.forms) {
          if (!scale_forms) {
            out.push_back({form});
            continue;
          }
          for (const std::string& s : *scale_forms) out.push_back({form, s});
        }
      }
    };
    if (!scale) {
      add(hundreds_words(), nullptr);
    } else {
      add(hundreds_words(), &scale->singular);
      add(tens_words(), &scale->accusative);
      if (count >= 3 && count <= 10) add(unit_words(), &scale->plural);
    }
  }
  return out;
}

// The quantity that the words begin (a number and a scale word, number
// words), if they do.
std::optional<Quantity> quantity_of(const std::vector<std::string>& words) {
  if (auto in_words = number_words_of(words)) return in_words;
  const std::string& token = words[0];
  for (const Scale& scale : scales())
    if (contains(scale.dual, token)) return Quantity{1, "2" + std::string(scale.zeros, '0')};
  if (token.empty() || token[0] < '0' || token[0] > '9') return {};
  if (words.size() > 1)
    for (const Scale& scale : scales())
      for (const auto* forms : {&scale.singular, &scale.plural, &scale.accusative})
        if (contains(*forms, words[1]))
          if (auto value = scaled_value(token, scale.zeros)) return Quantity{2, *value};
  if (all_digits(token)) return Quantity{1, without_leading_zeros(token)};
  if (auto value = dot_grouped_value(token)) return Quantity{1, *value};
  return {};
}

// A query token as its leading brackets or sign, its word, its closing brackets.
struct Wrapped {
  std::string before, core, after;
};

Wrapped unwrap(const std::string& token) {
  size_t begin = token.find_first_not_of("(+-");
  if (begin == std::string::npos) return {token, "", ""};
  size_t end = token.find_last_not_of(')') + 1;
  return {token.substr(0, begin), token.substr(begin, end - begin), token.substr(end)};
}

std::string as_query(const std::vector<std::string>& writing) {
  // A word alone that names a number (مائتان, مليونين) is quoted, searched
  // as written: stemmed, مائتان (200) would be مائة (100).
  if (writing.size() == 1)
    return writing[0][0] >= '0' && writing[0][0] <= '9' ? writing[0] : "\"" + writing[0] + "\"";
  std::string phrase;
  for (const std::string& w : writing) phrase += (phrase.empty() ? "\"" : " ") + w;
  return phrase + "\"";
}

}  // namespace

bool is_quantity_word(const std::string& word) {
  if (!word.empty() && word[0] >= '0' && word[0] <= '9') return true;
  if (word_value(hundreds_words(), word, true) || word_value(tens_words(), word, true)) return true;
  for (const Scale& scale : scales())
    for (const auto* forms : {&scale.singular, &scale.plural, &scale.accusative, &scale.dual})
      if (contains(*forms, word)) return true;
  return false;
}

std::vector<std::vector<std::string>> quantity_writings(const std::string& value) {
  if (!all_digits(value)) return {};
  std::vector<std::vector<std::string>> out = {{value}};
  if (value.size() > 3) out.push_back({dot_grouped(value)});
  for (const Scale& scale : scales()) {
    std::string number = unscaled(value, scale.zeros);
    if (number.empty()) continue;
    for (const std::string& word : scale.singular) out.push_back({number, word});
    bool whole = number.find('.') == std::string::npos;
    unsigned long small = whole && number.size() <= 2 ? std::stoul(number) : 0;
    if (small >= 3 && small <= 10)
      for (const std::string& word : scale.plural) out.push_back({number, word});
    if (small >= 11 && small <= 99)
      for (const std::string& word : scale.accusative) out.push_back({number, word});
    if (small == 2)
      for (const std::string& word : scale.dual) out.push_back({word});
  }
  for (auto& writing : word_writings(value)) out.push_back(std::move(writing));
  return out;
}

std::string read_quantities(const std::string& text, TermStatistics& index) {
  std::vector<std::string> tokens = query_tokens(text);
  auto known = [&](const std::vector<std::string>& writing) {
    return std::all_of(writing.begin(), writing.end(),
                       [&](const std::string& w) { return index.termfreq(w) > 0; });
  };
  std::string out;
  bool in_phrase = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string replacement = tokens[i];
    size_t quotes = std::count(tokens[i].begin(), tokens[i].end(), '"');
    bool outside_phrase = !in_phrase && quotes == 0;
    if (quotes % 2 == 1) in_phrase = !in_phrase;
    if (!outside_phrase) {
      out += (out.empty() ? "" : " ") + replacement;
      continue;
    }
    // The quantity's words: brackets or a sign may stand before the first,
    // brackets after the last; they stay around its writings.
    std::vector<Wrapped> wrapped;
    wrapped.reserve(kMaxQuantityWords);  // `first` stays valid
    wrapped.push_back(unwrap(tokens[i]));
    const Wrapped& first = wrapped.front();
    std::vector<std::string> words = {first.core};
    while (wrapped.size() < kMaxQuantityWords && i + wrapped.size() < tokens.size() &&
           wrapped.back().after.empty()) {
      Wrapped next = unwrap(tokens[i + wrapped.size()]);
      if (!next.before.empty() || next.core.find('"') != std::string::npos) break;
      words.push_back(next.core);
      wrapped.push_back(std::move(next));
    }
    std::optional<Quantity> quantity = quantity_of(words);
    if (quantity) {
      std::vector<std::string> typed(words.begin(), words.begin() + quantity->tokens);
      const std::string& after = wrapped[quantity->tokens - 1].after;
      std::vector<std::string> held;
      for (const auto& writing : quantity_writings(quantity->value))
        if (known(writing) && !contains(held, as_query(writing))) held.push_back(as_query(writing));
      // A writing the index does not hold, or the only one it holds, is left
      // as typed; so are several behind a sign, which binds one term.
      bool only_typed = held.size() == 1 && held[0] == as_query(typed);
      bool signed_group = held.size() > 1 && first.before.find_first_of("+-") != std::string::npos;
      if (!held.empty() && !only_typed && !signed_group) {
        std::string writings;
        for (const std::string& writing : held)
          writings += (writings.empty() ? "" : " OR ") + writing;
        if (held.size() > 1) writings = "(" + writings + ")";
        replacement = first.before + writings + after;
        i += quantity->tokens - 1;
      }
    }
    out += (out.empty() ? "" : " ") + replacement;
  }
  return out;
}

}  // namespace fahras
