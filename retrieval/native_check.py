"""Check that jieba-rs cuts (`retrieval.native`) as jieba does, word for word.

    python -m retrieval.native_check [--synthetic N] [FOLDER ...]

cuts every text indexing would cut — each passage's text and headings, folded, years in
digits — and each raw line, of the synthetic corpus (`bench.synthetic_corpus(N)`, 100,000
paragraphs by default), the bundled corpus and the given folders (tests/data/corpora/*/docs
by default), with jieba and with the native cut, and prints every text they cut differently.
Exit status 1 when any differs, 2 when rjieba is not installed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from retrieval import bench, corpus
from retrieval.dates import digit_years
from retrieval.normalize import fold
from retrieval.segment import Segmenter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = (ROOT / "corpus", *sorted((ROOT / "tests/data/corpora").glob("*/docs")))


@dataclass(frozen=True)
class Difference:
    text: str
    jieba: tuple[str, ...]
    native: tuple[str, ...]


def folder_texts(folder: Path) -> Iterator[str]:
    """Every line of the folder's documents and what indexing cuts of their passages."""
    for read in corpus.read_files(corpus.scan(folder)):
        if read.document is None:
            continue
        for passage in read.document.passages:
            yield passage.text
            yield from passage.section
    for file in corpus.scan(folder):
        if file.path.suffix in (".txt", ".md"):
            yield from file.path.read_text(encoding="utf-8", errors="replace").splitlines()


def synthetic_texts(n: int, seed: int = 0) -> list[str]:
    """The paragraphs of `bench.write_corpus_dir(path, n)`, and its files' titles."""
    return [bench.paragraph(p) for p in bench.synthetic_corpus(n, seed)] + [
        f"合成语料 第{i}部分" for i in range(1, n // 100 + 2)
    ]


def indexed_forms(texts: Iterable[str]) -> list[str]:
    """Each text as indexing cuts it (folded, years in digits) and as written, once each."""
    return list(dict.fromkeys(form for t in texts for form in (fold(digit_years(t)), t) if form))


def differences(texts: Sequence[str]) -> list[Difference]:
    """The texts `Segmenter.words` cuts otherwise with jieba-rs than with jieba."""
    jieba, native = Segmenter(), Segmenter()
    native.prepare_bulk()
    if native._native is None:
        raise RuntimeError("rjieba is not installed")
    found = []
    for text in texts:
        a, b = jieba.words(text), native.words(text)
        if a != b:
            found.append(Difference(text, tuple(w for w, _ in a), tuple(w for w, _ in b)))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--synthetic", type=int, default=100_000, metavar="N")
    parser.add_argument("--seed", type=int, default=0, help="of the synthetic corpus")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    texts = synthetic_texts(args.synthetic, args.seed)
    for folder in args.folders or DEFAULT_FOLDERS:
        texts.extend(folder_texts(folder))
    forms = indexed_forms(texts)
    try:
        found = differences(forms)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 2
    for d in found:
        print(f"{d.text!r}\n  jieba:  {' / '.join(d.jieba)}\n  native: {' / '.join(d.native)}")
    chars = sum(map(len, forms))
    print(
        f"{len(forms):,} texts ({chars:,} characters): {len(found)} cut otherwise;"
        f" {time.perf_counter() - started:.0f} s"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
