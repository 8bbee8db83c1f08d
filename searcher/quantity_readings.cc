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

// The quantity that one word, or two, begin, if they do.
std::optional<Quantity> quantity_of(const std::vector<std::string>& words) {
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
  if (writing.size() == 1) return writing[0];
  std::string phrase;
  for (const std::string& w : writing) phrase += (phrase.empty() ? "\"" : " ") + w;
  return phrase + "\"";
}

}  // namespace

bool is_quantity_word(const std::string& word) {
  if (!word.empty() && word[0] >= '0' && word[0] <= '9') return true;
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
    Wrapped first = unwrap(tokens[i]), last = first;
    std::vector<std::string> words = {first.core};
    if (i + 1 < tokens.size() && first.after.empty()) {
      Wrapped second = unwrap(tokens[i + 1]);
      if (second.before.empty()) {
        words.push_back(second.core);
        last = std::move(second);
      }
    }
    std::optional<Quantity> quantity = quantity_of(words);
    if (quantity) {
      std::vector<std::string> typed(words.begin(), words.begin() + quantity->tokens);
      const std::string& after = quantity->tokens == 1 ? first.after : last.after;
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
