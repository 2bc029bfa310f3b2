"""A document named by its number: the decree that made it (国务院令第505号, 505号令) or the
serial number an issued text carries (国办发〔2012〕4号, 国发23号文, 181号文).

A number is a document's own where its front says it as its own: the title, a line that
starts with it (国办发〔2012〕4号, 【发文字号】…), a decree line (…国务院令第505号公布, 中华人民
共和国国务院令 / (第455号)). A number cited in a sentence (根据《…》(国务院令第505号)…,
按照财综[2010]112号文) names another text, not the one citing it. Later editions keep the
decree of the first in their history lines (2006年…令第466号公布 / 根据2014年…修订), so a
decree names, first, the edition it made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.catalog import memo
from retrieval.dates import last_full_date
from retrieval.model import Document
from retrieval.names import share_a_name
from retrieval.normalize import fold

FRONT_PASSAGES = 12  # a text's own numbers sit in its first lines

_HAN = r"[\u4e00-\u9fff]"
_LABEL = (
    r"^[\s•·]*(?:[【\[]?(?:发文字号|发布文号|颁布文号|发文号|文号)[】\]]?\s*[:：]?\s*)?[（(]?\s*"
)
_OPEN, _CLOSE = r"[〔\[［【(（]", r"[〕\]］】)）]"
# a serial number: the issuer's letters, the year in brackets, the number (国办发〔2012〕4号)
_SERIAL = (
    rf"(?P<prefix>{_HAN}{{1,10}}?)\s*{_OPEN}\s*(?P<year>(?:19|20)\d\d)\s*{_CLOSE}"
    r"\s*第?\s*(?P<n>\d{1,5})\s*号"
)
_OWN_SERIAL = re.compile(_LABEL + _SERIAL)
_TITLE_SERIAL = re.compile(_SERIAL)
_DECREE = re.compile(
    rf"(?P<issuer>{_HAN}{{2,24}}?)(?:令\s*[（(]?\s*第\s*(?P<n>\d{{1,5}})\s*号\s*[）)]?"
    r"|第\s*(?P<m>\d{1,5})\s*号令)"  # 国务院令第505号, 国务院第373号令
)
_MADE = re.compile(r"\s*(?:公布|发布|修订|修正|第.次修)")
_BARE_DECREE = re.compile(r"^[（(]?\s*第\s*(\d{1,5})\s*号\s*[）)]?$")  # under a …令 line

# as questions say them
_ORGAN = r"[院部局府委会署厅行]"  # who issues decrees: 国务院, 教育部, 总局, 人民政府
_ASKED_DECREE = re.compile(
    rf"(?P<issuer>{_HAN}{{0,12}}?{_ORGAN})?(?:令\s*第?\s*(?P<n>\d{{1,5}})\s*号(?![文令])"
    rf"|(?:(?:19|20)\d\d年)?第?\s*(?P<m>\d{{1,5}})\s*号令)"
)
_ASKED_SERIAL = re.compile(
    _SERIAL.replace("{1,10}?", "{0,10}?")
    + rf"|(?P<prefix2>{_HAN}{{0,8}}?[发函字办通规释综])?(?:(?P<year2>(?:19|20)\d\d)年)?"
    r"(?P<n2>\d{1,5})号文"
)
_STATE = "中华人民共和国"
_LATER = re.compile(r"(?:修订|修正|修改)后|现行|最新|新版")


@dataclass(frozen=True, slots=True)
class Number:
    kind: str  # "令" (a decree) or "文" (an issued text's serial number)
    n: int
    issuer: str  # the decree's issuer (国务院) or the serial's letters (国办发); may be ""
    year: int | None = None


def own_numbers(document: Document) -> tuple[Number, ...]:
    """The numbers the document carries as its own, in the order its front says them."""
    found: list[Number] = []
    # the decree's heading may have been read as the issuer (国务院令 / (第455号))
    after_decree_line = document.meta.speaker.endswith("令")
    for i, text in enumerate(_front(document)):
        for line in fold(text).splitlines():
            line = line.strip()
            serial = (_TITLE_SERIAL.search if i == 0 else _OWN_SERIAL.match)(line)
            if serial:
                found.append(_serial(serial["prefix"], serial["year"], serial["n"]))
            for decree in _DECREE.finditer(line):
                head = line[: decree.start()].strip(" （(")
                if (
                    i == 0
                    or _MADE.match(line, decree.end())
                    or not line[decree.end() :].strip(" 。")  # …条例(国务院令第466号)
                    or re.fullmatch(r"[\d年月日\s]*", head)
                ):
                    dated = last_full_date(head)  # 1997年7月21日 国务院令第225号发布
                    number = int(decree["n"] or decree["m"])
                    issuer = _issuer(decree["issuer"])
                    found.append(Number("令", number, issuer, dated[0] if dated else None))
            if after_decree_line and (bare := _BARE_DECREE.match(line)):
                found.append(Number("令", int(bare.group(1)), ""))
            after_decree_line = line.endswith("令") or (i == 0 and after_decree_line)
    return tuple(dict.fromkeys(found))


def _front(document: Document) -> list[str]:
    """The title, then the first passages with the headings above them, in reading order."""
    lines, seen = [document.title], set()
    for passage in document.passages[:FRONT_PASSAGES]:
        for heading in passage.section:
            if heading not in seen:
                seen.add(heading)
                lines.append(heading)
        lines.append(passage.text)
    return lines


def _serial(prefix: str, year: str | None, n: str) -> Number:
    return Number("文", int(n), prefix, int(year) if year else None)


def _issuer(text: str) -> str:
    return text.rsplit(_STATE, 1)[-1].lstrip("原前")


def asked_numbers(folded: str) -> list[tuple[Number, str]]:
    """The numbers `folded` names documents by, each with the words saying it."""
    asked = []
    for m in _ASKED_DECREE.finditer(folded):
        issuer = _issuer(m["issuer"] or "")
        asked.append((Number("令", int(m["n"] or m["m"]), issuer), m.group(0)))
    for m in _ASKED_SERIAL.finditer(folded):
        if m["n"]:
            asked.append((_serial(m["prefix"], m["year"], m["n"]), m.group(0)))
        else:
            asked.append((_serial(m["prefix2"] or "", m["year2"], m["n2"]), m.group(0)))
    return asked


def numbered(documents: Sequence[Document], folded: str) -> tuple[list[Document], list[str]]:
    """The documents whose own numbers `folded` says, and the words it says them with; none
    where no document carries a number asked."""
    if "号" not in folded:
        return [], []
    table = memo(documents, "own_numbers", lambda: [own_numbers(d) for d in documents])
    chosen: set[int] = set()
    said = []
    for asked, words in asked_numbers(folded):
        owners = [i for i, numbers in enumerate(table) if any(_same(asked, n) for n in numbers)]
        # the edition a decree made: of the decree's year where one is held beside a later
        # edition keeping it in its history, else the one whose last decree it is
        # (修正后的教育部第12号令: the editions after it)
        start = folded.find(words)
        if _LATER.search(folded[max(0, start - 4) : start + len(words)]):
            made = owners
        else:
            made = sorted({j for i in owners for j in _made_by(documents, table, i, asked)})
            made = [i for i in made if _same(asked, _last(table[i], asked.kind))] or made
        if owners:
            chosen.update(made)
            said.append(words)
    return [documents[i] for i in sorted(chosen)], said


def _made_by(
    documents: Sequence[Document], table: Sequence[tuple[Number, ...]], i: int, asked: Number
) -> list[int]:
    year = next((n.year for n in table[i] if _same(asked, n) and n.year), None)
    if year is None or documents[i].meta.year in (None, year):
        return [i]
    text = documents[i]
    editions = [
        j for j, d in enumerate(documents) if d.meta.year == year and share_a_name([d, text])
    ]
    return editions or [i]


def _last(numbers: Sequence[Number], kind: str) -> Number | None:
    return next((n for n in reversed(numbers) if n.kind == kind), None)


def _same(asked: Number, own: Number | None) -> bool:
    if own is None or asked.kind != own.kind or asked.n != own.n:
        return False
    if asked.year is not None and own.year is not None and asked.year != own.year:
        return False
    if not asked.issuer or not own.issuer:
        return True
    if asked.kind == "文":
        # 国办 of 国办发; the same last letters, whatever words run into them (贯彻国发〔2018〕
        # 42号; …的通知劳社部发〔2004〕22号 in a title); not 国发 of 国办发
        shorter = min(len(asked.issuer), len(own.issuer), 2)
        return (
            own.issuer.startswith(asked.issuer) or asked.issuer[-shorter:] == own.issuer[-shorter:]
        )
    return asked.issuer[-1] == own.issuer[-1]  # 部, 局, 院: 原总局 of 国家…总局
