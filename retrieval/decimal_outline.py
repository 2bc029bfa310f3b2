"""Headings numbered by decimals, as emergency plans, standards and technical rules number
them (1 总则 / 1.1 编制目的 / 2.1.1 成立…指挥部，负责…): each depth of numbering is a level of
the outline, so 2 组织指挥体系 closes 1.4 工作原则 and what was under it."""

from __future__ import annotations

import re

from retrieval.markers import MAX_HEADING_LABEL_CHARS, MAX_HEADING_LINE_CHARS, Line, lead_sentence

# 1.1 / 2.1.1 before a heading's words; not a figure (2.5万元, 3.5倍), nor a version (3.0)
_DECIMAL = re.compile(
    r"^(\d{1,2})((?:\.[1-9]\d?){1,3})(?!\d)\s*(?=[\u4e00-\u9fff])(?![万亿元倍个米吨年月日])"
)
# 1 总则: a first-level number alone before its words, a heading only where 1.1 follows
_WHOLE = re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff]{2})")
MIN_CONTENTS_RUN = 4  # an outline may stack three headings (1 总则 / 1.1 … / 1.1.1 …) over its text
MIN_DECIMAL_HEADINGS = 2  # one 1.5 opening a line is more likely a figure than an outline


def decimal_headings(lines: list[Line]) -> list[Line]:
    """The lines with decimal-numbered headings marked, of a kind for each depth (dec2 for
    1.1, dec3 for 2.1.1), and the first-level numbers (1 总则) where the text numbers parts
    under them (1.1 …); a text with a single such line keeps it as it is."""
    found = {
        k: m for k, ln in enumerate(lines) if ln.kind is None and (m := _DECIMAL.match(ln.text))
    }
    if len(found) < MIN_DECIMAL_HEADINGS:
        return lines
    parents = {m[1] for m in found.values()}
    out = list(lines)
    for k, line in enumerate(lines):
        if k in found:
            depth = found[k][2].count(".") + 1
            out[k] = _heading(line.text, f"dec{depth}")
        elif line.kind is None and (m := _WHOLE.match(line.text)) and m[1] in parents:
            out[k] = _heading(line.text, "dec1")
    return _without_contents(lines, out)


def _without_contents(lines: list[Line], marked: list[Line]) -> list[Line]:
    """The lines of a table of contents (a run of headings with no text between them, 5 国家
    应急响应 / 5.1 一级响应 / 5.2 二级响应 …) left as text: a page cut short never prints the
    parts they list, and each alone would be a passage of two words."""
    out = list(marked)
    run: list[int] = []
    for k, line in enumerate([*marked, Line("", None, "", False)]):
        if line.kind is not None and line.kind.startswith("dec") and line.pure:
            run.append(k)
            continue
        if len(run) >= MIN_CONTENTS_RUN:
            for i in run:
                out[i] = lines[i]
        run = []
    return out


def _heading(text: str, kind: str) -> Line:
    body = text.rstrip("。：:")
    if len(body) <= MAX_HEADING_LINE_CHARS and not re.search(r"[。！？!?；;，,]", body):
        return Line(text, kind, body, True)
    # a numbered paragraph (2.1.1 成立…指挥部，负责…。): its first sentence names it
    return Line(text, kind, lead_sentence(text, MAX_HEADING_LABEL_CHARS), False)
