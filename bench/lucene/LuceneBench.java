// The peer for Fahras's benchmarks: Lucene 4.10's ArabicAnalyzer with BM25,
// on the same passages (one non-empty line with a letter = one passage) and
// the same queries, with highlighted fragments as Fahras shows snippets.
//
//   java LuceneBench index INDEX_DIR CORPUS_DIR...
//   java LuceneBench search INDEX_DIR QUERIES_FILE [--no-highlight] [--pause-ms MS]
// (--no-highlight times the search alone, for the README's breakdown;
// --pause-ms idles between searches, untimed, as bench_search --pause-ms does)
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.*;
import org.apache.lucene.search.highlight.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public class LuceneBench {
  static final Version V = Version.LUCENE_4_10_4;

  public static void main(String[] args) throws Exception {
    String usage = "usage: LuceneBench index INDEX_DIR CORPUS_DIR... | search INDEX_DIR QUERIES [--no-highlight] [--pause-ms MS]";
    if (args.length < 3) {
      System.err.println(usage);
      System.exit(2);
    }
    if (args[0].equals("index")) {
      index(args[1], Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    boolean noHighlight = false;
    for (int i = 3; i < args.length; i++) {
      if (args[i].equals("--no-highlight")) noHighlight = true;
      else if (args[i].equals("--pause-ms") && i + 1 < args.length) pauseNanos = (long) (Double.parseDouble(args[++i]) * 1e6);
      else {
        System.err.println(usage);
        System.exit(2);
      }
    }
    search(args[1], args[2], noHighlight);
  }

  static long pauseNanos = 0;  // idle before each timed search

  static void index(String indexDir, String[] corpusDirs) throws Exception {
    long start = System.nanoTime();
    List<Path> files = new ArrayList<>();
    Map<Path, String> rootOf = new HashMap<>();
    for (String corpusDir : corpusDirs) {
      try (Stream<Path> walk = Files.walk(Paths.get(corpusDir))) {
        for (Path p : walk.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList())) {
          files.add(p);
          rootOf.put(p, corpusDir);
        }
      }
    }
    IndexWriterConfig config = new IndexWriterConfig(V, new ArabicAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setSimilarity(new BM25Similarity());
    config.setRAMBufferSizeMB(256);
    long passages = 0, bytes = 0;
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(new File(indexDir)), config)) {
      for (Path file : files) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String text = lines.get(i);
          if (!text.codePoints().anyMatch(Character::isLetterOrDigit)) continue;
          Document doc = new Document();
          doc.add(new StringField("id", corpusRelative(rootOf.get(file), file) + ":" + (i + 1), Field.Store.YES));
          doc.add(new TextField("text", text, Field.Store.YES));
          writer.addDocument(doc);
          passages++;
          bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
      }
      writer.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("lucene-index passages=%d seconds=%.2f passages_per_s=%.0f mb_per_s=%.2f%n", passages,
                      seconds, passages / seconds, bytes / 1e6 / seconds);
  }

  static String corpusRelative(String root, Path file) {
    return Paths.get(root).relativize(file).toString();
  }

  static boolean highlight = true;

  static void search(String indexDir, String queriesFile, boolean noHighlight) throws Exception {
    highlight = !noHighlight;
    Analyzer analyzer = new ArabicAnalyzer();
    List<String> queries = Files.readAllLines(Paths.get(queriesFile), StandardCharsets.UTF_8);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(new File(indexDir)))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      long[] checksum = {0};
      // The warm-up pass, timed too: each query seen for the first time (JIT cold).
      double[] first = timedPass(searcher, analyzer, queries, checksum);
      System.out.printf("lucene-search%s-first-pass queries=%d p50_ms=%.3f p99_ms=%.3f%n",
          highlight ? "" : "-no-highlight", queries.size(), at(first, 0.5), at(first, 0.99));
      // Per pass: p50, p90, p99, max; the median of each over the passes is
      // reported, as bench_search reports Fahras.
      int passes = 5;
      double[][] stats = new double[4][passes];
      for (int pass = 0; pass < passes; pass++) {
        double[] ms = timedPass(searcher, analyzer, queries, checksum);
        stats[0][pass] = at(ms, 0.5);
        stats[1][pass] = at(ms, 0.9);
        stats[2][pass] = at(ms, 0.99);
        stats[3][pass] = ms[ms.length - 1];
      }
      for (double[] s : stats) Arrays.sort(s);
      System.out.printf(
          "lucene-search%s queries=%d passes=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f (checksum %d)%n",
          highlight ? "" : "-no-highlight", queries.size(), passes, stats[0][passes / 2], stats[1][passes / 2], stats[2][passes / 2],
          stats[3][passes / 2], checksum[0] % 1000);
    }
  }

  // Runs every query once, adding to checksum[0]; each query's milliseconds, sorted.
  static double[] timedPass(IndexSearcher searcher, Analyzer analyzer, List<String> queries,
      long[] checksum) throws Exception {
    double[] ms = new double[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      if (pauseNanos > 0) Thread.sleep(pauseNanos / 1000000, (int) (pauseNanos % 1000000));
      long t = System.nanoTime();
      checksum[0] += run(searcher, analyzer, queries.get(i));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  static long run(IndexSearcher searcher, Analyzer analyzer, String text) throws Exception {
    if (text.trim().isEmpty()) return 0;
    Query query = new QueryParser(V, "text", analyzer).parse(QueryParser.escape(text));
    TopDocs top = searcher.search(query, 10);
    if (!highlight) return top.totalHits;
    Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter(), new QueryScorer(query));
    long size = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      String stored = searcher.doc(sd.doc).get("text");
      String fragment = highlighter.getBestFragment(analyzer, "text", stored);
      size += fragment == null ? 0 : fragment.length();
    }
    return size;
  }
}
