"""Fits the re-ranking's factors (the `Ranking` fields `signals.log_weights` reads) on every
evaluation set at once, and says how well a fit holds on sets it never saw.

    .venv/bin/python -m tests.fit_ranking [--folds 5] [--prior 1.0] [--out DIR] [SET ...]

Each answerable question's kept passages form a list; the gold ones (the sets' rule of the
right paragraph) are its answer. A passage's log score is a·log BM25 + w·`features`, and a, w
maximise the likelihood that the first passage is a gold one (a softmax over the list: the
top-one case of listwise learning to rank), less a Gaussian prior pulling them toward the
current `DEFAULT_RANKING`, within bounds that keep each factor on its side of 1 (a boost stays
a boost, the penalty a penalty). Dividing by a keeps BM25's own scale. Lists that are all gold
or all not say nothing and are left out.

The sets are split into folds by set (no set on both sides): for each fold, a fit on the others
and the number of its lists whose first passage is gold before and after, then the fit on all
sets, as `Ranking` fields. These are lists of the pool only, before the answer's own steps
(structure, editions, the closest passage); `--out` writes each fold's fields and sets, so the
whole pipeline can be run on each fold with the fields fitted without it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from retrieval.corpus import read_document
from retrieval.evaluate import gold_judge, load_questions
from retrieval.search import (
    DEFAULT_RANKING,
    Ranking,
    candidates,
    read_question,
    word_weights,
)
from retrieval.segment import default_segmenter
from retrieval.signals import FACTORS, features, log_weights, weight_fields
from tests.indexing import index_of
from tests.quality_report import CORPORA, REALDEV, folder_of

PENALTIES = {field for signal, field in FACTORS if signal == "unasked_penalty"}


@dataclass(frozen=True)
class Ranked:
    """One question's kept passages: each one's log BM25 and features, and which are gold."""

    x: np.ndarray  # (passages, 1 + features): log BM25 first
    gold: np.ndarray  # (passages,) bool


def lists_of(name: str, ranking: Ranking = DEFAULT_RANKING) -> tuple[str, list[Ranked]]:
    """The kept passages of each answerable question of a set, as `answer` would rank them."""
    segmenter = default_segmenter()
    docs = folder_of(name) / "docs"
    documents = [
        read_document(p.name, p.read_bytes()) for p in sorted(docs.iterdir()) if p.is_file()
    ]
    index = index_of(documents, segmenter)
    judge = gold_judge(docs)
    lists = []
    for q in load_questions(folder_of(name) / "questions.jsonl"):
        if not q.relevant:
            continue
        query, target = read_question(index, q.q, segmenter, ranking)
        if not query.words or target.missing:
            continue
        weights = word_weights(query, segmenter, ranking)
        pool = candidates(index, query, 5, segmenter, ranking, q.q, target, weights)
        kept = [c for c in pool if c.kept and c.signals and c.bm25 > 0]
        if not kept:
            continue
        x = [[math.log(c.bm25), *features(c.signals, ranking)] for c in kept if c.signals]
        gold = [judge(c.passage, q) for c in kept]
        if any(gold) and not all(gold):
            lists.append(Ranked(np.array(x), np.array(gold)))
    return name, lists


def _loss(w: np.ndarray, lists: Sequence[Ranked], prior: np.ndarray, strength: float):
    """Minus the log-likelihood of a gold passage first, plus the prior; and its gradient."""
    total, grad = 0.0, np.zeros_like(w)
    for r in lists:
        s = r.x @ w
        p = np.exp(s - s.max())
        p /= p.sum()
        g = p[r.gold] / p[r.gold].sum()
        total -= math.log(p[r.gold].sum())
        grad -= g @ r.x[r.gold] - p @ r.x
    d = w - prior
    return total + strength * float(d @ d), grad + 2 * strength * d


def fit(lists: Sequence[Ranked], ranking: Ranking, strength: float) -> np.ndarray:
    """The weights (BM25's first) maximising the likelihood of the lists."""
    prior = np.array([1.0, *log_weights(ranking)])
    fields = weight_fields()
    # (BM25's weight stays positive: it is the scale the others are divided by)
    bounds = [(1e-3, None), (None, None), (None, None)] + [
        (None, 0.0) if field in PENALTIES else (0.0, None) for field in fields[2:]
    ]
    found = minimize(
        _loss, prior, args=(lists, prior, strength), jac=True, method="L-BFGS-B", bounds=bounds
    )
    return np.asarray(found.x)


def as_ranking(w: np.ndarray, ranking: Ranking) -> Ranking:
    """The `Ranking` whose `boost` is exp(w·features / w[0]): BM25 keeps its scale."""
    scaled = w[1:] / w[0]
    fields = weight_fields()
    values = {f: float(v) for f, v in zip(fields[:2], scaled[:2], strict=True)}
    values |= {f: math.exp(v) for f, v in zip(fields[2:], scaled[2:], strict=True)}
    return replace(ranking, **{f: round(v, 3) for f, v in values.items()})


def first_gold(lists: Sequence[Ranked], w: np.ndarray) -> int:
    """How many lists put a gold passage first."""
    return sum(bool(r.gold[int(np.argmax(r.x @ w))]) for r in lists)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--prior", type=float, default=1.0, help="the prior's strength")
    parser.add_argument("--out", type=Path, help="write each fold's fields and sets here")
    args = parser.parse_args()
    names = args.sets or sorted(p.name for p in CORPORA.iterdir() if p.is_dir())
    if not args.sets and REALDEV.is_dir():
        names = ["realdev", *names]
    with ProcessPoolExecutor(2) as pool:
        by_set = dict(pool.map(lists_of, names))
    now = np.array([1.0, *log_weights(DEFAULT_RANKING)])
    shuffled = sorted(names)
    random.Random(1).shuffle(shuffled)
    before = after = 0
    for k in range(args.folds):
        held = shuffled[k :: args.folds]
        seen = [r for n in shuffled if n not in held for r in by_set[n]]
        test = [r for n in held for r in by_set[n]]
        w = fit(seen, DEFAULT_RANKING, args.prior)
        before, after = before + first_gold(test, now), after + first_gold(test, w)
        print(f"fold {k}: {len(held)} sets, {first_gold(test, now)} -> {first_gold(test, w)}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            fields = asdict(as_ranking(w, DEFAULT_RANKING))
            (args.out / f"fold{k}.json").write_text(json.dumps({"sets": held, "ranking": fields}))
    total = sum(len(v) for v in by_set.values())
    print(f"held-out folds: {before} -> {after} of {total} lists with a gold passage first")
    every = [r for v in by_set.values() for r in v]
    fitted = as_ranking(fit(every, DEFAULT_RANKING, args.prior), DEFAULT_RANKING)
    for field in weight_fields():
        print(f"{field} = {getattr(fitted, field)}  (now {getattr(DEFAULT_RANKING, field)})")


if __name__ == "__main__":
    main()
