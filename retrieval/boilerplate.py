"""Lines that distribution platforms add to documents and that are not part of them.

Documents arrive from paid sharing platforms with advertising at the top and bottom: a
"for study only" notice, the platform's name and slogan, subscription and resale notices,
member-group and QQ contact lines. Two lists decide what goes:

* PATTERNS name things no document says of itself (仅供学习, a QQ number to contact, the
  platform's name): a short line matching one is dropped wherever it stands;
* EDGE_PATTERNS are words a real document may use (订阅, 会员: a notice on subscribing to
  party newspapers, a heading about union members). A short line matching one is dropped
  only inside an advert block: a run of such lines at the very top or bottom of the
  document that ends in a line of PATTERNS (the platform signed it).

Lines longer than MAX_BOILERPLATE_CHARS are always kept: adverts fit on one short line,
paragraphs do not. Extend the lists when admins meet a new platform.
"""

from __future__ import annotations

import re

# Each pattern is searched in a whole line (after surrounding whitespace is stripped).
PATTERNS: tuple[str, ...] = (
    r"仅供(个人)?学习",  # "for study only"
    r"(禁止|严禁)(外传|转载|传播|倒卖)",  # "do not pass on"
    r"酷乐文行",  # the platform name seen in the seed
    r"整理[，,]\s*咨询",  # "compiled by …, enquiries via …"
    r"(Q\s*Q|qq|扣扣|微信)\s*(群|号)?\s*[:：]?\s*\d{5,}",  # a contact number
    r"(会员|免费)\s*(Q\s*Q)?群\s*[:：]",  # member-group lines
    r"如有侵权.{0,6}删除",  # "contact us to remove if infringing"
    # sales lines: become a member, free download, click here, scan to follow
    r"开通会员|免费下载|全站(资料|文档)|点击(这里|此处|链接|下载)|扫码(关注|加群|下载|领取)",
)
EDGE_PATTERNS: tuple[str, ...] = (
    r"自建平台|实时分享|不断迭代",  # the seed platform's slogan
    r"订阅|会员|倒卖|公众号|微信号",  # subscription, membership and resale notices
    r"^【[^】]{0,20}】$",  # a bracketed banner alone on its line, e.g. 【打击倒卖活动】
    r"^(更多|下载)(资料|材料|范文)",
    r"本文来源于?网络",
)
MAX_BOILERPLATE_CHARS = 60
EDGE_LINES = 12  # adverts sit within the first and last dozen lines

_ANYWHERE = tuple(re.compile(p, re.IGNORECASE) for p in PATTERNS)
_IN_ADVERTS = tuple(re.compile(p, re.IGNORECASE) for p in EDGE_PATTERNS)


def _short(line: str) -> str | None:
    stripped = line.strip()
    return stripped if stripped and len(stripped) <= MAX_BOILERPLATE_CHARS else None


def is_boilerplate(line: str) -> bool:
    """A line that is advertising wherever it stands."""
    text = _short(line)
    return text is not None and any(p.search(text) for p in _ANYWHERE)


# the document's own voice, never an advert: a numbered heading, a 关于… title, a sentence
_DOCUMENT_LINE = re.compile(
    r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|#|关于)|。$"
)


def _advert_like(line: str) -> bool:
    text = _short(line)
    return (
        text is not None
        and not _DOCUMENT_LINE.search(text)
        and any(p.search(text) for p in _IN_ADVERTS)
    )


def _advert_block(lines: list[str], order: list[int]) -> set[int]:
    """The advert block at one end of the document (`order` walks inwards from it): the lines
    up to the innermost signed line (PATTERNS) among the first EDGE_LINES, all short and
    advert-like. Walking stops at the first line of the document proper."""
    block: list[int] = []
    signed = 0
    for i in [i for i in order if lines[i].strip()][:EDGE_LINES]:
        if is_boilerplate(lines[i]):
            block.append(i)
            signed = len(block)
        elif _advert_like(lines[i]):
            block.append(i)
        else:
            break
    return set(block[:signed])


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop advertising lines, keeping every other line (blank ones too) in order."""
    inwards = list(range(len(lines)))
    adverts = _advert_block(lines, inwards) | _advert_block(lines, inwards[::-1])
    return [line for i, line in enumerate(lines) if i not in adverts and not is_boilerplate(line)]
