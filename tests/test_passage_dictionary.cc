// Unit tests of indexer/passage_dictionary.h: a dictionary trained on the
// corpus's passages, their stored data compressed with it and read back, and
// the cases without one.
#include <doctest/doctest.h>
#include <zdict.h>
#include <zstd.h>

#include <filesystem>
#include <sstream>

#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_run.h"
#include "passage_dictionary.h"
#include "passage_document.h"
#include "passages.h"
#include "record_ingest.h"

using namespace fahras;

namespace {

// The seed articles' passages as stored data, each article under `copies`
// names: 106 passages a copy.
std::vector<std::string> corpus_passage_json(size_t copies) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(FAHRAS_SOURCE_DIR "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    Article article = split_article(e2e::read_file(entry.path()));
    for (size_t copy = 0; copy < copies; ++copy)
      for (const Passage& p : article.passages)
        out.push_back(PassageData{std::to_string(copy) + "/" + entry.path().filename().string(),
                                  p.line, p.window, p.offset, article.title, p.heading, p.text, "",
                                  ""}
                          .to_json());
  }
  return out;
}

size_t total_size(const std::vector<std::string>& strings) {
  size_t n = 0;
  for (const std::string& s : strings) n += s.size();
  return n;
}

}  // namespace

TEST_SUITE("passage_dictionary") {
  TEST_CASE("trained on the corpus's passages, it compresses them smaller, and they read back") {
    std::vector<std::string> samples = corpus_passage_json(10);
    REQUIRE(samples.size() >= kMinPassageDictionarySamples);
    auto dictionary = PassageDictionary::train(samples);
    REQUIRE(dictionary);
    CHECK(dictionary->id() != 0);
    CHECK(dictionary->bytes().size() <= kPassageDictionaryBytes);
    std::vector<std::string> alone, with_dictionary;
    for (const std::string& json : samples) {
      alone.push_back(compress_passage_data(json));
      with_dictionary.push_back(compress_passage_data(json, dictionary.get()));
      REQUIRE(ZSTD_getDictID_fromFrame(with_dictionary.back().data(),
                                       with_dictionary.back().size()) == dictionary->id());
      CHECK(decompress_passage_frame(with_dictionary.back()) == json);
      CHECK(decompress_passage_frame(alone.back()) == json);
    }
    MESSAGE("stored bytes: ", total_size(samples), " JSON, ", total_size(alone), " alone, ",
            total_size(with_dictionary), " with the dictionary");
    CHECK(total_size(with_dictionary) < total_size(alone) * 3 / 4);
    // The same bytes, as read from an index's metadata, are the same dictionary.
    CHECK(PassageDictionary::from_bytes(dictionary->bytes()) == dictionary);
  }

  TEST_CASE("training is deterministic: the same samples give the same dictionary") {
    std::vector<std::string> samples = corpus_passage_json(10);
    auto first = PassageDictionary::train(samples);
    REQUIRE(first);
    std::vector<std::string> again(samples);
    auto second = PassageDictionary::train(again);
    REQUIRE(second);
    CHECK(second->bytes() == first->bytes());
  }

  TEST_CASE("too few passages, empty or foreign bytes: no dictionary") {
    CHECK_FALSE(PassageDictionary::train(corpus_passage_json(1)));  // 106 passages
    CHECK_FALSE(PassageDictionary::from_bytes(""));
    CHECK_FALSE(PassageDictionary::from_bytes("الصين H200 موافقة"));
  }

  TEST_CASE("a frame naming a dictionary no index here holds is a clear error") {
    std::vector<std::string> samples = corpus_passage_json(10);
    for (std::string& s : samples) s += "مختلف";  // another dictionary than the tests' others
    std::string raw(16384, '\0');
    std::vector<size_t> sizes;
    std::string joined;
    for (const std::string& s : samples) {
      sizes.push_back(s.size());
      joined += s;
    }
    size_t size = ZDICT_trainFromBuffer(raw.data(), raw.size(), joined.data(), sizes.data(),
                                        static_cast<unsigned>(sizes.size()));
    REQUIRE_FALSE(ZDICT_isError(size));
    std::string frame(ZSTD_compressBound(samples[0].size()), '\0');
    ZSTD_CCtx* context = ZSTD_createCCtx();
    frame.resize(ZSTD_compress_usingDict(context, frame.data(), frame.size(), samples[0].data(),
                                         samples[0].size(), raw.data(), size, 3));
    ZSTD_freeCCtx(context);
    CHECK_THROWS_WITH_AS(decompress_passage_frame(frame),
                         doctest::Contains("which no index opened here holds"), std::runtime_error);
  }

  TEST_CASE("records ingested into an index with a dictionary are compressed with it") {
    e2e::TempDir dir;
    for (const auto& entry : std::filesystem::directory_iterator(FAHRAS_SOURCE_DIR "/corpus"))
      if (entry.path().extension() == ".txt")
        for (int copy = 0; copy < 10; ++copy)
          e2e::write_file(dir.path / "corpus" / std::to_string(copy) / entry.path().filename(),
                          e2e::read_file(entry.path()));
    IndexOptions options;
    options.database = dir.path / "db";
    options.corpus_roots = {dir.path / "corpus"};
    run_index(options);
    Xapian::WritableDatabase db(options.database.string());
    auto dictionary = load_passage_dictionary(db);
    REQUIRE(dictionary);
    std::istringstream records(
        R"({"id":"web-1","title":"خبر","text":"كوالكوم تطلق شريحة جديدة للصين."})"
        "\n");
    IndexReport report = ingest_records(db, records, "records", 100);
    REQUIRE(report.added.size() == 1);
    std::string term = schema::article_term("web-1");
    std::vector<std::string> texts;  // the title line, then the text
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      std::string frame = db.get_document(*p).get_value(schema::kSlotPassageData);
      CHECK(ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == dictionary->id());
      texts.push_back(passage_data_of(db.get_document(*p)).text);
    }
    CHECK(texts == std::vector<std::string>{"خبر", "كوالكوم تطلق شريحة جديدة للصين."});
  }

  TEST_CASE("samples are the passages' stored data, from files across the list") {
    e2e::TempDir dir;
    std::vector<CorpusFile> files;
    for (int k = 0; k < 100; ++k) {
      std::string id = "f" + std::to_string(k) + ".txt";
      e2e::write_file(dir.path / id, "عنوان " + std::to_string(k) + "\nرقائق H200 إلى الصين.\n");
      files.push_back({id, dir.path / id, 0, 0});
    }
    std::vector<const CorpusFile*> list;
    for (const CorpusFile& f : files) list.push_back(&f);
    std::vector<std::string> samples = dictionary_samples(list);
    CHECK(samples.size() == 200);  // every passage of every file: far below the budget
    CHECK(PassageData::from_json(samples.front()).text == "عنوان 0");
    CHECK(PassageData::from_json(samples.front()).title.empty());  // stored once per article
    CHECK(samples.front().find("f0.txt") == std::string::npos);    // the location names it
    CHECK(PassageData::from_json(samples[3]).text == "رقائق H200 إلى الصين.");
  }
}
