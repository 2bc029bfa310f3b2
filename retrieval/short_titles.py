"""Documents a question names by a shortened title (五一劳模表彰大会讲话 for 在庆祝“五一”国际劳动节
暨表彰全国劳动模范和先进工作者大会上的讲话, 2024年最高法工作报告 for 最高人民法院工作报告 of 2024),
and a year asked of such a title that no document has."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

from retrieval.catalog import memo
from retrieval.laws import ABBREVIATION_SHARE
from retrieval.metadata import KIND_WORDS, kind_of
from retrieval.model import Document
from retrieval.names import plain_titles

MIN_SHORT_TITLE_CHARS = 6
LEADING_CHARS = 4  # of a short title's match, that may be the question's own words (请问在)
# a year said right before a title (2022年的最高法工作报告, 2021年度…)
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年?(?:版|度)?的?$")
# digits right before a title that are no year of four (改革开放40周年大会讲话)
_NUMBERED = re.compile(r"(?<!\d)(?!(?:19|20)\d\d$)\d+$")
_SHORT_TITLE = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:讲话|报告|发言|党课|公报|决定|决议)")


def _titles_holding(documents: Sequence[Document], titles: Sequence[str], short: str) -> list[int]:
    """The documents whose titles hold nearly all of `short`'s characters (each counted as
    often as `short` has it), counted over the titles each character is in, not title by title."""
    by_char = memo(documents, "title_chars", lambda: _documents_by_char(titles))
    none = np.zeros(0, dtype=np.int64)
    held = np.bincount(
        np.concatenate([by_char.get(ch, none) for ch in short]), minlength=len(titles)
    )
    return np.flatnonzero(held >= ABBREVIATION_SHARE * len(short)).tolist()


def _documents_by_char(texts: Sequence[str]) -> dict[str, npt.NDArray[np.int64]]:
    holding: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for ch in set(text):
            holding.setdefault(ch, []).append(i)
    return {ch: np.array(ids, dtype=np.int64) for ch, ids in holding.items()}


def named_by_short_title(
    documents: Sequence[Document], folded: str, years: Sequence[int] = ()
) -> list[Document]:
    """The one document a shortened title names (五一劳模表彰大会讲话 for 在庆祝“五一”国际
    劳动节暨表彰全国劳动模范和先进工作者大会上的讲话): nearly all of its characters in that
    title and in no other, or in no other of the year said before it (2024年最高法工作报告)."""
    for _, at, found in _short_titles(documents, folded):
        year = _year_before(folded, at, years)
        if len(found) > 1 and year:
            found = [d for d in found if d.meta.year == year]
        elif found and year and not any(_of_year(d, year) for d in found):
            continue  # the one such text, of another year (2019年 said, 2024's held)
        if len(found) == 1:
            return found
    return []


def unheld_year_of_short_title(
    documents: Sequence[Document], folded: str, years: Sequence[int]
) -> str:
    """A shortened title dated documents answer to, none of the year said before it
    (2022年最高法工作报告 beside the 2021 and 2024 ones): '' if none."""
    for short, at, found in _short_titles(documents, folded) if years else ():
        if _NUMBERED.search(folded[:at]):
            return ""  # a number of the name itself (40周年大会讲话): not all of it is read
        if len(short) >= MIN_SHORT_TITLE_CHARS and found:
            year = _year_before(folded, at, years)
            dated = all(d.meta.year is not None for d in found)
            # nor any text of that kind of the year, whatever its title holds (2021年度…述职
            # 述廉报告 for 2021年班子述职报告)
            kinds = {d.meta.kind for d in found}
            if (
                year
                and dated
                and not any(_of_year(d, year) for d in documents if d.meta.kind in kinds)
            ):
                return f"{year}年{short}"
            return ""
    return ""


def _year_before(folded: str, at: int, years: Sequence[int]) -> int | None:
    """The year the question says right before a short title said at `at` (2022年的最高法工作
    报告), when it is one it asks about; not a year said elsewhere (最高法报告里2022年…)."""
    m = _YEAR_BEFORE.search(folded[:at])
    return int(m.group(1)) if m and int(m.group(1)) in years else None


def _of_year(document: Document, year: int) -> bool:
    """Dated so, or saying the year in its title (…执行情况及2025年计划草案的报告)."""
    return document.meta.year == year or str(year) in document.title


def _short_titles(
    documents: Sequence[Document], folded: str
) -> Iterator[tuple[str, int, list[Document]]]:
    """Each short title the question says, where its words start (a year before them is
    said before that), and the documents whose titles hold it."""
    titles = plain_titles(documents)
    for m in _SHORT_TITLE.finditer(folded):
        whole = m.group(0)
        if folded[m.start() - 1 : m.start()].isdigit():
            # the 年 of a year said before it (2025年的最高法报告) is no character of the title
            whole = whole.removeprefix("年").removeprefix("的")
        at = m.end() - len(whole)
        # the match starts where the question's run of characters does (请问在五一…): try it
        # without a few leading characters too, never down to a generic tail (会议上的讲话)
        tails = [
            whole[i:] for i in range(LEADING_CHARS + 1) if len(whole) - i >= MIN_SHORT_TITLE_CHARS
        ]
        for short in tails or [whole]:
            if len(short) >= MIN_SHORT_TITLE_CHARS:
                yield short, at, [documents[i] for i in _titles_holding(documents, titles, short)]
                continue
            # 历史决议: the one document of that kind whose title has the words before it
            word = next(k for k in KIND_WORDS if short.endswith(k))
            words = short[: -len(word)][-2:]
            kind = kind_of(word)
            yield (
                short,
                at,
                []
                if len(words) < 2
                else [
                    d
                    for d, title in zip(documents, titles, strict=True)
                    if d.meta.kind == kind and words in title
                ],
            )
