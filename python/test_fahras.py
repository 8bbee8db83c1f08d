"""Tests of the Python module `fahras` on a real index of corpus/ (made by
fahras-index) and one written through the module itself. Run by CTest
(python.fahras) with PYTHONPATH naming the built module."""
import os
import shutil
import subprocess
import tempfile
import unittest

import fahras


class FahrasTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="fahras-python-")
        cls.corpus_db = os.path.join(cls.tmp, "corpus.db")
        subprocess.run([os.environ["FAHRAS_INDEX_BIN"], "-q", "--db", cls.corpus_db,
                        os.environ["FAHRAS_CORPUS_DIR"]], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_search_gives_plain_python_objects(self):
        with fahras.Index(self.corpus_db) as index:
            result = index.search("H200 الصين موافقة", limit=5)
        self.assertIsInstance(result, dict)
        self.assertEqual(result["query"], "H200 الصين موافقة")
        self.assertGreater(result["total"], 5)
        self.assertFalse(result["total_is_estimate"])
        self.assertEqual(len(result["hits"]), 5)
        first = result["hits"][0]
        self.assertEqual(first["file"], "004_14b02d1ffb8d8581.txt")
        self.assertEqual(first["line"], 6)
        self.assertIsInstance(first["text"], str)
        self.assertIn("<b>الصين</b>", first["snippet"])
        begin, end = first["highlights"][0]
        self.assertGreater(len(first["text"].encode()[begin:end].decode()), 0)

    def test_suggest_and_per_article(self):
        index = fahras.Index(self.corpus_db)
        self.assertEqual(index.suggest("الصنيية"), "الصينية")
        self.assertIsNone(index.suggest("الصين"))
        files = [h["file"] for h in index.search("شرائح", limit=10, per_article=1)["hits"]]
        self.assertEqual(len(files), len(set(files)))
        index.close()

    def test_put_commit_search_remove(self):
        path = os.path.join(self.tmp, "own.db")
        with fahras.Index(path, writable=True) as index:
            index.put("note-1", "تقرير عن صناعة الورق في بغداد\nسوق الوراقين في الجانب الغربي",
                      title="صناعة الورق")
            index.commit()
            hits = index.search("سوق الوراقين")["hits"]
            self.assertEqual(hits[0]["file"], "note-1")
            self.assertEqual(hits[0]["title"], "صناعة الورق")
            self.assertTrue(index.remove("note-1"))
            self.assertFalse(index.remove("note-1"))
            index.commit()
            self.assertEqual(index.search("الوراقين")["hits"], [])
            self.assertEqual(index.stats()["passages"], 0)

    def test_errors_are_exceptions_with_the_message(self):
        not_an_index = os.path.join(self.tmp, "plain")
        os.mkdir(not_an_index)
        with open(os.path.join(not_an_index, "notes.txt"), "w") as f:
            f.write("ليس فهرساً")
        with self.assertRaises(RuntimeError) as raised:
            fahras.Index(not_an_index, writable=True)
        self.assertIn("not a Fahras index", str(raised.exception))
        with self.assertRaises(RuntimeError) as raised:
            fahras.Index(os.path.join(self.tmp, "missing.db")).search("الصين")
        self.assertIn("no such index", str(raised.exception))
        reader = fahras.Index(self.corpus_db)
        with self.assertRaises(RuntimeError):
            reader.put("x", "نص")  # read-only
        with self.assertRaises(ValueError):
            reader.search("الصين", limit=0)

    def test_no_crash_after_close(self):
        index = fahras.Index(self.corpus_db)
        index.close()
        index.close()
        for call in (lambda: index.search("الصين"), lambda: index.suggest("الصين"),
                     lambda: index.commit(), lambda: index.stats()):
            with self.assertRaises(ValueError) as raised:
                call()
            self.assertIn("closed", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
