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
from tests.fit_ranking import HAND_SET, Ranked, as_ranking, first_gold, fit

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
    hand = np.array(log_weights(HAND_SET))
    v = fit(seen, 1.0)
    fitted = as_ranking(v, HAND_SET)
    assert fitted.kind_list_boost > 3 * HAND_SET.kind_list_boost
    assert first_gold(unseen, v) > first_gold(unseen, hand) + 50


def test_boosts_stay_boosts() -> None:
    # lists BM25 decides, and lists alike but for a boost's signal on the passage that is not
    # the answer: the fit would weigh that signal below 1, and stops at 1
    rng = random.Random(3)
    lists = []
    for i in range(400):
        c, w = rng.random(), rng.random()
        wrong = Signals(coverage=c, wording=w, lists=i % 2 == 1)
        right = Signals(coverage=c, wording=w)
        scores = (1.0, 2.0) if i % 2 == 0 else (1.0, 1.0)
        rows = [[scores[0], *features(wrong, HAND_SET)], [scores[1], *features(right, HAND_SET)]]
        lists.append(Ranked(np.array(rows), np.array([False, True])))
    fitted = as_ranking(fit(lists, 1.0), HAND_SET)
    assert fitted.list_boost == 1.0  # as low as it may go, not below
    assert all(getattr(fitted, f) >= 1.0 for s, f in FACTORS if s != "unasked_penalty")
    assert fitted.unasked_penalty <= 1.0
    assert fitted.coverage_power >= 0 and fitted.phrase_power >= 0


def test_the_fields_read_back_as_they_were_written() -> None:
    back = as_ranking(np.array(log_weights(DEFAULT_RANKING)), DEFAULT_RANKING)
    assert all(
        math.isclose(getattr(back, f), getattr(DEFAULT_RANKING, f), rel_tol=1e-3)
        for f in weight_fields()
    )
