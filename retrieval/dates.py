"""Years and dates as Chinese documents and questions write them.

`2019年`, `二〇一九年`, `二零一九年` and, in a question, `19年` all name one year; documents
say `今年`, `去年`, `明年` relative to their own date. Everything here turns them into one
canonical form so a question's year meets a passage's year whatever the spelling.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGIT = "〇零○0一二三四五六七八九"  # 0 as typed for 〇 (二0一一年)
CN_NUMBER = "一二三四五六七八九十百零〇两"

# A year written out: four digits, or four Chinese digits (二〇一九), before 年 (a space between,
# as PDFs and web pages set 2015 年 10 月, counts)
# ... or an edition's year (2024版, 09版统计法); not 第10版, a page
# (统计法（2024修正）: a year before its revision, as texts are cited, needs no 年)
_YEAR = re.compile(
    rf"(?<![\d{_CN_DIGIT}第])((?:19|20)\d\d|[{_CN_DIGIT}]{{4}})"
    r"(?:[ \u3000]?年|版|(?=修正|修订|修改))"
)
# What digit_years rewrites: a year in Chinese digits (a year in digits is left as it is)
_CN_YEAR = re.compile(rf"(?<![\d{_CN_DIGIT}])([{_CN_DIGIT}]{{4}})年")
# 1900 to 2099 have 9 or 0 as second digit: a text with neither holds no such year to rewrite
_SECOND_DIGITS = tuple(c for c in _CN_DIGIT if _DIGITS[c] in (0, 9))
# A short year in a question ("19年的报告"), not a span of years ("15年来", "20年间").
_SHORT_YEAR = re.compile(r"(?<![\d.第])(\d\d)(?:年(?!来|以来|间|内|多|左右|前|后|之久|周年|代)|版)")
# ... or in Chinese digits (九三年消法, 一八年那版, 九零年版), not grades (一二年级)
_CN_SHORT_YEAR = re.compile(
    rf"(?<![\d{_CN_DIGIT}十第])([{_CN_DIGIT}]{{2}})"
    r"(?:年(?!来|以来|间|内|多|左右|前|后|之久|周年|代|级|了|时间|完成)|版)"
)
# two digits one after the other say about so many (七八年, 三四年), the more so in Chinese
_ABOUT_SO_MANY = re.compile("一二|二三|三四|四五|五六|六七|七八|八九")
_EDITION_AFTER = re.compile(r"年?(?:版|那版|的版本|修订|修正|通过)")
# (a space where a PDF's or page's letter-spacing left one: 2025 年 1 月 15 日)
_DATE = re.compile(
    rf"((?:19|20)\d\d|[{_CN_DIGIT}]{{4}}) ?年 ?(?:(\d{{1,2}}|[{CN_NUMBER}]{{1,3}}) ?月"
    rf" ?(?:(\d{{1,2}}|[{CN_NUMBER}]{{1,3}}) ?日)?)?"
)
_ISO_DATE = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
# words before a number of years that make it a span (延长30年, 长达20年), not a year
_SPAN_VERBS = (
    "延长",
    "延",
    "长达",
    "历时",
    "经过",
    "连续",
    "持续",
    "坚持",
    "超过",
    "再",
    "近",
    "约",
    "满",
    "达",
)
RELATIVE_YEARS = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "本年度": 0, "上年": -1}
# what a document's text calls the year before it (a report reviews 过去一年)
PAST_YEAR = ("过去一年", "过去的一年", "一年来")


def chinese_number(text: str) -> int | None:
    """十九 → 19, 二十 → 20, 一百零八 → 108, 一千一百六十二 → 1162 (a code's articles), 三 → 3;
    digits as they are; None otherwise."""
    if text.isdecimal():  # (not isdigit: ❶ and ² are digits int() cannot read)
        return int(text)
    if not text or any(c not in CN_NUMBER and c not in _UNITS for c in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            current = 2 if ch == "两" else _DIGITS[ch]
    return total + current


_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_numeral(n: int) -> str:
    """16 → 十六, 30 → 三十, 120 → 一百二十, 105 → 一百零五, 1001 → 一千零一: a number below
    10000 as laws write it; str(n) otherwise."""
    digits = "零一二三四五六七八九"
    if not 0 <= n < 10000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    unit, name = (100, "百") if n < 1000 else (1000, "千")
    rest = n % unit
    tail = cn_numeral(rest) if rest else ""
    if 10 <= rest < 20:
        tail = "一" + tail  # 一百一十, 一千零一十: not 一百十
    if rest and rest < unit // 10:
        tail = "零" + tail  # 一百零五, 一千零五十
    return digits[n // unit] + name + tail


def cn_year(text: str) -> int | None:
    """A four-character year: 2019, or 二〇一九 digit by digit."""
    if text.isdecimal():
        return int(text)
    try:
        return int("".join(str(_DIGITS[c if c != "零" else "〇"]) for c in text))
    except KeyError:
        return None


def digit_years(text: str) -> str:
    """The text with every year written out in Chinese digits as digits (二〇三五年 →
    2035年), so a question's 2035年 meets it; short years and spans are left alone."""

    def digits(m: re.Match[str]) -> str:
        year = cn_year(m.group(1))
        return f"{year}年" if year is not None and 1900 <= year <= 2099 else m.group(0)

    if "年" not in text or not any(c in text for c in _SECOND_DIGITS):
        return text  # most passages: the cheap test spares them the pattern
    return _CN_YEAR.sub(digits, text)


def year_token(year: int) -> str:
    return f"{year}年"


# A span of years a plan or programme is named by: 2021—2025年, (2021-2025), 2021到2025年,
# 2016~20年; not a date (2010-11-05) nor a sum (2000到2020元)
_YEAR_SPAN = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[ \u3000]?年?[ \u3000]?(?:[—\-－–~～―]+|至|到)[ \u3000]?"
    r"((?:19|20)\d\d|\d\d)(?=[ \u3000]?[年)）\]】])"
)


def year_spans(text: str) -> set[tuple[int, int]]:
    """The spans of years written in `text` as (first, last): a plan's 2021—2025年 said as
    2021到2025年 or 2021-25年 is the same span."""
    spans = set()
    for m in _YEAR_SPAN.finditer(text):
        first, last = int(m.group(1)), m.group(2)
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first < end:
            spans.add((first, end))
    return spans


def years_in(text: str) -> list[int]:
    """Years written in full in `text`, in order."""
    found = []
    for match in _YEAR.finditer(text):
        year = cn_year(match.group(1))
        if year is not None and 1900 <= year <= 2099:
            found.append(year)
    return found


@dataclass(frozen=True, slots=True)
class YearMention:
    start: int
    end: int
    year: int


# anniversaries that date a year: 新中国成立70周年 is 2019, 改革开放40周年 2018
_ANNIVERSARIES = {
    "新中国成立": 1949,
    "中华人民共和国成立": 1949,
    "建国": 1949,
    "中国共产党成立": 1921,
    "党成立": 1921,
    "建党": 1921,
    "改革开放": 1978,
    "红军长征胜利": 1936,
    "长征胜利": 1936,
    "抗日战争胜利": 1945,
    "抗战胜利": 1945,
    "五四运动": 1919,
}
_ANNIVERSARY = re.compile(
    "(" + "|".join(sorted(_ANNIVERSARIES, key=len, reverse=True)) + r")(\d{1,3})周年"
)


def anniversaries(text: str) -> list[str]:
    """The anniversaries a text dates a year by (新中国成立70周年)."""
    return [m.group(0) for m in _ANNIVERSARY.finditer(text)]


def question_years(text: str, known: Container[int] | None = None) -> list[YearMention]:
    """Years a question names, in full or short ("19年" is 2019, "98年" 1998), or by an
    anniversary (新中国成立70周年那年 is 2019). With `known`, the years a corpus speaks of, a
    short one it never does is a number of years (75年 of 75年卫生健康综述), not 1975."""
    mentions = [
        YearMention(m.start(), m.end(), y)
        for m in _YEAR.finditer(text)
        if (y := cn_year(m.group(1))) is not None and 1900 <= y <= 2099
    ]
    mentions += [
        YearMention(m.start(), m.end(), _ANNIVERSARIES[m.group(1)] + int(m.group(2)))
        for m in _ANNIVERSARY.finditer(text)
    ]
    taken = [(m.start, m.end) for m in mentions]
    for m in (*_SHORT_YEAR.finditer(text), *_CN_SHORT_YEAR.finditer(text)):
        if any(s <= m.start() < e for s, e in taken) or text[: m.start()].endswith(_SPAN_VERBS):
            continue  # 再延长30年 is a span of years, not 2030
        if _ABOUT_SO_MANY.fullmatch(m.group(1)) and not _EDITION_AFTER.match(text, m.end()):
            continue  # 干了七八年, 一二年: about so many years, unless an edition (九零年版)
        short = int("".join(str(_DIGITS.get(c, c)) for c in m.group(1)))
        year = 2000 + short if short < 50 else 1900 + short
        if known is None or year in known:
            mentions.append(YearMention(m.start(), m.end(), year))
    return sorted(mentions, key=lambda m: m.start)


def last_full_date(text: str) -> tuple[int, int | None, int | None] | None:
    """The last date in `text` given to the day (the latest step of a history written on one
    line: （1993年…通过 2019年12月28日…修订）)."""
    days = [m.start() for m in _DATE.finditer(text) if m.group(3)]
    return first_date(text[days[-1] :]) if days else None


def first_date(text: str) -> tuple[int, int | None, int | None] | None:
    """The first date in `text` as (year, month, day), month and day when given."""
    match = _DATE.search(text)
    iso = _ISO_DATE.search(text)
    if iso and (match is None or iso.start() < match.start()):
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    if match is None:
        return None
    year = cn_year(match.group(1))
    if year is None or not 1900 <= year <= 2099:
        return None
    month = chinese_number(match.group(2)) if match.group(2) else None
    day = chinese_number(match.group(3)) if match.group(3) else None
    return year, month, day


def iso(date: tuple[int, int | None, int | None]) -> str:
    year, month, day = date
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def canonical_years(question: str, known: Container[int] | None = None) -> str:
    """The question with every year written as 2019年 (二〇一九年, 19年 → 2019年); `known` as
    for `question_years`."""
    out, last = [], 0
    # an anniversary (改革开放40周年) keeps its words: they name the occasion too
    years = question_years(question, known)
    for m in (y for y in years if not question[: y.end].endswith("周年")):
        out.append(question[last : m.start])
        out.append(f"{m.year}年")
        last = m.end
    out.append(question[last:])
    return "".join(out)


# a year a figure is compared with (比2019年同期增加68万人, 与2019年相比): the passage gives the
# figure of its own year, not of that one; not 比较/对比 2019年和2020年, which asks of both
_COMPARED_YEAR = rf"(?:(?:19|20)\d\d|[{_CN_DIGIT}]{{4}})[ \u3000]?年(?:同期)?"
_COMPARED = re.compile(
    rf"(?:(?<![较对])比(?!较)|(?<!比)较)[ \u3000]?{_COMPARED_YEAR}|与{_COMPARED_YEAR}相比"
)


def without_compared(text: str) -> str:
    """`text` without the years it only compares with (`_COMPARED`), same length."""
    return _COMPARED.sub(lambda m: " " * len(m.group(0)), text)


def passage_years(text: str, document_year: int | None) -> set[int]:
    """Years a passage (its folded headings and text) speaks of: written out, or as
    今年/去年 relative to its document's date; not years it only compares with."""
    text = without_compared(text)
    found = set(years_in(text))
    if document_year is not None:
        found |= {document_year + delta for w, delta in RELATIVE_YEARS.items() if w in text}
        if any(w in text for w in PAST_YEAR):
            found.add(document_year - 1)
    return found


MAX_DAYS_APART = 3  # a page on an event posts it that day or in the next days


def near_day(date: str, text: str, opening: Iterable[str] = ()) -> bool:
    """Whether an ISO `date` (a page's) is within a few days of the first full date `text`
    gives (2026年1月28日 for a page of 2026-01-29), or, the page dated to its year only, its
    `opening` tells of that day (1月28日,省七届人大五次会议…)."""
    asked = first_date(text)
    if asked is None or asked[1] is None or asked[2] is None:
        return False
    if len(date) == 4:
        return any(f"{asked[1]}月{asked[2]}日" in line for line in opening)
    try:
        day = datetime.date.fromisoformat(date)
        return abs((day - datetime.date(asked[0], asked[1], asked[2])).days) <= MAX_DAYS_APART
    except ValueError:  # a page dated to its month or year only, or a day that is none
        return False


# a year and month asked, not a day nor the start of a span (2022年11月全会, 2022年十一月的全会;
# not 2023年3月14日, 2023年1月至11月)
_MONTH_ASKED = re.compile(
    rf"((?:19|20)\d\d)年(\d{{1,2}}|[{CN_NUMBER}]{{1,3}})月(?!\d{{1,2}}\s?[日号]|[至到—\-~～])"
)


def month_asked(question: str) -> str:
    """The month a question names with its year, as documents' dates begin (2022-11), or ''."""
    found = _MONTH_ASKED.search(question)
    month = chinese_number(found.group(2)) if found else None
    if found is None or month is None or not 1 <= month <= 12:
        return ""
    return f"{found.group(1)}-{month:02d}"
