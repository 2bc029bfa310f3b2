"""What a question points at besides its words: a document, a year, a quoted phrase.

Reports of different years share most of their wording ("2021年的赤字率" beside 2017's): the
year is a constraint, as are a document the question names (十九大报告, 一号文件) and a quoted
phrase, found whole. All rules here are general: names come from each document's metadata
(`retrieval.metadata`), never from a list of documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, replace

from retrieval.catalog import memo, owners_of
from retrieval.dates import (
    RELATIVE_YEARS,
    anniversaries,
    canonical_years,
    first_date,
    iso,
    near_day,
    question_years,
    without_compared,
    year_spans,
)
from retrieval.doc_numbers import numbered
from retrieval.editions import (
    as_said,
    asks_older,
    edition_asked,
    in_force_edition,
    named_by_kind,
    unheld_original,
    without_revision_year,
)
from retrieval.history import asks_history
from retrieval.laws import (
    LAW_WORD_ON,
    law_names,
    names_a_held_law,
    names_no_text,
    quotes_article,
)
from retrieval.model import Document
from retrieval.names import (
    MIN_NAME_CHARS,
    document_names,
    names_said,
    outermost,
    said_as_word,
    says_dated_name,
    texts_on_law,
    titled,
    year_free,
)
from retrieval.normalize import blanked, fold, plain_text
from retrieval.occasions import commemorated, meeting_headlines, named_by_meeting, unheld_occasion
from retrieval.parts import read_place
from retrieval.placed import of_places, placed_by, placed_of_kind, said_places
from retrieval.places import (
    NATIONAL,
    SPELLED_PLACE,
    asked_place,
    asks_which_place,
    place_stem,
    places_of,
)
from retrieval.quotes import pointing_quotes, quoted_phrases
from retrieval.regulations import (
    cited,
    held_titles,
    history_records,
    implementing_rules,
    in_force,
    law_title_table,
    mentioned_titles,
    mentioning_documents,
    named_by_abbreviation,
    names_here,
    own_short_names,
    placed_law_names,
    rule_documents,
    unwritten_title,
)
from retrieval.reports_on import COMMENTARY, draft_unheld, reports_on, reports_on_a_text
from retrieval.sessions import (
    another_places_plenum,
    contradicts,
    named_ordinals,
    naming_ordinals,
    ordinal_name,
    unheld_plenum,
)
from retrieval.short_titles import named_by_short_title, unheld_year_of_short_title
from retrieval.title_tokens import (
    named_by_speaker,
    named_by_title_token,
    other_anniversary,
    place_tokens,
    whose,
)
from retrieval.unheld_places import GENRES, kind_words, local_documents, missing_place
from retrieval.yearly_texts import headless_of_year, kin_of_year, of_span, pages_on


@dataclass(frozen=True)
class Target:
    """What a question names. `docs` None: no document named (search them all)."""

    docs: frozenset[str] | None = None
    years: tuple[int, ...] = ()  # years the question writes out: passages must speak of them
    soft_years: tuple[int, ...] = ()  # 今年/去年 of a named document: preferred, not required
    phrases: tuple[str, ...] = ()  # quoted text, folded, to be found whole
    missing: str = ""  # a named document the corpus does not hold: 2023年政府工作报告
    understood: tuple[str, ...] = ()  # titles of the documents understood, for the reply
    preferred: frozenset[str] = frozenset()  # documents of a place the question names
    dating: tuple[str, ...] = ()  # words that date a year (新中国成立70周年): not a topic
    said: tuple[str, ...] = ()  # its own short names of them (科技进步法), headlines naming them
    named: bool = False  # `docs` are documents the question names, not only a reader's scope
    by_number: bool = False  # named by their number alone (505号令), not by their titles' words


def _best_named(documents: Sequence[Document], plain: str) -> list[Document]:
    """Documents the question names, by the longest names it uses: 四川省政府工作报告 names
    the provincial report, not every 政府工作报告."""
    names, owners = memo(documents, "names", lambda: owners_of(documents, document_names))
    # a year inside a name is read apart (宁夏2026年政府工作报告), and a 的 inside a long one
    unyeared = re.sub(r"(?<=[\u4e00-\u9fff])(?:19|20)\d\d年(?=[\u4e00-\u9fff])", "", plain)
    joined = {n for n in names.within(plain.replace("的", "")) if len(n) >= 6}  # 实施…法的若干规定
    found = {
        name
        for name in {*names.within(plain), *names.within(unyeared), *joined}
        # 公司法人 is no 公司法; 水法 is a word of the question, not 水 / 法 of 节水法规
        if len(name) >= MIN_NAME_CHARS
        or (said_as_word(name, plain) and re.search(rf"{name}(?!{LAW_WORD_ON})", plain))
    }
    # two names said apart name two (契税法, 契税暂行条例); 湖北省委十二届三次全会 no 四川 plenum
    named = {
        i
        for name in outermost(found)
        for i in owners[name]
        if not another_places_plenum(name, plain, document_names(documents[i]), whose(documents[i]))
    }
    return [documents[i] for i in sorted(named)]


# a text implementing a law said with a 的 between them (动植物检疫法的实施条例, 人民陪审员法的
# 那个司法解释): the implementing text's own name, 动植物检疫法实施条例
_IMPLEMENTING_SAID = re.compile(
    r"(法|条例)(?:的|之)(?:那个|这个|那部|这部)?(实施条例|实施细则|实施办法|(?:司法)?解释)"
)


def find_target(
    question: str, documents: Sequence[Document], known_years: Container[int] | None = None
) -> Target:
    """Which documents, years and phrases `question` names (`known_years`: `question_years`)."""
    target = _find_target(question, documents, known_years)
    # a text of a span of years the corpus lacks is named by its span, not by its last year
    # (全民健身计划（2026—2030年）, not 2030年全民健身计划)
    for first, last in year_spans(fold(question)):
        if target.missing.startswith(f"{last}年"):
            name = target.missing.removeprefix(f"{last}年")
            return replace(target, missing=f"{name}（{first}—{last}年）")
    return target


def _find_target(
    question: str, documents: Sequence[Document], known_years: Container[int] | None
) -> Target:
    folded = _IMPLEMENTING_SAID.sub(r"\1\2", fold(question))
    numbers, number_words = numbered(documents, folded)  # 505号令, 国办发〔2012〕4号
    counted = without_revision_year(without_compared(blanked(folded, number_words)))
    years = [m.year for m in question_years(counted, known_years)]
    written = canonical_years(folded, known_years)  # 19年 and 二〇一九年 as 2019年
    plain = plain_text(written)
    phrases = quoted_phrases(question)
    place = asked_place(folded)  # the place whose report it names, if any

    if unwritten := unwritten_title(documents, folded) or unheld_plenum(documents, plain):
        return Target(years=tuple(years), phrases=phrases, missing=unwritten)
    named = texts_on_law(documents, _best_named(documents, plain), plain)
    carrying = {d.doc for d in numbers}
    # (named by number alone, the titles' words are the question's own: 505号令门槛人数)
    by_number = bool(numbers) and not any(d.doc in carrying for d in named)
    if numbers:  # of the texts named, those carrying the number said
        named = [d for d in named if d.doc in carrying] or numbers
    recorded: list[int] = []
    honoured, unheld = commemorated(documents, folded)
    if unheld and not _MENTION.search(folded):
        return Target(years=tuple(years), phrases=phrases, missing=unheld)
    named = honoured or named
    named = [d for d in named if not contradicts(d, plain)] or (
        [] if named and naming_ordinals(plain) else named
    )
    # 哪个省的政府工作报告 asks of every place's, not of the one titled by the genre alone
    if (which_place := asks_which_place(folded)) and named and _generic(named, plain):
        named = []
    local_law = _local_law(named, folded) if named else ""
    if local_law and not _told_of(documents, folded, local_law):
        return Target(years=tuple(years), phrases=phrases, missing=f"《{local_law}》")
    if named and (rules := implementing_rules(documents, folded)):
        rules = _whole_name(documents, folded, rules)
        if not _told_of(documents, folded, rules):
            return Target(years=tuple(years), phrases=phrases, missing=f"《{rules}》")
        # when it was made, asked of the pages telling of it, not of the text it implements
        telling = mentioning_documents(documents).get(plain_text(rules), frozenset())
        named = [d for d in documents if d.doc in telling]
    if named and _generic(named, plain) and _unplaced(named):
        # a genre's name every place's document shares, asked of a place: 广东今年的政府工作报告
        # is Guangdong's (新年贺词里关于台湾… asks of 台湾); 哪个省政府工作报告, the provinces'
        ends = [folded.find(n) + len(n) for d in named for n in document_names(d) if n in folded]
        head = folded[: max(ends)] if ends and _INSIDE.match(folded[max(ends) :]) else folded
        placed = placed_by(documents, head) or placed_of_kind(documents, head, named)
        placed = [d for d in placed if not contradicts(d, plain)]
        if placed or _LOCAL_GENRE.search(folded):
            named = placed
        if not placed and place:
            _, known, _ = memo(documents, "local", lambda: local_documents(documents))
            if place_stem(place) not in known:  # 北京市政府工作报告, none held
                return Target(years=tuple(years), phrases=phrases, missing=f"{place}政府工作报告")
    if (
        not named
        and naming_ordinals(plain)
        and not _MENTION.search(folded)
        and memo(documents, "ordinals", lambda: any(named_ordinals(d) for d in documents))
    ):
        # "二十届四中全会公报" where the corpus holds the 十九届 one
        same_kind = [d for d in documents if d.meta.kind and d.meta.kind in kind_words(folded)]
        if same_kind and any(named_ordinals(d) for d in same_kind):
            return Target(phrases=phrases, missing=ordinal_name(plain))
    if not named and (lacking := _missing_law(documents, folded, of_place=True)):
        # 河南省就业促进条例 names a law, not the one regulation of 河南 the corpus holds
        # (山东那个普法条例 only describes 山东's)
        return Target(years=tuple(years), phrases=phrases, missing=lacking)
    if not named and not which_place:
        # (none of another place than those said: 深圳学前教育条例…幼儿园 is no 广州市幼儿园条例)
        spoken = said_places(documents, folded)
        namers: tuple[Callable[[], list[Document]], ...] = (
            lambda: _named_by_token(documents, folded),
            lambda: named_by_meeting(documents, folded),
            lambda: named_by_abbreviation(documents, folded),
            lambda: named_by_short_title(documents, folded, years),
            lambda: titled(documents, pointing_quotes(folded)),
        )
        for namer in namers:
            named = [
                d for d in namer() if not (spoken and place_tokens(d)) or place_tokens(d) & spoken
            ]
            if named:
                break
        asked = place_stem(place)  # not another place's
        named = [d for d in named if not asked or asked in place_tokens(d)]
        # nor another anniversary's (习近平 names his 150周年 speech, not at 五四运动100周年)
        named = [d for d in named if not other_anniversary(d, folded)]
    if (
        not named
        and not _MENTION.search(folded)
        and (unheld := unheld_year_of_short_title(documents, folded, years))
    ):
        return Target(years=tuple(years), phrases=phrases, missing=unheld)
    if not _MENTION.search(folded) and (unheld := unheld_occasion(documents, named, folded)):
        return Target(years=tuple(years), phrases=phrases, missing=unheld)
    party = _PARTY_DOCUMENT.search(plain)
    if not named and party and not _MENTION.search(folded) and not _about(documents, party):
        # "二十大报告里…" where no document is of or about that congress
        return Target(years=tuple(years), phrases=phrases, missing=party.group(0))
    lacking = "" if named else _missing_by_name(documents, folded, years)
    # a genre the corpus lacks (党章) beside a text it holds, named by kind and year
    # (2015年版处分条例…按党章除名), is what that text applies (党章规定… asks of it)
    kinds = kind_words(folded)
    if lacking and not (
        lacking.endswith(GENRES)
        and kinds
        and named_by_kind(documents, plain, years, kinds, place_tokens)
    ):
        return Target(years=tuple(years), phrases=phrases, missing=lacking)
    if years:
        with_year = [d for d in named if d.meta.year in years or says_dated_name(d, plain, years)]
        said = [n for d in named for n in document_names(d) if n in plain]
        # 2021到2025年的计划: the one titled (2021—2025年), and the pages opening on it
        with_year = with_year or of_span(documents, said, year_spans(folded))
        # "2023年政府工作报告" where the corpus holds other years' reports only; not a year
        # the question asks about inside a named report (安徽的报告说2025年…)
        dated = [  # 2023年政府工作报告, 2025年全国两会的政府工作报告
            n for n in said for y in years if re.search(rf"{y}年.{{0,6}}{re.escape(n)}", plain)
        ]
        local = any(g in n for n in dated for g in GENRES)  # 2025年陕西省政府工作报告
        revised = bool(re.search(r"修正|修订|修改", plain))
        if named and not with_year and (then := in_force(named, years, revised)):
            with_year = then  # 2017年版 of a regulation held as of 2012 and of 2023
        if not with_year and (with_year := history_records(named, years, plain)):
            recorded = years  # a revision of the amended text held: its passages need not say it
        if named and not with_year and dated and (_generic(named, plain) or local):
            # the year's report of the same place under a fuller title ((四川省)四川省人民政府
            # 工作报告(2024年…) beside 政府工作报告（四川，2026年）): that one, not "missing"
            # (or pages of the place and year telling of it being given: 严金海所作的政府工作报告)
            said_name = max(dated, key=len)  # 西藏政府工作报告, not the 藏政府工作报告 inside it
            genre = next((g for g in GENRES if g in said_name), "")
            with_year = (
                kin_of_year(documents, named, dated[0], years)
                or pages_on(documents, dated[0], years)
                or (_telling(documents, folded, genre, _year_of(said_name, plain)) if genre else [])
            )
            if not with_year:
                said_year = (_year_of(said_name, plain) or years)[0]
                return Target(
                    years=tuple(years), phrases=phrases, missing=f"{said_year}年{said_name}"
                )
        if named and not with_year and said and _generic(named, plain):
            # a day's page on a text every year has, the day said apart from its name
            # (2026年1月28日各代表团除了政府工作报告还审了…: that day's page on the report; not
            # 广州2023年农村居民收入…按政府工作报告, a year the report tells of)
            pages = pages_on(documents, said[0], years)
            opening = {d.doc: [p.text for p in d.passages[:2]] for d in pages}
            with_year = [d for d in pages if near_day(d.meta.date, folded, opening[d.doc])]
        if named and not with_year:
            with_year = headless_of_year(documents, named, years)
        if named and not with_year and (lacking := _missing_local_year(named, plain, years)):
            return Target(years=tuple(years), phrases=phrases, missing=lacking)
        named = with_year or named
    if not named and kinds:
        named = named_by_kind(documents, plain, years, kinds, place_tokens)
    # a day names the one of them dated so (2024年4月29日那期 of a weekly column)
    day = first_date(folded) if years else None
    on_day = [d for d in named if d.meta.date == iso(day)] if day and day[2] else []
    named = on_day if 0 < len(on_day) < len(named) else named
    if (
        named
        and place
        and not _unplaced(named)
        and not any(place_stem(place) in place_tokens(d) for d in named)
    ):  # 西藏自治区政府工作报告 where the corpus holds 青海's, and no page of 西藏's tells of it
        named = _telling(documents, folded, "政府工作报告", years)
        if not named:
            return Target(years=tuple(years), phrases=phrases, missing=f"{place}政府工作报告")
    if place:  # 陵川2025年的政府工作报告: 陵川's, not the other counties' of that year
        named = [d for d in named if place_stem(place) in place_tokens(d)] or named
    national = _NATIONAL_REPORT.search(folded)
    if national and named:
        # 全国/国务院的政府工作报告 is the nation's, not a province's report of the year asked
        nation = [d for d in named if not place_tokens(d)]
        if not nation or any(
            d.meta.year in years and d.meta.year not in {n.meta.year for n in nation} for d in named
        ):
            year = f"{years[0]}年" if years else ""
            return Target(years=tuple(years), phrases=phrases, missing=year + national.group(0))
        named = nation
    # 新公司法, 旧公司法; 新保密法 of 保守国家秘密法
    named = edition_asked(folded, named, lambda d: names_here(d, folded)) or named
    if lacking := unheld_original(folded, named):
        return Target(years=tuple(years), phrases=phrases, missing=lacking)
    if reported := reports_on(documents, named, folded):
        named = reported
    elif named and draft_unheld(named, folded):
        named = []  # its draft asked of, which none of the texts named is: found by its words
    placed = [] if named else placed_by(documents, folded)
    relative = [  # 今年 in a question about a report is that report's year
        d.meta.year + delta
        for w, delta in RELATIVE_YEARS.items()
        if w in folded
        for d in named or placed
        if d.meta.year is not None
    ]
    # a place's documents (all, where several share it), else the nation's where none is said
    preferred = placed
    if not named and not placed:
        preferred = of_places(documents, folded) or _national(documents, folded, place)
    if len(named) > 1:
        preferred = _first_hand(named, folded, place, said_places(documents, folded))
        # (not where it asks which one says a thing, or an edition's history: 哪一年的…,
        # 第二次修正是在哪次会议上通过的)
        if not (preferred or years or phrases or asks_older(folded) or asks_history(folded)):
            preferred = in_force_edition(named)
    docs = frozenset(d.doc for d in named) if named else None
    return Target(
        dating=tuple(anniversaries(folded)),
        named=docs is not None,
        by_number=by_number,
        docs=docs,
        years=tuple(y for y in dict.fromkeys(years) if y not in recorded),
        soft_years=tuple(
            y for y in dict.fromkeys(relative + recorded) if y not in years or y in recorded
        ),
        phrases=phrases,
        understood=tuple(d.title for d in named),
        said=as_said(
            written,
            list(dict.fromkeys([*own_short_names(folded, named), *names_said(named, written)])),
        )
        + meeting_headlines(documents, named, folded)
        + tuple(number_words),
        preferred=frozenset(d.doc for d in preferred),
    )


MIN_MENTIONS_ABOUT = 3  # a text naming a congress this often is about it
# a party document named by its congress or plenum and its kind (二十大报告, 十九届五中全会公报)
_PARTY_DOCUMENT = re.compile(
    r"[一二三四五六七八九十]+届[一二三四五六七八九十]中全会(公报|决定|决议)|[一二]?十[一二三四五六七八九]?大报告"
)


def _about(documents: Sequence[Document], party: re.Match[str]) -> bool:
    """Whether a document is of or about the congress or plenum named (the 说明 of the
    十八届三中全会决定 answers how it was drafted)."""
    session = party.group(0)[: party.start(1) - party.start(0)] if party.group(1) else "大"
    if session == "大":
        session = party.group(0).removesuffix("报告")
    texts = memo(documents, "about", lambda: [_about_text(d) for d in documents])
    # named in a title, or spoken of again and again (the 说明 of its 决定: 十八届三中全会 ×5)
    return any(session in text for text in texts) or any(
        sum(p.text.count(session) for p in d.passages) >= MIN_MENTIONS_ABOUT for d in documents
    )


# 规定 as a verb: 第七条规定的, 条例规定, 是怎么规定的 (what a text stipulates, not a 规定 named)
# a text's draft said after its name (草案, 修订草案, 》送审稿, 征求意见稿)
_DRAFT = re.compile(r"》?[（(]?(?:修订|修正|修改)?(?:草案|送审稿|征求意见稿)")
_STIPULATES = re.compile(r"(?<=[条例法则么何样》])规定|规定(?=[的了：:])")
_ASKS_RULE = re.compile(r"(什么|何种|哪些|怎样的?)(规定|意见|办法|方案|要求)")
# how a text was made, asked plainly (哪一年印发, 哪次会议修订通过的, 什么时候开始施行; not
# 什么时候可以申请, what it says), or vaguely of a title given in 《》 (《…》是谁印发的, 作用)
_MADE_ASKED = re.compile(
    r"印发|发布|出台|颁布|哪一?年|哪天|哪个部门|哪家|哪次会议|(?:修订|制定|出台)背景"
    r"|(?:什么时候|何时)(?:开始|起)?(?:通过|施行|实施|生效|公布|修订|修正|修改|制定|实行|执行)"
    r"|(?:谁|哪个机关)(?:[^，,。？?]{0,4})(?:通过|制定|印发|修订)"
)
_TOLD_OF = re.compile(r"谁|作用|意义|背景")
_MENTION = re.compile(r"哪段|哪里|哪份|哪篇|哪个文件|出自|提到|提的|讲到|说到|引用")


def _about_text(d: Document) -> str:
    return plain_text(" ".join((d.title, d.meta.occasion, d.meta.subtitle, *d.meta.names)))


def _missing_by_name(documents: Sequence[Document], folded: str, years: Sequence[int]) -> str:
    """A document the question names that the corpus does not hold: a regulation or law
    (公务员法), a genre no document belongs to (2026年中央一号文件), or a place's document
    when the corpus holds other places' (浙江省的报告 beside 广东、江苏的)."""
    names = memo(documents, "all_names", lambda: [n for d in documents for n in document_names(d)])
    if lacking := _missing_law(documents, folded):
        return lacking
    for genre in GENRES:
        if (
            genre in folded
            and not any(genre in n for n in names)
            and not _telling(documents, folded, genre, years)
        ):
            return (f"{years[0]}年" if years else "") + genre
    return missing_place(documents, folded, years)


def _year_of(name: str, plain: str) -> list[int]:
    """The year said right before a text's name (2024年西藏政府工作报告从…总结了2023年…)."""
    said = re.search(rf"(\d{{4}})年.{{0,6}}{re.escape(name)}", plain)
    return [int(said.group(1))] if said else []


def _telling(
    documents: Sequence[Document], folded: str, genre: str, years: Sequence[int]
) -> list[Document]:
    """The pages of a place the question names, of the year it asks, telling of the genre's
    text it does not hold being given (渠县2024年人代会的政府工作报告是谁作的: 县长…作政府工作
    报告; not 渠县2026年…, nor 落实政府工作报告部署)."""
    pages = [d for d in of_places(documents, folded) if not years or d.meta.year in years]
    told = rf"(?:作|审议|听取|讨论)[^。，,；]{{0,12}}?《?{genre}|{genre}》?(?:共分|分为|全文)"
    return [d for d in pages if any(re.search(told, p.text) for p in d.passages)]


def _missing_law(documents: Sequence[Document], folded: str, of_place: bool = False) -> str:
    """A law or regulation the question names that is none of the corpus's (`of_place`:
    named in full, after its place)."""
    # "报告里国家监察法是在哪段提的" asks about a mention, which a document may hold
    # (两种文件, one named in the other); "有什么规定" asks what a rule says, naming no kind
    asked = _ASKS_RULE.sub("", _STIPULATES.sub("", folded))
    about_mention = _MENTION.search(folded) or len(kind_words(asked)) > 1
    article = read_place(folded).article
    for read in placed_law_names(folded) if of_place else law_names(folded):
        law = _whole_name(documents, folded, read)
        plain = plain_text(law)
        if (of_place and not SPELLED_PLACE.match(law)) or names_no_text(law):
            continue
        if about_mention and any(law in p.text for d in documents for p in d.passages):
            continue
        # its draft asked (托育服务法草案一共几章, …条例修订草案): held by the pages reporting that
        # draft, as no corpus holds it as a title; not what the draft stipulates (草案…怎么规定的)
        if _DRAFT.match(folded[folded.find(law) + len(law) :]) and not _STIPULATES.search(folded):
            draft = re.compile(re.escape(law) + _DRAFT.pattern)
            if any(draft.search(p.text) for d in documents for p in d.passages):
                continue
        if _told_of(documents, folded, law):
            continue  # 《…意见》是哪一年印发的, asked of the texts naming it, not its articles
        if article and any(quotes_article(d, law, article) for d in documents):
            continue  # a case study on the law citing the article asked (《条例》第二十八条)
        if of_place and cited(documents, law) and not _STIPULATES.search(folded):
            # a text citing a place's rule (会议传达学习了《…暂行规定》) answers of the mention,
            # not what the rule stipulates (…条例里罚款是怎么规定的)
            continue
        # the nation's said before a national text's name it is no part of (国家殡葬条例: the
        # 殡葬管理条例), where the rest is a name of four or more (国家安全法 is a law of its own)
        # and no place's text (国家科学技术奖励条例 is no 上海市科学技术奖励条例)
        rest = plain[2:] if plain.startswith(("国家", "全国")) and len(plain) >= 6 else ""
        if not (_held_law(documents, plain) or (rest and _held_law(documents, rest, True))):
            return f"《{law}》"
    return ""


def _whole_name(documents: Sequence[Document], folded: str, law: str) -> str:
    """A law's name as the corpus knows it, where the question's words before the name read
    begin it: a verb the reading leaves out (报废机动车回收管理办法 read 机动车…, 禁止传销条例,
    保障农民工工资支付条例); not a word of the question's own (我想问报废…)."""
    at = folded.find(law)
    held, mentioned = held_titles(documents), mentioned_titles(documents)
    for size in range(min(MAX_NAME_HEAD, max(at, 0)), 0, -1):
        head = folded[at - size : at]
        whole = plain_text(head + law)
        # a known title longer than the head begins it (the name, or a text of it: …实施细则),
        # found by looking up its prefixes, not by scanning every title
        prefixes = (whole[:end] for end in range(size + 1, len(whole) + 1))
        if _HAN_WORD.fullmatch(head) and any(p in held or p in mentioned for p in prefixes):
            return head + law
    return law


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
MAX_NAME_HEAD = 4  # characters: 报废, 禁止, 防治船舶 (the longest the corpus knows is taken)


def _told_of(documents: Sequence[Document], folded: str, law: str) -> bool:
    """Whether the question asks when, by whom or to what end a text was made (not what it
    says) and the corpus's passages speak of it in 《》: they answer, though none is it."""
    asked = _MADE_ASKED.search(folded) or (f"《{law}》" in folded and _TOLD_OF.search(folded))
    return (
        bool(asked)
        and not read_place(folded).article
        and not _STIPULATES.search(folded)
        and (
            plain_text(law) in (told := mentioned_titles(documents))
            or names_a_held_law(law, tuple(told))
        )
    )


def _held_law(documents: Sequence[Document], plain: str, national: bool = False) -> bool:
    """Whether a law's name, plain, is a held text's (`national`: a text of no place)."""
    if not national and plain in held_titles(documents):
        return True
    return any(
        names_a_held_law(plain, own)
        for i, own in law_title_table(documents)
        if not (national and place_tokens(documents[i]))
    )


_IMPLEMENTING_LAW = re.compile(r"(.{2,8}?)实施(.{2,30}?法)的?(?:办法|条例|细则|规定)")


def _local_law(named: Sequence[Document], folded: str) -> str:
    """A place's regulation the question names (北京市优化营商环境条例) where the corpus
    holds only the national one of that name, or another place's (浙江省… for 山东省…)."""
    places = {t for d in named for t in place_tokens(d)}
    for law in placed_law_names(folded):
        # or the measures by which a place implements a law (北京市实施节约能源法办法)
        implementing = _IMPLEMENTING_LAW.fullmatch(law)
        own = implementing.group(2) if implementing else law
        for name in (n for d in named for n in document_names(d)):
            start = implementing.group(1) if implementing else law[: -len(name)]
            place = SPELLED_PLACE.fullmatch(start) if own.endswith(name) else None
            if place and place.group(1) not in NATIONAL and place.group(1) not in places:
                return law
    return ""


# a question asking of the national text (国务院条例, 国务院市容环卫条例 with its short name
# between, 国家法律, 国家层面的): not a place's
_NATIONAL_TEXT = re.compile(
    r"国务院的?[\u4e00-\u9fff]{0,8}?(?:条例|规定|办法)|国家的?(?:法律|条例|规定)|国家层面"
)


def _national(documents: Sequence[Document], folded: str, asks_place: str) -> list[Document]:
    """The documents of no place, where the question asks of the national text and names no
    place (`asks_place`: the place whose report it names): 按国务院条例 prefers
    宗教事务条例 to 浙江省宗教事务条例."""
    if not _NATIONAL_TEXT.search(folded) or asks_place:
        return []
    national = national_documents(documents)
    own = [d for d in documents if d.doc in national]
    # its rule texts, where it has some: not a page of no place quoting one (论坛问答)
    return [d for d in own if d.doc in rule_documents(documents)] or own


def national_documents(
    documents: Sequence[Document], target: Target | None = None, places: bool = False
) -> frozenset[str]:
    """The nation's documents (`local_documents`) a question naming no place (`places`: its
    words name one) and no document asks of (人身安全保护令向哪个法院申请: not 山东省…条例)."""
    if places or (target and (target.docs is not None or target.preferred)):
        return frozenset()
    return memo(documents, "local", lambda: local_documents(documents))[2]


def _missing_local_year(named: Sequence[Document], plain: str, years: Sequence[int]) -> str:
    """A place's genre document of a year the place's documents named are not of, the
    place before the year (重庆市2025年政府工作报告 where 2026's is held)."""
    for d in named:
        for place in sorted(place_tokens(d), key=lambda t: (-len(t), t)):  # 云南省 before 云南
            for genre in GENRES:
                for y in years:
                    if re.search(rf"{re.escape(place)}.{{0,2}}{y}年.{{0,6}}{genre}", plain):
                        return f"{place}{y}年{genre}"
    return ""


def _named_by_token(documents: Sequence[Document], folded: str) -> list[Document]:
    """Documents named by a place, person or anniversary of their title that no other
    document's title shares, with the kind of document said too (95周年讲话, 马卫光讲话)
    or the place alone (浙江今年…): a place names a provincial document."""
    if not kind_words(folded) and "今年" not in folded:
        return named_by_speaker(documents, folded)
    return named_by_title_token(documents, folded)


# the nation's report, however the question puts it (全国两会上的, 国务院的); no place between
_NATIONAL_REPORT = re.compile(r"(?:全国|国务院)[^省市县区，。？！,.?!]{0,5}?政府工作报告")
_LOCAL_GENRE = re.compile(r"[省市县区](?:今年|去年|\d{4}年)?(?:的|级)?(?:政府工作报告|政府报告)")


# a page about another text: its commentary, explanation or news (——透视2022年…统计公报)
_INSIDE = re.compile(r"里|中|关于")  # what follows a text's name is asked of it
_COMMENTARY = re.compile(COMMENTARY)


def _first_hand(
    named: Sequence[Document], folded: str, place: str, spoken: set[str]
) -> list[Document]:
    """Of several documents a question names, those it most plainly means: the texts
    themselves, not pages commenting on them, unless it asks of a commentary (解读里…); of
    those, the ones of a place it says (`spoken`: 广东那个地方志条例 of the nation's and 广东's)
    and where it says none, the nation's (2022年统计公报 beside 重庆's). [] when that picks
    none out."""
    own = (
        list(named)
        if _COMMENTARY.search(folded)
        else [d for d in named if not reports_on_a_text(d)]
    )
    of_said = [d for d in own if place_tokens(d) & spoken]
    unplaced = [] if place or of_said else [d for d in own if not place_tokens(d)]
    chosen = of_said or unplaced or own
    return chosen if len(chosen) < len(named) else []


def _unplaced(named: Sequence[Document]) -> bool:
    """Whether no document named belongs to a place (the national reports)."""
    return not any(places_of(d.title, d.meta.subtitle, d.meta.occasion) for d in named)


def _generic(named: Sequence[Document], plain: str) -> bool:
    """Whether the names matched are ones every year's document shares (政府工作报告), so a
    year the corpus lacks means the named document is missing."""
    return (
        all(any(n in plain and n == year_free(n) for n in document_names(d)) for d in named)
        and len({d.meta.kind for d in named}) == 1
    )
