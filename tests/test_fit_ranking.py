"""The fit of the re-ranking's factors: what it fits is what the pipeline multiplies, and it
finds a factor that decides which passage is the answer."""

from __future__ import annotations

import math
import random
from dataclasses import fields, replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from retrieval.search import DEFAULT_RANKING
from retrieval.signals import FACTORS, Signals, boost, features, log_weights, weight_fields
from tests.fit_ranking import Ranked, as_ranking, first_gold, fit

FLAGS = [f.name for f in fields(Signals) if f.name not in ("coverage", "wording")]

signals = st.builds(
    Signals,
    coverage=st.floats(0, 1),
    wording=st.floats(0, 1),
    **{flag: st.booleans() for flag in FLAGS},
)
rankings = st.builds(
    lambda powers, factors: replace(
        DEFAULT_RANKING,
        coverage_power=powers[0],
        phrase_power=powers[1],
        **dict(zip((f for _, f in FACTORS), factors, strict=True)),
    ),
    st.tuples(st.floats(0, 5), st.floats(0, 5)),
    st.lists(st.floats(0.1, 10), min_size=len(FACTORS), max_size=len(FACTORS)),
)


@given(signals, rankings)
def test_the_pipeline_multiplies_what_is_fitted(s: Signals, ranking) -> None:
    # the fit reads boost as exp(weights · features): a field it moves is the factor applied
    linear = math.exp(float(np.dot(log_weights(ranking), features(s, ranking))))
    assert math.isclose(boost(s, ranking), linear, rel_tol=1e-9)


def test_every_factor_has_its_field_and_signal() -> None:
    assert sorted(s for s, _ in FACTORS) == sorted(FLAGS)
    assert len(weight_fields()) == len(log_weights(DEFAULT_RANKING))
    assert all(hasattr(DEFAULT_RANKING, field) for field in weight_fields())


def _lists(decides: str, count: int, seed: int) -> list[Ranked]:
    """Lists where the passage holding `decides` is the gold one, whatever BM25 says."""
    rng = random.Random(seed)
    lists = []
    for _ in range(count):
        rows, gold = [], []
        for i in range(5):
            holds = i == 0
            flags = {flag: rng.random() < 0.2 for flag in FLAGS}
            flags[decides] = holds
            s = Signals(coverage=rng.random(), wording=rng.random(), **flags)
            rows.append([math.log(rng.uniform(1, 30)), *features(s, DEFAULT_RANKING)])
            gold.append(holds)
        lists.append(Ranked(np.array(rows), np.array(gold)))
    return lists


def test_the_fit_finds_the_factor_that_decides() -> None:
    seen, unseen = _lists("lists_kind", 300, 1), _lists("lists_kind", 300, 2)
    now = np.array([1.0, *log_weights(DEFAULT_RANKING)])
    w = fit(seen, DEFAULT_RANKING, 1.0)
    fitted = as_ranking(w, DEFAULT_RANKING)
    assert fitted.kind_list_boost > 3 * DEFAULT_RANKING.kind_list_boost
    assert first_gold(unseen, w) > first_gold(unseen, now) + 50


def test_boosts_stay_boosts_and_bm25_keeps_its_scale() -> None:
    # lists where the passage with a boost's signal is never the answer
    lists = [
        Ranked(np.array([r.x[0], r.x[1]]), np.array([False, True])) for r in _lists("lists", 200, 3)
    ]
    fitted = as_ranking(fit(lists, DEFAULT_RANKING, 1.0), DEFAULT_RANKING)
    assert all(getattr(fitted, f) >= 1.0 for s, f in FACTORS if s != "unasked_penalty")
    assert fitted.unasked_penalty <= 1.0
    doubled = as_ranking(2 * np.array([1.0, *log_weights(DEFAULT_RANKING)]), DEFAULT_RANKING)
    assert all(
        math.isclose(getattr(doubled, f), getattr(DEFAULT_RANKING, f), rel_tol=1e-3)
        for f in weight_fields()
    )
