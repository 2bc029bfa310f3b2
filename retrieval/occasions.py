"""Speeches named by their occasion, which the corpus may not hold.

A speech marking a person's birth anniversary (在纪念毛泽东同志诞辰120周年座谈会上的讲话) is
told from another by the person and the number of years, as an edition by its number: a
question naming one is answered from the speech of that person and number, and from no other
when the corpus holds such speeches but not that one (诞辰130周年 asked, 120 held; 周恩来 asked,
毛泽东 and 朱德 held). A speech asked for by its occasion (在2020届高三毕业典礼上的讲话) that no
document's title or occasion comes near is missing where the corpus holds other speeches:
speeches share most of their wording, so words alone would answer from the wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.datelines import is_dateline
from retrieval.dates import CN_NUMBER, chinese_number
from retrieval.history import is_history
from retrieval.laws import ABBREVIATION_SHARE, OPENING_PASSAGES
from retrieval.metadata import HELD
from retrieval.model import Document, Passage
from retrieval.normalize import fold, plain_text

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


LEAD_PASSAGES = 3  # a news report says what it reports in its first passages


def _lead(document: Document) -> str:
    """A document's first headings and passages, where a report says what it reports."""
    heads = [h.path[-1] for h in document.headings[:LEAD_PASSAGES]]
    return " ".join([*heads, *(p.text for p in document.passages[:LEAD_PASSAGES])])


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
        # as its title, occasion or lead says (a report: 中共中央举行纪念…诞辰120周年座谈会)
        lambda: [_anniversaries(f"{d.title} {d.meta.occasion} {_lead(d)}") for d in documents],
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


# a speech asked for by its occasion: 在2020届高三毕业典礼上的讲话, 第二批主题教育总结大会上…讲了,
# …大会上对团员青年提了; not an instruction, letter or reply given there (…领导小组会议上的
# 批示讲了什么: 批示, 指示, 贺信, 批复), which the texts report rather than print
_OCCASION_ASKED = re.compile(
    r"([\u4e00-\u9fff\d]{4,40}?(?:会议|大会|会|典礼|论坛|仪式|研讨班|培训班|开班式))"
    r"上(?:的?(?:讲话|发言|致辞)|(?:(?!批示|指示|贺信|批复)[\u4e00-\u9fff]){0,8}?"
    r"(?:讲了|提了|说了|强调了?))"
)
MIN_OCCASION_CHARS = 6  # 这次会 says no occasion
# an occasion pointed at (广州那场座谈会, 此次大会) is one the question takes as held: no name
_POINTED = re.compile(r"[那这](?:一)?[场次个届]|[此该]次")


def unheld_occasion(documents: Sequence[Document], named: Sequence[Document], folded: str) -> str:
    """The occasion a question asks a speech of, when the corpus holds speeches but none of
    the documents the question names (or of all, when it names none) has a title, subtitle
    or occasion holding nearly all of its characters."""
    asked = _OCCASION_ASKED.search(folded)
    if not asked or not memo(
        documents, "holds_speeches", lambda: any(d.meta.kind == "讲话" for d in documents)
    ):
        return ""
    # the occasion, not the date it is asked of (2016年1月…研讨班)
    occasion = plain_text(re.sub(r"^.*?在|^[\d年月日]+", "", asked.group(1)))
    # (nor one asked about: 在哪一年政协联组会上, 是哪年哪次会议上)
    if len(occasion) < MIN_OCCASION_CHARS or _POINTED.search(occasion) or "哪" in occasion:
        return ""
    said = (
        [_introduced(d) for d in named]
        if named
        else memo(documents, "introduced", lambda: [_introduced(d) for d in documents])
    )
    near = any(
        sum(ch in text for ch in occasion) >= ABBREVIATION_SHARE * len(occasion) for text in said
    )
    return "" if near else f"在{occasion}上的讲话"


# …在…上的讲话, or a report of the meeting (…工作会议在杭召开, …会议8月21日至22日在北京召开)
_INTRODUCES_SPEECH = re.compile(
    rf"在.{{2,40}}?上的(?:讲话|发言|致辞)"
    rf"|(?:会议|大会|全会|论坛|座谈会)[^，。；！？]{{0,16}}?在[^，。；！？]{{1,12}}?{HELD}"
)


def _introduced(document: Document) -> str:
    """Where a document says what it is: its title, subtitle and occasion, and a bundle's
    first headings and the lines that introduce a speech or report a meeting at the start
    of it or of one of its parts (本月推荐…盛阅春…在市政府八届五次全体会议上的讲话), not a
    speech's own opening (…90年来，中国共产党…)."""
    # and where a bundle's texts begin: the first passage under each of its parts
    # (02习近平：… / 全国宣传思想工作会议8月21日至22日在北京召开)
    firsts: dict[str, Passage] = {}
    for p in document.passages if document.meta.kind != "讲话" else ():
        if p.section:  # (a speech's own parts recall other meetings)
            firsts.setdefault(p.section[0], p)
    starts = [*document.passages[:OPENING_PASSAGES], *firsts.values()]
    opening = (p.text for p in starts if _INTRODUCES_SPEECH.search(p.text))
    tops = (h.path[0] for h in document.headings[:OPENING_PASSAGES])
    meta = document.meta
    return plain_text(" ".join((document.title, meta.subtitle, meta.occasion, *tops, *opening)))


# a meeting or study session told by its number (第十三次会议, 第二十五次集体学习, 第十三次深改委会,
# 第十二次党代会); not a revision or reading of a law (第二次修正是在哪次会议上通过的), nor 会 as
# "will" or of another word (第一次申领身份证会收费吗, 会计)
_MEETING = re.compile(
    rf"第(\d{{1,3}}|[{CN_NUMBER}]{{1,5}})次"
    r"(?:(?!修正|修订|修改|审议|提请|申领)[^，。？！,.?!]){0,8}?"
    r"(?:会议|全会|大会|代会|委会|集体学习)"
)
MAX_NEWS_HEADLINE_CHARS = 80  # a news headline and its subtitle
NAME_BEFORE_NUMBER = 12  # characters of the body's name before its number (…改革委员会)


def meeting_numbers(text: str) -> frozenset[int]:
    """The numbers of the meetings `text` names (第十三次会议: 13)."""
    found = (chinese_number(m.group(1)) for m in _MEETING.finditer(text))
    return frozenset(n for n in found if n is not None)


def named_by_meeting(documents: Sequence[Document], folded: str) -> list[Document]:
    """The one document whose title, top-level heading or a headline among its passages (a
    study page's news items) names the meeting a question names by its number
    (第十三次深改委会上听取了什么汇报 for 习近平主持召开中央全面深化改革委员会第十三次会议…);
    none where several share the number (two bodies' 第五次会议) or none has it."""
    asked = meeting_numbers(folded)
    if not asked:
        return []
    meetings = _meetings(documents)
    holding = [d for d, held in zip(documents, meetings, strict=True) if held.keys() & asked]
    return holding if len(holding) == 1 else []


def meeting_headlines(
    documents: Sequence[Document], named: Sequence[Document], folded: str
) -> tuple[str, ...]:
    """How the headlines of the `named` documents of a catalog name the meetings a question
    names by number (中央全面深化改革委员会第十一次会议), folded: those words name the
    document, not what is asked of it (the headline repeats them and would outrank the
    paragraph asked). Only the name, not the headline's other words: they may be what is
    asked."""
    asked = meeting_numbers(folded)
    if not asked or not named:
        return ()
    docs = {d.doc for d in named}
    names = (
        name
        for d, held in zip(documents, _meetings(documents), strict=True)
        if d.doc in docs
        for number in sorted(held.keys() & asked)
        for name in held[number]
    )
    return tuple(dict.fromkeys(names))


def _meetings(documents: Sequence[Document]) -> list[dict[int, tuple[str, ...]]]:
    """For each document of a catalog, once: the meetings its headlines name by number, and
    how they name them (the body's name before the number, folded)."""
    return memo(documents, "meetings", lambda: [_meetings_of(d) for d in documents])


def _meetings_of(document: Document) -> dict[int, tuple[str, ...]]:
    named: dict[int, list[str]] = {}
    for headline in _headlines(document):
        for m in _MEETING.finditer(headline):
            if (number := chinese_number(m.group(1))) is not None:
                name = fold(headline[max(0, m.start() - NAME_BEFORE_NUMBER) : m.end()])
                named.setdefault(number, []).append(name)
    return {number: tuple(dict.fromkeys(names)) for number, names in named.items()}


def _headlines(document: Document) -> list[str]:
    """A document's title, top-level headings and headlines (a short passage with no
    sentence in it: a study page's news items); not the sessions that adopted a law (its
    history line)."""
    tops = sorted({p.section[0] for p in document.passages if p.section})
    headlines = [
        p.text
        for p in document.passages
        if len(p.text) <= MAX_NEWS_HEADLINE_CHARS
        and not re.search(r"[。！？!?]", p.text)
        and not is_history(p.text)
        and not is_dateline(p)  # the day and meeting it was given at name no occasion of it
    ]
    return [document.title, *tops, *headlines]
