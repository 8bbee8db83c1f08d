// A small application on the Fahras library: index two news items, search
// them, replace one, remove one, compact the index and go on writing to it.
// Usage: news_search INDEX_DIR
#include <fahras/fahras.h>
#include <fahras/mapped_index_reads.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: news_search INDEX_DIR\n";
    return 2;
  }
  try {
    fahras::Index index(argv[1], fahras::Index::kWritable);
    index.put(
        {.id = "news-1",
         .title = "الصين توافق على شرائح H200",
         .text =
             "وافقت السلطات الصينية على استيراد شرائح إنفيديا.\nوجاء القرار بعد زيارة جنسن هوانغ.",
         .url = "https://example.com/news-1"});
    index.put({.id = "news-2", .title = "هواوي", .text = "أعلنت هواوي عن رقائق جديدة."});
    index.commit();
    for (const char* query : {"Nvidia", "الصِّين", "Huang"}) {
      fahras::Results results = index.search(query);
      std::cout << query << ": " << results.total << "\n";
      for (const fahras::Match& m : results.matches)
        std::cout << "  " << m.id << ":" << m.line << " " << m.snippet << "\n";
    }
    index.put({.id = "news-2", .title = "هواوي", .text = "هواوي تؤجل إطلاق رقائقها."});
    std::cout << "replaced: " << index.search("تؤجل").total << "\n";
    std::cout << "removed: " << index.remove("news-1") << " " << index.search("Nvidia").total
              << "\n";
    fahras::CompactionResult compacted = index.compact();
    index.put({.id = "news-3", .title = "بكين", .text = "بكين تفرض شروطا على المستوردين."});
    index.commit();
    std::cout << "compacted: " << compacted.bytes_before << " -> " << compacted.bytes_after
              << " bytes; then written: " << index.search("تؤجل").total << " "
              << index.search("المستوردين").total << "\n";
    std::cout << "index reads through mappings: " << fahras::mapped_index_reads() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "news_search: " << e.what() << "\n";
    return 1;
  }
}
