"""Documents whose text is the same as another's, or contained in another's, found cheaply.

A document's text here is its title and its passages' text without white space (full-width
spaces and zero-width marks included) in lower case, so a .txt and a .docx of one speech, or a
copy in another encoding, with other line breaks or under another file name, compare equal.
Widths are not folded: NFKC would cost more than everything else here together. Documents
with the same body under different titles are different documents. A document is contained
in another when its body is part of the other's longer body, whatever its title (an excerpt
is often titled 节选).

Equal texts are found by hashing. Containment is checked only between a document and the
documents that hold its inner passages (all but the first and last when it has three or more,
since an excerpt's first and last paragraphs may be cut) as a run: a dictionary of passage
texts gives the documents holding its rarest inner passage, a comparison of passage tuples
keeps those holding the whole run, and only they are searched for its text. 1,000
speech-sized documents that share most of their paragraphs take about 0.2 s (0.6 s when even
their inner passages are all shared), not a million substring searches.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

from retrieval.model import Document

MIN_PROBE_CHARS = 8  # a shorter passage (同志们：) is shared by too many documents to tell


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc: str  # not indexed: its text is in `of`
    of: str  # the document indexed instead
    same: bool  # the same text; otherwise `doc`'s text is part of `of`'s


BLANK = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def normalised(text: str) -> str:
    return BLANK.sub("", text).lower()


@dataclass(frozen=True)
class _Text:
    doc: str
    title: str
    passages: tuple[str, ...]
    full: str  # the body

    @property
    def inner(self) -> tuple[str, ...]:
        """Passages that are whole in any document that contains this one, in order."""
        return self.passages[1:-1] if len(self.passages) >= 3 else self.passages

    @cached_property
    def at(self) -> dict[str, list[int]]:
        """Where each passage is."""
        where: dict[str, list[int]] = {}
        for i, passage in enumerate(self.passages):
            where.setdefault(passage, []).append(i)
        return where

    def holds_run(self, run: tuple[str, ...]) -> bool:
        """Whether `run` is a run of consecutive passages here: cheaper than a substring
        search, and true whenever this text contains a text with those inner passages."""
        n = len(run)
        return any(
            (n == 1 or self.passages[i + 1 : i + 2] == run[1:2]) and self.passages[i : i + n] == run
            for i in self.at.get(run[0], ())
        )


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
        inner = t.inner
        probes = [p for p in inner if len(p) >= MIN_PROBE_CHARS]
        if probes:
            probe = min(probes, key=lambda p: len(holding[p]))  # the rarest
            candidates = [
                u for u in holding[probe] if len(u.full) > len(t.full) and u.holds_run(inner)
            ]
        else:  # a document of short lines only: compared with every longer one
            candidates = [u for u in unique if len(u.full) > len(t.full)]
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
