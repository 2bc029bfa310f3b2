"""Documents whose text is the same as another's, or contained in another's, found cheaply.

A document's text here is its title and its passages' text, normalised (NFKC widths, no white
space, lower case), so a .txt and a .docx of one speech, or a copy with other line breaks or
another file name, compare equal. Documents with the same body under different titles are
different documents. A document is contained in another when its body is part of the other's
longer body, whatever its title (an excerpt is often titled 节选).

Equal texts are found by hashing. Containment is checked only between a document and the
documents that hold its probe passage whole (its longest passage, taken from inside the
document when it has three or more, since an excerpt's first and last paragraphs may be cut):
a dictionary of passage texts gives those candidates, and only they are compared in full. At
1,000 speech-sized documents that is one dictionary of their passages and a handful of
substring checks, not a million.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from retrieval.model import Document

MIN_PROBE_CHARS = 8  # a shorter passage (同志们：) is shared by too many documents to tell


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc: str  # not indexed: its text is in `of`
    of: str  # the document indexed instead
    same: bool  # the same text; otherwise `doc`'s text is part of `of`'s


def normalised(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass(frozen=True, slots=True)
class _Text:
    doc: str
    title: str
    passages: tuple[str, ...]
    full: str  # the body

    @property
    def probe(self) -> str:
        inner = self.passages[1:-1] if len(self.passages) >= 3 else self.passages
        return max(inner, key=len)


def find_duplicates(documents: Sequence[Document], keep: Collection[str] = ()) -> list[Duplicate]:
    """The documents to leave out so that no text is indexed twice, each with the document
    that holds its text.

    Of documents with the same text, one in `keep` (those in service already, so that a new
    copy does not displace them) is indexed, else the first by name. A document whose text is
    part of a longer one's is left out for the longer one.
    """
    texts = []
    for d in sorted(documents, key=lambda d: (d.doc not in keep, d.doc)):
        passages = tuple(p for p in (normalised(p.text) for p in d.passages) if p)
        if passages:
            texts.append(_Text(d.doc, normalised(d.title), passages, "".join(passages)))
    duplicates: list[Duplicate] = []
    first: dict[tuple[str, str], _Text] = {}
    for t in texts:
        if (t.title, t.full) in first:
            duplicates.append(Duplicate(t.doc, first[t.title, t.full].doc, same=True))
        else:
            first[t.title, t.full] = t
    unique = sorted(first.values(), key=lambda t: (-len(t.full), t.doc))  # containers first
    holding: dict[str, list[_Text]] = {}
    for t in unique:
        for passage in set(t.passages):
            if len(passage) >= MIN_PROBE_CHARS:
                holding.setdefault(passage, []).append(t)
    for t in unique:
        probe = t.probe
        if len(probe) < MIN_PROBE_CHARS:
            candidates = [u for u in unique if len(u.full) > len(t.full)]  # a tiny document
        else:
            candidates = [u for u in holding.get(probe, ()) if len(u.full) > len(t.full)]
        container = next((u for u in candidates if t.full in u.full), None)  # the longest
        if container is not None:
            duplicates.append(Duplicate(t.doc, container.doc, same=False))
    of = {d.doc: d.of for d in duplicates if not d.same}

    def kept(doc: str) -> str:  # what holds a left-out document's container, and so on
        while doc in of:
            doc = of[doc]
        return doc

    return sorted(
        (Duplicate(d.doc, kept(d.of), d.same and d.of not in of) for d in duplicates),
        key=lambda d: d.doc,
    )
