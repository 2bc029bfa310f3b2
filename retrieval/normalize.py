"""Normalisation for matching only: passages keep their text exactly as written.

`fold` maps text to the form both passages and questions are matched in: NFKC widths
(full-width letters, digits and spaces), Traditional to Simplified Chinese, lower case.
It keeps the length of the text, so an offset in the folded text is an offset in the original,
which is what highlighting needs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

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


def _t2s_convert(text: str) -> str:
    return str(_t2s().convert(text))


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


def fold(text: str) -> str:
    """Length-preserving matching form of `text` (see the module docstring)."""
    if not text.isascii():
        text = valid_text(text)
        if not unicodedata.is_normalized("NFKC", text):
            text = _aligned(text, _nfkc)
        text = _aligned(text, _t2s_convert)
    return _aligned(text, str.lower)
