"""Process-wide configuration read from `JOBMATE_*` environment variables and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "JOBMATE_"
_POSTGRES_SCHEMES = ("postgresql", "postgres")


class SettingsError(ValueError):
    """A setting has a value Jobmate cannot use; the message names the variable."""


class Settings(BaseSettings):
    """Secrets, URLs and folders; everything else is per-run context."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    database_url: SecretStr | None = Field(
        default=None,
        description="PostgreSQL URL; unset starts the embedded server under the data folder.",
    )
    data_dir: Path = Field(
        default=Path("data"),
        description="Folder for the embedded database, uploads, the vector index and secrets.",
    )
    shared_data: Path = Field(
        default=Path("../shared/data"),
        description="Folder with the real O*NET release, job postings and resumes.",
    )
    onet_source: Path | None = Field(
        default=None,
        description="O*NET text release folder or .zip; unset means <shared_data>/onet.",
    )
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1."
    )
    llm_model: str | None = Field(default=None, description="Chat model name; unset runs the offline router.")
    llm_api_key: SecretStr | None = Field(default=None, description="Key for the LLM endpoint.")
    llm_history_tokens: Annotated[int, Field(ge=1_000, le=1_000_000)] = Field(
        default=12_000,
        description="How much earlier conversation the model reads, in approximate tokens (1000-1000000).",
    )
    tavily_api_key: SecretStr | None = Field(
        default=None, description="Enables live web search for jobs and learning resources."
    )
    upload_max_mb: Annotated[int, Field(ge=1, le=100)] = Field(
        default=10, description="Largest resume upload accepted, in megabytes (1-100)."
    )
    auth_secret: SecretStr | None = Field(
        default=None,
        description="Signs login sessions; unset generates one into the data folder.",
    )

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        raw = value.get_secret_value().strip()
        if not raw:
            return None
        scheme = raw.split("://", 1)[0].split("+", 1)[0] if "://" in raw else ""
        if scheme not in _POSTGRES_SCHEMES:
            raise ValueError("must be a postgresql:// URL")
        return SecretStr(raw)

    @field_validator("auth_secret")
    @classmethod
    def _non_empty_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # An empty secret would pass Chainlit's own check and sign sessions with nothing.
        if value is not None and len(value.get_secret_value().strip()) < 16:
            raise ValueError("must be at least 16 characters (or leave it unset)")
        return value

    @field_validator("llm_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("llm_model", "onet_source", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def onet_source_path(self) -> Path:
        """Where the O*NET text release is read from."""
        return self.onet_source if self.onet_source is not None else self.shared_data / "onet"

    @property
    def llm_configured(self) -> bool:
        """True when a remote or local OpenAI-compatible model is set up."""
        return self.llm_model is not None


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning the first invalid value into one line naming its variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        given = first.get("input")
        shown = "" if _is_secret(field) or isinstance(given, dict) else f" (got {given!r})"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{ENV_PREFIX}{field.upper()}: {message}{shown}") from None


def _is_secret(field: str) -> bool:
    return field in {"database_url", "llm_api_key", "tavily_api_key", "auth_secret"}


def describe(settings: Settings) -> list[tuple[str, str]]:
    """Every setting as (variable, value) with secrets masked, for `jobmate doctor`."""
    rows: list[tuple[str, str]] = []
    for name in Settings.model_fields:
        value = getattr(settings, name)
        if value is None:
            shown = "(unset)"
        elif isinstance(value, SecretStr):
            shown = mask_url(value.get_secret_value()) if name == "database_url" else "****"
        else:
            shown = str(value)
        rows.append((f"{ENV_PREFIX}{name.upper()}", shown))
    return rows


def mask_url(url: str) -> str:
    """Hide the password of a URL, whether in `user:secret@host` or in `?password=secret`."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    rest, query_sep, query = rest.partition("?")
    if "@" in rest:
        credentials, _, host = rest.rpartition("@")
        user, has_password, _ = credentials.partition(":")
        rest = f"{user}{':****' if has_password else ''}@{host}"
    if query_sep:
        params = [
            "password=****" if part.split("=", 1)[0].lower() == "password" else part
            for part in query.split("&")
        ]
        rest = f"{rest}?{'&'.join(params)}"
    return f"{scheme}://{rest}"
