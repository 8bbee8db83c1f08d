// Readings of query words (see query_readings.h).
#include "query_readings.h"

#include <algorithm>
#include <map>

#include "hamza_seats.h"
#include "light_stemmer.h"
#include "query_tokens.h"
#include "sound_alike_letters.h"

namespace fahras {
namespace {

bool known_stem(const std::string& stem, TermStatistics& index) {
  return index.termfreq("Z" + stem) > 0;
}

// Whether the index holds a word, through its stem or, for a word that starts
// with a digit (indexed unstemmed only: 6000d), as written.
bool known_word(const std::string& word, TermStatistics& index) {
  return !word.empty() && (known_stem(stem_word(word), index) || index.termfreq(word) > 0);
}

bool all_latin_letters(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool starts_with_digit(const std::string& s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// The two parts of a model name typed apart, letters then a number or a
// number then letters (h 200, 6000 d), joined; "" for other parts.
std::string joined_model_name(const std::string& first, const std::string& second) {
  if ((all_latin_letters(first) && starts_with_digit(second)) ||
      (starts_with_digit(first) && all_latin_letters(second)))
    return first + second;
  return "";
}

// The Latin letters an Arabic letter name (normalized) may spell; "" if none.
std::string_view letters_named(const std::string& name) {
  static const std::map<std::string, std::string_view> names = {
      {"ايه", "a"}, {"بي", "bp"}, {"سي", "c"},  {"دي", "d"},  {"اي", "ie"},   {"اف", "f"},
      {"جي", "g"},  {"اتش", "h"}, {"جيه", "j"}, {"جاي", "j"}, {"كيه", "k"},   {"كي", "k"},
      {"ال", "l"},  {"ام", "m"},  {"ان", "n"},  {"او", "o"},  {"كيو", "q"},   {"ار", "r"},
      {"اس", "s"},  {"تي", "t"},  {"يو", "u"},  {"في", "v"},  {"دبليو", "w"}, {"اكس", "x"},
      {"واي", "y"}, {"زد", "z"}};
  auto found = names.find(name);
  return found == names.end() ? std::string_view() : found->second;
}

// Every spelling of a run of letter names, at most kMaxSpellings.
std::vector<std::string> spellings_of(const std::vector<std::string_view>& letters) {
  constexpr size_t kMaxSpellings = 16;
  std::vector<std::string> out = {""};
  for (std::string_view choices : letters) {
    std::vector<std::string> next;
    for (const std::string& prefix : out)
      for (char c : choices)
        if (next.size() < kMaxSpellings) next.push_back(prefix + c);
    out = std::move(next);
  }
  return out;
}

// Reads the forms with a sound-alike letter (sound_alike_letters.h): the
// commonest reading the index holds in at least `at_least` passages, if any.
void read_sound_alike(const std::vector<std::string>& forms, Xapian::doccount at_least,
                      TermStatistics& index, WordReadings& out) {
  Xapian::doccount best_freq = 0;
  for (const std::string& form : forms) {
    for (const std::string& candidate : sound_alike_variants(form)) {
      std::string reading = stem_word(candidate);
      Xapian::doccount freq = index.termfreq("Z" + reading);
      if (freq >= at_least && freq > best_freq) {
        best_freq = freq;
        out.meant_word = candidate;
        out.stems = {reading};
      }
    }
  }
}

}  // namespace

WordReadings read_word(const std::string& word, TermStatistics& index) {
  WordReadings out{word, {}};
  std::string own = stem_word(word);
  if (Xapian::doccount own_freq = index.termfreq("Z" + own); own_freq > 0) {
    out.known_as_typed = true;
    if (own_freq <= kMaxRareSpellingPassages)
      read_sound_alike({word}, kRareSpellingRatio * own_freq, index, out);
    return out;
  }
  // Other hamza seats; the word without clitics; either, when the index does
  // not know it, as a plural in ون written without its ن.
  std::vector<std::string> candidates = hamza_seat_variants(word);
  std::vector<std::string> forms = clitic_readings(word);
  forms.insert(forms.begin(), word);
  for (const std::string& form : forms) {
    if (form != word) candidates.push_back(form);
    for (std::string& reading : pronoun_suffix_readings(form))
      candidates.push_back(std::move(reading));
    std::string plural = construct_plural_reading(form);
    if (!plural.empty() && !known_stem(stem_word(form), index))
      candidates.push_back(std::move(plural));
  }
  for (const std::string& candidate : candidates) {
    std::string reading = stem_word(candidate);
    if (reading == own || !known_stem(reading, index) ||
        std::find(out.stems.begin(), out.stems.end(), reading) != out.stems.end())
      continue;
    if (out.stems.empty()) out.meant_word = candidate;
    out.stems.push_back(std::move(reading));
  }
  // Else a sound-alike letter (الصرطان: السرطان).
  if (out.stems.empty()) read_sound_alike(forms, 1, index, out);
  return out;
}

std::string join_spelled_letters(const std::string& text, TermStatistics& index) {
  std::vector<std::string> tokens = query_tokens(text);
  std::string out;
  for (size_t i = 0; i < tokens.size();) {
    size_t end = i;
    std::vector<std::string_view> letters;
    while (end < tokens.size() && !letters_named(tokens[end]).empty())
      letters.push_back(letters_named(tokens[end++]));
    bool number_after = end < tokens.size() && all_digits(tokens[end]);
    std::string joined;
    if (!letters.empty() && (letters.size() > 1 || number_after)) {
      for (const std::string& spelling : spellings_of(letters)) {
        if (number_after && known_word(spelling + tokens[end], index)) {
          joined = spelling + tokens[end];
          break;
        }
        if (letters.size() > 1 && joined.empty() && known_word(spelling, index)) joined = spelling;
      }
    }
    if (joined.empty()) {
      out += (out.empty() ? "" : " ") + tokens[i++];
      continue;
    }
    out += (out.empty() ? "" : " ") + joined;
    i = end + (joined.size() > letters.size() ? 1 : 0);
  }
  return out;
}

std::string join_model_names(const std::string& text, TermStatistics& index) {
  std::vector<std::string> tokens = query_tokens(text);
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    size_t dash = token.find('-');
    std::string joined;
    if (dash != std::string::npos && token.find('-', dash + 1) == std::string::npos)
      joined = joined_model_name(token.substr(0, dash), token.substr(dash + 1));
    if (known_word(joined, index)) {
      token = joined;
    } else if (i + 1 < tokens.size() &&
               known_word(joined_model_name(token, tokens[i + 1]), index)) {
      token = joined_model_name(token, tokens[++i]);
    }
    out += (out.empty() ? "" : " ") + token;
  }
  return out;
}

}  // namespace fahras
