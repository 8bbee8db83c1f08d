#!/usr/bin/env python3
"""Fits the ranker's weights (searcher/rank/ranking_weights.h) jointly on every
development collection, by coordinate ascent over a grid, cross-validated by
article.

The collections are those `make -f Makefile.dist relevance` scores (news dev,
arcd-dev, xquad-dev, and the known-item fragments of Wikipedia, the statutes
and marked text), with the indexes and known-item files it leaves in its work
folder. The objective is the mean over collections of each one's measure
(nDCG@10 for news dev, MRR@10 for the others), so that no collection pays for
another's gain unseen. Queries are split in two folds by the article of their
judged passage: a fit on one fold is scored on the other, both ways, and the
held-out figures are reported beside the fit on all queries. The chosen values
are the fit on all queries; a weight moves from its current value only when
the move lifts the objective by more than MIN_GAIN, so that the fit does not
chase single queries.

Usage: fit_weights.py BUILD_DIR SHARED_DIR RELEVANCE_WORK_DIR [ROUNDS]
Output: the table of each step, the CV figures and the chosen values, on
stdout (bench/fit_weights.out keeps the last run's).
"""
import concurrent.futures
import hashlib
import os
import subprocess
import sys

GRID = {
    "coverage_exponent": [1.0, 1.5, 2.0, 2.5, 3.0],
    "proximity": [0.25, 0.5, 0.75, 1.0],
    "sequence": [0.0, 0.25, 0.5, 1.0],
    "title": [0.0, 0.15, 0.3, 0.6],
    "question_title": [1.5, 2.0, 3.0, 4.0, 5.0],
    "no_asked_number_penalty": [0.0, 0.15, 0.3, 0.45],
    "neighbour": [0.0, 0.05, 0.1, 0.2],
    "subject_articles": [0, 1, 2, 3],
}
START = {"coverage_exponent": 2.0, "proximity": 0.75, "sequence": 1.0, "title": 0.3,
         "question_title": 4.0, "no_asked_number_penalty": 0.3, "neighbour": 0.1,
         "subject_articles": 2}
MIN_GAIN = 0.001


def collections(repo, shared, work):
    """name -> (index, queries, qrels, measure column of --eval's lines)"""
    eval_dir = os.path.join(shared, "eval")
    return {
        "news dev": (f"{work}/news.db", f"{repo}/tests/data/eval-dev/queries.tsv",
                     f"{repo}/tests/data/eval-dev/qrels.txt", 2),
        "arcd-dev": (f"{work}/wiki.db", f"{eval_dir}/arcd-dev/queries.tsv",
                     f"{eval_dir}/arcd-dev/qrels.txt", 3),
        "xquad-dev": (f"{work}/xquad.db", f"{eval_dir}/xquad-dev/queries.tsv",
                      f"{eval_dir}/xquad-dev/qrels.txt", 3),
        "known-wiki": (f"{work}/wiki.db", f"{work}/known-wiki.tsv", f"{work}/known-wiki.qrels", 3),
        "known-legal": (f"{work}/legal.db", f"{work}/known-legal.tsv", f"{work}/known-legal.qrels", 3),
        "known-marked": (f"{work}/wiki.db", f"{work}/known-marked.tsv",
                         f"{work}/known-marked.qrels", 3),
    }


def folds_of(qrels):
    """qid -> 0 or 1, by a hash of the article of its first judged passage"""
    out = {}
    for line in open(qrels, encoding="utf-8"):
        qid, _, passage, _ = line.split()
        if qid not in out:
            article = passage.rsplit(":", 1)[0]
            out[qid] = hashlib.sha1(article.encode()).digest()[0] % 2
    return out


class Evaluator:
    def __init__(self, search, colls):
        self.search, self.colls = search, colls
        self.folds = {name: folds_of(c[2]) for name, c in colls.items()}
        self.cache = {}
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2)

    def per_query(self, name, weights):
        db, queries, qrels, column = self.colls[name]
        args = [self.search, "--db", db, "--eval", queries, qrels]
        for k, v in sorted(weights.items()):
            args += ["--weight", f"{k}={v}"]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        scores, in_queries = {}, False
        for line in out.splitlines():
            if line.startswith("per query:"):
                in_queries = True
                continue
            fields = line.split()
            if in_queries and len(fields) >= 6:
                scores[fields[0]] = float(fields[column])
        return scores

    def run(self, weights):
        key = tuple(sorted(weights.items()))
        if key not in self.cache:
            names = list(self.colls)
            results = self.pool.map(lambda n: self.per_query(n, weights), names)
            self.cache[key] = dict(zip(names, results))
        return self.cache[key]

    def figures(self, weights, fold=None):
        """collection -> its measure over the fold's queries (None: all)"""
        out = {}
        for name, scores in self.run(weights).items():
            kept = [s for q, s in scores.items() if fold is None or self.folds[name].get(q) == fold]
            out[name] = sum(kept) / len(kept) if kept else 0.0
        return out

    def objective(self, weights, fold=None):
        f = self.figures(weights, fold)
        return sum(f.values()) / len(f)


def fit(ev, fold, rounds, log):
    weights = dict(START)
    best = ev.objective(weights, fold)
    log(f"fit on {'all queries' if fold is None else f'fold {fold}'}: start {best:.4f}")
    for r in range(rounds):
        moved = False
        for name, grid in GRID.items():
            for value in grid:
                if value == weights[name]:
                    continue
                trial = dict(weights, **{name: value})
                score = ev.objective(trial, fold)
                if score > best + MIN_GAIN:
                    best, weights, moved = score, trial, True
                    log(f"  round {r + 1}: {name} = {value} -> {best:.4f}")
        if not moved:
            break
    return weights, best


def main():
    build, shared, work = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ev = Evaluator(os.path.join(build, "searcher", "fahras-search"), collections(repo, shared, work))
    log = lambda s: print(s, flush=True)
    names = list(ev.colls)
    row = lambda label, f: log(f"{label:<22}" + "".join(f"{f[n]:>13.3f}" for n in names)
                               + f"{sum(f.values()) / len(f):>10.4f}")
    log(f"{'':<22}" + "".join(f"{n:>13}" for n in names) + f"{'mean':>10}")
    row("current (all)", ev.figures(START))
    held_out = {n: [] for n in names}
    for fold in (0, 1):
        weights, _ = fit(ev, fold, rounds, log)
        log(f"  fold {fold} values: {weights}")
        f = ev.figures(weights, 1 - fold)
        row(f"fit {fold}, scored on {1 - fold}", f)
        row(f"current, on {1 - fold}", ev.figures(START, 1 - fold))
        for n in names:
            held_out[n].append(f[n])
    row("cross-validated", {n: sum(v) / 2 for n, v in held_out.items()})
    weights, _ = fit(ev, None, rounds, log)
    row("fit on all", ev.figures(weights))
    log("chosen values: " + ", ".join(f"{k} = {v}" for k, v in weights.items()))


if __name__ == "__main__":
    main()
