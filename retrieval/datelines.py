"""The dateline under a title: the subtitle and date lines saying on which day and at which
meeting a report or a speech was given (——2024年1月22日在…第二次会议上). The parser keeps them
as one passage (`structure.parse_lines`); it answers 哪天、在哪次会议上作的 and nothing else, as
a law's history line answers only when it was adopted."""

from __future__ import annotations

import re

from retrieval.dates import CN_NUMBER
from retrieval.history import is_history
from retrieval.metadata import KIND_WORDS
from retrieval.model import Document, Passage

_N = f"[{CN_NUMBER}]+"

MAX_DATELINE_CHARS = 140  # a subtitle and a date line joined
DATELINE_PARAGRAPHS = 3  # paragraphs under a title in which its dateline stands
# a dateline opens with its dash, its date or 在 (——2024年…在…上, （2018年5月2日）, 在…上的讲话),
# not with a label (时间：2018年4月30日 场合：…: a list's item)
_MADE = re.compile(r"通过|批准|公布|印发|施行|修正|修订|修改")
_DATELINE_START = re.compile(
    r"^[•·\s]*(?:[—－-]{1,2}|[（(]?(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})\s*年|在)"
)
_DAY = re.compile(rf"\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{_N}月{_N}日")
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def is_dateline(passage: Passage) -> bool:
    """Whether a passage is the dateline under its text's title: the subtitle and date lines
    of a report or a speech (——2024年1月22日在…第二次会议上, ——在…座谈会上的讲话 （2018年5月2日）)
    or a page's. It answers 哪天、在哪次会议上作的 and nothing else; a text's adoption and
    revisions are its history instead. It opens the text (past a page's breadcrumbs or
    byline): a dated line further down is text."""
    return passage.paragraph <= DATELINE_PARAGRAPHS and dateline_text(passage.text)


def dateline_of(document: Document) -> list[Passage]:
    """The passage under a text's title saying when and where it was given, if it has one
    (of two, the one naming the meeting: 2024年9月10日於人民大會堂 / 在…第十一次會議上)."""
    found = [p for p in document.passages[:DATELINE_PARAGRAPHS] if is_dateline(p)]
    return sorted(found, key=lambda p: not re.search("[会會]", p.text))[:1]


def only_dates(passage: Passage) -> bool:
    """Whether a passage only dates its text: its adoption history or its dateline (nothing
    to read as a day's passage)."""
    return is_history(passage.text) or is_dateline(passage)


def dateline_text(text: str) -> bool:
    """Whether a text only says on which day, and at which meeting, a text was given."""
    text = text.strip()
    return (
        len(text) <= MAX_DATELINE_CHARS
        and not _SENTENCE_END.search(text)
        and bool(_DAY.search(text))
        and not _MADE.search(text)  # （1993年…通过 …公布 自…施行）: its history
        and bool(_DATELINE_START.match(text))
    )


# 哪天、在哪次会议上作的: when and where a text was given (作, 讲, 发表, 召开), not adopted
_WHEN_OR_WHERE = re.compile(
    r"哪天|哪一天|几月几[号日]|什么时候|何时|什么时间|哪次|哪个会|什么会|哪一?届|第几届|第几次"
)
# (…说明是在哪天、哪次会议上: where it was given, or adopted, its verb said before or not)
_GIVEN = re.compile(
    r"作的|做的|讲的|发表|发布|发的|召开|开的|上作|上讲|(?<!工)[作做]报告|会议?上[呢吗]?[？?。]?$"
    r"|登在|登的|刊登|刊发|刊载|见报"  # printed (登在人民日报哪天)
)


# which issue or page printed it (收在国务院公报哪一期, 晚报哪个版面登了…): a dateline's words
_ISSUE = re.compile(r"哪一?期|第几期|哪个?版(?!本)|第几版")  # (not 哪个版本的收费标准)
_PRINTED = re.compile(r"登[了在载出]|刊[登发载]|收[录在入]|载[于入]|公报|报纸|[日晚]报|杂志")


def asks_occasion(question: str) -> bool:
    """Whether a question asks when, or at which meeting, something was given or published,
    or in which issue of a paper."""
    return bool(_WHEN_OR_WHERE.search(question) and _GIVEN.search(question)) or bool(
        _ISSUE.search(question) and _PRINTED.search(question)
    )


def asks_given(question: str) -> bool:
    """Whether a question asks that of a text it names as one (…报告是在哪次会议上作的, 那篇
    是哪天发的), not when a meeting was held (人代会哪天开幕)."""
    return asks_occasion(question) and ("篇" in question or any(k in question for k in KIND_WORDS))
