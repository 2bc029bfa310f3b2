"""The corpus folder: which documents it holds, and turning them into indexable passages.

Pure functions, safe to run in worker processes: bulk segmentation is mostly Python under the
GIL (jieba-rs finds the dictionary's words, the rest is jieba's HMM, sub-words and bigrams), so
large batches are cut into chunks and spread over the machine's cores.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import metadata
from pathlib import Path

from retrieval.counting import CountedRows, Counting, count_rows
from retrieval.counts import TermCounts, pack_terms
from retrieval.index import passage_terms
from retrieval.ingest import OTHER_DOCUMENTS, SUFFIXES, DocumentError, check_type, read_cleaned
from retrieval.model import Document, Passage
from retrieval.segment import Segmenter, data_lines, default_segmenter
from retrieval.store import FileInfo, IndexedDocument
from retrieval.structure import parse

# Bump when reading files, structure parsing or term extraction changes: every document is
# then read and indexed again at the next reload.
# 4: metadata, clutter rules, closing enumerations, years; 5: years in Chinese digits as digits;
# 6: dated titles in bundles, numbered excerpts and their sources, bullets, adoption lines,
# YAML headers, Latin lines in bilingual texts; 7: articles run on into their text, a title
# in 《》 or a speech's title heading a bundle's text, prefaces, authoring offices, speeches'
# names from their occasion; 8: titles repeated with other spacing, autonomous regions' names,
# a bundle's title line only where it ends in a kind of document; 9: 列出 and 列举 are words
# about the text (stopwords), as 讲到 is; a news report is named by the meeting it reports;
# an interviewer's question heads the answers; a year spaced from its 年 (2015 年); bylines,
# 附：, items numbered 01/02 as headings; 资料来源 as a credit line; a law dated by its last
# revision, of the kind 法律; a Markdown file's HTML comments as clutter; 10: a title under a
# banner and a series line, 在…时的讲话, 白皮书, two-character headings spaced out (总 则),
# a regulation's history as one passage; 11: bigrams across a bracketed aside (村（社区）级);
# 12: a web page's title line read as its headline (no column, keywords, site or hook), a
# news headline's congress naming the province's report; 13: a judicial interpretation (…的解释)
# as a kind of text, a national regulation named without 中华人民共和国, a chapter closing the
# articles before it; 14: a history line broken in two read whole, a full date under a title no
# part of it; 15: a text adopted again dated by its last adoption; 16: an article's paragraphs
# as one passage; 17: a history line broken over several lines read whole, a speech's
# subtitle below a page's banner naming its occasion, a plenum's short name without its session,
# a page's headline printed again below its menus dropped; 18: a year before 修正/修订 with
# no 年 (统计法（2024修正）) dates a title, a preface holds no chapters, a table of contents is
# no passage, a site's footer (版权所有, ICP备) is clutter; 19: a signed headline (a name alone
# under it) over numbered parts holds them (several people's 述职 reports on one page); 20: a
# date the file name gives (戒毒条例(2018-09-18).md) dates a text that gives none; 21: a
# headline keeps its text when its date and source follow on its line; 22: the dateline under
# a title (its subtitle and date lines) is a passage, a judicial interpretation and a plan's
# proposal go by their own names, a year a title sets a goal for dates nothing; 23: a budget or
# plan report is of the year it plans and goes by 预算报告/计划报告, a title in Traditional
# characters is read for its kind and names, a ministry's line under a title is its author; 24:
# a national congress goes by its organisation's name (中国工会第十八次全国代表大会: 工会十八大),
# a text made of a quoted one by its whole title (《政府工作报告》重点工作分工方案), a site's
# tag around a title ([法律法规]…, …全文【优秀4篇】) no part of its name; 25: a law's file named
# for a later edition than its header dates is that edition, a provincial plenum goes by its
# short name (四川省委十二届二次全会), a headline may ask or exclaim, a YAML header under a title
# line is no text, a heading word under a headline (典型案例) is no speaker; 26: a title ending
# in its kind or a notice's word (…事故的通报) is whole, and a line under it is a column's banner
# only when it ends as a title does (not 通知公告更多>>), a notice's title may run long after
# its issuing offices, a day a title gives in brackets dates the text, and a law the national
# congress adopted under a name without the state's (反分裂国家法) is a law; 27: a title line
# giving a file's name (…拍卖法.doc) is that name, a national law's full name is a whole title,
# a town said with its ending (木洞镇人民政府) is a place, and a table of contents (目录 and the
# headings up to the first one's repeat) is no part of the text; 28: a breadcrumb on one line,
# a newspaper page's label and a start marker are clutter, a record's fields are no headings,
# a county whose committee meets is a place, and a copy's posting day does not date a law; 29: a
# plan's span of years dates it by its first, and a report every place gives is its speaker's
# place's (政府工作报告 / 甘肃省代省长 任振鹤); 30: pinyin a page glued after characters is dropped;
# 31: a page's title below its furniture (a title of a kind over its date, record or first
# article, a headline over its posting line, a record's title field), breadcrumbs slashed,
# continued or ending in the title, a site's Latin name after _, and jieba's kinds of place
# (城市, 山区) no place names; 32: a report's title with its day, meeting and a page's posting
# fields on one line, a catalogue's title cell among its record's rows (索引号: | |), and a
# headline printed twice over its posting line below furniture; 33: a page's reader counters
# (阅读次数:, 浏览量:34) are controls; 34: a code's articles past 一千 head their passages, an
# order's header (…人民政府令) heads the text it promulgates, a page's sharing buttons are
# controls, a reprinting site's 最新全文2023 no part of a name, a site's accessibility modes
# (无障碍 | 长者版) controls, and a disclosure catalogue's 名 称: field the page's title; 35: a
# paper's issue line (人民日报/2024 年/3 月/16 日/第 004 版) joins the dateline, a letter-spaced
# date is a date, copy and search buttons and a one-line menu bar are controls, a trail ending on
# its label's line leaves the headline under it, and a headline run into the text's first words
# (…全文发布现在,我代表…) is parted from them, a congress's announcement heads the law it
# promulgates, and a breadcrumb's label in traditional characters (當前位置) is one; 36: a site's
# greeting (您好,欢迎访问…) and a trail from 官网首页 are furniture, a title in a table's cell is no
# menu item, a title runs into its history in brackets no more, and a history alone is no title;
# 37: furniture is read in Simplified characters (來源:, 首頁 >, 【打 印】, 第1頁), a spam mirror's
# keyword line and a first line with no Chinese (website qrcode) are no title, and a dateline
# before the text's first words stays in them; 38: a text file's HTML entities are read and its
# inline tags dropped (&emsp;**<span id="一">第一条</span>**), and a pager with its day is
# furniture; 39: a list's bullet (- …) is no subtitle's dash and 部署 no office, under a title,
# and a headline saying who issued a text (两部门印发网络主播行为规范) names it; 40: only known HTML
# tags and whole entities are markup (<br> a line break), a year over a title joins it again, a
# guide's steps (登录首页>…) and a site's title with its columns stay, PDF footers (第1页 共10页)
# go; 41: a dateline before a headline on its line is cut again (the headline a heading); 42: a
# spam keyword line with spaces round its underscores is one too; 43: a wiki's furniture and edit
# links ([编辑]), a portal's city switch, a bulletin's page header and a mirror's pinyin in a
# trail are furniture, a page's posting line is read in Simplified (發布日期:), a masthead or a
# salutation is no title, a record's fields head no text, two articles on a line are parted,
# a page with no title is named by the text it adopts (《…条例》已经…通过), and a page's fold
# (查看余下全文) and follow-us footer (更多精彩资讯请关注…) are furniture; 44: a news site's day
# line with its buttons is furniture, a site's channel (人民网健康·生活) no half of a title, and a
# Traditional title in two lines joins (…關于加強城市 / 內澇治理的實施意見); 45: a page with no
# title line is named by its lead's first sentence, a forum's sign-up prompts and a 登陆 link
# are furniture; 46: a chapter's name alone between two articles (法律责任) heads its
# articles, and a law site's links to related laws are furniture; 47: the tags a spam mirror
# scatters (<fieldset>, <menu>, <strike>) are markup; 48: a site's day with the day of the
# week anchors no title, and a posting line set as a bullet (• 发布时间:…) anchors its headline;
# 49: those rules as a second reading left them (a lead only under a file's name no person
# chose, nor a greeting; a chapter's name only after a finished article); 50: a site's
# keywords on a page's first line, its menu bar, a trail with no label or before a site's
# whole name (您现在所在位置:…集团有限公司 >> 行业资讯), a calendar with no day and a prompt to
# follow its account (关注…微信号) are furniture, a sidebar link's day dates no page, and a
# page with no title giving out a plan (我们制定了《…方案》，现予印发) is named by the plan;
# 51: a headline reprinting a rule whole (…条例公布(全文)) is named by the rule; 52: a
# question-and-answer page's 【问】… heads the 【答】… after it; 53: plain text wrapped at a
# width (a PDF's text exported) is joined back into paragraphs; 54: the keywords a page's
# <title> lists after a reprint's 全文 (2016年收养法全文,收养法实施细则条例) are no part of its
# name; 55: a chapter whose number was lost holds the articles after it (总则 above 第一条
# too), decimal-numbered headings (1 总则 / 1.1 编制目的) nest by their depth, and a short
# line heads the list of items under it (维护稳定促发展 / ●批捕…); 56: an article titled in
# brackets (第一条(目的和依据)) is no half of the chapter's heading above it, a wiki's edit
# link alone on its line (编辑) is dropped, a decree's signature (总理 李强 / 2025年12月9日)
# heads nothing: it closes the headline of the text it signs; 57: a case an article lists
# ((五)…。, a page opening inside a list) holds no articles, nor a record's spaced fields
# (地   区:广西) anything; 58: an HTML editor's placeholder title (无标题文档) is furniture;
# 59: a page's stamps (a posting time, a day alone, a trail, a page counter, 新華網 正文, Latin
# letters alone in a Chinese text) and credits head nothing, those addressed alone (亲爱的同学们:)
# are no passage, and a news app's prompt (打开网易新闻 查看精彩图片) and 超大 / 更多 are widgets;
# 60: a Traditional text's units (第三條, 第二節, 目錄, 總則) are read as a Simplified text's, its
# articles labelled so (第三条); an article run into its bracketed title (第三条〔定义〕本条例…) is
# one; a record's numbered title field (2. 【标题】…) names the text; 热搜: 食品  烟台 … is a
# widget; 61: the text a signed decree or notice issues (…办法 / 第一章) heads its chapters
ANALYZER_VERSION = "61"
PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves
CHUNK_PASSAGES = 2_000
VANISHED = "文件在重新加载过程中被删除或移走，本次跳过"

log = logging.getLogger(__name__)


@cache
def analyzer_fingerprint() -> str:
    """Identifies how terms are made; stored terms made otherwise are stale."""
    digest = hashlib.sha256(ANALYZER_VERSION.encode())
    digest.update(metadata.version("jieba").encode())
    for name in ("userdict.txt", "stopwords.txt"):
        digest.update("\n".join(data_lines(name)).encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CorpusFile:
    doc: str  # path relative to the corpus folder, with forward slashes
    path: Path
    size: int
    mtime_ns: int

    @property
    def readable(self) -> bool:
        """Of a type StudyBot reads (not a .pdf or .doc listed only to be reported)."""
        return self.path.suffix.lower() in SUFFIXES


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def scan(root: Path) -> list[CorpusFile]:
    """Documents in the corpus folder, skipping hidden files and editors' lock files. Word,
    PDF and other office files are listed too, so a reload reports them as unreadable.

    A file or folder removed while the scan runs is left out (a file is then treated as
    removed), not an error: admins edit the folder while the bot is running.
    """
    if not root.is_dir():
        raise FileNotFoundError(f"语料目录不存在或不是目录：{root}")
    real_root = root.resolve()
    files = []
    for folder, dirs, names in os.walk(root):  # os.walk skips folders it cannot list
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in names:
            path = Path(folder, name)
            if _hidden(name) or path.suffix.lower() not in SUFFIXES + OTHER_DOCUMENTS:
                continue  # other documents are listed, to be reported as unreadable
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            if path.is_symlink() and real_root not in path.resolve().parents:
                continue  # a link out of the corpus folder must not publish other files
            # a name that is not UTF-8 (GBK names from unzipped Windows archives) gets U+FFFD
            # in its id, which the store can encode; the file itself is still read by its path
            rel = os.fsencode(path.relative_to(root).as_posix()).decode("utf-8", "replace")
            files.append(CorpusFile(rel, path, st.st_size, st.st_mtime_ns))
    return sorted(files, key=lambda f: f.doc)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(doc: str, data: bytes) -> Document:
    """A file's bytes as a parsed document. DocumentError when it cannot be read, or when it
    holds nothing to search (a title alone)."""
    cleaned = read_cleaned(doc, data)
    document = parse(doc, list(cleaned.lines), cleaned.posted_under)
    if not document.passages:
        raise DocumentError(doc, "只有标题，没有可检索的正文")
    return document


class Outcome(Enum):
    """What reading one corpus file came to."""

    PARSED = "parsed"  # content the store does not hold (new, changed, or no store asked)
    UNCHANGED = "unchanged"  # the content and analyzer the store holds: not parsed again
    REFUSED = "refused"  # a type StudyBot does not read, listed to be reported
    UNREADABLE = "unreadable"  # the file could not be read
    UNPARSABLE = "unparsable"  # read, but not a document StudyBot can use


@dataclass(frozen=True, slots=True)
class FileRead:
    file: CorpusFile
    outcome: Outcome
    info: FileInfo | None = None  # set once the file's bytes were read
    document: Document | None = None  # PARSED
    reason: str = ""  # REFUSED, UNREADABLE, UNPARSABLE: why, in Chinese


def read_files(
    files: Iterable[CorpusFile], known: Mapping[str, FileInfo] | None = None
) -> Iterator[FileRead]:
    """Read each file once: hash it and parse it, unless `known` (what the store holds of
    its files) has that content already. The one reading loop of reloads and `doctor`.

    Files are compared by content hash, not by size and time: a copy that keeps the old
    time (cp -p, rsync -t) and size still counts as changed. Hashing is ~1 GB/s, cheap
    beside segmenting.
    """
    known = known or {}
    analyzer = analyzer_fingerprint()
    for file in files:
        if not file.readable:  # listed to be reported; reading it could only fail
            try:
                check_type(file.doc)
            except DocumentError as exc:
                yield FileRead(file, Outcome.REFUSED, reason=exc.reason)
                continue
        try:
            data = file.path.read_bytes()
        except FileNotFoundError:
            yield FileRead(file, Outcome.UNREADABLE, reason=VANISHED)
            continue
        except OSError as exc:
            reason = f"无法读取文件（{exc.strerror or exc}）"
            yield FileRead(file, Outcome.UNREADABLE, reason=reason)
            continue
        info = FileInfo(file.doc, sha256(data), len(data), file.mtime_ns, analyzer)
        stored = known.get(file.doc)
        if stored and (stored.sha256, stored.analyzer) == (info.sha256, analyzer):
            yield FileRead(file, Outcome.UNCHANGED, info)
            continue
        try:
            yield FileRead(file, Outcome.PARSED, info, read_document(file.doc, data))
        except DocumentError as exc:
            yield FileRead(file, Outcome.UNPARSABLE, info, reason=exc.reason)
        except Exception as exc:  # a parser bug on one odd file must not stop the rest
            log.exception("parsing %s failed", file.doc)
            reason = f"无法解析文档（{type(exc).__name__}）"
            yield FileRead(file, Outcome.UNPARSABLE, info, reason=reason)


def _packed_chunk(passages: Sequence[Passage], segmenter: Segmenter | None = None) -> list[str]:
    # Packed into one string per passage: pickling back a tuple of terms per passage from a
    # worker costs ten times the memory and time.
    segmenter = segmenter or default_segmenter()
    return [pack_terms(passage_terms(p, segmenter)) for p in passages]


def _worker_chunk(passages: Sequence[Passage]) -> tuple[list[str], CountedRows]:
    """A chunk cut and counted in a worker process, which only ever cuts in bulk: counting
    there spreads it over the cores, and the parent only joins the chunks' counts."""
    segmenter = default_segmenter()
    segmenter.prepare_bulk()
    packed = _packed_chunk(passages, segmenter)
    return packed, count_rows(packed)


def available_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _segment_packed(
    passages: Sequence[Passage], workers: int | None, segmenter: Segmenter | None
) -> tuple[list[str], TermCounts | None]:
    """Each passage's packed terms, and their counts when worker processes counted them."""
    chars = sum(len(p.text) for p in passages)
    workers = workers if workers is not None else available_cores()
    chunks = [passages[i : i + CHUNK_PASSAGES] for i in range(0, len(passages), CHUNK_PASSAGES)]
    workers = min(workers, len(chunks))
    # A segmenter other than the default cannot be rebuilt in a worker process: it runs here.
    custom = segmenter is not None and segmenter is not default_segmenter()
    if workers <= 1 or chars < PARALLEL_MIN_CHARS or custom:
        return _packed_chunk(passages, segmenter), None
    context = multiprocessing.get_context("forkserver")
    packed: list[str] = []
    counting = Counting(len(passages))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for terms, counted in pool.map(_worker_chunk, chunks):  # as they come, in order
            packed += terms
            counting.add(counted)
    return packed, counting.counts(packed)


@dataclass(frozen=True)
class Indexed:
    documents: tuple[IndexedDocument, ...]
    # the counts of all their passages in order, when worker processes counted them
    counts: TermCounts | None = None


def index_counted(
    parsed: Sequence[tuple[Document, FileInfo]],
    workers: int | None = None,
    segmenter: Segmenter | None = None,
) -> Indexed:
    """Segment the passages of parsed documents, all documents' passages in one batch."""
    passages = [p for doc, _ in parsed for p in doc.passages]
    packed, counts = _segment_packed(passages, workers, segmenter)
    terms = iter(packed)
    documents = tuple(
        IndexedDocument(doc, tuple(next(terms) for _ in doc.passages), info) for doc, info in parsed
    )
    return Indexed(documents, counts)


def index_documents(
    parsed: Sequence[tuple[Document, FileInfo]],
    workers: int | None = None,
    segmenter: Segmenter | None = None,
) -> list[IndexedDocument]:
    """`index_counted`'s documents."""
    return list(index_counted(parsed, workers, segmenter).documents)


__all__ = [
    "CorpusFile",
    "DocumentError",
    "FileRead",
    "Indexed",
    "Outcome",
    "analyzer_fingerprint",
    "available_cores",
    "index_counted",
    "index_documents",
    "read_document",
    "read_files",
    "scan",
    "sha256",
]
