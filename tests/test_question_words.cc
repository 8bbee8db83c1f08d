// Tests of searcher/query/question_words.h: interrogatives name no topic, nor the
// اسم or عدد of a question asking for a name or a count.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "normalizer.h"
#include "question_words.h"

using namespace fahras;

TEST_SUITE("question_words") {
  TEST_CASE("question words that are no stop words of the chain") {
    for (const char* w : {"كم", "ماهو", "ماهي", "ماذا", "لماذا"})
      CHECK(is_question_word(normalize(w)));
    for (const char* w : {"الصين", "اسم", "عدد"}) CHECK_FALSE(is_question_word(normalize(w)));
  }

  TEST_CASE("a question asking for a name loses its اسم, as written in any of its forms") {
    auto dropped = [](const char* question) { return drop_asked_attribute(normalize(question)); };
    std::string wife = normalize("ما زوجة نجيب محفوظ؟");
    CHECK(dropped("ما اسم زوجة نجيب محفوظ؟") == wife);
    CHECK(dropped("ما الاسم زوجة نجيب محفوظ؟") == wife);
    CHECK(dropped("ماالاسم زوجة نجيب محفوظ؟") == wife);
    CHECK(dropped("مااسم زوجة نجيب محفوظ؟") == wife);
    CHECK(dropped("ما هو اسم مؤسس الدولة؟") == normalize("ما هو مؤسس الدولة؟"));
    CHECK(dropped("ماهو اسم مؤسس الدولة؟") == normalize("ماهو مؤسس الدولة؟"));
  }

  TEST_CASE("a question asking for a count loses its عدد") {
    auto dropped = [](const char* question) { return drop_asked_attribute(normalize(question)); };
    CHECK(dropped("كم عدد سكان مصر؟") == normalize("كم سكان مصر؟"));
    CHECK(dropped("ما عدد سكان مصر؟") == normalize("ما سكان مصر؟"));
    CHECK(dropped("ما هو عدد سكان مصر؟") == normalize("ما هو سكان مصر؟"));
    CHECK(dropped("ماهو عدد سكان مصر؟") == normalize("ماهو سكان مصر؟"));
    // كم asks for a count, never for a name.
    CHECK(dropped("كم اسم للأسد؟") == normalize("كم اسم للأسد؟"));
    // عدد elsewhere is a word of the question.
    CHECK(dropped("متى زاد عدد سكان مصر؟") == normalize("متى زاد عدد سكان مصر؟"));
  }

  TEST_CASE("other text, and a question about the word اسم itself, are kept") {
    for (const char* text : {"ما اسم؟", "كم عدد؟", "اسم الدولة الرسمي", "ما عاصمة مصر؟",
                             "متى تغير اسم المدينة؟", "ما الاسماء الحسنى"})
      CHECK(drop_asked_attribute(normalize(text)) == normalize(text));
    CHECK(drop_asked_attribute("").empty());
  }

  TEST_CASE("a question asking when wants a year, one asking how many a number") {
    auto asked = [](const char* question) { return asked_number_term(normalize(question)); };
    CHECK(asked("متى ولد جمال خاشقجي؟") == schema::kHoldsYearTerm);
    CHECK(asked("متي ولد جمال خاشقجي؟") == schema::kHoldsYearTerm);
    CHECK(asked("في أي عام أعلن استقلال سوريا؟") == schema::kHoldsYearTerm);
    CHECK(asked("فى اى سنة توفي نجيب محفوظ؟") == schema::kHoldsYearTerm);
    CHECK(asked("كم عدد سكان مصر؟") == schema::kHoldsNumberTerm);
    CHECK(asked("في أي مدينة ولد؟").empty());
    CHECK(asked("من هو جمال خاشقجي؟").empty());
    CHECK(asked("الصين 2018").empty());
  }
}
