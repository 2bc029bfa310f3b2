"""`studybot doctor`: check the settings, the token's form, the database and the corpus, and
say what to fix. Never prints the token."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from pydantic import ValidationError

from bot.settings import BUNDLED_CORPUS, DB_NAME, Settings, user_home
from retrieval import corpus, inspection
from retrieval.duplicates import find_duplicates
from retrieval.ingest import SUFFIXES
from retrieval.inspection import StoredCorpus
from retrieval.model import Document


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
    """Every finding at once: settings, database location, database, and every mismatch
    between the settings, the store and the corpus folder."""
    state = inspection.stored_corpus(settings.db)
    folder = corpus_folder(settings, state)
    corpus_findings, documents, hashes = read_corpus(folder)
    duplicates = find_duplicates(documents, keep=state.documents.keys())
    return [
        check_token(settings),
        check_admins(settings),
        check_api(settings),
        check_webhook(settings),
        *check_location(settings),
        check_database(settings.db),
        *check_folder(settings, state),
        *corpus_findings,
        *(
            Finding(
                True,
                f"duplicate: {d.doc} {'has the same text as' if d.same else 'is contained in'}"
                f" {d.of}; indexed once, as {d.of}",
            )
            for d in duplicates
        ),
        *check_store_matches_folder(folder, state, {d.doc for d in duplicates}, hashes),
    ]


def health(settings: Settings) -> list[Finding]:
    """What a running bot needs from its machine, cheaply (it runs every minute): the
    database opens and the corpus folder lists documents. `check` reads them in full."""
    state = inspection.stored_corpus(settings.db)
    return [
        check_database(settings.db, thorough=False),
        *check_corpus(corpus_folder(settings, state), thorough=False),
    ]


def check_settings(exc: ValidationError) -> tuple[list[Finding], Settings | None]:
    """A finding for each invalid setting, and the settings with those at their defaults
    (None if that fails too), so that everything else can still be checked."""
    findings, fallback = [], {}
    fields = {f.alias: f for f in Settings.model_fields.values() if f.alias}
    for error in exc.errors():
        where = ".".join(map(str, error["loc"]))
        fix = "correct it in the environment or .env (see .env.example)"
        findings.append(Finding(False, f"{where}: {error['msg']}", fix))
        name = str(error["loc"][0]) if error["loc"] else ""
        if name in fields:
            fallback[name] = fields[name].get_default(call_default_factory=True)
    try:
        settings: Settings | None = Settings(**fallback)
    except ValidationError:
        settings = None
    return findings, settings


def corpus_folder(settings: Settings, state: StoredCorpus) -> Path:
    """The folder the bot would use: the store's, else the one set, else the bundled one.
    (A set folder that differs from the store's is refused: `check_folder` says so.)"""
    if state.folder is not None:
        return Path(state.folder)
    return settings.corpus_dir.expanduser() if settings.corpus_dir else BUNDLED_CORPUS


def check_location(settings: Settings) -> list[Finding]:
    """Where the database is and why; a path that depends on where a command is run."""
    db = settings.db
    origin = {
        "STUDYBOT_DB": "set by STUDYBOT_DB",
        "STUDYBOT_HOME": "in STUDYBOT_HOME",
        "legacy": "found in its old place beside the project",
        "default": "in the user data folder",
    }[settings.db_origin]
    findings = [Finding(True, f"database {db} ({origin})")]
    for name, value in (("STUDYBOT_DB", settings.db_setting), ("STUDYBOT_HOME", settings.home)):
        if value is not None and not value.expanduser().is_absolute():
            findings.append(
                Finding(
                    False,
                    f"{name} is a relative path ({value}): a command run in another folder"
                    " uses another database",
                    f"set {name} to an absolute path, e.g. {Path(value).resolve()}",
                )
            )
    if settings.db_setting is not None and settings.home is not None:
        findings.append(
            Finding(
                False,
                "both STUDYBOT_DB and STUDYBOT_HOME are set: STUDYBOT_HOME is ignored",
                "set only one of them",
            )
        )
    note = settings.legacy_note()
    if note:
        default = user_home() / DB_NAME
        findings.append(Finding(True, note))
        if default.exists():
            findings.append(
                Finding(
                    False,
                    f"a second database {default} exists but is not used",
                    "keep one: set STUDYBOT_DB to the one to use, or move the other away",
                )
            )
    return findings


def check_folder(settings: Settings, state: StoredCorpus) -> list[Finding]:
    """The store's folder against STUDYBOT_CORPUS_DIR and the disk."""
    if state.folder is None:
        return []
    findings = []
    named = settings.corpus_dir
    if named is not None and str(named.expanduser().resolve()) != state.folder:
        findings.append(
            Finding(
                False,
                f"STUDYBOT_CORPUS_DIR is {named.expanduser().resolve()}, but the store holds"
                f" {len(state.documents)} document(s) from {state.folder}: the bot refuses to"
                " start and commands refuse to run",
                f"unset STUDYBOT_CORPUS_DIR (or set it to {state.folder}), or switch the store"
                f" with `studybot reload --corpus {named.expanduser().resolve()}`",
            )
        )
    else:
        findings.append(Finding(True, f"the store's corpus folder is {state.folder}"))
    return findings


def check_store_matches_folder(
    folder: Path, state: StoredCorpus, duplicates: set[str], hashes: dict[str, str] | None
) -> list[Finding]:
    """Documents the store and the folder disagree about: what the next reload would do.
    `hashes` are those of the folder's files as `read_corpus` read them (None: no folder,
    which check_corpus reports); `duplicates` are not stored: their text is another's."""
    if not state.documents or hashes is None:
        return []
    gone = sorted(set(state.documents) - set(hashes))
    new = sorted(set(hashes) - set(state.documents) - duplicates)
    changed = sorted(d for d in hashes if d in state.documents and hashes[d] != state.documents[d])
    if not (gone or new or changed):
        return [Finding(True, f"the store holds every document of {folder}, as it is now")]

    def some(docs: list[str]) -> str:
        return ", ".join(docs[:5]) + (f" and {len(docs) - 5} more" if len(docs) > 5 else "")

    parts = [
        f"{len(gone)} in the store are no longer in the folder ({some(gone)})" if gone else "",
        f"{len(new)} in the folder are not in the store ({some(new)})" if new else "",
        f"{len(changed)} changed since the last reload ({some(changed)})" if changed else "",
    ]
    return [
        Finding(
            False,
            f"the store and {folder} differ: " + "; ".join(p for p in parts if p),
            "run `studybot reload` (or /reload) to bring the store in line"
            + (" (it removes the documents no longer in the folder)" if gone else ""),
        )
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
        found = inspection.health(path, thorough)
    except sqlite3.Error as exc:
        return Finding(
            False,
            f"database {path} cannot be read: {exc}",
            "restore it from a backup or move it away to start afresh",
        )
    if found.integrity != "ok":
        return Finding(
            False, f"database {path} is damaged: {found.integrity}", "restore it from a backup"
        )
    if not os.access(path, os.W_OK):
        return Finding(False, f"database {path} is read-only", f"chown or chmod {path}")
    return Finding(
        True, f"database {path}: schema {found.schema or 0}, {found.documents} document(s)"
    )


def check_corpus(folder: Path, thorough: bool = True) -> list[Finding]:
    return read_corpus(folder, thorough)[0]


def read_corpus(
    folder: Path, thorough: bool = True
) -> tuple[list[Finding], list[Document], dict[str, str] | None]:
    """What is wrong with the corpus folder, and (when `thorough`) its documents and the
    hashes of the files read; None for the hashes when the folder is not there."""
    try:
        files = corpus.scan(folder)
    except FileNotFoundError:
        return (
            [
                Finding(
                    False,
                    f"corpus folder {folder} does not exist",
                    "mount or restore it, or use another folder with"
                    " `studybot reload --corpus DIR`",
                )
            ],
            [],
            None,
        )
    if not any(f.readable for f in files):
        return (
            [
                Finding(
                    False,
                    f"corpus folder {folder} has no {'/'.join(SUFFIXES)} files",
                    "add documents, or send them to the bot as an admin",
                )
            ],
            [],
            {},
        )
    readable = sum(f.readable for f in files)
    if not thorough:
        return [Finding(True, f"corpus {folder}: {readable} document(s)")], [], None
    findings, documents, hashes = [], list[Document](), dict[str, str]()
    for read in corpus.read_files(files):  # as a reload reads them
        if read.info is not None:
            hashes[read.file.doc] = read.info.sha256
        if read.document is not None:
            documents.append(read.document)
        else:
            findings.append(
                Finding(
                    False,
                    f"corpus file cannot be read: {read.file.doc}：{read.reason}",
                    "fix or remove the file",
                )
            )
    passages = sum(len(d.passages) for d in documents)
    findings.insert(
        0, Finding(True, f"corpus {folder}: {readable} document(s), {passages} passage(s)")
    )
    return findings, documents, hashes
