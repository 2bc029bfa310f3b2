"""Fits the re-ranking's factors (the `Ranking` fields `signals.log_weights` reads) on every
evaluation set at once, and says how well a fit holds on sets it never saw.

    .venv/bin/python -m tests.fit_ranking [--folds 5] [--prior 1.0] [--out DIR] [SET ...]

Each answerable question's kept passages form a list; the gold ones (the sets' rule of the
right paragraph) are its answer. A passage's log score is log BM25 + v·`features`, and v, with
a temperature telling the lists apart more or less sharply, maximises the likelihood that the
first passage is a gold one (a softmax over the list: the top-one case of listwise learning to
rank), less a Gaussian prior pulling v toward the values set by hand (`HAND_SET`), within
bounds: coverage and wording never count against a passage, a boost stays at least 1 and the
penalty at most 1. Lists that are all gold or all not say nothing and are left out.

The sets are split into folds by set (no set on both sides): for each fold, a fit on the others
and the number of its lists whose first passage is gold with the hand-set values and with that
fit; then the fit on all sets, as `Ranking` fields. These are lists of the pool only, before
the answer's own steps (structure, editions, the closest passage); `--out` writes each fold's
fields and sets, so the whole pipeline can be run on each fold with the fields fitted without it.
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
        kept = [(c, c.signals) for c in pool if c.kept and c.bm25 > 0]
        x = [[math.log(c.bm25), *features(s, ranking)] for c, s in kept if s]
        gold = [judge(c.passage, q) for c, s in kept if s]
        if any(gold) and not all(gold):
            lists.append(Ranked(np.array(x), np.array(gold)))
    return name, lists


# where every fit starts and is pulled toward: the values set by hand, rule by rule, before
# v42 (so that a fit, and the folds' figures, never start from values fitted on every set)
HAND_SET = replace(
    DEFAULT_RANKING,
    coverage_power=1.0,
    phrase_power=1.0,
    year_boost=1.5,
    own_year_boost=1.2,
    month_boost=1.2,
    place_boost=1.6,
    national_boost=1.3,
    rule_boost=1.5,
    quantity_boost=1.3,
    list_boost=1.3,
    kind_list_boost=1.3,
    record_boost=2.0,
    penalty_boost=2.0,
    unasked_penalty=0.8,
    effect_boost=2.0,
    defining_boost=10.0,
    statement_boost=3.0,
)


def _loss(
    theta: np.ndarray, lists: Sequence[Ranked], prior: np.ndarray, strength: float
) -> tuple[float, np.ndarray]:
    """Minus the log-likelihood of a gold passage first, plus the prior; and its gradient.
    theta is a temperature (how sharply the lists are told apart, free) and the weights of
    the features beside log BM25 (the values the pipeline uses, which the prior is on)."""
    tau, v = theta[0], theta[1:]
    total, d_tau, d_v = 0.0, 0.0, np.zeros_like(v)
    for r in lists:
        u = r.x[:, 0] + r.x[:, 1:] @ v
        s = tau * u
        p = np.exp(s - s.max())
        p /= p.sum()
        g = np.where(r.gold, p, 0.0) / p[r.gold].sum()
        total -= math.log(p[r.gold].sum())
        d_tau += float((p - g) @ u)
        d_v += tau * ((p - g) @ r.x[:, 1:])
    d = v - prior
    return total + strength * float(d @ d), np.concatenate(([d_tau], d_v + 2 * strength * d))


def fit(lists: Sequence[Ranked], strength: float) -> np.ndarray:
    """The weights of the features (log BM25's is 1) maximising the lists' likelihood."""
    prior = np.array(log_weights(HAND_SET))
    # a passage never loses by covering more or by its wording; a boost stays a boost
    bounds = [(1e-3, None), (0.0, None), (0.0, None)] + [
        (None, 0.0) if field in PENALTIES else (0.0, None) for field in weight_fields()[2:]
    ]
    start = np.concatenate(([1.0], prior))
    found = minimize(
        _loss, start, args=(lists, prior, strength), jac=True, method="L-BFGS-B", bounds=bounds
    )
    if not found.success:
        raise RuntimeError(f"the fit did not converge: {found.message}")
    return np.asarray(found.x[1:])


def as_ranking(v: np.ndarray, ranking: Ranking) -> Ranking:
    """The `Ranking` whose `boost` is exp(v·features)."""
    fields = weight_fields()
    values = {f: float(x) for f, x in zip(fields[:2], v[:2], strict=True)}
    values |= {f: math.exp(x) for f, x in zip(fields[2:], v[2:], strict=True)}
    return replace(ranking, **{f: round(x, 3) for f, x in values.items()})


def first_gold(lists: Sequence[Ranked], v: np.ndarray) -> int:
    """How many lists put a gold passage first."""
    return sum(bool(r.gold[int(np.argmax(r.x[:, 0] + r.x[:, 1:] @ v))]) for r in lists)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
    hand = np.array(log_weights(HAND_SET))
    shuffled = sorted(names)
    random.Random(1).shuffle(shuffled)
    before = after = 0
    for k in range(min(args.folds, len(names))):
        held = shuffled[k :: args.folds]
        seen = [r for n in shuffled if n not in held for r in by_set[n]]
        test = [r for n in held for r in by_set[n]]
        v = fit(seen, args.prior)
        before, after = before + first_gold(test, hand), after + first_gold(test, v)
        print(f"fold {k}: {len(held)} sets, {first_gold(test, hand)} -> {first_gold(test, v)}")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            fields = asdict(as_ranking(v, DEFAULT_RANKING))
            (args.out / f"fold{k}.json").write_text(json.dumps({"sets": held, "ranking": fields}))
    total = sum(len(lists) for lists in by_set.values())
    print(f"held-out folds, hand-set -> fitted on the others: {before} -> {after} of {total} lists")
    fitted = as_ranking(fit([r for lists in by_set.values() for r in lists], args.prior), HAND_SET)
    for field in weight_fields():
        print(f"{field} = {getattr(fitted, field)}  (hand-set {getattr(HAND_SET, field)})")


if __name__ == "__main__":
    main()
