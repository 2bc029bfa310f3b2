"""Long paragraphs cut into passages a reader can take in at once: at sentence ends, and a
sentence longer than a passage at its commas."""

from __future__ import annotations

import re

MAX_PASSAGE_CHARS = 600  # longer paragraphs are split at sentence ends


def split_passage(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Split a long paragraph into pieces of at most `limit` chars: at sentence ends, and a
    sentence longer than that at commas or, failing those, anywhere."""
    if len(text) <= limit:
        return [text]
    sentences = [
        piece
        for sentence in re.findall(
            r"[^。！？!?；;]*[。！？!?；;]+[”’」』）)]*|[^。！？!?；;]+$", text
        )
        for piece in _cut(sentence, limit)
    ]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str, limit: int) -> list[str]:
    if len(sentence) <= limit:
        return [sentence]
    clauses = re.findall(r"[^，,、：:]*[，,、：:]+|[^，,、：:]+$", sentence)
    pieces: list[str] = []
    for clause in clauses:
        for start in range(0, len(clause), limit):  # a clause with no comma at all
            part = clause[start : start + limit]
            if pieces and len(pieces[-1]) + len(part) <= limit:
                pieces[-1] += part
            else:
                pieces.append(part)
    return pieces
