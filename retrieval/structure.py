"""Turning a document's lines into its title, metadata, heading tree and passages.

Chinese official documents and speeches mark structure in these ways, all handled here:

* heading lines: 一、 / （一） / 1. / （1） (GB/T 9704 levels, which may skip), 第一章,
  Markdown `#` headings (Word headings arrive as those); a heading broken over two lines is
  joined. Nesting is decided by marker kind, like an outline: a marker whose kind is already
  open closes everything below it and replaces its sibling; a new kind opens a level
  underneath, which copes with skipped levels without a fixed ranking of kinds.
* articles of a regulation: 第X条 opens a passage filed as 第X章 › 第X条; the cases it lists
  (（一）…；（二）…；) are part of it.
* enumerations that open a paragraph: 一要… / 一是… / 第一，… / 首先… / ——…。 An item
  covers its own paragraph and what clearly continues it: a paragraph that refers back
  (说到这里, 同时, 这些…), one that announces a list of sub-points, the sub-points, and any
  paragraph before the next sibling item (the list's items then span paragraphs, and so does
  its last one). Anything else ends the enumeration: its paragraph belongs to the parent.
* runs of parallel lead sentences: three or more consecutive paragraphs opening with a short
  sentence of the same shape (要守得住清廉。/ 要提醒好配偶。/ …); each is a sub-point.
* salutations (同志们！, 各位代表！) are never passages: one closes the enumerations and
  subsections open above it, keeping the top-level part; after the document's last heading
  it closes everything, since closing remarks belong to the whole document.

The title and the front matter under it (subtitle, date line, speaker) become the document's
metadata (`retrieval.metadata`), not passages. A line too short to quote joins its neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from retrieval.datelines import dateline_text
from retrieval.dates import chinese_number
from retrieval.decimal_outline import decimal_headings
from retrieval.headlines import plain_headings
from retrieval.history import adoption, dated_to_the_day, is_date_line
from retrieval.imprint import is_source_line
from retrieval.law_layout import law_layout, parted_articles
from retrieval.markers import (
    ANNOUNCES,
    BACK_REFERENCE,
    CLOSABLE,
    CLOSING,
    CN_NUM,
    SALUTATION,
    SENTENCE_END,
    Line,
    announces,
    between_siblings,
    classify,
    is_leaf,
    lead_sentence,
    legal_rank,
    next_is_case,
    unit_rank,
)
from retrieval.metadata import (
    KIND_WORDS,
    display_title,
    is_office,
    kind_of,
    occasion_from_headings,
    occasion_from_opening,
    read_front_matter,
)
from retrieval.model import Document, DocumentMeta, Heading, Passage
from retrieval.normalize import plain_text, simplified
from retrieval.pieces import MAX_PASSAGE_CHARS, split_passage
from retrieval.title_lines import (
    CATALOGUE_FIELD,
    MAX_BROKEN_TAIL_CHARS,
    MAX_FURNITURE_LINES,
    MIN_REPEATED_TITLE,
    POSTING,
    SENTENCE,
    TITLE_FIELD,
    adopted_name,
    bare,
    ends_with_kind,
    fields_beside,
    is_masthead,
    is_title,
    lead_title,
    page_title_line,
    parted_history,
    unglued_headline,
)

MAX_CASE_CHARS = 100  # a case listed in an article or after a colon
MIN_PASSAGE_CHARS = 5  # lines with fewer word characters (全文如下：) join their neighbour
_PREFACES = ("前言", "序言", "引言", "绪言", "导言")
_FRAME = re.compile(rf"^(?:{'|'.join(_PREFACES)}|结束语|结语|后记)$")
_PART_KINDS = frozenset(("chapter", "cn"))
_CASE_KINDS = frozenset(("pcn", "pnum", "circled"))  # the cases an article lists: （一） (1) ①
_ARTICLE_RANK = legal_rank("第一条")

MIN_RUN = 3  # parallel lead sentences needed to form a run
MAX_RUN_LEAD_CHARS = 15
OPENING = 5  # passages in which a document says what occasion it was given at (past title lines)
SUBTITLE_WINDOW = 12  # passages below a page's banner (its sidebar's links, a breadcrumb, the
# headline) in which a speech's subtitle may sit
# a speech's subtitle, its speaker after it: ——在党的二十届一中全会上的讲话 习近平 (not a source,
# ——摘自…, nor a quote's attribution, ——习近平在…上的讲话指出，…)
_SPEECH_SUBTITLE = re.compile(
    r"^[—－]{1,2}\s*在.{2,60}?(?:上|中|之际|时)的(?:讲话|报告|发言|致辞)(?:\s*[\u4e00-\u9fff]{2,4})?$"
)

_BARE_NUMBER = re.compile(rf"^[{CN_NUM}]{{1,3}}$")
# (2015年12月11日在全国党校工作会议上的讲话): where an excerpt comes from
_ATTRIBUTION = re.compile(r"^[（(]\s*\d{4}年.{0,80}[）)]$")


def _bare_numbers(lines: list[Line]) -> list[Line]:
    """A line that is only a number (一 / 二 / 三, heading a study page's excerpts) is a
    heading when the number before or after it heads a line too; a lone 十 is text."""
    values = {
        chinese_number(ln.text): i
        for i, ln in enumerate(lines)
        if ln.kind is None and _BARE_NUMBER.match(ln.text)
    }
    values.pop(None, None)
    return [
        Line(ln.text, "bare", ln.text, True)
        if ln.kind is None
        and _BARE_NUMBER.match(ln.text)
        and ((n := chinese_number(ln.text)) is not None)
        and (n - 1 in values or n + 1 in values)
        else ln
        for ln in lines
    ]


def _with_attributions(lines: list[Line]) -> list[Line]:
    """A bracketed source line after a paragraph ((2015年12月11日在…上的讲话)) says where
    that paragraph comes from: it stays with it, not heading the next one."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind is None
            and line.kind is None
            and _ATTRIBUTION.match(line.text)
            and before.text.endswith((*SENTENCE_END, "”", "…"))
        ):
            out[-1] = Line(f"{before.text}{line.text}", None, "", False)
            continue
        out.append(line)
    return out


# an article or chapter alone on its line, or with its title in brackets (第一条(目的和依据))
_UNIT_TITLED = re.compile(rf"^第[{CN_NUM}\d]+[条章节條節]\s*(?:[（(][^（()）]{{1,20}}[）)])?$")


def _join_broken_headings(lines: list[Line]) -> list[Line]:
    """A heading whose second half went to the next line (一、坚持和完善… / 推进…) is one
    heading: the half is short, unmarked and unpunctuated, and a heading or a paragraph
    (not another such half) follows it."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else None
        if (
            line.pure
            and line.kind is not None
            and nxt is not None
            and nxt.kind is None
            and bare(nxt.text)
            and not _UNIT_TITLED.match(nxt.text)  # nor the next unit: 第一条(目的和依据)
            and nxt.text != line.label  # a page repeating its heading
            and not nxt.text.isascii()  # nor its translation
            and not dated_to_the_day(nxt.text)  # nor the date under a title
            and (after is None or after.kind is not None or not bare(after.text))
            and not line.text.endswith(("。", "：", ":"))
        ):
            joined = line.text + nxt.text
            out.append(Line(joined, line.kind, joined.rstrip("。：:"), True))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _run_members(lines: list[Line]) -> set[int]:
    """Indexes of unmarked paragraphs that form runs of parallel lead sentences."""
    members: set[int] = set()
    run: list[int] = []

    def lead_of(line: Line) -> str | None:
        if line.kind is not None or POSTING.match(line.text):  # a record's fields: no run
            return None
        match = re.search(r"[。！？!?：:]", line.text)
        if (
            not match
            or not 2 <= match.start() <= MAX_RUN_LEAD_CHARS
            or match.end() == len(line.text)
        ):
            return None
        return line.text[: match.start()]

    def flush() -> None:
        if len(run) >= MIN_RUN:
            members.update(run)
        run.clear()

    for i, line in enumerate(lines):
        lead = lead_of(line)
        if lead is None or (run and lines[run[0]].text[0] != lead[0]):
            flush()
        if lead is not None:
            run.append(i)
    flush()
    return members


@dataclass(frozen=True, slots=True)
class Parsed:
    document: Document
    front_matter: tuple[tuple[str, str], ...]  # (line, what it told) for lines taken as metadata
    salutations: tuple[str, ...]  # salutation lines, not passages


@dataclass
class _Frame:
    kind: str
    label: str
    spans: bool = False  # an enumeration item whose list's items span paragraphs
    taken: int = 0  # paragraphs after its own that it kept
    longest: int = 0  # the most any earlier item of its list kept
    before: int = 0  # earlier items of its list
    case: bool = False  # a case of an article's list ((五)…场所。), heading no article


MAX_SERIES_LINES = 2
_DATED_BANNER = re.compile(r"^[^\s（(]{2,12}[（(][^）)]*\d{4}年[^）)]*[）)]$")  # 每周一学（…）


def _series_lines(banner: str, rest: list[str], lines: list[Line]) -> int:
    """How many lines naming a series stand between a banner and the document's title: a
    title of a kind (…的讲话, …白皮书) with its date or its source right under it. 0 for
    none. A title opening with 在 is taken only under a bracketed banner (【…】): under a
    title in two lines it is the subtitle (坚定理想信念 / 补足精神之钙 / 在…上的讲话)."""
    for i in range(1, min(MAX_SERIES_LINES, len(rest) - 2) + 1):
        if kind_of(rest[i - 1]) or not is_title(lines[i - 1]):
            return 0
        if (
            kind_of(rest[i])
            and is_title(lines[i])
            and (is_date_line(rest[i + 1]) or is_source_line(rest[i + 1]))
            and (banner.startswith("【") or not rest[i].startswith(("在", "—", "－")))
        ):
            return i
    return 0


_FILE_NAME = re.compile(r"\.(?:docx?|pdf|wps|txt|html?)$", re.IGNORECASE)


def _page_title_first(
    doc: str, lines: list[Line], title: str, posted: frozenset[str]
) -> tuple[list[Line], list[str]] | None:
    """The lines with a page's title (see `page_title_line`) and what it takes under it
    moved to the front, where the first line's `title` names no kind of text, and the page
    furniture above it: its lines that say nothing in a sentence (立即咨询, 北京市第十二届人民
    代表大会常务委员会 / 2006年11月3日 under a notice). Sentences, headings and a record's
    fields above it stay text (a study page's lead paragraphs may stand above the document it
    prints; 【发文字号】 answers 第几号令). None where the title stays where it is."""
    if not lines or kind_of(title) or ends_with_kind(simplified(title)):
        return None
    # a record's title field among its fields (【標 題】草原防火條例 under 【有 效 性】有效)
    head = lines[:MAX_FURNITURE_LINES]
    for k, line in enumerate(head):
        field = TITLE_FIELD.match(line.text)
        beside = fields_beside([n.text for n in head], k)
        if field and any(
            n.startswith(("【", "[")) or POSTING.match(n) or CATALOGUE_FIELD.match(n)
            for n in beside
        ):
            heading = Line(next(g for g in field.groups() if g).strip(), None, "", False)
            return [heading, *lines[:k], *lines[k + 1 :]], []
    # (a bracketed banner, 【2019年10月学习材料】, names the bundle the page is)
    if lines[0].text.startswith("【") or not (at := page_title_line(lines, posted)):
        return None
    taken = _title_and_meta(doc, lines[at:])[2]
    above = lines[:at]
    text = [
        ln
        for ln in above
        if ln.kind is not None or SENTENCE.search(ln.text) or POSTING.match(ln.text)
    ]
    furniture = [ln.text for ln in above if ln not in text]
    return lines[at : at + taken] + text + lines[at + taken :], furniture


def _title_and_meta(
    doc: str, lines: list[Line]
) -> tuple[str, DocumentMeta, int, list[tuple[str, str]]]:
    """The title, metadata and the number of lines they took."""
    if not lines or not is_title(lines[0]):
        front = read_front_matter(doc, PurePath(doc).stem, [ln.text for ln in lines[:1]])
        return PurePath(doc).stem, replace(front.meta, subtitle=""), 0, []
    # a title line giving a file's name (中华人民共和国拍卖法.doc): the name is the title
    first = _FILE_NAME.sub("", lines[0].label or lines[0].text)
    unmarked = next((i for i, ln in enumerate(lines[1:], 1) if ln.kind is not None), len(lines))
    rest = [ln.text for ln in lines[1:unmarked]]  # front matter is never a heading
    taken = 1
    # a title broken over two lines: the second half ends with the document's kind (read in
    # Simplified characters: …關于加強城市 / 內澇治理的實施意見)
    if (
        rest
        and bare(rest[0])
        and lines[1].kind is None
        and simplified(rest[0]).endswith(KIND_WORDS)
        and not (simple := simplified(first)).endswith(KIND_WORDS)
        and rest[0] != first
        and len(first) <= 2 * MAX_BROKEN_TAIL_CHARS  # (not a spam mirror's keywords over it)
        and not is_masthead(simple)
        and not rest[0].startswith(("【", "["))  # a record's next field (【標 題】…條例)
    ):
        first, rest, taken = first + rest[0], rest[1:], 2
    banner: list[tuple[str, str]] = []
    while rest and rest[0] == first:  # a page that repeats its title
        banner.append((rest[0], "标题"))
        rest, taken = rest[1:], taken + 1
    # the document's title under a banner may be broken over two lines too
    # (中国共产党第二十届中央委员会 / 第二次全体会议公报)
    broken = (
        len(rest) > 1
        and not kind_of(rest[0])
        and bare(rest[1].strip())
        and rest[1].strip().endswith(KIND_WORDS)
        # 在…上的讲话 under a title in two lines is its subtitle
        and not rest[1].strip().startswith("在")
    )
    under = rest[0] + rest[1].strip() if broken else rest[0] if rest else ""
    if (
        rest
        and not kind_of(first)
        and ends_with_kind(under)
        and is_title(lines[taken])
        # 在…上的讲话 under a title is its subtitle, but under a dated column's banner
        # (每周一学（2021年10月11日—17日）) the speech's own title
        and not rest[0].startswith(("—", "－"))
        and not (rest[0].startswith("在") and not _DATED_BANNER.match(first))
    ):
        # a column or bundle banner (每周一学（…）, 【…学习材料】) above the document's title
        banner = [(first, "栏目"), *banner]
        width = 2 if broken else 1
        first, rest, taken = under, rest[width:], taken + width
    elif rest and not kind_of(first) and (series := _series_lines(first, rest, lines[taken:])):
        # …and past the lines naming the series it belongs to (…学习材料 第二专题)
        banner = [(first, "栏目"), *banner, *((line, "栏目") for line in rest[:series])]
        first, rest, taken = rest[series], rest[series + 1 :], taken + series + 1
    front = read_front_matter(doc, first, rest)
    title = display_title(front.title, front.meta)
    return title, front.meta, taken + len(front.consumed), banner + list(front.consumed)


def _frame_sections(lines: list[Line]) -> list[Line]:
    """A preface (前言, 引言) is a part beside the numbered parts after it, and a closing
    section (结束语, 后记) one beside those before it: each takes that part's marker kind."""
    marked = [k for k, ln in enumerate(lines) if ln.kind in _PART_KINDS]
    out = list(lines)
    for k, ln in enumerate(lines):
        name = re.sub(r"\s", "", ln.text)
        if ln.kind is not None or not _FRAME.match(name):
            continue
        after = [m for m in marked if m > k]
        before = [m for m in marked if m < k]
        near = after[0] if name in _PREFACES and after else before[-1] if before else None
        if near is not None:
            out[k] = Line(name, lines[near].kind, name, True)
    return out


_DATING = ("副标题", "日期")  # front matter that dates a text (read_front_matter's labels)


def parse_lines(doc: str, lines: list[str], posted_under: Sequence[str] = ()) -> Parsed:
    """Parse the clean lines of the document `doc` (its id); `posted_under`: the lines the
    cleaning took a posting line from under (`Cleaned.posted_under`)."""
    parted = parted_articles(unglued_headline(parted_history(lines)))
    classified = [classify(t.strip()) for t in parted if t.strip()]
    for step in _LINE_PASSES:
        classified = step(classified)
    title, meta, taken, front = _title_and_meta(doc, classified)
    if moved := _page_title_first(doc, classified, title, frozenset(posted_under)):
        classified, furniture = moved
        title, meta, taken, front = _title_and_meta(doc, classified)
        front += [(line, "栏目") for line in furniture]
    elif not taken and (name := adopted_name(classified)):
        meta = replace(read_front_matter(doc, name, []).meta, subtitle="")
        title = display_title(name, meta)
    elif not taken and (lead := lead_title(doc, classified)):
        title = lead  # (read for no kind or year: 将于2025年2月1日起施行 is no page's date)
    # the lines saying when and by whom the text was adopted and revised answer 哪次会议
    # 通过的 and 修订过几次: one passage, its history
    history = [line.strip() for line, what in front if what == "日期" and adoption(line)]
    adopted = [Line(" ".join(history), None, "", False)] if history else []
    # and those saying on which day and at which meeting it was given (——2024年1月22日在
    # …会议上) answer 哪天、在哪次会议上作的: one passage too, shown only for that (with the
    # paper's issue after them, 人民日报/2024 年/3 月/16 日/第 004 版, or alone: no dateline)
    issue = [Line(line.strip(), None, "", False) for line, what in front if what == "刊期"]
    dated = " ".join(
        [line.strip() for line, what in front if what in _DATING and not adoption(line)]
        + [ln.text for ln in issue]
    )
    given = [Line(dated, None, "", False)] if dateline_text(dated) else issue
    body = plain_headings(adopted + given + _without_repeated_title(classified, taken), title)
    salutations = tuple(ln.text for ln in body if ln.kind is None and SALUTATION.match(ln.text))
    body = [ln for ln in body if not (ln.kind is None and SALUTATION.match(ln.text))]
    runs = _run_members(body)
    groups = _place(body, runs, _salutation_points(classified[taken:]))
    groups = _join_articles(_join_short(_without_contents(groups)))

    headings: list[Heading] = []
    passages: list[Passage] = []
    seen_paths: set[tuple[str, ...]] = set()
    for paragraph, (section, heading_paths, text) in enumerate(groups, start=1):
        headings += [
            Heading(h, paragraph) for h in dict.fromkeys(heading_paths) if h not in seen_paths
        ]
        seen_paths.update(heading_paths)
        for part, piece in enumerate(split_passage(text), start=1):
            passages.append(Passage(doc, title, section, paragraph, part, piece))
    # a congress report names its congress in its opening lines (not an office: 甘肃省代省长)
    if not meta.occasion or is_office(meta.occasion):
        meta = occasion_from_opening(title, meta, [p.text for p in passages[:OPENING]])
    if not meta.occasion and not meta.kind:  # a banner for a title: what its parts say,
        # or the subtitle under the speech's own title (——在党的二十届一中全会上的讲话 习近平)
        subtitles = [
            line
            for p in passages[:SUBTITLE_WINDOW]
            for line in p.text.split("\n")
            if _SPEECH_SUBTITLE.match(line)
        ]
        meta = occasion_from_headings(
            title, meta, [h.path[0] for h in headings if len(h.path) == 1] + subtitles
        )
    # headings with nothing under them at the very end still belong to the tree
    document = Document(doc, title, tuple(headings), tuple(passages), meta)
    return Parsed(document, tuple(front), salutations)


# what the lines are, read again with their neighbours, in this order
_LINE_PASSES: tuple[Callable[[list[Line]], list[Line]], ...] = (
    law_layout,
    decimal_headings,
    _frame_sections,
    _bare_numbers,
    _with_attributions,
    _join_broken_headings,
)


def _without_repeated_title(lines: list[Line], taken: int) -> list[Line]:
    """The lines after the title and front matter, less those near the top that print the
    title line again or its opening: a web page repeats its headline below its menus
    (2021年新年献词 under 2021年新年献词--校长专栏-…), which is no passage of the text. Not
    a text's own title inside a bundle's page (…印发《党政机关厉行节约反对浪费条例》 above
    党政机关厉行节约反对浪费条例), which heads that text."""
    body = lines[taken:]
    if not taken:  # no title line: the first line is the text's own
        return body
    title = plain_text(lines[0].text)

    def repeats(line: Line) -> bool:
        plain = plain_text(line.text)
        return line.kind is None and len(plain) >= MIN_REPEATED_TITLE and title.startswith(plain)

    return [ln for i, ln in enumerate(body) if i >= SUBTITLE_WINDOW or not repeats(ln)]


def parse(doc: str, lines: list[str], posted_under: Sequence[str] = ()) -> Document:
    return parse_lines(doc, lines, posted_under).document


def _salutation_points(all_lines: list[Line]) -> set[int]:
    """Indexes (among the lines left once salutations are taken out) of the lines that a
    salutation stood before: each opens a new stretch of its part."""
    points: set[int] = set()
    j = 0
    pending = False
    for ln in all_lines:
        if ln.kind is None and SALUTATION.match(ln.text):
            pending = True
            continue
        if pending:
            points.add(j)
            pending = False
        j += 1
    return points


_Group = tuple[tuple[str, ...], list[tuple[str, ...]], str]


def _place(lines: list[Line], runs: set[int], salutes: set[int]) -> list[_Group]:
    """Each body line's section path, with the heading paths it opens."""
    last_marker = max(
        (i for i, ln in enumerate(lines) if ln.kind not in (None, "signature", *CLOSABLE)),
        default=-1,
    )
    stack: list[_Frame] = []
    groups: list[_Group] = []
    pending: list[tuple[str, ...]] = []  # headings opened since the last passage
    previous_intro = False  # the last passage announced a list of short cases (：)
    in_cases = False  # ... or was such a case
    used: set[tuple[str, ...]] = set()  # heading paths opened so far

    def take_pending() -> list[tuple[str, ...]]:
        taken = list(pending)
        pending.clear()
        return taken

    def path() -> tuple[str, ...]:
        return tuple(f.label for f in stack)

    def close_enumerations() -> None:
        while stack and stack[-1].kind in CLOSABLE:
            stack.pop()

    signed = False
    for i, line in enumerate(lines):
        if signed:  # a signature closed the headline it signs (总理 李强 / 国务院令 above)
            plain = [k for k, f in enumerate(stack) if f.kind == "plain"]
            del stack[plain[-1] if plain else len(stack) :]
            signed = False
        # a salutation, alone or exclaimed at a paragraph's start (同志们！改革开放之初…),
        # starts the next stretch of the part; after the last heading, the closing remarks
        inline = line.kind is None and CLOSING.match(line.text)
        if i in salutes or (inline and (i > last_marker or inline.group(0)[-1] in "！!")):
            if i > last_marker:
                stack.clear()
            else:
                del stack[1:]

        # a case of a list (（一）…；) after a colon or another case: part of that passage
        if (
            previous_intro
            and groups
            and line.kind in ("pcn", "pnum", "num", "circled")
            and len(line.text) <= MAX_CASE_CHARS
            and line.text.endswith(("；", ";", "。", "，"))
            # a list has two cases at least: a lone （一）…。 before text is a heading
            and (in_cases or next_is_case(lines, i))
        ):
            section, heads, text = groups[-1]
            groups[-1] = (section, heads, text + "\n" + line.text)
            previous_intro = in_cases = not line.text.endswith("。") or next_is_case(lines, i)
            continue
        previous_intro = in_cases = False

        opened: list[tuple[str, ...]] = []
        if line.kind == "annex":
            stack.clear()
        if line.kind == "signature":  # its date: the text signed ends after it
            line, signed = Line(line.text, None, "", False), True
        if (
            line.kind is not None
            and line.kind not in CLOSABLE
            and stack
            and stack[-1].kind in CLOSABLE
            and not (groups and announces(groups[-1][2]))
        ):
            # a numbered heading (（一）…) is never inside a run-in item (——这五年…；一是…)
            # unless that item announced it as its sub-points
            close_enumerations()
        if line.kind is not None and (rank := unit_rank(line.kind, line.label)) is not None:
            # 第二章 (as a Markdown heading, say) after 第七条 of a text whose 第一章 is
            # missing: chapters hold articles, whatever kinds came first; nor does a
            # preface (## 序言 over ## 第一章 总则) hold the chapters after it, nor a case
            # an article lists (a page 2 opening on (五)…配套设施。) the articles after it;
            # a heading numbered so ((六)鼓励乡镇招商引资 over 第19条) may
            under = [
                k
                for k, f in enumerate(stack)
                if ((unit := unit_rank(f.kind, f.label)) is not None and unit >= rank)
                or _FRAME.match(f.label)
                or (rank == _ARTICLE_RANK and f.case)
            ]
            del stack[under[0] if under else len(stack) :]
        if line.kind is not None:
            kinds = [f.kind for f in stack]
            if line.kind in kinds:
                at = kinds.index(line.kind)
                spans = stack[at].spans
                longest = max(stack[at].longest, stack[at].taken)
                before = stack[at].before + 1
                del stack[at:]
            else:
                spans, longest, before = False, 0, 0
            label = line.label
            if (*path(), label) in used and line.kind in CLOSABLE:
                # ——在前进道路上，我们要始终弘扬… / ——在前进道路上，我们要始终坚持…:
                # points sharing their opening clause are told apart by the next one
                label = lead_sentence(line.text, past=len(label) + 1)
            case = line.kind in _CASE_KINDS and line.text.endswith(("。", "；", ";"))
            frame = _Frame(line.kind, label, spans, longest=longest, before=before, case=case)
            stack.append(frame)
            used.add(path())
            opened.append(path())
            if line.pure and not is_leaf(lines, i, [f.kind for f in stack]):
                pending.append(path())
                continue
        elif i in runs:
            section = (*path(), lead_sentence(line.text))
            groups.append((section, [*take_pending(), section], line.text))
            continue
        elif stack and stack[-1].kind in CLOSABLE:
            item = stack[-1]
            if not _continues(item, line, lines, i, runs):
                close_enumerations()
            else:
                item.spans = item.spans or between_siblings(lines, i, item.kind)
                item.taken += 1
        groups.append((path(), [*take_pending(), *opened], line.text))
        previous_intro = line.text.endswith(("：", ":"))
    return groups


def _continues(item: _Frame, line: Line, lines: list[Line], i: int, runs: set[int]) -> bool:
    """Whether an unmarked paragraph after an enumeration item still belongs to it."""
    # items that each were one paragraph make a list of one-paragraph items: the text
    # after the last (中国式现代化的本质要求是…) is not its, even before another such list
    single = item.before >= MIN_RUN - 1 and item.longest == 0 and item.taken == 0
    return bool(
        BACK_REFERENCE.match(line.text)
        or (ANNOUNCES.search(line.text) and (i + 1 in runs or next_is_case(lines, i)))
        or (between_siblings(lines, i, item.kind) and not single)
        # the last item of a list whose items span paragraphs keeps as many as the longest
        # before it: the text after that (2013年主要任务…) is no longer its
        or (item.spans and item.taken < max(item.longest, 1))
    )


def _without_contents(groups: list[_Group]) -> list[_Group]:
    """A table of contents is no passage: a heading with nothing under it that the text
    opens again later with text under it (第六章 扶持与保障 listed before 第一章 总则)."""
    below = {path[:n]: k for k, (path, _, _) in enumerate(groups) for n in range(1, len(path))}
    return [
        g for k, g in enumerate(groups) if not (_is_heading_text(g) and below.get(g[0], -1) > k)
    ]


def _join_short(groups: list[_Group]) -> list[_Group]:
    """A line too short to quote (全文如下：) joins the next passage, or the last one's."""
    out: list[_Group] = []
    carry: _Group | None = None
    for group in groups:
        section, opened, text = group
        if carry is not None:
            group = (section, carry[1] + opened, carry[2] + "\n" + text)
            carry = None
        if len(re.sub(r"\W", "", group[2])) < MIN_PASSAGE_CHARS and not _is_heading_text(group):
            carry = group
            continue
        out.append(group)
    if carry is not None:
        if out and out[-1][0] == carry[0]:
            section, opened, text = out[-1]
            out[-1] = (section, opened + carry[1], text + "\n" + carry[2])
        else:
            out.append(carry)
    return out


def _join_articles(groups: list[_Group]) -> list[_Group]:
    """The paragraphs of one article (第十二条 …, then 前款规定的… under the same path)
    make one passage while they fit in one: an article is what a law is cited and read by,
    and a later paragraph often says only in its lead what it is about."""
    out: list[_Group] = []
    for group in groups:
        section, opened, text = group
        if (
            out
            and not opened
            and section
            and out[-1][0] == section
            and legal_rank(section[-1]) == _ARTICLE_RANK
            and len(out[-1][2]) + 1 + len(text) <= MAX_PASSAGE_CHARS
        ):
            out[-1] = (section, out[-1][1], out[-1][2] + "\n" + text)
        else:
            out.append(group)
    return out


def _is_heading_text(group: _Group) -> bool:
    """A leaf heading that is its own passage (一、…), kept whatever its length."""
    section, _, text = group
    return bool(section) and section[-1].rstrip("。：:") == text.rstrip("。：:")
