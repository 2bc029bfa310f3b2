"""Documents a question picks by the places it says: the one title naming a place said, the
titles of places said as words of their own (深圳 of 深圳学前教育条例; not 中山 of 中山大学)."""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.catalog import memo, owners_of
from retrieval.metadata import PROVINCE_SHORT
from retrieval.model import Document
from retrieval.title_tokens import place_tokens, unique_tokens


def placed_by(documents: Sequence[Document], folded: str) -> list[Document]:
    """Documents whose title names a place the question names, which no other title does; a
    province's one-character name only where the question says it as one (沪 / 公积金, 川渝,
    粤港澳; not 藏 of 青藏高原, 京 of 南京, 新 of 新的)."""
    unique, owner = unique_tokens(documents, "places", place_tokens)
    found = unique.within(folded)
    alone = _short_names_said(folded) if any(len(t) == 1 for t in found) else set()
    said = [t for t in found if len(t) > 1 or t in alone]
    return [documents[i] for i in sorted({owner[t] for t in said})]


_SHORT_NAMES = frozenset((*PROVINCE_SHORT.values(), "港", "澳", "台"))


def _short_names_said(folded: str) -> set[str]:
    """The provinces' one-character names the question says as such: a word jieba tags a
    name or an abbreviation (沪 / 公积金, not 新 / 的), a run of them (川渝, 京津冀, 粤港澳), or
    one so tagged starting a word no dictionary holds."""
    from retrieval.segment import default_segmenter, word_tags

    segmenter, tags = default_segmenter(), word_tags()
    said: set[str] = set()
    for word, _ in segmenter.words(folded):
        if all(c in _SHORT_NAMES for c in word) and (
            len(word) > 1 or tags.get(word, "n")[0] in "jn"
        ):
            said.update(word)
        elif not segmenter.frequency(word) and tags.get(word[0], "n")[0] in "jn":
            said.add(word[0])
    return said & _SHORT_NAMES


# what may follow a place's name in one word of the question (深圳特区, 浦东新区, 广州市)
_PLACE_SUFFIXES = ("经济特区", "特区", "新区", "市", "区", "县", "省")


def said_places(documents: Sequence[Document], folded: str) -> set[str]:
    """The places of the documents' titles (of two characters or more) the question says as
    a word of their own or the start of a place's word (深圳 of 深圳学前教育条例, 深圳特区, 深圳湾;
    not 和平 of 和平相处, 中山 of 中山大学)."""
    from retrieval.segment import default_segmenter

    found, _ = memo(documents, "place_owners", lambda: owners_of(documents, place_tokens, 2))
    places = found.within(folded)
    if not places:
        return places
    segmenter = default_segmenter()
    words = [w for w, _ in segmenter.words(folded)]
    return {
        t
        for t in places
        for w in words
        if w.startswith(t) and (w == t or w[len(t) :] in _PLACE_SUFFIXES or segmenter.is_place(w))
    }


def of_places(documents: Sequence[Document], folded: str) -> list[Document]:
    """Documents whose title names a place (of two characters or more) the question names,
    several alike: 浙江的幼儿园收费 of 浙江省学前教育条例 and 浙江省教育督导条例."""
    found, owners = memo(documents, "place_owners", lambda: owners_of(documents, place_tokens, 2))
    return [documents[i] for i in sorted({i for t in found.within(folded) for i in owners[t]})]


def placed_of_kind(
    documents: Sequence[Document], folded: str, named: Sequence[Document]
) -> list[Document]:
    """Documents of the kind named (报告) of a place the question names, where that place
    has documents of other kinds too (重庆's report beside 重庆市优化营商环境条例)."""
    kinds = {d.meta.kind for d in named}
    return [
        d for d in documents if d.meta.kind in kinds and any(t in folded for t in place_tokens(d))
    ]
