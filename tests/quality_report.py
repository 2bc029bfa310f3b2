"""The README's per-set quality table, and each question's outcome for comparing versions.

    .venv/bin/python -m tests.quality_report [--json OUT] [--ranking FOLD] [SET_OR_FOLDER ...]

With no set named: every set under tests/data/corpora and ../shared/realdev. Each set is
indexed as tests/test_quality.py indexes it and answered beside plain BM25, two sets at a
time. Prints one table row per system per set, then the totals; `--json` also writes each
question's first relevant rank, so two versions' files can be compared question by question.
`--ranking` answers with the `Ranking` fields of a fold file `tests.fit_ranking --out` wrote,
on its sets unless sets are named: a fit judged on the sets it never saw, by the whole pipeline.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from retrieval.corpus import read_document
from retrieval.evaluate import (
    baseline,
    file_matcher,
    gold_judge,
    load_questions,
    section_matches,
)
from retrieval.model import Passage
from retrieval.search import DEFAULT_RANKING, Ranking, answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "data" / "corpora"
REALDEV = ROOT.parent / "shared" / "realdev"
Outcome = dict[str, object]


def folder_of(name: str) -> Path:
    if name == "realdev":
        return REALDEV
    return Path(name) if Path(name).is_dir() else CORPORA / name


def outcomes(
    name: str, ranking: Ranking = DEFAULT_RANKING
) -> tuple[str, list[Outcome], list[Outcome]]:
    """Each question's outcome with StudyBot and with plain BM25 on one set."""
    segmenter = default_segmenter()
    folder = folder_of(name)
    docs = folder / "docs"
    documents = [
        read_document(p.name, p.read_bytes()) for p in sorted(docs.iterdir()) if p.is_file()
    ]
    index = index_of(documents, segmenter)
    questions = load_questions(folder / "questions.jsonl")
    judge, same = gold_judge(docs), file_matcher(docs)

    def outcome_of(rank: Callable[[str], Sequence[Passage]]) -> list[Outcome]:
        rows: list[Outcome] = []
        for q in questions:
            shown = rank(q.q)[:5]
            hits = [i for i, p in enumerate(shown, 1) if q.relevant and judge(p, q)]
            first = hits[0] if hits else None
            top = shown[0] if shown else None
            rows.append(
                {
                    "q": q.q,
                    "out_of_scope": not q.relevant,
                    "first": first,
                    "shown": len(shown),
                    "right_doc": top is not None and (q.doc is None or same(top.doc, q.doc)),
                    "right_section": first == 1
                    and top is not None
                    and (q.section is None or section_matches(top, q.section)),
                }
            )
        return rows

    ours = outcome_of(
        lambda text: [h.passage for h in answer(index, text, segmenter, ranking=ranking).hits]
    )
    return name, ours, outcome_of(baseline(index.passages))


def totals(rows: list[Outcome]) -> dict[str, float]:
    answerable = [r for r in rows if not r["out_of_scope"]]
    off = [r for r in rows if r["out_of_scope"]]
    firsts = [r["first"] for r in answerable]
    return {
        "answerable": len(answerable),
        "out_of_scope": len(off),
        "hit1": sum(f == 1 for f in firsts),
        "hit3": sum(isinstance(f, int) and f <= 3 for f in firsts),
        "rr": sum(1 / f for f in firsts if isinstance(f, int)),
        "doc": sum(bool(r["right_doc"]) for r in answerable),
        "section": sum(bool(r["right_section"]) for r in answerable),
        "abstained": sum(r["shown"] == 0 for r in off),
        "refused": sum(r["shown"] == 0 for r in answerable),
    }


def row(label: str, system: str, t: dict[str, float]) -> str:
    n = max(t["answerable"], 1)
    cells = [t["hit1"] / n, t["hit3"] / n, t["rr"] / n, t["doc"] / n, t["section"] / n]
    figures = " | ".join(f"{x:.3f}" for x in cells)
    abstained = f"{int(t['abstained'])}/{int(t['out_of_scope'])}"
    return f"| {label} | {system} | {figures} | {abstained} | {int(t['refused'])} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--json", type=Path, help="write each question's outcome here")
    parser.add_argument(
        "--ranking",
        type=Path,
        help="answer with these Ranking fields (a fold file of tests.fit_ranking --out: its "
        "sets are the ones run when none is named)",
    )
    args = parser.parse_args()
    fold = json.loads(args.ranking.read_text()) if args.ranking else {}
    ranking = Ranking(**fold["ranking"]) if fold else DEFAULT_RANKING
    names = args.sets or fold.get("sets") or sorted(p.name for p in CORPORA.iterdir() if p.is_dir())
    if not args.sets and not fold.get("sets") and REALDEV.is_dir():
        names = ["realdev", *names]
    with ProcessPoolExecutor(2) as pool:
        done = pool.map(outcomes, names, [ranking] * len(names))
        results = {name: (ours, base) for name, ours, base in done}
    grand = {"studybot": totals([]), "plain BM25": totals([])}
    for name in names:
        ours, base = results[name]
        mine = totals(ours)
        print(row(f"{name} ({mine['answerable']} + {mine['out_of_scope']})", "studybot", mine))
        print(row("", "plain BM25", totals(base)))
        for system, rows in (("studybot", ours), ("plain BM25", base)):
            grand[system] = {k: grand[system][k] + v for k, v in totals(rows).items()}
    for system, t in grand.items():
        print(row(f"all {len(names)} sets", system, t))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
