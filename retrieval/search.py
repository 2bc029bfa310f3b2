"""The answer pipeline: a question in, ranked passages with matches and snippets out.

Every front end (the CLI, private chats, groups, inline mode) calls `answer`. Ranking is
BM25 over passage and heading terms, with the question's words expanded by the synonym
table at a lower weight. A passage is returned only when the words it matches carry enough
of the question's weight: a question whose distinctive words are not in the corpus
("今天股市行情如何" shares only 今天 with a speech) gets no passage rather than noise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval import highlight
from retrieval.abbreviations import unknown_words, with_phrases, written_short_words
from retrieval.citations import article_of, with_enforcing
from retrieval.clues import (
    classifies,
    defines,
    enumerates,
    gives_authority,
    gives_quantity,
    gives_time,
    lists_kind,
    states_effect,
    states_penalty,
    states_what,
)
from retrieval.coverage import (
    TELLING_WEIGHT,
    content_share,
    coverage,
    matches,
    only_inside_words,
    phrase_share,
    title_words,
)
from retrieval.datelines import asks_given, asks_occasion, dateline_of, is_dateline
from retrieval.dates import canonical_years, digit_years, month_asked, passage_years
from retrieval.editions import (
    asks_older,
    editions_of,
    newest_first,
    older_edition_first,
    says_edition,
)
from retrieval.focus import own_telling_words, question_focus
from retrieval.guesses import with_corpus_words
from retrieval.history import asks_history, is_date_line, is_history
from retrieval.index import SearchIndex, carried, searchable_text
from retrieval.markers import announces
from retrieval.model import Answer, Hit, NoAnswer, Passage
from retrieval.normalize import blanked, fold, plain_text, valid_text, written_traditional
from retrieval.own_place import levelled
from retrieval.parts import read_place
from retrieval.pool import bm25_pool
from retrieval.question import (
    MAX_QUESTION_CHARS,
    Query,
    Word,
    asks_definition,
    asks_effect,
    asks_list,
    asks_penalty,
    asks_purpose,
    asks_quantity,
    asks_rule,
    asks_time,
    asks_who,
    defined_term,
    kinds_asked_of,
    listed_kind,
    parse_question,
    speaks_of_sanction,
    without_naming_words,
)
from retrieval.quotes import holds_quote, says_quote
from retrieval.refusal import (
    MANY_TEXTS_PASSAGES,
    absent_limit,
    absent_words,
    kept,
    leniently_judged,
    only_places,
    open_coverage,
    share_of,
    standout,
)
from retrieval.regulations import rule_documents
from retrieval.segment import Segmenter
from retrieval.sessions import asked_ordinals, other_edition
from retrieval.signals import Signals, boost
from retrieval.structure_answers import (
    announced_point,
    asks_of_question,
    defining_articles,
    entry_into_force,
    list_passages,
    past_labels,
    stated_purpose,
    structure_passages,
    unheld_article,
    with_announced_items,
    with_unit_opening,
)
from retrieval.targets import Target, find_target, national_documents
from retrieval.thesaurus import with_synonyms
from retrieval.title_lines import CATALOGUE_FIELD
from retrieval.units import asked_unit, gives_unit
from retrieval.widening import CHANGED, quoted_elsewhere, told_elsewhere

LEADING_HITS = 3  # a structure question goes to the document its best passages share
CLOSEST_NOTE = "没有找到完全对应的段落，以下是最接近的一段"
NAMED_CLOSEST_NOTE = "没有找到完全对应的段落，以下是所问文件中最接近的内容"  # under 按《…》作答


@dataclass(frozen=True)
class Ranking:
    """Tuning of the pipeline, measured on the evaluation sets (see README)."""

    synonym_weight: float = 0.5
    bigram_weight: float = 0.3
    min_coverage: float = 0.15  # share of the question's information a passage must match
    # ... when the question names no document, rising with the corpus's size (the more
    # passages, the likelier an off-topic question's rare word, 天气, is shared by chance),
    # from min_coverage at a speech's few dozen passages to this cap
    max_coverage: float = 0.5
    coverage_per_e: float = 0.09  # rise for each e-fold of passages past SMALL_CORPUS
    weak_coverage: float = 0.3  # below this, the passage must also hold the most telling word
    # ... in a document the question names, which says what it is about (代表法第五章讲什么)
    named_weak_coverage: float = 0.2
    common_information: float = 6.0  # -ln share of words as common as 里 or 做: say nothing
    min_weight: float = 0.2  # every word still counts a little
    part_match: float = 0.5  # credit for matching only the words inside a longer word
    coverage_weight: float = 0.5  # share of the score that follows coverage
    phrase_weight: float = 0.5  # score boost for holding the question's wording in order
    # `signals.boost`'s fields from here to quantity_boost (not year_weight, rule_coverage)
    # are fitted together on every evaluation set (`tests.fit_ranking`)
    coverage_power: float = 2.665  # how steeply the score follows coverage (`signals.boost`)
    phrase_power: float = 1.969  # ... and the wording in order
    # a year asked about is a constraint (the year rule), so in BM25 it counts this much of
    # a word: passages that only repeat it (2018年一季度中国经济运行的特点…) do not outrank
    # the one giving what is asked (今年一季度我国经济增长6.8%)
    year_weight: float = 0.25
    year_boost: float = 1.0  # a passage speaking of the year asked (fitted to its bound)
    own_year_boost: float = 1.496  # ... in the document of that year (the year's own report)
    month_boost: float = 3.054  # ... and of the month asked with it (2022年11月全会)
    place_boost: float = 2.56  # a document of the place the question names (广东今年…)
    # the nation's rule texts (else its other texts), for a question naming no place where some
    # texts are a place's (人身安全保护令向哪个法院申请: the national law before 山东省反家庭
    # 暴力条例 and before a page of no place quoting it)
    national_boost: float = 1.725
    # a rule's text, for a question asking what is allowed or required (能不能, 可以…吗) that
    # names no document: what the rules say, not what a news page beside them reports
    rule_boost: float = 1.445
    # ... which, like one asking what is punished or who is responsible, says its situation
    # in everyday words (代工厂, 高压线) that an article states in its own (委托生产, 电力线路
    # 保护区): a rule text's passage passes at this share of the coverage bar
    rule_coverage: float = 0.6
    penalty_boost: float = 4.506  # a passage stating a penalty, for a question asking what one is
    unasked_penalty: float = 0.593  # ... and for one speaking of no sanction at all
    list_boost: float = 1.609  # a passage listing cases (下列…：（一）…), for one asking 哪些
    kind_list_boost: float = 2.043  # ... listing the kind asked (下列条件 for 哪几个条件)
    # a passage defining the term asked (本条例所称传销，是指…) or listing the kinds asked
    # (纪律处分有五种：…): the answer, whatever BM25 says of it beside pages repeating the term
    defining_boost: float = 11.016
    statement_boost: float = 6.471  # ... or one opening by saying what it is (民族乡是…)
    record_boost: float = 1.595  # a text's dates or its dateline, when asked
    effect_boost: float = 4.235  # its article of entry into force, when asked
    quantity_boost: float = 1.508  # a passage giving a number right after a word a question
    # asking "how much" names (国内生产总值达到56.9万亿元 for GDP总量是多少); a date near one
    # asking "when" names (陈云同志1925年加入… for 陈云哪年入党); a body near one asking "who"
    # a question most of whose information is in words the corpus never uses asks about
    # something else (门票, 比特币, 世界杯), whatever rare word it shares; in a large corpus,
    # where such chance sharing happens (in one speech, coverage already says it all)
    max_absent: float = 0.5
    absent_per_e: float = 0.17  # from 1 (no rule) at SMALL_CORPUS down to max_absent
    absent_weight: float = 3.0  # ... counting words this telling (colloquial 光听 is not)
    # when no passage passes the bar, one is still shown, as the closest, if it stands out:
    # it holds this much of the question's information, two rare words' worth (an everyday
    # question words the rest its own way: 视频会员自动续费扣了钱，合规吗), and BM25 puts it
    # this far above the rest (an off-topic question's chance words are spread: 高铁要多久)
    standout_information: float = 7.0
    standout_gap: float = 1.2
    # a question carrying more information than nineteen in twenty (the tuning sets': median
    # 23, 95th percentile 40) tells its situation before it asks (我老家在浙江农村，家里三层
    # 自建房…，大概罚多少): a passage holding this much of it covers it as a short one's whole
    told_information: float = 40.0


DEFAULT_RANKING = Ranking()


def word_weights(query: Query, segmenter: Segmenter, ranking: Ranking) -> tuple[float, ...]:
    """What each question word counts for in coverage: its information above the common
    level. Worked out once per question, for every candidate passage."""
    return tuple(
        max(segmenter.information(w.text) - ranking.common_information, ranking.min_weight)
        for w in query.words
    )


def _asked(
    query: Query, weights: Sequence[float], target: Target, index: SearchIndex,
    define: bool = False, history: bool = False,
) -> tuple[Query, tuple[float, ...]]:  # fmt: skip
    """The question without the words naming its documents (but a term it asks to `define`,
    or the meeting adopting them where their `history` is asked)."""
    asked = without_naming_words(query, target, index, define, history)
    return asked, tuple(x for w, x in zip(query.words, weights, strict=True) if w in asked.words)


@dataclass(frozen=True)
class Candidate:
    """A passage BM25 ranked for a question, with the share of the question it covers."""

    passage: Passage
    score: float  # after re-ranking; the BM25 score is `bm25`
    coverage: float
    kept: bool  # passes the threshold: shown to the user
    bm25: float = 0.0
    rule: str = ""  # why it was dropped before the threshold (another document, year…)
    # kept but for the bars that rise with the corpus's size: the least coverage
    # (`open_coverage`) and the share of the question the corpus never speaks of (`absent_limit`)
    near: bool = False
    loose: bool = False  # kept below the bar, in a document named, as none passes it
    signals: Signals | None = None  # what its score was re-ranked by, where kept


def judged(
    index: SearchIndex, query: Query, top_k: int, segmenter: Segmenter, ranking: Ranking,
    question: str, target: Target, weights: Sequence[float],
) -> tuple[list[Candidate], tuple[Word, ...]]:  # fmt: skip
    """The candidates as the answer judges them, and the telling words that judged them:
    where none is kept by the question's most telling word and the corpus never writes it
    (在上海坐地铁没买票…补票), the next telling word it writes judges them, in a corpus of
    many texts, where one of them likely says the question's everyday word otherwise."""
    defining = asks_definition(digit_years(fold(question)))
    focus = question_focus(query, weights, target, index, ranking, defining=defining)
    args = (index, query, top_k, segmenter, ranking, question, target, weights)
    pool = candidates(*args, telling=focus)
    if any(c.kept for c in pool):
        return pool, focus
    written = question_focus(
        query, weights, target, index, ranking, defining=defining, written_only=True
    )
    # (the same words would judge the same passages again; and in a few texts, a word they
    # never write is what they are not about: 党费 of a speech on honest conduct)
    if written == focus or index.paragraphs < MANY_TEXTS_PASSAGES:
        return pool, focus
    return candidates(*args, telling=written), written


def candidates(
    index: SearchIndex,
    query: Query,
    top_k: int,
    segmenter: Segmenter,
    ranking: Ranking,
    question: str = "",
    target: Target | None = None,
    weights: Sequence[float] | None = None,
    telling: tuple[Word, ...] | None = None,
) -> list[Candidate]:
    """Every candidate of the pool, re-ranked, kept ones first; the first `top_k` kept ones
    are the answer. `telling`: the words a passage short of the bar must hold one of (by
    default the question's focus, `question_focus`)."""
    target = target or Target()
    weights = weights or word_weights(query, segmenter, ranking)
    folded_question = digit_years(fold(question))
    years = set(target.years)
    month = month_asked(folded_question)
    soft = set(target.soft_years)
    doc_years = index.doc_years
    if target.docs is not None and target.named:
        # a year after the named document's own is a goal it sets (十八大报告: 到2020年…),
        # said once for a whole list: preferred, not required of every passage
        named = [doc_years.get(doc) for doc in target.docs]
        later = {y for y in years if all(d is not None and d < y for d in named)}
        if all(d is None for d in named):  # an undated page named with its year: its date
            later = set(years)
        years, soft = years - later, soft | later
    floor = open_coverage(index.paragraphs, ranking)
    absent = absent_words(query, weights, index, ranking) if target.docs is None else []
    # a place's texts asked of (北京小区配套的幼儿园…) are judged as a named document is: the
    # bar rising with the corpus is for questions that could be about anything
    placed = target.preferred
    if not target.phrases and share_of(absent, weights) >= absent_limit(index.paragraphs, ranking):
        floor, placed = 2.0, frozenset()  # nothing is kept
    # passages are ranked without the words naming the documents asked about, and judged
    # (coverage) with them: a question is about its document, and found in it
    definition = asks_definition(folded_question)
    kinds = kinds_asked_of(folded_question)
    # 2009年修订的统计法 names an edition, asking nothing of the law's revisions (the names
    # said are left out here; an edition before a name the corpus lacks, （2024年修正）统计法,
    # in asks_history); the question as written must ask too (2018年修正本的公司法 → 修正)
    written = canonical_years(folded_question)
    history = asks_history(blanked(written, target.said)) and asks_history(written)
    # (a term asked to define or classify, beside the name: 可再生能源法里的可再生能源包括哪几种)
    asked, asked_weights = _asked(query, weights, target, index, definition or bool(kinds), history)
    pool = bm25_pool(index, asked, target, ranking, definition)
    ids = levelled(index, asked.weights(ranking), target, pool)
    if telling is None:
        telling = question_focus(query, weights, target, index, ranking, defining=definition)
    # (not one naming the document asked: 浙江第十五次党代会报告 is that congress's report)
    ordinals = asked_ordinals(blanked(folded_question, target.said))
    texts = index.searchable_many([i for i, _ in ids])
    # a quote that some passage holds is a constraint; one that none holds was misremembered:
    # a passage saying it word for word is its source; those holding most of it say something
    # like it (the same article of another place's rule) and count only where none says it
    holds = [all(says_quote(q, t) for q in target.phrases) for t in texts]
    if target.phrases and not any(holds):
        # said in a page's headline only (252名“无袍法官”上任!…): the headline heads its text
        titles = [fold(index.passages[i].title) for i, _ in ids]
        holds = [all(says_quote(q, t) for q in target.phrases) for t in titles]
    if not any(holds):
        holds = [all(holds_quote(q, t) for q in target.phrases) for t in texts]
    unheld_edition = bool(ordinals) and other_edition(ordinals, texts)
    quoted = bool(target.phrases) and any(holds)
    quantity = asks_quantity(folded_question)
    unit = asked_unit(folded_question)
    when = asks_time(folded_question)
    who = asks_who(folded_question)
    effect = asks_effect(folded_question)
    term = defined_term(folded_question)
    penalty = asks_penalty(folded_question)
    # a penalty's article answers what a breach costs; for a question speaking of no sanction
    # it falls below the duty it restates (能不能混放: 第二十四条, not 第八十条 违反…)
    sanction = speaks_of_sanction(folded_question)
    lenient = leniently_judged(index, folded_question, target)
    rules = lenient if asks_rule(folded_question) else frozenset()
    listing = asks_list(folded_question)
    kind_listed = listed_kind(folded_question)
    occasion = asks_occasion(folded_question)
    # 索引号是多少, 哪天成文的, 哪天发的: a disclosure catalogue's field answers
    record = occasion or bool(_ASKS_RECORD.search(folded_question))
    # a question about something the corpus never speaks of, asked of a place it does
    elsewhere = bool(absent)
    places = any(segmenter.is_place(w.text) for w in query.words)  # 浦东 is one, 东西 not
    national = national_documents(index.catalog, target, places)
    national = (national & rule_documents(index.catalog)) or national  # (see national_boost)
    rows = []
    own_telling = own_telling_words(query, weights)
    # (a passage below the bar must hold a word of the question besides the named titles')
    unnamed = [w for w in query.words if not any(w.text in t for t in target.understood)]
    inside_only = only_inside_words(query, [i for i, _ in ids], index.postings)
    # (not the words naming the documents: 政府工作报告里对延迟退休… is not about 报告)
    titled = title_words(asked, [index.passages[i] for i, _ in ids])
    shares = coverage(query, weights, texts, ranking, inside_only, titled, question)
    abouts = (
        shares
        if asked is query
        else coverage(asked, asked_weights, texts, ranking, inside_only, titled, question)
    )
    if target.named:
        # a passage of the document named that holds what is asked besides its name is
        # kept (乡村振兴促进法是从哪天开始施行的: 本法自2021年6月1日起施行), as is one
        # that holds enough of the question with the name
        shares = [max(share, about) for share, about in zip(shares, abouts, strict=True)]
    for (i, score), text, whole, inside, share, about in zip(
        ids, texts, holds, inside_only, shares, abouts, strict=True
    ):
        passage = index.passages[i]
        strict = kept(score, share, telling, text, ranking, inside, target.named)
        # in a document the question names, a passage short of the bar is among the closest
        # it holds (军校的老师适用教师法吗: 第二条 本法适用于…), shown where none passes
        loose = (
            not strict
            and target.named
            and bool(telling)
            and score > 0
            and share >= ranking.min_coverage
            and any(matches(w, text) for w in unnamed)
        )
        near = (strict or loose) and (not own_telling or any(matches(w, text) for w in own_telling))
        # (an article's passage: not a page header or a dateline of the rule's text)
        lower = passage.doc in lenient and bool(article_of(passage))
        bar = floor * ranking.rule_coverage if lower else floor
        ok = near and (target.docs is not None or share >= bar or passage.doc in placed)
        rule = ""
        if unheld_edition:
            rule = "ordinal"  # 第二届全国文明家庭 asked, the corpus speaks of the 第一届
        if elsewhere and only_places(query, weights, text, segmenter):
            rule = "place"  # 明天广州会下雨吗: a place the corpus names, a topic it never does
        if not history and is_history(passage.text):
            rule = "history"  # a text's dates of adoption answer only when it was adopted
        elif not occasion and is_dateline(passage):
            rule = "dateline"  # and the day and meeting it was given at, when it was given
        elif not record and CATALOGUE_FIELD.match(passage.text):
            rule = "record"  # 发布机构: …, 索引号: … (a disclosure catalogue's), when asked
        if not rule and unit is not None and not gives_unit(unit, text):
            rule = "unit"  # 船票多少钱一张 asked, and no amount given
        if quoted and whole:
            ok = score > 0  # the quoted phrase itself is found: famous phrases are common words
        elif quoted:
            rule = "phrase"
        own_year = doc_years.get(passage.doc) in years
        said = passage_years(text, doc_years.get(passage.doc)) if years or soft else set()
        spoken = said & (years | soft)
        # (the years said before it are looked for only where nothing else stops it)
        dated = not years or bool(said & years) or own_year
        if not (dated or (ok and not rule and carried(index, i, years))):
            rule = rule or "year"
        ok = ok and not rule
        signals = None
        if ok:  # the order of what is shown; the rest stays in BM25's
            # (not 处分 of an estate, nor a report's 给予处分0人)
            penalised = states_penalty(text) and (penalty or bool(article_of(passage)))
            in_month = own_year and bool(month) and index.doc_dates[passage.doc].startswith(month)
            defining = bool(definition and defines(query, weights, text, target.phrases, term))
            defining = defining or bool(kinds and classifies(kinds, text))
            signals = Signals(
                coverage=about,
                wording=phrase_share(folded_question, text),
                year_said=bool(spoken),
                own_year=own_year,
                in_month=in_month,
                place=passage.doc in target.preferred,
                national=passage.doc not in target.preferred and passage.doc in national,
                rule=passage.doc in rules,
                gives_asked=bool(
                    (quantity and gives_quantity(query, weights, text))
                    or (when and gives_time(query, weights, text))
                    or (who and gives_authority(query, weights, text, penalty))
                ),
                lists=listing and enumerates(passage.text),
                lists_kind=bool(kind_listed) and lists_kind(kind_listed, text),
                record=(history and not effect and is_history(passage.text))
                or (occasion and is_dateline(passage)),
                penalty=penalised and penalty,
                unasked_penalty=penalised and not penalty and not sanction,
                effect=effect and states_effect(text),
                defines=defining,
                states=not defining
                and definition
                and states_what(query, weights, text, target.phrases, term),
            )
        rows.append(
            Candidate(
                passage,
                score * boost(signals, ranking) if signals else score,
                share,
                ok,
                score,
                rule,
                near and not rule,
                loose and ok,
                signals,
            )
        )
    if any(c.kept and not c.loose for c in rows):  # (the closest only where none passes)
        rows = [replace(c, kept=False, loose=False) if c.loose else c for c in rows]
    rows.sort(key=lambda c: (not c.kept, -c.score))
    return rows


_ASKS_RECORD = re.compile(r"索引号|发布机构|成文|主题分类|责任部门|哪个(?:部门|机构|单位)发布")


def read_question(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    ranking: Ranking,
    docs: frozenset[str] | None = None,
) -> tuple[Query, Target]:
    """The question's words and what it names within `docs` (a reader's scope), as this
    corpus reads them: a short year it never speaks of is a number of years (75年 of
    75年卫生健康综述), and an abbreviation it never uses (法援) the phrase the passages the
    question reaches write out (法律援助)."""
    target = find_target(question, index.catalog, index.years_said)
    query = parse_question(question, segmenter, index.years_said, target.said)
    if not query.words:
        return query, Target()
    if docs is not None:
        target = replace(target, docs=docs if target.docs is None else target.docs & docs)
    if target.missing:
        return query, target
    query = with_corpus_words(query, fold(question), index.postings.vocabulary, segmenter)
    query = with_synonyms(query, index.postings.vocabulary, segmenter)
    shorts = unknown_words(query, index.postings.vocabulary, segmenter)
    written = written_short_words(query, index.postings.vocabulary, segmenter)
    if shorts or written:
        ids = [i for i, _ in bm25_pool(index, query, target, ranking)]
        texts = index.searchable_many(ids)
        query = with_phrases(query, shorts, texts, segmenter, written, index.passages_holding)
    if target.named and target.phrases and docs is None and not CHANGED.search(question):
        target = quoted_elsewhere(index, query, target, ranking)
    elif target.named and target.said and docs is None:
        weights = word_weights(query, segmenter, ranking)
        target = told_elsewhere(index, query, weights, target, ranking)
    return query, target


def structure_answer(
    index: SearchIndex, question: str, query: Query, target: Target, weights: Sequence[float]
) -> list[Passage]:
    """The passages the heading tree answers with, unless the question quotes words none of
    them holds ("“…”是哪个省的报告结尾说的": the passage saying it, wherever it is); a quote
    naming the document asked about (“两个维护”决定的第二部分) is no wording to find."""
    placed = structure_passages(index, question, query, target, weights)
    naming = plain_text("".join((*target.understood, *target.said)))
    wording = [q for q in target.phrases if q not in naming]
    if wording and not any(
        all(holds_quote(q, searchable_text(p)) for q in wording) for p in placed
    ):
        return []
    return placed


def _quotes_beside_names(target: Target) -> bool:
    """Whether the question quotes words other than the names of the documents it asks of
    (read as quotes are: folded, years in digits, punctuation aside)."""
    names = [digit_years(fold(name)) for name in (*target.understood, *target.said)]
    return any(not any(says_quote(q, name) for name in names) for q in target.phrases)


def answer(
    index: SearchIndex,
    question: str,
    segmenter: Segmenter,
    top_k: int = 5,
    ranking: Ranking = DEFAULT_RANKING,
    docs: frozenset[str] | None = None,
) -> Answer:
    """The answer pipeline. `docs` restricts the search to those documents (the CLI's
    --doc, a group's reading scope); otherwise the question may name its documents."""
    question = valid_text(question)[:MAX_QUESTION_CHARS]
    if not question.strip():
        return Answer(question, (), (), reason=NoAnswer.EMPTY)
    query, target = read_question(index, question, segmenter, ranking, docs)
    if not query.words:
        return Answer(question, (), (), reason=NoAnswer.NO_TERMS)
    if target.missing:
        note = f"资料库中没有{target.missing}"
        return Answer(question, query.terms, (), reason=NoAnswer.MISSING, note=note)
    weights = word_weights(query, segmenter, ranking)
    folded = fold(question)
    place = read_place(question)
    # "讲了哪几条体会": a list the question's words find in BM25's best passage counts too
    listing = place.listing and not (place.part or place.point or place.article)
    if place.article and not place.part and unheld_article(index, question, target, place.article):
        note = f"资料库中的{'、'.join(target.understood)}没有{place.article}"
        return Answer(question, query.terms, (), reason=NoAnswer.MISSING, note=note)
    placed = [] if listing else structure_answer(index, question, query, target, weights)
    if not placed and target.named and not target.phrases and asks_given(folded):
        # "2024年那份报告是在哪次会议上作的": the named texts' datelines, where they have one
        # (a quote's: the passage saying it)
        placed = [p for d in index.catalog if d.doc in (target.docs or ()) for p in dateline_of(d)]
    effect, purpose = asks_effect(folded), asks_purpose(folded)
    if not placed and target.named and not target.phrases and (effect or purpose):
        # when a named text takes effect or why it was made, asked of nothing else: its article
        asked, asked_weights = _asked(query, weights, target, index)
        texts = [
            w.text for w, x in zip(asked.words, asked_weights, strict=True) if x >= TELLING_WEIGHT
        ]
        placed = (
            entry_into_force(index, target, texts)
            if effect
            else stated_purpose(index, target, texts)
        )
    if not placed and target.named and asks_definition(folded) and (term := defined_term(folded)):
        placed = defining_articles(index, target, term)
    if (
        not placed
        and not place.asked
        and target.docs is not None
        and target.named
        and not question_focus(query, weights, target, index, ranking)
        and not asks_definition(folded)  # 商业银行法所说的商业银行是什么
        and not _quotes_beside_names(target)  # 环境噪声污染防治法里“夜间”是怎么规定的
    ):
        # "十九届六中全会是哪天开的": nothing asked but the documents named: their openings
        # say what they are, when and where (past an adoption line: 通过 is not 召开)
        named = [d for d in index.documents if d.doc in target.docs and d.passages]
        # (哪次会议通过的 asks of a law's adoption: its history line, where it has one)
        made = asks_history(folded)
        placed = [
            next((p for p in d.passages if made and is_history(p.text)), None)
            or next((p for p in d.passages if not is_date_line(p.text)), d.passages[0])
            for d in named
        ]
    shown: list[tuple[Passage, float]] = []
    note = ""
    closest_named = False
    if not placed:
        pool, _ = judged(index, query, top_k, segmenter, ranking, question, target, weights)
        closest_named = any(c.loose for c in pool)
        shown = [(c.passage, c.score) for c in pool if c.kept]
        if not target.years:
            # (an article amended since is grouped with its older wording, the text in force
            # first, or the oldest where one is asked: 旧法规定…; not for 第二次修正, 令第442号)
            older = asks_older(folded)
            grouped = not (says_edition(folded) or asks_history(folded)) or older
            editions = editions_of(index.catalog) if grouped else None
            shown = newest_first(
                shown, index.doc_years, older, editions, written_traditional(question)
            )
            if older and editions is not None:
                shown = older_edition_first(shown, index.doc_years, editions)
        closest = None if place.asked else standout(pool, weights, ranking)
        if closest:
            shown, note = [(closest.passage, closest.score)], CLOSEST_NOTE
        top = shown[0][0] if shown else None
        leading = {p.doc for p, _ in shown[:LEADING_HITS]}
        pointed = target
        if len(leading) == 1 and target.docs is None:
            # "好老师讲话里要有哪几条": the document the question's words point at
            pointed = replace(target, docs=frozenset(leading))
        if listing:
            placed = list_passages(index, question, query, pointed, weights, top, segmenter)
        elif (
            place.asked
            and pointed is not target
            and (place.part or not (top and announces(top.text)))
        ):
            placed = structure_answer(index, question, query, pointed, weights)
        ranked = [c for c in pool if not c.rule]
        if ranked and not placed and place.point and not (place.part or place.article):
            best = max(ranked, key=lambda c: c.bm25).passage  # BM25's best: the list found
            placed = announced_point(index, best, place.point, folded)
    if placed:
        if target.phrases:  # "“…”是哪份报告的结尾": the passage saying it leads
            placed.sort(
                key=lambda p: not all(holds_quote(q, searchable_text(p)) for q in target.phrases)
            )
        elif (place.article or place.point or place.part) and not place.listing:
            # "第二十二条里说的档案副本…", "第二章第二节里冷链食品的贮存有什么要求": of the
            # passages of the place asked, the one about what else the question asks leads
            # (not by the words naming the document: 辽宁 in 乐购辽宁 says nothing of the point)
            asked, asked_weights = _asked(query, weights, target, index)
            # and where the meaning of a word is asked, the passage defining it
            definition, term = asks_definition(folded), defined_term(folded)
            placed.sort(
                key=lambda p: (
                    not (
                        definition and defines(query, weights, fold(p.text), target.phrases, term)
                    ),
                    -content_share(asked, asked_weights, p),
                )
            )
        scored = [(p, float(len(placed) - i)) for i, p in enumerate(placed[:top_k])]
    elif note:  # the closest passage comes alone
        scored = shown
    else:
        if asks_penalty(folded):  # the article penalising the duty the words find
            shown = with_enforcing(index, shown, LEADING_HITS)
        replies = not asks_of_question(folded)  # 发言人怎么回应, not 记者问了什么
        shown = with_unit_opening(index, past_labels(index, shown, replies), folded)
        scored = with_announced_items(index, shown, place.how_many)
        scored = scored[:top_k]
    if not scored:
        return Answer(question, query.terms, (), reason=NoAnswer.WEAK, understood=target.understood)
    if closest_named:
        note = NAMED_CLOSEST_NOTE
    words = query.all_terms
    hits = []
    for rank, (passage, score) in enumerate(scored, start=1):
        found = highlight.spans(passage.text, words)
        matched = tuple(dict.fromkeys(fold(passage.text[s:e]) for s, e in found))
        snippet = highlight.snippet(passage.text, found)
        hits.append(Hit(rank, score, passage, matched, found, snippet))
    return Answer(question, query.terms, tuple(hits), understood=target.understood, note=note)
