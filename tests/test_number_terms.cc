// Tests of indexer/number_terms.h: which passages hold a number, and a year.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "normalizer.h"
#include "number_terms.h"

using namespace fahras;

namespace {

std::vector<std::string> terms_of(const char* text) { return number_terms(normalize(text)); }

const std::vector<std::string> kNumber = {std::string(schema::kHoldsNumberTerm)};
const std::vector<std::string> kYear = {std::string(schema::kHoldsNumberTerm),
                                        std::string(schema::kHoldsYearTerm)};

}  // namespace

TEST_SUITE("number_terms") {
  TEST_CASE("a year: three or four digits standing alone, in either script of digits") {
    CHECK(terms_of("ولد في 13 أكتوبر 1958، المدينة المنورة") == kYear);
    CHECK(terms_of("هاجر النبي سنة 622م") == kYear);
    CHECK(terms_of("أعلن استقلالها عام ١٩٤٦") == kYear);  // Arabic-Indic digits
    CHECK(terms_of("وفي 2018 أقيمت البطولة") == kYear);
  }
  TEST_CASE("numbers that are no year") {
    CHECK(terms_of("يبلغ عدد سكانها 80.300 نسمة") == kNumber);  // one number of five digits
    CHECK(terms_of("نحو 3,5 مليون") == kNumber);
    CHECK(terms_of("تضم 14 محافظة") == kNumber);
    CHECK(terms_of("رقم الهاتف 0123456789") == kNumber);
  }
  TEST_CASE("no digit, no term") {
    CHECK(terms_of("في القرن السابع الميلادي").empty());
    CHECK(terms_of("").empty());
  }
}
