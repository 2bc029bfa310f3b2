"""What the re-ranking weighs in a passage that passes the bars, and how much.

A kept passage's score is its BM25 score times `boost`: powers of the share of the question it
covers and of the share it holds in the question's wording, times one factor for each signal
that holds, the `Ranking` field `FACTORS` names beside it. In logs that product is linear in
the fields' logs (`features`, `log_weights`), which is how `tests/fit_ranking.py` fits them on
every evaluation set at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.search import Ranking


@dataclass(frozen=True, slots=True)
class Signals:
    """What a kept passage shows of what the question asks."""

    coverage: float  # the share of the question's information it matches (`coverage`)
    wording: float  # the share of the question's characters it holds in order (`phrase_share`)
    year_said: bool = False  # it speaks of the year asked about
    own_year: bool = False  # its document is of that year (the year's own report)
    in_month: bool = False  # ... and of the month asked with it (2022年11月全会)
    place: bool = False  # its document is of the place the question names
    national: bool = False  # the nation's (rule) text, for a question naming no place
    rule: bool = False  # a rule text, for a question asking what is allowed or required
    gives_asked: bool = False  # a number, a date or a body right after a word asking for one
    lists: bool = False  # it lists cases (下列…：（一）…), for a question asking 哪些
    lists_kind: bool = False  # it lists the kind asked (下列条件 for 哪几个条件)
    record: bool = False  # the text's dates, or its dateline, for a question asking them
    penalty: bool = False  # it states a penalty, for a question asking what one is
    unasked_penalty: bool = False  # ... for a question speaking of no sanction at all
    effect: bool = False  # the article of entry into force, for a question asking when
    defines: bool = False  # it defines the term asked, or lists the kinds asked
    states: bool = False  # it opens by saying what the term asked is (民族乡是…)


# each signal, and the `Ranking` field multiplying the score where it holds
FACTORS: tuple[tuple[str, str], ...] = (
    ("year_said", "year_boost"),
    ("own_year", "own_year_boost"),
    ("in_month", "month_boost"),
    ("place", "place_boost"),
    ("national", "national_boost"),
    ("rule", "rule_boost"),
    ("gives_asked", "quantity_boost"),
    ("lists", "list_boost"),
    ("lists_kind", "kind_list_boost"),
    ("record", "record_boost"),
    ("penalty", "penalty_boost"),
    ("unasked_penalty", "unasked_penalty"),
    ("effect", "effect_boost"),
    ("defines", "defining_boost"),
    ("states", "statement_boost"),
)


def boost(signals: Signals, ranking: Ranking) -> float:
    """What a kept passage's BM25 score is multiplied by."""
    factor = _covered(signals, ranking) ** ranking.coverage_power * (
        _worded(signals, ranking) ** ranking.phrase_power
    )
    for signal, field in FACTORS:
        if getattr(signals, signal):
            factor *= getattr(ranking, field)
    return float(factor)


def features(signals: Signals, ranking: Ranking) -> list[float]:
    """`boost` in logs is the dot product of these with `log_weights`."""
    return [
        math.log(_covered(signals, ranking)),
        math.log(_worded(signals, ranking)),
        *(float(getattr(signals, signal)) for signal, _ in FACTORS),
    ]


def log_weights(ranking: Ranking) -> list[float]:
    """The fields `boost` reads, as weights of `features`."""
    return [
        ranking.coverage_power,
        ranking.phrase_power,
        *(math.log(getattr(ranking, field)) for _, field in FACTORS),
    ]


def weight_fields() -> list[str]:
    """The `Ranking` field behind each of `log_weights`, in order."""
    return ["coverage_power", "phrase_power", *(field for _, field in FACTORS)]


def _covered(signals: Signals, ranking: Ranking) -> float:
    return 1 - ranking.coverage_weight + ranking.coverage_weight * signals.coverage


def _worded(signals: Signals, ranking: Ranking) -> float:
    return 1 + ranking.phrase_weight * signals.wording
