"""A text's history: the dated lines recording its adoption and revisions (2018年10月26日
第十三届全国人民代表大会常务委员会第六次会议第二次修正), and the questions asking of them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.dates import first_date

_DATE_LINE = re.compile(r"^[（(]?[^）)。！？]{0,4}(?:19|20|[〇二])[^）)。！？]{2,60}[）)]?$")
ADOPTED = re.compile(r"(通过|批准|发布|印发|公布|施行)[）)]?$")
# a link to another article in a page's sidebar, its title often cut short, and its day
# (2024学年第二学期开学典礼讲话[02-28]): neither the page's title nor its date
SIDEBAR_LINK = re.compile(r"\[\d{1,2}-\d{1,2}\]$")


def unmarked(text: str) -> str:
    """`text` without spaces and the marks around a title's words (“”《》、，·—)."""
    return re.sub(r"[\s“”\"《》、，,·—－-]", "", text)


def adoption(line: str) -> bool:
    """Whether a date line says the text was adopted, issued or revised (…会议通过, …发布,
    …第二次修订): its history, which 哪次会议通过的 and 修订过几次 ask about."""
    return bool(ADOPTED.search(line.strip()) or REVISED.match(line.strip()))


# a line recording a revision of the text, by date or 根据 the decision revising it
# (2018年10月26日 …《关于修改…的决定》第四次修正)
_DATED_START = r"^[（(]?(?:根据)?\d{4}年\d{1,2}月\d{1,2}日"  # a history line's date, to the day
REVISED = re.compile(_DATED_START + r".{0,200}(?:修正|修订|修改)(?:通过)?[）)]?$")


_DATED = re.compile(_DATED_START)
# what asks about a text's history: when it was adopted, revised or took effect
_ASKS_HISTORY = re.compile(
    r"通过|修订|修正|修改|公布|颁布|发布|施行|生效|制定|出台|印发|几次|哪次|哪年|哪一年"
    # when a place's rule was approved (省人大常委会是哪天批准的); not who approves a permit
    # (…是哪天经山东省人大常委会批准的; not 何时应当报国务院批准, a step to take)
    r"|(?:哪天|哪一天|什么时候|何时|几月几[日号])(?:.{0,4}批准|.{0,12}批准的)|批准的?(?:日期|时间)"
)


def dated_to_the_day(line: str) -> bool:
    """Whether a line opens with a full date (1991年10月4日 国务院批准): a history line."""
    return bool(_DATED.match(line.strip()))


def is_history(text: str) -> bool:
    """Whether a passage is a text's history: the dated lines of its adoption and revisions,
    judged by the last of them (a long history is many lines joined)."""
    return bool(_DATED.match(text)) and adoption(_HISTORY_LINE.split(text)[-1])


_HISTORY_LINE = re.compile(rf"\s+(?={_DATED_START.removeprefix('^')})")  # before each dated line


MAX_HISTORY_PIECES = 4  # lines one history line may be broken into (a decision on three laws)
# what carries a history line on: the next law a decision names (〈…选举法〉), the decision's end
_HISTORY_GOES_ON = re.compile(r"^[<〈《]|的决定》")


def broken_history(lines: Sequence[str]) -> dict[int, str | None]:
    """A history line broken over lines (…《关于修改〈…组织法〉 / 〈…选举法〉 / 〈…代表法〉的决定》
    第三次修正) is read whole, as no piece of it is a date line alone: each of its lines but the
    last maps to None, the last to the whole line."""
    out: dict[int, str | None] = {}
    for i, line in enumerate(lines):
        whole = line.strip()
        if i in out or not _DATED.match(whole) or REVISED.match(whole):
            continue
        pieces = [i]
        following = [j for j in range(i + 1, len(lines)) if unmarked(lines[j])]
        for j in following[: MAX_HISTORY_PIECES - 1]:
            piece = lines[j].strip()
            if _DATED.match(piece) or not _HISTORY_GOES_ON.search(piece):
                break  # the next history line, or no part of one
            whole += piece
            if REVISED.match(whole):
                out.update(dict.fromkeys(pieces))
                out[j] = whole
                break
            pieces.append(j)
    return out


# an edition named by when it was made, before the text's name (2015年修正的代表法, 新修订的
# 保密法, （2024年修正）统计法): which text is meant, not a question about its revisions
# (统计法2009年修订的具体日期是哪天 and 这部法是2018年修正的吗 still ask)
EDITION_NOUN = r"(?:修订|修正|修改)[本版稿]"  # 修正本, 修订版, 修改稿: an edition said as a thing
_NAMES_EDITION = re.compile(
    r"(?:(?:\d{2,4}年|新|最新|现行)(?:全面)?(?:修订|修正|修改)后?(?:的|版|本)?[）)]?"
    r"|(?:修订|修正|修改)[前后]的?)"  # 按修订前的行政复议法
    r"(?=[\u4e00-\u9fff]{0,10}?(?:法|条例|办法|细则|规定|解释)(?![定律]))"
    rf"|{EDITION_NOUN}"  # an edition's noun, with or without the law (2018年修正本里…)
)


def asks_history(question: str) -> bool:
    return bool(_ASKS_HISTORY.search(_NAMES_EDITION.sub(" ", question)))


def is_date_line(line: str) -> bool:
    """A line that only dates its text: （2019年10月31日…全体会议通过）, 2023年2月28日."""
    return bool(_DATE_LINE.match(line)) and first_date(line) is not None and len(line) <= 70
