// Highlight ranges and snippets (see highlighter.h).
#include "highlighter.h"

#include <algorithm>

#include "analyzer.h"
#include "light_stemmer.h"
#include "phonetic_key.h"

namespace fahras {

std::vector<ByteRange> find_highlights(const std::string& text, const HighlightTerms& terms) {
  std::vector<AnalyzedToken> tokens = analyze(text);
  std::vector<bool> marked(tokens.size(), false);
  std::vector<std::string> sources(tokens.size());
  bool keyed = !terms.keys.empty();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const AnalyzedToken& t = tokens[i];
    if (terms.words.count(t.token.text)) marked[i] = true;
    if (t.stopword) continue;
    if (terms.stems.count(t.stem)) marked[i] = true;
    if (!marked[i] && !terms.stems.empty()) {
      std::string alternative = alternative_stem(t.token.text);
      if (!alternative.empty() && terms.stems.count(alternative)) marked[i] = true;
    }
    if (!keyed) continue;
    sources[i] = phonetic_key_source(t.token.text);
    if (terms.keys.count(phonetic_key(sources[i]))) marked[i] = true;
    if (i > 0 && !sources[i - 1].empty() &&
        terms.keys.count(phonetic_key(sources[i - 1] + sources[i])) &&
        phonetic_key(sources[i - 1] + sources[i]).size() >= kMinPhoneticPairClasses)
      marked[i] = marked[i - 1] = true;
  }
  std::vector<ByteRange> ranges;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (marked[i])
      ranges.emplace_back(tokens[i].token.original_begin, tokens[i].token.original_end);
  return ranges;
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
