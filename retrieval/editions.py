"""Which edition of a text a question means when the corpus holds several (公司法 as revised in
2018 and in 2023): the one it calls new (新公司法, 现行公司法) or the ones it calls old."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from retrieval.model import Document

_NEWEST = "新|最新|现行|新版"
_OLDER = "旧|老|原|旧版|老版"
_REVISED = "(?:修订|修正|修改)?后?的?"  # 新修订的行政复议法


def edition_asked(
    folded: str, named: Sequence[Document], names_of: Callable[[Document], tuple[str, ...]]
) -> list[Document]:
    """Of several dated editions named, those a word right before one of their names picks:
    the latest for 新公司法, the others for 旧公司法; [] when the question says neither."""
    years = {d.meta.year for d in named}
    if len(named) < 2 or None in years or len(years) < 2:
        return []
    latest = max(y for y in years if y is not None)
    for d in named:
        for name in names_of(d):
            if re.search(rf"(?:{_NEWEST}){_REVISED}{re.escape(name)}", folded):
                return [e for e in named if e.meta.year == latest]
            if re.search(rf"(?:{_OLDER}){_REVISED}{re.escape(name)}", folded):
                return [e for e in named if e.meta.year != latest]
    return []
