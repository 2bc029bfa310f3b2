"""Settings from the environment or `.env`; every one is documented in `.env.example`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TOKEN_FORM = re.compile(r"^\d{5,16}:[A-Za-z0-9_-]{30,50}$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="STUDYBOT_ADMIN_IDS"
    )
    db: Path = Field(default=Path("data/studybot.db"), alias="STUDYBOT_DB")
    corpus_dir: Path = Field(default=BUNDLED_CORPUS, alias="STUDYBOT_CORPUS_DIR")
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
