"""Rows read by column name into frozen dataclasses."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any, TypeVar

T = TypeVar("T")


def mapped(cls: type[T], row: sqlite3.Row, **converted: Any) -> T:
    """An instance of the dataclass `cls` from the row's columns of the same names; fields
    in `converted` (decoded JSON, booleans) are given instead of read."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    values = {f.name: converted[f.name] if f.name in converted else row[f.name] for f in fields}
    return cls(**values)
