"""Unnumbered headings: a headline over its text (the headline and subtitles of one text
in a study bundle), a byline that joins it, and back matter (附件, 附：…, 名词解释)."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.boilerplate import clutter_rule
from retrieval.datelines import dateline_text
from retrieval.dates import first_date
from retrieval.history import is_date_line, is_history
from retrieval.markers import HAN, MAX_TITLE_CHARS, SALUTATION, SENTENCE_END, Line
from retrieval.metadata import KIND_WORDS
from retrieval.normalize import plain_text, simplified
from retrieval.title_lines import POSTING, is_posting_line

MAX_HEADLINE_CHARS = 30  # an unnumbered heading line
# a field's label opening a line (• 中文名:…, 签到天数: 703 天): a record's, heading nothing
_LABELLED = re.compile(r"^[●■◆▲•\s]*[\u4e00-\u9fffA-Za-z]{1,8}\s*[:：]")
# the items of a list a short line may head (● / ① / （1） / 1.)
_HEADED_ITEMS = frozenset(("bullet", "circled", "pnum", "num"))
# back matter of an official document: glossary, annexes, notes
_ANNEX = re.compile(r"^(名词解释|附件\s*\d*|附录|附表|附注|注释|说明)[：:]?$")
MIN_PARAGRAPH_CHARS = 40  # a line this long after short ones is their text
# an office and the name of whoever holds it, ending the line
_OFFICE_AND_NAME = re.compile(
    r"(?:校长|书记|主任|部长|局长|院长|主席|委员|厅长|市长|县长|区长|镇长|乡长|处长|科长"
    r"|经理|董事长|记者|教授|教师|老师)\s*[\u4e00-\u9fff]{2,3}(?<![会议级班组室部处厅局团队所])$"
)
_SIGNED = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")
# who signs a decree or a notice: a leader's office and name (总 理 温家宝, 部 长:薄熙来), or a
# body alone (郑州市人民代表大会常务委员会, 文山市人民政府, 国务院办公厅, 中共安康市委, 国务院)
_SIGNER = re.compile(
    r"^(?:国务院)?(?:总理|主席|委员长|部长|省长|市长|县长|区长|局长|主任|书记)[:：]?"
    r"[\u4e00-\u9fff]{2,4}$"
    r"|^[\u4e00-\u9fff]{2,16}(?:人民代表大会常务委员会|人民政府|办公厅|办公室)$"
    r"|^中共[\u4e00-\u9fff]{2,12}委(?:员会)?$|^国务院$"
)
MAX_BYLINE_CHARS = 30
_ASIDE = re.compile(r"[（(][^（()）]+[）)]")  # (此件公开发布), (征求意见稿)
# a line a page stamps, never what its text is called: a day alone (二○○五年三月十六日, signing
# the decree above), a posting time (06.09.2017 15:52, 中国新闻网| 2025-04-22 10:34:41; not
# 直播：3月5日 9:00 十四届…开幕会), a breadcrumb trail (首頁>要聞 要聞, 新闻中心 > 国内新闻 > 时事;
# not 1+1>2：…), a page counter (1 / 3), a site's 正文 label (新華網 正文, 以下为正文; not 协定正文)
# or a telephone number
_STAMP = re.compile(
    r"^[（(]?\s*[0-9０-９〇○零一二三四五六七八九十]{2,4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月"
    r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*[）)]?$"
    r"|^[^。，,；;:：]{0,24}?(?:\d{2,4}[-./年]\s*)?\d{1,2}[-./月]\s*\d{1,2}(?:[-./]\d{2,4})?日?\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?[^。，,；;]{0,6}$"
    r"|^[^。，,；;>»]{1,16}(?:\s*(?:>>?|»)\s*[^。，,；;>»]{0,16}){2,}\s*$"
    r"|^(?=.*(?:首页|首頁|位置|频道|頻道))[^。，,；;>»]{1,16}(?:\s*(?:>>?|»)\s*[^。，,；;>»]{0,16})+\s*$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$"
    r"|^\S{1,8}[网網报報社台]\s*正文$|^以下为正文[:：]?$"
    r"|^0\d{2,3}-\d{7,8}$"  # a telephone number
)
# who wrote, reported or issued a text, under its headline (本文来源:, 人民日报客户端 姜洁, 商报讯
# (记者 葛玲燕)), the number it was issued under (化府通〔2024〕10号) or a line all in brackets
_CREDIT = re.compile(
    r"^\s*(?:本文|文章|信息)?(?:来源|作者|责编|编辑|记者|通讯员)\s*[:：]"
    r"|[（(]\s*记者|客户端\s+\S{2,4}$|^\S{2,8}讯\s|〔\d{4}〕\d+号|^[（(].*[）)]$"
)
_LATIN = re.compile(r"[A-Za-z]")
_ATTACHED = re.compile(r"^附[：:]\s*\S")
_ANNOUNCING = re.compile(r"[，,。]?(?:具体|现)?(?:如下|通报如下)[：:]?$")
# a line that is a document's title in book-title marks: the text below is that document
_BOOK_TITLE = re.compile(rf"《[^《》]{{2,60}}(?:{'|'.join(KIND_WORDS)})》")


# a field of a record a database or crawler put above the text (【文件名称】…, 【条款数】56), or
# a catalogue's table row of them (索引号: | |, 发文机关:…统计局 | 主题词: |)
MAX_FIELD_CHARS = 60  # 【数据源URL】https://… is the longest
_FIELD = re.compile(
    r"^(?:[【\[][\u4e00-\u9fffA-Za-z]{2,8}[】\]]\s*\S|[\u4e00-\u9fff]{2,6}\s*[:：][^|]{0,40}\|"
    # or a short label, spaced to the width of longer ones, and its short value (地   区:广西)
    r"|[\u4e00-\u9fff]{1,3}\s+[\u4e00-\u9fff]{1,3}\s*[:：](?:\S[^|]{0,20})?$)"
)


def _record_fields(lines: list[Line]) -> set[int]:
    """The lines of runs of two or more `_FIELD` lines: a record's fields, none of them a
    headline (one tagged headline alone, 【聚焦渠县两会】渠县…开幕, still is)."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, Line("", None, "", False)]):
        # (short, with no sentence: 【编者按】 opening a paragraph is the text's own)
        field = len(line.text) <= MAX_FIELD_CHARS and not re.search(r"[。，,；;！？]", line.text)
        if line.kind is None and field and _FIELD.match(line.text):
            run.append(i)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


def plain_headings(lines: list[Line], title: str = "") -> list[Line]:
    """Unnumbered headings: a run of short unpunctuated lines (the headline and subtitles of
    one text in a study bundle, 马卫光同志的讲话摘要) after a finished sentence and before a
    paragraph. Such a run becomes one heading of its own kind, which closes the run before.
    A list of short items is followed by another short line, not a paragraph, and stays."""
    out: list[Line] = []
    fields = _record_fields(lines)
    han = sum(len(HAN.findall(ln.text)) for ln in lines)
    chinese = han > sum(len(ln.text) for ln in lines) / 2  # (not an English translation)
    i = 0
    while i < len(lines):
        text = lines[i].text
        if (
            lines[i].kind is None
            and i + 1 < len(lines)
            and (_ANNEX.match(text) or (_ATTACHED.match(text) and len(text) <= MAX_TITLE_CHARS))
        ):
            # 名词解释, 附件, 附注, 附：<what is attached>: back matter, outside the
            # numbered parts
            out.append(Line(text, "annex", _ANNOUNCING.sub("", text).rstrip("：:。"), True))
            i += 1
            continue
        before = out[-1] if out else None
        ended = before is not None and before.text.endswith((*SENTENCE_END, "”", "）"))
        finished = before is None or before.kind is not None or ended
        if lines[i].kind is None and _ASIDE.fullmatch(text):
            out.append(lines[i])  # an aside, no headline
            i += 1
            continue
        # (after a finished sentence, …现予公布。: not a speech's headline over its speaker)
        if ended and (end := _signature_end(lines, i)) is not None:
            # a decree's or a notice's signature (总理 李强 / 2024年3月10日, 中共安康市委 /
            # 安康市人民政府 / 2010年9月9日) ends what it signs: its date closes the headline
            # above it (`structure`), and a headline may follow it (…行动计划 / 第一条)
            out.extend(lines[i:end])
            out.append(Line(lines[end].text, "signature", "", False))
            i = end + 1
            continue
        j = i
        # a date, adoption or posting line under a headline belongs to it (…全会公报 /
        # （2019年10月31日…全体会议通过）, …托班招收儿童范围 / 日期:11-05)
        while (
            j < len(lines)
            and j not in fields
            and (
                _is_headline(lines[j])
                or (
                    j > i
                    and lines[j].kind is None
                    and (_dates_it(lines[j].text) or bool(POSTING.match(lines[j].text)))
                )
            )
        ):
            j += 1
        after = lines[j] if j < len(lines) else None
        # a dated or signed headline is a title even after a line that ends unpunctuated
        # (■ 要点, 点击数：/ 次): 2020年度述职报告 / 孙洪亮 over 一、… heads one person's
        # report, and the next report's headline closes it
        dated = any(_dates_it(ln.text) for ln in lines[i + 1 : j]) or (
            j > i + 1 and _byline([ln.text for ln in lines[i + 1 : j]])
        )
        # a numbered part may follow a dated or signed title, a bare number any title (一 /
        # 二), a list's first item the heading over it (维护稳定促发展 / ●批捕72.6万人…), and
        # a regulation's first article its title
        opens = after is not None and (
            _is_paragraph(after)
            or after.kind == "bare"
            # (not a record's fields: • 发布机构: / • 中文名:…, 【审批类型】…)
            or (
                after.kind in _HEADED_ITEMS
                and not _LABELLED.match(after.text)
                and not _LABELLED.match(text)
                and not _FIELD.match(text)
            )
            or (dated and after.kind is not None)
            or (after.kind == "article" and after.label == "第一条")
            # or its first chapter: a text's name (…办法, not 规定全文) under the signature of the
            # decree or notice issuing it, not the page's own title again
            or (
                after.kind == "chapter"
                and after.label.startswith("第一章")
                and before is not None
                and before.kind == "signature"
                and simplified(text).endswith(KIND_WORDS)
                and not plain_text(title).startswith(plain_text(text))
            )
        )
        if j > i and opens and (finished or dated):
            # the headline heads the text, or the document's title in the run under a
            # bundle's banner (…学习材料第二专题 / 习近平：在…上的讲话, 微学习：… / 《…办法》);
            # the other lines stay as a line of it
            head = next((k for k in range(i, j) if _BOOK_TITLE.fullmatch(lines[k].text)), None)
            if head is None:
                head = next((k for k in range(i + 1, j) if _titles_a_document(lines[k].text)), i)
            if not _is_title_line(lines[head], chinese):
                # (the page's stamp or a credit over a headline: the headline heads the text,
                # and the lines above it are a line of the text before)
                titled = next((k for k in range(i, j) if _is_title_line(lines[k], chinese)), None)
                stamps = lines[i : j if titled is None else titled]
                out.append(Line(" ".join(ln.text for ln in stamps), None, "", False))
                if titled is None:  # stamps alone: no headline
                    i = j
                    continue
                i = head = titled
            rest = [ln.text for k, ln in enumerate(lines[i:j], start=i) if k != head]
            signed = [ln.text for ln in lines[head + 1 : j]]
            label = lines[head].text
            if signed and _byline(signed):
                # whose text it is (副校长杨佩琼 under 2024年度述职报告) names every passage
                # of it, and tells apart the texts of a bundle that share a headline
                label, rest = f"{label}（{' '.join(signed)}）", rest[: len(rest) - len(signed)]
            out.append(Line(lines[head].text, "plain", label, True))
            if rest:
                out.append(Line(" ".join(rest), None, "", False))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _signature_end(lines: list[Line], i: int) -> int | None:
    """Where a signature starting at line i ends: its signers' lines (`_SIGNER`, spaces
    aside, in simplified characters), then the date they signed on; None if line i starts
    none."""
    k = i
    while (
        k < len(lines)
        and lines[k].kind is None
        and _SIGNER.match(simplified(re.sub(r"\s+", "", lines[k].text)))
    ):
        k += 1
    dated = k > i and k < len(lines) and lines[k].kind is None and _dates_it(lines[k].text)
    return k if dated else None


def _byline(texts: list[str]) -> bool:
    """Whether the lines under a headline only say who wrote or gave it: short, undated, no
    sentence in them, ending in an office and a name (绍兴市第一中学副校长 冯王亮); not the rest of
    a headline broken in two (…典型问题的通报) or a subhead saying what was done (王浩出席)."""
    from retrieval.segment import default_segmenter, word_tags

    # the month it was signed may follow the name (副校长朱水军 2026年2月)
    joined = _SIGNED.sub("", " ".join(texts)).strip()
    if (
        len(joined) > MAX_BYLINE_CHARS
        or first_date(joined) is not None
        or re.search(r"[。！？!?；;，,：:（(《]", joined)
    ):
        return False
    if _OFFICE_AND_NAME.search(joined):
        return True  # 副校长朱水军, 市委书记 盛阅春
    segmenter = default_segmenter()
    if _lone_name(re.sub(r"\s+", "", joined), segmenter.frequency):
        return True
    words = segmenter.words(joined)
    return bool(words) and word_tags().get(words[-1][0]) == "nr"  # a name jieba knows


def _lone_name(text: str, frequency: Callable[[str], int]) -> bool:
    """Whether a line is a person's name alone (王月琴, 蒋  明, 俞奇弘), which jieba may not know
    as one (月琴 is a lute): two or three characters that are no dictionary word, with a common
    surname first or no dictionary word inside (安全, 前言, 会议稿 and 附件一 are words or hold
    one)."""
    from retrieval.segment import SURNAMES

    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text) or frequency(text):
        return False
    return text[0] in SURNAMES or not any(frequency(text[i : i + 2]) for i in range(len(text) - 1))


def _titles_a_document(text: str) -> bool:
    """A line that is a document's title (习近平：在…上的讲话), not its subtitle (——在…上的
    讲话) or a line dating it."""
    return (
        text.rstrip("》）) ").endswith(KIND_WORDS)
        and not text.startswith(("—", "－", "（", "("))
        and not _dates_it(text)
    )


def _dates_it(text: str) -> bool:
    """A line giving the day its text was adopted or given, not a title with a year in it
    (2022年度述职报告)."""
    date = first_date(text)
    return is_date_line(text) and date is not None and date[1] is not None


def _is_headline(line: Line) -> bool:
    return (
        line.kind is None
        and len(line.text) <= MAX_HEADLINE_CHARS
        # one comma may join two parallel phrases (放松学习，私欲膨胀); a line ending in
        # punctuation, or with a sentence end in it, is text
        and not re.search(r"[。！？!?；;]|[:：，,、]$", line.text)
        and len(re.findall(r"[，,]", line.text)) <= 1
        and not SALUTATION.match(line.text)
        and not is_history(line.text)  # 2001年4月21日 国务院令第302号公布 above 第一条
        and not dateline_text(line.text)  # （2020年2月3日） under a speech's title
        and not POSTING.match(line.text)  # 制定机关:…人民代表大会常务委员会, 发布日期:…
    )


def _is_title_line(line: Line, chinese: bool) -> bool:
    """A headline line that is not a page's stamp, posting line, credit, byline or widget,
    nor, in a Chinese text, a line of Latin letters and no Chinese (404 Not Found, EN)."""
    text = line.text
    return (
        _is_headline(line)
        and not (chinese and _LATIN.search(text) and not HAN.search(text))
        and not _STAMP.match(text)
        and not is_posting_line(line)
        and not _CREDIT.search(text)
        and not _byline([text])
        and clutter_rule(text) is None
    )


def _is_paragraph(line: Line) -> bool:
    return line.kind is None and len(line.text) >= MIN_PARAGRAPH_CHARS and not _is_headline(line)
