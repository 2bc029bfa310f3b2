"""Which corpus folder a command or the bot uses: the store's, unless told otherwise.

A store remembers the folder it was last reloaded from, and that is the one truth: every
command and `studybot run` use it. A folder named by `--corpus` or STUDYBOT_CORPUS_DIR that
differs from it is refused, saying what the store holds and how to switch on purpose; only
`studybot reload --corpus DIR` (or `index`) switches, after saying what it removes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.settings import BUNDLED_CORPUS, Settings
from retrieval import corpus
from retrieval.store import Store


class FolderMismatch(ValueError):
    """A folder named in the settings or on the command line is not the store's."""


@dataclass(frozen=True)
class Choice:
    folder: Path  # the folder to use
    stored: str | None  # the store's folder, None when it has none yet
    documents: int  # in the store
    named: Path | None  # the folder named by --corpus or STUDYBOT_CORPUS_DIR
    source: str  # "--corpus" or "STUDYBOT_CORPUS_DIR" (or "" when none was named)

    @property
    def switching(self) -> bool:
        """Whether the named folder is not the store's (which has one)."""
        return (
            self.stored is not None and self.named is not None and _differs(self.named, self.stored)
        )


def _differs(named: Path, stored: str) -> bool:
    return str(named.expanduser().resolve()) != stored


async def choose(store: Store, settings: Settings, corpus_option: str | None = None) -> Choice:
    """The folder named on the command line, else in the settings, else the store's, else
    the bundled corpus; and what the store holds. Refuses nothing: see `refuse_other`."""
    stored = await store.folder()
    documents = len(await store.file_infos())
    if corpus_option:
        named, source = Path(corpus_option), "--corpus"
    elif settings.corpus_dir is not None:
        named, source = settings.corpus_dir, "STUDYBOT_CORPUS_DIR"
    else:
        named, source = None, ""
    folder = named.expanduser() if named else Path(stored) if stored else BUNDLED_CORPUS
    return Choice(folder, stored, documents, named, source)


def mismatch(choice: Choice, db: Path) -> str:
    """Why a command refuses the named folder, and the two ways on."""
    assert choice.named is not None and choice.stored is not None
    named = choice.named.expanduser().resolve()
    keep = (
        "leave out --corpus"
        if choice.source == "--corpus"
        else f"unset STUDYBOT_CORPUS_DIR (or set it to {choice.stored})"
    )
    return (
        f"the store {db} holds {choice.documents} document(s) from the corpus folder"
        f" {choice.stored}, but {choice.source} names {named}. To use the store's folder,"
        f" {keep}; to switch the store to {named} on purpose, run"
        f" `studybot reload --corpus {named}` (it says how many documents that removes)"
    )


def refuse_other(choice: Choice, db: Path) -> Path:
    """The folder to use, or FolderMismatch when the named one is not the store's."""
    if choice.switching:
        raise FolderMismatch(mismatch(choice, db))
    return choice.folder


async def folder_for(settings: Settings, corpus_option: str | None = None) -> Path:
    """The folder a command (or `studybot run`) uses; FolderMismatch as `refuse_other`."""
    async with await Store.open(settings.db) as store:
        return refuse_other(await choose(store, settings, corpus_option), settings.db)


async def removed_by_switch(store: Store, folder: Path) -> list[str]:
    """The store's documents that a reload from `folder` would remove: those not in it.
    FileNotFoundError when there is no such folder: nothing to switch to."""
    present = {f.doc for f in corpus.scan(folder)}
    return sorted(doc for doc in await store.file_infos() if doc not in present)
