"""Settings from the environment or `.env`; every one is documented in `.env.example`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import platformdirs
from pydantic import Field, PrivateAttr, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT = Path(__file__).resolve().parent.parent  # the checkout (or site-packages when installed)
BUNDLED_CORPUS = PROJECT / "corpus"
LEGACY_DB = PROJECT / "data" / "studybot.db"  # the default before STUDYBOT_HOME, kept working
DB_NAME = "studybot.db"
TOKEN_FORM = re.compile(r"^\d{5,16}:[A-Za-z0-9_-]{30,50}$")


def user_home() -> Path:
    """StudyBot's folder in the user's data directory (e.g. ~/.local/share/studybot)."""
    return platformdirs.user_data_path("studybot", appauthor=False)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="STUDYBOT_ADMIN_IDS"
    )
    db_setting: Path | None = Field(default=None, alias="STUDYBOT_DB")
    home: Path | None = Field(default=None, alias="STUDYBOT_HOME")
    # None: the folder the store was last reloaded from, or the bundled corpus for a new store
    corpus_dir: Path | None = Field(default=None, alias="STUDYBOT_CORPUS_DIR")
    api_base_url: str = Field(default="https://api.telegram.org", alias="TELEGRAM_API_BASE_URL")
    user_rate_limit: int = Field(default=20, ge=1, alias="STUDYBOT_USER_RATE_LIMIT")
    webhook_url: str | None = Field(default=None, alias="STUDYBOT_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="STUDYBOT_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="STUDYBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, alias="STUDYBOT_WEBHOOK_PORT")
    webhook_path: str = Field(default="telegram", alias="STUDYBOT_WEBHOOK_PATH")
    log_format: Literal["text", "json"] = Field(default="text", alias="STUDYBOT_LOG_FORMAT")
    quiz_seconds: int = Field(default=30, ge=5, le=3600, alias="STUDYBOT_QUIZ_SECONDS")
    timezone: str = Field(default="Asia/Shanghai", alias="STUDYBOT_TIMEZONE")
    allow_private_urls: bool = Field(default=False, alias="STUDYBOT_ALLOW_PRIVATE_URLS")

    _db: Path = PrivateAttr(default=Path(DB_NAME))
    _db_origin: str = PrivateAttr(default="default")

    @field_validator("db_setting", "home", "corpus_dir", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """`STUDYBOT_DB=` in a .env means the default, not the current directory."""
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _locate_database(self) -> Settings:
        """Where the database is, worked out once: never the directory a command runs in."""
        if self.db_setting is not None:
            self._db, self._db_origin = self.db_setting.expanduser(), "STUDYBOT_DB"
        elif self.home is not None:
            self._db, self._db_origin = self.home.expanduser() / DB_NAME, "STUDYBOT_HOME"
        elif LEGACY_DB.exists():
            self._db, self._db_origin = LEGACY_DB, "legacy"
        else:
            self._db, self._db_origin = user_home() / DB_NAME, "default"
        return self

    @property
    def db(self) -> Path:
        """The SQLite file: STUDYBOT_DB, else studybot.db in STUDYBOT_HOME, else an existing
        data/studybot.db beside the project (the old default), else the user data folder."""
        return self._db

    @property
    def db_origin(self) -> str:
        """Which rule chose `db`: "STUDYBOT_DB", "STUDYBOT_HOME", "legacy" or "default"."""
        return self._db_origin

    def legacy_note(self) -> str | None:
        """What to say when the database is found in its old place beside the project."""
        if self._db_origin != "legacy":
            return None
        return (
            f"using the database {self._db} found beside the project (its old place); to keep"
            f" it there set STUDYBOT_DB={self._db}, or move it to {user_home() / DB_NAME}"
        )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        """An IANA time zone name; a typo would otherwise surface at the first /daily."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"STUDYBOT_TIMEZONE is not a known time zone: {value!r}") from exc
        return value

    def token_problem(self) -> str | None:
        """Why the token cannot work, in one line, or None. The token itself is never shown."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            return "TELEGRAM_BOT_TOKEN is not set (get one from @BotFather; see .env.example)"
        if not TOKEN_FORM.match(self.telegram_bot_token.get_secret_value().strip()):
            return (
                "TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters from @BotFather)"
            )
        return None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: object) -> object:
        """Comma-separated numeric user ids; usernames are refused: they can change hands."""
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            bad = [p for p in parts if not p.lstrip("-").isdigit()]
            if bad:
                raise ValueError(f"STUDYBOT_ADMIN_IDS must be numeric user ids, got {bad}")
            return frozenset(int(p) for p in parts)
        return value
