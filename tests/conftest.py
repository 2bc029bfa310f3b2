"""Fixtures shared by test modules. Keep each one small and generic."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"  # the bundled document

# Nothing a test runs may write into the real user data folder: the default database
# location (platformdirs, XDG_DATA_HOME on Linux) and STUDYBOT_HOME point into a temporary
# folder, for this process and every command it starts.
SANDBOX = Path(tempfile.mkdtemp(prefix="studybot-tests-"))
os.environ["XDG_DATA_HOME"] = str(SANDBOX / "xdg-data")
os.environ["STUDYBOT_HOME"] = str(SANDBOX / "home")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A corpus folder in tmp_path holding a copy of the bundled speech."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SPEECH, folder / SPEECH.name)
    return folder
