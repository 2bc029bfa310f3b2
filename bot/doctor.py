"""`studybot doctor`: check the settings, the token's form, the database and the corpus, and
say what to fix. Never prints the token."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bot.settings import Settings
from retrieval import corpus
from retrieval.ingest import SUFFIXES, DocumentError, check_type


@dataclass(frozen=True)
class Finding:
    ok: bool
    what: str
    fix: str = ""

    def line(self) -> str:
        return f"{'ok ' if self.ok else 'FIX'} {self.what}" + (
            f"\n    -> {self.fix}" if self.fix else ""
        )


def check(settings: Settings) -> list[Finding]:
    return [
        check_token(settings),
        check_admins(settings),
        check_api(settings),
        check_webhook(settings),
        check_database(settings.db),
        *check_corpus(settings.corpus_dir),
    ]


def health(settings: Settings) -> list[Finding]:
    """What a running bot needs from its machine, cheaply (it runs every minute): the
    database opens and the corpus folder lists documents. `check` reads them in full."""
    return [
        check_database(settings.db, thorough=False),
        *check_corpus(settings.corpus_dir, thorough=False),
    ]


def check_token(settings: Settings) -> Finding:
    problem = settings.token_problem()
    if problem:
        return Finding(False, problem, "set TELEGRAM_BOT_TOKEN in .env (see .env.example)")
    return Finding(True, "TELEGRAM_BOT_TOKEN is set and well-formed")


def check_admins(settings: Settings) -> Finding:
    if not settings.admin_ids:
        return Finding(
            False,
            "no admins: /reload, uploads and /stats are refused to everyone",
            "set STUDYBOT_ADMIN_IDS to numeric user ids (ask @userinfobot for yours)",
        )
    return Finding(True, f"{len(settings.admin_ids)} admin id(s)")


def check_api(settings: Settings) -> Finding:
    url = urlparse(settings.api_base_url)
    if url.scheme not in ("http", "https") or not url.netloc:
        return Finding(
            False,
            f"TELEGRAM_API_BASE_URL is not a URL: {settings.api_base_url!r}",
            "use e.g. https://api.telegram.org or http://127.0.0.1:8081",
        )
    return Finding(True, f"Bot API at {url.scheme}://{url.netloc}")


def check_webhook(settings: Settings) -> Finding:
    if not settings.webhook_url:
        return Finding(True, "long polling (no STUDYBOT_WEBHOOK_URL)")
    if not settings.webhook_url.startswith("https://"):
        return Finding(
            False, "STUDYBOT_WEBHOOK_URL must be https", "Telegram only calls https webhooks"
        )
    if settings.webhook_secret is None:
        return Finding(
            False,
            "webhook without STUDYBOT_WEBHOOK_SECRET",
            "set a random secret so only Telegram can post updates",
        )
    return Finding(True, f"webhook {settings.webhook_url}")


def check_database(path: Path, thorough: bool = True) -> Finding:
    folder = path.parent if str(path.parent) else Path(".")
    if not path.exists():
        if folder.exists() and not os.access(folder, os.W_OK):
            return Finding(
                False, f"cannot create {path}: folder not writable", f"chown or chmod {folder}"
            )
        return Finding(True, f"database {path} will be created on first start")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            integrity = db.execute("PRAGMA quick_check" if thorough else "SELECT 'ok'").fetchone()[
                0
            ]
            docs = db.execute("SELECT count(*) FROM documents").fetchone()[0] if version else 0
    except sqlite3.Error as exc:
        return Finding(
            False,
            f"database {path} cannot be read: {exc}",
            "restore it from a backup or move it away to start afresh",
        )
    if integrity != "ok":
        return Finding(
            False, f"database {path} is damaged: {integrity}", "restore it from a backup"
        )
    if not os.access(path, os.W_OK):
        return Finding(False, f"database {path} is read-only", f"chown or chmod {path}")
    return Finding(True, f"database {path}: schema {version}, {docs} document(s)")


def check_corpus(folder: Path, thorough: bool = True) -> list[Finding]:
    try:
        files = corpus.scan(folder)
    except FileNotFoundError:
        return [Finding(False, f"corpus folder {folder} does not exist", "set STUDYBOT_CORPUS_DIR")]
    if not any(f.readable for f in files):
        return [
            Finding(
                False,
                f"corpus folder {folder} has no {'/'.join(SUFFIXES)} files",
                "add documents, or send them to the bot as an admin",
            )
        ]
    readable = sum(f.readable for f in files)
    if not thorough:
        return [Finding(True, f"corpus {folder}: {readable} document(s)")]
    findings, passages = [], 0
    for file in files:
        try:
            check_type(file.doc)  # a .pdf is reported without being read, as reloads do
            passages += len(corpus.parse_file(file, file.path.read_bytes()).passages)
        except (DocumentError, OSError) as exc:
            findings.append(
                Finding(False, f"corpus file cannot be read: {exc}", "fix or remove the file")
            )
    findings.insert(
        0, Finding(True, f"corpus {folder}: {readable} document(s), {passages} passage(s)")
    )
    return findings
