"""Which regulation or law a question names beyond its full title: a short name (档案条例,
科技进步法), the edition in force in a year, implementing rules the corpus lacks, and the short
names that name a text rather than what is asked of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.history import asks_history, is_history
from retrieval.laws import (
    LAW_ENDINGS,
    abbreviates,
    abbreviates_any,
    book_titles,
    generic,
    law_names,
    law_titles,
    names_a_held_law,
    rests_on,
    shortened_titles,
    title_core,
    two_character_laws,
)
from retrieval.model import Document
from retrieval.names import document_names, share_a_name
from retrieval.normalize import fold, plain_text
from retrieval.parts import RULE_KINDS
from retrieval.places import SPELLED_PLACE, place_before


def named_by_abbreviation(documents: Sequence[Document], folded: str) -> list[Document]:
    """The one regulation a short name in the question stands for (档案条例 for
    干部人事档案工作条例, 机关党组织条例 for 党和国家机关基层组织工作条例), with each of its
    editions the corpus holds."""
    titles = law_title_table(documents)
    said = (*law_names(folded), *two_character_laws(folded))
    # a name inside a longer one the question says is part of it (动植物检疫法 of
    # 动植物检疫法实施条例): the longer one first
    inner = [law for law in said if any(law != m and law in m for m in said)]
    for law in [*(law for law in said if law not in inner), *inner]:
        found = [(i, own) for i, own in titles if abbreviates_any(law, own)]
        # where several hold its characters, the one whose name ends with it (代表法 of
        # …代表大会代表法, not …代表大会选举法)
        ending = [(i, own) for i, own in found if any(n.endswith(plain_text(law)) for n in own)]
        for texts in (found, ending):
            # one text, or its editions (保密法 of 2010 and of 2024: the year or 新 picks one)
            if _one_text(documents, texts, law):
                return [documents[i] for i, _ in texts]
    return []


def _one_text(
    documents: Sequence[Document], texts: Sequence[tuple[int, tuple[str, ...]]], law: str
) -> bool:
    """Whether the documents a short name finds are one text: under one title, or each
    with a name ending in one full name of it (农民专业合作社法 of 2017, its 2006
    edition titled in traditional characters after a numeral, a news page naming it)."""
    if len({_unbracketed(documents[i].title) for i, _ in texts}) == 1:
        return True
    full = {n.removeprefix("中华人民共和国") for _, own in texts for n in own}
    return any(
        all(any(m.endswith(n) for m in own) for _, own in texts)
        for n in full
        if abbreviates(law, n)
    )


def _unbracketed(title: str) -> str:
    """A title without its bracketed notes: 消费者权益保护法 (1993年) is that law's edition."""
    return plain_text(re.sub(r"[（(][^（）()]*[）)]", "", title))


def law_title_table(documents: Sequence[Document]) -> list[tuple[int, tuple[str, ...]]]:
    """(position, `law_titles`) of the documents with a title a short name can stand for
    (ending in a kind word: no other is ever `abbreviates`d), worked out once per catalog."""

    def build() -> list[tuple[int, tuple[str, ...]]]:
        titles = ((i, document_names(d) + law_titles(d)) for i, d in enumerate(documents))
        return [(i, own) for i, own in titles if any(n.endswith(LAW_ENDINGS) for n in own)]

    return memo(documents, "law_titles", build)


def held_titles(documents: Sequence[Document]) -> frozenset[str]:
    """Every name of every text held, plain, and of the texts pages give a short name to
    (《关于全面推行林长制的意见》(以下简称《意见》)…): a title named whole is held whatever its
    kind."""
    return memo(
        documents,
        "held_titles",
        lambda: frozenset(
            plain_text(n) for d in documents for n in document_names(d) + shortened_titles(d)
        ),
    )


def mentioned_titles(documents: Sequence[Document]) -> frozenset[str]:
    """Every title the corpus's passages speak of in 《》, plain (`mentioning_documents`)."""
    return memo(documents, "mentioned_titles", lambda: frozenset(mentioning_documents(documents)))


def mentioning_documents(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """Every title the corpus's passages speak of in 《》, plain, with the documents whose
    passages do, read once per catalog; not where they only rest on it (根据《中华人民共和国
    气象法》，制定本办法 tells nothing of it)."""

    def build() -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for d in documents:
            for p in d.passages:
                if "《" not in p.text:
                    continue
                text = fold(p.text)
                for m in _QUOTED.finditer(text):
                    if not rests_on(text, m.start()):
                        found.setdefault(plain_text(m.group(1)), set()).add(d.doc)
        return {title: frozenset(docs) for title, docs in found.items()}

    return memo(documents, "mentioning_documents", build)


_QUOTED = re.compile(r"《([^《》]{2,60})》")


_IMPLEMENTING = ("实施细则", "实施办法", "实施条例", "实施意见")


def implementing_rules(documents: Sequence[Document], folded: str) -> str:
    """The implementing rules of a text the corpus holds that the question names and the
    corpus does not hold (医疗保障基金使用监督管理条例实施细则 beside the 条例): '' if none."""
    table = law_title_table(documents)
    for law in law_names(folded):
        end = next((e for e in _IMPLEMENTING if law.endswith(e) and len(law) > len(e)), "")
        base = plain_text(law[: -len(end)]) if end else ""
        held = base and any(abbreviates_any(base, own) or base in own for _, own in table)
        named = plain_text(law)
        if (
            held
            and not any(abbreviates_any(named, own) for _, own in table)
            # nor a text of another kind holding its name (专利法实施细则, a 细则)
            and not any(named in n for d in documents for n in document_names(d))
        ):
            return law
    return ""


def own_short_names(folded: str, named: Sequence[Document]) -> list[str]:
    """The question's short names of the documents named as their own (科技进步法 for
    中华人民共和国科学技术进步法), not of a regulation one of them holds (问责条例 in a
    study text of the party's rules): those name the text, the others what is asked."""
    return [
        law
        for law in law_names(folded)
        if any(abbreviates_any(law, document_names(d)) for d in named)
    ]


# a year naming an edition (2006年修订的, 1991年的), not asking of the text's history
_EDITION_YEAR = re.compile(r"(?:19|20)\d\d年(?:修订|修正|修改|通过|公布|颁布|发布)?的?")


def history_records(named: Sequence[Document], years: Sequence[int], plain: str) -> list[Document]:
    """Of the named documents, the edition nearest a year its history records a revision or
    adoption in, where the question asks when or how it was made (2006年修订的义务教育法
    从哪天起施行 of the text as amended since): its history answers; [] when the question
    asks anything else (2004年版土地管理法里补偿费是几倍 asks of a text not held)."""
    if not asks_history(_EDITION_YEAR.sub("", plain)):
        return []
    found = [
        d
        for d in named
        if any(
            is_history(p.text) and any(f"{y}年" in p.text for y in years)
            for p in d.passages[:OPENING_HISTORY]
        )
    ]
    # of editions recording it, the one nearest it (2017年修订的 of the 2019 text, not the 2025)
    nearest = min((d.meta.year or 0 for d in found), default=0)
    return [d for d in found if (d.meta.year or 0) == nearest]


OPENING_HISTORY = 2  # a text's history is its first passage (after a bundle's banner)


def names_here(document: Document, folded: str) -> tuple[str, ...]:
    """The document's names and the question's short names of it."""
    return document_names(document) + tuple(own_short_names(folded, (document,)))


_RULES = RULE_KINDS | {"法律"}
STANDING = _RULES - {"意见", "决定"}  # in force until revised, not one year's


def in_force(
    named: Sequence[Document], years: Sequence[int], revised: bool = False
) -> list[Document]:
    """Of the editions held of one regulation, the one in force in the year asked (the
    latest dated no later): 2017年版 is the 2012 text where the next held is of 2023, and
    17年施行的网络安全法 the 2016 text where it is the only one; [] if the year precedes them
    all, the question asks of a revision (`revised`: 2025年修正后的…, which the corpus
    may not hold), or the documents are not editions of a regulation."""
    editions = [d for d in named if d.meta.kind in _RULES and d.meta.year]
    if not editions or len(editions) != len(named) or not years:
        return []
    if len(editions) == 1 and (revised or editions[0].meta.kind not in STANDING):
        return []  # one year's 意见 (2023年一号文件) is not in force in 2024
    if not share_a_name(editions):
        return []  # two texts, not two editions of one
    before = [d for d in editions if (d.meta.year or 0) <= years[0]]
    return [max(before, key=lambda d: d.meta.year or 0)] if before else []


def placed_law_names(folded: str) -> list[str]:
    """The laws a question names, each with the place said right before it (广东省的盐业
    管理条例 names 广东省盐业管理条例, not the 河南省 one a corpus holds)."""
    names = []
    for law in law_names(folded):
        at = folded.find(law)
        place = "" if at < 0 or SPELLED_PLACE.match(law) else place_before(folded, at)
        names.append(place + law)
    return names


# the kinds of a rule's or plan's title, written the same wherever it is cited (a report or
# a speech is named in many ways: 2024年政府工作报告, 政府工作报告（2024年）)
_RULE_TITLE = (*LAW_ENDINGS, "办法", "规定", "细则", "纲要")


def unwritten_title(documents: Sequence[Document], folded: str) -> str:
    """A rule the question names by its full title in 《》 that no document is and no text
    of the corpus cites in 《》 (《中国共产党宣传工作条例》 beside a page on 讲好中国故事
    that a word of the title would name): a text it lacks, asked of. '' when any title the
    question gives in 《》 is held or cited, or is no rule's."""
    titles = book_titles(folded)
    cores = [title_core(t) for t in titles]
    pairs = zip(titles, cores, strict=True)
    if not titles or any(not c.endswith(_RULE_TITLE) or generic(t) for t, c in pairs):
        return ""
    table = law_title_table(documents)
    for core in cores:
        if cited(documents, core) or any(names_a_held_law(core, own) for _, own in table):
            return ""
    return f"《{titles[0]}》"


def cited(documents: Sequence[Document], title: str) -> bool:
    """Whether the corpus gives or cites the title in 《》 (compared as `title_core` reads it)."""
    return title_core(title) in memo(documents, "cited_titles", lambda: _cited_titles(documents))


def _cited_titles(documents: Sequence[Document]) -> frozenset[str]:
    """The titles the corpus gives or cites in 《》, as `title_core` reads them: read once per
    catalog, since every question naming a title it does not hold is checked against them."""
    cited = set().union(*_citations(documents))
    return frozenset(cited | {title_core(d.title) for d in documents})


def citing_documents(documents: Sequence[Document], document: Document) -> int:
    """How many other documents cite the document's title in 《》 (as `title_core` reads both: a
    local rule's 《河南小秦岭国家级自然保护区条例》 is no citation of the nation's)."""
    own = title_core(document.title)
    return sum(
        own in cores
        for d, cores in zip(documents, _citations(documents), strict=True)
        if d is not document
    )


def _citations(documents: Sequence[Document]) -> tuple[frozenset[str], ...]:
    """Each document's titles in 《》, its own title's and its text's, read once per catalog."""

    def read() -> tuple[frozenset[str], ...]:
        return tuple(
            frozenset(
                title_core(m)
                for text in (d.title, *(p.text for p in d.passages))
                for m in _CITED.findall(text)
            )
            for d in documents
        )

    return memo(documents, "citations", read)


_CITED = re.compile(r"《([^》]{2,40})》")


# the kinds of text that lay down rules, beside news, reports and speeches
RULE_TEXTS = RULE_KINDS | {"法律", "规则"}


def rule_documents(documents: Sequence[Document]) -> frozenset[str]:
    """The documents that lay down rules (a law, a regulation, its implementing rules)."""
    return memo(
        documents,
        "rule_texts",
        lambda: frozenset(d.doc for d in documents if d.meta.kind in RULE_TEXTS),
    )
