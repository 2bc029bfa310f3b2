"""Headings numbered by decimals, as emergency plans, standards and technical rules number
them (1 总则 / 1.1 编制目的 / 2.1.1 成立…指挥部，负责…): each depth of numbering is a level of
the outline, so 2 组织指挥体系 closes 1.4 工作原则 and what was under it."""

from __future__ import annotations

import re
from itertools import pairwise

from retrieval.markers import MAX_HEADING_LABEL_CHARS, MAX_HEADING_LINE_CHARS, Line, lead_sentence

# 1.1 / 2.1.1 before a heading's words; not a version (3.0)
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.[1-9]\d?){1,3})(?!\d)\s*(?=[\u4e00-\u9fff])")
# 1 总则: a first-level number alone before its words
_WHOLE = re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff]{2})")
MIN_CONTENTS_RUN = 4  # an outline may stack three headings (1 总则 / 1.1 … / 1.1.1 …) over its text
MIN_DECIMAL_HEADINGS = 2  # one 1.5 opening a line is more likely a figure than an outline

Number = tuple[int, ...]


def decimal_headings(lines: list[Line]) -> list[Line]:
    """The lines with decimal-numbered headings marked, of a kind for each depth (dec1 for
    1 总则, dec2 for 1.1, dec3 for 2.1.1). An outline numbers its parts in order: a number
    counts where it opens its parent's parts (1.1, 2.1.1) or follows its sibling (1.2 after
    1.1), so a date (5.21高三课表, 3.15 消费者权益日) or a figure (2.5公里, 1.2公顷) is text."""
    numbers = {k: n for k, ln in enumerate(lines) if ln.kind is None and (n := _number(ln.text))}
    outline = _in_order(numbers)
    if sum(len(n) > 1 for n in outline.values()) < MIN_DECIMAL_HEADINGS:
        return lines
    out = list(lines)
    for k, number in outline.items():
        out[k] = _heading(lines[k].text, f"dec{len(number)}")
    return _without_contents(lines, out, outline)


def _number(text: str) -> Number | None:
    match = _DECIMAL.match(text) or _WHOLE.match(text)
    return tuple(int(part) for part in match[1].split(".")) if match else None


def _in_order(numbers: dict[int, Number]) -> dict[int, Number]:
    """The numbered lines that continue an outline: any first number that opens a level (3
    术语, 1.1) where the text begins one, then a first child (n.1 under n, or under a part the
    text never numbered on a line of its own: 2.1 after 1.4) or the next sibling of a number
    already seen."""
    seen: set[Number] = set()
    kept: dict[int, Number] = {}
    for k, number in numbers.items():
        above, last = number[:-1], number[-1]
        opens = (not seen and (last == 1 or not above)) or (
            last == 1 and (above in seen or any(n[: len(above)] < above for n in seen))
        )
        # (or a number again: the text's own parts after a table of contents listing them)
        if opens or (*above, last - 1) in seen or number in seen:
            seen.add(number)
            kept[k] = number
    return kept


def _without_contents(
    lines: list[Line], marked: list[Line], outline: dict[int, Number]
) -> list[Line]:
    """The lines of a table of contents (a run of headings with no text between them, 5 国家
    应急响应 / 5.1 一级响应 / 5.2 二级响应 …) left as text: a page cut short never prints the
    parts they list, and each alone would be a passage of two words. The run ends where the
    numbering starts again (the text's own 1 总则 after the list)."""
    out = list(marked)
    run: list[int] = []
    for k, line in enumerate([*marked, Line("", None, "", False)]):
        restarts = bool(run) and k in outline and outline[k] <= outline[run[0]]
        if line.kind is not None and line.kind.startswith("dec") and line.pure and not restarts:
            run.append(k)
            continue
        # (a run only going deeper, 3 / 3.1 / 3.1.1 / 3.1.1.1, opens an outline: no list)
        steps = pairwise(run)
        if len(run) >= MIN_CONTENTS_RUN and any(
            len(outline[b]) <= len(outline[a]) for a, b in steps
        ):
            for i in run:
                out[i] = lines[i]
        run = [k] if restarts and line.pure else []
    return out


def _heading(text: str, kind: str) -> Line:
    # (a numbered clause ending its sentence, 2.1 供热企业应当公示收费标准。, is no pure heading)
    if len(text) <= MAX_HEADING_LINE_CHARS and not re.search(r"[。！？!?；;，,]", text):
        return Line(text, kind, text.rstrip("：:"), True)
    # a numbered paragraph (2.1.1 成立…指挥部，负责…。): its first sentence names it
    return Line(text, kind, lead_sentence(text, MAX_HEADING_LABEL_CHARS), False)
