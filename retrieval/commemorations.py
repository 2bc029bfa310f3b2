"""Speeches that mark a person's birth anniversary (在纪念毛泽东同志诞辰120周年座谈会上的讲话):
the person and the number of years tell one from another, as an edition's number does.

A question naming such an occasion is answered from the speech of that person and number,
and from no other when the corpus holds such speeches but not that one (诞辰130周年 asked,
120 held; 周恩来 asked, 毛泽东 and 朱德 held): the speeches share most of their wording, so
words alone would answer from the wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.dates import CN_NUMBER, chinese_number
from retrieval.model import Document

# the characters between 纪念 and 诞辰 name the person (毛泽东同志, 毛主席, 朱老总)
_BIRTH_ANNIVERSARY = re.compile(
    rf"(?:纪念)?([\u4e00-\u9fff]{{1,4}}?)(?:同志)?诞辰(\d{{1,3}}|[{CN_NUMBER}]{{1,4}})周年"
)


def _anniversaries(text: str) -> list[tuple[frozenset[str], int, str]]:
    """(the person's characters, the years, the phrase) of each birth anniversary named."""
    found = []
    for m in _BIRTH_ANNIVERSARY.finditer(text):
        years = chinese_number(m.group(2))
        person = frozenset(m.group(1))
        if years is not None:
            found.append((person, years, m.group(0)))
    return found


def commemorated(documents: Sequence[Document], folded: str) -> tuple[list[Document], str]:
    """The speeches marking the anniversary a question names, or, when the corpus holds
    others but not it, that anniversary as missing. Two names are one person when they
    share a character (毛主席 and 毛泽东: the surname stays in the ways a person is called)."""
    asked = _anniversaries(folded)
    if not asked:
        return [], ""
    held = memo(
        documents,
        "birth_anniversaries",
        lambda: [_anniversaries(f"{d.title} {d.meta.occasion}") for d in documents],
    )
    person, years, phrase = asked[0]
    marking = [
        d
        for d, marks in zip(documents, held, strict=True)
        if any(n == years and person & who for who, n, _ in marks)
    ]
    if marking or not any(held):
        return marking, ""
    return [], phrase
