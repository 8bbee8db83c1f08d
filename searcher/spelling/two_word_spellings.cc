// Two-word spellings of a one-word name (see two_word_spellings.h).
#include "two_word_spellings.h"

#include <algorithm>
#include <optional>

#include "phonetic_key.h"
#include "spelling_variants.h"
#include "utf8.h"

namespace fahras {
namespace {

// A key's sound classes, each with whether a vowel is written before it (V).
struct KeyClass {
  bool vowel_before = false;
  char sound = 0;
};

std::vector<KeyClass> classes_of(const std::string& key) {
  std::vector<KeyClass> classes;
  bool vowel = false;
  for (char c : key) {
    if (c == 'V') {
      vowel = true;
      continue;
    }
    classes.push_back({vowel, c});
    vowel = false;
  }
  return classes;
}

std::string plain_key(const std::vector<KeyClass>& classes) {
  std::string key;
  for (const KeyClass& c : classes) key += c.sound;
  return key;
}

std::string marked_key(const std::vector<KeyClass>& classes) {
  std::string key;
  for (const KeyClass& c : classes) key += std::string(c.vowel_before ? "V" : "") + c.sound;
  return key;
}

// The keys one word of the pair may be listed under in the key vocabulary:
// its phonetic key when it has kMinPhoneticClasses classes; with two, the
// vowel-marked key of a short name (a plain key's half could have a vowel
// before either class; a marked key's first half has its own, and its
// second half may owe its first V to the end of the first word).
std::vector<std::string> half_keys(std::vector<KeyClass> half, bool marked, bool second_half) {
  if (half.size() >= kMinPhoneticClasses) return {plain_key(half)};
  if (half.size() != 2) return {};
  std::vector<std::string> keys;
  if (marked) {
    keys.push_back(marked_key(half));
    if (second_half && half[0].vowel_before) {
      half[0].vowel_before = false;
      std::string without = marked_key(half);
      if (without.find('V') != std::string::npos) keys.push_back(without);
    }
    return keys;
  }
  for (int vowels : {1, 2, 3}) {  // V before the first class, the second, both
    half[0].vowel_before = vowels & 1;
    half[1].vowel_before = vowels & 2;
    keys.push_back(marked_key(half));
  }
  return keys;
}

// A stem that passages write as a word, with how many do.
struct WrittenWord {
  std::string word;
  Xapian::doccount frequency;
};

// The commonest kMaxWordsPerHalf stems the index holds under any of `keys`
// (by the key vocabulary's counts) that passages also write as words, and
// that could be part of a spelling of a word in `source_latin` script (an
// Arabic transcription of a Latin word uses no ع ح ض ظ).
std::vector<WrittenWord> words_under(TermStatistics& index, const std::vector<std::string>& keys,
                                     bool source_latin) {
  using Counted = std::pair<uint64_t, std::string>;         // count, stem
  auto commoner = [](const Counted& a, const Counted& b) {  // ties in byte order
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::vector<std::pair<Counted, Xapian::doccount>> held;  // and passages writing it
  for (const std::string& key : keys) {
    // The key's commonest (listed in byte order: a stable sort by count keeps
    // ties so).
    const StemCounts counts = index.stem_counts_with_key(key);
    std::vector<std::pair<uint64_t, const std::string*>> all;
    for (const auto& [stem, count] : counts)
      all.emplace_back(count, &stem);
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Counted> listed;
    for (size_t i = 0; i < all.size() && listed.size() < kStemsConsideredPerKey; ++i)
      if (!source_latin || is_ascii(*all[i].second) || may_transcribe_latin(*all[i].second))
        listed.emplace_back(all[i].first, *all[i].second);
    size_t written = 0;
    for (size_t i = 0; i < listed.size() && written < kMaxWordsPerHalf; ++i)
      if (Xapian::doccount frequency = index.termfreq(listed[i].second)) {
        held.emplace_back(std::move(listed[i]), frequency);
        ++written;
      }
  }
  std::sort(held.begin(), held.end(),
            [&](const auto& a, const auto& b) { return commoner(a.first, b.first); });
  std::vector<WrittenWord> words;
  for (auto& [counted, frequency] : held) {
    if (words.size() == kMaxWordsPerHalf) break;
    std::string& word = counted.second;
    bool listed_twice = std::any_of(words.begin(), words.end(),  // under two keys
                                    [&](const WrittenWord& w) { return w.word == word; });
    if (!listed_twice) words.push_back({std::move(word), frequency});
  }
  return words;
}

// How far two stems joined are from the word, when they could be it: a
// transcription of it in the other script (0), a spelling of it within
// kMaxTwoWordEdits in its own (the edits).
std::optional<size_t> distance_to(const std::string& source, const std::u32string& source_letters,
                                  const std::string& first, const std::string& second) {
  bool first_latin = is_ascii(first);
  if (first_latin != is_ascii(second)) return std::nullopt;
  std::string joined = first + second;
  if (first_latin == is_ascii(source)) {
    size_t edits = edit_distance(source_letters, to_utf32(joined), kMaxTwoWordEdits);
    if (edits > kMaxTwoWordEdits) return std::nullopt;
    return edits;
  }
  bool transcribes =
      first_latin ? is_transcription(joined, source) : is_transcription(source, joined);
  if (!transcribes) return std::nullopt;
  return 0;
}

}  // namespace

std::vector<TwoWordSpelling> two_word_spellings(TermStatistics& index, const std::string& source,
                                                const std::string& key) {
  std::vector<KeyClass> classes = classes_of(key);
  bool marked = is_short_name_key(key);
  if (classes.size() < (marked ? kMinPhoneticPairClasses - 1 : kMinPhoneticPairClasses)) return {};
  std::u32string source_letters = to_utf32(source);
  bool latin = is_ascii(source);
  struct Found {
    TwoWordSpelling spelling;
    size_t distance;
    Xapian::doccount rarer_frequency;
  };
  std::vector<Found> found;
  for (size_t cut = 2; cut + 2 <= classes.size(); ++cut) {
    std::vector<KeyClass> first(classes.begin(), classes.begin() + cut),
        second(classes.begin() + cut, classes.end());
    std::vector<WrittenWord> firsts = words_under(index, half_keys(first, marked, false), latin);
    if (firsts.empty()) continue;
    std::vector<WrittenWord> seconds = words_under(index, half_keys(second, marked, true), latin);
    for (const WrittenWord& a : firsts)
      for (const WrittenWord& b : seconds) {
        std::optional<size_t> distance = distance_to(source, source_letters, a.word, b.word);
        if (!distance) continue;
        found.push_back({{a.word, b.word}, *distance, std::min(a.frequency, b.frequency)});
      }
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    if (x.distance != y.distance) return x.distance < y.distance;
    return x.rarer_frequency > y.rarer_frequency;
  });
  std::vector<TwoWordSpelling> spellings;
  for (auto& [spelling, distance, frequency] : found) {
    if (std::find(spellings.begin(), spellings.end(), spelling) != spellings.end()) continue;
    spellings.push_back(std::move(spelling));
    if (spellings.size() == kMaxTwoWordSpellings) break;
  }
  return spellings;
}

}  // namespace fahras
