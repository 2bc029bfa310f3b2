"""The corpus folder: which documents it holds, and turning them into indexable passages.

Pure functions, safe to run in worker processes: bulk segmentation is pure Python under the
GIL, so large batches are cut into chunks and spread over the machine's cores.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from retrieval.index import passage_terms
from retrieval.ingest import SUFFIXES, DocumentError, read_lines
from retrieval.model import Document, Passage
from retrieval.segment import data_lines, default_segmenter
from retrieval.store import FileInfo, IndexedDocument
from retrieval.structure import parse

# Bump when structure parsing or term extraction changes: stored terms are then rebuilt.
ANALYZER_VERSION = "1"
PARALLEL_MIN_CHARS = 2_000_000  # below this, starting worker processes costs more than it saves
CHUNK_PASSAGES = 2_000


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


def scan(root: Path) -> list[CorpusFile]:
    """Documents in the corpus folder, skipping hidden files and editors' lock files."""
    if not root.is_dir():
        raise FileNotFoundError(f"语料目录不存在：{root}")
    files = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith((".", "~$")) for part in rel.parts):
            continue
        if path.suffix.lower() in SUFFIXES and path.is_file():
            stat = path.stat()
            files.append(CorpusFile(rel.as_posix(), path, stat.st_size, stat.st_mtime_ns))
    return files


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_file(file: CorpusFile, data: bytes) -> Document:
    return parse(file.doc, read_lines(file.doc, data))


def _terms_chunk(passages: Sequence[Passage]) -> list[tuple[str, ...]]:
    segmenter = default_segmenter()
    return [tuple(passage_terms(p, segmenter)) for p in passages]


def segment_passages(
    passages: Sequence[Passage], workers: int | None = None
) -> list[tuple[str, ...]]:
    """Search terms of each passage; in worker processes when the batch is large."""
    chars = sum(len(p.text) for p in passages)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or chars < PARALLEL_MIN_CHARS:
        return _terms_chunk(passages)
    chunks = [passages[i : i + CHUNK_PASSAGES] for i in range(0, len(passages), CHUNK_PASSAGES)]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return [terms for chunk in pool.map(_terms_chunk, chunks) for terms in chunk]


def index_documents(
    parsed: Sequence[tuple[Document, FileInfo]], workers: int | None = None
) -> list[IndexedDocument]:
    """Segment the passages of parsed documents, all documents' passages in one batch."""
    passages = [p for doc, _ in parsed for p in doc.passages]
    terms = iter(segment_passages(passages, workers))
    return [
        IndexedDocument(doc, tuple(next(terms) for _ in doc.passages), info) for doc, info in parsed
    ]


__all__ = [
    "CorpusFile",
    "DocumentError",
    "analyzer_fingerprint",
    "index_documents",
    "parse_file",
    "scan",
    "segment_passages",
    "sha256",
]
