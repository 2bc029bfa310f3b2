"""What one line of a document is, by its opening: a numbered heading (一、 （一） 1. 第一章
第一条, Markdown), an enumeration item that opens a paragraph (一是 第一， 首先 ——…。 ●…),
a salutation (同志们：) or plain text; and the label a heading or item goes by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.dates import CN_NUMBER

CN_NUM = CN_NUMBER + "千"  # the numerals of headings and articles (第一千一百二十八条 of a code)
MAX_LABEL_CHARS = 30  # an enumeration item's label (第一，…)
MAX_HEADING_LABEL_CHARS = 60  # a numbered heading's, which is a whole sentence
MAX_HEADING_LINE_CHARS = 40
MAX_TITLE_CHARS = 80  # a longer "heading" is a paragraph styled as one (common in Word files)

SENTENCE_END = "。！？!?"
# where a line of running text may end its paragraph: a sentence's or a clause's end, a quote
# or bracket closed (a PDF's or a wrapped text's line stopping elsewhere runs on)
CLAUSE_END = "。！？!?；;：:…”』」）)"
# a heading's marker, which opens a paragraph after a finished sentence
HEADING_START = re.compile(
    rf"^(第[{CN_NUM}\d]+[章节部分篇条]|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．]|[（(]\d{1,2}[）)])"
)

# (kind, pattern) for heading markers at the start of a line; the first match wins.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("chapter", rf"^第[{CN_NUM}\d]+[章编部分篇](?![，,的])"),
        ("section", rf"^第[{CN_NUM}\d]+节(?![，,的])"),
        # 第一个问题：… / 第二个方面：… heading a speech's parts
        ("topic", rf"^第[{CN_NUM}\d]+个?(?:问题|方面|专题|板块)[：:]"),
        ("article", rf"^第[{CN_NUM}\d]+条(?=[\s　]|$)"),
        ("cn", rf"^[{CN_NUM}]+[、.．]"),
        ("pcn", rf"^[（(][{CN_NUM}]+[）)]"),
        ("num", r"^\d{1,2}(?:[、．]|\.(?!\d))"),
        ("pnum", r"^[（(]\d{1,3}[）)]"),
        ("circled", r"^[①②③④⑤⑥⑦⑧⑨⑩]"),
        # a bundle's items numbered 01 to 09 run into their titles (02习近平：举旗帜…); not a
        # date, an issue or a cohort (01月, 03期, 01版, 09届)
        ("padded", r"^0[1-9]\s*(?![年月日时分号点期版届批次级])(?=[\u4e00-\u9fff《“])"),
    )
)
# a traditional text's units of a law (第三條, 第一節, 第二編) are read as the simplified ones
_UNIT_SCRIPT = str.maketrans("條節編", "条节编")


def simplified_units(text: str) -> str:
    """`text` with a law's unit characters in simplified script (第三條 → 第三条): a
    traditional text's articles are found, labelled and asked for as a simplified text's."""
    return text.translate(_UNIT_SCRIPT)


BULLET_MARKS = "●■◆▲•"
# Enumerations that open a paragraph and may close: kind, pattern.
ENUMERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("yao", rf"^[{CN_NUM}]要"),  # 一要 / 二要
        ("shi", rf"^[{CN_NUM}]是"),  # 一是 / 二是
        ("di", rf"^第[{CN_NUM}]+[，,、：:]"),  # 第一，
        ("seq", r"^(首先|其次|再次|然后|最后)[，,、：:]"),
        ("dash", r"^[—－]{2}(?=[^—－]{2,}?[。：:；])"),  # ——就业增长超出预期。
        ("bullet", rf"^[{BULLET_MARKS}]"),  # ●农业农村部原部长唐仁健…问题。 (one case of a list)
    )
)
CLOSABLE = frozenset(kind for kind, _ in ENUMERATIONS)
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_VOCATIVE = (
    r"(同志们|朋友们|各位代表|代表们|各位委员|委员们|各位领导|女士们|先生们|同学们|老师们"
    r"|同事们|各位[\u4e00-\u9fff]{1,3}?"  # 各位代表 / 各位老师 / 各位来宾
    r"|各位[\u4e00-\u9fff]{2,6}?朋友们|[\u4e00-\u9fff]{1,4}界的?朋友们)"  # 各位新闻媒体朋友们
)
# a line of nothing but those addressed, ending as an address does (亲爱的同学们:,
# 共青团员们、青年朋友们、同志们！): any plural of a few characters (one 们 each), not 人们,
# nor a page's 联系我们 or a title (致家长们, 写给孩子们)
_ADDRESSED = r"(?:亲爱的|尊敬的|敬爱的)?(?!人们)(?:(?!们)[\u4e00-\u9fff]){1,5}(?<![我你他她它咱])们"
SALUTATION = re.compile(
    rf"^(?:{_VOCATIVE}[、，,和及\s]*)+[！!：:，,]?$"
    rf"|^(?:(?:{_VOCATIVE}|{_ADDRESSED})[、，,和及\s]*)+[！!：:，,]$"
)
CLOSING = re.compile(rf"^(?:{_VOCATIVE}[、，,和及\s]*)+[，,！!：:]")
BACK_REFERENCE = re.compile(
    r"^(说到这里|讲到这里|这|对此|为此|同时|与此同时|此外"
    r"|另外|特别是|尤其是|比如|例如|譬如|其中|当然|总之|一方面|另一方面|再者|而且|但是|然而"
    r"|不过|可见|由此|因此|所以|上述|以上)"
)
ANNOUNCES = re.compile(
    rf"([:：]$)|((有|讲|提|做好?|抓好?|把握好?|强调|谈)(这么|以下|如下)?[{CN_NUM}几\d]+"
    r"(件事|点|个方面|条|项|个问题)(要做|意见|要求)?[。！]?$)|(如下|以下几[点个方面]+)[。：:]?$"
    # 我们进一步加深了以下几个方面的认识和体会。
    r"|(以下|下列)[几\d一二三四五六七八九十]*个?(方面|点|条|项)[^。！？]{0,10}[。：:]$"
    # 明年要抓好以下重点任务。(not 处五日以下拘留。: 以下 after a figure is "at most")
    r"|(?<![\d元日年月人次倍级岁个])以下(?!的)[\u4e00-\u9fff]{1,10}[。：:]$"
    # 中央政治局同志的发言，把握和体现了3个重点。
    rf"|(了|有|为)[{CN_NUM}\d]+个(重点|方面|问题|要求|原则|任务|目标)[。：:]$"
)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: str | None  # marker or enumeration kind, or None for an unmarked line
    label: str  # the heading text the marker names
    pure: bool  # a heading line with no body text of its own


def without_marker(label: str) -> str:
    """A heading's own words, its marker (一、 / （一） / 第一章 / 一要 / 第一，) and the
    punctuation after it taken off: 一要坚定理想信念 → 坚定理想信念."""
    label = strip_marker_dash(label.rstrip("…。：:"))
    for _, pattern in (*MARKERS, *ENUMERATIONS):
        if m := pattern.match(label):
            return label[m.end() :].lstrip("，,、：:.． \t　").strip()
    return label.strip()


def announces(text: str) -> bool:
    """Whether a paragraph announces a list that follows it (…有这么四件事。/ 如下：)."""
    return bool(ANNOUNCES.search(text))


def strip_marker_dash(text: str) -> str:
    return text.lstrip("—－●■◆▲• ")


def lead_sentence(text: str, limit: int = MAX_LABEL_CHARS, past: int = 0) -> str:
    """The opening sentence of a paragraph, as a heading label: up to the first sentence
    end, or a clause of it (at least a few characters past the marker, and `past` characters
    in) when that is long."""
    text = strip_marker_dash(text)
    match = re.search(r"[。！？!?；;：:]", text)
    lead = text[: match.start()] if match else text
    if len(lead) <= limit:
        return lead
    marker = next((p.match(lead) for _, p in (*MARKERS, *ENUMERATIONS) if p.match(lead)), None)
    skip = max((marker.end() if marker else 0) + 4, past)  # 第一，严明纪律: never the bare 第一
    comma = re.search(r"[，,]", lead[skip:])
    if comma and skip + comma.start() <= limit:
        return lead[: skip + comma.start()]
    return lead[:limit] + "…"


def _is_heading_line(text: str) -> bool:
    body = text.rstrip("。：:")
    return (
        len(body) <= MAX_HEADING_LINE_CHARS
        and not any(c in body for c in SENTENCE_END)
        and not text.endswith(("；", ";", "，", ","))
    )


HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character
# an interviewer's question (问：… / 记者：…？ / 采访组：…请您谈谈…), or a question-and-answer
# page's (【问】…？ above 【答】…), heads the answers after it
_INTERVIEWER = re.compile(r"^(?:(?:问|提问|记者|采访组|主持人)[：:]|【问】)(?=\S)")


def _asks(text: str) -> bool:
    """Whether a line is an interviewer's question, not a byline (记者：王小明)."""
    return bool(_INTERVIEWER.match(text)) and (
        text.startswith(("问", "提问", "【问】")) or bool(re.search(r"[？?]|请", text))
    )


def classify(text: str) -> Line:
    if not HAN.search(text):
        # a line with no Chinese (5. Firmness in…, the translation in a bilingual text) is
        # never a heading of the Chinese text
        return Line(text, None, "", False)
    md = _MARKDOWN.match(text)
    if md and len(md.group(2)) > MAX_TITLE_CHARS:
        text = md.group(2)  # too long for a heading: a paragraph styled as one
    elif md:
        body = md.group(2)
        for kind, pattern in MARKERS:
            if pattern.match(simplified_units(body)):
                return Line(body, kind, body, True)
        return Line(body, f"md{len(md.group(1))}", body, True)
    if _asks(text):
        # the whole question is the heading: its words find the answer under it
        return Line(text, "interview", text.rstrip("。"), True)
    units = simplified_units(text)
    for kind, pattern in MARKERS:
        match = pattern.match(units)
        if not match:
            continue
        if kind == "article":
            return Line(text, kind, match.group(0), False)
        if _is_heading_line(text):
            return Line(text, kind, text.rstrip("。：:"), True)
        # a numbered heading that runs on into its text: its first sentence is the heading
        return Line(text, kind, lead_sentence(text, MAX_HEADING_LABEL_CHARS), False)
    for kind, pattern in ENUMERATIONS:
        if pattern.match(text):
            return Line(text, kind, lead_sentence(text), False)
    return Line(text, None, "", False)


# the units of a law, largest first: 编 and 章, 节, 条
_LEGAL_UNITS = tuple(
    re.compile(rf"^第[{CN_NUM}\d]+{unit}") for unit in ("[编章]", "节", "条(?![例件])")
)


def legal_rank(label: str) -> int | None:
    """0 for a chapter (第二章), 1 for its section (第一节), 2 for an article; else None."""
    units = simplified_units(label)
    return next((r for r, unit in enumerate(_LEGAL_UNITS) if unit.match(units)), None)


def unit_rank(kind: str, label: str) -> int | None:
    """A heading's legal rank, a chapter whose number was lost (法律责任 found between two
    articles) counted as one: it holds the articles after it, not the one before."""
    rank = legal_rank(label)
    if rank is None and kind == "chapter" and not label.startswith("第"):
        return 0
    return rank


def is_leaf(lines: list[Line], i: int, open_kinds: list[str]) -> bool:
    """Whether heading line i has nothing under it: the next line is a sibling or a higher
    heading (its kind is open, line i's included), or there is none. Such a line is content
    (a rule list 一、…。二、…。, an outline's last level) and becomes a passage too."""
    if i + 1 == len(lines):
        return True
    following = lines[i + 1].kind
    return following is not None and following in open_kinds


def next_is_case(lines: list[Line], i: int) -> bool:
    return i + 1 < len(lines) and lines[i + 1].kind in ("pcn", "pnum", "num", "circled")


def between_siblings(lines: list[Line], i: int, kind: str) -> bool:
    """Whether the next marked line after line i is another item of the same list."""
    for line in lines[i + 1 :]:
        if line.kind is not None:
            return line.kind == kind
    return False
