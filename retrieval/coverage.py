"""Coverage: the share of a question's information a passage's text matches, the test every
answer passes before it is shown (a question is judged on its telling words, not on BM25's
score alone)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

from retrieval.markers import CN_NUM
from retrieval.model import Passage
from retrieval.normalize import fold
from retrieval.question import STRUCTURE_WORD_WEIGHT, Query, Word
from retrieval.quotes import in_runs

if TYPE_CHECKING:
    from retrieval import bm25
    from retrieval.search import Ranking


def found(word: Word, text: str) -> bool:
    return any(holds(term, text) for term in word.spellings) or _listed_in(word.text, text)


def _compound(term: str) -> bool:
    """A word of two characters a list may write as two items (乡镇: 乡、民族乡、镇)."""
    return len(term) == 2 and term[0] != term[1] and all("\u4e00" <= c <= "\u9fff" for c in term)


_LIST_END = re.compile(r"[，,。；;：:！!？?\s\0]")
LIST_SPAN = 60  # characters of a list after its first item within which its second stands


def _listed_at(term: str, text: str, at: int) -> bool:
    """Whether the list whose item `term[0]` stands at `at` (before 、) holds `term[1]` as a
    later item, both cut as words of their own in the list's words (牛 of 饲养牛、羊 is one,
    人 of 个人、民营 is not, nor 生 of 数学、生物)."""
    from retrieval.segment import default_segmenter

    end = _LIST_END.search(text, at, at + LIST_SPAN)
    stop = end.start() if end else min(len(text), at + LIST_SPAN)
    start = max(0, at - 4)  # the words before it, which it may end (个人)
    singles = {start + i for w, i in default_segmenter().words(text[start:stop]) if len(w) == 1}
    return at in singles and any(
        text[j] == term[1] and text[j - 1] == "、" and j in singles for j in range(at + 2, stop)
    )


def listed(
    term: str, texts: Sequence[Container[str]], joined: Joined | None = None
) -> npt.NDArray[np.bool_]:
    """Which texts write the two-character `term` as two items of a list (乡镇 in 乡、民族
    乡、镇; 牛羊 in 实行牛、羊定点屠宰): the text's way of writing the compound."""
    held = np.zeros(len(texts), dtype=bool)
    if joined is None:
        held[:] = [_listed_in(term, text) for text in texts]
    elif _compound(term):
        for at in _lists(term, joined.text):
            held[bisect_right(joined.starts, at) - 1] = True
    return held


def _listed_in(term: str, text: Container[str]) -> bool:
    """Whether one text writes `term` as two items of a list (`listed`)."""
    return _compound(term) and isinstance(text, str) and next(_lists(term, text), None) is not None


def _lists(term: str, text: str) -> Iterator[int]:
    """Where lists holding `term` open in `text` (most texts: no such list at all)."""
    head = term[0] + "、"
    at = text.find(head)
    while at != -1:
        if _listed_at(term, text, at):
            yield at
        at = text.find(head, at + 1)


_NUMBER_EDGE = re.compile(r"^\d|\d$")


def holds(term: str, text: Container[str]) -> bool:
    """Whether `text` holds `term`; a number only whole (3 is not in 2023, 30 or 3.5), and
    one spelled out not as an ordinal unless asked as one (三十八 of 38度 is not in 第三十八条,
    nor 三十 in 三十八)."""
    if not isinstance(text, str):
        return term in text
    if _NUMBER_EDGE.search(term):
        return _whole_number(term).search(text) is not None
    if _spelled(term):
        return _whole_spelled(term).search(text) is not None
    return term in text


_SPELLED_DIGITS = CN_NUM  # (the numerals of headings and articles)
_LARGER = "万亿"  # 三十 is not in 三十万元


def _spelled(term: str) -> bool:
    """Whether a term is a number spelled out, as an ordinal (第三十八) or not (三十八)."""
    return len(term) > 1 and not term.strip(_SPELLED_DIGITS).lstrip("第")


def _a_number(term: str) -> bool:
    return bool(_NUMBER_EDGE.search(term)) or _spelled(term)


@lru_cache(maxsize=256)
def _whole_number(term: str) -> re.Pattern[str]:
    # (nor an ordinal unless asked as one: 38 of 38度 is not in 第38条, 第38 is)
    return re.compile(rf"(?<![\d.第]){re.escape(term)}(?!\.?\d)")


@lru_cache(maxsize=256)
def _whole_spelled(term: str) -> re.Pattern[str]:
    if term.startswith("第"):
        return re.compile(rf"{re.escape(term)}(?![{_SPELLED_DIGITS}])")
    return re.compile(
        rf"(?<![第{_SPELLED_DIGITS}]){re.escape(term)}(?![{_SPELLED_DIGITS}{_LARGER}])"
    )


TELLING_WEIGHT = 1.0  # a question word this telling is one of what it is about
# a question's clauses, each with the mark ending it
_CLAUSE = re.compile(r"([^，,；;。！？!?]+)([，,；;。！？!?]*)")
_ASKS = re.compile(r"吗|呢|什么|怎么|如何|多少|是否|能否|有没有|哪|几")


def asking_words(question: str, query: Query, weights: Sequence[float]) -> frozenset[Word]:
    """The telling words of the clause a question asks in, its last that ends in ？ or asks
    (…，合同里写了押金不退，这个条款有效吗？谢谢律师): what it asks after its story."""
    clauses = _CLAUSE.findall(fold(question))
    asked = [c for c, end in clauses if "？" in end or "?" in end or _ASKS.search(c)]
    clause = asked[-1] if asked else clauses[-1][0] if clauses else ""
    return frozenset(
        w
        for w, x in zip(query.words, weights, strict=True)
        if x >= TELLING_WEIGHT and w.text in clause
    )


def coverage(
    query: Query,
    weights: Sequence[float],
    texts: Sequence[str],
    ranking: Ranking,
    inside: Sequence[frozenset[Word]],
    titled: Sequence[frozenset[Word]] = (),
    question: str = "",
) -> list[float]:
    """The share of the question's information that each passage (its `searchable_text`)
    matches, each word weighing its `word_weights` entry.

    A word weighs what it says in general Chinese (jieba's dictionary frequency), less a
    baseline that common words do not exceed, so a question is judged on its telling words:
    "今天股市行情如何" matches 今天 in a speech but not 股市行情, and gets no passage. A word
    counts fully when it or a synonym occurs in the passage or its headings (half when it
    occurs there only inside longer words: `inside`), partly when the words inside it that
    occur there cover it, or when only its document's title holds it (`titled`). Occurrence
    is tested on the text, not the passage's terms, so a word that jieba cuts differently in
    the passage still counts. Worked out a word at a time over the whole pool.
    """
    n = len(texts)
    total = 0.0
    covered = np.zeros(n)
    joined = Joined.of(texts)
    insiders = frozenset().union(*inside)
    in_titles = frozenset().union(*titled)
    for word, weight in zip(query.words, weights, strict=True):
        total += weight
        partly = (
            np.fromiter((word in words for words in inside), bool, n)
            if word in insiders
            else np.zeros(n, dtype=bool)
        )
        factor = np.where(
            holding(word.spellings, texts, joined).any(axis=0) | listed(word.text, texts, joined),
            np.where(partly, ranking.part_match, 1.0),
            np.where(
                covered_by_parts(word, texts, joined)
                | holding(sorted(word.kin), texts, joined).any(axis=0)
                | (
                    np.fromiter((word in words for words in titled), bool, n)
                    if word in in_titles
                    else False
                ),
                ranking.part_match,
                0.0,
            ),
        )
        covered += weight * factor
    if not total:
        return [0.0] * n
    told = min(total, ranking.told_information)
    shares = covered / told
    # a long question's story aside, what it asks last must be held too (the clause's telling
    # words), else it is judged whole: 5 articles on 鉴定 are no answer to 押金不退…有效吗;
    # unless no passage says it so (打官司 for 诉讼: the everyday word of a long story)
    asking = asking_words(question, query, weights) if told < total else frozenset()
    if asking:
        held = np.fromiter((any(found(w, t) for w in asking) for t in texts), bool, n)
        shares = np.where(held | ~held.any(), shares, covered / total)
    capped: list[float] = np.minimum(shares, 1.0).tolist()
    return capped


def title_words(query: Query, passages: Sequence[Passage]) -> list[frozenset[Word]]:
    """For each passage, the question's words its document's title holds: what an article
    of 公务员法 is about though it never says 公务员 (奖励分为：嘉奖…)."""
    titles = {t: _folded_title(t) for t in {p.title for p in passages}}
    # only the words some title holds are looked for title by title
    joined = "\n".join(titles.values())
    words = [w for w in query.words if found(w, joined)]
    held = {t: frozenset(w for w in words if found(w, f)) for t, f in titles.items()}
    return [held[p.title] for p in passages]


@lru_cache(maxsize=8192)  # a corpus's titles, met by question after question
def _folded_title(title: str) -> str:
    return fold(title)


def holding(
    terms: Sequence[str], texts: Sequence[Container[str]], joined: Joined | None = None
) -> npt.NDArray[np.bool_]:
    """For each term, which texts hold it (`joined`: the texts joined, when the caller has)."""
    held = np.zeros((len(terms), len(texts)), dtype=bool)
    joined = joined or Joined.of(texts)
    for row, term in zip(held, terms, strict=True):
        if joined is not None and term and "\0" not in term and not _a_number(term):
            joined.mark(term, row)
        else:
            row[:] = [holds(term, text) for text in texts]
    return held


@dataclass(frozen=True)
class Joined:
    """Texts joined by a character no term holds: a term is looked for in one pass of `find`
    that skips to the next text at each hit, not text by text (typically BM25's 100
    candidates)."""

    text: str
    starts: list[int]

    @classmethod
    def of(cls, texts: Sequence[Container[str]]) -> Joined | None:
        if len(texts) < 2 or not all(isinstance(t, str) for t in texts):
            return None  # one text, or a vocabulary
        strings = cast("Sequence[str]", texts)
        starts = [0, *accumulate(len(t) + 1 for t in strings)]
        return cls("\0".join(strings), starts)

    def mark(self, term: str, row: npt.NDArray[np.bool_]) -> None:
        """Marks in `row` the texts holding `term` (which holds no NUL)."""
        at = self.text.find(term)
        while at != -1:
            k = bisect_right(self.starts, at) - 1
            row[k] = True
            at = self.text.find(term, self.starts[k + 1])


def covered_by_parts(
    word: Word, texts: Sequence[Container[str]], joined: Joined | None = None
) -> npt.NDArray[np.bool_]:
    """For each text (or vocabulary), whether the words inside `word` that it holds cover
    all of the word's characters."""
    seen = np.zeros((len(word.text), len(texts)), dtype=bool)
    for term, held in zip(word.parts, holding(word.parts, texts, joined), strict=True):
        start = word.text.find(term)
        while start != -1:
            seen[start : start + len(term)] |= held
            start = word.text.find(term, start + 1)
    covered: npt.NDArray[np.bool_] = np.all(seen, axis=0)
    return covered


def matches(word: Word, text: str) -> bool:
    """Whether `text` holds the word, or the words inside it that cover it."""
    return found(word, text) or bool(covered_by_parts(word, [text])[0])


def only_inside_words(
    query: Query, ids: Sequence[int], postings: bm25.Postings
) -> list[frozenset[Word]]:
    """For each passage, the question's one-character words it holds only inside longer
    words: 假 asked alone is not the 假 of 作假, nor 放 that of 开放. A character is a word
    of a passage when the passage's own segmentation cut it alone (its postings)."""
    singles = [w for w in query.words if len(w.text) == 1 and not w.text.isascii()]
    if not singles:
        return [frozenset()] * len(ids)
    wanted = np.asarray(ids, dtype=np.int64)
    alone = {}
    for word in singles:
        t = postings.term_id(word.text)
        if t is None:
            alone[word] = np.zeros(len(ids), dtype=bool)
        else:
            held, _ = postings.postings(t)  # ascending; the long lists are kept read
            at = np.searchsorted(held, wanted)
            alone[word] = held[np.minimum(at, len(held) - 1)] == wanted
    return [frozenset(w for w in singles if not alone[w][i]) for i in range(len(ids))]


def phrase_share(question: str, text: str) -> float:
    """The share of the question's characters that the passage holds in runs of four or
    more in the same order: exact wording ranks above the same words apart."""
    q = _wording(question)
    return in_runs(q, text) / len(q) if q else 0.0


@lru_cache(maxsize=64)  # one question meets the pool's 200 passages
def _wording(question: str) -> str:
    return re.sub(r"[\W_]+", "", question)


def content_share(query: Query, weights: Sequence[float], passage: Passage) -> float:
    """The share of a question's telling words (not 第几条 or 讲了什么, nor the words of the
    passage's title or a year, which tell none of its passages from another) it holds."""
    title = fold(passage.title)
    telling = [
        (w, x)
        for w, x in zip(query.words, weights, strict=True)
        if x >= STRUCTURE_WORD_WEIGHT and not found(w, title) and not w.text.isdigit()
    ]
    total = sum(x for _, x in telling)
    return sum(x for w, x in telling if found(w, passage.text)) / total if total else 0.0
