"""Lines that distribution platforms add to documents and that are not part of them.

Documents arrive from paid sharing platforms with advertising at the top and bottom: a
"for study only" notice, the platform's name and slogan, subscription and resale notices,
member-group and QQ contact lines. A line is dropped when it matches one of PATTERNS and
is short: real paragraphs of a speech are long, and a long line that mentions a QQ group is
more likely a quotation than an advert. Extend PATTERNS when admins meet a new platform.
"""

from __future__ import annotations

import re

# Each pattern is searched in a whole line (after surrounding whitespace is stripped).
PATTERNS: tuple[str, ...] = (
    r"仅供(个人)?学习",  # "for study only"
    r"禁止(外传|转载|传播|倒卖)",  # "do not pass on"
    r"严禁(外传|转载|传播|倒卖)",
    r"酷乐文行",  # the platform name seen in the seed
    r"自建平台|实时分享|不断迭代",  # the platform's slogan
    r"订阅|会员|倒卖",  # subscription, membership and resale notices
    r"Q\s*Q|qq|扣扣|微信号|公众号",  # contact lines
    r"整理[，,]\s*咨询",  # "compiled by …, enquiries via …"
    r"^【[^】]{0,20}】$",  # a bracketed banner alone on its line, e.g. 【打击倒卖活动】
    r"^(更多|下载)(资料|材料|范文)",
)

# Speech paragraphs run to hundreds of characters; adverts fit on one short line.
MAX_BOILERPLATE_CHARS = 60

_COMPILED = tuple(re.compile(p) for p in PATTERNS)


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_BOILERPLATE_CHARS:
        return False
    return any(p.search(stripped) for p in _COMPILED)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop advertising lines, keeping every other line (blank ones too) in order."""
    return [line for line in lines if not is_boilerplate(line)]
