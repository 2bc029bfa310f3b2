"""Session and congress numbers (十九届, 二十大) that a question or a document names.

A question naming one picks the document of that session among others of the same kind
(二十届四中全会 is not 十九届四中全会); a number the corpus's documents of that kind never
carry names a document it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.dates import CN_NUMBER, chinese_number, cn_numeral
from retrieval.model import Document
from retrieval.normalize import fold
from retrieval.segment import word_tags

# a session (十九届) or a party congress (十九大: its number has a 十 in it, unlike 七大战略)
_ORDINAL = re.compile(
    # 哪一届, 上一届, 每一届 ask or point; they number no session
    r"(?<![哪每同上下这那一二三四五六七八九十])"
    r"([一二三四五六七八九十]+届|[一二]?十[一二三四五六七八九]?大"
    # 十九大报告, 二十大以来; not 十大工程 or 七大战略
    r"(?=报告|精神|以来|上|期间|召开|代表|党章|通过|提出|强调|部署|的|前|后|和|、|[^\u4e00-\u9fff]|$))"
)


def ordinals(text: str) -> set[str]:
    """Session and congress numbers a text names: 十九届, 二十大."""
    return {m.group(0) for m in _ORDINAL.finditer(text)}


_SINCE = re.compile(r"以来|以后|之后|以前|之前|期间|前|后")


def naming_ordinals(text: str) -> set[str]:
    """`ordinals` that name a document or meeting, not a period (十八大以来, 十九届六中全会后)."""
    return {m.group(0) for m in _ORDINAL.finditer(text) if not _SINCE.match(text, m.end())}


def named_ordinals(document: Document) -> set[str]:
    return ordinals(" ".join(document.meta.names))


# a term's numbered session (政协十一届二次会议, 七届人大三次会议, 十一届全国人大二次会议)
_SESSION = re.compile(
    r"([一二三四五六七八九十]+)届[\u4e00-\u9fff]{0,4}?([一二三四五六七八九十]+)次"
)


# (during one names it: 十一届二次会议期间)
_SESSION_SINCE = re.compile(r"(?:会议|全会)?(?:以来|以后|之后|以前|之前|前|后)")


def _sessions(text: str, naming: bool = False) -> set[tuple[str, str]]:
    """The (term, session) pairs a text names; `naming`: not a period (十一届二次会议以来)."""
    return {
        (m[1], m[2])
        for m in _SESSION.finditer(text)
        if not (naming and _SESSION_SINCE.match(text, m.end()))
    }


# a plenum a question names by term and session (萧山区纪委十六届三次全会), and any session
# a text speaks of, however long the body's name between (第十六届纪律检查委员会第4次) but
# within a clause; a local committee's plenum said as 中全会 (省委十五届三中全会) too, not
# the party's (二十届三中全会), which local bodies' terms do not number. Not a class (2024届)
_SESSION_NUMBER = rf"([{CN_NUMBER}]+|\d{{1,3}})"
_TERM = rf"(?<!\d){_SESSION_NUMBER}届"
_PLENUM_ASKED = re.compile(
    # (not a sitting of a plenum: 二十届三中全会第二次全体会议)
    rf"{_TERM}(?:(?!全会)[\u4e00-\u9fff]){{0,4}}?第?{_SESSION_NUMBER}次"
    r"(?:全会|全体(?:扩大)?会议)"
)
_SESSION_SAID = re.compile(
    rf"{_TERM}[\u4e00-\u9fff\d]{{0,12}}?第?{_SESSION_NUMBER}次"
    rf"|(?<=[省市县区州]委){_TERM}{_SESSION_NUMBER}中全会"
)


def unheld_plenum(documents: Sequence[Document], plain: str) -> str:
    """A plenum the question names that no text of the corpus speaks of, where texts speak
    of other sessions of that term (十六届二次 and 四次 for 十六届三次全会): one it does not
    hold, '' otherwise. Plenums only: a two sessions' page may leave its session unsaid."""
    asked = [m for m in _PLENUM_ASKED.finditer(plain) if not _SESSION_SINCE.match(plain, m.end())]
    if not asked:
        return ""

    def build() -> frozenset[tuple[str, str]]:
        texts = (
            fold(text)
            for d in documents
            for text in (d.title, d.meta.occasion, *(p.text for p in d.passages))
        )
        return frozenset(_session(m) for t in texts for m in _SESSION_SAID.finditer(t))

    said = memo(documents, "sessions_said", build)
    terms = {term for term, _ in said}
    for m in asked:
        if _session(m) not in said and _session(m)[0] in terms:
            return m.group(0)
    return ""


def _session(m: re.Match[str]) -> tuple[str, str]:
    """(term, session) as one spelling: 第3次 and 三次, 十六届 and 16届 alike."""
    term, session = (g for g in m.groups() if g is not None)
    return _number(term), _number(session)


def contradicts(document: Document, plain: str) -> bool:
    """Whether the question names another session or congress than the document's own
    (二十届四中全会 is not 十九届四中全会, though both are 四中全会; 十八大以来 names none;
    省政协十一届二次会议 is not 十一届三次)."""
    text = " ".join((*document.meta.names, fold(document.title), document.meta.occasion))
    asked, own = naming_ordinals(plain), ordinals(text)
    sessions, held = _sessions(plain, naming=True), _sessions(text)
    return bool(asked and own and not asked & own) or bool(
        sessions and held and not sessions & held
    )


def ordinal_name(plain: str) -> str:
    """The session's document as the question names it (二十届四中全会公报), for the reply."""
    m = re.search(
        r"[一二三四五六七八九十]+届[^，。？?]{0,8}?(全会|全体会议)(公报|决定|报告|决议|讲话)?"
        r"|[一二]?十[一二三四五六七八九]?大(报告)?",
        plain,
    )
    return m.group(0) if m else "所问的文件"


# a numbered edition of an event or award: 第二届全国文明家庭, 第三批试点
_NUMBERED = re.compile(rf"第([{CN_NUMBER}\d]+)(届|次|批|期|轮)([\u4e00-\u9fff]{{2}})")


def asked_ordinals(question: str) -> list[tuple[str, str, str]]:
    """The numbered editions a question asks about: (number, unit, the noun after them),
    as in 第二届全国文明家庭 → (二, 届, 全国)."""
    return [(m.group(1), m.group(2), m.group(3)) for m in _NUMBERED.finditer(question)]


def other_edition(asked: Sequence[tuple[str, str, str]], texts: Sequence[str]) -> bool:
    """Whether the passages speak of other editions of what the question numbers (第一届
    全国文明家庭 for 第二届…) and never of the one asked: the corpus does not hold it."""
    for number, unit, noun in asked:
        said = {
            m.group(1)
            for text in texts
            for m in _NUMBERED.finditer(text)
            if (m.group(2), m.group(3)) == (unit, noun)
        }
        if said and number not in said:
            return True
    return False


_N = f"[{CN_NUMBER}]+"
# a national congress, the party's or the organisation's before it (中国工会…: 工会十八大)
_CONGRESS = re.compile(rf"(?:中国([\u4e00-\u9fff]{{1,8}}?))?第({_N})次全国代表大会")
# a province's or city's party congress (中国共产党浙江省第十五次代表大会, 杭州市第十三次党代会)
_LOCAL_CONGRESS = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?[省市州县])第({_N})次(?:代表大会|党代会)")
_PLACE_LEVEL = re.compile(r"(?<=..)[省市州县]$")
_PLENUM = re.compile(rf"第?({_N})届中央委员会第({_N})次全体会议")
# a province's or city's party committee in plenum: 四川省委十二届二次全会 as people say it
_LOCAL_PLENUM = re.compile(
    rf"(?:(?:中国共产党|中共)([\u4e00-\u9fff]{{2,8}}?[省市州县])(?:委员会)?第({_N})届(?:委员会)?"
    rf"第({_N})次全体会议|(?:中共)?([\u4e00-\u9fff]{{0,8}}?[省市州县])委({_N})届({_N})次全会)"
)
_DISCIPLINE = re.compile(rf"第?({_N})届中央纪律检查委员会第({_N})次全体会议")
_SHORT_PLENUM = re.compile(rf"{_N}届(?:{_N}中全会|中央纪委{_N}次全会)")
_NPC = re.compile(rf"第({_N})届全国人民代表大会第({_N})次会议")


def meeting_names(text: str, kind: str) -> list[str]:
    """The short names of the congresses and plenums a title names, as people say them
    (十九大报告, 十九届四中全会, 四川省委十二届二次全会), each also with the text's kind."""
    names: list[str] = []
    for m in _CONGRESS.finditer(text):
        short, body = f"{_number(m.group(2))}大", m.group(1) or "共产党"
        party = body == "共产党"
        for name in (short, "党的" + short) if party else (body + short, f"中国{body}{short}"):
            names += [name, f"{name}{kind}" if kind else name]
    for m in _LOCAL_CONGRESS.finditer(text):
        place = m.group(1).removeprefix("中国共产党")
        for where in dict.fromkeys((place, _PLACE_LEVEL.sub("", place))):
            short = f"{where}第{m.group(2)}次党代会"
            names += [short, f"{short}{kind}", f"{where}党代会{kind}"] if kind else [short]
    for m in _PLENUM.finditer(text):
        session, plenum = _number(m.group(1)), _number(m.group(2))
        for short in (f"{session}届{plenum}中全会", f"{plenum}中全会"):
            names += [short, f"{short}{kind}" if kind else short]
    for m in _LOCAL_PLENUM.finditer(text):
        said, session, plenum = (g for g in m.groups() if g is not None)
        place = _place_named(said)
        held = f"{_number(session)}届{_number(plenum)}次全会"
        for short in dict.fromkeys((f"{place}委{held}", f"{said[-1]}委{held}", held)):
            names += [short, f"{short}{kind}" if kind else short]
        if len(place) > 1:
            names.append(f"{place}委全会")  # 四川省委全会: any of its plenums, as 政府工作报告
    for m in _SHORT_PLENUM.finditer(text):  # a title that already uses the short name
        # 二十届一中全会, and 一中全会 as the full name's plenum goes by: where the text is of
        # the plenum (在党的二十届一中全会上的讲话), not of a longer occasion about it
        # (学习贯彻党的十八届五中全会精神专题研讨班), nor of 中央纪委六次全会
        bare = m.group(0).split("届", 1)[1]
        own = "中全会" in bare and re.match(r"$|\s|上|公报|讲话|决定", text[m.end() :])
        for short in (m.group(0), *([bare] if own else [])):
            names += [short, f"{short}{kind}" if kind else short]
    for m in _DISCIPLINE.finditer(text):
        session, plenum = _number(m.group(1)), _number(m.group(2))
        names += [f"{session}届中央纪委{plenum}次全会", f"中央纪委{plenum}次全会", "中纪委全会"]
    for m in _NPC.finditer(text):
        names.append(f"{_number(m.group(1))}届全国人大{_number(m.group(2))}次会议")
    return names


def another_places_plenum(name: str, question: str, own: Sequence[str], title: str) -> bool:
    """Whether `name` (十二届三次全会, 省委十二届三次全会) is said in the question inside a
    plenum named with a place (湖北省委十二届三次全会) that neither the document's own names
    nor its title (中共成都市委召开…征求对市委十四届二次全会文件…的意见) hold."""
    said = [m for n in meeting_names(question, "") if (m := _PLACED_PLENUM.fullmatch(n))]
    return any(
        name in m.group(0) and m.group(0) != name and m.group(0) not in own
        and m.group(1) not in title
        for m in said
    )  # fmt: skip


_PLACED_PLENUM = re.compile(r"([\u4e00-\u9fff]{2,}?)[省市州县]委.+次全会")


def _place_named(said: str) -> str:
    """The place a committee's name ends with (四川省 of 学习贯彻四川省), or its level alone
    (省, 县) where no place is named."""
    tags = word_tags()
    for start in range(max(len(said) - 8, 0), len(said) - 2):
        if "ns" in (tags.get(said[start:]), tags.get(said[start:-1])):
            return said[start:]
    return said[-1]


def _number(text: str) -> str:
    n = chinese_number(text)
    return text if n is None else cn_ordinal(n)


def cn_ordinal(n: int) -> str:
    """19 → 十九, 20 → 二十, 4 → 四: how the numbers appear in 十九大, 四中全会."""
    return cn_numeral(n) if n < 100 else str(n)
