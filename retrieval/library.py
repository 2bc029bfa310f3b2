"""The serving state: one current index, rebuilt off the event loop and swapped in whole.

`Library` is the one place state lives. Questions read `library.index` once and keep using
that object, so a reload that swaps the attribute mid-question never gives a mixed answer.
Reloads run one at a time, also across processes (the bot and `studybot reload` share the
database); if one fails, the index in service stays as it was.
"""

from __future__ import annotations

import asyncio
import fcntl
import itertools
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval import bm25, corpus, thesaurus
from retrieval.counts import TermCounts, merge_counts
from retrieval.duplicates import Duplicate, find_duplicates
from retrieval.index import SearchIndex
from retrieval.memory import give_back
from retrieval.model import Answer, Document
from retrieval.search import DEFAULT_RANKING, Ranking, answer
from retrieval.segment import Segmenter, default_segmenter
from retrieval.store import FileInfo, IndexedDocument, Snapshot, Store, generation_of

log = logging.getLogger(__name__)

LOCK_POLL_SECONDS = 0.05  # how often a reload waiting for another process's reload looks again


# Called as a reload reads the folder: files done, files in all, characters read so far. It is
# called from a worker thread: it must be thread-safe (set a value, write to a terminal).
Progress = Callable[[int, int, int], None]


class ReloadError(RuntimeError):
    """A reload that could not be carried out. str() is a complete message for an admin,
    in Chinese; the index in service is the one from before."""


@dataclass(frozen=True)
class ReloadReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (document, reason in Chinese)
    unchanged: int = 0
    duplicates: tuple[Duplicate, ...] = ()  # not indexed: their text is another document's
    kept: tuple[str, ...] = ()  # no longer in the folder, kept in service (`keep_missing`)
    documents: int = 0  # in service after the reload
    passages: int = 0
    chars: int = 0  # characters segmented
    seconds: float = 0.0

    @property
    def modified(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def docs_per_second(self) -> float:
        """Documents read and indexed per second of the whole reload."""
        done = len(self.added) + len(self.changed)
        return done / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


@dataclass
class _Plan:
    parsed: list[tuple[Document, FileInfo]] = field(default_factory=list)
    touched: list[FileInfo] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    chars: int = 0  # of the parsed documents counted so far (for progress)
    counted: int = 0

    @property
    def parsed_docs(self) -> set[str]:
        return {d.doc for d, _ in self.parsed}

    def replaces(self, known: dict[str, FileInfo], present: set[str], keep_missing: bool) -> bool:
        """Whether no stored document survives the reload: each is read again (a new
        analyzer reads them all) or is gone from the folder and removed."""
        parsed = self.parsed_docs
        return all(doc in parsed or (doc not in present and not keep_missing) for doc in known)


EMPTY_INDEX = SearchIndex((), bm25.build([]))


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
        self._index = EMPTY_INDEX
        self._generation: str | None = None  # of the store state the index was loaded from
        self._reload_lock = asyncio.Lock()

    @property
    def index(self) -> SearchIndex:
        return self._index

    def answer(self, question: str, top_k: int = 5, docs: frozenset[str] | None = None) -> Answer:
        return answer(self._index, question, self.segmenter, top_k, self.ranking, docs)

    def find_documents(self, name: str) -> frozenset[str]:
        """Documents whose file name, title or names contain `name` (the CLI's --doc)."""
        return frozenset(
            d.doc
            for d in self._index.documents
            if any(name in text for text in (d.doc, d.title, *d.meta.names))
        )

    async def load(self) -> None:
        """Serve what the store holds, from its postings snapshot when that is current."""
        async with self._reload_lock:
            await self._load()

    async def _load(self) -> None:
        stored = await self.store.load_corpus()
        index = await asyncio.to_thread(SearchIndex, stored.documents, stored.postings)
        # read the thesaurus (0.1 s, once a process) off the event loop, not in the first
        # question with a word the corpus never uses
        await asyncio.to_thread(thesaurus.load)
        self._index = index  # one assignment: a question sees the old index or the new one
        self._generation = stored.generation
        give_back()  # the rows the index was read from
        if stored.counts is not None:
            try:
                await self.store.save_snapshot(stored.generation, stored.counts)
            except sqlite3.Error as exc:  # only start-up speed is lost: rebuilt next time
                log.warning("postings snapshot not saved: %s", exc)

    async def built_from(self) -> str | None:
        """The corpus folder the store was last reloaded from (None: not recorded yet)."""
        return await self.store.folder()

    @property
    def folder(self) -> str:
        return str(self.corpus_dir.resolve())

    async def reload(
        self,
        allow_empty: bool = False,
        keep_missing: bool = False,
        progress: Progress | None = None,
    ) -> ReloadReport:
        """Bring the store and the index in line with the corpus folder.

        With `keep_missing` (the bot's catch-up at start) documents no longer in the folder
        stay in service, reported as `kept`: only a reload someone asked for removes any.

        Raises ReloadError (or FileNotFoundError for a missing corpus folder) when nothing
        could be done; the index in service then stays as it was. A folder with no documents
        at all while the store has some is refused unless `allow_empty`: that is far more
        often an unmounted volume than an admin's wish.
        """
        async with self._reload_lock, self._exclusive():
            try:
                return await self._reload(allow_empty, keep_missing, progress)
            except sqlite3.OperationalError as exc:
                raise ReloadError(self._database_problem(exc)) from exc

    def _database_problem(self, exc: sqlite3.OperationalError) -> str:
        if "locked" in str(exc) or "busy" in str(exc):
            return "数据库正被其他程序占用，等待后仍未释放；本次重新加载未完成，仍在使用原有资料"
        return f"数据库出错（{exc}）；本次重新加载未完成，仍在使用原有资料"

    @asynccontextmanager
    async def _exclusive(self) -> AsyncIterator[None]:
        """Hold the database's reload lock file, so reloads in other processes wait too.

        flock is released by the kernel when the process dies, even by SIGKILL. The lock is
        polled rather than waited for in a thread, so cancelling a waiting reload leaves no
        thread behind that would take the lock later.
        """
        if self.store.path is None:
            yield
            return
        lock_path = self.store.path.with_name(self.store.path.name + "-reload.lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    await asyncio.sleep(LOCK_POLL_SECONDS)
            yield
        finally:
            os.close(fd)  # releases the lock

    async def _reload(
        self, allow_empty: bool, keep_missing: bool, progress: Progress | None = None
    ) -> ReloadReport:
        started = time.perf_counter()
        files = await asyncio.to_thread(corpus.scan, self.corpus_dir)
        known = await self.store.file_infos()
        if not any(f.readable for f in files) and known and not allow_empty:
            raise ReloadError(
                f"语料目录 {self.corpus_dir} 中没有任何文档（目录是否未挂载？）；"
                "为防误删，本次未删除任何资料，仍在使用原有资料"
            )
        plan = await asyncio.to_thread(self._plan, files, known, progress)
        warming = self._warm_segmenter(plan)
        try:
            # new documents are compared with the ones in service; not worth reading when
            # none of them stays (after an analyzer change every stored passage is cut again)
            replaced = plan.replaces(known, {f.doc for f in files}, keep_missing)
            if not replaced and self._generation != await self.store.generation():
                await self._load()
        finally:
            if warming is not None:
                await warming
        return await self._reload_planned(files, known, plan, keep_missing, started)

    def _warm_segmenter(self, plan: _Plan) -> asyncio.Future[object] | None:
        """Start loading jieba's dictionary (most of a second) while the store is read, when
        this process will segment the changed documents itself: from the command line it
        is not loaded yet. The dictionary's load holds the GIL, the store's reads do not."""
        chars = sum(len(p.text) for d, _ in plan.parsed for p in d.passages)
        if not chars or chars >= corpus.PARALLEL_MIN_CHARS:
            return None
        return asyncio.ensure_future(asyncio.to_thread(self.segmenter.words, ""))

    async def _reload_planned(
        self,
        files: list[corpus.CorpusFile],
        known: dict[str, FileInfo],
        plan: _Plan,
        keep_missing: bool,
        started: float,
    ) -> ReloadReport:
        present = {f.doc for f in files}
        missing = sorted(doc for doc in known if doc not in present)
        removed = [] if keep_missing else missing
        checked = await self.store.duplicates_checked()
        duplicates: list[Duplicate] = []
        if plan.parsed or checked != self._generation:
            duplicates = await self._duplicates(plan, known, removed)
        left_out = {d.doc for d in duplicates}
        stored_copies = sorted(doc for doc in left_out if doc in known and doc not in removed)
        unchanged = plan.unchanged - len(set(stored_copies) - plan.parsed_docs)
        plan.parsed = [(d, info) for d, info in plan.parsed if d.doc not in left_out]
        plan.touched = [info for info in plan.touched if info.doc not in left_out]
        done = await asyncio.to_thread(
            corpus.index_counted, plan.parsed, self.workers, self.segmenter
        )
        indexed = list(done.documents)
        if indexed or removed or stored_copies:
            await self._update(indexed, removed + stored_copies, plan.touched, known, done.counts)
        else:
            if plan.touched:
                await self.store.apply([], [], plan.touched)
            # The store may have changed under us: another process reloaded, or our last
            # load failed after its changes were committed.
            if self._generation != await self.store.generation():
                await self._load()
        if await self.built_from() != self.folder:
            await self.store.set_folder(self.folder)
        if self._generation and checked != self._generation:
            await self.store.set_duplicates_checked(self._generation)
        docs = [d for d, _ in plan.parsed]
        return ReloadReport(
            added=tuple(d.doc for d in docs if d.doc not in known),
            changed=tuple(d.doc for d in docs if d.doc in known),
            removed=tuple(removed),
            failed=tuple(plan.failed),
            unchanged=unchanged,
            duplicates=tuple(duplicates),
            kept=tuple(missing) if keep_missing else (),
            documents=len(self._index.documents),
            passages=len(self._index.passages),
            chars=sum(len(p.text) for d in docs for p in d.passages),
            seconds=time.perf_counter() - started,
        )

    async def _update(
        self,
        indexed: list[IndexedDocument],
        removed: list[str],
        touched: list[FileInfo],
        known: dict[str, FileInfo],
        fresh: TermCounts | None = None,
    ) -> None:
        """Store the changes and serve them (`fresh`: the counts of `indexed`'s passages, when
        the workers that cut them counted them).

        When the index in service is the store's state, the new postings are its term counts
        updated with the changed passages, saved with the changes in one transaction: seconds
        at 100,000 passages. When no stored document survives they are the new passages'
        counts alone. Otherwise (another process changed the store) every stored passage's
        terms are counted again.
        """
        base = self._generation
        source = self._index
        counts: TermCounts | None = None
        gone = set(removed) | {item.info.doc for item in indexed}
        if all(doc in gone for doc in known):
            # nothing stored survives (a first index, or a new analyzer): counted from
            # nothing, not merged into the old postings that every passage leaves
            base, source, counts = generation_of(known.values()), EMPTY_INDEX, TermCounts.empty()
        elif base is not None and base == generation_of(known.values()):
            counts = self._index.postings  # the postings are the counts of the state `base`
        update: tuple[SearchIndex, Snapshot] | None = None
        if base is not None and counts is not None:
            infos = {doc: info for doc, info in known.items() if doc not in removed}
            infos.update((item.info.doc, item.info) for item in indexed)
            index, new_counts = await asyncio.to_thread(
                _updated, source, counts, indexed, removed, fresh
            )
            generation = generation_of(infos.values())
            update = index, Snapshot(base, generation, new_counts)
            del index, new_counts  # `update` holds them: dropped with it below
        saved = await self.store.apply(indexed, removed, touched, update and update[1])
        if not (update and saved):
            await self._load()
            return
        index, generation = update[0], update[1].generation
        if self.store.path is not None:
            # Serve the postings from the file just written rather than from the merge's
            # arrays: mapped pages are the kernel's to drop, anonymous ones stay resident.
            # The merge's arrays are let go of first, so both are never held at once.
            documents, n_docs = index.documents, index.postings.n_docs
            del index, update
            mapped = await self.store.load_snapshot(generation)
            if mapped is None or mapped.n_docs != n_docs:  # another process moved on
                await self._load()
                return
            index = SearchIndex(documents, mapped)
        self._index = index  # one assignment: a question sees the old or the new index
        self._generation = generation

    async def _duplicates(
        self, plan: _Plan, known: dict[str, FileInfo], removed: list[str]
    ) -> list[Duplicate]:
        """New or changed documents whose text another document holds, and documents in
        service whose text a new one (or another in service) holds."""
        parsed = [d for d, _ in plan.parsed]
        gone = set(removed) | plan.parsed_docs
        in_service = [d for d in self._index.documents if d.doc in known and d.doc not in gone]
        return await asyncio.to_thread(find_duplicates, in_service + parsed, known.keys())

    def _plan(
        self,
        files: list[corpus.CorpusFile],
        known: dict[str, FileInfo],
        progress: Progress | None = None,
    ) -> _Plan:
        """Read every file and parse those whose content is new (runs in a worker thread)."""
        plan = _Plan()
        if progress is not None:
            _report(progress, plan, 0, len(files))
        for done, read in enumerate(corpus.read_files(files, known), start=1):
            doc = read.file.doc
            if read.outcome is corpus.Outcome.PARSED:
                assert read.document is not None and read.info is not None
                plan.parsed.append((read.document, read.info))
            elif read.outcome is corpus.Outcome.UNCHANGED:
                assert read.info is not None
                stored = known[doc]
                plan.unchanged += 1
                if (stored.size, stored.mtime_ns) != (read.info.size, read.info.mtime_ns):
                    plan.touched.append(read.info)
            elif read.outcome is corpus.Outcome.UNPARSABLE and doc in known:
                # its passages stay in service
                plan.failed.append((doc, read.reason + "；仍在使用此前导入的版本"))
            else:
                plan.failed.append((doc, read.reason))
            if progress is not None:
                _report(progress, plan, done, len(files))
        return plan


def _report(progress: Progress, plan: _Plan, done: int, total: int) -> None:
    """Tell `progress` how far reading has come; characters are counted once per document."""
    plan.chars += sum(len(p.text) for d, _ in plan.parsed[plan.counted :] for p in d.passages)
    plan.counted = len(plan.parsed)
    progress(done, total, plan.chars)


def _updated(
    index: SearchIndex,
    counts: TermCounts,
    indexed: Sequence[IndexedDocument],
    removed: Sequence[str],
    fresh: TermCounts | None = None,
) -> tuple[SearchIndex, TermCounts]:
    """The index after replacing, adding and removing documents, from the old one's counts
    (runs in a worker thread); `fresh`: the counts of `indexed`'s passages in that order."""
    gone = set(removed) | {item.document.doc for item in indexed}
    documents = sorted(
        [d for d in index.documents if d.doc not in gone] + [i.document for i in indexed],
        key=lambda d: d.doc,  # the store's order
    )
    start: dict[str, int] = {}
    total = 0
    for d in documents:
        start[d.doc] = total
        total += len(d.passages)
    renumber = np.full(len(index.passages), -1, dtype=np.int64)
    old = 0
    for d in index.documents:
        if d.doc not in gone:
            renumber[old : old + len(d.passages)] = np.arange(
                start[d.doc], start[d.doc] + len(d.passages)
            )
        old += len(d.passages)
    added = [
        (start[item.document.doc] + i, packed)
        for item in indexed
        for i, packed in enumerate(item.packed_terms)
    ]
    numbers = [number for number, _ in added]
    in_order = all(a < b for a, b in itertools.pairwise(numbers))
    new_counts = merge_counts(counts, renumber, added, total, fresh if in_order else None)
    return SearchIndex(tuple(documents), bm25.Postings.of(new_counts)), new_counts
