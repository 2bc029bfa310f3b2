"""The serving state: one current index, rebuilt off the event loop and swapped in whole.

`Library` is the one place state lives. Questions read `library.index` once and keep using
that object, so a reload that swaps the attribute mid-question never gives a mixed answer.
Reloads run one at a time; if one fails, the index in service stays as it was.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from retrieval import bm25, corpus
from retrieval.index import SearchIndex
from retrieval.ingest import DocumentError
from retrieval.model import Answer, Document
from retrieval.search import DEFAULT_RANKING, Ranking, answer
from retrieval.segment import Segmenter, default_segmenter
from retrieval.store import FileInfo, Store


@dataclass(frozen=True)
class ReloadReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (document, reason in Chinese)
    unchanged: int = 0
    documents: int = 0  # in service after the reload
    passages: int = 0
    chars: int = 0  # characters segmented
    seconds: float = 0.0

    @property
    def modified(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class _Plan:
    parsed: list[tuple[Document, FileInfo]] = field(default_factory=list)
    touched: list[FileInfo] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0


class Library:
    def __init__(
        self,
        store: Store,
        corpus_dir: Path,
        segmenter: Segmenter | None = None,
        ranking: Ranking = DEFAULT_RANKING,
        workers: int | None = None,
    ) -> None:
        self.store = store
        self.corpus_dir = corpus_dir
        self.segmenter = segmenter or default_segmenter()
        self.ranking = ranking
        self.workers = workers
        self._index = SearchIndex((), bm25.build([]))
        self._reload_lock = asyncio.Lock()

    @property
    def index(self) -> SearchIndex:
        return self._index

    def answer(self, question: str, top_k: int = 5) -> Answer:
        return answer(self._index, question, self.segmenter, top_k, self.ranking)

    async def load(self) -> None:
        """Serve what the store holds, from its postings snapshot when that is current."""
        generation = await self.store.generation()
        documents = await self.store.documents()
        postings = await self.store.load_snapshot(generation)
        if postings is None:
            postings = await asyncio.to_thread(bm25.build, await self.store.terms())
            await self.store.save_snapshot(generation, postings)
        self._index = SearchIndex(tuple(documents), postings)

    async def reload(self) -> ReloadReport:
        """Bring the store and the index in line with the corpus folder."""
        async with self._reload_lock:
            started = time.perf_counter()
            files = await asyncio.to_thread(corpus.scan, self.corpus_dir)
            known = await self.store.file_infos()
            plan = await asyncio.to_thread(self._plan, files, known)
            present = {f.doc for f in files}
            removed = sorted(doc for doc in known if doc not in present)
            indexed = await asyncio.to_thread(corpus.index_documents, plan.parsed, self.workers)
            if indexed or removed or plan.touched:
                await self.store.apply(indexed, removed, plan.touched)
            if indexed or removed or not self._index.passages:
                await self.load()
            docs = [d for d, _ in plan.parsed]
            return ReloadReport(
                added=tuple(d.doc for d in docs if d.doc not in known),
                changed=tuple(d.doc for d in docs if d.doc in known),
                removed=tuple(removed),
                failed=tuple(plan.failed),
                unchanged=plan.unchanged,
                documents=len(self._index.documents),
                passages=len(self._index.passages),
                chars=sum(len(p.text) for d in docs for p in d.passages),
                seconds=time.perf_counter() - started,
            )

    def _plan(self, files: list[corpus.CorpusFile], known: dict[str, FileInfo]) -> _Plan:
        """Read and parse the files that are new or changed (runs in a worker thread)."""
        plan = _Plan()
        analyzer = corpus.analyzer_fingerprint()
        for file in files:
            stored = known.get(file.doc)
            if (
                stored
                and stored.analyzer == analyzer
                and (stored.size, stored.mtime_ns)
                == (
                    file.size,
                    file.mtime_ns,
                )
            ):
                plan.unchanged += 1
                continue
            try:
                data = file.path.read_bytes()
            except OSError as exc:
                plan.failed.append((file.doc, f"无法读取文件（{exc.strerror or exc}）"))
                continue
            info = FileInfo(file.doc, corpus.sha256(data), len(data), file.mtime_ns, analyzer)
            if stored and (stored.sha256, stored.analyzer) == (info.sha256, analyzer):
                plan.touched.append(info)
                plan.unchanged += 1
                continue
            try:
                plan.parsed.append((corpus.parse_file(file, data), info))
            except DocumentError as exc:
                plan.failed.append((file.doc, exc.reason))
        return plan
