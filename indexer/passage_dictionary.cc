// Training, storing and using the passage data's zstd dictionary (see
// passage_dictionary.h).
#include "passage_dictionary.h"

#include <zdict.h>
#include <zstd.h>

#include <fstream>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>

#include "fahras/schema.h"
#include "file_indexing.h"
#include "passage_document.h"
#include "passages.h"

namespace fahras {

struct PassageDictionary::Tables {
  ZSTD_CDict* compression = nullptr;
  ZSTD_DDict* decompression = nullptr;
  ~Tables() {
    ZSTD_freeCDict(compression);
    ZSTD_freeDDict(decompression);
  }
};

namespace {

// Every dictionary made or read in this process, by id, for decoding.
std::shared_mutex loaded_mutex;
std::map<unsigned, std::shared_ptr<const PassageDictionary>> loaded;

std::shared_ptr<const PassageDictionary> remember(std::shared_ptr<const PassageDictionary> d) {
  std::unique_lock lock(loaded_mutex);
  auto [it, inserted] = loaded.emplace(d->id(), d);
  return it->second;  // one object per id: the first loaded
}

std::shared_ptr<const PassageDictionary> loaded_with_id(unsigned id) {
  std::shared_lock lock(loaded_mutex);
  auto it = loaded.find(id);
  return it == loaded.end() ? nullptr : it->second;
}

}  // namespace

PassageDictionary::PassageDictionary(std::string bytes, unsigned id)
    : bytes_(std::move(bytes)), id_(id), tables_(std::make_unique<Tables>()) {
  tables_->compression = ZSTD_createCDict(bytes_.data(), bytes_.size(), kPassageDataLevel);
  tables_->decompression = ZSTD_createDDict(bytes_.data(), bytes_.size());
  if (!tables_->compression || !tables_->decompression)
    throw std::runtime_error("passage dictionary: zstd could not load it");
}

PassageDictionary::~PassageDictionary() = default;

std::shared_ptr<const PassageDictionary> PassageDictionary::from_bytes(const std::string& bytes) {
  unsigned id = bytes.empty() ? 0 : ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return nullptr;
  if (auto known = loaded_with_id(id)) return known;
  return remember(std::shared_ptr<const PassageDictionary>(new PassageDictionary(bytes, id)));
}

std::shared_ptr<const PassageDictionary> PassageDictionary::train(
    const std::vector<std::string>& samples) {
  if (samples.size() < kMinPassageDictionarySamples) return nullptr;
  std::string joined;
  std::vector<size_t> sizes;
  for (const std::string& s : samples) {
    joined += s;
    sizes.push_back(s.size());
  }
  std::string bytes(kPassageDictionaryBytes, '\0');
  size_t size = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                      static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return nullptr;
  bytes.resize(size);
  return from_bytes(bytes);
}

std::vector<std::string> dictionary_samples(const std::vector<const CorpusFile*>& files) {
  std::vector<std::string> samples;
  size_t bytes = 0;
  // A stride through the list, then the files after each stop, until full:
  // every part of the corpus (its folders come in order) is sampled.
  size_t stride = std::max<size_t>(1, files.size() / 64);
  constexpr size_t kMaxBytesPerFile = kPassageDictionarySampleBytes / 32;
  for (size_t start = 0; start < stride && bytes < kPassageDictionarySampleBytes; ++start) {
    for (size_t i = start; i < files.size() && bytes < kPassageDictionarySampleBytes; i += stride) {
      auto in = std::make_unique<std::ifstream>(files[i]->path, std::ios::binary);
      if (!*in) continue;
      // The file's first passages only: a sample never reads a whole file.
      PassageReader reader(std::move(in));
      Article article;
      size_t from_file = 0;
      try {
        while (from_file < kMaxBytesPerFile && bytes < kPassageDictionarySampleBytes) {
          article.passages.clear();
          if (!reader.read(1, article.passages)) break;
          article.title = reader.title();
          article.title_line = reader.title_line();
          samples.push_back(
              PassageData::of(files[i]->id, article, article.passages[0]).to_stored_json());
          from_file += samples.back().size();
          bytes += samples.back().size();
        }
      } catch (const std::exception&) {  // unreadable now: the run reports it
      }
    }
  }
  return samples;
}

std::shared_ptr<const PassageDictionary> load_passage_dictionary(const Xapian::Database& db) {
  return PassageDictionary::from_bytes(
      db.get_metadata(std::string(schema::kMetaPassageDictionary)));
}

std::string compress_passage_data(const std::string& json, const PassageDictionary* dictionary) {
  thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> context(ZSTD_createCCtx(),
                                                                          ZSTD_freeCCtx);
  std::string frame(ZSTD_compressBound(json.size()), '\0');
  size_t size =
      dictionary ? ZSTD_compress_usingCDict(context.get(), frame.data(), frame.size(), json.data(),
                                            json.size(), dictionary->tables_->compression)
                 : ZSTD_compressCCtx(context.get(), frame.data(), frame.size(), json.data(),
                                     json.size(), kPassageDataLevel);
  if (ZSTD_isError(size))
    throw std::runtime_error(std::string("compressing passage data: ") + ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

std::string decompress_passage_frame(const std::string& frame) {
  unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  std::shared_ptr<const PassageDictionary> dictionary = id ? loaded_with_id(id) : nullptr;
  if (id && !dictionary)
    throw std::runtime_error("passage data: compressed with dictionary " + std::to_string(id) +
                             ", which no index opened here holds");
  thread_local std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context(ZSTD_createDCtx(),
                                                                          ZSTD_freeDCtx);
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 30))
    throw std::runtime_error("passage data: not a whole compressed frame");
  std::string json(size, '\0');
  size_t got =
      dictionary ? ZSTD_decompress_usingDDict(context.get(), json.data(), json.size(), frame.data(),
                                              frame.size(), dictionary->tables_->decompression)
                 : ZSTD_decompressDCtx(context.get(), json.data(), json.size(), frame.data(),
                                       frame.size());
  if (ZSTD_isError(got) || got != size)
    throw std::runtime_error(std::string("passage data: ") +
                             (ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short frame"));
  return json;
}

}  // namespace fahras
