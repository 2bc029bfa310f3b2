"""Term counts snapshots as files beside the database, read by memory mapping.

A snapshot is the postings of one corpus state (`Store.generation`): at 100,000 passages
about 160 MB. Kept as a SQLite blob it was written twice (write-ahead log, then the database)
and read back in full at every start; as a file it is written once and mapped, so start-up
reads nothing until a query touches it, the kernel can drop its pages under memory pressure,
and a reload from the command line costs what it changes rather than the corpus's size.

The file is named after the generation it holds, written under a temporary name and renamed,
so a file of that name is always complete; the store records in the same transaction as the
documents that the snapshot for that generation is in its file. A missing or damaged file
only means the counts are recounted from the stored terms.

Serving reads a term's postings with pread (`PostingsFile`), not through the mapping, and
looks terms up in the file (`FileVocabulary`): a question then holds only the lists it
reads, and only while it reads them. Touched through
the map, each list left the 64 KB around it resident (the kernel maps neighbouring cached
pages on every fault), so after a few hundred questions most of the file counted in the
process's resident memory. The mapping stays for what reads every posting in order (a
reload's merge), which lets its pages go behind it.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import time
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.bm25 import mean_raw_idf
from retrieval.counts import TERM_SEP, IntArray, TermCounts, Vocabulary

_SEP_BYTE = TERM_SEP.encode()
MAGIC = b"STUDYBOT-COUNTS\n"
HEADER_BYTES = 4096  # magic and a JSON header, padded; the arrays follow, 64-byte aligned
ALIGN = 64
STALE_SECONDS = 600  # another process may be about to commit a snapshot it just wrote
_ARRAYS: tuple[tuple[str, type[np.integer[Any]] | None], ...] = (
    ("ptr", np.int64),
    ("doc_ids", np.int32),
    ("tf", None),
    ("lengths", np.int32),
)
_TF_TYPES: dict[str, type[np.integer[Any]]] = {
    "<u2": np.uint16,
    "<i4": np.int32,
}  # tf is narrowed to uint16 when it fits


def directory(db: Path) -> Path:
    return db.with_name(db.name + "-index")


def path_of(db: Path, generation: str) -> Path:
    return directory(db) / f"{generation}.counts"


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def write(db: Path, generation: str, counts: TermCounts) -> Path:
    """Write the counts of `generation` to its file (complete or not at all) and return it."""
    folder = directory(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = path_of(db, generation)
    blobs: list[tuple[str, memoryview]] = [("vocabulary", memoryview(counts.vocabulary.blob))]
    tf_type = "<u2" if counts.tf.dtype == np.uint16 else "<i4"
    for name, dtype in _ARRAYS:
        array = np.ascontiguousarray(getattr(counts, name), dtype=dtype or _TF_TYPES[tf_type])
        blobs.append((name, array.data.cast("B")))
    offsets: dict[str, list[int]] = {}
    at = HEADER_BYTES
    for name, blob in blobs:
        offsets[name] = [at, blob.nbytes]
        at = _aligned(at + blob.nbytes)
    header = json.dumps(
        {
            "generation": generation,
            "passages": counts.n_docs,
            "arrays": offsets,
            "tf": tf_type,
            # BM25's floor for negative idf needs the mean over every term: recorded here, a
            # serving process reads no array the size of the vocabulary (exact: JSON writes
            # a float's shortest round-tripping form)
            "mean_raw_idf": mean_raw_idf(np.diff(counts.ptr), counts.n_docs),
        }
    ).encode()
    if len(MAGIC) + len(header) + 1 > HEADER_BYTES:
        raise ValueError("snapshot header too long")
    temporary = folder / f".{generation}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        with open(temporary, "wb") as f:
            f.write((MAGIC + header + b"\n").ljust(HEADER_BYTES, b"\0"))
            for name, blob in blobs:
                f.seek(offsets[name][0])
                f.write(blob)
            f.truncate(at)
            f.flush()
            # on disk before the database says it is there: a crash must not leave a
            # committed state whose snapshot is only half written
            getattr(os, "fdatasync", os.fsync)(f.fileno())  # macOS has only fsync
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target


class PostingsFile:
    """A snapshot's postings read with pread (`counts.CountsFile`): term t's span from ptr,
    then its doc ids and counts, each a copy the caller owns.

    Holds its own descriptor, closed when it is collected: a newer generation may delete the
    file meanwhile, and the open descriptor keeps reading the old one, as a mapping would."""

    __slots__ = ("__weakref__", "_docs", "_fd", "_ptr", "_tf", "_tf_type", "mean_raw_idf")

    def __init__(
        self,
        path: Path,
        arrays: dict[str, list[int]],
        tf_type: type[np.integer[Any]],
        mean_raw_idf: float | None,
    ) -> None:
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        weakref.finalize(self, os.close, self._fd)
        self._ptr = arrays["ptr"][0]
        self._docs = arrays["doc_ids"][0]
        self._tf = arrays["tf"][0]
        self._tf_type = tf_type
        self.mean_raw_idf = mean_raw_idf

    def _into(self, out: npt.NDArray[Any], offset: int) -> None:
        if not out.nbytes:
            return
        if hasattr(os, "preadv"):  # straight into the array
            if os.preadv(self._fd, [out.data], offset) != out.nbytes:
                raise OSError(f"snapshot file ended early at byte {offset}")
        else:  # platforms without preadv: one copy more
            out.data.cast("B")[:] = self.bytes_at(offset, out.nbytes)

    def bytes_at(self, offset: int, n: int) -> bytes:
        data = os.pread(self._fd, n, offset)
        if len(data) != n:
            raise OSError(f"snapshot file ended early at byte {offset}")
        return data

    def span(self, t: int) -> tuple[int, int]:
        bounds = np.empty(2, dtype=np.int64)
        self._into(bounds, self._ptr + 8 * t)
        return int(bounds[0]), int(bounds[1])

    def read(self, lo: int, hi: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.integer[Any]]]:
        docs = np.empty(hi - lo, dtype=np.int32)
        tf = np.empty(hi - lo, dtype=self._tf_type)
        self._into(docs, self._docs + 4 * lo)
        self._into(tf, self._tf + tf.itemsize * lo)
        return docs, tf


class FileVocabulary(Vocabulary):
    """A snapshot's vocabulary looked up in its file: every `STEP`-th term is held (its
    bytes and where it starts), a lookup bisects those and reads the block of terms after
    it (a few hundred bytes). At 100,000 passages the whole vocabulary held in memory is
    about 33 MB (blob and offsets) for a serving process; this under 3 MB, and a lookup is
    faster than a binary search over the blob in Python. What needs every term (a reload's
    merge, iteration) reads the blob whole when asked."""

    STEP = 64
    CHUNK = 1 << 20  # bytes read at a time while sampling, so the blob is never held whole

    __slots__ = ("_at", "_file", "_keys", "_length", "_marks")

    def __init__(self, file: PostingsFile, at: int, length: int, size: int) -> None:
        # not Vocabulary.__init__: nothing of the blob's size is built
        self._file, self._at, self._length, self._size = file, at, length, size
        keys: list[bytes] = []
        marks: list[int] = []  # byte offset in the blob where sampled term i * STEP starts
        index = 0  # number of the term starting at `start`
        start = 0
        done = 0
        pending = b""  # bytes of the chunk before, from the last term start
        while done < length:
            chunk = pending + file.bytes_at(at + done, min(self.CHUNK, length - done))
            base = done - len(pending)
            done += len(chunk) - len(pending)
            # the terms ending in this chunk: numbers index.., ending at each separator
            ends = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == _SEP_BYTE[0])
            if ends.size:
                begins = np.concatenate(([start - base], ends[:-1] + 1))
                picked = np.arange((-index) % self.STEP, ends.size, self.STEP)
                for b, e in zip(begins[picked].tolist(), ends[picked].tolist(), strict=True):
                    keys.append(chunk[b:e])
                    marks.append(base + b)
                index += ends.size
                start = base + int(ends[-1]) + 1
            pending = chunk[start - base :]
        if size and index % self.STEP == 0:  # the last term ends at the blob's end
            keys.append(pending)
            marks.append(start)
        if size and index + 1 != size:
            raise ValueError("vocabulary does not hold one term per list")
        marks.append(length + 1)  # where a term after the last would start
        self._keys, self._marks = keys, marks

    def _find(self, term: str) -> int:
        key = term.encode("utf-8", "surrogatepass")
        i = bisect_right(self._keys, key) - 1
        if i < 0:
            return -1
        lo, hi = self._marks[i], self._marks[i + 1] - 1
        block = self._file.bytes_at(self._at + lo, hi - lo).split(_SEP_BYTE)
        j = bisect_left(block, key)
        return i * self.STEP + j if j < len(block) and block[j] == key else -1

    @property
    def blob(self) -> bytes:
        return self._file.bytes_at(self._at, self._length) if self._length else b""

    def whole(self) -> Vocabulary:
        """The same terms held in memory (what a merge works on)."""
        return Vocabulary(self.blob)

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def terms_bytes(self) -> list[bytes]:
        return self.whole().terms_bytes()

    def merged(self, other: Vocabulary) -> tuple[Vocabulary, IntArray, IntArray]:
        return self.whole().merged(other)

    def select(self, keep: npt.NDArray[np.bool_]) -> Vocabulary:
        return self.whole().select(keep)


def read(db: Path, generation: str, n_docs: int) -> TermCounts | None:
    """The counts in `generation`'s file, mapped, with a `PostingsFile` over the same file
    for serving; None if it is missing or does not fit."""
    path = path_of(db, generation)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size < HEADER_BYTES:
                return None
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (FileNotFoundError, ValueError, OSError):
        return None
    try:
        head = bytes(mapped[:HEADER_BYTES])
        if not head.startswith(MAGIC):
            return None
        header: dict[str, Any] = json.loads(head[len(MAGIC) :].split(b"\n", 1)[0])
        if header.get("generation") != generation or header.get("passages") != n_docs:
            return None
        arrays = header["arrays"]
        if any(start + length > size for start, length in arrays.values()):
            return None
        parts: dict[str, npt.NDArray[Any]] = {}
        for name, fixed in _ARRAYS:
            dtype = fixed or _TF_TYPES[header["tf"]]
            start, length = arrays[name]
            count = length // np.dtype(dtype).itemsize
            parts[name] = np.frombuffer(mapped, dtype=dtype, count=count, offset=start)
    except (ValueError, KeyError, TypeError):
        return None
    # Shapes are checked; contents are trusted (a file of this name was written whole and
    # synced before the rename), since scanning them would read every page at start-up.
    ptr, doc_ids, tf, lengths = (parts[name] for name, _ in _ARRAYS)
    if int(ptr[-1]) != len(doc_ids) or len(tf) != len(doc_ids) or len(lengths) != n_docs:
        return None
    _let_go(mapped, *arrays["ptr"])  # the check above read its last page
    mean = header.get("mean_raw_idf")  # absent from files written before it was recorded
    try:
        file = PostingsFile(
            path, arrays, _TF_TYPES[header["tf"]], None if mean is None else float(mean)
        )
        start, length = arrays["vocabulary"]
        vocabulary = FileVocabulary(file, start, length, len(ptr) - 1)
    except (OSError, ValueError):
        return None
    return TermCounts(vocabulary, ptr, doc_ids, tf, lengths, file=file)


def _let_go(mapped: mmap.mmap, start: int, length: int) -> None:
    """Drop the whole pages of [start, start + length) from this process's resident set; the
    kernel keeps them cached and maps them again if they are read."""
    first = -(-start // mmap.PAGESIZE) * mmap.PAGESIZE
    end = (start + length) // mmap.PAGESIZE * mmap.PAGESIZE
    if end > first and hasattr(mmap, "MADV_DONTNEED"):
        with contextlib.suppress(OSError):
            mapped.madvise(mmap.MADV_DONTNEED, first, end - first)


def remove_others(db: Path, keep: str) -> None:
    """Delete the snapshot files of other generations, and temporary files left by a writer
    that died. A process that mapped a deleted file keeps it until it lets go of it; one
    about to commit the file of another generation (a rare race: reloads take turns) then
    finds it missing and counts again."""
    folder = directory(db)
    if not folder.is_dir():
        return
    now = time.time()
    for entry in folder.iterdir():
        with contextlib.suppress(FileNotFoundError):
            other = entry.suffix == ".counts" and entry.name != f"{keep}.counts"
            abandoned = entry.suffix == ".tmp" and now - entry.stat().st_mtime > STALE_SECONDS
            if other or abandoned:
                entry.unlink()
