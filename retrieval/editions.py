"""Which edition of a text a question means when the corpus holds several (公司法 as revised in
2018 and in 2023): the one it calls new (新公司法, 现行公司法, 修订后的公司法) or the ones it calls
old (旧公司法); both for 新旧公司法."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from retrieval.model import Document

_NEWEST = "(?:新|最新|现行|新版)(?:修订|修正|修改)?后?的?|修订后的?|修正后的?"
_OLDER = "(?:旧|老|原|旧版|老版)的?"
_BOTH = "新旧|新老"


def edition_asked(
    folded: str, named: Sequence[Document], names_of: Callable[[Document], tuple[str, ...]]
) -> list[Document]:
    """The named documents with, of the editions of one text among them, those a word right
    before its name picks: the latest for 新公司法, the others for 旧公司法; [] when the
    question says neither (or asks of both: 新旧公司法)."""
    for document in named:
        for name in names_of(document):
            editions = [d for d in named if name in names_of(d)]
            years = {d.meta.year for d in editions}
            if len(years) < 2 or None in years:
                continue
            latest = max(y for y in years if y is not None)
            named_as = re.escape(name)
            if re.search(rf"(?:{_BOTH}){named_as}", folded):
                return []
            if re.search(rf"(?:{_NEWEST}){named_as}", folded):
                return [d for d in named if d not in editions or d.meta.year == latest]
            if re.search(rf"(?:{_OLDER}){named_as}", folded):
                return [d for d in named if d not in editions or d.meta.year != latest]
    return []


def as_said(folded: str, names: Sequence[str]) -> tuple[str, ...]:
    """Each name as the question says it, with the edition word before it (新修订的科技进步法):
    the words that name a text, not what is asked of it."""
    said = []
    for name in names:
        m = re.search(rf"(?:{_BOTH}|{_NEWEST}|{_OLDER})?{re.escape(name)}", folded)
        said.append(m.group(0) if m else name)
    return tuple(said)
