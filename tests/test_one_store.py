"""One store that knows its folder, wherever and however StudyBot is started (issue 11).

Run from outside, as an organiser would: `studybot` commands in their own processes, from
different working directories, and `studybot run` against the Bot API stand-in.
"""

from __future__ import annotations

import asyncio
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from bot import settings as settings_module
from bot.settings import Settings
from tests.bot_harness import ADMIN, TOKEN, USER, USERNAME, clean_env, harness, populate
from tests.botapi import BotApiServer
from tests.conftest import SPEECH

QUESTIONS = SPEECH.parent / "questions.jsonl"


def studybot(
    *args: str, cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=clean_env(**env),
        cwd=cwd,
        timeout=120,
    )


TOPICS = [
    "乡村振兴",
    "生态环保",
    "安全生产",
    "科技创新",
    "教师培训",
    "医疗保障",
    "文物保护",
    "社区治理",
]


def material(k: int) -> str:
    """A document of its own: only it answers f"{TOPICS[k]}有什么要求？"."""
    return (
        f"学习材料第{k}号\n一、总体要求\n关于{TOPICS[k]}，各单位要压实{TOPICS[k]}工作责任。\n"
        f"二、工作安排\n第{k}批次的记录由专人保管，每季度核对一次。\n"
    )


def write_materials(folder: Path, numbers: range) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k in numbers:
        (folder / f"material-{k}.txt").write_text(material(k), encoding="utf-8")


def listed(docs: subprocess.CompletedProcess[str]) -> list[str]:
    assert docs.returncode == 0, docs.stderr
    return [line.split("\t")[0] for line in docs.stdout.splitlines()]


async def test_run_after_a_reload_from_a_folder_keeps_every_document(tmp_path: Path) -> None:
    folder = tmp_path / "mycorpus"
    write_materials(folder, range(8))
    home = str(tmp_path / "home")
    reload = studybot("reload", "--corpus", str(folder), cwd=tmp_path / "a", STUDYBOT_HOME=home)
    assert reload.returncode == 0 and "8 added" in reload.stdout, reload.stderr
    async with BotApiServer(token=TOKEN, username=USERNAME) as api:
        populate(api)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            env=clean_env(
                TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.root, STUDYBOT_HOME=home
            ),
            cwd=tmp_path,  # another working directory, no STUDYBOT_CORPUS_DIR
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await api.send_text(USER, USER, f"{TOPICS[5]}有什么要求？")
            reply = await api.wait_for_reply(USER, timeout=60)
            assert "学习材料第5号" in reply.plain
        finally:
            process.terminate()
            output, _ = await asyncio.wait_for(process.communicate(), 30)
        assert "removed" not in output.decode().replace("0 removed", "")
        api.assert_nothing_rejected()
    docs = studybot("docs", cwd=tmp_path / "b", STUDYBOT_HOME=home)  # no --corpus, elsewhere
    assert listed(docs) == [f"material-{k}.txt" for k in range(8)]


def test_a_folder_other_than_the_stores_is_refused_and_nothing_is_lost(tmp_path: Path) -> None:
    folder = tmp_path / "mycorpus"
    write_materials(folder, range(3))
    db = str(tmp_path / "s.db")
    assert studybot("reload", "--corpus", str(folder), cwd=tmp_path, STUDYBOT_DB=db).returncode == 0
    other = str(SPEECH.parent)
    run = studybot(
        "run",
        cwd=tmp_path,
        STUDYBOT_DB=db,
        STUDYBOT_CORPUS_DIR=other,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL="http://127.0.0.1:9",  # never reached
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"holds 3 document(s) from the corpus folder {folder}" in run.stderr
    assert "unset STUDYBOT_CORPUS_DIR" in run.stderr
    assert f"studybot reload --corpus {other}" in run.stderr
    ask = studybot("ask", "家属应该做什么", "--corpus", other, cwd=tmp_path, STUDYBOT_DB=db)
    assert ask.returncode == 2 and "leave out --corpus" in ask.stderr
    quiz = studybot("quiz", "2", "--seed", "1", cwd=tmp_path, STUDYBOT_DB=db)
    assert quiz.returncode == 0 and "学习材料第" in quiz.stdout  # the store's folder
    docs = studybot("docs", cwd=tmp_path, STUDYBOT_DB=db)
    assert listed(docs) == [f"material-{k}.txt" for k in range(3)]


def test_switching_folders_says_what_it_removes_and_asks(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_materials(first, range(3))
    write_materials(second, range(2, 4))  # material-2.txt is in both
    env = {"STUDYBOT_DB": str(tmp_path / "s.db")}
    assert studybot("reload", "--corpus", str(first), cwd=tmp_path, **env).returncode == 0

    def at_terminal(answer: bytes) -> subprocess.CompletedProcess[str]:
        """`studybot reload --corpus second` with a terminal for stdin, answered `answer`."""
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "reload", "--corpus", str(second)],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(**env),
            cwd=tmp_path,
        )
        os.close(follower)
        os.write(leader, answer)
        out, err = process.communicate(timeout=120)
        os.close(leader)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)

    declined = at_terminal(b"n\n")
    assert declined.returncode == 2
    assert "removes 2 of them (material-0.txt, material-1.txt)" in declined.stderr
    assert "switch? [y/N]" in declined.stderr and "nothing was changed" in declined.stderr
    assert listed(studybot("docs", cwd=tmp_path, **env)) == [f"material-{k}.txt" for k in range(3)]
    agreed = at_terminal(b"y\n")
    assert agreed.returncode == 0, agreed.stderr
    assert "1 added" in agreed.stdout and "2 removed" in agreed.stdout
    assert listed(studybot("docs", cwd=tmp_path, **env)) == ["material-2.txt", "material-3.txt"]
    # from now on the new folder is the store's: no --corpus needed, the old one refused
    back = studybot("docs", "--corpus", str(first), cwd=tmp_path, **env)
    assert back.returncode == 2 and str(second) in back.stderr


def test_the_default_database_is_the_same_from_any_working_directory(tmp_path: Path) -> None:
    if settings_module.LEGACY_DB.exists():
        pytest.skip("this checkout has a data/studybot.db, which is used before the default")
    data = tmp_path / "xdg"
    folder = tmp_path / "mycorpus"
    write_materials(folder, range(2))
    reload = studybot(
        "reload", "--corpus", str(folder), cwd=tmp_path / "one", XDG_DATA_HOME=str(data)
    )
    assert reload.returncode == 0, reload.stderr
    assert (data / "studybot" / "studybot.db").is_file()
    assert not (tmp_path / "one" / "data").exists()
    docs = studybot("docs", cwd=tmp_path / "two", XDG_DATA_HOME=str(data))
    assert listed(docs) == ["material-0.txt", "material-1.txt"]
    ask = studybot("ask", f"{TOPICS[1]}有什么要求", cwd=tmp_path / "two", XDG_DATA_HOME=str(data))
    assert ask.returncode == 0 and "学习材料第1号" in ask.stdout


def test_a_database_in_its_old_place_keeps_working_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STUDYBOT_HOME", raising=False)
    monkeypatch.delenv("STUDYBOT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    legacy = tmp_path / "project" / "data" / "studybot.db"
    monkeypatch.setattr(settings_module, "LEGACY_DB", legacy)
    fresh = Settings(_env_file=None)
    assert fresh.db == tmp_path / "xdg" / "studybot" / "studybot.db"
    assert fresh.legacy_note() is None
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"")
    old = Settings(_env_file=None)
    assert old.db == legacy and old.db_origin == "legacy"
    note = old.legacy_note()
    assert note is not None and str(legacy) in note and "STUDYBOT_DB" in note
    home = Settings(_env_file=None, STUDYBOT_HOME=str(tmp_path / "h"))
    assert home.db == tmp_path / "h" / "studybot.db"  # a setting wins over the old place


def speech_copies(folder: Path) -> None:
    """The bundled speech, a copy of it in GB18030 with Windows line ends under another
    name, and an excerpt of it under its own title."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SPEECH.read_text(encoding="utf-8")
    (folder / SPEECH.name).write_text(text, encoding="utf-8")
    (folder / "speech-copy.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    lines = [line for line in text.splitlines() if line.strip()]
    excerpt = "\n".join(["廉政谈话讲话（节选）", *lines[8:14]])
    (folder / "excerpt.txt").write_text(excerpt, encoding="utf-8")


def test_copies_of_a_document_are_indexed_once_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    speech_copies(folder)
    env = {"STUDYBOT_DB": str(tmp_path / "s.db")}
    reload = studybot("reload", "--corpus", str(folder), cwd=tmp_path, **env)
    assert reload.returncode == 0, reload.stderr
    assert "1 added" in reload.stdout and "2 duplicate(s)" in reload.stdout
    assert f"duplicate: speech-copy.txt has the same text as {SPEECH.name}" in reload.stdout
    assert f"duplicate: excerpt.txt is contained in {SPEECH.name}" in reload.stdout
    assert listed(studybot("docs", cwd=tmp_path, **env)) == [SPEECH.name]
    questions = [json.loads(line)["q"] for line in QUESTIONS.read_text().splitlines()]
    search = studybot("search", "--json", "-", stdin="\n".join(questions[:40]), cwd=tmp_path, **env)
    assert search.returncode == 0, search.stderr
    answered = 0
    for line in search.stdout.splitlines():
        results = json.loads(line)["results"]
        texts = [r["text"] for r in results]
        assert len(texts) == len(set(texts))  # never the same passage twice
        assert {r["doc"] for r in results} <= {SPEECH.name}
        answered += bool(results)
    assert answered >= 30


async def test_the_bots_reload_names_duplicates_and_answers_each_passage_once(
    tmp_path: Path,
) -> None:
    async with harness(tmp_path) as h:
        speech_copies(h.corpus)
        await h.api.send_text(ADMIN, ADMIN, "/reload")
        progress = await h.api.wait_for_reply(ADMIN)
        done = await h.api.wait_for(
            lambda: "重复 2 份" in progress.plain and progress, what="reload summary"
        )
        assert f"speech-copy.txt 与 {SPEECH.name} 内容相同" in done.plain
        assert f"excerpt.txt 的内容已包含在 {SPEECH.name} 中" in done.plain
        assert "现有 1 份资料" in done.plain
        await h.api.send_text(USER, USER, "家属应该做什么？")
        reply = await h.api.wait_for_reply(USER)
        assert "三要树立良好家风" in reply.plain and "节选" not in reply.plain
        h.api.assert_nothing_rejected()


async def test_starting_the_bot_removes_no_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_materials(corpus, range(2))
    env = {"STUDYBOT_DB": str(tmp_path / "bot.db")}  # the harness's database
    assert studybot("reload", "--corpus", str(corpus), cwd=tmp_path, **env).returncode == 0
    (corpus / "material-1.txt").unlink()
    async with harness(tmp_path) as h:
        await h.api.send_text(USER, USER, f"{TOPICS[1]}有什么要求？")
        assert "学习材料第1号" in (await h.api.wait_for_reply(USER)).plain  # kept at start
        await h.api.send_text(ADMIN, ADMIN, "/reload")  # removing is asked for
        progress = await h.api.wait_for_reply(ADMIN)
        await h.api.wait_for(lambda: "删除 1" in progress.plain, what="reload summary")
        await h.api.send_text(USER, USER, f"{TOPICS[1]}有什么要求？")
        assert "学习材料第1号" not in (await h.api.wait_for_reply(USER)).plain
        h.api.assert_nothing_rejected()


def test_doctor_flags_every_mismatch_and_settings_error_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "mycorpus"
    write_materials(folder, range(3))
    assert (
        studybot("reload", "--corpus", str(folder), cwd=tmp_path, STUDYBOT_DB="s.db").returncode
        == 0
    )
    (folder / "material-0.txt").unlink()
    (folder / "material-1.txt").write_text(material(1) + "补充一段。\n", encoding="utf-8")
    (folder / "copy.txt").write_text(material(2), encoding="utf-8")
    (folder / "material-3.txt").write_text(material(3), encoding="utf-8")
    doctor = studybot(
        "doctor",
        cwd=tmp_path,
        STUDYBOT_DB="s.db",  # relative: another folder would mean another database
        STUDYBOT_CORPUS_DIR=str(SPEECH.parent),
        STUDYBOT_TIMEZONE="Mars/Olympus",
        TELEGRAM_BOT_TOKEN=TOKEN,
        STUDYBOT_ADMIN_IDS="42",
    )
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr
    fixes = [line for line in doctor.stdout.splitlines() if line.startswith("FIX")]
    assert any("STUDYBOT_TIMEZONE" in f for f in fixes)
    assert any("STUDYBOT_DB is a relative path" in f for f in fixes)
    assert any(f"STUDYBOT_CORPUS_DIR is {SPEECH.parent}" in f and str(folder) in f for f in fixes)
    differ = next(f for f in fixes if "differ" in f)
    assert "1 in the store are no longer in the folder (material-0.txt)" in differ
    assert "1 in the folder are not in the store (material-3.txt)" in differ
    assert "1 changed since the last reload (material-1.txt)" in differ
    assert "duplicate: copy.txt has the same text as material-2.txt" in doctor.stdout
    assert len(fixes) == 4
