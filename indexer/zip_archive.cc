// ZIP parts (see zip_archive.h).
#include "zip_archive.h"

#include <array>

#include "document_text.h"

namespace fahras {

ZipArchive::ZipArchive(const std::filesystem::path& file) : archive_(nullptr, &zip_discard) {
  int error = 0;
  archive_.reset(zip_open(file.c_str(), ZIP_RDONLY, &error));
  if (!archive_) {
    if (error == ZIP_ER_NOZIP) throw DocumentError("not a ZIP archive, as the format requires");
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw DocumentError("cannot read the archive: " + message);
  }
}

bool ZipArchive::has(std::string_view name) const {
  return zip_name_locate(archive_.get(), std::string(name).c_str(), 0) >= 0;
}

void ZipArchive::read(std::string_view name, const std::function<void(std::string_view)>& take) {
  std::string part(name);
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> in(zip_fopen(archive_.get(), part.c_str(), 0),
                                                        &zip_fclose);
  if (!in) throw DocumentError("the archive has no readable part " + part);
  std::array<char, 64 * 1024> buffer;
  for (;;) {
    zip_int64_t n = zip_fread(in.get(), buffer.data(), buffer.size());
    if (n < 0) throw DocumentError("damaged archive: cannot inflate " + part);
    if (n == 0) return;
    inflated_ += static_cast<uint64_t>(n);
    if (inflated_ > kMaxInflatedBytes)
      throw DocumentError("expands beyond " + std::to_string(kMaxInflatedBytes >> 20) +
                          " MB: a zip bomb?");
    take(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
}

std::string ZipArchive::read_small(std::string_view name, size_t max_bytes) {
  std::string out;
  read(name, [&](std::string_view piece) {
    if (out.size() + piece.size() > max_bytes)
      throw DocumentError("part " + std::string(name) + " larger than " +
                          std::to_string(max_bytes >> 10) + " kB");
    out += piece;
  });
  return out;
}

}  // namespace fahras
