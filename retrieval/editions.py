"""Which edition of a text a question means when the corpus holds several (公司法 as revised in
2018 and in 2023): the one it calls new (新公司法, 现行公司法, 修订后的公司法) or the ones it calls
old (旧公司法); both for 新旧公司法."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath

from retrieval.catalog import memo
from retrieval.laws import LAW_WORD_ON
from retrieval.markers import CN_NUM
from retrieval.model import Document, Passage
from retrieval.names import document_names, share_a_name, year_free
from retrieval.normalize import fold, fold_many, plain_text, written_traditional
from retrieval.quotes import in_runs
from retrieval.regulations import STANDING, in_force
from retrieval.title_tokens import place_tokens

# (现在的统计法, 目前的公司法: the one in force now)
# (alternatives longest first: a search stops at the first that matches, 新版本 not 新)
NEWEST = "(?:最新|新版本|新版|现行|现在|目前|当前|新)(?:修订|修正|修改)?后?的?|修订后的?|修正后的?"
# 老版本: the edition before (not 新旧版本); 原来的, 以前那部 too (not 原来 alone: 原来…也管…,
# "so it turns out")
_OLDER = "(?<!新)(?:(?:旧|老|原)(?:版本|版)?的?|(?:原来|原先|以前|过去)(?:的|那[部版]的?))"
_BOTH = "(?:新旧|新老)(?:版本|版)?的?"
# 第一部广告法, 原版 (the original) too
_EARLIEST = "(?:最早|最初|最老|第一)(?:那|的)?一?[版部]?(?:本)?的?|原版本?的?"
_MADE = "(?:实施|管理|暂行)?"  # how a text was made, said before its kind (实施细则)


def edition_asked(
    folded: str, named: Sequence[Document], names_of: Callable[[Document], tuple[str, ...]]
) -> list[Document]:
    """The named documents with, of the editions of one text among them, those a word right
    before its name picks: the latest for 新公司法, the others for 旧公司法; [] when the
    question says neither (or asks of both: 新旧公司法); those before a revision named."""
    if before := before_revision(folded, named):
        return before
    # (each read once, not once a name: both look through a text's passages)
    amending = {d.doc for d in named if _amends(d)}
    apart = amending | {d.doc for d in named if _reports_on(d)}
    for document in named:
        for name in names_of(document):
            editions = [d for d in named if name in names_of(d) and d.doc not in apart]
            years = {d.meta.year for d in editions}
            if len(years) < 2 or None in years:
                continue
            picked = _picked(folded, re.escape(name), editions)
            if picked:
                return [
                    d
                    for d in named
                    if d in picked
                    or (_also_asked(d, editions, name, folded) and d.doc not in amending)
                ]
            if picked is not None:
                return []  # both asked (新旧公司法)
    return []


# a page's headline quoting a text's name (《噪声污染防治法》今日正式实施) reports on that edition;
# one telling of a revision (新修订的《治安管理处罚法》解读) on a new one
_QUOTED = re.compile(r"《[^》]+》")
_REVISED = re.compile(r"修订|修正|修改")


def _reports_on(document: Document) -> bool:
    """A page reporting on a text's edition, not an edition of its own: not a copy of the
    text, titled by its name alone (《…法》) or printing its 第一条 (a report quotes articles)."""
    title = document.title
    return (
        not document.meta.kind
        and bool(_QUOTED.search(title))
        and not _QUOTED.fullmatch(title.strip())
        and not _REVISED.search(title)
        and not any("第一条" in p.section for p in document.passages)
    )


# a decision amending texts (国务院关于修改《…外汇管理条例》的决定, …修改《A》和废止《B》的决定,
# 《国务院关于修改〈烈士褒扬条例〉的决定》, 关于修改中华人民共和国可再生能源法的决定)
_AMENDS = re.compile(
    r"关于(?:修改|修正|废止)(?:[《〈][^》〉]+[》〉](?:\s*[和及、]?(?:修改|修正|废止)?[《〈][^》〉]+[》〉])*"
    r"|[\u4e00-\u9fff]{2,40}?(?:法|条例|规定|办法|细则))(?:等[^的]{0,12})?的决定"
)


def _amends(document: Document) -> bool:
    """A decision amending a text, holding its changes and not its articles: no edition of
    it, old or new (老版外汇条例第一条 is not the 1997 decision's); unless it prints the text
    whole (…关于修改《巡视工作条例》的决定 over 第一条…)."""
    return bool(_AMENDS.search(fold(document.title))) and not any(
        "第一条" in p.section for p in document.passages
    )


def in_force_edition(named: Sequence[Document]) -> list[Document]:
    """Of several dated editions of one law or regulation a question names with no edition or
    year, the newest: the text in force (草原防火条例 of 2008 beside 1993's; 旧版… is asked
    otherwise; a report is one year's, not in force until replaced)."""
    years = [d.meta.year for d in named]
    if (
        None in years
        or len(set(years)) < len(years)
        or any(d.meta.kind not in STANDING for d in named)
    ):
        return []
    names = [_edition_names(d) for d in named]
    if not set.intersection(*names):
        return []
    return [max(named, key=lambda d: d.meta.year or 0)]


def _edition_names(document: Document) -> set[str]:
    """A document's names with their year left out: what its editions share."""
    return {year_free(n) for n in document_names(document)}


def _also_asked(document: Document, editions: Sequence[Document], name: str, folded: str) -> bool:
    """Whether a named document beside the editions one word picks is still asked of: another
    text the question names itself (新公司法和证券法), or a page whose headline names the text
    (就…条例修订答记者问); not a page only citing it (旧版北京燃气条例 is not the accident report
    quoting 《北京市燃气管理条例》)."""
    return document not in editions and (
        name in plain_text(document.title) or any(n in folded for n in document_names(document))
    )


# the revision a question asks about the text before (2021年修订前的行政处罚法, 修改以前的
# 条例; not 修订前后, both): the editions before it are asked, not the one of its year
_BEFORE_REVISION = re.compile(
    r"(?:((?:19|20)\d\d)\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?)?(?:修订|修改|修正)(?:以前|之前|前(?!后))"
)


def without_revision_year(folded: str) -> str:
    """`folded` with a revision it asks about the text before blanked out (2021年修订前), its
    year with it (same length)."""
    return _BEFORE_REVISION.sub(lambda m: " " * len(m.group(0)), folded)


def before_revision(folded: str, named: Sequence[Document]) -> list[Document]:
    """Of the dated editions of one text named, those before the revision the question
    names (the year's, else the latest); [] when it names none."""
    said = _BEFORE_REVISION.search(folded)
    years = [d.meta.year for d in named]
    if not said or len(set(years)) < 2 or None in years:
        return []
    if not share_a_name(named):
        return []  # several texts, not editions of one
    bound = int(said.group(1)) if said.group(1) else max(y or 0 for y in years)
    return [d for d in named if (d.meta.year or 0) < bound]


# the first edition named by its year (1985年最早那版会计法, 2003年原始版本, 2001年最初通过的…)
_ORIGINAL = re.compile(
    r"((?:19|20)\d\d)\s*年(?:的|那版|那部)?(?:最早|最初|原始|原版|初版|首版|第一版)"
)


def unheld_original(folded: str, named: Sequence[Document]) -> str:
    """The first edition of a text a question asks of by its year, where every edition held
    is later (1985年最早那版会计法 beside the 2017 and 2024 texts): what to say the corpus
    lacks; '' when it holds it or the question asks no such thing."""
    said = _ORIGINAL.search(folded)
    years = [d.meta.year for d in named]
    if not said or not named or None in years or min(y or 0 for y in years) <= int(said[1]):
        return ""
    if not share_a_name(named):
        return ""  # several texts, not editions of one
    title = re.sub(r"[（(][^（）()]*[）)]$", "", named[0].title)
    return f"{said[1]}年的最初版本《{title}》"


def _picked(folded: str, named_as: str, editions: Sequence[Document]) -> list[Document] | None:
    """Of the dated editions of one text, those the word right before `named_as` (a pattern)
    picks: the latest after 新, the others after 旧, the first after 最早, none for both (新旧);
    None when no such word is said."""
    latest = max(d.meta.year or 0 for d in editions)
    if re.search(rf"(?:{_BOTH}){named_as}", folded):
        return []
    if re.search(rf"(?:{NEWEST}){named_as}", folded):
        return [d for d in editions if d.meta.year == latest]
    if re.search(rf"(?:{_EARLIEST}){named_as}", folded):  # 最早那版消保法: the first held
        earliest = min(d.meta.year or 0 for d in editions)
        return [d for d in editions if d.meta.year == earliest]
    if re.search(rf"(?:{_OLDER}){named_as}", folded):
        return [d for d in editions if d.meta.year != latest]
    return None


def edition_of_kind(
    folded: str, of_kind: Sequence[Document], kinds: Sequence[str]
) -> list[Document]:
    """Of the editions held of one text, called by its kind alone (新的司法解释, 旧条例),
    the latest or the others as for `edition_asked`; [] when the documents of that kind are
    several texts (新条例 then picks none by its date) or the question says neither."""
    years = {d.meta.year for d in of_kind}
    if len(years) < 2 or None in years or not share_a_name(of_kind):
        return []
    # with how the text was made between (新版实施细则)
    kind = rf"{_MADE}(?:{'|'.join(map(re.escape, kinds))})"
    return _picked(folded, kind, of_kind) or []


def newest_edition(documents: Sequence[Document]) -> list[Document]:
    """The newest of several dated editions of one text (a name in common, years all known
    and all different): a question naming no edition asks of the text in force; [] when the
    documents are not editions of one text."""
    years = [d.meta.year for d in documents]
    if len(documents) < 2 or None in years or len(set(years)) < len(years):
        return []
    if not share_a_name(documents):
        return []
    return [max(documents, key=lambda d: d.meta.year or 0)]


_ATTACHED = rf"(?:省|市|自治区)?的?{_MADE}"  # between a place and its kind of text


def _title_year(title: str) -> int | None:
    """The one year a title names, if it names one."""
    years = set(re.findall(r"((?:19|20)\d\d)年", title))
    return int(years.pop()) if len(years) == 1 else None


def named_by_kind(
    documents: Sequence[Document],
    plain: str,
    years: Sequence[int],
    kinds: Sequence[str],
    places_of: Callable[[Document], frozenset[str]],
) -> list[Document]:
    """The documents a kind of text names with a year (21年那份报告, 22年施行的那个解释), an
    edition (新的司法解释) or a place (北京2025年报告: of the 2025 reports, 北京's)."""

    def build() -> list[Document]:  # once per catalog and kinds asked: few kinds are said
        kind_texts = memo(
            documents,
            "kind_texts",
            lambda: [fold(d.title) + d.meta.kind + " ".join(d.meta.names) for d in documents],
        )
        return [
            d
            for d, text in zip(documents, kind_texts, strict=True)
            if any(k in text for k in kinds)
        ]

    of_kind = memo(documents, "of_kind:" + "|".join(kinds), build)
    places = {t for d in of_kind for t in places_of(d) if len(t) >= 2 and t in plain}
    if places:
        of_kind = [d for d in of_kind if places_of(d) & places]
    if not years:
        # or the place said with the kind (浙江办法, 山东省的实施办法), not apart from it (上海
        # …比国家条例多了…)
        near = {
            p
            for p in places
            if any(re.search(rf"{re.escape(p)}{_ATTACHED}{re.escape(k)}", plain) for k in kinds)
        }
        return edition_of_kind(plain, of_kind, kinds) or [d for d in of_kind if places_of(d) & near]
    # the year said with the kind names the document (2023年报告说2022年…: 2023's)
    said_with = [
        y
        for y in years
        if any(re.search(rf"{y}年(?:[和、与及至到]\d{{4}}年)*.{{0,4}}{k}", plain) for k in kinds)
    ]
    # a bulletin dated the year after names the year it reports in its title (2023年2月28日's
    # 中华人民共和国2022年…统计公报 is 2022年统计公报); not a title of two years (…2022年计划
    # 执行情况与2023年计划草案的报告: its own year's)
    asked = set(said_with or years)
    dated = [d for d in of_kind if d.meta.year in asked or _title_year(d.title) in asked]
    # else the edition of one text in force that year, of several held
    return dated or (in_force(of_kind, years) if len(of_kind) > 1 else [])


# the year and act that date an edition (2009年修订的统计法, 统计法（2024年修正）)
_DATED = r"(?:(?:19|20)\d\d年)?(?:修订|修正|修改|公布|颁布)后?的?"
_DATED_AFTER = r"(?:[（(][^（）()]{0,12}[）)])?"


def as_said(question: str, names: Sequence[str]) -> tuple[str, ...]:
    """Each name as the question (folded, its years written out) says it, with the words
    before or after it that pick the edition (新修订的科技进步法, 2009年修订的统计法): the words
    that name a text, not what is asked of it."""
    said = []
    for name in names:
        edition = rf"(?:{_BOTH}|{NEWEST}|{_OLDER}|{_DATED})?{re.escape(name)}{_DATED_AFTER}"
        m = re.search(edition, question)
        said.append(m.group(0) if m else name)
    return tuple(said)


# an article's number, which editions renumber (第五十八条 of 2015 is 第五十九条 of 2018)
_ARTICLE_NUMBER = re.compile(rf"^第[{CN_NUM}\d]+条")


# a question asking of an older edition, the text named or not (旧法规定…, 老版本里, 以前的法律,
# 修订前); not 依旧, 折旧, 养老 or 敬老, nor 法 starting another word (原来的法定代表人)
_OLDER_UNNAMED = re.compile(
    r"(?<![依仍折陈破养敬尊])(?:旧|老|原版|原来的?|原先的?|以前的?|过去的?)"
    rf"(?:版本?|法律|法(?!{LAW_WORD_ON})|条例|规定|办法)|修[订正改]之?前"
)


def asks_older(folded: str) -> bool:
    return bool(_OLDER_UNNAMED.search(folded))


# a question saying an edition, however loosely (老防火条例, 旧征兵条例, 最初那版, 上一版,
# 第二次修正, 令第442号); not a word holding 老 or 旧 (老年人, 老百姓, 老是, 依旧, 折旧) nor a
# day 以前
_RULE_AHEAD = r"(?=[\u4e00-\u9fff]{0,8}?(?:法|条例|规定|办法|细则|章程|版))"
_EDITION_SAID = re.compile(
    rf"(?<![养])老(?![年人板百是家师少])(?:的)?{_RULE_AHEAD}|(?<![依折陈破仍])旧(?:的)?{_RULE_AHEAD}"
    r"|原版|原(?:来|先)的(?:版|条例|法|规定)|最初|最早的?(?:那?版|条例|法)|那版|上一版|之前的版|以前的版"
    r"|修订前|修改前|第[一二三四五六七八九十\d]+次修|令第|号令"
)


def says_edition(folded: str) -> bool:
    """Whether a question says which edition it asks of, however loosely."""
    return bool(_EDITION_SAID.search(folded))


def newest_first(
    shown: Sequence[tuple[Passage, float]],
    years: Mapping[str, int | None],
    older: bool = False,
    editions: Mapping[str, frozenset[str]] | None = None,
    traditional: bool = False,
) -> list[tuple[Passage, float]]:
    """The answer with passages saying the same in several editions of a text (an article
    kept word for word, whatever its number) in the newest edition first, each group in the
    places its passages held: a question naming no edition asks of the text in force, and
    one asking of an older edition (`older`: 旧法规定…) of the oldest first; a passage of no
    known year (a page quoting the article) after the editions either way. Copies of one
    year are read in the question's script first (`traditional`: the question is written in
    Traditional characters): a mirror in the other script says the same to a reader less
    at home in it."""
    out = list(shown)
    groups: dict[str, list[int]] = {}
    # (folded all at once: a quoting page's Traditional characters are the text's words)
    # (the passages that can reach the answer's first places: a twin further down is left)
    leading = [passage.text for passage, _ in out[:GROUPED_PASSAGES]]
    for i, text in enumerate(fold_many(leading)):
        groups.setdefault(_wording(text), []).append(i)
    for slots in _amended_alike(out, groups, editions or {}):
        if len(slots) > 1:
            sign = 1 if older else -1
            members = sorted(
                (out[i] for i in slots),
                key=lambda hit: (
                    years.get(hit[0].doc) is None,
                    sign * (years.get(hit[0].doc) or 0),
                    written_traditional(hit[0].text) != traditional,
                ),
            )
            for i, member in zip(slots, members, strict=True):
                out[i] = member
    return out


def older_edition_first(
    shown: Sequence[tuple[Passage, float]],
    years: Mapping[str, int | None],
    editions: Mapping[str, frozenset[str]],
) -> list[tuple[Passage, float]]:
    """The answer to a question asking of an older edition (旧条例规定…, 原来的…法) with an
    older edition's passage first where the first is the newest edition's: the article as
    reworded since is not the one asked of. Moved: the best passage of an older edition
    among those shown that is nearly as telling and says in part the same (the article
    reworded, not the edition's other articles nor a page beside it); else unchanged."""
    out = list(shown)
    if not out:
        return out
    first = out[0][0]
    newest = years.get(first.doc) or 0
    others = editions.get(first.doc, frozenset())
    if any((years.get(doc) or 0) > newest for doc in others):
        return out  # an older edition's already
    older = {doc for doc in others if (years.get(doc) or newest) < newest}
    floor = MIN_OLDER_SCORE * out[0][1]
    at = next(
        (
            i
            for i, (p, s) in enumerate(out[:GROUPED_PASSAGES])
            if p.doc in older and s >= floor and _alike(first, p, MIN_REWORDED_SHARE)
        ),
        None,
    )
    if at is not None:
        out.insert(0, out.pop(at))
    return out


MIN_OLDER_SCORE = 0.5  # of the first passage's score
MIN_REWORDED_SHARE = 0.3  # of the shorter wording, in runs, an older edition's article keeps
MIN_ALIKE_SHARE = 0.75  # of the shorter article's words, in runs of four or more, in the other
MIN_ALIKE_CHARS = 20  # an article's words: a heading or a short line says too little to tell
MIN_ALIKE_LENGTH = 0.5  # of the longer wording: an amendment adds or drops a clause, not half
LEADING_EDITIONS = 8  # the answer's first passages, compared pair by pair


def _amended_alike(
    out: Sequence[tuple[Passage, float]],
    groups: dict[str, list[int]],
    editions: Mapping[str, frozenset[str]],
) -> list[list[int]]:
    """The groups of passages saying the same, with those among the answer's first passages
    that another edition of the same text amended joined: an article reworded in the text in
    force is still that article. Alike: most of the shorter wording, in runs, in the other,
    which is not much longer (a short article is not one it is quoted in); and the two groups
    hold no document in common (an edition's own article is not its other articles)."""
    merged = [sorted(slots) for slots in groups.values()]

    def edition(slots: list[int]) -> Passage | None:  # the group's first passage of an edition
        return next((out[k][0] for k in slots if out[k][0].doc in editions), None)

    for a in range(len(merged)):
        for b in range(a + 1, len(merged)):
            i, j = merged[a], merged[b]
            if not i or not j or i[0] >= LEADING_EDITIONS or j[0] >= LEADING_EDITIONS:
                continue
            first, second = edition(i), edition(j)
            if first is None or second is None or second.doc not in editions[first.doc]:
                continue
            if {out[k][0].doc for k in i} & {out[k][0].doc for k in j}:
                continue
            if _alike(first, second, MIN_ALIKE_SHARE, MIN_ALIKE_LENGTH):
                merged[a], merged[b] = sorted(i + j), []
    return [slots for slots in merged if slots]


def _alike(first: Passage, second: Passage, share: float, length: float = 0.0) -> bool:
    """Whether two passages say in part the same: `share` of the shorter wording (an
    article's words, `MIN_ALIKE_CHARS` at least), in runs, in the other, which is at most
    1 / `length` times longer."""
    x, y = sorted((_wording(fold(first.text)), _wording(fold(second.text))), key=len)
    return (
        len(x) >= MIN_ALIKE_CHARS and len(x) >= length * len(y) and in_runs(x, y) >= share * len(x)
    )


# the dates in a title, which a yearly text's issues differ by (2024年度, 2026年1月, 第3期)
_SERIES_DATES = re.compile(r"\d+(?:年度|年|月|日|期|届)?")


def editions_of(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """Each dated law or regulation to the other dated editions of it the corpus holds (the
    same name, its year aside). Read once per catalog."""

    def build() -> dict[str, frozenset[str]]:
        holders: dict[str, set[str]] = {}  # a name, its year aside, to the documents bearing it
        for d in documents:
            if d.meta.kind in STANDING and d.meta.year:
                for name in _edition_names(d):
                    holders.setdefault(name, set()).add(d.doc)
            elif d.meta.year and len(series := _SERIES_DATES.sub("", plain_text(d.title))) >= 6:
                # a yearly text of one body, titled alike but for its dates (关于开展党支部
                # 2024年度组织生活会…的通知 / 2025年度…) and filed so (…_2024niandu, …_2025niandu):
                # its years' issues are its editions; not two bodies' 年度报告 titled alike
                filed = _SERIES_DATES.sub("", PurePath(d.doc).stem)
                holders.setdefault(f"{series} {sorted(place_tokens(d))} {filed}", set()).add(d.doc)
        others: dict[str, set[str]] = {}
        for docs in holders.values():
            for doc in docs:
                others.setdefault(doc, set()).update(docs - {doc})
        return {doc: frozenset(found) for doc, found in others.items() if found}

    return memo(documents, "editions", build)


def _wording(folded: str) -> str:
    """An article's folded words without its number, white space and punctuation (two
    editions may break its lines differently, a page quoting it may print 第18条 with
    half-width commas)."""
    text = folded.strip()
    number = _ARTICLE_NUMBER.match(text)
    return (text[number.end() :] if number else text).translate(_UNPUNCTUATED)


GROUPED_PASSAGES = 40  # of the passages shown, those grouped with their twins
_UNPUNCTUATED = str.maketrans("", "", " \t\n\r\u3000，,。.、；;：:！!？?“”\"‘’'（）()《》「」—-…·")
