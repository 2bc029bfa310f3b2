"""The `studybot` command, run as a user runs it: a subprocess with its own database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot_harness import clean_env

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FAMILY = ["四、以警惕之心对待诱惑", "三要树立良好家风"]


def studybot(
    *args: str, db: Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = clean_env(STUDYBOT_DB=str(db), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        cwd=db.parent,
        timeout=120,
    )


def test_search_json_reads_questions_from_stdin_in_order(tmp_path: Path) -> None:
    questions = [
        "家属应该做什么？",
        "今天股市行情如何",
        "",
        "家屬應該做什麼？",
        "<b>配偶</b>'; DROP TABLE x;--",
    ]
    run = studybot(
        "search",
        "--json",
        "--top-k",
        "5",
        "-",
        db=tmp_path / "s.db",
        stdin="\n".join(questions) + "\n",
    )
    assert run.returncode == 0, run.stderr
    objects = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["query"] for o in objects] == questions
    family, stocks, empty, traditional, hostile = objects
    assert 1 <= len(family["results"]) <= 5
    top = family["results"][0]
    assert set(top) == {"rank", "score", "doc", "title", "section", "paragraph", "text"}
    assert top["rank"] == 1 and top["section"][:2] == FAMILY
    assert top["title"] == "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话"
    assert top["text"] in (CORPUS / top["doc"]).read_text(encoding="utf-8")
    assert [r["rank"] for r in family["results"]] == list(range(1, len(family["results"]) + 1))
    assert stocks["results"] == [] and empty["results"] == []
    assert [r["text"] for r in traditional["results"]] == [r["text"] for r in family["results"]]
    assert hostile["results"] and hostile["results"][0]["section"][:2] == FAMILY


def test_ask_prints_place_and_marks_matches(tmp_path: Path) -> None:
    run = studybot("ask", "干部家属如何提醒配偶", db=tmp_path / "a.db")
    assert run.returncode == 0, run.stderr
    first = run.stdout.split("\n\n")[0]
    assert "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话" in first
    assert "四、以警惕之心对待诱惑 › 三要树立良好家风 › 要提醒好配偶 · 第 22 段" in first
    assert "【配偶】" in first


def test_ask_says_not_found_with_a_hint(tmp_path: Path) -> None:
    run = studybot("ask", "帮我写一首诗", db=tmp_path / "a.db")
    assert run.returncode == 0
    assert "没有在资料中找到" in run.stdout and "studybot docs" in run.stdout


def test_explain_shows_why_a_weak_match_is_not_an_answer(tmp_path: Path) -> None:
    run = studybot("explain", "八项规定具体有哪几条内容", db=tmp_path / "a.db")
    assert run.returncode == 0, run.stderr
    head, *rows = run.stdout.strip().split("\n✖ ")
    assert "八项规定(" in head and "阈值：覆盖率 ≥ 0.15" in head and "最关键的词：八项规定" in head
    assert rows and "✅" not in run.stdout  # candidates listed, none kept
    assert any("命中：内容" in row for row in rows)


def test_index_custom_corpus_then_search_it(tmp_path: Path) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    shutil.copy(CORPUS / "lianzheng-tanhua-jiating-zhulian.txt", corpus)
    (corpus / "党课.md").write_text(
        "# 关于学习贯彻的党课\n## 一、深刻领会精神实质\n"
        "要把学习成果转化为推动乡村振兴的实际行动。\n",
        encoding="utf-8",
    )
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    db = tmp_path / "c.db"
    run = studybot("index", "--corpus", str(corpus), db=db)
    assert run.returncode == 0, run.stderr
    assert "2 documents" in run.stdout
    assert "broken.txt" in run.stdout and "二进制" in run.stdout  # the index report
    run = studybot(
        "search", "--json", "乡村振兴怎么落实", db=db, env={"STUDYBOT_CORPUS_DIR": str(corpus)}
    )
    result = json.loads(run.stdout)["results"][0]
    assert result["doc"] == "党课.md" and result["title"] == "关于学习贯彻的党课"
    assert result["section"] == ["一、深刻领会精神实质"] and result["paragraph"] == 1
    docs = studybot("docs", "--corpus", str(corpus), db=db)
    assert "党课.md\t1 passages" in docs.stdout
    # the store remembers its folder: commands use it, and refuse another one
    assert "党课.md\t1 passages" in studybot("docs", db=db).stdout
    other = studybot("docs", "--corpus", str(CORPUS), db=db)
    assert other.returncode == 2 and str(corpus) in other.stderr and "reload" in other.stderr
    assert "党课.md" in studybot("docs", db=db).stdout
    refused = studybot("reload", "--corpus", str(CORPUS), db=db)  # no terminal to ask at
    assert refused.returncode == 2 and "removes 1 of them (党课.md)" in refused.stderr
    assert "--yes" in refused.stderr and "党课.md" in studybot("docs", db=db).stdout
    switched = studybot("reload", "--corpus", str(CORPUS), "--yes", db=db)
    assert switched.returncode == 0 and "1 removed" in switched.stdout
    assert "党课.md" not in studybot("docs", db=db).stdout


def test_missing_corpus_is_a_one_line_error(tmp_path: Path) -> None:
    run = studybot("ask", "家属", "--corpus", str(tmp_path / "nope"), db=tmp_path / "m.db")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_eval_reports_both_systems(tmp_path: Path) -> None:
    run = studybot("eval", db=tmp_path / "e.db")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    ours = next(ln for ln in lines if ln.startswith("studybot")).split()
    base = next(ln for ln in lines if ln.startswith("plain BM25")).split()
    assert float(ours[1]) > float(base[2])  # Hit@1 beats the baseline ("plain BM25" is two words)


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_with_empty_question(tmp_path: Path, question: str) -> None:
    run = studybot("ask", question, db=tmp_path / "q.db")
    assert run.returncode == 0 and "请直接输入" in run.stdout


CORPORA = ROOT / "tests" / "data" / "corpora"


def test_search_json_names_the_document_understood_and_keeps_to_it(tmp_path: Path) -> None:
    corpus = tmp_path / "reports"
    shutil.copytree(CORPORA / "reports_2014_2016" / "docs", corpus)
    db = tmp_path / "s.db"
    assert studybot("reload", "--corpus", str(corpus), "--yes", db=db).returncode == 0
    questions = ["15年那份报告里赤字率是多少？", "2019年政府工作报告的赤字率是多少", "赤字率"]
    out = studybot("search", "--json", "-", db=db, stdin="\n".join(questions) + "\n")
    assert out.returncode == 0, out.stderr
    named, missing, plain = (json.loads(line) for line in out.stdout.splitlines())
    assert named["understood"] == ["政府工作报告（2015年）"]
    assert named["results"] and {r["doc"] for r in named["results"]} == {
        "zhengfu_gongzuo_baogao_2015.txt"
    }
    assert set(named["results"][0]) >= {"rank", "score", "doc", "title", "section", "text"}
    assert missing["results"] == [] and missing["note"] == "资料库中没有2019年政府工作报告"
    assert "understood" not in plain and len({r["doc"] for r in plain["results"]}) > 1
    only = studybot("search", "--json", "--doc", "2016", "赤字率", db=db)
    assert {r["doc"] for r in json.loads(only.stdout)["results"]} == {
        "zhengfu_gongzuo_baogao_2016.txt"
    }
    nothing = studybot("search", "--doc", "没有这个文件", "赤字率", db=db)
    assert nothing.returncode == 2 and "no document matches" in nothing.stderr


def test_eval_on_a_many_document_corpus_reports_document_and_section(tmp_path: Path) -> None:
    corpus = tmp_path / "bundles"
    shutil.copytree(CORPORA / "study_bundles" / "docs", corpus)
    db = tmp_path / "e.db"
    assert studybot("reload", "--corpus", str(corpus), "--yes", db=db).returncode == 0
    questions = str(CORPORA / "study_bundles" / "questions.jsonl")
    out = studybot("eval", "--questions", questions, db=db)
    assert out.returncode == 0, out.stderr
    assert "doc@1" in out.stdout and "section@1" in out.stdout
    ours, base = (line.split() for line in out.stdout.splitlines()[-2:])
    assert ours[0] == "studybot" and float(ours[1]) > float(base[2])  # Hit@1 above BM25's


def test_eval_on_a_question_set_folder_finds_its_documents_in_docs(tmp_path: Path) -> None:
    # the layout of tests/data/corpora/ and ../shared/realdev/: questions.jsonl beside docs/,
    # indexed from the set's folder, so passages are docs/x.txt where questions say x.txt
    folder = tmp_path / "set"
    shutil.copytree(CORPORA / "reports_2014_2016" / "docs", folder / "docs")
    shutil.copy(CORPORA / "reports_2014_2016" / "questions.jsonl", folder)
    out = studybot("eval", "--corpus", str(folder), db=tmp_path / "e.db")
    assert out.returncode == 0, out.stderr
    ours = out.stdout.splitlines()[-2].split()
    assert float(ours[1]) > 0.9 and float(ours[4]) > 0.9  # Hit@1, right document


def test_a_passage_shown_only_as_the_closest_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "consumers"
    shutil.copytree(CORPORA / "consumer_markets_folder" / "docs", corpus)
    db = tmp_path / "c.db"
    assert studybot("reload", "--corpus", str(corpus), "--yes", db=db).returncode == 0
    question = "视频会员到期自动续费扣了钱，事先一点提醒都没有，这合规吗？"
    ask = studybot("ask", question, db=db)
    assert ask.returncode == 0, ask.stderr
    note, first, *rest = ask.stdout.strip().split("\n\n")
    assert note == "没有找到完全对应的段落，以下是最接近的一段：" and rest == []
    assert first.startswith("1. 中华人民共和国消费者权益保护法实施条例") and "【续费】" in first
    found = json.loads(studybot("search", "--json", question, db=db).stdout)
    assert found["note"] == note.rstrip("：") and len(found["results"]) == 1
    why = studybot("explain", question, db=db).stdout
    assert "作为最接近的一段显示" in why and "✅" not in why
