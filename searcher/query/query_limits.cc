// Bounds on a query's operators (see query_limits.h).
#include "query_limits.h"

#include <sstream>

namespace fahras {
namespace {

bool is_proximity_operator(const std::string& token) {
  return token == "NEAR" || token == "ADJ" || token.rfind("NEAR/", 0) == 0 ||
         token.rfind("ADJ/", 0) == 0;
}

// The text with the '*' of every wildcard past the kMaxWildcards-th removed,
// and every NEAR or ADJ past the kMaxProximityOperators-th dropped.
std::string with_operators_limited(const std::string& text, size_t& plain_wildcards,
                                   size_t& dropped_operators) {
  std::istringstream in(text);
  std::string token, out;
  size_t wildcards = 0, proximity = 0;
  plain_wildcards = dropped_operators = 0;
  while (in >> token) {
    if (is_proximity_operator(token) && ++proximity > kMaxProximityOperators) {
      ++dropped_operators;
      continue;
    }
    if (token.size() > 1 && token.find('*') != std::string::npos && ++wildcards > kMaxWildcards) {
      std::erase(token, '*');
      ++plain_wildcards;
    }
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

// The text with each quoted phrase of more than kMaxPhraseWords words closed
// after its kMaxPhraseWords-th word (its own closing quote dropped), and the
// quotes of every phrase past the kMaxPhrases-th dropped.
std::string with_phrases_limited(const std::string& text, size_t& long_phrases,
                                 size_t& plain_phrases) {
  std::string out;
  bool in_quote = false, in_word = false, closed_early = false, kept = true;
  size_t words = 0, phrases = 0;
  long_phrases = plain_phrases = 0;
  for (char c : text) {
    if (c == '"') {
      if (closed_early) {  // the phrase's own end, after it was closed
        closed_early = in_quote = false;
        continue;
      }
      in_quote = !in_quote;
      words = 0;
      in_word = false;
      if (in_quote) {
        kept = ++phrases <= kMaxPhrases;
        if (!kept) ++plain_phrases;
      }
      if (kept) out += c;
      continue;
    }
    bool space = c == ' ' || c == '\t';
    if (in_quote && kept && !closed_early && !space && !in_word && ++words > kMaxPhraseWords) {
      out += "\" ";
      closed_early = true;
      ++long_phrases;
    }
    in_word = !space;
    out += c;
  }
  return out;
}

}  // namespace

std::string within_query_limits(const std::string& text, std::vector<std::string>& notices) {
  size_t long_phrases = 0, plain_phrases = 0, plain_wildcards = 0, dropped_operators = 0;
  std::string out = with_phrases_limited(text, long_phrases, plain_phrases);
  out = with_operators_limited(out, plain_wildcards, dropped_operators);
  if (long_phrases)
    notices.push_back("a quoted phrase of more than " + std::to_string(kMaxPhraseWords) +
                      " words: its first " + std::to_string(kMaxPhraseWords) +
                      " searched as a phrase, the rest as words");
  if (plain_phrases)
    notices.push_back("more than " + std::to_string(kMaxPhrases) + " quoted phrases: " +
                      std::to_string(plain_phrases) + " searched as plain words");
  if (dropped_operators)
    notices.push_back("more than " + std::to_string(kMaxProximityOperators) +
                      " NEAR or ADJ: " + std::to_string(dropped_operators) +
                      " ignored, their words searched as plain words");
  if (plain_wildcards)
    notices.push_back("more than " + std::to_string(kMaxWildcards) + " wildcards: " +
                      std::to_string(plain_wildcards) + " searched as plain words");
  return out;
}

void notice_cut_wildcards(const Xapian::Database& db, const std::vector<std::string>& prefixes,
                          std::vector<std::string>& notices) {
  for (const std::string& prefix : prefixes) {
    unsigned words = 0;
    for (auto t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix) && words <= kMaxWildcardExpansion; ++t)
      ++words;
    if (words > kMaxWildcardExpansion)
      notices.push_back(prefix + "* matches more than " + std::to_string(kMaxWildcardExpansion) +
                        " words: searched for the " + std::to_string(kMaxWildcardExpansion) +
                        " most frequent");
  }
}

}  // namespace fahras
