"""How a file is read, for an admin to check: metadata, heading tree, passages, and every
line that is not a passage with the rule that set it aside."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.boilerplate import Removed
from retrieval.ingest import read_cleaned
from retrieval.model import Document
from retrieval.structure import parse_lines


@dataclass(frozen=True)
class Outline:
    document: Document
    removed: tuple[Removed, ...]  # adverts and clutter, by rule
    front_matter: tuple[tuple[str, str], ...]  # lines read as metadata, and what they told
    salutations: tuple[str, ...]  # salutation lines: they open parts, not passages


def outline(name: str, data: bytes) -> Outline:
    """The file `name` with bytes `data` as StudyBot reads it (DocumentError if it cannot)."""
    cleaned = read_cleaned(name, data)
    parsed = parse_lines(name, list(cleaned.lines), cleaned.posted_under)
    return Outline(parsed.document, cleaned.removed, parsed.front_matter, parsed.salutations)
