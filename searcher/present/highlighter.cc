// Highlight ranges and snippets (see highlighter.h).
#include "highlighter.h"

#include <algorithm>
#include <unordered_map>

#include "bounded_memo.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "stopwords.h"
#include "tokenizer.h"

namespace fahras {

namespace {

// A word's letters, as bits (the low six bits of each character's last
// UTF-8 byte: a stem's letters are among its word's), and whether it holds
// an ASCII letter; one pass over its bytes.
struct WordLetters {
  uint64_t bits = 0;
  bool ascii_letter = false;
};

WordLetters letters_of(std::string_view word) {
  WordLetters letters;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    letters.ascii_letter |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (i + 1 == word.size() || (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80)
      letters.bits |= uint64_t{1} << (c & 0x3F);
  }
  return letters;
}

struct StemFilter {
  std::vector<std::pair<uint64_t, const std::string*>> stems;  // letter bits, stem
  bool stem_every_word = false;                                // the stems hold الله (below)
};

StemFilter stem_filter(const std::set<std::string>& stems) {
  StemFilter filter;
  for (const std::string& stem : stems) filter.stems.emplace_back(letters_of(stem).bits, &stem);
  filter.stem_every_word = stems.count("الله") > 0;
  return filter;
}

// Whether stemming the word could give one of the stems. An Arabic stem is
// the word with affixes cut off, so it is a substring of the word (الله, which
// every clitic form stems to, excepted); a Latin word's English stem may
// change letters (policy -> polici), so it always needs stemming. The letter
// bits rule out most words before any substring search.
bool may_stem_to(std::string_view word, const StemFilter& filter) {
  if (filter.stems.empty()) return false;
  if (filter.stem_every_word) return true;
  WordLetters letters = letters_of(word);
  if (letters.ascii_letter) return true;
  for (const auto& [bits, stem] : filter.stems)
    if ((bits & ~letters.bits) == 0 && word.find(*stem) != std::string::npos) return true;
  return false;
}

// Marks the words of `group` found within its window from word `first`,
// which must be one of them (the first, when the group is ordered).
void mark_group_at(const std::vector<std::string_view>& words, size_t first, const WordGroup& group,
                   std::vector<bool>& marked) {
  size_t end = std::min(words.size(), first + group.window);
  std::vector<size_t> found;
  std::vector<bool> used(group.words.size(), false);
  for (size_t t = first; t < end && found.size() < group.words.size(); ++t) {
    if (group.ordered) {
      if (words[t] == group.words[found.size()]) found.push_back(t);
      continue;
    }
    for (size_t w = 0; w < group.words.size(); ++w)
      if (!used[w] && words[t] == group.words[w]) {
        used[w] = true;
        found.push_back(t);
        break;
      }
  }
  if (found.size() < group.words.size()) return;
  for (size_t t : found) marked[t] = true;
}

// A word's stem_word and alternative_stem, remembered by this thread for every
// highlighter it runs: at most kRememberedWords words each (bounded_memo.h),
// about a megabyte a thread.
constexpr size_t kRememberedWords = 8192;

struct WordStems {
  BoundedMemo<std::string> stems{kRememberedWords};
  BoundedMemo<std::string> alternatives{kRememberedWords};
};

WordStems& word_stems_of_this_thread() {
  thread_local WordStems memo;
  return memo;
}

}  // namespace

Highlighter::Highlighter(const HighlightTerms& terms) : terms_(terms) {
  for (const WordGroup& group : terms.phrases) {
    if (group.words.empty()) continue;
    std::set<std::string> starts;
    if (group.ordered)
      starts.insert(group.words.front());
    else
      starts.insert(group.words.begin(), group.words.end());
    for (const std::string& word : starts) groups_by_word_[word].push_back(&group);
  }
}

std::vector<ByteRange> Highlighter::find(const std::string& text,
                                         const std::set<std::string>& stems) const {
  if (stems.empty() && terms_.phrases.empty() && terms_.prefixes.empty()) return {};
  const NormalizedText normalized = normalize_with_offsets(text);
  const std::vector<WordSpan> spans = word_spans(normalized.text);
  std::vector<std::string_view> words;
  words.reserve(spans.size());
  for (const WordSpan& span : spans)
    words.push_back(std::string_view(normalized.text).substr(span.begin, span.end - span.begin));
  std::vector<bool> marked(words.size(), false);
  StemFilter filter = stem_filter(stems);
  WordStems& memo = word_stems_of_this_thread();
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    if (!groups_by_word_.empty())
      if (auto groups = groups_by_word_.find(word); groups != groups_by_word_.end())
        for (const WordGroup* group : groups->second) mark_group_at(words, i, *group, marked);
    for (const std::string& prefix : terms_.prefixes)
      if (word.starts_with(prefix)) marked[i] = true;
    // Stop words match only as written (above); the cheap substring test
    // runs before the stop-word lookup, which most words need not reach.
    if (marked[i] || !may_stem_to(word, filter) || is_stopword(word)) continue;
    if (stems.count(memo.stems.get(word, stem_word))) {
      marked[i] = true;
      continue;
    }
    const std::string& alternative = memo.alternatives.get(word, alternative_stem);
    if (!alternative.empty() && stems.count(alternative)) marked[i] = true;
  }
  std::vector<ByteRange> ranges;
  for (size_t i = 0; i < spans.size(); ++i)
    if (marked[i]) ranges.push_back(normalized.original_range(spans[i].begin, spans[i].end));
  return ranges;
}

std::vector<ByteRange> find_highlights(const std::string& text, const HighlightTerms& terms) {
  return Highlighter(terms).find(text, terms.stems);
}

namespace {

// Moves a byte offset back to the start of a UTF-8 character.
size_t char_start(const std::string& s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Moves an offset back to just after a space, if one is near.
size_t word_start(const std::string& s, size_t i) {
  size_t limit = i > 40 ? i - 40 : 0;
  for (size_t j = i; j > limit; --j)
    if (s[j - 1] == ' ') return j;
  return char_start(s, i);
}

}  // namespace

std::string make_snippet(const std::string& text, const std::vector<ByteRange>& highlights,
                         const SnippetStyle& style) {
  size_t begin = 0, end = text.size();
  if (text.size() > style.max_bytes) {
    // The window of max_bytes with the most highlights, starting at one.
    size_t best = 0, best_count = 0;
    for (size_t i = 0; i < highlights.size(); ++i) {
      size_t count = 0;
      for (size_t j = i;
           j < highlights.size() && highlights[j].second <= highlights[i].first + style.max_bytes;
           ++j)
        ++count;
      if (count > best_count) best_count = count, best = i;
    }
    if (!highlights.empty())
      begin = word_start(text, highlights[best].first > 60 ? highlights[best].first - 60 : 0);
    end = std::min(text.size(), begin + style.max_bytes);
    if (end < text.size()) {
      size_t space = text.rfind(' ', end);
      end = space != std::string::npos && space > begin ? space : char_start(text, end);
    }
  }
  std::string out;
  if (begin > 0) out += style.omitted;
  size_t pos = begin;
  for (const auto& [hb, he] : highlights) {
    if (hb < pos || he > end) continue;
    out.append(text, pos, hb - pos);
    out += style.before;
    out.append(text, hb, he - hb);
    out += style.after;
    pos = he;
  }
  out.append(text, pos, end - pos);
  if (end < text.size()) out += style.omitted;
  return out;
}

}  // namespace fahras
