"""Lines of a text read again with their neighbours for what a law's layout says: an
article whose number runs on into its text, two articles on one line, a chapter's name
whose number was lost, and a table of contents ahead of the text."""

from __future__ import annotations

import re

from retrieval.dates import chinese_number
from retrieval.markers import CN_NUM, Line, simplified_units
from retrieval.normalize import plain_text, simplified

# 第一条为进一步…: an article run on into its text with no space after its number, or into
# its bracketed title and on into its text (第三条〔定义条款〕本条例所称…; a title alone on its
# line, 第一条(目的和依据), is one with the text under it)
_GLUED_ARTICLE = re.compile(
    rf"^第([{CN_NUM}\d]+)条(?=[\u4e00-\u9fff]|[〔(（【\[][^〕)）】\]]{{1,20}}[〕)）】\]]\s*\S)"
)
MIN_ARTICLE_RUN = 3
_ARTICLE = re.compile(rf"^\s*第([{CN_NUM}\d]+)条\s")  # an article's line, set apart
# the next article after a sentence's end, the break between them lost (…由市人民政府制定。
# 第四十二条本条例自2021年1月1日起施行。)
_NEXT_ARTICLE = re.compile(
    rf"(?<=[。；;])\s*第([{CN_NUM}\d]+)条(?!\s*[规所第、的和至或及款项中另以外明（(])"
)


def _in_simplified(line: str) -> str:
    """A Traditional text's line read in Simplified characters, the same length, so that its
    citations (第六條規定的) are told from its articles as a Simplified text's are."""
    return simplified(line) if "條" in line else line


def parted_articles(lines: list[str]) -> list[str]:
    """The lines with an article's line (第四十一条 …) parted before the next article run
    into it (its number one more: not a sentence citing another, 第三条规定的…, 第六条另有
    规定的; nor commentary: 第二条规定了本法的适用范围。第三条明确了主管部门。)."""
    out: list[str] = []
    for line in lines:
        start = _ARTICLE.match(_in_simplified(line))
        number = chinese_number(start[1]) if start else None
        while (
            number is not None
            and (after := _NEXT_ARTICLE.search(_in_simplified(line)))
            and chinese_number(after[1]) == number + 1
        ):
            out.append(line[: after.start()])
            # (its number set apart from its text, as an article's is: 第四十二条 本条例…)
            head = line[after.start() : after.end()].strip()
            line, number = f"{head} {line[after.end() :].lstrip()}", number + 1
        out.append(line)
    return out


def glued_articles(lines: list[Line]) -> list[Line]:
    """Articles whose number runs on into their text (第一条为进一步…), taken as articles
    where they count up from 第一条, as a regulation's do (an excerpt may skip some; a new
    run starts again at 第一条); a line that merely opens with 第二条战线 is text."""
    glued = {
        k: m
        for k, ln in enumerate(lines)
        if ln.kind is None and (m := _GLUED_ARTICLE.match(simplified_units(ln.text)))
    }
    numbered = [(k, chinese_number(m.group(1))) for k, m in glued.items()]
    runs: list[list[int]] = []
    last = 0
    for k, n in numbered:
        if n == 1 or (runs and n is not None and n > last):
            if n == 1:
                runs.append([])
            runs[-1].append(k)
            last = n
    articles = {k for run in runs if len(run) >= MIN_ARTICLE_RUN for k in run}
    if not articles:
        return lines
    return [
        Line(ln.text, "article", glued[k].group(0), False) if k in articles else ln
        for k, ln in enumerate(lines)
    ]


def law_layout(lines: list[Line]) -> list[Line]:
    """The lines read for a law's layout: its table of contents left out, articles run on
    into their text and chapters whose number was lost found."""
    return unnumbered_chapters(glued_articles(without_table_of_contents(lines)))


# a chapter's name alone on its line, its number lost in copying (网络素养促进, 法律责任, 附则)
_CHAPTER_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}")
_OUTSIDE = frozenset(("chapter", "section"))  # under a chapter's line, a name is its subtitle
# a law's first chapter, by the name it always has
_FIRST_CHAPTERS = frozenset(("总则", "总纲", "總則", "總綱"))


def unnumbered_chapters(lines: list[Line]) -> list[Line]:
    """The lines with a chapter's name standing alone between two articles (…给予表彰和奖励。
    / 网络素养促进 / 第十三条 …) read as that chapter's heading: after an article's finished
    sentence (not an item of its list: 下列规定： / 不得遗弃犬只), before an article that is
    not a text's first (a bundle's next regulation's title), and not under a chapter's own
    heading. Above a text's first article, only the general provisions' own name (总则) is
    sure to be a chapter's (another short line there may be the text's title), where other
    chapters follow it (a page keeping that one name alone files nothing under it, and the
    name is left out) and it is no chapter's name under its number (第一章 / 总则)."""
    out = list(lines)
    begun = False  # an article came before: the text is under way
    first = None  # the line naming the first chapter, if any
    for k, line in enumerate(lines):
        if line.kind == "article":
            begun = True
        elif (
            line.kind is None
            and 0 < k < len(lines) - 1
            and lines[k + 1].label == "第一条"
            and lines[k - 1].kind not in _OUTSIDE
            and re.sub(r"\s", "", line.text) in _FIRST_CHAPTERS
        ):
            first = k
        elif (
            begun
            and line.kind is None
            and k < len(lines) - 1
            and lines[k + 1].kind == "article"
            and lines[k + 1].label != "第一条"
            and lines[k - 1].kind not in _OUTSIDE
            and lines[k - 1].text.rstrip().endswith(("。", "；", ";"))
            # (read without its letter spacing: 法 律 责 任)
            and _CHAPTER_NAME.fullmatch(name := re.sub(r"\s", "", line.text))
        ):
            out[k] = Line(line.text, "chapter", name, True)
    if first is not None:
        name = re.sub(r"\s", "", lines[first].text)
        if any(ln.kind == "chapter" for ln in out[first + 1 :]):
            out[first] = Line(lines[first].text, "chapter", name, True)
        else:  # the one chapter's name a page kept: nothing, not a speaker
            del out[first]
    return out


def without_table_of_contents(lines: list[Line]) -> list[Line]:
    """Less a table of contents: the heading lines after a 目录 line up to the one that
    repeats its first entry, where the text itself begins (a page cut short never repeats
    the later entries, so they cannot be told by their repeats alone). An entry with no
    marker of its own (序言, 总纲) makes its repeat in the text a heading beside the entries
    after it. A 目录 line followed by anything else is left as it is."""
    start = next((i for i, ln in enumerate(lines) if _CONTENTS.fullmatch(ln.text)), None)
    if start is None or start + 1 >= len(lines):
        return lines
    first = plain_text(lines[start + 1].text)
    for k in range(start + 2, len(lines)):
        if plain_text(lines[k].text) == first:
            return lines[:start] + _marked(lines[start + 1 : k], lines[k:])
        if not (lines[k].kind and lines[k].pure):
            return lines
    return lines


def _marked(entries: list[Line], body: list[Line]) -> list[Line]:
    """`body` with the first repeat of each unmarked entry a heading of the kind of the
    marked entry after it (总纲 before 第一章: a part beside the chapters)."""
    out = list(body)
    for i, entry in enumerate(entries):
        kind = next((e.kind for e in entries[i + 1 :] if e.kind), None)
        if entry.kind or kind is None:
            continue
        name = plain_text(entry.text)
        at = next(
            (j for j, ln in enumerate(out) if ln.kind is None and plain_text(ln.text) == name), None
        )
        if at is not None:
            out[at] = Line(name, kind, name, True)
    return out


_CONTENTS = re.compile(r"\s*目\s*[录錄]\s*")
