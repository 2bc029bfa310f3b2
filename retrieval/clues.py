"""What a passage gives of what a question asks for: a quantity beside the question's
telling words (多少), a date (哪一年), a definition (什么叫): such a passage answers, not one
that only repeats the words around it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from retrieval.dates import CN_NUMBER
from retrieval.markers import CN_NUM
from retrieval.question import STRUCTURE_WORD_WEIGHT, Query

# a figure: digits, or Chinese numerals with a unit (五千万人, 十次, 三十日内); not 一并, 统一日期
_NUMBER = re.compile(
    rf"\d|(?<![统同唯单])[{CN_NUMBER}千万亿]+[个项条次人元年倍%％万亿千百所家日天月周]"
)
QUANTITY_SPAN = 12  # characters after a question's word within which its number stands
# or the number right before it, with its measure word (九千六百多万名党员, 18亿亩耕地)
_NUMBER_BEFORE = re.compile(
    rf"(?:\d|[{CN_NUMBER}])[多余]?[十百千万亿]*[多余]?[名个位项条亩人户家所元]?$"
)


SHORTEST_SUBJECT = 2  # characters: 奖励 of 公务员的奖励, a term's shortest ending

# 督查是指…, and a law's list of terms: 食品安全，指食品无毒、无害…, 疫点:指… (not 指出, 指导)
# 指 as "means", not the start of another word (指出, 指导, 指示, 指向, 指数, 指南, 指标 …)
_ZHI_MEANS = r"指(?![出导示挥标定引明向数南令针])"
_MEANS = rf"(?:[，,:：]?(?:是指|指的是)|[，,:：]{_ZHI_MEANS})"
# a law's definition by its cases: 有下列情形之一的，为无烟草专卖品准运证运输烟草专卖品：
_CASES_ARE = r"之一的[，,]\s*为"
# a line (an article) opening with the term and 是, as a text states what a thing is:
# 第二条 民族乡是在少数民族聚居的地方建立的乡级行政区域, 民族自治地方的自治机关是…
_OPENS = rf"(?:^|\n)(?:第[{CN_NUM}\d]+条\s*)?(?:[一-鿿]{{0,8}}的)?"
# a term defined in quotes: “渔业水域”，是指…, 本法所称“渔业水域”…
_OPEN_QUOTE, _CLOSE_QUOTE = '[“"‘「『]', '[”"’」』]'
_LIST_NUMBER = r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)"


def defines(
    query: Query, weights: Sequence[float], text: str, quoted: Sequence[str] = (), term: str = ""
) -> bool:
    """Whether the passage defines the term asked of (`defined_term`: 政府信息, however
    common its words), the term the question quotes (“食品安全”这个词), or else one of its
    telling words: 本条例所称政府信息，是指…, 督查是指…, 食品安全，指… or “渔业水域”，是指…"""
    return any(defines_term(t, text) for t in _asked_terms(query, weights, quoted, term))


# a note in brackets between a term and what it is: the short name a definition gives it
# (本条例所称的农民专业合作社（以下简称合作社）是指…)
_SHORT_NAME = r"[(（][^()（）]{1,16}[)）]"


def defines_term(term: str, text: str) -> bool:
    """Whether the passage defines `term`: 本条例所称护士，是指…, 督查是指…, 食品安全，指…,
    “染疫人”指…; the term whole, not the start of a longer one (所称药品上市许可持有人) nor
    the end of one (用人单位是指 for 单位)."""
    t = re.escape(term)
    return bool(
        re.search(rf"所称{_OPEN_QUOTE}?{t}(?![\u4e00-\u9fff])|所称{t}(?=是|指|包括|属于)", text)
        or re.search(
            rf"{_TERM_START}{_OPEN_QUOTE}?{t}{_CLOSE_QUOTE}?(?:{_SHORT_NAME})?{_MEANS}", text
        )
        or re.search(rf"{_CASES_ARE}[^，。；：\n]{{0,12}}?{t}[：:。]", text)
        # a quoted term opening a line of a definitions list needs no comma before 指
        # (“就地诊验”指一个人在…, （一）“查验”指…)
        or re.search(rf"(?m)^\s*{_LIST_NUMBER}?{_OPEN_QUOTE}{t}{_CLOSE_QUOTE}{_ZHI_MEANS}", text)
    )


# where a term opens: not inside a word (用人单位 for 单位), or after 所称的 / 所称, or right
# after its article's number where the source glued them (第三条拍卖是指…)
_TERM_START = r"(?:(?<![\u4e00-\u9fff])|(?<=[的称])|(?<=[\d一二三四五六七八九十百零]条))"


def states_what(
    query: Query, weights: Sequence[float], text: str, quoted: Sequence[str] = (), term: str = ""
) -> bool:
    """Whether a line of the passage opens by saying what the term asked of is (第二条 民族乡
    是…, 民族自治地方的自治机关是…): an answer where the text defines it no other way, less
    sure than `defines` (学前教育是国民教育体系的重要组成部分 says what it is part of)."""
    return any(
        re.search(rf"{_OPENS}{re.escape(t)}是(?!否)", text)
        for t in _asked_terms(query, weights, quoted, term)
    )


def _asked_terms(
    query: Query, weights: Sequence[float], quoted: Sequence[str], term: str
) -> list[str]:
    """The terms a definition may be of: the endings of the term asked of (博物馆 of
    博物馆条例里博物馆), else the question's telling words; and the quoted ones."""
    if term:
        return [*endings(term), *quoted]
    return [
        *(
            spelling
            for word, weight in zip(query.words, weights, strict=True)
            if weight >= STRUCTURE_WORD_WEIGHT
            for spelling in word.spellings
        ),
        *quoted,
    ]


# how a text lists the kinds or members of something: 奖励分为：, 监察官包括下列人员：, and
# a definition that goes on to them: 法官是依法行使国家审判权的审判人员，包括…
_CLASSIFIES = (
    # (有 only before the members or their count: 处分有五种, 有下列几类; not 有关, 有不齐全)
    r"(?:[，,]?(?:分为|分成|包括|包含|是指|有(?=下列|以下|如下|[：:]|[一二三四五六七八九十两几\d]+[种类项个级]))"
    r"|是[^。；：\n]{2,40}?[，,](?:包括|分为))"
    r"(?:下列|以下|如下)?"
)


def classifies(subject: str, text: str) -> bool:
    """Whether the passage lists the kinds or members of `subject` (`kinds_asked_of`): an
    ending of it, of two characters or more, right before 分为, 包括 or 是指."""
    return any(re.search(re.escape(ending) + _CLASSIFIES, text) for ending in endings(subject))


def endings(term: str) -> list[str]:
    """A term's endings of two characters or more, longest first: what a text may call it
    (奖励 of 公务员的奖励)."""
    return [term[i:] for i in range(len(term) - SHORTEST_SUBJECT + 1)]


# a passage that sets out cases: 有下列情形之一的, a lead line ending in a colon before its
# first case, a second case on its own line
_ENUMERATES = re.compile(r"下列|[：:]\n[（(][一二1][）)]|\n[（(]二[）)]|[：:]\n一是")


def lists_kind(kind: str, text: str) -> bool:
    """Whether a passage announces a list of the kind a question asks for (`listed_kind`):
    应当具备下列条件 for 哪几个条件, 有下列情形之一的 for 哪些情形, 通过下列途径 for 哪些
    解决途径 (an ending of it)."""
    return any(
        re.search(rf"(?:下列|以下|如下)[一-鿿]{{0,4}}?{re.escape(ending)}", text)
        for ending in endings(kind)
    )


def enumerates(text: str) -> bool:
    """Whether a passage lists cases, as a question asking 哪些 wants."""
    return bool(_ENUMERATES.search(text))


# what a text's penalty article says it does to whoever breaches it
_PENALTY = re.compile(r"罚款|吊销|没收|拘留|给予[^。；]{0,8}处分|追究刑事责任|责令停产|处分")


# a text's own article of entry into force: 本条例自2002年1月1日起施行, 本法自公布之日起施行,
# 本规定自即日起施行; from a day, not a term counted from it (…仲裁机构，自本法施行之日起终止)
# nor across a clause (；, ; folded)
_IN_FORCE = re.compile(
    r"本(?:法|条例|规定|办法|解释|细则|准则|规则|决定|规章|意见)[^。；;\n]{0,12}?自\s?"
    r"(?:[\d〇零○一二三四五六七八九]|即日|公布|发布|印发|颁布|颁发|下发|发文|批准|通过|签发)"
    r"[^。；;\n]{0,24}?(?:施行|生效|实施)"
)


def states_effect(text: str) -> bool:
    """Whether a passage says when its text takes effect, as a question asking when wants."""
    return bool(_IN_FORCE.search(text))


# a text's article saying why it was made: 为了…，根据…，制定本法 (its first, as a rule)
_PURPOSE = re.compile(
    r"^(?:第[一二三四五六七八九十]+条\s*)?为了?[^。；;\n]{2,200}?制定本(?:法|条例|规定|办法|细则|准则|规则)"
)


def states_purpose(text: str) -> bool:
    """Whether a passage says why its text was made, as a question asking its purpose wants."""
    return bool(_PURPOSE.match(text))


def states_penalty(text: str) -> bool:
    """Whether a passage states a penalty (…的，由…责令改正，处一万元以上罚款)."""
    return bool(_PENALTY.search(text))


def gives_quantity(query: Query, weights: Sequence[float], text: str) -> bool:
    """Whether a number closely follows or just precedes one of the question's telling words:
    the passage states the quantity asked about, not only the words around it."""

    def figure(start: int, end: int) -> bool:
        return bool(
            _NUMBER.search(text, end, end + QUANTITY_SPAN)
            or _NUMBER_BEFORE.search(text, max(0, start - QUANTITY_SPAN), start)
        )

    return _near_telling_word(query, weights, text, figure)


# a year or a day: what a question asking when is answered with
_TIME = re.compile(
    rf"(?:19|20)\d\d年|\d{{1,2}}月\d{{1,2}}[日号]|[{CN_NUMBER}]{{1,3}}月[{CN_NUMBER}]{{1,3}}日"
    # or a day fixed by the week (每年九月的第三个星期六)
    rf"|[{CN_NUMBER}\d]{{1,3}}月的?第[{CN_NUMBER}\d]个?(?:星期|周)[一二三四五六日天]"
)
TIME_SPAN = 30  # characters either side of a question's word within which its date stands


def gives_time(query: Query, weights: Sequence[float], text: str) -> bool:
    """Whether a year or a date stands near one of the question's telling words."""

    def date(start: int, end: int) -> bool:
        return _TIME.search(text, max(0, start - TIME_SPAN), end + TIME_SPAN) is not None

    return _near_telling_word(query, weights, text, date)


# a body a text makes responsible (文化主管部门, 公安机关, 县级以上人民政府, 地名委员会)
_AUTHORITY = re.compile(
    r"(?:部门|机关|人民政府|国务院|委员会|机构|[局厅]|单位)[^，。；]{0,8}?"
    r"(?:负责(?!人)|主管|审批|批准|查处|认定|确定|制定|组织(?!法)|会同|承担)"
    r"|由[^，。；]{0,20}?(?:部门|机关|人民政府|国务院|委员会|机构|[局厅]|单位)"
    r"|是[^，。；]{0,20}?的?主管(?:部门|机关)"
)
AUTHORITY_SPAN = 20


def gives_authority(
    query: Query, weights: Sequence[float], text: str, penalty: bool = False
) -> bool:
    """Whether a body stands near one of the question's telling words: the passage says who
    is responsible for what was asked (a penalty's 由…部门 names who enforces it, no more,
    unless who punishes is asked: `penalty`)."""
    if not penalty and states_penalty(text):  # (a penalty question tests it already)
        return False

    def body(start: int, end: int) -> bool:
        window = text[max(0, start - AUTHORITY_SPAN) : end + AUTHORITY_SPAN]
        return _AUTHORITY.search(window) is not None

    return _near_telling_word(query, weights, text, body)


def _near_telling_word(
    query: Query, weights: Sequence[float], text: str, stands: Callable[[int, int], bool]
) -> bool:
    """Whether `stands(start, end)` holds around some occurrence of a telling word."""
    for word, weight in zip(query.words, weights, strict=True):
        if weight < STRUCTURE_WORD_WEIGHT:
            continue
        for term in word.spellings:
            start = text.find(term)
            while start >= 0:
                end = start + len(term)
                if stands(start, end):
                    return True
                start = text.find(term, end)
    return False
