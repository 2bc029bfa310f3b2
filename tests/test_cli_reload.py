"""`studybot reload` run as admins run it: in processes that can be killed or run at once."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SPEECH

QUANTUM_QUESTION = "量子纠缠实验编号"


def environment(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYBOT_", "TELEGRAM_"))}
    return {**env, "STUDYBOT_DB": str(db)}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", *args]


def studybot(*args: str, db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        input=stdin,
        capture_output=True,
        text=True,
        env=environment(db),
        cwd=db.parent,
        timeout=120,
    )


def add_documents(folder: Path, count: int) -> None:
    """Documents made of the bundled speech's paragraphs in a seeded order (~6,000
    characters each), each with a sentence only it has."""
    lines = SPEECH.read_text(encoding="utf-8").splitlines()
    rng = random.Random(7)
    for k in range(count):
        body = lines[1:]
        rng.shuffle(body)
        unique = f"第{k}号文件规定，量子纠缠实验编号{k}必须登记备案。"
        text = "\n".join([f"学习材料第{k}号", unique, *body])
        (folder / f"material-{k:02d}.txt").write_text(text, encoding="utf-8")


def reloading(lock: Path) -> bool:
    """Whether a reload holds the database's reload lock now."""
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return True
        raise
    finally:
        os.close(fd)  # also releases the lock if we got it
    return False


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def sizes(db: Path) -> tuple[int, ...]:
    """Sizes of the database file and its write-ahead log (absent after a clean close)."""
    files = (db, db.with_name(db.name + "-wal"))
    return tuple(f.stat().st_size if f.exists() else 0 for f in files)


def cpu_seconds(pid: int) -> float:
    """CPU time a running process has used (Linux /proc), user and system."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kill_reload(corpus_dir: Path, db: Path, moment: str) -> tuple[int, bool]:
    """Start `studybot reload` and SIGKILL it while it reads and segments (it holds the
    reload lock and is busy, and has written nothing) or while it writes (the database file
    has grown); the process's return code, and whether the database files were as before
    when the kill was sent."""
    before = sizes(db)
    lock = db.with_name(db.name + "-reload.lock")
    process = subprocess.Popen(
        command("reload", "--corpus", str(corpus_dir)),
        env=environment(db),
        cwd=db.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: reloading(lock) or process.poll() is not None)
        if moment == "segmenting" and process.poll() is None:
            # a fifth of a second of work after taking the lock: reading and segmenting
            # 240,000 characters take several times that
            started = cpu_seconds(process.pid)
            wait_for(lambda: process.poll() is not None or cpu_seconds(process.pid) > started + 0.2)
        elif moment == "writing":
            wait_for(lambda: sizes(db) != before or process.poll() is not None)
        untouched = sizes(db) == before
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    return process.returncode, untouched


def check_consistent(db: Path, expected: set[str]) -> None:
    """The store is intact and holds either the old corpus or the new one, whole."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = {doc for (doc,) in conn.execute("SELECT doc FROM documents")}
        assert docs in ({SPEECH.name}, expected)
        empty = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM passages p WHERE p.document_id = d.id)"
        ).fetchone()
        assert empty == (0,)


def test_a_reload_killed_midway_leaves_a_store_the_next_start_can_use(
    tmp_path: Path, corpus_dir: Path
) -> None:
    db = tmp_path / "studybot.db"
    lock = tmp_path / "studybot.db-reload.lock"
    first = studybot("index", "--corpus", str(corpus_dir), db=db)
    assert first.returncode == 0, first.stderr
    add_documents(corpus_dir, 40)  # ~240,000 characters: a reload of a second or more
    expected = {p.name for p in corpus_dir.iterdir()}

    # Killed while segmenting: it had not finished, and had written nothing when the kill
    # was sent; the store is the old one, byte for byte as long.
    before = sizes(db)
    returncode, untouched = kill_reload(corpus_dir, db, "segmenting")
    assert returncode == -signal.SIGKILL and untouched
    assert sizes(db) == before
    check_consistent(db, {SPEECH.name})
    # Then (watching the database file grow) while writing.
    kill_reload(corpus_dir, db, "writing")  # it may just have finished: either is fine
    check_consistent(db, expected)

    # The next start finds the store usable, brings it up to date and answers.
    questions = ["家属应该做什么？", f"{QUANTUM_QUESTION}7", "今天股市行情如何"]
    run = studybot(
        "search", "--json", "--corpus", str(corpus_dir), "-", db=db, stdin="\n".join(questions)
    )
    assert run.returncode == 0, run.stderr
    family, quantum, stocks = (json.loads(line) for line in run.stdout.splitlines())
    assert family["results"][0]["text"] in SPEECH.read_text(encoding="utf-8")
    assert quantum["results"][0]["doc"] == "material-07.txt"
    assert stocks["results"] == []
    check_consistent(db, expected)
    docs = studybot("docs", "--corpus", str(corpus_dir), db=db)
    assert docs.returncode == 0, docs.stderr
    assert len(docs.stdout.splitlines()) == len(expected)
    assert not reloading(lock)


def test_two_reload_commands_at_once_both_finish_with_the_right_store(
    tmp_path: Path, corpus_dir: Path
) -> None:
    db = tmp_path / "studybot.db"
    assert studybot("index", "--corpus", str(corpus_dir), db=db).returncode == 0
    add_documents(corpus_dir, 10)
    processes = [
        subprocess.Popen(
            command("reload", "--corpus", str(corpus_dir)),
            env=environment(db),
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    # One of them indexed the new documents; the other, waiting its turn, found nothing to do.
    summaries = sorted(out for out, _ in outputs)
    assert "0 added" in summaries[0] and "10 added" in summaries[1]
    assert all("11 documents" in out for out, _ in outputs)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (11,)
