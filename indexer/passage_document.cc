// Document construction for passages (see passage_document.h).
#include "passage_document.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "extracted_arabic.h"
#include "fahras/schema.h"
#include "json_text.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "number_terms.h"
#include "phonetic_key.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "xapian_stem.h"

namespace fahras {

namespace {

// The JSON nlohmann::json writes for a PassageData (below), written
// directly: its members in nlohmann::json's order (by name), each string
// valid UTF-8.
std::string direct_json_of(const PassageData& d, bool with_file_and_title) {
  std::string out;
  out.reserve(96 + d.text.size() + d.heading.size() + d.file.size() + d.title.size() +
              d.url.size() + d.date.size() + d.place.size());
  {
    JsonObjectWriter object(out);
    if (!d.date.empty()) object.string_member("date", d.date);
    if (with_file_and_title) object.string_member("file", d.file);
    object.string_member("heading", d.heading);
    append_integer(object.member("line"), d.line);
    append_integer(object.member("offset"), d.offset);
    if (!d.place.empty()) object.string_member("place", d.place);
    object.string_member("text", d.text);
    if (with_file_and_title) object.string_member("title", d.title);
    if (!d.url.empty()) object.string_member("url", d.url);
    append_integer(object.member("window"), d.window);
  }
  return out;
}

std::string json_of(const PassageData& d, bool with_file_and_title) {
  // Invalid UTF-8 is replaced as nlohmann::json replaces it: rare, left to it.
  bool valid = is_valid_utf8(d.text) && is_valid_utf8(d.heading) && is_valid_utf8(d.date) &&
               is_valid_utf8(d.place) && is_valid_utf8(d.url) &&
               (!with_file_and_title || (is_valid_utf8(d.file) && is_valid_utf8(d.title)));
  if (valid) return direct_json_of(d, with_file_and_title);
  nlohmann::json j = {{"line", d.line},
                      {"window", d.window},
                      {"offset", d.offset},
                      {"heading", d.heading},
                      {"text", d.text}};
  if (with_file_and_title) {
    j["file"] = d.file;
    j["title"] = d.title;
  }
  if (!d.url.empty()) j["url"] = d.url;
  if (!d.date.empty()) j["date"] = d.date;
  if (!d.place.empty()) j["place"] = d.place;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string PassageData::to_json() const { return json_of(*this, true); }

std::string PassageData::to_stored_json() const { return json_of(*this, false); }

namespace {

std::runtime_error bad_passage_data(simdjson::error_code error) {
  return std::runtime_error(std::string("passage data: ") + simdjson::error_message(error));
}

}  // namespace

// Reads the flat object to_json() writes straight into a PassageData with
// simdjson's on-demand parser, without building a JSON tree: the searcher
// reads one per hit. Unknown keys and nested values are skipped, so newer
// writers stay readable.
PassageData PassageData::from_json(const std::string& json) {
  thread_local simdjson::ondemand::parser parser;
  simdjson::padded_string padded(json);
  simdjson::ondemand::document document;
  simdjson::ondemand::object object;
  if (auto error = parser.iterate(padded).get(document)) throw bad_passage_data(error);
  if (auto error = document.get_object().get(object)) throw bad_passage_data(error);
  PassageData d;
  bool has_line = false, has_text = false;
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) throw bad_passage_data(error);
    simdjson::ondemand::value value;
    if (auto error = field.value().get(value)) throw bad_passage_data(error);
    std::string* text_field = key == "file"      ? &d.file
                              : key == "text"    ? &d.text
                              : key == "title"   ? &d.title
                              : key == "heading" ? &d.heading
                              : key == "url"     ? &d.url
                              : key == "date"    ? &d.date
                              : key == "place"   ? &d.place
                                                 : nullptr;
    if (text_field) {
      std::string_view v;
      if (value.get_string().get(v)) continue;  // not a string: skipped
      text_field->assign(v);
      has_text = has_text || text_field == &d.text;
      continue;
    }
    uint64_t number = 0;
    if (key == "line" && !value.get_uint64().get(number)) {
      d.line = static_cast<uint32_t>(number);
      has_line = true;
    } else if (key == "window" && !value.get_uint64().get(number)) {
      d.window = static_cast<uint32_t>(number);
    } else if (key == "offset" && !value.get_uint64().get(number)) {
      d.offset = static_cast<size_t>(number);
    }
  }
  if (!has_line || !has_text) throw std::runtime_error("passage data without line or text");
  return d;
}

PassageData PassageData::of(const std::string& file, const Article& article, const Passage& passage,
                            const std::string& url, const std::string& date) {
  return {file,
          passage.line,
          passage.window,
          passage.offset,
          article.title,
          passage.heading,
          passage.text,
          url,
          date,
          article.sections ? place_of_line(*article.sections, passage.line) : std::string()};
}

std::vector<PassageDocument> PassageDocumentBuilder::build_next(const std::string& file,
                                                                ArticleCursor& at,
                                                                const std::string& url,
                                                                const std::string& date) {
  std::vector<PassageDocument> documents;
  if (!at.reader) return documents;
  at.window.passages.clear();
  at.reader->read(kPassagesPerAdd, at.window.passages, kPassageBytesPerAdd);
  at.window.title = at.reader->title();
  at.window.title_line = at.reader->title_line();
  at.window.sections = at.sections.empty() ? nullptr : &at.sections;
  at.window.reversed_lam_alef = at.reversed_lam_alef;
  at.passages += at.window.passages.size();
  documents.reserve(at.window.passages.size());
  for (const Passage& passage : at.window.passages)
    documents.push_back(build(file, at.window, passage, at.long_words, url, date));
  at.window.passages.clear();
  return documents;
}

ArticleCursor cursor_over(std::unique_ptr<std::istream> in) {
  ArticleCursor at;
  at.reader = std::make_shared<PassageReader>(std::move(in));
  return at;
}

ArticleCursor cursor_over(std::string text) {
  return cursor_over(std::make_unique<std::istringstream>(std::move(text)));
}

PassageDocumentBuilder::PassageDocumentBuilder(const PassageDictionary* dictionary)
    : stopper_(make_stopper()), dictionary_(dictionary) {
  generator_.set_stemmer(make_memo_stemmer(kIndexWordMemoCapacity));
  generator_.set_stopper(stopper_.get());
  generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  generator_.set_max_word_length(static_cast<unsigned>(schema::kMaxWordBytes));
}

PassageDocumentBuilder::~PassageDocumentBuilder() = default;

IndexWordAnalysis analyze_index_word(std::string_view word) {
  IndexWordAnalysis analysis;
  analysis.stopword = is_stopword(word);
  if (analysis.stopword) return analysis;
  analysis.alternative = alternative_stem(word);
  std::string key_source = phonetic_key_source(word);
  analysis.key = phonetic_key(key_source);
  if (analysis.key.empty()) analysis.key = vowel_marked_key(key_source);  // short_name_key
  if (!analysis.key.empty()) analysis.stem = stem_word(word);
  return analysis;
}

WordTerms word_terms_of(const std::string& normalized_text, IndexWordMemo* memo) {
  WordTerms out;
  // Each word's phonetic key with its stem, so the index can list the
  // spellings sharing a key (and the searcher find a name written as two
  // words: two_word_spellings.h).
  IndexWordAnalysis fresh;
  for (const std::string& word : split_words(normalized_text)) {
    if (word.size() > schema::kMaxWordBytes) {
      ++out.long_words;
      continue;
    }
    const IndexWordAnalysis& analysis =
        memo ? memo->get(word, analyze_index_word) : (fresh = analyze_index_word(word));
    if (analysis.stopword) continue;
    if (!analysis.alternative.empty()) out.terms.push_back("Z" + analysis.alternative);
    if (!analysis.key.empty()) out.keyed_stems.push_back({analysis.key, analysis.stem});
  }
  std::sort(out.keyed_stems.begin(), out.keyed_stems.end());
  out.keyed_stems.erase(std::unique(out.keyed_stems.begin(), out.keyed_stems.end()),
                        out.keyed_stems.end());
  return out;
}

PassageDocument PassageDocumentBuilder::build(const std::string& file, const Article& article,
                                              const Passage& passage, size_t& long_words,
                                              const std::string& url, const std::string& date) {
  PassageDocument built;
  built.text_bytes = passage.text.size();
  Xapian::Document& doc = built.document;
  generator_.set_document(doc);
  std::string text = normalize(passage.text);
  WordTerms word_terms = word_terms_of(text, &word_memo_);
  for (const std::string& term : word_terms.terms) doc.add_term(term);
  if (article.reversed_lam_alef) {
    for (const std::string& word : split_words(text))
      for (const std::string& reading : lam_alef_readings(word))
        if (!is_stopword(reading)) doc.add_term("Z" + stem_word(reading));
  }
  for (const std::string& term : number_terms(text)) doc.add_boolean_term(term);
  long_words += word_terms.long_words;
  built.keyed_stems = std::move(word_terms.keyed_stems);
  generator_.index_text(text);
  // The title and headings are searchable as fields (title:, heading:) on the
  // passages that are the title or the heading; repeating them in every
  // passage measured no relevance gain and cost a third of indexing time.
  if (passage.line == article.title_line && passage.window == 0)
    generator_.index_text(text, 1, std::string(schema::kTitlePrefix));
  if (passage.is_heading) generator_.index_text(text, 1, std::string(schema::kHeadingPrefix));

  doc.add_boolean_term(schema::article_term(file));
  doc.add_value(schema::kSlotArticle, schema::article_key(file));
  // The line is in the location; the window only where a long line has more than one.
  if (passage.window > 0)
    doc.add_value(schema::kSlotWindow, Xapian::sortable_serialise(passage.window));
  doc.add_value(schema::kSlotLocation, schema::location_value(file, passage.line));
  doc.add_value(
      schema::kSlotPassageData,
      compress_passage_data(PassageData::of(file, article, passage, url, date).to_stored_json(),
                            dictionary_));
  if (passage.line == article.title_line && passage.window == 0)
    built.article_title = article.title;
  // The generator would otherwise keep a reference to the document until the
  // next build(): a Xapian::Document's reference count is not atomic, and
  // the document goes to the writer's thread while this one builds the next.
  generator_.set_document(Xapian::Document());
  return built;
}

namespace {

constexpr unsigned char kZstdMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};  // little-endian 0xFD2FB528

bool is_zstd_frame(const std::string& value) {
  return value.size() >= 4 && std::memcmp(value.data(), kZstdMagic, 4) == 0;
}

}  // namespace

PassageData passage_data_from(const std::string& passage_value,
                              const std::function<std::string()>& document_data) {
  if (passage_value.empty()) return PassageData::from_json(document_data());
  if (!is_zstd_frame(passage_value)) return PassageData::from_json(passage_value);
  return PassageData::from_json(decompress_passage_frame(passage_value));
}

void take_location_file(PassageData& data, std::string_view location_value) {
  // JSON holds only UTF-8: a file name of other bytes is exact in the
  // location value, which keeps the name's bytes as the file system has them.
  std::string file;
  uint32_t line = 0;
  if (schema::parse_location_value(location_value, file, line)) data.file = std::move(file);
}

std::string stored_article_title(const Xapian::Database& shard, const std::string& file) {
  return shard.get_metadata(schema::article_title_key(file));
}

PassageData passage_data_of(const Xapian::Document& doc) {
  PassageData data =
      passage_data_from(doc.get_value(schema::kSlotPassageData), [&] { return doc.get_data(); });
  take_location_file(data, doc.get_value(schema::kSlotLocation));
  return data;
}

bool is_spelling_word(const std::string& term) {
  if (term.empty()) return false;
  unsigned char first = static_cast<unsigned char>(term[0]);
  if (first >= 'A' && first <= 'Z') return false;  // prefixed term
  if (first >= '0' && first <= '9') return false;
  return term.size() >= 6 && !is_stopword(term);  // 3+ Arabic letters
}

}  // namespace fahras
