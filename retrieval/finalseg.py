"""jieba's HMM for runs of characters its dictionary does not join (`jieba.finalseg.cut`),
the same words from the same arithmetic, in about a third of the time.

jieba's `viterbi` keeps a dict per step and copies every state's whole path at every
character; here the four states are local variables and the path is kept as back pointers.
The sums are made in jieba's order ((score + transition) + emission, in floating point) and
ties are broken as its `max` over (score, state) tuples breaks them, by the larger state
letter (B < E < M < S), so the path is jieba's even where two scores are equal. jieba-rs's
HMM is not used: its model's emission probabilities are rounded to six decimals, which
changes the path on near ties (常在她: 常 / 在 / 她 in jieba, 常在 / 她 in jieba-rs).
"""

from __future__ import annotations

import re

from jieba import finalseg

_HAN = re.compile("([\u4e00-\u9fd5]+)")  # jieba.finalseg.re_han
_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")  # jieba.finalseg.re_skip
_MIN = finalseg.MIN_FLOAT
_EMIT_B, _EMIT_M, _EMIT_E, _EMIT_S = (finalseg.emit_P[s] for s in "BMES")
_START_B, _START_M, _START_E, _START_S = (finalseg.start_P[s] for s in "BMES")
_T = finalseg.trans_P
_BE, _BM = _T["B"]["E"], _T["B"]["M"]
_EB, _ES = _T["E"]["B"], _T["E"]["S"]
_ME, _MM = _T["M"]["E"], _T["M"]["M"]
_SB, _SS = _T["S"]["B"], _T["S"]["S"]


def cut(text: str) -> list[str]:
    """`list(jieba.finalseg.cut(text))`."""
    if finalseg.Force_Split_Words:  # words added with frequency 0: jieba's own code
        return list(finalseg.cut(text))
    out: list[str] = []
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            out += _cut_han(block) if len(block) > 1 else (block,)
        else:
            out += [x for x in _SKIP.split(block) if x]
    return out


def _states(text: str) -> list[str]:
    """jieba's `viterbi(text, 'BMES', ...)` path."""
    c = text[0]
    b = _START_B + _EMIT_B.get(c, _MIN)
    m = _START_M + _EMIT_M.get(c, _MIN)
    e = _START_E + _EMIT_E.get(c, _MIN)
    s = _START_S + _EMIT_S.get(c, _MIN)
    back: list[tuple[str, str, str, str]] = []  # the best previous state of B, M, E, S
    for c in text[1:]:
        em = _EMIT_B.get(c, _MIN)
        x, y = e + _EB + em, s + _SB + em  # B after E or S; a tie takes S
        nb, pb = (y, "S") if y >= x else (x, "E")
        em = _EMIT_M.get(c, _MIN)
        x, y = m + _MM + em, b + _BM + em  # M after M or B; a tie takes M
        nm, pm = (x, "M") if x >= y else (y, "B")
        em = _EMIT_E.get(c, _MIN)
        x, y = b + _BE + em, m + _ME + em  # E after B or M; a tie takes M
        ne, pe = (y, "M") if y >= x else (x, "B")
        em = _EMIT_S.get(c, _MIN)
        x, y = s + _SS + em, e + _ES + em  # S after S or E; a tie takes S
        ns, ps = (x, "S") if x >= y else (y, "E")
        back.append((pb, pm, pe, ps))
        b, m, e, s = nb, nm, ne, ns
    state = "S" if s >= e else "E"
    path = [state]
    at = "BMES"
    for step in reversed(back):
        state = step[at.index(state)]
        path.append(state)
    path.reverse()
    return path


def _cut_han(text: str) -> list[str]:
    """jieba.finalseg's `__cut`: words from the states, as it reads them."""
    out = []
    begin = following = 0
    for i, state in enumerate(_states(text)):
        if state == "B":
            begin = i
        elif state == "E":
            out.append(text[begin : i + 1])
            following = i + 1
        elif state == "S":
            out.append(text[i])
            following = i + 1
    if following < len(text):
        out.append(text[following:])
    return out
