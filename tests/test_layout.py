"""The house's rules, checked on the source: the corpus library knows nothing of the bot or
Telegram, the bot's SQL lives in bot/state/ only, and no source file outgrows a reader."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 700
# statements as this project writes them (upper-case keywords)
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM"
    r"|(CREATE|DROP|ALTER) (TABLE|INDEX|UNIQUE)|PRAGMA \w+)"
)


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_retrieval_imports_nothing_of_the_bot_or_telegram() -> None:
    offending = {
        str(path.relative_to(ROOT)): sorted(
            name for name in imported(path) if name.split(".")[0] in ("bot", "telegram")
        )
        for path in sources("retrieval")
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_bots_sql_is_in_bot_state_only() -> None:
    found = []
    for path in sources("bot"):
        if path.is_relative_to(ROOT / "bot" / "state"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and SQL.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_no_source_file_is_over_700_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in sources("bot", "retrieval", "tests")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
