"""`studybot quiz --json N`, run as an admin runs it before a study session."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import CORPUS, studybot


def right_options(question: dict[str, object]) -> list[int]:
    """Which options are right, judged from the source alone: a cloze option is right when
    putting it in the blank gives the sentence as it stands in the passage; a section option
    when it is a heading on the passage's section path."""
    options = question["options"]
    assert isinstance(options, list)
    prompt, passage, section = question["prompt"], question["passage"], question["section"]
    assert isinstance(prompt, str) and isinstance(passage, str) and isinstance(section, list)
    if question["kind"] == "cloze":
        body = prompt.split("\n", 1)[1]
        return [i for i, o in enumerate(options) if body.replace("（____）", o) in passage]
    return [i for i, o in enumerate(options) if o in section]


def test_two_hundred_questions_each_with_one_right_and_hidden_answer(tmp_path: Path) -> None:
    run = studybot(
        "quiz", "--json", "200", "--seed", "7", "--corpus", str(CORPUS), db=tmp_path / "q.db"
    )
    assert run.returncode == 0, run.stderr
    questions = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(questions) == 200
    for q in questions:
        assert set(q) >= {"kind", "prompt", "options", "answer_index", "passage", "doc", "section"}
        assert len(q["options"]) == 4 and len(set(q["options"])) == 4
        assert right_options(q) == [q["answer_index"]]
        assert q["options"][q["answer_index"]] not in q["prompt"]
        assert q["sentence"] in q["passage"] and q["doc"] == "lianzheng-tanhua-jiating-zhulian.txt"
    assert {q["kind"] for q in questions} == {"cloze", "section"}
    again = studybot(
        "quiz", "--json", "200", "--seed", "7", "--corpus", str(CORPUS), db=tmp_path / "q.db"
    )
    assert again.stdout == run.stdout  # the same seed, the same questions


def test_asking_for_more_questions_than_the_corpus_has_says_so(tmp_path: Path) -> None:
    run = studybot("quiz", "5000", "--json", "--seed", "3", db=tmp_path / "q.db")
    assert run.returncode == 0, run.stderr
    made = len(run.stdout.splitlines())
    assert 0 < made < 5000 and f"only {made} of 5000" in run.stderr
    refused = studybot("quiz", "0", db=tmp_path / "q.db")
    assert refused.returncode == 2 and "at least 1" in refused.stderr
