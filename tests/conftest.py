"""Fixtures shared by test modules. Keep each one small and generic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"  # the bundled document


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A corpus folder in tmp_path holding a copy of the bundled speech."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SPEECH, folder / SPEECH.name)
    return folder
