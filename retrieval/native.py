"""jieba's accurate-mode cut (HMM on), the same words, the dictionary's part done by jieba-rs.

rjieba (MIT, abi3 wheels: jieba-rs 0.11 bound to Python) finds the words of jieba's
dictionary in a text (the DAG and the best route through it) many times faster than jieba's
pure Python, which with the HMM for unknown words is most of the cost of indexing. It is only
used where it is the same as jieba 0.42.1, which tests and `python -m retrieval.native_check`
check word by word on every text indexing cuts:

- The dictionary is jieba's own, word for word (its words of positive frequency, the
  project's user words included), and so is the total the route divides by: jieba adds a
  word's frequency to the total again when a word is added twice (``B超`` in its dictionary,
  27 user words it already has), jieba-rs replaces it. An unmatchable word (a private-use
  character, never in a block) makes up the difference; without it the route differs on
  near ties (等等等).
- jieba-rs is asked for the route alone (no HMM) and the runs of single characters are given
  to jieba's HMM here (`retrieval.finalseg`), as jieba's `__cut_DAG` does: jieba-rs's own
  HMM rounds its probabilities (常在她) and reads numbers otherwise (``2006-2020``).
- Blocks are jieba's: jieba-rs counts more characters as Han (U+3400–U+4DBF, beyond U+9FD5,
  the supplementary planes), which jieba cuts one by one; a text with any of those is split
  into jieba's blocks here first.

Without rjieba (a platform it has no wheel for) `native_cut` gives None and jieba cuts.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any

import jieba

from retrieval import finalseg

# jieba 0.42.1's own block and skip expressions (jieba/__init__.py)
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ASCII_IN_BLOCKS = frozenset(string.ascii_letters + string.digits + "+#&._%-")
# characters jieba-rs puts in blocks and jieba does not (and lone surrogates, which cannot
# even be handed to it): a text with none has the same blocks in both, and what lies between
# them is one word a character in both ("\r\n" one word)
_OTHER_BLOCKS = re.compile(
    "[\ud800-\udfff\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U0002f800-\U0002fa1f]"
)
# the word that makes jieba-rs's dictionary total jieba's: no block can hold it
BALANCE = "\ue000"

Cut = Callable[[str], list[str]]
Route = Callable[[str, bool], list[str]]


def _rjieba() -> Any:
    try:
        import rjieba  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # no wheel for this platform: jieba cuts
        return None
    return rjieba


def native_cut(tokenizer: jieba.Tokenizer) -> Cut | None:
    """A cut equal to `tokenizer.lcut(text)` (accurate mode, HMM), with jieba-rs finding
    the dictionary's words; None when rjieba is not installed. `tokenizer` must be
    initialised, its words added: later changes to it are not seen."""
    rjieba = _rjieba()
    if rjieba is None:
        return None
    freq: dict[str, int] = tokenizer.FREQ
    if any(f > 0 and len(w) > 1 and w.isascii() and w.isalnum() for w, f in freq.items()):
        # jieba-rs's route joins runs of single letters and digits: with a word made of them
        # such a run could not be told from the word
        return None
    native = rjieba.Jieba.empty()
    add = native.add_word
    total = 0
    for word, count in freq.items():
        if count > 0:  # a prefix (0) is no word: jieba's DAG skips it
            add(word, count, None)
            total += count
    if tokenizer.total > total:
        add(BALANCE, tokenizer.total - total, None)
    return _Cut(native.cut, freq)


class _Cut:
    """jieba's `Tokenizer.cut` and `__cut_DAG` (accurate mode, HMM) around jieba-rs's route."""

    __slots__ = ("_freq", "_route")

    def __init__(self, route: Route, freq: dict[str, int]) -> None:
        self._route = route
        self._freq = freq

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        if not _OTHER_BLOCKS.search(text):
            self._words(self._route(text, False), out)
            return out
        for block in _BLOCK.split(text):
            if not block:
                continue
            if _BLOCK.match(block):
                self._words(self._route(block, False), out)
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        out.append(piece)
                    else:
                        out += piece  # one word a character, as jieba yields them
        return out

    def _words(self, route: list[str], out: list[str]) -> None:
        """jieba's words from the route: runs of single characters not a word together go
        to the HMM. Between blocks each character is a word of the route (as in jieba)."""
        freq = self._freq
        run = ""
        for word in route:
            if len(word) == 1:
                if "\u4e00" <= word <= "\u9fd5" or word in _ASCII_IN_BLOCKS:
                    run += word
                    continue
            elif word.isascii() and word.isalnum():
                run += word  # single letters and digits that jieba-rs joined
                continue
            if run:
                _run_words(run, freq, out)
                run = ""
            out.append(word)
        if run:
            _run_words(run, freq, out)


def _run_words(run: str, freq: dict[str, int], out: list[str]) -> None:
    """What jieba's `__cut_DAG` makes of a run of single characters on the route."""
    if len(run) == 1:
        out.append(run)
    elif not freq.get(run):
        out += finalseg.cut(run)
    else:
        out += run
