"""Turning an Answer into what people read: terminal text, JSON, and Telegram HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any

from retrieval.explanation import Explanation
from retrieval.model import Answer, Document, DocumentMeta, Hit, NoAnswer, Passage
from retrieval.normalize import valid_text
from retrieval.outline import Outline

SECTION_SEP = " › "
ELLIPSIS = "…"

NOT_FOUND = "没有在资料中找到能回答这个问题的段落。"
NOT_FOUND_HINT = "可以换一种说法，或用更具体的词语提问；{toc}。"
TOC_IN_CHAT = "发送 /toc 查看资料目录"
TOC_IN_TERMINAL = "运行 studybot docs 查看资料列表"  # ask and search have no /toc
EMPTY_QUESTION = "请直接输入要查询的问题，例如：家属应该做什么？"
NO_TERMS = "这个问题里没有可以检索的词语，请用中文描述想了解的内容。"
CLOSEST_LABEL = "（最接近）"


def place(passage: Passage) -> str:
    """Where a passage sits: section path and paragraph number (title shown separately)."""
    where = SECTION_SEP.join(passage.section)
    number = f"第 {passage.paragraph} 段" + (f"（{passage.part}）" if passage.part > 1 else "")
    return f"{where} · {number}" if where else number


def refusal(answer: Answer, toc: str = TOC_IN_CHAT) -> str:
    """The reply when there are no hits, by reason; `toc` says how to see the documents."""
    if answer.reason == NoAnswer.EMPTY:
        return EMPTY_QUESTION
    if answer.reason == NoAnswer.NO_TERMS:
        return NO_TERMS
    if answer.note:
        return f"{answer.note}，无法按所问的文件作答。" + NOT_FOUND_HINT.format(toc=toc)
    return NOT_FOUND + NOT_FOUND_HINT.format(toc=toc)


def understood(answer: Answer) -> str:
    """The header naming the documents the question was read to ask about, or ''."""
    if not answer.understood or not answer.hits:
        return ""
    return "按" + "、".join(f"《{t}》" for t in answer.understood[:3]) + "作答："


def header(answer: Answer) -> list[str]:
    """The lines above an answer's passages: the documents understood, and what the reader
    should know of them (only the closest passage was found)."""
    if not answer.hits:
        return []
    return [line for line in (understood(answer), answer.note and f"{answer.note}：") if line]


def document_facts(meta: DocumentMeta) -> str:
    """What a document says about itself, on one line: date, kind, speaker, names."""
    parts = [meta.date, meta.kind, meta.speaker, meta.occasion]
    if meta.names:
        parts.append("又称 " + "、".join(meta.names[:4]))
    return " · ".join(p for p in parts if p)


def marked(
    text: str,
    spans: Iterable[tuple[int, int]],
    window: tuple[int, int],
    mark: Callable[[str], str],
    escape: Callable[[str], str],
) -> str:
    """Text of `window`, matched spans passed through `mark`, the rest through `escape`."""
    start, end = window
    out = [ELLIPSIS] if start > 0 else []
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out += [escape(text[pos:s]), mark(escape(text[s:e]))]
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)


# --- terminal ---------------------------------------------------------------------------

_BOLD, _HIGHLIGHT, _DIM, _RESET = "\x1b[1m", "\x1b[1;33m", "\x1b[2m", "\x1b[0m"


def terminal(answer: Answer, color: bool = False, *, toc: str = TOC_IN_CHAT) -> str:
    """Plain text for a terminal; `toc` as for `refusal`."""
    if not answer.hits:
        return refusal(answer, toc)
    blocks = header(answer)
    for hit in answer.hits:
        p = hit.passage
        if color:
            head = f"{_BOLD}{hit.rank}. {p.title}{_RESET}\n   {_DIM}{place(p)}{_RESET}"
            body = marked(
                p.text, hit.spans, (0, len(p.text)), lambda s: f"{_HIGHLIGHT}{s}{_RESET}", str
            )
        else:
            head = f"{hit.rank}. {p.title}\n   {place(p)}"
            body = marked(p.text, hit.spans, (0, len(p.text)), lambda s: f"【{s}】", str)
        blocks.append(f"{head}\n   {body}")
    return "\n\n".join(blocks)


# --- JSON -------------------------------------------------------------------------------


def hit_json(hit: Hit) -> dict[str, Any]:
    p = hit.passage
    return {
        "rank": hit.rank,
        "score": round(hit.score, 6),
        "doc": p.doc,
        "title": p.title,
        "section": list(p.section),
        "paragraph": p.paragraph,
        "text": p.text,
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    out: dict[str, Any] = {"query": answer.question, "results": [hit_json(h) for h in answer.hits]}
    if answer.understood:
        out["understood"] = list(answer.understood)
    if answer.note:
        out["note"] = answer.note
    return out


# --- Telegram HTML ----------------------------------------------------------------------


def escape(text: str) -> str:
    """Text made safe for Telegram HTML: entities escaped, lone surrogates replaced."""
    return html.escape(valid_text(text), quote=False)


MAX_MESSAGE_UNITS = 4096  # Telegram counts message length in UTF-16 code units
HITS_PER_MESSAGE = 3


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def bold(text: str) -> str:
    return f"<b>{text}</b>"


def hit_html(hit: Hit) -> str:
    """One passage: title and place on top, then its snippet, matches in bold."""
    p = hit.passage
    body = marked(p.text, hit.spans, hit.snippet, bold, escape)
    return f"<b>{hit.rank}. {escape(p.title)}</b>\n<i>{escape(place(p))}</i>\n{body}"


def passage_html(passage: Passage, spans: Iterable[tuple[int, int]] = ()) -> str:
    """A whole passage under its title and place (for 全文 and 上下文)."""
    body = marked(passage.text, tuple(spans), (0, len(passage.text)), bold, escape)
    return f"<b>{escape(passage.title)}</b>\n<i>{escape(place(passage))}</i>\n{body}"


def fit(text: str) -> str:
    """The text if it fits one message; else its plain text, cut (only a paragraph with no
    sentence end for thousands of characters could need that)."""
    return pack([text])[0] if text else text


def pack(
    blocks: Iterable[str], limit: int = MAX_MESSAGE_UNITS, separator: str = "\n\n"
) -> list[str]:
    """Join blocks into as few messages as fit `limit`, splitting only between blocks.

    Blocks are complete HTML, so a tag is never cut. A single block over the limit (which
    passage sizes prevent) is cut as plain text and escaped again, so it stays valid HTML.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        if utf16_len(block) > limit:
            block = _fallback(block, limit)
        joined = f"{current}{separator}{block}" if current else block
        if utf16_len(joined) <= limit:
            current = joined
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _fallback(block: str, limit: int) -> str:
    """An over-long block as plain text, cut so that even escaped it fits (escaping at most
    quintuples a character: & becomes &amp;)."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", block))
    kept, units = [], 0
    for ch in plain:
        units += utf16_len(ch)
        if units > limit // 5:
            break
        kept.append(ch)
    return escape("".join(kept)) + ELLIPSIS


def answer_html(
    answer: Answer, offset: int = 0, count: int = HITS_PER_MESSAGE, *, lead: str = ""
) -> list[str]:
    """The reply to a question: hits[offset:offset + count], or the refusal. `lead` heads
    the first page (a group's reading scope, or that the answer is from all documents)."""
    if not answer.hits:
        return [escape(refusal(answer))]
    lines = [lead, *header(answer)] if offset == 0 else []
    head = "\n".join(f"<i>{escape(line)}</i>" for line in lines if line)
    hits = [hit_html(h) for h in answer.hits[offset : offset + count]]
    return pack([head, *hits] if head else hits)


OUTSIDE_SCOPE = (
    "{scope}中没有找到能回答这个问题的段落。其他资料中有相关内容，可以点下面的按钮查看。"
)
FROM_EVERYWHERE = "以下答案来自全部资料，不限于本群学习范围："


def outline(o: Outline) -> list[str]:
    """`studybot outline`: a document as StudyBot reads it, for an admin to check."""
    d = o.document
    lines = [f"标题：{d.title}", f"信息：{document_facts(d.meta) or '（无）'}"]
    lines += [f"  元数据行（{what}）：{line}" for line, what in o.front_matter]
    lines.append("目录：")
    lines += [f"{'  ' * len(h.path)}{h.path[-1]} · 第 {h.first_paragraph} 段" for h in d.headings]
    lines.append("段落：")
    lines += [
        f"  {place(p)}：{p.text[:40]}{ELLIPSIS if len(p.text) > 40 else ''}" for p in d.passages
    ]
    lines.append(f"删除的行（{len(o.removed) + len(o.salutations)}）：")
    lines += [f"  [{r.rule}] {r.line}" for r in o.removed]
    lines += [f"  [称呼语，开启下一部分] {s}" for s in o.salutations]
    return lines


def toc_text(documents: Iterable[Document]) -> str:
    """A plain-text table of contents: each document's title and its heading tree."""
    lines = []
    for document in documents:
        lines.append(f"《{document.title}》（{document.doc}，{len(document.passages)} 段）")
        lines += [
            f"{'  ' * len(h.path)}{h.path[-1]} · 第 {h.first_paragraph} 段"
            for h in document.headings
        ]
    return "\n".join(lines) or "资料库还是空的。"


def explanation(
    question: str,
    report: Explanation,
    escape: Callable[[str], str] = str,
    bold: Callable[[str], str] = str,
) -> list[str]:
    """The hit test as lines: how the question was read, each candidate's BM25 score,
    coverage and matched words, and the rule that kept it or not (the terminal and /explain)."""
    words = "、".join(f"{w}({weight:.1f})" for w, weight in report.words) or "（无）"
    lines = [
        f"{bold('命中测试')}：{escape(question[:200])}",
        f"检索词：{escape(words)}",
        f"阈值：覆盖率 ≥ {report.threshold:.2f}；低于 {report.weak:.2f} 时须含问题中最关键的词",
    ]
    if report.rule_threshold:
        bar = report.rule_threshold
        lines.append(f"问能不能、怎么罚或归谁管：法规条文的阈值为覆盖率 ≥ {bar:.2f}")
    if report.words:
        telling = "、".join(report.telling)
        lines.append(
            f"最关键的词：{escape(telling)}" if telling else "问题全是常用词：段落须全部命中才显示"
        )
        lines.append(
            f"资料中没有的关键词占 {report.absent:.2f}（≥ {report.absent_limit:.2f} 时不作答）"
        )
    if report.synonyms:
        read = "；".join(f"{w} → {'、'.join(kin)}" for w, kin in report.synonyms)
        lines.append(f"资料中没有的词按近义词查找：{escape(read)}")
    t = report.target
    if t.missing:
        lines.append(f"所问文件：资料库中没有{escape(t.missing)}")
    if t.understood:
        lines.append("所问文件：" + escape("、".join(f"《{x}》" for x in t.understood)))
    if t.years:
        lines.append("所问年份：" + "、".join(f"{y}年" for y in t.years) + "（不涉及的段落不显示）")
    if t.phrases:
        lines.append("引号原文：" + escape("、".join(t.phrases)))
    if report.structure:
        lines.append("按文档结构回答：" + escape("、".join(place(p) for p in report.structure)))
    reasons = {
        "year": "年份不符",
        "phrase": "不含引号原文",
        "place": "只对上地名，所问之事资料里没有",
        "ordinal": "届次、批次与所问不符",
        "history": "通过、修订记录，只答何时通过",
        "dateline": "日期、会议行，只答何时何会所作",
        "unit": "所问是金额、时长、年龄或尺寸，此段没有给出",
    }
    if report.closest:
        lines.append(
            "没有段落达到阈值；这一段明显高于其他段落，作为最接近的一段显示："
            + escape(place(report.closest))
        )
    if any(row.loose for row in report.rows):
        lines.append(
            "没有段落达到阈值；所问文件中覆盖率达到最低值、且含文件名以外问题词的段落，"
            "作为最接近的内容显示"
        )
    for row in report.rows:
        p = row.passage
        why = f"（{reasons[row.rule]}）" if row.rule in reasons else ""
        why = "（未达阈值，最接近）" if row.loose else why
        lines.append(
            f"{'✅' if row.kept else '✖'}{why} {row.score:.3f} 覆盖 {row.coverage:.2f} · "
            f"{escape(p.title[:30])} · {escape(place(p))}\n"
            f"   命中：{escape('、'.join(row.matched) or '（无）')}"
        )
    return lines
