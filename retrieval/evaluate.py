"""Retrieval quality on a labelled question set, beside the plain BM25 baseline.

Two question formats, one JSON object per line; an empty list means the corpus does not
answer and the right reply is "not found":

* one document (the shared development set): {"q", "relevant": [opening characters of each
  answering paragraph]}. A passage is relevant when its text contains one of those strings,
  or is a piece (20 characters or more) of a paragraph that begins with one of them;
* many documents (real corpora): {"q", "gold": [openings], "doc": file, "section": the
  nearest heading above}. A passage is relevant when it comes from the gold file and shares
  20 characters in a row (after NFKC) with a gold paragraph, a line of that file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rank_bm25 import BM25Okapi

from retrieval.boilerplate import without_pinyin
from retrieval.ingest import without_markup
from retrieval.model import Passage
from retrieval.normalize import simplified

Ranker = Callable[[str], Sequence[Passage]]  # question -> passages, best first; [] = abstain
MIN_SHARED = 20  # characters in a row a passage shares with a gold paragraph
_INDENT = " \t\u3000\u00a0\r"


@dataclass(frozen=True)
class Question:
    q: str
    relevant: tuple[str, ...]  # openings of the answering paragraphs; () = out of scope
    doc: str | None = None  # the file that answers it (many-document sets)
    section: str | None = None  # the nearest heading above the first answering paragraph


Judge = Callable[[Passage, Question], bool]  # whether a passage answers a question


@dataclass(frozen=True)
class Metrics:
    answerable: int
    out_of_scope: int
    hit1: float
    hit3: float
    mrr5: float
    abstained: int  # out-of-scope questions that got no passage
    wrongly_refused: int  # answerable questions that got no passage
    misses: tuple[str, ...]  # answerable questions without a relevant passage at rank 1
    refusals: tuple[str, ...] = ()  # answerable questions that got no passage
    answered_out_of_scope: tuple[str, ...] = ()  # out-of-scope questions that got passages
    right_document: float = 0.0  # the first passage comes from the answering document
    right_section: float = 0.0  # ... is relevant and filed under the answering section


def load_questions(path: Path) -> list[Question]:
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            relevant = item["gold"] if "gold" in item else item["relevant"]
            questions.append(
                Question(str(item["q"]), tuple(relevant), item.get("doc"), item.get("section"))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a question line ({exc})") from exc
    return questions


def is_relevant(text: str, relevant: Iterable[str], paragraphs: Sequence[str]) -> bool:
    for opening in relevant:
        if opening in text:
            return True
        if len(text) >= 20 and any(p.startswith(opening) and text in p for p in paragraphs):
            return True
    return False


def paragraph_judge(paragraphs: Sequence[str]) -> Judge:
    """The one-document rule, against the corpus's paragraphs."""
    return lambda passage, question: is_relevant(passage.text, question.relevant, paragraphs)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def file_matcher(gold_dir: Path, corpus_dir: Path | None = None) -> Callable[[str, str], bool]:
    """Whether a passage's document (a path inside `corpus_dir`) is a question's (a file of
    `gold_dir`): the same file once resolved."""
    corpus = corpus_dir or gold_dir

    @cache
    def same(passage_doc: str, gold_doc: str) -> bool:
        return (
            passage_doc == gold_doc
            if corpus == gold_dir
            else ((corpus / passage_doc).resolve() == (gold_dir / gold_doc).resolve())
        )

    return same


def gold_judge(gold_dir: Path, corpus_dir: Path | None = None) -> Judge:
    """The many-document rule: same file, and 20 characters in a row shared with a gold
    paragraph (a line of the file that begins with a gold opening). A question's `doc` is a
    file of `gold_dir`; a passage's is a path inside `corpus_dir` (the same folder unless
    given): they are the same file when they resolve to one (a set's questions.jsonl beside
    its docs/ folder, indexed from the set's folder, names docs/x.txt as x.txt)."""
    same_file = file_matcher(gold_dir, corpus_dir)

    @cache
    def lines(doc: str) -> tuple[str, ...]:
        text = (gold_dir / doc).read_text(encoding="utf-8")
        return tuple(line.strip(_INDENT) for line in text.replace("\r\n", "\n").split("\n"))

    @cache
    def grams(question: Question) -> frozenset[str]:
        assert question.doc is not None
        found: set[str] = set()
        markdown = question.doc.lower().endswith(".md")
        for line in lines(question.doc):
            if line.startswith(question.relevant):
                # the text as the index holds it
                g = re.sub(r"\s+", " ", _nfkc(without_pinyin(without_markup(line, markdown))))
                found.update(g[i : i + MIN_SHARED] for i in range(len(g) - MIN_SHARED + 1))
        return frozenset(found)

    def judge(passage: Passage, question: Question) -> bool:
        if not question.relevant or question.doc is None:
            return False
        if not same_file(passage.doc, question.doc):
            return False
        text, gold = _nfkc(passage.text), grams(question)
        return any(text[i : i + MIN_SHARED] in gold for i in range(len(text) - MIN_SHARED + 1))

    return judge


def _label(text: str) -> str:
    # (in Simplified characters: a Traditional text's 第五條 is the hint's 第五条, and the reverse)
    return re.sub(r"[\s，,。：:；;！!？?…“”\"'《》、—－]", "", simplified(_nfkc(text)))


_NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十百\d]+[章节部分篇编]|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])"
)


# a date line under the title ((2009年11月9日)) is front matter: text under it is under no heading
_DATE_LINE = re.compile(r"^[（(]?\d{4}年\d{1,2}月(\d{1,2}日)?[）)]?$")


MIN_LEAD_LABEL = 4  # characters of a heading's lead that name it
MIN_CUT_HINT = 20  # characters of a hint cut short that name the heading they begin


def section_matches(passage: Passage, heading: str) -> bool:
    """Whether `passage` is filed under `heading`: one of its section path's headings is it
    (a label cut short with … counts); for the document's title (no heading above the gold
    paragraph), it is filed under no numbered heading (an enumeration item such as
    第一，… or 一是… may still hold it: the nearest-heading hint does not see those)."""
    # the title as shown (政府工作报告（2013年）) less the year or place added to tell it apart
    want, title = _label(heading), _label(re.sub(r"（[^（）]*）$", "", passage.title))
    # a label that is the passage's own opening (一、华中科技大学教师张某某…。自2019年…)
    # is no heading above it: the hint, the nearest heading above, never names it
    above = passage.section
    if above and _label(passage.text).startswith(_label(above[-1]).rstrip("…")):
        above = above[:-1]
    if want in title or title in want or _DATE_LINE.match(want):
        return not above or not _NUMBERED.match(above[0])
    for label in passage.section:
        have = _label(label)
        # a label is the heading line's lead (弘扬伟大长征精神 of ——弘扬伟大长征精神，走好…)
        # or its end, after a dateline the text lost (新华社北京10月31日电 …全会公报)
        lead = len(have) >= MIN_LEAD_LABEL and (want.startswith(have) or want.endswith(have))
        # or the hint is the heading cut short (a question set's hint of 40 characters)
        lead = lead or (len(want) >= MIN_CUT_HINT and have.startswith(want))
        if have and (have == want or lead):
            return True
    return False


def evaluate(
    questions: Sequence[Question],
    rank: Ranker,
    judge: Judge,
    same_document: Callable[[str, str], bool] = str.__eq__,
) -> Metrics:
    answerable = [q for q in questions if q.relevant]
    out_of_scope = [q for q in questions if not q.relevant]
    hit1 = hit3 = mrr = right_doc = right_section = 0.0
    misses, refusals = [], []
    for q in answerable:
        results = rank(q.q)[:5]
        if not results:
            refusals.append(q.q)
        ranks = [i for i, p in enumerate(results, 1) if judge(p, q)]
        first = ranks[0] if ranks else None
        hit1 += first == 1
        hit3 += first is not None and first <= 3
        mrr += 1 / first if first else 0.0
        if first != 1:
            misses.append(q.q)
        if results and (q.doc is None or same_document(results[0].doc, q.doc)):
            right_doc += 1
            if first == 1 and (q.section is None or section_matches(results[0], q.section)):
                right_section += 1
    answered = [q.q for q in out_of_scope if rank(q.q)]
    n = max(len(answerable), 1)
    return Metrics(
        len(answerable),
        len(out_of_scope),
        hit1 / n,
        hit3 / n,
        mrr / n,
        len(out_of_scope) - len(answered),
        len(refusals),
        tuple(misses),
        tuple(refusals),
        tuple(answered),
        right_doc / n,
        right_section / n,
    )


def baseline(passages: Sequence[Passage]) -> Ranker:
    """The reference: the index's passages (a paragraph, or an article's paragraphs joined),
    jieba.lcut, BM25Okapi defaults, no threshold."""
    import jieba

    bm25 = BM25Okapi([jieba.lcut(p.text) for p in passages])

    def rank(question: str) -> list[Passage]:
        scores = bm25.get_scores(jieba.lcut(question))
        order = sorted(range(len(passages)), key=lambda i: -scores[i])
        return [passages[i] for i in order[:5]]

    return rank
