"""Operating the bot: `studybot doctor`, `studybot chat`, and logs that never show the token."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

from bot import logs
from tests.bot_harness import SPEECH, TOKEN, clean_env


def run(
    *args: str, tmp_path: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environ = clean_env(**env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        timeout=120,
    )


def test_doctor_passes_a_good_setup_without_showing_the_token(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "speech.txt").write_bytes(SPEECH.read_bytes())
    result = run(
        "doctor",
        tmp_path=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        STUDYBOT_ADMIN_IDS="42",
        STUDYBOT_DB=str(tmp_path / "bot.db"),
        STUDYBOT_CORPUS_DIR=str(corpus),
    )
    assert result.returncode == 0, result.stdout
    assert "FIX" not in result.stdout and "25 passage(s)" in result.stdout
    assert TOKEN not in result.stdout + result.stderr


def test_doctor_says_what_to_fix(tmp_path: Path) -> None:
    (tmp_path / "bad.db").write_bytes(b"this is not a database" * 100)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = run(
        "doctor",
        tmp_path=tmp_path,
        TELEGRAM_BOT_TOKEN="12345:short",
        STUDYBOT_DB=str(tmp_path / "bad.db"),
        STUDYBOT_CORPUS_DIR=str(corpus),
        STUDYBOT_WEBHOOK_URL="http://example.org/hook",
    )
    assert result.returncode == 1
    fixes = [line for line in result.stdout.splitlines() if line.startswith("FIX")]
    assert any("does not look like a bot token" in f for f in fixes)
    assert any("no admins" in f for f in fixes)
    assert any("https" in f for f in fixes)
    assert any("bad.db" in f for f in fixes)
    assert any("broken.txt" in f for f in fixes)
    health = run(
        "doctor",
        "--health",
        tmp_path=tmp_path,
        STUDYBOT_DB=str(tmp_path / "bad.db"),
        STUDYBOT_CORPUS_DIR=str(corpus),
    )
    assert health.returncode == 1


def test_doctor_lists_every_invalid_setting(tmp_path: Path) -> None:
    result = run(
        "doctor", tmp_path=tmp_path, STUDYBOT_ADMIN_IDS="@alice", STUDYBOT_TIMEZONE="Mars/X"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    fixes = [line for line in result.stdout.splitlines() if line.startswith("FIX")]
    assert "STUDYBOT_ADMIN_IDS" in fixes[0] and "STUDYBOT_TIMEZONE" in fixes[1]
    # and everything else is checked too, with those two at their defaults
    assert any("TELEGRAM_BOT_TOKEN is not set" in f for f in fixes)
    assert "ok  corpus " in result.stdout and "ok  database " in result.stdout


def test_chat_answers_in_the_terminal(tmp_path: Path) -> None:
    result = run(
        "chat",
        tmp_path=tmp_path,
        stdin="家属应该做什么？\n/toc\n/quiz\n今天股市行情如何\n/quit\n",
        STUDYBOT_DB=str(tmp_path / "chat.db"),
    )
    assert result.returncode == 0, result.stderr
    assert "四、以警惕之心对待诱惑 › 三要树立良好家风" in result.stdout
    assert "《在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话》" in result.stdout
    assert "没有在资料中找到" in result.stdout and "/toc" in result.stdout
    assert "终端里没有 /quiz 命令" in result.stdout  # a command is not taken for a question


def test_logs_redact_the_token_in_text_and_json() -> None:
    for json_lines in (False, True):
        logs.configure(TOKEN, json_lines=json_lines)
        stream = io.StringIO()
        handler = logging.getLogger().handlers[0]
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(stream)
        logging.getLogger("telegram.ext").error(
            "POST https://api.telegram.org/bot%s/sendMessage failed", TOKEN
        )
        try:
            raise RuntimeError(f"url /bot{TOKEN}/getMe")
        except RuntimeError:
            logging.getLogger("x").exception("boom")
        output = stream.getvalue()
        assert TOKEN not in output and output.count("<token>") >= 2
    logging.basicConfig(force=True)


def test_doctor_names_what_to_do_with_each_unread_document(tmp_path: Path) -> None:
    from tests.pdfmaker import Block, make_pdf, make_scanned_pdf

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "speech.txt").write_bytes(SPEECH.read_bytes())
    (corpus / "讲话.wps").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    (corpus / "旧通知.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    (corpus / "扫描件.pdf").write_bytes(make_scanned_pdf())
    (corpus / "通知.pdf").write_bytes(
        make_pdf([Block("关于学习的通知", "title"), Block("各单位要认真组织学习。")])
    )
    result = run(
        "doctor",
        tmp_path=tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        STUDYBOT_ADMIN_IDS="42",
        STUDYBOT_DB=str(tmp_path / "bot.db"),
        STUDYBOT_CORPUS_DIR=str(corpus),
    )
    assert result.returncode == 1
    fixes = [line for line in result.stdout.splitlines() if line.startswith("FIX")]
    assert len(fixes) == 3, result.stdout
    assert any("讲话.wps" in f and "用 WPS 打开后另存为 .docx" in f for f in fixes)
    assert any("旧通知.doc" in f and "另存为 .docx" in f for f in fixes)
    assert any("扫描件.pdf" in f and "没有文字层" in f for f in fixes)
    assert "3 document(s), 26 passage(s)" in result.stdout  # the text PDF is read
