"""Answers made from a document's heading tree rather than from word statistics: the part
or point a question asks for, a list and its points, the ending, the passage announcing a
list with its items. `retrieval.parts` reads the tree; this module decides, for a question
and the index, which document and which list is meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from retrieval.catalog import memo
from retrieval.citations import article_of
from retrieval.clues import defines_term, states_effect, states_purpose
from retrieval.dates import CN_NUMBER, chinese_number
from retrieval.editions import asks_older, newest_edition
from retrieval.history import is_date_line
from retrieval.index import SearchIndex, searchable_text
from retrieval.laws import LAW_ENDINGS, law_names
from retrieval.markers import announces, legal_rank
from retrieval.metadata import KINDS
from retrieval.model import Document, Passage
from retrieval.names import document_names
from retrieval.normalize import fold, plain_text
from retrieval.parts import (
    ARTICLE,
    RULE_KINDS,
    Listing,
    announced_list,
    heading_named,
    headings_named,
    holds_inline_list,
    is_article,
    list_asked,
    list_of,
    named_list,
    place_passages,
    read_place,
    sized_list,
)
from retrieval.question import STRUCTURE_WORD_WEIGHT, Query, only_effect, only_purpose
from retrieval.quotes import holds_quote
from retrieval.regulations import citing_documents
from retrieval.segment import Segmenter
from retrieval.targets import Target
from retrieval.title_tokens import named_by_fragment

MAX_ANNOUNCED_ITEMS = 8  # items a list's announcement brings along


def asked_document(
    index: SearchIndex, question: str, query: Query, target: Target, weights: Sequence[float]
) -> tuple[Document, list[str]] | None:
    """The one document a question about the structure points into (the one it names, or
    the corpus's only one), with the question's words that do not name that document."""
    place = read_place(question)
    if not place.asked:
        return None
    documents: Sequence[Document] = index.catalog
    if target.docs is not None:
        documents = [d for d in documents if d.doc in target.docs]
    elif len(documents) > 1 and (place.part or place.point or place.article):
        # a place and a year said narrow a part asked as they narrow the ranking (龙华区司法局
        # 2022年报告第三部分: the bureau's report of that year, whatever its page's title; not a
        # list, which the text may give in a sentence: 辽宁“十四五”有几项指标没有完成)
        preferred = _preferred(documents, target)
        documents = [d for d in preferred if d.meta.year in target.years] or preferred
    if len(documents) > 1 and (chapter := _CHAPTER_ASKED.search(question)):
        # "第三章第一条": of a text in chapters, not a page's 三、 or a speech's 第三部分; of
        # one holding that chapter (not a page printing an edition's first chapter only)
        documents = [d for d in documents if _has_chapters(d)] or documents
        documents = [d for d in documents if _holds_chapter(d, chapter[0])] or documents
        # (国务院…条例第三章, of the national text and a province's: the one the question places)
        documents = _preferred(documents, target)
    if len(documents) > 1:  # a run of its title (廉政谈话第三部分), or a quote from it
        documents = (
            named_by_fragment(documents, question)
            or named_by_fragment(documents, question, headings=True)
            or documents_quoting(documents, target.phrases)
            or documents
        )
    words = [w.text for w in query.words]
    if len(documents) == 1:  # words that name the document do not name one of its parts
        words = [w for w in words if w not in _names_text(documents[0])]
    if len(documents) > 1 and place.listing and words:
        documents = headings_named(documents, words)
    if len(documents) > 1 and (place.part or place.point or place.article):
        # "第四部分的第三点": the one document that has such a place
        documents = [d for d in documents if place_passages(d, place, words)]
    if len(documents) > 1 and place.article and (target.docs is not None or target.years):
        # 第一条 of the text named, in articles or amended by a decision (将第四条修改为…),
        # not a report's first point beside it (a news page titled 印发《…办法》 over the
        # notice printing the 办法)
        documents = [
            d
            for d in documents
            if any(is_article(p, place.article) or place.article in p.text for p in d.passages)
        ] or documents
    if len(documents) > 1:  # "条例第二章": of the 条例, not the 办法 beside it
        kinds = {kind for word, kind in KINDS if word in question} & RULE_KINDS
        documents = [d for d in documents if d.meta.kind in kinds] or documents
    if len(documents) > 1 and not asks_older(fold(question)):
        # 老年法第七十五条, of two editions held: the one in force (旧条例第一条: the ranking's)
        documents = newest_edition(documents) or documents
    if len(documents) > 1 and place.article and _bare(query, weights, place.article):
        # 第十七条, asked of a code and a local rule beside it with nothing else to tell them:
        # of the texts of articles (not a speech's third point) the corpus cites
        articled = [
            d
            for d in documents
            if d.meta.kind in RULE_KINDS and any(is_article(p, place.article) for p in d.passages)
        ]
        documents = most_cited(index.catalog, articled) or documents
    if len(documents) != 1:
        return None
    document = documents[0]
    if (
        place.listing
        and place.part is None
        and place.point is None
        and not heading_named(document, words)
    ):
        # "八项规定具体有哪几条内容": a list asked of something the document never speaks of
        title = _names_text(document)
        telling = [
            w.text
            for w, weight in zip(query.words, weights, strict=True)
            if w.text not in title and weight >= STRUCTURE_WORD_WEIGHT
        ]
        # folded once, joined by a line break no word holds: as fast as one passage
        text = fold("\n".join(p.text for p in document.passages)) if telling else ""
        if telling and not all(w in text for w in telling):
            return None
    return document, words


def _preferred(documents: Sequence[Document], target: Target) -> Sequence[Document]:
    """The documents of a place the question names, if any is among them; else all."""
    return [d for d in documents if d.doc in target.preferred] or documents


_CHAPTER_ASKED = re.compile(rf"第[{CN_NUMBER}\d]+章")


def unheld_article(index: SearchIndex, question: str, target: Target, article: str) -> bool:
    """Whether a law the question names (国家公园法第十条) is held only by texts that neither
    hold nor cite the article asked: a page reporting the law's adoption, a law's opening.
    Every text the law's name names is looked in, not only those the question was read as
    naming (a reply letter citing the law beside the law itself)."""
    laws = [plain_text(s) for s in (*target.said, *law_names(fold(question)))]
    laws = [s for s in laws if s.endswith(LAW_ENDINGS)]
    if not (target.named and target.docs and laws):
        return False
    n = chinese_number(article[1:-1])
    # (of the year asked: 1993年红十字会法第十二条 is not the 2009 edition's)
    held = [
        d
        for d in index.catalog
        if d.doc in target.docs
        or (
            (not target.years or d.meta.year in target.years)
            and any(law in name for name in document_names(d) for law in laws)
        )
    ]
    for passage in (p for d in held for p in d.passages):
        text = fold(" ".join((*passage.section, passage.text))).replace(" ", "")
        said = (chinese_number(m.group(1)) for m in ARTICLE.finditer(text))
        if article in text or (n is not None and n in said):
            return False
    return True


def _bare(query: Query, weights: Sequence[float], article: str) -> bool:
    """Whether the question says nothing of weight but the article and kinds of text."""
    kinds = {word for word, _ in KINDS}
    return all(
        w.text in article or w.text in kinds or weight < STRUCTURE_WORD_WEIGHT
        for w, weight in zip(query.words, weights, strict=True)
    )


def most_cited(catalog: Sequence[Document], documents: Sequence[Document]) -> list[Document]:
    """The one of a few texts holding the article asked that most other documents cite by
    its title (根据《…条例》, a page on it): with nothing else said, the text the corpus is
    about; [] on a tie, or where many texts hold such an article."""
    if not documents or len(documents) > MAX_CITED_CANDIDATES:
        return []
    counts = [citing_documents(catalog, d) for d in documents]
    best = max(counts)
    return [documents[counts.index(best)]] if best and counts.count(best) == 1 else []


MAX_CITED_CANDIDATES = 4  # more texts with such an article: nothing to choose one by


def _has_chapters(document: Document) -> bool:
    return any(legal_rank(part) == 0 for h in document.headings for part in h.path)


def _holds_chapter(document: Document, label: str) -> bool:
    """Whether a heading of the document is the chapter `label` (第四章, or 第4章 asked of it)."""
    number = _chapter_number(label)
    return any(_chapter_number(part) == number for h in document.headings for part in h.path)


def _chapter_number(text: str) -> int | None:
    found = _CHAPTER_ASKED.match(re.sub(r"\s", "", text))
    return chinese_number(found[0][1:-1]) if found else None


def _names_text(document: Document) -> str:
    """The document's title, the names people use for it, its speaker and its date
    (习近平2020年2月3日的讲话), folded."""
    numbers = document.meta.date.split("-")
    date = "".join(
        f"{int(n)}{unit}" for n, unit in zip(numbers, "年月日", strict=False) if n.isdigit()
    )
    meta = document.meta
    # how a question names whoever gave a speech (总书记在…上的讲话)
    speaker = f"{meta.speaker} {' '.join(_HONORIFICS)}" if meta.speaker else ""
    return fold(" ".join((document.title, *meta.names, speaker, date)))


_HONORIFICS = ("总书记", "主席", "总理", "委员长", "书记", "同志")


def structure_passages(
    index: SearchIndex, question: str, query: Query, target: Target, weights: Sequence[float]
) -> list[Passage]:
    """The passages a question about the structure asks for ("第三部分讲了什么")."""
    asked = asked_document(index, question, query, target, weights)
    if not asked:
        return []
    every = [w.text for w in query.words]
    return place_passages(asked[0], read_place(question), asked[1], every)


def list_passages(
    index: SearchIndex,
    question: str,
    query: Query,
    target: Target,
    weights: Sequence[float],
    top: Passage | None,
    segmenter: Segmenter,
) -> list[Passage]:
    """A list question's answer ("讲了哪几个方面"). Two lists may be meant: the points of
    the part its words name (or of the whole document), and the list BM25's best passage
    belongs to. A count it states (哪十个方面) picks the list of that many points; else a
    part it names, else the list its words found, else the document's parts."""
    place = read_place(question)
    asked = asked_document(index, question, query, target, weights)
    listing, named = named_list(*asked) if asked else (None, False)
    chosen = listing
    # nothing asked but the list of the document named (2月3日讲话分了哪几个部分): its parts
    only_parts = (
        asked is not None and target.named and not _asks_more(question, asked[1], query, weights)
    )
    if named and listing and top is not None and _says_more(top, listing, query, weights):
        # "过去五年工作回顾…有哪几条主要体会": the part named holds several lists; the one
        # its other words (体会) find
        document = index.document(top.doc)
        if announces(top.text):
            found = announced_list(document, top)
        elif holds_inline_list(top.text):
            return []  # "设立宗教活动场所需要满足哪几个条件": the article listing them
        else:
            found = list_of(document, top)
        chosen = found or listing
    if not named and not only_parts and top is not None:
        document = index.document(top.doc)
        text = searchable_text(top)
        # the title and people's names name the document (盛阅春的讲话分哪三个方面)
        naming = fold(document.title) + " ".join(segmenter.proper_nouns(question))
        if announces(top.text):
            chosen = announced_list(document, top)
            if not chosen and holds_inline_list(top.text):
                return []  # 应当具备以下条件：（一）…: the article lists them itself
            chosen = chosen or listing
        elif holds_inline_list(top.text):
            return []  # the passage lists the points itself
        elif target.phrases and all(holds_quote(p, text) for p in target.phrases):
            return []  # "约法三章是哪三条": the passage that says it
        elif article_of(top):
            # a law's articles are its units, not the points of a list: "专项资金重点支持哪些
            # 方面" is answered by the article its words find, not by the articles around it
            return []
        elif found := list_of(document, top):
            chosen = found
        elif any(
            weight >= STRUCTURE_WORD_WEIGHT and w.text in text and w.text not in naming
            for w, weight in zip(query.words, weights, strict=True)
        ):
            return []  # "安全生产具体提了哪几条措施": a passage about it, not a list
    within = asked[0] if asked else index.document(top.doc) if top is not None else None
    if place.count and within and (chosen is None or len(chosen.points) != place.count):
        # "分了哪十个方面": the list of that many points
        chosen = sized_list(within, place.count, [w.text for w in query.words]) or chosen
    return chosen.passages(place.how_many) if chosen else []


COMMON_WEIGHT = 0.3  # 分, 了, 哪: words as common as any


def _asks_more(question: str, words: Sequence[str], query: Query, weights: Sequence[float]) -> bool:
    """Whether any of `words` (those not naming the document) asks about something, beside
    the list asked for (哪几个部分) and words as common as 分 or 了."""
    listed = list_asked(question)
    return any(
        x > COMMON_WEIGHT and w.text in words and w.text not in listed
        for w, x in zip(query.words, weights, strict=True)
    )


def _says_more(top: Passage, listing: Listing, query: Query, weights: Sequence[float]) -> bool:
    """Whether BM25's best passage lies in the part a list question names and holds a
    telling word of the question that the part's heading does not."""
    if top.section[: len(listing.scope)] != listing.scope:
        return False
    heading, text = fold(" ".join(listing.scope)), fold(top.text)
    return any(
        x >= 1.0 and w.text not in heading and w.text in text
        for w, x in zip(query.words, weights, strict=True)
    )


def documents_quoting(documents: Sequence[Document], phrases: Sequence[str]) -> list[Document]:
    """The documents whose headings hold every quoted phrase. Headings are folded once per
    catalog, and a document without any cannot hold a quote."""
    if not phrases:
        return []

    def build() -> list[tuple[int, str]]:
        texts = (
            (i, fold("\n".join(h.path[-1] for h in d.headings))) for i, d in enumerate(documents)
        )
        return [(i, text) for i, text in texts if text]

    texts = memo(documents, "heading_texts", build)
    return [documents[i] for i, text in texts if all(holds_quote(p, text) for p in phrases)]


MAX_BARE_ANNOUNCEMENT = 60  # characters of an announcement that says nothing but the count


def with_announced_items(
    index: SearchIndex, shown: list[tuple[Passage, float]], how_many: bool = False
) -> list[tuple[Passage, float]]:
    """A first passage that announces a list ("主要有这么四件事") brings its items, in
    order: the answer is the items, and a bare announcement after them, unless the question
    asks how many (一共几件事), which the announcement answers."""
    if not shown or not announces(shown[0][0].text):
        return shown
    first, score = shown[0]
    listing = announced_list(index.document(first.doc), first)
    items = [(p, score) for p in (listing.points[:MAX_ANNOUNCED_ITEMS] if listing else ())]
    listed = {p.key for p, _ in items}
    rest = [(p, s) for p, s in shown[1:] if p.key not in listed]
    # an announcement that says more than its count (目标是：增长5.5%…) answers too
    if not items or how_many or len(first.text) > MAX_BARE_ANNOUNCEMENT:
        return [(first, score), *items, *rest]
    return [*items, (first, score), *rest]


_ITEM = re.compile(rf"^[*\s]*(?:[(（]?[{CN_NUMBER}\d]+[)）.、．]|[-•·])")
LONGEST_LABEL = 30  # characters of a line that heads what follows (场合：…座谈会, 网络素养促进)
SHORTEST_SENTENCE = 12  # a shorter sentence heads what follows too (大力提振消费。)
# closing a line after its sentence's end (“大力提振消费。”); an exclamation or question inside
# a short line is a headline's (别怕!猪瘟不传人 猪肉可以吃), no running text
_CLOSING = "”’」』》）)】\"'*"


def labels(text: str) -> bool:
    """Whether a passage is a label over the passage after it: a short line that is no
    sentence (2023年省十件民生实事, **历史上的纠风、整风运动**), or a very short one. Its
    words are the question's; what it heads is the answer."""
    line = text.strip()
    if len(line) >= LONGEST_LABEL or is_date_line(line) or _ITEM.match(line):
        return False  # a list's item is content, however short (5.宣布大会闭幕)
    if ARTICLE.match(line) or announces(line):
        return False  # so is a short article (第三条 本条例由…解释), or an announcement
    if any(ch in "。；;" for ch in line.rstrip(_CLOSING)[:-1]):
        return False  # a sentence ends inside: running text cut at a width (…往枪口上撞。第三,)
    if line.endswith("。"):
        return len(line) <= SHORTEST_SENTENCE
    return not line.endswith(("！", "？", "；", "，", "…", "!", "?", ";", ","))


MOST_LABELS = 4  # a title, its subtitle, a byline and a date line may stand over a speech


# a question put at a press conference or in an interview: 问：…？, 记者：…？, 总台央视记者:…?,
# [中央电视台国际频道记者]:…
_PUT = re.compile(
    r"^\s*(?:问|提问|\[[^\]\n]{0,16}记者\]|[^\s:：，。,]{0,12}记者(?:\s*[^\s:：，。,]{1,4})?)"
    r"\s*[:：][^\n]*[？?]"
)
# and its answer: 答：…, 汪文斌：…, [王旭明]：…
_REPLY = re.compile(r"^\s*(?:答|\[[^\]\n]{1,12}\]|[\u4e00-\u9fff·]{2,6})\s*[:：]")
# a question asking about what was asked (记者问了哪两个问题, 记者说明年毕业生多少), unless it
# asks for the answer too (发言人怎么回答记者的提问); 记者会 is the occasion, no reporter
_OF_QUESTION = re.compile(r"记者(?!会)|问了|问的|什么问题|哪[一两二三几]个问题")
_FOR_ANSWER = re.compile(r"回答|回应|答复|怎么说|怎么看|如何看|表示")


def asks_of_question(question: str) -> bool:
    """Whether a question asks what a press conference's question was, not its answer."""
    return bool(_OF_QUESTION.search(question)) and not _FOR_ANSWER.search(question)


def _reply_to(index: SearchIndex, question: Passage) -> Passage | None:
    """The answer a press conference's question gets: the next passage, where it is one."""
    i = index.by_key[question.key] + 1
    after = index.passages[i] if i < len(index.passages) else None
    if after and after.doc == question.doc and _REPLY.match(after.text):
        return None if _PUT.match(after.text) else after
    return None


def past_labels(
    index: SearchIndex, shown: list[tuple[Passage, float]], replies: bool = True
) -> list[tuple[Passage, float]]:
    """The shown passages, each label (`labels`) replaced by the first passage after it in
    its section that is no label nor date line (a title over its byline and date, 王 琛
    2020.6.20, heads the speech after them; a closing line, 完 or a signature, heads
    nothing); and with `replies`, each question a press conference put by its answer."""
    out: list[tuple[Passage, float]] = []
    seen = {p.key for p, _ in shown}
    for passage, score in shown:
        if replies and _PUT.match(passage.text) and (reply := _reply_to(index, passage)):
            if reply.key in seen:
                continue  # shown anyway
            passage = reply
            seen.add(reply.key)
        elif labels(passage.text) and passage.part == 1:
            after = _headed(index, passage)
            if after is not None:
                if after.key in seen:
                    continue  # shown anyway
                passage = after
                seen.add(after.key)
        out.append((passage, score))
    return out


def _headed(index: SearchIndex, label: Passage) -> Passage | None:
    """What a label heads: the next passage in its section, or the article it stands over
    (a chapter's lost heading), past further labels and date lines; None if there is none."""
    start = index.by_key[label.key] + 1
    for after in index.passages[start : start + MOST_LABELS]:
        if after.doc != label.doc or not (
            after.section == label.section or ARTICLE.match(after.text)
        ):
            return None
        if not (labels(after.text) or is_date_line(after.text)):
            return after
    return None


# a list's size as a question names it: 八项行动, 六大亮点, 九个方面
_SIZED = re.compile(r"[一二三四五六七八九十两\d]+(?:大|项|个|条|点)")


def announced_point(index: SearchIndex, first: Passage, point: int, question: str) -> list[Passage]:
    """The point a question counts to in the list its words find ("八项行动的第五项"): the
    passage BM25 ranks first (`first`) announces the list (…的八项行动：, 有六大亮点值得回顾。
    for 六大亮点), and its `point`-th item answers, before the announcement; nothing when that
    passage announces no such list."""
    sizes = _SIZED.findall(question)
    if not (announces(first.text) or any(size in first.text for size in sizes)):
        return []
    listing = announced_list(index.document(first.doc), first)
    if listing is None or len(listing.points) < point:
        return []
    return [listing.points[point - 1], first]


def entry_into_force(index: SearchIndex, target: Target, telling: Sequence[str]) -> list[Passage]:
    """For a question asking only when the texts it names take effect (反家庭暴力法哪天开始
    实施的: its `telling` words, besides the names, say no more; not 工伤保险从哪天开始生效 of
    the 工伤保险条例), their articles of entry into force, which BM25 misses where they say
    施行 for 实施; the edition of the year asked first."""
    return _named_articles(index, target, states_effect) if only_effect(telling) else []


def stated_purpose(index: SearchIndex, target: Target, telling: Sequence[str]) -> list[Passage]:
    """For a question asking only why the texts it names were made (环保法的立法目的: its
    `telling` words say no more; not 为什么要制定人身安全保护令制度), their articles saying so
    (为了…，制定本法), which its words (立法目的) seldom find."""
    return _named_articles(index, target, states_purpose) if only_purpose(telling) else []


def defining_articles(index: SearchIndex, target: Target, term: str) -> list[Passage]:
    """The articles of the named texts defining the term a question asks of (药品管理法里药品
    是怎么定义的: 本法所称药品，是指…), which BM25 may leave out of its pool where the term
    is in every article."""
    return _named_articles(index, target, lambda text: defines_term(term, fold(text)))


def _named_articles(
    index: SearchIndex, target: Target, says: Callable[[str], bool]
) -> list[Passage]:
    """The passages of the named texts that `says`, of the year asked first, else the newest."""
    years = index.doc_years
    named = [d for d in index.catalog if d.doc in (target.docs or ())]
    named.sort(key=lambda d: (years[d.doc] not in target.years, -(years[d.doc] or 0)))
    return [p for d in named for p in d.passages if says(p.text)]


# which chapter or section of a text speaks of something (气象法哪一章讲气候资源): the
# chapter, which its opening shows (and its heading above it); not 哪一部分 (a chapter, a
# section or an article of it), nor where the question asks on (…哪一章？考核结果怎么用)
_WHICH_UNIT = re.compile(r"哪一?(?P<unit>[章节])")
_ASKS_ON = re.compile(r"[？?，,；;]")


def with_unit_opening(
    index: SearchIndex, shown: list[tuple[Passage, float]], question: str
) -> list[tuple[Passage, float]]:
    """The shown passages, the first passage of the chapter (or 节) of the first one leading,
    for a question asking only which chapter speaks of what it finds (not of a quote, which
    the passage saying it answers); unchanged where the first is in none (a report's 三、)."""
    asked = _WHICH_UNIT.search(question)
    if not asked or not shown or "“" in question:
        return shown
    if _ASKS_ON.search(question[asked.end() :].rstrip("？?。 ")):
        return shown
    first, score = shown[0]
    rank = 1 if asked["unit"] == "节" else 0
    depth = next((k for k, part in enumerate(first.section) if legal_rank(part) == rank), None)
    if depth is None:
        return shown
    scope = first.section[: depth + 1]
    opening = next(p for p in index.document(first.doc).passages if p.section[: depth + 1] == scope)
    if opening.key == first.key:
        return shown
    return [(opening, score), *((p, s) for p, s in shown if p.key != opening.key)]
