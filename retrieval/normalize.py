"""Normalisation for matching only: passages keep their text exactly as written.

`fold` maps text to the form both passages and questions are matched in: NFKC widths
(full-width letters, digits and spaces), Traditional to Simplified Chinese, lower case.
It keeps the length of the text, so an offset in the folded text is an offset in the original,
which is what highlighting needs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _aligned(text: str, convert: Callable[[str], str]) -> str:
    """Apply `convert` to the whole text, or char by char where that would change the length."""
    whole = convert(text)
    if len(whole) == len(text):
        return whole
    out = []
    for ch in text:
        conv = convert(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDC))


@lru_cache(maxsize=1)
def _nfkc_by_char() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """NFKC as a table of the characters it maps to one other character, a pattern of those,
    and a pattern of the characters with which that table is not NFKC: those that can combine
    with a neighbour (combining marks, the second halves of compositions, Hangul jamo and
    syllables, anything whose decomposition holds one) and everything outside the BMP.
    Without them no character's form depends on its neighbours, so NFKC is each character's
    own, which the table gives (a character that would become several stays itself, as
    `_aligned` keeps it)."""
    seconds = set()
    for cp in range(0x10000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    table: dict[str, str] = {}
    unsafe = [f"{chr(0x10000)}-{chr(0x10FFFF)}"]
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        form = unicodedata.normalize("NFKC", ch)
        if form != ch and len(form) == 1:
            table[ch] = form
        if any(unicodedata.combining(c) or c in seconds for c in ch + form):
            unsafe.append(re.escape(ch))
    unsafe += [f"{chr(lo)}-{chr(hi)}" for lo, hi in _HANGUL]
    mapped = re.compile(f"[{''.join(map(re.escape, table))}]")
    return table, mapped, re.compile(f"[{''.join(unsafe)}]")


@lru_cache(maxsize=1)
def _nfkc_codes() -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.bool_]]:
    """The same table and characters over the BMP's code points, for many texts at once."""
    table, _, unsafe = _nfkc_by_char()
    codes = np.arange(0x10000, dtype=np.uint32)
    for ch, form in table.items():
        codes[ord(ch)] = ord(form)
    everything = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF)
    risky = np.zeros(0x10000, dtype=bool)
    risky[[ord(ch) for ch in unsafe.findall(everything)]] = True
    return codes, risky


def _nfkc_aligned(text: str) -> str:
    table, mapped, unsafe = _nfkc_by_char()
    if unsafe.search(text) is None:
        # only the few full-width marks change: replacing matches beats a lookup per character
        return mapped.sub(lambda m: table[m.group()], text)
    return _aligned(text, _nfkc)


def _t2s_convert(text: str) -> str:
    return str(_t2s().convert(text))


def simplified(text: str) -> str:
    """`text` in Simplified characters, same length, nothing else changed (a title's names
    are read in it: 關於…預算草案的報告 is a 报告)."""
    return text if text.isascii() else _aligned(text, _t2s_convert)


MIN_TRADITIONAL_SHARE = 0.05  # of a text's characters; one or two are variants both scripts use


def written_traditional(text: str) -> bool:
    """Whether `text` is written in Traditional characters: at least two of its characters,
    and a twentieth of them, are another character in Simplified script."""
    changed = sum(a != b for a, b in zip(text, simplified(text), strict=True))
    return changed >= 2 and changed >= MIN_TRADITIONAL_SHARE * len(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """`text` with lone surrogates (possible from JSON escapes or undecodable input) replaced
    by U+FFFD, so it can be encoded as UTF-8 by OpenCC, SQLite and the terminal."""
    return _SURROGATE.sub("\ufffd", text)


_PUNCT = re.compile(r"[\s\W_]+")


@lru_cache(maxsize=4096)  # the same names and question are made plain for every document
def plain_text(text: str) -> str:
    """`text` folded, without spaces or punctuation: how names are compared."""
    return _PUNCT.sub("", fold(text))


def blanked(text: str, phrases: Sequence[str]) -> str:
    """`text` with each of `phrases` blanked out."""
    for phrase in phrases:
        text = text.replace(phrase, " ")
    return text


def fold(text: str) -> str:
    """Length-preserving matching form of `text` (see the module docstring)."""
    if not text.isascii():
        text = valid_text(text)
        if not unicodedata.is_normalized("NFKC", text):
            text = _nfkc_aligned(text)
        text = _aligned(text, _t2s_convert)
    return _aligned(text, str.lower)


_SEPARATOR = "\x01"  # no dictionary entry or pattern holds it: the texts stay apart


def fold_many(texts: Sequence[str]) -> list[str]:
    """`[fold(t) for t in texts]`, at a fraction of its cost for a few hundred passages:
    each step runs once over the texts joined, which every step keeps apart (OpenCC's
    phrases and NFKC's compositions never span the separator). What the joined text cannot
    vouch for (a lone surrogate, a character NFKC combines with its neighbours) is folded
    text by text, and so is a text whose length a step changes, as `fold` does."""
    joined = _SEPARATOR.join(texts)
    try:
        points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return [fold(t) for t in texts]
    codes, risky = _nfkc_codes()
    if (
        len(texts) < 2
        or joined.count(_SEPARATOR) != len(texts) - 1
        or (points.size and (points.max() > 0xFFFF or risky[points].any()))
    ):
        return [fold(t) for t in texts]
    # NFKC: one character for one, so the texts keep their lengths and places
    widths = codes[points].tobytes().decode("utf-32-le")
    simple = widths.split(_SEPARATOR)
    converted = _t2s_convert(widths).split(_SEPARATOR)
    if len(converted) != len(texts):
        return [fold(t) for t in texts]
    chinese = [
        n if t.isascii() else c if len(c) == len(n) else _aligned(n, _t2s_convert)
        for t, n, c in zip(texts, simple, converted, strict=True)
    ]
    lowered = _SEPARATOR.join(chinese).lower()
    if len(lowered) != len(joined):  # a letter that lower-cases to two (İ)
        return [_aligned(c, str.lower) for c in chinese]
    return lowered.split(_SEPARATOR)
