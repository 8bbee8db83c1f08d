// Document construction for passages (see passage_document.h).
#include "passage_document.h"

#include <nlohmann/json.hpp>

#include "fahras/schema.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "phonetic_key.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "xapian_stem.h"

namespace fahras {

std::string passage_id(const std::string& file, const Passage& p) {
  std::string id = file + ":" + std::to_string(p.line);
  if (p.window > 0) id += "#" + std::to_string(p.window);
  return id;
}

std::string PassageData::to_json() const {
  nlohmann::json j = {{"file", file},     {"line", line},   {"window", window},
                      {"offset", offset}, {"title", title}, {"heading", heading},
                      {"text", text}};
  if (!url.empty()) j["url"] = url;
  if (!date.empty()) j["date"] = date;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Reads the flat object to_json() writes straight into a PassageData, without
// building a JSON tree: the searcher reads one per hit. Unknown keys and
// nested values are skipped, so newer writers stay readable.
class PassageDataReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit PassageDataReader(PassageData& out) : out_(out) {}

  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool string(string_t& v) override {
    if (depth_ != 1) return true;
    if (key_ == "file")
      out_.file = std::move(v), has_file_ = true;
    else if (key_ == "text")
      out_.text = std::move(v), has_text_ = true;
    else if (key_ == "title")
      out_.title = std::move(v);
    else if (key_ == "heading")
      out_.heading = std::move(v);
    else if (key_ == "url")
      out_.url = std::move(v);
    else if (key_ == "date")
      out_.date = std::move(v);
    return true;
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (depth_ != 1) return true;
    if (key_ == "line")
      out_.line = static_cast<uint32_t>(v), has_line_ = true;
    else if (key_ == "window")
      out_.window = static_cast<uint32_t>(v);
    else if (key_ == "offset")
      out_.offset = static_cast<size_t>(v);
    return true;
  }
  bool number_integer(number_integer_t v) override {
    return v < 0 || number_unsigned(static_cast<number_unsigned_t>(v));
  }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_, true; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    throw std::runtime_error("passage data, byte " + std::to_string(position) + ": " + e.what());
  }

  bool complete() const { return has_file_ && has_line_ && has_text_; }

 private:
  PassageData& out_;
  std::string key_;
  int depth_ = 0;
  bool has_file_ = false, has_line_ = false, has_text_ = false;
};

}  // namespace

PassageData PassageData::from_json(const std::string& json) {
  PassageData d;
  PassageDataReader reader(d);
  nlohmann::json::sax_parse(json, &reader);
  if (!reader.complete()) throw std::runtime_error("passage data without file, line or text");
  return d;
}

PassageDocumentBuilder::PassageDocumentBuilder() : stopper_(make_stopper()) {
  generator_.set_stemmer(make_stemmer());
  generator_.set_stopper(stopper_.get());
  generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  generator_.set_max_word_length(static_cast<unsigned>(schema::kMaxWordBytes));
}

PassageDocumentBuilder::~PassageDocumentBuilder() = default;

Xapian::Document PassageDocumentBuilder::build(const std::string& file, const Article& article,
                                               const Passage& passage, size_t& long_words,
                                               const std::string& url, const std::string& date) {
  Xapian::Document doc;
  generator_.set_document(doc);
  std::string text = normalize(passage.text);
  // Phonetic keys of each word, and of each pair of adjacent words so that a
  // name written as one word in Latin script (ByteDance) meets its Arabic
  // transcription in two (بايت دانس).
  const std::string phonetic(schema::kPhoneticPrefix);
  // Stem pairs of adjacent content words (stop words between them skipped)
  // let the ranker prefer passages where query words stand together.
  std::string previous_stem, previous_pair_stem;
  for (const std::string& word : split_words(text)) {
    if (word.size() > schema::kMaxWordBytes) {
      ++long_words;
      previous_stem.clear();
      previous_pair_stem.clear();
      continue;
    }
    if (is_stopword(word)) {
      previous_stem.clear();
      continue;
    }
    std::string pair_stem = stem_word(word);
    if (!previous_pair_stem.empty())
      doc.add_term(schema::stem_pair_term(previous_pair_stem, pair_stem));
    previous_pair_stem = pair_stem;
    std::string alternative = alternative_stem(word);
    if (!alternative.empty()) doc.add_term("Z" + alternative);
    std::string stem = phonetic_key_source(word);
    std::string key = phonetic_key(stem);
    if (!key.empty()) doc.add_term(phonetic + key);
    if (!previous_stem.empty()) {
      std::string pair_key = phonetic_key(previous_stem + stem);
      if (pair_key.size() >= kMinPhoneticPairClasses) doc.add_term(phonetic + pair_key);
    }
    previous_stem = std::move(stem);
  }
  generator_.index_text(text);
  // The title and headings are searchable as fields (title:, heading:) on the
  // passages that are the title or the heading; repeating them in every
  // passage measured no relevance gain and cost a third of indexing time.
  if (passage.line == article.passages.front().line && passage.window == 0)
    generator_.index_text(text, 1, std::string(schema::kTitlePrefix));
  if (passage.is_heading) generator_.index_text(text, 1, std::string(schema::kHeadingPrefix));

  doc.add_boolean_term(schema::passage_term(passage_id(file, passage)));
  doc.add_boolean_term(schema::article_term(file));
  doc.add_value(schema::kSlotArticle, file);
  doc.add_value(schema::kSlotLine, Xapian::sortable_serialise(passage.line));
  doc.add_value(schema::kSlotWindow, Xapian::sortable_serialise(passage.window));
  doc.add_value(schema::kSlotLocation, schema::location_value(file, passage.line));
  PassageData data{file,           passage.line,  passage.window,
                   passage.offset, article.title, passage.heading,
                   passage.text,   url,           date};
  doc.set_data(data.to_json());
  return doc;
}

bool is_spelling_word(const std::string& term) {
  if (term.empty()) return false;
  unsigned char first = static_cast<unsigned char>(term[0]);
  if (first >= 'A' && first <= 'Z') return false;  // prefixed term
  if (first >= '0' && first <= '9') return false;
  return term.size() >= 6 && !is_stopword(term);  // 3+ Arabic letters
}

}  // namespace fahras
