// Query parsing and expansion (see query_plan.h).
#include "query_plan.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "fahras/schema.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "phonetic_key.h"
#include "quantity_readings.h"
#include "query_limits.h"
#include "query_readings.h"
#include "query_rewrite.h"
#include "question_words.h"
#include "spelling_variants.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "two_word_spellings.h"
#include "utf8.h"
#include "xapian_stem.h"

namespace fahras {
namespace {

// Words found through a phonetic key are highlighted as those words (not
// every word of the key).
void highlight_key_terms(const std::vector<std::string>& key_terms, HighlightTerms& highlight) {
  for (const std::string& term : key_terms) highlight.stems.insert(term.substr(1));
}

bool is_operator(const std::string& token) {
  static const std::set<std::string> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  if (operators.count(token)) return true;
  for (const char* op : {"NEAR/", "ADJ/"})
    if (token.rfind(op, 0) == 0) return true;
  return false;
}

std::string z(const std::string& stem) { return "Z" + stem; }

Xapian::Query phrase_of(const std::vector<std::string>& words) {
  if (words.size() == 1) return Xapian::Query(z(stem_word(words[0])));
  std::vector<Xapian::Query> parts;
  for (const std::string& w : words) parts.emplace_back(w);
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

// Appends (OR of queries) scaled by weight to parts, when there are queries.
void add_weighted(std::vector<Xapian::Query>& parts, const std::vector<Xapian::Query>& queries,
                  double weight) {
  if (queries.empty()) return;
  parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                     Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end()), weight);
}

// Whether the query is one term.
bool is_single_term(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && q.get_terms_begin() != q.get_terms_end();
}

// Appends each query, a term or an OP_SYNONYM group of terms, at `factor`;
// false at a query of another shape.
bool append_terms(std::vector<WeightedTerm>& out, const std::vector<Xapian::Query>& queries,
                  double factor) {
  for (const Xapian::Query& q : queries) {
    if (is_single_term(q)) {
      out.push_back({*q.get_terms_begin(), factor});
      continue;
    }
    if (q.get_type() != Xapian::Query::OP_SYNONYM) return false;
    WeightedTerm group{"", factor};
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
      if (!is_single_term(q.get_subquery(i))) return false;
      group.synonyms.push_back(*q.get_subquery(i).get_terms_begin());
    }
    out.push_back(std::move(group));
  }
  return true;
}

// A word's expansions as the disjunction holds them: terms and synonym
// groups of terms, and the expansions of other shapes (a two-word spelling's
// two stems, two_word_spellings.h; a synonym of several words), each scaled
// by its factor, which Xapian weighs alone.
struct FlatExpansion {
  std::vector<WeightedTerm> terms;
  std::vector<Xapian::Query> weighed_alone;
};

void append_expansions(FlatExpansion& out, const std::vector<Xapian::Query>& queries,
                       double factor) {
  for (const Xapian::Query& q : queries)
    if (!append_terms(out.terms, {q}, factor))
      out.weighed_alone.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

// The parsed query with its expansions as one disjunction of weighted terms
// and synonym groups of terms, each once (a term the query holds twice at the
// sum of its factors), and in `weighed_alone` the OR's phrases and the
// expansions of other shapes; empty if the parsed query is not an OR (of
// ORs) of terms and phrases with a term.
std::vector<WeightedTerm> as_disjunction(const Xapian::Query& parsed,
                                         const std::map<std::string, FlatExpansion>& expansion_of,
                                         std::vector<Xapian::Query>& weighed_alone) {
  // An OR's weight is the sum of its subqueries': ORs within it (brackets in
  // a pasted paragraph) are one OR of their leaves.
  if (parsed.get_type() != Xapian::Query::LEAF_TERM && parsed.get_type() != Xapian::Query::OP_OR)
    return {};
  std::vector<Xapian::Query> leaves;
  std::vector<Xapian::Query> pending = {parsed};
  while (!pending.empty()) {
    Xapian::Query q = std::move(pending.back());
    pending.pop_back();
    if (q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR) {
      weighed_alone.push_back(std::move(q));
      continue;
    }
    if (q.get_type() != Xapian::Query::OP_OR) {
      leaves.push_back(std::move(q));
      continue;
    }
    for (size_t i = q.get_num_subqueries(); i-- > 0;) pending.push_back(q.get_subquery(i));
  }
  std::vector<WeightedTerm> out;
  if (!append_terms(out, leaves, 1.0) || out.empty()) {
    weighed_alone.clear();
    return {};
  }
  size_t words = out.size();
  for (size_t i = 0; i < words; ++i) {
    auto found = expansion_of.find(out[i].term);
    if (found == expansion_of.end()) continue;
    out.insert(out.end(), found->second.terms.begin(), found->second.terms.end());
    weighed_alone.insert(weighed_alone.end(), found->second.weighed_alone.begin(),
                         found->second.weighed_alone.end());
  }
  // A term twice (a word of the query twice, or its stem's): Xapian weighs
  // each leaf on its own, which is one term at the sum of their factors.
  std::vector<WeightedTerm> merged;
  for (const WeightedTerm& t : out) {
    auto found = std::find(merged.begin(), merged.end(), t);
    if (found == merged.end())
      merged.push_back(t);
    else
      found->factor += t.factor;
  }
  return merged;
}

// The singular of a feminine noun in ة (normalized ه) written in the dual:
// موافقتا, موافقتان, موافقتين -> موافقه. (Sound plurals in ات, and the other
// way, from a singular to its dual and plural forms, cost the slowest ARCD
// questions a third more re-ranking and changed no collection's figures.)
std::string feminine_singular(const std::string& word) {
  static const std::vector<std::string> endings = {"تان", "تين", "تا"};
  for (const std::string& ending : endings)
    if (word.size() >= ending.size() + 6 &&
        word.compare(word.size() - ending.size(), ending.size(), ending) == 0)
      return word.substr(0, word.size() - ending.size()) + "ه";
  return {};
}

// The word without its leading conjunction و, or with one.
std::string with_or_without_waw(const std::string& word) {
  const std::string waw = "و";
  if (word.size() > 3 * waw.size() && word.compare(0, waw.size(), waw) == 0)
    return word.substr(waw.size());
  return waw + word;
}

// The analysis chain's stop words, and question words: what a query's parser
// leaves out.
class QueryStopper : public Xapian::Stopper {
 public:
  QueryStopper() : chain_(make_stopper()) {}
  bool operator()(const std::string& word) const override {
    return (*chain_)(word) || is_question_word(word);
  }

 private:
  std::unique_ptr<Xapian::Stopper> chain_;
};

// The content words a user asked for: not operators, field names, file:
// values, stop words, words of quoted phrases, wildcards, or words excluded
// with NOT or a leading '-'. `prefixes` receives the wildcards' prefixes.
std::vector<std::string> concept_words_of(const std::string& text,
                                          std::vector<std::string>& prefixes) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string token;
  bool negate_next = false, in_phrase = false;
  while (in >> token) {
    // Words of a quoted phrase match only as the phrase: no expansions.
    size_t quotes = std::count(token.begin(), token.end(), '"');
    bool phrase_word = in_phrase || quotes > 0;
    if (quotes % 2 == 1) in_phrase = !in_phrase;
    if (phrase_word) continue;
    if (is_operator(token)) {
      negate_next = token == "NOT";
      continue;
    }
    bool negated = negate_next || token[0] == '-';
    negate_next = false;
    if (negated) continue;
    if (size_t colon = token.find(':'); colon != std::string::npos) {
      if (token.compare(0, colon, "file") == 0) continue;
      token.erase(0, colon + 1);
    }
    // A wildcard matches the words it begins as written: not a concept.
    if (token.find('*') != std::string::npos) {
      for (const std::string& w : split_words(token.substr(0, token.find('*'))))
        prefixes.push_back(w);
      continue;
    }
    for (const std::string& w : split_words(token))
      if (w.size() <= schema::kMaxWordBytes && !is_stopword(w) && !is_question_word(w))
        words.push_back(w);
  }
  return words;
}

}  // namespace

std::string normalize_query_text(const std::string& raw_query) {
  std::istringstream in(raw_query);
  std::string token, out;
  // Split on ASCII spaces only: the rest (quotes, brackets) survives normalize().
  while (in >> token) {
    if (!out.empty()) out += ' ';
    if (is_operator(token) || token.rfind("file:", 0) == 0)
      out += token;
    else
      out += normalize(token);
  }
  return out;
}

std::string with_field_values_attached(const std::string& text, std::vector<std::string>& dropped) {
  static const std::set<std::string> fields = {"title:", "heading:", "file:"};
  auto a_field = [](const std::string& token) {
    for (const std::string& field : fields)
      if (token.rfind(field, 0) == 0) return true;
    return false;
  };
  std::istringstream in(text);
  std::vector<std::string> tokens;
  for (std::string token; in >> token;) tokens.push_back(token);
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    if (fields.count(token)) {
      if (i + 1 == tokens.size() || is_operator(tokens[i + 1]) || a_field(tokens[i + 1])) {
        dropped.push_back(token);
        continue;
      }
      token += tokens[++i];
    }
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

std::string exclusions_only_as_not(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    // One unit: -word, or -"a phrase" up to its closing quote.
    // A minus before a digit is a negative number's ("-5"), not an exclusion.
    if (text[i] != '-' || i + 1 >= text.size() || text[i + 1] == ' ' ||
        (text[i + 1] >= '0' && text[i + 1] <= '9'))
      return text;
    size_t end = text[i + 1] == '"' ? text.find('"', i + 2) : text.find(' ', i);
    end = end == std::string::npos ? text.size() : end + (text[i + 1] == '"' ? 1 : 0);
    if (!out.empty()) out += ' ';
    out += "NOT " + text.substr(i + 1, end - i - 1);
    i = end;
  }
  return out.empty() ? text : out;
}

QueryPlanner::QueryPlanner(const Xapian::Database& db, const Synonyms& synonyms,
                           TermStatistics& statistics)
    : db_(db),
      synonyms_(synonyms),
      statistics_(statistics),
      stopper_(std::make_unique<QueryStopper>()) {}

QueryPlanner::QueryPlanner(const Xapian::Database& db, const Synonyms& synonyms)
    : db_(db),
      synonyms_(synonyms),
      own_statistics_(std::make_unique<TermStatistics>(db)),
      statistics_(*own_statistics_),
      stopper_(std::make_unique<QueryStopper>()) {}

std::vector<std::string> QueryPlanner::transcriptions_of(const std::string& source,
                                                         const std::string& key,
                                                         bool other_script_only) const {
  std::vector<std::string> terms = key_terms(key);
  bool source_latin = is_ascii(source);
  std::u32string own = to_utf32(source);
  std::erase_if(terms, [&](const std::string& term) {
    std::string stem = term.substr(1);
    if (is_ascii(stem) == source_latin)
      return other_script_only || is_short_name_key(key) ||  // see short_name_key
             edit_distance(own, to_utf32(stem), kMaxKeySpellingEdits) > kMaxKeySpellingEdits;
    return source_latin ? !may_transcribe(source, stem) : !may_transcribe(stem, source);
  });
  return terms;
}

std::vector<std::string> QueryPlanner::key_terms(const std::string& key) const {
  std::vector<std::string> terms;
  if (key.empty()) return terms;
  for (const std::string& stem : statistics_.stems_with_key(key))
    if (statistics_.termfreq(z(stem)) > 0) terms.push_back(z(stem));
  return terms;
}

QueryPlanner::~QueryPlanner() = default;

QueryPlan QueryPlanner::plan(const std::string& raw_query) const {
  QueryPlan plan;
  std::string raw = raw_query;
  if (raw.size() > kMaxQueryBytes) {
    raw = truncate_utf8(raw, kMaxQueryBytes);
    plan.notices.push_back("query longer than " + std::to_string(kMaxQueryBytes) +
                           " bytes: the rest was ignored");
  }
  std::vector<std::string> empty_fields;
  std::string text =
      exclusions_only_as_not(with_field_values_attached(normalize_query_text(raw), empty_fields));
  for (const std::string& field : empty_fields)
    plan.notices.push_back(field + " with nothing after it: ignored");
  text = join_spelled_letters(text, statistics_);
  text = join_model_names(text, statistics_);
  text = read_quantities(text, statistics_);
  plan.asked_number = asked_number_term(text);
  text = drop_asked_attribute(text);
  text = within_query_limits(text, plan.notices);

  Xapian::QueryParser parser;
  parser.set_database(db_);
  parser.set_stemmer(make_stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper(stopper_.get());
  parser.set_default_op(Xapian::Query::OP_OR);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                           Xapian::QueryParser::FLAG_WILDCARD);
  parser.add_prefix("title", std::string(schema::kTitlePrefix));
  parser.add_prefix("heading", std::string(schema::kHeadingPrefix));
  parser.add_boolean_prefix("file", std::string(schema::kArticlePrefix));
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
  Xapian::Query parsed;
  try {
    parsed = parser.parse_query(text, flags);
  } catch (const Xapian::QueryParserError&) {
    plan.notices.push_back("could not parse the query syntax: searched for its words instead");
    std::string words;
    for (const std::string& w : split_words(text)) words += w + " ";
    parsed = parser.parse_query(words, 0);
  }

  // Concepts: the content words of the query, in order.
  std::vector<std::string> prefixes;
  std::vector<std::string> words = concept_words_of(text, prefixes);
  plan.highlight.prefixes.insert(prefixes.begin(), prefixes.end());
  notice_cut_wildcards(db_, prefixes, plan.notices);
  // Per concept: expansions at kExpansionWeight, synonyms at kSynonymWeight,
  // weak ones at kSpellingVariantWeight.
  std::vector<std::vector<Xapian::Query>> expansions(words.size()), weak_expansions(words.size()),
      synonym_expansions(words.size());
  // Words the index does not hold as typed are read as the words meant
  // (query_readings.h): readings weigh as the word, and the first stands for
  // it in pairs, variants, synonyms and phonetic key.
  std::vector<std::string> sources, stems, meant_stems, meant_words;
  std::vector<std::vector<std::string>> readings(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    stems.push_back(stem_word(words[i]));
    WordReadings read = read_word(words[i], statistics_);
    meant_words.push_back(read.meant_word);
    meant_stems.push_back(read.stems.empty() ? stems[i] : read.stems.front());
    if (!read.stems.empty() && read.known_as_typed)
      plan.rare_words_read_as[words[i]] = read.meant_word;
    readings[i] = std::move(read.stems);
    sources.push_back(phonetic_key_source(meant_words[i]));
  }
  // Synonyms of the multi-word variants the query holds (الذكاء الاصطناعي:
  // AI), beside the first of their words that is a concept.
  std::vector<std::vector<std::vector<std::string>>> phrase_synonyms(words.size());
  std::vector<std::string> all_words = split_words(text);
  for (auto& match : synonyms_.phrases_in(all_words)) {
    auto concept_word =
        std::find_first_of(words.begin(), words.end(), all_words.begin() + match.begin,
                           all_words.begin() + match.begin + match.length);
    if (concept_word == words.end()) continue;
    auto& into = phrase_synonyms[concept_word - words.begin()];
    for (auto& other : match.others) into.push_back(std::move(other));
    // A stop word of the phrase (علي of علي بابا, read as على) is no term of
    // the query: the phrase itself is, so that it ranks and is highlighted.
    std::vector<std::string> typed(all_words.begin() + match.begin,
                                   all_words.begin() + match.begin + match.length);
    if (std::any_of(typed.begin(), typed.end(), is_stopword)) into.push_back(std::move(typed));
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const std::string& stem = stems[i];
    // Xapian stems no word that starts with a digit: such a word is matched
    // unstemmed. Any other word's stem term stands beside it in every passage.
    std::set<std::string> terms = {z(stem)};
    if (w[0] >= '0' && w[0] <= '9') terms.insert(w);
    plan.highlight.stems.insert(stem);
    plan.concept_words.push_back(w);
    plan.concept_stems.push_back({stem});
    for (const std::string& reading : readings[i])
      if (reading != stem) plan.concept_stems.back().push_back(reading);

    // The clitic reading of a word the index knows, weakly (one it does not
    // know is among its readings, above).
    std::string alternative = alternative_stem(meant_words[i]);
    bool a_reading =
        std::find(readings[i].begin(), readings[i].end(), alternative) != readings[i].end();
    if (!alternative.empty() && !a_reading && statistics_.termfreq(z(alternative)) > 0) {
      expansions[i].emplace_back(z(alternative));
      terms.insert(z(alternative));
      plan.highlight.stems.insert(alternative);
    }
    const std::string& known_stem = meant_stems[i];
    for (const std::string& seated : readings[i]) {
      synonym_expansions[i].emplace_back(z(seated));
      terms.insert(z(seated));
      plan.highlight.stems.insert(seated);
    }
    // A word known in no reading follows its whole phonetic key, below.
    Xapian::doccount stem_freq = statistics_.termfreq(z(known_stem));
    bool unknown = stem_freq == 0;
    for (const std::string& verb : related_verb_stems(known_stem)) {
      if (statistics_.termfreq(z(verb)) == 0) continue;
      expansions[i].emplace_back(z(verb));
      terms.insert(z(verb));
      plan.highlight.stems.insert(verb);
    }
    bool latin = static_cast<unsigned char>(w[0]) < 0x80 && !(w[0] >= '0' && w[0] <= '9');
    // Latin and unknown words follow their phonetic key; a known Arabic word
    // follows the other spellings the index holds of it (ترمب for ترامب), at
    // a weaker weight, not its whole key, which many other words share.
    std::string key = phonetic_key(sources[i]);
    if (key.empty()) key = vowel_marked_key(sources[i]);  // short_name_key, key known empty
    if (latin || unknown) {
      std::vector<std::string> of_key = transcriptions_of(sources[i], key);
      // A name the index writes as two words (ByteDance, بايتدانس: بايت دانس;
      // DeepSeek: ديب سيك).
      std::vector<TwoWordSpelling> two_words =
          two_word_spellings(statistics_, sources[i], phonetic_pair_key(sources[i]));
      // A word whose key finds nothing may carry a clitic (its key without
      // it), or begin with a letter read as one: بايتدانس is keyed on ايتدانس
      // (ب before alef), the index on بايت دانس (its key as written).
      if (of_key.empty() && two_words.empty() && !latin) {
        std::vector<std::string> forms = {w};
        for (const std::string& form : clitic_readings(w))
          forms.push_back(phonetic_key_source(form));
        for (const std::string& form : forms) {
          of_key = transcriptions_of(sources[i], phonetic_key(form));
          two_words = two_word_spellings(statistics_, form, phonetic_pair_key(form));
          if (!of_key.empty() || !two_words.empty()) break;
        }
      }
      // (Highlighted where they stand together: collect_word_groups.)
      for (const TwoWordSpelling& two : two_words) {
        expansions[i].push_back(phrase_of({two.first, two.second}));
        terms.insert(two.first);
        terms.insert(two.second);
      }
      if (!of_key.empty()) {
        expansions[i].emplace_back(Xapian::Query::OP_SYNONYM, of_key.begin(), of_key.end());
        terms.insert(of_key.begin(), of_key.end());
        highlight_key_terms(of_key, plan.highlight);
      }
    } else {
      std::vector<std::string> variants, vowel_variants;
      Xapian::doccount variant_freq = 0;
      for (const std::string& variant : spelling_variants(statistics_, key, known_stem)) {
        Xapian::doccount f = statistics_.termfreq(z(variant));
        if (f == 0) continue;           // a cut-off term, or an alternative stem only
        if (variant == stem) continue;  // the word as typed, read as a common spelling
        if (differs_by_a_long_vowel(known_stem, variant)) {
          vowel_variants.push_back(variant);
          continue;
        }
        variants.push_back(variant);
        variant_freq += f;
      }
      // Spellings of one name are about as common as each other or rarer;
      // a "variant" far more common than the word is another word (محلل for
      // محلي), or the word's plural. A long vowel written or left out
      // (نفيديا, انفيديا; ترمب, ترامب) is a spelling however common.
      if (variant_freq > kMaxVariantShare * stem_freq + kVariantAllowance) variants.clear();
      variants.insert(variants.end(), vowel_variants.begin(), vowel_variants.end());
      // The commonest few: on a real vocabulary a common word's key lists
      // dozens of rare words of the other script (كاس: cash, case, quasi).
      if (variants.size() > kMaxSpellingVariants) {
        std::stable_sort(variants.begin(), variants.end(),
                         [&](const std::string& a, const std::string& b) {
                           return statistics_.termfreq(z(a)) > statistics_.termfreq(z(b));
                         });
        variants.resize(kMaxSpellingVariants);
      }
      for (const std::string& variant : variants) {
        weak_expansions[i].emplace_back(z(variant));
        terms.insert(z(variant));
        plan.highlight.stems.insert(variant);
      }
    }
    std::vector<std::vector<std::string>> variants = synonyms_.variants_of_stem(known_stem);
    variants.insert(variants.end(), phrase_synonyms[i].begin(), phrase_synonyms[i].end());
    for (const auto& variant : variants) {
      synonym_expansions[i].push_back(phrase_of(variant));
      if (variant.size() == 1) {
        std::string s = stem_word(variant[0]);
        terms.insert(z(s));
        plan.highlight.stems.insert(s);
      } else {
        terms.insert(variant.begin(), variant.end());
      }
    }
    plan.concept_terms.push_back(std::move(terms));
  }
  // Adjacent query words the index holds as one word, in either script (بايت
  // دانس: ByteDance), through the key of the two joined; a pair one class
  // short of a pair key meets only a one-word name in the other script (ديب
  // سيك: DeepSeek).
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string joined = sources[i] + sources[i + 1];
    std::string key = phonetic_key(joined);
    bool short_pair = key.size() + 1 == kMinPhoneticPairClasses;
    if (key.size() < kMinPhoneticPairClasses && !short_pair) continue;
    std::vector<std::string> of_key = transcriptions_of(joined, key, short_pair);
    if (of_key.empty()) continue;
    expansions[i].emplace_back(Xapian::Query::OP_SYNONYM, of_key.begin(), of_key.end());
    plan.concept_terms[i].insert(of_key.begin(), of_key.end());
    plan.concept_terms[i + 1].insert(of_key.begin(), of_key.end());
    highlight_key_terms(of_key, plan.highlight);
  }
  // Adjacent query words standing together in a passage: scored by the ranker.
  // (The forms as typed and as meant: the stems' other forms measured no
  // better and cost three times as much, docs/index-format.md.)
  // The written forms of concept i the index holds: as typed and as meant;
  // as the first word of a pair, written in the dual or plural, also its singular
  // (feminine_singular: the noun of a construct carries them, موافقتا
  // واشنطن where the text writes موافقة واشنطن); as the second, with or without
  // the conjunction و (وبكين, بكين).
  enum class Place { kAsTyped, kFirst, kSecond };
  auto forms = [&](size_t i, Place place) {
    std::vector<std::string> candidates = {words[i], meant_words[i]};
    if (place == Place::kFirst) candidates.push_back(feminine_singular(words[i]));
    if (place == Place::kSecond) candidates.push_back(with_or_without_waw(words[i]));
    std::vector<std::string> out;
    for (const std::string& form : candidates)
      if (std::find(out.begin(), out.end(), form) == out.end() && statistics_.termfreq(form) > 0)
        out.push_back(form);
    return out;
  };
  // In a query of plain words, every word counts, stop words included: a
  // remembered phrase (من كل شيء) is its words in their order.
  std::vector<std::vector<std::string>> sequence;  // forms of each word, in order
  std::vector<bool> content;                       // whether it is a concept's
  bool plain = std::none_of(all_words.begin(), all_words.end(), is_operator) &&
               text.find_first_of("\":*") == std::string::npos &&
               all_words.size() <= kMaxSequenceWords;
  if (plain) {
    size_t next_concept = 0;
    for (const std::string& w : all_words) {
      content.push_back(next_concept < words.size() && w == words[next_concept]);
      if (content.back()) {
        sequence.push_back(forms(next_concept++, Place::kAsTyped));
      } else {
        sequence.push_back({});
        if (statistics_.termfreq(w) > 0) sequence.back().push_back(w);
      }
    }
  }
  // A question (a question mark, or a question word) asks in words of its
  // own: its sequence is no phrase of the text (ARCD questions: no passage
  // holds one), and looking for it cost a tenth of their median time.
  bool question = raw.find("?") != std::string::npos || raw.find("؟") != std::string::npos ||
                  std::any_of(all_words.begin(), all_words.end(), is_question_word);
  plan.question = question;
  if (plain && !question && sequence.size() >= kMinPhraseWords &&
      std::none_of(sequence.begin(), sequence.end(), [](const auto& f) { return f.empty(); }))
    plan.phrase = sequence;
  std::vector<WordPair> pairs;
  for (size_t i = 0; i + 1 < sequence.size(); ++i) pairs.push_back({sequence[i], sequence[i + 1]});
  if (!plain)  // the content words, stop words between them skipped
    for (size_t i = 0; i + 1 < words.size(); ++i)
      pairs.push_back({forms(i, Place::kFirst), forms(i + 1, Place::kSecond)});
  for (WordPair& pair : pairs)
    if (!pair.first.empty() && !pair.second.empty()) plan.adjacent_words.push_back(std::move(pair));
  // Each concept's expansions go beside its term in the parsed query, under
  // the same filters and exclusions.
  std::map<std::string, Xapian::Query> expansion_of;
  std::map<std::string, FlatExpansion> flat_expansion_of;
  for (size_t i = 0; i < words.size(); ++i) {
    std::vector<Xapian::Query> parts;
    add_weighted(parts, expansions[i], kExpansionWeight);
    add_weighted(parts, synonym_expansions[i], kSynonymWeight);
    add_weighted(parts, weak_expansions[i], kSpellingVariantWeight);
    if (parts.empty()) continue;
    // Two words of one stem: the term is twice in the parsed query, and
    // attach_expansions() gives each its expansions (as_disjunction() too).
    if (!expansion_of
             .emplace(z(stems[i]), Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()))
             .second)
      continue;
    FlatExpansion& flat = flat_expansion_of[z(stems[i])];
    append_expansions(flat, expansions[i], kExpansionWeight);
    append_expansions(flat, synonym_expansions[i], kSynonymWeight);
    append_expansions(flat, weak_expansions[i], kSpellingVariantWeight);
  }
  plan.query = attach_expansions(parsed, expansion_of);
  collect_word_groups(plan.query, plan.highlight.phrases);
  plan.disjunction = as_disjunction(parsed, flat_expansion_of, plan.disjunction_weighed_alone);
  for (WeightedTerm& t : plan.disjunction) {
    if (t.synonyms.empty()) {
      t.frequency = statistics_.termfreq(t.term);
      continue;
    }
    for (const std::string& term : t.synonyms)
      t.synonym_frequencies.push_back(statistics_.termfreq(term));
    t.frequency = synonym_frequency(t.synonym_frequencies, db_.get_doccount());
  }
  return plan;
}

}  // namespace fahras
