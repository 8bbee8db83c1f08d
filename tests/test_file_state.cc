// Tests of indexer/file_state.h and the schema's bounded terms.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "file_state.h"

using namespace fahras;

TEST_SUITE("file_state") {
  TEST_CASE("state round-trips through its encoding") {
    FileState s{3890, 1763900000123456789, content_hash("وافقت السلطات"), 17};
    auto back = FileState::decode(s.encode());
    REQUIRE(back);
    CHECK(back->size == s.size);
    CHECK(back->mtime_ns == s.mtime_ns);
    CHECK(back->content_hash == s.content_hash);
    CHECK(back->passages == 17);
    CHECK_FALSE(FileState::decode("garbage"));
    CHECK(content_hash("a") != content_hash("b"));
  }
  TEST_CASE("long identifiers give unique terms within Xapian's limit") {
    std::string a(400, 'a'), b = a;
    b.back() = 'b';
    std::string ta = schema::article_term(a), tb = schema::article_term(b);
    CHECK(ta.size() <= schema::kMaxTermBytes);
    CHECK(ta != tb);
    CHECK(schema::article_term("x.txt") == "Bx.txt");
    // The collapse key: fixed size, one per file name.
    CHECK(schema::article_key(a).size() == 8);
    CHECK(schema::article_key(a) == schema::article_key(std::string(400, 'a')));
    CHECK(schema::article_key(a) != schema::article_key(b));
    CHECK(schema::article_key("000/article-000001.txt") !=
          schema::article_key("000/article-000002.txt"));
    std::string arabic;
    for (int i = 0; i < 200; ++i) arabic += "ك";
    std::string t = schema::article_term(arabic);
    CHECK(t.size() <= schema::kMaxTermBytes);
  }

  TEST_CASE("a state records its folder; one written before folders has none") {
    FileState s{1234, 1700000000123456789, 0xabcdef0123456789ULL, 42, folder_tag("/srv/corpus")};
    auto back = FileState::decode(s.encode());
    REQUIRE(back);
    CHECK(back->folder == s.folder);
    CHECK(back->passages == 42);
    auto old = FileState::decode("v1 1234 1700000000123456789 abcdef0123456789 42");
    REQUIRE(old);
    CHECK(old->folder == 0);
    CHECK(old->passages == 42);
    CHECK(folder_tag("/srv/corpus") != folder_tag("/srv/corpus2"));
    CHECK(folder_tag("/srv/corpus") != 0);
  }
}
