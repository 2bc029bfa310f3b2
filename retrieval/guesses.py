"""jieba's guesses at words it does not know, read again with the corpus's own words.

jieba's HMM joins characters its dictionary lacks into new words: 卖劣药罚多少钱 is cut
卖劣 / 药罚 / 多少 / 钱, and neither guess is a word any passage holds, so the question would
seem to speak of nothing the corpus does and be refused. Such a guess is cut again where it
stands, with the corpus's words (劣药, written in the passages on 假药、劣药), longest first.
A guess the corpus uses, or one holding no word of it (a name: 许家印), stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Container

from retrieval.index import in_vocabulary
from retrieval.question import Query, Word, make_word
from retrieval.segment import Segmenter

REACH = 2  # characters of the question on either side of a guess a corpus word may take
LONGEST = 4  # characters of a corpus word read inside a guess
BARELY_KNOWN = 20  # jieba's frequency below which a longer word is read as a guess (埋电缆 3)
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def with_corpus_words(
    query: Query, folded: str, vocabulary: Container[str], segmenter: Segmenter
) -> Query:
    """`query` with each of jieba's guesses the corpus never uses replaced by the corpus's
    words found across it (卖劣 → 劣药)."""
    words: list[Word] = []
    recut = False
    for word in query.words:
        found = _recut(word.text, folded, vocabulary) if _guess(word, vocabulary, segmenter) else []
        if not found:
            words.append(word)  # (a word said twice weighs twice)
            continue
        recut = True
        words += [w for text in found if (w := make_word(text, segmenter)) and w not in words]
    return Query(tuple(words), query.bigrams) if recut else query


def _guess(word: Word, vocabulary: Container[str], segmenter: Segmenter) -> bool:
    """A word jieba made up (neither its dictionary nor the project's holds it) that no
    passage holds."""
    text = word.text
    return (
        bool(_HAN.fullmatch(text))
        # or one its dictionary barely knows, of three characters or more (埋电缆 3; 车把 is a
        # word of its own however rare)
        and segmenter.frequency(text) < (BARELY_KNOWN if len(text) > 2 else 1)
        and not segmenter.is_domain(text)
        and not in_vocabulary(text, vocabulary)
    )


def _recut(text: str, folded: str, vocabulary: Container[str]) -> list[str]:
    """The corpus's words (two to four characters, in jieba's dictionary or not) overlapping
    where `text` stands in the question, longest first from the left, and the characters of
    `text` none of them takes."""
    at = folded.find(text)
    if at < 0:
        return []
    start, end = max(0, at - REACH), min(len(folded), at + len(text) + REACH)
    found: list[str] = []
    covered: set[int] = set()
    i = start
    while i < end:
        for n in range(min(LONGEST, end - i), 1, -1):
            piece = folded[i : i + n]
            overlaps = i < at + len(text) and i + n > at
            # (a name's pieces only as words of the index: 宁夏海原 holds the pairs of 夏海)
            found_here = piece in vocabulary or (
                len(text) == 2 and in_vocabulary(piece, vocabulary)
            )
            if overlaps and _HAN.fullmatch(piece) and found_here:
                found.append(piece)
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    # the guess's characters no corpus word takes stay, each alone (伞 of 带伞: 要不要带伞
    # asks of an umbrella however 不要带 is found)
    alone = [folded[k] for k in range(at, at + len(text)) if k not in covered]
    return found + alone if found else []
