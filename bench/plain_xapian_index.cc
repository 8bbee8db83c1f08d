// plain_xapian_index: the bulk build a Xapian user gets without Fahras, as
// the peer for Fahras's indexing figures on real text.
//
// Usage: plain_xapian_index --db DIR [--part K --parts N] CORPUS_DIR...
// Every non-empty line with a letter or digit of every *.txt file (sorted by
// path) is one document: TermGenerator with Xapian's Snowball "arabic"
// stemmer, positions, the line stored as the document data. Tuned as
// ../shared/notes/xapian-bulk-indexing.md says: add_document into a new
// database, DB_NO_SYNC, XAPIAN_FLUSH_THRESHOLD from the environment (the
// bench sets it), one commit at the end. Single-threaded; with --parts N,
// only the K-th of N runs of consecutive files (the bench writes the N parts
// at once and merges them with xapian-compact: Xapian's own way to use
// several cores, as Fahras's parallel build does).
// Prints "plain-xapian-index passages=N seconds=S passages_per_s=R mb_per_s=M".
#include <xapian.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <vector>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

bool has_word_character(const std::string& line) {
  for (unsigned char c : line)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("Usage: plain_xapian_index --db DIR CORPUS_DIR...\nOptions");
  options.add_options()("db", po::value<std::string>()->required(), "new database directory")(
      "part", po::value<size_t>()->default_value(0), "which part to write (0 .. N-1)")(
      "parts", po::value<size_t>()->default_value(1), "the files split into N runs")(
      "corpus", po::value<std::vector<std::string>>()->required(), "corpus directories");
  po::positional_options_description positional;
  positional.add("corpus", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
              vm);
    po::notify(vm);
    auto start = std::chrono::steady_clock::now();
    std::vector<fs::path> files;
    for (const auto& root : vm["corpus"].as<std::vector<std::string>>())
      for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".txt")
          files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    size_t parts = vm["parts"].as<size_t>(), part = vm["part"].as<size_t>();
    if (parts == 0 || part >= parts) throw std::runtime_error("--part must be below --parts");
    std::vector<fs::path> run(files.begin() + files.size() * part / parts,
                              files.begin() + files.size() * (part + 1) / parts);
    files.swap(run);
    Xapian::WritableDatabase db(vm["db"].as<std::string>(),
                                Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("arabic"));
    size_t passages = 0, bytes = 0;
    for (const fs::path& file : files) {
      std::ifstream in(file);
      for (std::string line; std::getline(in, line);) {
        if (!has_word_character(line)) continue;
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(line);
        doc.set_data(line);
        db.add_document(doc);
        ++passages;
        bytes += line.size();
      }
    }
    db.commit();
    db.close();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("plain-xapian-index passages=%zu seconds=%.2f passages_per_s=%.0f mb_per_s=%.2f\n",
                passages, seconds, passages / seconds, bytes / 1e6 / seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "plain_xapian_index: " << e.what() << "\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "plain_xapian_index: " << e.get_description() << "\n";
    return 2;
  }
}
