// fahras-analyze: shows what the analysis chain makes of some text.
//
// Usage: fahras-analyze [TEXT...]   (reads standard input when no TEXT)
// Prints one line per token: original<TAB>normalized<TAB>stem<TAB>start-end,
// where start-end are byte offsets into the input (each TEXT argument is
// analyzed on its own) and the stem of a stop word is shown as "(stop)".
#include <boost/program_options.hpp>
#include <iostream>
#include <iterator>

#include "analyzer.h"

namespace po = boost::program_options;

namespace {

void print_analysis(std::string_view text) {
  for (const fahras::AnalyzedToken& a : fahras::analyze(text)) {
    const fahras::Token& t = a.token;
    std::cout << text.substr(t.original_begin, t.original_end - t.original_begin) << '\t' << t.text
              << '\t' << (a.stopword ? std::string("(stop)") : a.stem) << '\t' << t.original_begin
              << '-' << t.original_end << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible("Usage: fahras-analyze [TEXT...]\nOptions");
  visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("text", po::value<std::vector<std::string>>(), "text");
  po::positional_options_description positional;
  positional.add("text", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << "\nPrints original<TAB>normalized<TAB>stem<TAB>start-end per token;\n"
                << "reads standard input when no TEXT is given.\n";
      return 0;
    }
    if (vm.count("text")) {
      for (const std::string& text : vm["text"].as<std::vector<std::string>>())
        print_analysis(text);
    } else {
      std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      print_analysis(input);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "fahras-analyze: " << e.what() << '\n';
    return 2;
  }
}
