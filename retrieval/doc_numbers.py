"""A document named by its number: the decree that made it (国务院令第505号, 505号令) or the
serial number an issued text carries (国办发〔2012〕4号, 国发23号文, 181号文).

A number is a document's own where its front says it as its own: at the start or end of the
title or in brackets there; at the start of a line (国办发〔2012〕4号, 【发文字号】…) standing
alone; in its history (2007年9月14日 国务院令第505号公布); after its own name at a line's end
(…条例(国务院令第466号)); under a decree's heading (中华人民共和国国务院令 / (第455号)). A
number cited in a sentence (根据《…》(国务院令第505号)…, 按照财综[2010]112号文件规定…) names
another text. Later editions keep the decree of the first in their history lines (2006年…令
第466号公布 / 根据2014年…修订), so a decree names, first, the edition it made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.catalog import memo
from retrieval.dates import last_full_date
from retrieval.editions import NEWEST
from retrieval.history import dated_to_the_day
from retrieval.model import Document
from retrieval.names import document_names, share_a_name
from retrieval.normalize import fold, plain_text
from retrieval.places import places_of

FRONT_PASSAGES = 12  # a text's own numbers sit in its first lines

# an issuer's character: not a date's, nor what runs on from a sentence or another number
_ISSUER = r"(?:(?![年月日号和与及为是的在按据以由经])[\u4e00-\u9fff])"
_OPEN, _CLOSE = r"[〔\[［【(（]", r"[〕\]］】)）]"
_DIGITS = r"[1-9]\d{0,4}"  # (not a licence's 00001)
_NUMBER = rf"(?P<n>{_DIGITS})"


def _serial(shortest: int) -> str:
    """A serial number: its letters, the year in brackets, the number (国办发〔2012〕4号)."""
    return (
        rf"(?P<prefix>{_ISSUER}{{{shortest},10}}?)\s*{_OPEN}\s*(?P<year>(?:19|20)\d\d)\s*{_CLOSE}"
        rf"\s*第?\s*{_NUMBER}\s*号"
    )


_LABEL_WORDS = r"(?:发文字号|发布文号|颁布文号|发文号|文号)"  # a site's label for a number
_LABEL = rf"^[\s•·]*(?:[【\[]?{_LABEL_WORDS}[】\]]?\s*[:：]?\s*)?[（(]?\s*"
# standing alone: the line ends, or a space, a title or a closing bracket follows
_OWN_SERIAL = re.compile(_LABEL + _serial(1) + r"(?=$|[\s《）)\]】〕])")
_SERIAL = re.compile(_serial(1))
_DOC_ISSUER = r"(?:(?![年月日号])[\u4e00-\u9fff])"  # (中华人民共和国国务院, with its 和)
_DECREE = re.compile(
    rf"(?P<issuer>{_DOC_ISSUER}{{2,24}}?)(?:令\s*[（(]?\s*第\s*{_NUMBER}\s*号\s*[）)]?"
    rf"|第\s*(?P<m>{_DIGITS})\s*号令)"  # 国务院令第505号, 国务院第373号令
)
_BARE_DECREE = re.compile(rf"^[（(]?\s*第\s*({_DIGITS})\s*号\s*[）)]?$")  # under a …令 line
# a decree making the text, in its history (…通过,1990年6月28日…主席令第28号公布)
_MADE = re.compile(r"\s*(?:公布|发布|修订|修正|第.次修)")
_CLAUSE_BREAK = re.compile(r"[，。；,;\s（(》]")
_LABELLED = re.compile(rf"{_LABEL_WORDS}[】\]]?\s*[:：]?$")
_DATED_TITLE = re.compile(r"[（(]\s*(?:19|20)\d\d\s*年?\s*[）)]$")  # 国务院令(2011年)
_SENTENCE = re.compile(r"[，。；,;]")

# as questions say them
_ORGAN = r"[院部局府委会署厅行]"  # who issues decrees: 国务院, 教育部, 总局, 人民政府
_ASKED_DECREE = re.compile(
    rf"(?P<issuer>{_ISSUER}{{0,16}}?{_ORGAN})?(?:令\s*第?\s*{_NUMBER}\s*号(?![文令])"
    rf"|第?\s*(?P<m>{_DIGITS})\s*号令)"
)
# the serial's letters end as an issuer's do (国办, 国发, 财教); none but after a word that
# is not a name (按188号文; not 中央1号文件)
_ASKED_SERIAL = re.compile(
    _serial(0) + rf"|(?:(?P<letters>{_ISSUER}{{0,8}}?[发函字办通规释综])"
    r"|(?<![\u4e00-\u9fff])|(?<=[按据照依的是在]))"
    rf"(?:(?P<year2>(?:19|20)\d\d)年)?(?P<n2>{_DIGITS})号文"
)
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年$")  # 2011年国务院令第596号
_YEAR = re.compile(r"(?:19|20)\d\d年")
_NEWER = re.compile(NEWEST)  # 修正后的教育部第12号令: the editions after it
# a question asking which text implements a number (哪个通知是为贯彻国务院令第888号发的)
_IMPLEMENTING = re.compile(r"(?:贯彻|落实|根据|依据|依照)\S{0,14}$")
_WHICH_TEXT = re.compile(r"哪[个份篇部项]?(?:文件|通知|意见|办法|规定|细则|方案|条例)|什么文件")
_STATE = "中华人民共和国"


@dataclass(frozen=True, slots=True)
class Number:
    kind: str  # "令" (a decree) or "文" (an issued text's serial number)
    n: int
    issuer: str  # the decree's issuer (国务院) or the serial's letters (国办发); may be ""
    year: int | None = None  # the serial's year, or the year of the day a decree was made


def own_numbers(document: Document) -> tuple[Number, ...]:
    """The numbers the document carries as its own, in the order its front says them."""
    found: list[Number] = []
    names = document_names(document)
    # the decree's heading may have been read as the issuer (国务院令 / (第455号))
    after_decree_line = document.meta.speaker.endswith("令")
    for i, text in enumerate(_front(document)):
        if "号" not in text and "號" not in text:  # (most lines: not worth folding)
            last = text.strip().rsplit("\n", 1)[-1]
            after_decree_line = _ends_decree(last) or (i == 0 and after_decree_line)
            continue
        for line in fold(text).splitlines():
            line = line.strip()
            if i == 0:
                serials = [m for m in _SERIAL.finditer(line) if _placed_as_own(line, m)]
            else:
                serials = [m] if (m := _OWN_SERIAL.match(line)) else []
            found += [_serial_number(m["prefix"], m["year"], m["n"]) for m in serials]
            for m in _DECREE.finditer(line):
                if _own_decree(line, m, names, in_title=i == 0):
                    dated = last_full_date(line[: m.start()])  # 1997年7月21日 国务院令第225号发布
                    issuer = _issuer(m["issuer"])
                    found.append(Number("令", int(m["n"] or m["m"]), issuer, dated and dated[0]))
            if after_decree_line and (bare := _BARE_DECREE.match(line)):
                found.append(Number("令", int(bare.group(1)), ""))
            after_decree_line = _ends_decree(line) or (i == 0 and after_decree_line)
    return tuple(dict.fromkeys(found))


def _own_decree(line: str, m: re.Match[str], names: tuple[str, ...], in_title: bool) -> bool:
    """Whether a decree on a front line is the text's own: in its history, after the step's
    date (…通过,1990年6月28日…主席令第28号公布,…); after a 文号 label; placed as a title's
    own; opening a line, or after its date alone or a history line's; after the text's own
    name ending a line (…条例(国务院令第466号)); not in a sentence (…,以主席令第28号公布)."""
    head = line[: m.start()].strip(" （(")
    if dated_to_the_day(_CLAUSE_BREAK.split(head)[-1]) and _MADE.match(line, m.end()):
        return True
    if _LABELLED.search(head):
        return True
    if in_title:
        return _placed_as_own(line, m)
    return (
        not head
        or re.fullmatch(r"[\d年月日\s]*", head) is not None
        or (dated_to_the_day(line) and not _SENTENCE.search(head))
        or (_ends_line(line, m) and plain_text(head).endswith(names))
    )


def _ends_decree(line: str) -> bool:
    """Whether a line is a decree's heading, its number on the next (国务院令(2011年) / 第596号)."""
    return _DATED_TITLE.sub("", line).endswith("令")


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


def _ends_line(line: str, m: re.Match[str]) -> bool:
    return not line[m.end() :].strip(" 。）)")


def _placed_as_own(title: str, m: re.Match[str]) -> bool:
    """Whether a number in a title is the title's own: ending it or in brackets after its
    name (…条例（国务院令第442号）), or opening it apart from the name (承市政办字[2023]1号
    承德市…, 国务院第373号令--…); not inside its words (关于贯彻落实园发〔2021〕12号文件的…)."""
    before, after = title[: m.start()], title[m.end() :]
    if _ends_line(title, m) or before.rstrip().endswith(("（", "(")):
        return True
    return not before.strip() and (
        not after or after[0].isspace() or after.startswith(("《", "-", "—"))
    )


def _serial_number(prefix: str, year: str | None, n: str) -> Number:
    return Number("文", int(n), prefix, int(year) if year else None)


def _issuer(text: str) -> str:
    return text.rsplit(_STATE, 1)[-1].lstrip("原前")


def asked_numbers(folded: str) -> list[tuple[Number, str]]:
    """The numbers `folded` names documents by, each with the words saying it (not a number
    of a text it asks for one implementing: 哪个通知是为贯彻国务院令第888号发的)."""
    asked: list[tuple[Number, re.Match[str]]] = []
    for m in _ASKED_DECREE.finditer(folded):
        before = _YEAR_BEFORE.search(folded, 0, m.start())  # 2011年国务院令第596号
        year = int(before[1]) if before else None
        asked.append((Number("令", int(m["n"] or m["m"]), _issuer(m["issuer"] or ""), year), m))
    for m in _ASKED_SERIAL.finditer(folded):
        if m["n"]:
            asked.append((_serial_number(m["prefix"], m["year"], m["n"]), m))
        elif m["letters"] or m["n2"] != "1":  # (1号文件 with no letters: the 中央一号文件 kind)
            before = _YEAR_BEFORE.search(folded, 0, m.start())  # 2012年国办发4号文
            year2 = m["year2"] or (before[1] if before else None)
            asked.append((_serial_number(m["letters"] or "", year2, m["n2"]), m))
    which = bool(_WHICH_TEXT.search(folded))
    return [
        (number, m[0])
        for number, m in asked
        if not (which and _IMPLEMENTING.search(folded, 0, m.end()))
    ]


@dataclass(frozen=True, slots=True)
class _Table:
    carrying: dict[tuple[str, int], list[tuple[int, Number]]]  # (kind, n): documents, how
    last_decree: list[int | None]  # each document's last decree: the edition it made


def _table(documents: Sequence[Document]) -> _Table:
    carrying: dict[tuple[str, int], list[tuple[int, Number]]] = {}
    last: list[int | None] = []
    for i, d in enumerate(documents):
        numbers = own_numbers(d)
        for number in numbers:
            carrying.setdefault((number.kind, number.n), []).append((i, number))
        last.append(next((n.n for n in reversed(numbers) if n.kind == "令"), None))
    return _Table(carrying, last)


def numbered(documents: Sequence[Document], folded: str) -> tuple[list[Document], list[str]]:
    """The documents whose own numbers `folded` says, and the words it says them with; none
    where no document carries a number asked."""
    if "号" not in folded:
        return [], []
    table = memo(documents, "own_numbers", lambda: _table(documents))
    chosen: set[int] = set()
    said = []
    for asked, words in asked_numbers(folded):
        carrying = table.carrying.get((asked.kind, asked.n), [])
        pairs = [(i, own) for i, own in carrying if _same(asked, own)]
        if not pairs:
            continue
        owners = sorted({i for i, _ in pairs})
        said.append(words)
        start = folded.find(words)
        # another year than the decree's (2020年修订的888号令)
        years = {int(y[:4]) for y in _YEAR.findall(folded[:start] + folded[start + len(words) :])}
        other_year = asked.year is None and bool(years - {own.year for _, own in pairs})
        if _says_newer(folded[max(0, start - 4) : start + len(words)]) or other_year:
            chosen.update(owners)  # an edition asked otherwise: 修正后的…, 2020年修订的…
            continue
        made = sorted({j for i, own in pairs for j in _made_by(documents, i, own, asked)})
        if asked.kind == "令":  # the edition whose last decree it is, before later ones
            made = [i for i in made if table.last_decree[i] == asked.n] or made
        chosen.update(made)
    return [documents[i] for i in sorted(chosen)], said


def _says_newer(words: str) -> bool:
    """Whether words ask for a newer edition (修正后的…, 现行…), said as words of their own
    (not the 新 of 新闻出版总署)."""
    from retrieval.segment import default_segmenter

    bounds = {b for w, at in default_segmenter().words(words) for b in (at, at + len(w))}
    return any(m.start() in bounds and m.end() in bounds for m in _NEWER.finditer(words))


def _made_by(documents: Sequence[Document], i: int, own: Number, asked: Number) -> list[int]:
    """Of a document carrying the decree asked, the edition that decree made: itself, or,
    where it is a later edition keeping the decree in its history, an edition of the same
    text dated the decree's year that prints the decree (its number, or its words 现予公布),
    wherever a page's menus left it; itself where none is held."""
    if own.year is None or documents[i].meta.year in (None, own.year):
        return [i]
    decree = re.compile(rf"(?<!\d)\s*{asked.n}\s*号|现予(?:公布|发布)")
    text = documents[i]
    editions = [
        j
        for j, d in enumerate(documents)
        if d.meta.year == own.year
        and share_a_name([d, text])
        and any(decree.search(fold(p.text)) for p in d.passages)
    ]
    return editions or [i]


def _same(asked: Number, own: Number) -> bool:
    if asked.kind != own.kind or asked.n != own.n:
        return False
    if asked.year is not None and own.year is not None and asked.year != own.year:
        return False
    if not asked.issuer or not own.issuer:
        return True
    if asked.kind == "文":
        # 国办 of 国办发; what runs into them on either side (贯彻国发〔2018〕42号; …的通知劳社部发
        # 〔2004〕22号 in a title); not 国发 of 国办发, nor 冀政办字 of 承市政办字
        return (
            own.issuer.startswith(asked.issuer)
            or own.issuer.endswith(asked.issuer)
            or asked.issuer.endswith(own.issuer)
        )
    # 住建部 of 住房和城乡建设部, 总局 of 国家…总局; not 教育部 of 公安部, nor 江西's of 新疆's
    places = places_of(asked.issuer, "", "")
    return _in_order(asked.issuer[-3:], own.issuer) and all(p in own.issuer for p in places)


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of `short` appear in `long` in order."""
    rest = iter(long)
    return all(c in rest for c in short)
