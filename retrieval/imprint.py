"""Lines naming who printed a text: the paper, agency or site (人民日报, 新华社, 共产党员网),
and a paper's issue, with its day and page (人民日报/2024 年/3 月/16 日/第 004 版要闻)."""

from __future__ import annotations

import re

# a short name ending as papers, agencies and sites do
_SOURCE_LINE = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:日报|晚报|报社|网|社|电视台)$")
# a paper's name, the day of the issue and its page (新华日报 2024年3月6日 第01版, 深圳特区报/
# 2024 年/2 月/17 日/第 A02 版文件, 《人民日报》（2024年03月16日 第01版）, 人民日报海外版 …);
# its day said, not a report's (情况通报第3版)
_ISSUE_LINE = re.compile(
    r"^《?[\u4e00-\u9fff]{1,8}报(?:海外版)?》?[\s/／|｜（(]*(?:19|20)\d\d\s*[年\-/.]"
    r"[\d\s年月日/／.\-]*第?\s*[A-Z]?[\d０-９]+\s*版[）)]?\s*[\u4e00-\u9fff]{0,6}$"
)


def is_source_line(line: str) -> bool:
    """A line that is only the name of the paper or site that printed the text."""
    return bool(_SOURCE_LINE.match(line.strip()))


def is_issue_line(line: str) -> bool:
    """A line that is only the paper's issue that printed the text: when it was printed."""
    return bool(_ISSUE_LINE.match(line.strip()))
