"""What a question points at besides its words: a document, a year, a quoted phrase.

Reports of different years share most of their wording, so "2021年的赤字率" cannot be told
from "2017年的赤字率" by word statistics: the year has to be read as a constraint. The same
holds for a question that names its document (十九大报告, 一号文件, 2019年政府工作报告) and
for a quoted phrase, which must be found as a whole. All rules here are general: names come
from each document's metadata (`retrieval.metadata`), never from a list of documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from retrieval.dates import RELATIVE_YEARS, question_years, years_in
from retrieval.metadata import KIND_WORDS
from retrieval.model import Document, Passage
from retrieval.normalize import fold

MIN_NAME_CHARS = 4  # a shorter "name" (报告) says what kind of document, not which
MIN_PHRASE_CHARS = 2
_QUOTED = re.compile(r"[“「『\"‘']([^”」』\"’']{2,40})[”」』\"’']")
_PUNCT = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class Target:
    """What a question names. `docs` None: no document named (search them all)."""

    docs: frozenset[str] | None = None
    years: tuple[int, ...] = ()  # years asked about, after 今年/去年 are resolved
    phrases: tuple[str, ...] = ()  # quoted text, folded, to be found whole
    missing: str = ""  # a named document the corpus does not hold: 2023年政府工作报告
    understood: tuple[str, ...] = ()  # titles of the documents understood, for the reply


def quoted_phrases(question: str) -> tuple[str, ...]:
    folded = fold(question)
    return tuple(
        dict.fromkeys(
            p for m in _QUOTED.finditer(folded) if len(p := m.group(1).strip()) >= MIN_PHRASE_CHARS
        )
    )


def _plain(text: str) -> str:
    return _PUNCT.sub("", fold(text))


@cache
def _year_free(name: str) -> str:
    return re.sub(r"^(19|20)\d\d年", "", name)


def document_names(document: Document) -> tuple[str, ...]:
    """Names a question may use for the document, in plain folded form."""
    meta = document.meta
    names = {document.title, *meta.names}
    if meta.subtitle:
        names.add(meta.subtitle)
    names |= {_year_free(n) for n in names}
    plain = {_plain(n) for n in names}
    return tuple(sorted(n for n in plain if len(n) >= MIN_NAME_CHARS))


def canonical_years(question: str) -> str:
    """The question with every year written as 2019年 (二〇一九年, 19年 → 2019年)."""
    out, last = [], 0
    for m in question_years(question):
        out.append(question[last : m.start])
        out.append(f"{m.year}年")
        last = m.end
    out.append(question[last:])
    return "".join(out)


def _kind_words(question: str) -> tuple[str, ...]:
    return tuple(w for w in KIND_WORDS if w in question)


def find_target(question: str, documents: Sequence[Document]) -> Target:
    """Read which documents, years and phrases `question` names."""
    folded = fold(question)
    years = [m.year for m in question_years(folded)]
    plain = _plain(canonical_years(folded))
    phrases = quoted_phrases(question)

    named = [d for d in documents if any(n in plain for n in document_names(d))]
    named = [d for d in named if not _contradicts(d, plain)] or (
        [] if named and _ordinals(plain) else named
    )
    if not named and _ordinals(plain) and any(_ordinals(" ".join(d.meta.names)) for d in documents):
        # "二十届四中全会公报" where the corpus holds the 十九届 one
        kinds = _kind_words(folded)
        same_kind = [d for d in documents if d.meta.kind and d.meta.kind in kinds]
        if same_kind and any(_ordinals(" ".join(d.meta.names)) for d in same_kind):
            return Target(phrases=phrases, missing=_ordinal_name(plain))
    if not named:
        named = _named_by_token(documents, folded)
    if (
        not named
        and (title := _book_title(folded))
        and not any(title in n or n in title for d in documents for n in document_names(d))
    ):
        return Target(phrases=phrases, missing=f"《{title}》")
    if years:
        with_year = [d for d in named if d.meta.year in years or _names_year(d, plain)]
        if named and not with_year and _generic(named, plain):
            # "2023年政府工作报告" where the corpus holds other years' reports only
            kind = next(n for d in named for n in document_names(d) if n in plain)
            return Target(years=tuple(years), phrases=phrases, missing=f"{years[0]}年{kind}")
        named = with_year or named
    if not named and years and (kinds := _kind_words(folded)):
        # "21年那份报告": a kind of document and a year
        of_kind = [d for d in documents if any(k in fold(d.title) + d.meta.kind for k in kinds)]
        named = [d for d in of_kind if d.meta.year in years]
    relative = [
        y for w, delta in RELATIVE_YEARS.items() if w in folded for y in _years_of(named, delta)
    ]
    docs = frozenset(d.doc for d in named) if named else None
    return Target(
        docs=docs,
        years=tuple(dict.fromkeys([*years, *relative])),
        phrases=phrases,
        understood=tuple(d.title for d in named),
    )


_ORDINAL = re.compile(r"([一二三四五六七八九十]+)(届|大(?!会))")


def _ordinals(text: str) -> set[str]:
    """Session and congress numbers a text names: 十九届, 二十大."""
    return {m.group(0) for m in _ORDINAL.finditer(text)}


def _contradicts(document: Document, plain: str) -> bool:
    """Whether the question names another session or congress than the document's own
    (二十届四中全会 is not 十九届四中全会, though both are 四中全会)."""
    asked = _ordinals(plain)
    own = _ordinals(" ".join((*document.meta.names, fold(document.title), document.meta.occasion)))
    return bool(asked and own and not asked & own)


def _ordinal_name(plain: str) -> str:
    m = re.search(
        r"[一二三四五六七八九十]+(届[一二三四五六七八九十]中全会|大)(公报|决定|报告|决议)?", plain
    )
    return m.group(0) if m else "所问的文件"


_BOOK = re.compile(r"《([^》]{4,30})》")
_LAW_KINDS = (*KIND_WORDS, "法", "纲要", "公约")


def _book_title(folded: str) -> str:
    """A document the question names by its title in 《》 (a law, a regulation)."""
    m = _BOOK.search(folded)
    return m.group(1) if m and m.group(1).endswith(_LAW_KINDS) else ""


_ANNIVERSARY = re.compile(r"\d+周年")


def _name_tokens(document: Document) -> set[str]:
    """Words of a document's title, occasion and speaker that tell it from others: places,
    people and anniversaries (浙江, 马卫光, 95周年)."""
    from retrieval.segment import default_segmenter

    text = fold(" ".join((document.title, document.meta.occasion, document.meta.speaker)))
    tokens = set(_ANNIVERSARY.findall(text))
    tokens |= {w for w in default_segmenter().proper_nouns(text) if len(w) >= 2}
    if document.meta.speaker and " " not in document.meta.speaker:
        tokens.add(fold(document.meta.speaker))
    return tokens


def _named_by_token(documents: Sequence[Document], folded: str) -> list[Document]:
    """Documents named by a place, person or anniversary of their title that no other
    document's title shares, with the kind of document said too (95周年讲话, 马卫光讲话)
    or the place alone (浙江今年…): a place names a provincial document."""
    tokens = {d.doc: _name_tokens(d) for d in documents}
    counts: dict[str, int] = {}
    for found in tokens.values():
        for t in found:
            counts[t] = counts.get(t, 0) + 1
    if not _kind_words(folded) and "今年" not in folded:
        return []
    return [d for d in documents if any(t in folded and counts[t] == 1 for t in tokens[d.doc])]


def _years_of(named: Sequence[Document], delta: int) -> list[int]:
    return [d.meta.year + delta for d in named if d.meta.year is not None]


def _names_year(document: Document, plain: str) -> bool:
    return any(n in plain for n in document_names(document) if re.match(r"(19|20)\d\d年", n))


def _generic(named: Sequence[Document], plain: str) -> bool:
    """Whether the names matched are ones every year's document shares (政府工作报告), so a
    year the corpus lacks means the named document is missing."""
    return (
        all(any(n in plain and n == _year_free(n) for n in document_names(d)) for d in named)
        and len({d.meta.kind for d in named}) == 1
    )


def passage_years(passage: Passage, document_year: int | None) -> set[int]:
    """Years a passage speaks of: written out in it or its headings, or as 今年/去年
    relative to its document's date."""
    text = fold("\n".join((*passage.section, passage.text)))
    found = set(years_in(text))
    if document_year is not None:
        found |= {document_year + delta for w, delta in RELATIVE_YEARS.items() if w in text}
    return found
