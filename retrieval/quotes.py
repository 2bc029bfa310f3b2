"""A question's quoted phrases, and whether a passage holds them: whole, or for a long
quote remembered with a character or two wrong, most of it in order."""

from __future__ import annotations

import re

from retrieval.dates import digit_years
from retrieval.normalize import fold

MIN_PHRASE_CHARS = 2
MIN_RUN_CHARS = 4  # the shortest run of a question's characters that counts as its wording
MIN_FUZZY_QUOTE_CHARS = 8  # a shorter quote must be found exactly
FUZZY_QUOTE_SHARE = 0.7  # of a misremembered quote, found in runs of four or more
_QUOTE = r"[“「『\"‘']([^”」』\"’']{2,40})[”」』\"’']"
# a quote pointing at where to look (“保增长”那年的报告, “暖心话语”那篇): no wording asked
_POINTER = r"[那这]一?(?:年|篇|份|次|章|节|部分|期)"
_QUOTED = re.compile(rf"{_QUOTE}(?!{_POINTER})")
_POINTING = re.compile(rf"{_QUOTE}(?={_POINTER})")
_PUNCT = re.compile(r"[\s\W_]+")


def quoted_phrases(question: str) -> tuple[str, ...]:
    """Quoted text of a question, folded, without its punctuation (a passage may punctuate a
    quote otherwise), its years in digits as passages are searched."""
    folded = digit_years(fold(question))
    return tuple(
        dict.fromkeys(
            p
            for m in _QUOTED.finditer(folded)
            if len(p := _PUNCT.sub("", m.group(1))) >= MIN_PHRASE_CHARS
        )
    )


def pointing_quotes(question: str) -> tuple[str, ...]:
    """Quoted text pointing at where to look (“暖心话语”那篇学习材料), folded and plain."""
    return tuple(_PUNCT.sub("", m.group(1)) for m in _POINTING.finditer(fold(question)))


def says_quote(quote: str, text: str) -> bool:
    """Whether `text` (folded) holds a quote word for word, punctuation aside."""
    return quote in _PUNCT.sub("", text)


def holds_quote(quote: str, text: str) -> bool:
    """Whether `text` (folded) holds a quote: whole, or, for a long quote remembered with a
    character or two wrong, most of it in runs of four or more characters in order."""
    plain = _PUNCT.sub("", text)
    if quote in plain:  # said word for word (`says_quote`)
        return True
    if len(quote) < MIN_FUZZY_QUOTE_CHARS:
        return False
    return in_runs(quote, plain) >= FUZZY_QUOTE_SHARE * len(quote)


def in_runs(wording: str, text: str, min_run: int = MIN_RUN_CHARS) -> int:
    """How many characters of `wording` `text` holds in runs of at least `min_run` in the
    same order (greedy, left to right)."""
    covered = i = 0
    while i <= len(wording) - min_run:
        length = min_run
        if wording[i : i + length] not in text:
            i += 1
            continue
        while i + length < len(wording) and wording[i : i + length + 1] in text:
            length += 1
        covered += length
        i += length
    return covered
