"""Documents named by a token of their title that no other title has: a place, a person
or an anniversary (马卫光讲话, 95周年讲话), a speaker named alone, or a run of the title's
characters (廉政谈话第三部分)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from retrieval.catalog import Substrings, memo, owners_of
from retrieval.laws import LAW_ENDINGS, OPENING_PASSAGES
from retrieval.markers import CN_NUM
from retrieval.metadata import _ISSUERS, HELD, KINDS, PROVINCE_SHORT, is_organ
from retrieval.model import Document
from retrieval.normalize import fold, plain_text
from retrieval.places import NATIONAL, is_place_name, places_of

_ANNIVERSARY = re.compile(r"\d+周年")
# and the event held for it, which tells the 70周年大会 from the 70周年招待会 of one week
_ANNIVERSARY_EVENT = re.compile(r"\d+周年(?:纪念)?(?:大会|座谈会|招待会|仪式|晚会)")


def other_anniversary(document: Document, folded: str) -> bool:
    """Whether the question names an anniversary and the document's title another one."""
    asked = set(_ANNIVERSARY.findall(folded))
    own = {t for t in name_tokens(document) if _ANNIVERSARY.fullmatch(t)}
    return bool(asked and own and not asked & own)


def name_tokens(document: Document) -> frozenset[str]:
    """Words of a document's title, occasion and speaker that tell it from others: places,
    people and anniversaries (浙江, 马卫光, 95周年)."""
    return _tokens_of(document.title, document.meta.occasion, document.meta.speaker)


_HELD_IN = re.compile(rf"在[\u4e00-\u9fff]{{1,6}}?{HELD}")
_EDITION_NOTE = re.compile(
    r"[（(][^（）()]{0,8}?(?:修正|修订|修改|草案|试行|暂行)[^（）()]{0,8}[）)]"
)
# views and suggestions (意见建议), which a question asks of any text, name no kind of text
_FEEDBACK = re.compile(r"意见(?:和|与)?建议|建议(?:和|与)?意见")


@cache  # once per document: a question compares them all
def _tokens_of(title: str, occasion: str, speaker: str) -> frozenset[str]:
    from retrieval.segment import default_segmenter

    text = fold(" ".join((title, occasion, speaker)))
    # where a meeting was held is no place the document is of (…会议在北京举行), nor is a
    # note of the edition a name (…保障法(修正): jieba tags 修正 a person's name)
    text = _EDITION_NOTE.sub("", _HELD_IN.sub("", text))
    tokens = set(_ANNIVERSARY.findall(text))
    # 70周年纪念大会 is the 70周年大会 a question names
    tokens |= {event.replace("纪念", "") for event in _ANNIVERSARY_EVENT.findall(text)}
    segmenter = default_segmenter()  # and 北京 of 北京市政府 (one word to jieba), not 在全市
    tokens |= {p for p in places_of(title, "", occasion) if segmenter.is_place(p)}
    for noun in segmenter.proper_nouns(text):
        if noun.endswith(LAW_ENDINGS):
            continue  # a law's name (安全法 of 特种设备安全法) names it as a law, not a token
        tokens.add(noun)
        if len(noun) >= 3 and noun[-1] in "省市县区":
            tokens.add(noun[:-1])  # 湖北省 is 湖北 in a question
    if speaker and " " not in speaker and not _ISSUERS.fullmatch(speaker):
        tokens.add(fold(speaker))  # a person; an issuer (中国共产党) names nearly everything
    return frozenset(tokens)


_THOUGHT = re.compile(r"[\u4e00-\u9fff]{2,4}(?:新时代[^\W\d的]{0,12}?|[^\W\d的]{2,4}?)思想")


def named_by_speaker(documents: Sequence[Document], folded: str) -> list[Document]:
    """The speech of a speaker named alone (朱镕基那届政府…), not a body of thought named after
    him (习近平文化思想, 习近平新时代中国特色社会主义思想), nor the speech of one whom another
    document's news reports (施小琳主持座谈会并讲话): the question may be of that page."""
    named = named_by_unique(documents, "speakers", _speaker, _THOUGHT.sub("", folded))
    reported = _reported_speakers(documents)
    return [d for d in named if d.doc not in reported]


def named_by_title_token(documents: Sequence[Document], folded: str) -> list[Document]:
    """Documents named by a place, person or anniversary of their title (马卫光讲话, 95周年
    讲话), but not by their speaker alone where another page reports him and the question
    does not say the document's kind either (施小琳…发言后, not 施小琳的报告)."""
    named = named_by_unique(documents, "name_tokens", long_name_tokens, folded)
    reported = _reported_speakers(documents)
    # (nor by a place of its title where the question says another kind: 杨松闭幕讲话里…对湖北
    # is not his 工作报告 of 湖北's conference)
    asked = _FEEDBACK.sub("", folded)
    said = {kind for word, kind in KINDS if word in asked}
    return [
        d
        for d in named
        if d.doc not in reported
        or (d.meta.kind and d.meta.kind in folded)
        or (
            not said - {d.meta.kind} and any(t in folded for t in long_name_tokens(d) - _speaker(d))
        )
    ]


def _reported_speakers(documents: Sequence[Document]) -> frozenset[str]:
    """The documents whose speaker another document's opening passages name (a news page on
    his meeting), worked out once per catalog."""

    def build() -> frozenset[str]:
        openings = [
            (d.doc, " ".join(p.text for p in d.passages[:OPENING_PASSAGES])) for d in documents
        ]
        return frozenset(
            d.doc
            for d in documents
            if (speaker := d.meta.speaker)
            and any(speaker in text for doc, text in openings if doc != d.doc)
        )

    return memo(documents, "reported_speakers", build)


def _speaker(document: Document) -> frozenset[str]:
    # a body named alone is what a law's articles speak of (财政部应当…), not its report
    speaker = document.meta.speaker
    return frozenset([speaker]) if len(speaker) >= 2 and not is_organ(speaker) else frozenset()


def long_name_tokens(document: Document) -> frozenset[str]:
    return frozenset(t for t in name_tokens(document) if len(t) >= 2)


FRAGMENT_CHARS = 4  # a run of a title this long that no other title has names its document


# a heading's number (第十三条, 第二章, 三、): what it is called is the rest, if anything
_MARKER = re.compile(rf"^(?:第[{CN_NUM}\d]+(?:编|章|节|条|部分|篇)|[{CN_NUM}]+[、．.])\s*")


def named_by_fragment(
    documents: Sequence[Document], question: str, headings: bool = False
) -> list[Document]:
    """Documents whose title or occasion (or, with `headings`, a top-level heading) has a
    run of FRAGMENT_CHARS characters, found in no other document's, that the question quotes
    ("廉政谈话第三部分" for a 廉政谈话 speech, "赤诚之心那部分" for its part)."""

    def runs(d: Document) -> frozenset[str]:
        texts = (
            [_MARKER.sub("", h.path[0]) for h in d.headings if len(h.path) == 1]
            if headings
            else [d.title, d.meta.occasion, d.meta.subtitle]
        )
        return _runs(plain_text(" ".join(texts)))

    key = "heading_runs" if headings else "title_runs"
    return named_by_unique(documents, key, runs, plain_text(question))


@cache
def _runs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + FRAGMENT_CHARS] for i in range(len(text) - FRAGMENT_CHARS + 1))


def named_by_unique(
    documents: Sequence[Document],
    key: str,
    tokens_of: Callable[[Document], frozenset[str]],
    question: str,
) -> list[Document]:
    """Documents with a token (a place, a name, a run of the title: `tokens_of`, tables
    kept under `key`) that no other document has and the question holds."""
    unique, owner = unique_tokens(documents, key, tokens_of)
    return [documents[i] for i in sorted({owner[t] for t in unique.within(question)})]


def unique_tokens(
    documents: Sequence[Document], key: str, tokens_of: Callable[[Document], frozenset[str]]
) -> tuple[Substrings, dict[str, int]]:
    """The tokens only one document has, and that document's position (kept under `key`)."""
    return memo(documents, key, lambda: _unique_tokens(documents, tokens_of))


def _unique_tokens(
    documents: Sequence[Document], tokens_of: Callable[[Document], frozenset[str]]
) -> tuple[Substrings, dict[str, int]]:
    """The tokens only one document has, and that document's position."""
    owner = {
        t: found[0] for t, found in owners_of(documents, tokens_of)[1].items() if len(found) == 1
    }
    return Substrings(owner), owner


def place_tokens(document: Document) -> frozenset[str]:
    """Places a document's title, subtitle or occasion names (广东省… → 广东), with a
    province's short name (粤)."""
    speaker = fold(document.meta.speaker)  # a person (王琛) is no place
    places = places_of(document.title, document.meta.subtitle, document.meta.occasion) | {
        t
        for t in name_tokens(document)
        if not t[0].isdigit()
        and is_place_name(t)
        and t not in NATIONAL
        and t != speaker
        # nor a law's name jieba tags as a proper noun (数据安全法: 数据 / 安全法)
        and not t.endswith(LAW_ENDINGS)
    }
    return places | {PROVINCE_SHORT[p] for p in places if p in PROVINCE_SHORT}


OPENING_CHARS = 60  # a page's first words, where its headline leaves its place unsaid


def whose(document: Document) -> str:
    """Where a document says whose it is: its title, and where that names no place (县委召开
    党外人士座谈会…), its opening too (中共渠县县委第十四届八次全会举行前夕…)."""
    title = fold(document.title)
    if place_tokens(document) or not document.passages:
        return title
    return title + fold(document.passages[0].text[:OPENING_CHARS])
