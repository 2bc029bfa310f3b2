"""Term counts: how often each term occurs in each passage, the makings of the BM25 postings.

Kept as numpy arrays, term-major like the postings, with a packed vocabulary, so that the
store can save them as a snapshot, start-up can load them without segmenting, and a reload
can merge the changed passages' counts instead of counting every passage again.
"""

from __future__ import annotations

import mmap
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, overload

import numpy as np
import numpy.typing as npt

TERM_SEP = "\x1f"  # joins a passage's terms; jieba never yields this control character
_SEP_BYTE = TERM_SEP.encode()
_T = TypeVar("_T")
_BLOCK = 1 << 22  # postings read (or copied) before the mapped pages behind are let go of
_PASSAGES_PER_BLOCK = 4096  # passages counted at once (their code points held) in build_counts

IntArray = npt.NDArray[np.int64]


def sorted_runs(keys: IntArray) -> IntArray:
    """Sorts `keys` in place and returns where each run of equal keys starts: the work of
    np.unique(keys, return_counts=True) without its copy of the keys."""
    keys.sort()
    new = np.empty(keys.size, dtype=bool)
    new[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    starts: IntArray = np.flatnonzero(new)
    return starts


def pack_terms(terms: Iterable[str]) -> str:
    return TERM_SEP.join(terms)


def unpack_terms(packed: str) -> list[str]:
    return packed.split(TERM_SEP) if packed else []


class Vocabulary(Mapping[str, int]):
    """Terms in code point order packed as TERM_SEP-joined UTF-8; a term's id is its rank.

    Made from the snapshot's bytes without an object per term: at 100,000 passages a dict of
    the ~2 million terms takes about a second and 250 MB to build, this a few milliseconds
    and the blob's size. A lookup is a binary search, a few microseconds.
    """

    __slots__ = ("_blob", "_offsets", "_size", "_starts")

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        if blob:
            seps = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == _SEP_BYTE[0])
            # term i is blob[starts[i] : starts[i + 1] - 1]: the last one ends at the blob's end
            # int32 while the blob allows: 8 MB rather than 16 at 100,000 passages
            wide = len(blob) + 1 > np.iinfo(np.int32).max
            starts = np.concatenate(([0], seps + 1, [len(blob) + 1])).astype(
                np.int64 if wide else np.int32
            )
        else:
            starts = np.zeros(1, dtype=np.int64)
        self._offsets = starts
        self._starts = starts.data  # a memoryview: indexing it gives ints, fast
        self._size = len(starts) - 1

    @classmethod
    def of(cls, terms: Iterable[str]) -> Vocabulary:
        """The vocabulary of terms given in sorted order."""
        return cls(pack_terms(terms).encode("utf-8", "surrogatepass"))

    @property
    def blob(self) -> bytes:
        return self._blob

    def _bisect(self, key: bytes) -> int:
        """Index of the first term not below `key`: UTF-8 byte order is code point order."""
        blob, starts = self._blob, self._starts
        lo, hi = 0, self._size
        while lo < hi:
            mid = (lo + hi) // 2
            if blob[starts[mid] : starts[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _find(self, term: str) -> int:
        key = term.encode("utf-8", "surrogatepass")
        i = self._bisect(key)
        starts = self._starts
        if i < self._size and self._blob[starts[i] : starts[i + 1] - 1] == key:
            return i
        return -1

    def __getitem__(self, term: str) -> int:
        found = self._find(term) if isinstance(term, str) else -1
        if found < 0:
            raise KeyError(term)
        return found

    @overload
    def get(self, term: str, /) -> int | None: ...
    @overload
    def get(self, term: str, /, default: int | _T) -> int | _T: ...
    def get(self, term: str, /, default: object = None) -> object:
        found = self._find(term) if isinstance(term, str) else -1
        return default if found < 0 else found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._find(term) >= 0

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        blob, starts = self._blob, self._starts
        for i in range(self._size):
            yield blob[starts[i] : starts[i + 1] - 1].decode("utf-8", "surrogatepass")

    def terms_bytes(self) -> list[bytes]:
        return self._blob.split(_SEP_BYTE) if self._size else []

    def merged(self, other: Vocabulary) -> tuple[Vocabulary, IntArray, IntArray]:
        """Both vocabularies in one: (vocabulary, new id of each of this one's terms, new id
        of each of the other's). A search per term of `other`, one copy of the blobs."""
        if not self._size or not len(other):
            ids = np.arange(self._size + len(other), dtype=np.int64)
            merged = other if not self._size else self
            return merged, ids[: self._size], ids[self._size :]
        theirs = other.terms_bytes()
        if len(theirs) * 64 < self._size:  # a few: binary searches over the blob
            ours = None
            at = [self._bisect(key) for key in theirs]
        else:  # many: C-level bisect over this vocabulary's terms
            ours = self.terms_bytes()
            at = [bisect_left(ours, key) for key in theirs]
        blob, starts, size = self._blob, self._starts, self._size
        present = np.array(
            [
                i < size and (ours[i] if ours else blob[starts[i] : starts[i + 1] - 1]) == key
                for i, key in zip(at, theirs, strict=True)
            ],
            dtype=bool,
        )
        positions = np.array(at, dtype=np.int64)
        fresh_at = positions[~present]  # non-decreasing: `other` is sorted
        old_ids = np.arange(size, dtype=np.int64)
        old_ids += np.searchsorted(fresh_at, old_ids, side="right")  # fresh terms before it
        their_ids = np.empty(len(theirs), dtype=np.int64)
        their_ids[~present] = fresh_at + np.arange(len(fresh_at))
        their_ids[present] = old_ids[positions[present]]
        # runs of old terms (views of the blob, not copies) and the new terms, joined once
        view = memoryview(blob)
        items: list[bytes | memoryview] = []
        done = 0
        for key, cut_at in zip(
            (k for k, p in zip(theirs, present.tolist(), strict=True) if not p),
            fresh_at.tolist(),
            strict=True,
        ):
            if cut_at > done:  # old terms done .. cut_at - 1
                items.append(view[starts[done] : starts[cut_at] - 1])
            items.append(key)
            done = cut_at
        if size > done:
            items.append(view[starts[done] : starts[size] - 1])
        return Vocabulary(_SEP_BYTE.join(items)), old_ids, their_ids

    def select(self, keep: npt.NDArray[np.bool_]) -> Vocabulary:
        """The terms where `keep` is true, in the same order."""
        if keep.all():
            return self
        padded = np.frombuffer(self._blob + _SEP_BYTE, dtype=np.uint8)
        kept = padded[np.repeat(keep, np.diff(self._offsets))].tobytes()
        return Vocabulary(kept[:-1])


class CountsFile(Protocol):
    """Where a serving process reads postings from without mapping them: the snapshot file
    (`snapshot.PostingsFile`). Read with pread, a list costs what it holds; touched through a
    memory map, every list read left its pages and their neighbours resident."""

    @property
    def mean_raw_idf(self) -> float | None:
        """The mean of every term's raw idf when the file records it (`bm25.raw_idf`)."""
        ...

    def span(self, t: int) -> tuple[int, int]:
        """Term t's postings are positions [lo, hi) of doc_ids and tf."""
        ...

    def read(self, lo: int, hi: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.integer[Any]]]:
        """Copies of doc_ids[lo:hi] and tf[lo:hi]."""
        ...


@dataclass(frozen=True)
class TermCounts:
    """How often each term occurs in each passage, term-major like the postings.

    These are the postings: `bm25.Postings` adds idf and length factors and computes the
    weights a query reads from them. The store saves them and a reload merges the changed
    passages into them instead of reading every stored passage's terms again.
    """

    vocabulary: Vocabulary
    ptr: IntArray  # term t's passages are doc_ids[ptr[t]:ptr[t+1]], ascending
    doc_ids: npt.NDArray[np.int32]
    tf: npt.NDArray[np.integer[Any]]  # uint16 when every count fits: half the memory
    lengths: npt.NDArray[np.int32]  # terms in each passage (its BM25 document length)
    # the same postings read from a file instead of through the arrays (serving and the
    # benchmark read it; a reload's merge and the tests read the arrays)
    file: CountsFile | None = field(default=None, kw_only=True, repr=False, compare=False)

    @property
    def n_docs(self) -> int:
        return len(self.lengths)

    @classmethod
    def empty(cls) -> TermCounts:
        none = np.zeros(0, dtype=np.int32)
        return cls(Vocabulary(b""), np.zeros(1, dtype=np.int64), none, none, none)


def _ptr(terms: npt.NDArray[np.integer[Any]], size: int) -> IntArray:
    ptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(terms, minlength=size), out=ptr[1:])
    return ptr


def build_counts(packed: Sequence[str]) -> TermCounts:
    """Counts of passages' packed terms (one string per passage, in passage order).

    The one way counts are made: the store, reloads, the benchmark and `bm25.build` (token
    lists, for an empty index and the tests) all come here, and indexing's workers count
    their own passages the same way (`retrieval.counting`: bigrams read as numbers, words
    through a dict).
    """
    from retrieval.counting import Counting, count_rows  # it builds on this module

    counting = Counting(len(packed))
    for first in range(0, len(packed), _PASSAGES_PER_BLOCK):
        counting.add(count_rows(packed[first : first + _PASSAGES_PER_BLOCK]))
    return counting.counts(packed)


def _counted_as_strings(packed: Sequence[str]) -> TermCounts:
    """`build_counts` with a dict lookup for every term: for terms that are not all words
    and bigrams."""
    n = len(packed)
    vocabulary: dict[str, int] = {}
    ids = array("i")
    lengths = np.zeros(n, dtype=np.int64)
    for i, row in enumerate(packed):
        if row:
            terms = row.split(TERM_SEP)
            lengths[i] = len(terms)
            ids.extend([vocabulary.setdefault(t, len(vocabulary)) for t in terms])
    words = list(vocabulary)
    del vocabulary
    size = len(words)
    order = sorted(range(size), key=words.__getitem__)
    rank = np.empty(size, dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(size, dtype=np.int64)
    # The terms' strings (hundreds of MB at 100,000 passages) are packed and let go of before
    # the arrays of every posting are made: not both at the peak.
    sorted_terms = Vocabulary.of(words[t] for t in order)
    del words, order
    keys = rank[np.frombuffer(ids, dtype=np.int32)] if ids else np.zeros(0, dtype=np.int64)
    del ids, rank
    m = max(n, 1)
    keys *= m
    # key = term rank * m + passage; the passages added a block of them at a time, so that
    # no second array of every posting is made
    at = 0
    for first in range(0, n, _PASSAGES_PER_BLOCK):
        block = lengths[first : first + _PASSAGES_PER_BLOCK]
        count = int(block.sum())
        keys[at : at + count] += np.repeat(np.arange(first, first + len(block)), block)
        at += count
    starts = sorted_runs(keys)
    pairs = keys[starts]  # term-major, passages ascending
    total = keys.size
    del keys
    tf = _narrow(np.diff(starts, append=total))
    del starts
    doc_ids = (pairs % m).astype(np.int32)
    pairs //= m  # now each posting's term
    ptr = _ptr(pairs, size)
    del pairs
    return TermCounts(sorted_terms, ptr, doc_ids, tf, lengths.astype(np.int32))


def merge_counts(
    old: TermCounts,
    renumber: IntArray,
    added: Sequence[tuple[int, str]],
    n_docs: int,
    fresh: TermCounts | None = None,
) -> TermCounts:
    """The counts after a reload, equal to `build_counts` of the resulting passages.

    `renumber` gives each old passage its new number (-1: removed or replaced); it must keep
    the kept passages in their old order, as a reload does (documents stay sorted by name).
    `added` gives the new passages as (number, packed terms). Only the added passages' terms
    are counted (unless `fresh` has their counts already, in number order); the old postings
    stay sorted under the new numbers, so the new ones are inserted where they belong in one
    linear pass: no sort of every posting.
    """
    added = sorted(added)
    if fresh is None:
        fresh = build_counts([packed for _, packed in added])
    if old.n_docs == 0 and len(added) == n_docs and all(i == n for i, (n, _) in enumerate(added)):
        # from nothing (`studybot index` of a new store): the counts are the added passages'
        # own; a merge would only copy them, holding every posting twice
        return fresh
    numbers = np.array([number for number, _ in added], dtype=np.int32)
    vocabulary, old_ids, fresh_ids = old.vocabulary.merged(fresh.vocabulary)
    n_old = old.n_docs
    lengths = np.zeros(n_docs, dtype=np.int32)
    removed = renumber < 0
    lengths[renumber[~removed]] = old.lengths[~removed]
    lengths[numbers] = fresh.lengths
    # Positions are found in the old arrays; the result is then copied in one pass from
    # their runs and the fresh postings. Large temporaries are avoided: on this kind of
    # sandboxed machine every newly touched page of memory costs, not only the arithmetic.
    gone = _gone(old.doc_ids, removed)
    fresh_df = np.diff(fresh.ptr)
    before = np.searchsorted(old_ids, fresh_ids)  # old terms ordered before each fresh term
    is_old = np.zeros(len(fresh_ids), dtype=bool)
    inside = before < len(old_ids)
    is_old[inside] = old_ids[before[inside]] == fresh_ids[inside]
    fresh_docs = numbers[fresh.doc_ids]  # ascending within each term: `added` is sorted
    # A fresh passage d goes before the old postings of kept passages numbered d or more now:
    # renumbering keeps the old order, so those are the old passages from first_after[d] on.
    kept = np.flatnonzero(~removed)
    nth = np.searchsorted(renumber[kept], fresh_docs)
    first_after = np.append(kept, n_old)[nth]  # n_old: after every old passage
    # binary searches in the old term's passages, all at once (a loop costs ~10 us a term)
    lo = np.repeat(old.ptr[before], fresh_df)
    hi = np.where(np.repeat(is_old, fresh_df), np.repeat(old.ptr[before + is_old], fresh_df), lo)
    while True:
        open_ = lo < hi
        if not open_.any():
            break
        mid = (lo + hi) // 2
        below = open_ & (old.doc_ids[np.minimum(mid, max(len(old.doc_ids) - 1, 0))] < first_after)
        lo = np.where(below, mid + 1, lo)
        hi = np.where(open_ & ~below, mid, hi)
    docs, tf = _spliced(old, gone, lo, fresh_docs + n_old, fresh.tf)
    # old passage numbers become new ones; fresh ones were offset by n_old to pass through
    table = np.concatenate((renumber.astype(np.int32), np.arange(n_docs, dtype=np.int32)))
    for block in range(0, len(docs), _BLOCK):
        # in place, a block at a time: on the whole array numpy would first copy it (the
        # output overlaps the input), touching as much new memory again
        part = docs[block : block + _BLOCK]
        np.take(table, part, out=part, mode="clip")
    old_df = np.diff(old.ptr)
    if gone.size:
        owner = np.searchsorted(old.ptr, gone, side="right") - 1  # term of each dropped posting
        old_df -= np.bincount(owner, minlength=len(old_df))
    df = np.zeros(len(vocabulary), dtype=np.int64)
    df[old_ids] = old_df
    df[fresh_ids] += fresh_df
    live = df > 0
    if not live.all():  # terms only removed passages had
        vocabulary = vocabulary.select(live)
        df = df[live]
    return TermCounts(vocabulary, _ptr_of(df), docs, tf, lengths)


def _gone(doc_ids: npt.NDArray[np.int32], removed: npt.NDArray[np.bool_]) -> IntArray:
    """Positions of the postings of removed passages, read a block at a time."""
    if not removed.any():
        return np.zeros(0, dtype=np.int64)
    found = []
    for lo in range(0, len(doc_ids), _BLOCK):
        hi = min(lo + _BLOCK, len(doc_ids))
        found.append(lo + np.flatnonzero(removed[doc_ids[lo:hi]]))
        release_pages(doc_ids, lo, hi)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _spliced(
    old: TermCounts,
    gone: IntArray,
    at: IntArray,
    fresh_docs: npt.NDArray[np.int32],
    fresh_tf: npt.NDArray[np.integer[Any]],
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.integer[Any]]]:
    """The old (doc, tf) postings without those at `gone`, with fresh posting i inserted
    before old position at[i] (`at` non-decreasing), copied run by run into the result.

    Old arrays mapped from a snapshot file are let go of behind the copy, so the old and
    the new postings are not both resident in full."""
    total = len(old.doc_ids) - len(gone) + len(fresh_docs)
    docs = np.empty(total, dtype=np.int32)
    tf = np.empty(total, dtype=np.result_type(old.tf, fresh_tf))
    skip = gone.tolist()
    s = src = dst = released = 0

    def copy(source_docs: npt.NDArray[Any], source_tf: npt.NDArray[Any]) -> None:
        nonlocal dst
        n = len(source_docs)
        docs[dst : dst + n] = source_docs
        tf[dst : dst + n] = source_tf
        dst += n

    def old_run(end: int) -> None:
        nonlocal released
        if end > src:
            copy(old.doc_ids[src:end], old.tf[src:end])
        if end - released >= _BLOCK:
            release_pages(old.doc_ids, released, end)
            release_pages(old.tf, released, end)
            released = end

    starts = [0, *(np.flatnonzero(np.diff(at)) + 1).tolist()] if len(at) else []
    for first, last in zip(starts, starts[1:] + [len(at)] * bool(starts), strict=True):
        position = int(at[first])
        while s < len(skip) and skip[s] < position:
            old_run(skip[s])
            src = skip[s] + 1
            s += 1
        old_run(position)
        src = max(src, position)
        copy(fresh_docs[first:last], fresh_tf[first:last])
    for g in skip[s:]:
        old_run(g)
        src = g + 1
    old_run(len(old.doc_ids))
    release_pages(old.doc_ids, released, len(old.doc_ids))
    release_pages(old.tf, released, len(old.doc_ids))
    return docs, _narrow(tf)


def release_pages(array: npt.NDArray[Any], lo: int, hi: int) -> None:
    """Let the kernel drop the pages of array[lo:hi] when the array is mapped from a file
    (a snapshot): touched again, they are read back from the file. Anything else: no-op."""
    view = array.base
    mapped = view.obj if isinstance(view, memoryview) else None
    advice = getattr(mmap, "MADV_DONTNEED", None)  # not on every platform
    if not isinstance(mapped, mmap.mmap) or hi <= lo or advice is None:
        return
    origin = np.frombuffer(mapped, dtype=np.uint8, count=1).ctypes.data
    start = array.ctypes.data - origin + lo * array.itemsize
    end = array.ctypes.data - origin + hi * array.itemsize
    first = -(-start // mmap.PAGESIZE) * mmap.PAGESIZE
    last = end // mmap.PAGESIZE * mmap.PAGESIZE
    if last > first:
        mapped.madvise(advice, first, last - first)


def _narrow(tf: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.integer[Any]]:
    """Counts as uint16 when they fit (a passage's term counts virtually always do)."""
    if tf.size == 0 or int(tf.max()) <= np.iinfo(np.uint16).max:
        return tf.astype(np.uint16, copy=False)
    return tf.astype(np.int32, copy=False)


def _ptr_of(df: IntArray) -> IntArray:
    ptr = np.zeros(len(df) + 1, dtype=np.int64)
    np.cumsum(df, out=ptr[1:])
    return ptr
