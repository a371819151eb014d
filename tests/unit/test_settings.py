"""Settings: defaults, one clear line per bad value, and secrets never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.settings import SettingsError, describe, load_settings, mask_url


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(__import__("os").environ):
        if name.startswith("JOBMATE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert settings.database_url is None
    assert settings.data_dir == Path("data")
    assert settings.onet_source_path == Path("../shared/data/onet")
    assert settings.upload_max_mb == 10
    assert settings.llm_history_tokens == 12_000
    assert not settings.llm_configured


def test_values_come_from_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATE_DATABASE_URL", "postgresql://app:pw@db:5432/jobmate")
    monkeypatch.setenv("JOBMATE_LLM_MODEL", "deepseek-chat")
    monkeypatch.setenv("JOBMATE_LLM_BASE_URL", "https://api.deepseek.com/v1/")
    monkeypatch.setenv("JOBMATE_SHARED_DATA", "/srv/shared")
    settings = load_settings()
    assert settings.database_url is not None
    assert settings.database_url.get_secret_value() == "postgresql://app:pw@db:5432/jobmate"
    assert settings.llm_configured and settings.llm_base_url == "https://api.deepseek.com/v1"
    assert settings.onet_source_path == Path("/srv/shared/onet")


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("JOBMATE_UPLOAD_MAX_MB=25\n")
    assert load_settings().upload_max_mb == 25


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("JOBMATE_UPLOAD_MAX_MB", "abc", "JOBMATE_UPLOAD_MAX_MB: Input should be a valid integer"),
        ("JOBMATE_UPLOAD_MAX_MB", "0", "JOBMATE_UPLOAD_MAX_MB: Input should be greater than or equal to 1"),
        (
            "JOBMATE_DATABASE_URL",
            "mysql://root@localhost/jobs",
            "JOBMATE_DATABASE_URL: must be a postgresql://",
        ),
        ("JOBMATE_LLM_BASE_URL", "localhost:11434", "JOBMATE_LLM_BASE_URL: must start with http://"),
        ("JOBMATE_AUTH_SECRET", "", "JOBMATE_AUTH_SECRET: must be at least 16 characters"),
        ("JOBMATE_LLM_HISTORY_TOKENS", "50", "JOBMATE_LLM_HISTORY_TOKENS: Input should be greater than"),
        ("JOBMATE_LLM_HISTORY_TOKENS", "lots", "JOBMATE_LLM_HISTORY_TOKENS: Input should be a valid integer"),
        ("JOBMATE_AUTH_SECRET", "short", "JOBMATE_AUTH_SECRET: must be at least 16 characters"),
    ],
)
def test_bad_value_fails_with_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_secret_values_are_never_echoed_in_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATE_AUTH_SECRET", "tooshort")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert "tooshort" not in str(caught.value)


def test_describe_masks_every_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATE_DATABASE_URL", "postgresql://app:hunter2@db/jobmate")
    monkeypatch.setenv("JOBMATE_LLM_API_KEY", "sk-live-123")
    monkeypatch.setenv("JOBMATE_TAVILY_API_KEY", "tvly-456")
    monkeypatch.setenv("JOBMATE_AUTH_SECRET", "a-very-long-signing-secret")
    shown = dict(describe(load_settings()))
    text = repr(shown)
    for secret in ("hunter2", "sk-live-123", "tvly-456", "a-very-long-signing-secret"):
        assert secret not in text
    assert shown["JOBMATE_DATABASE_URL"] == "postgresql://app:****@db/jobmate"
    assert shown["JOBMATE_LLM_API_KEY"] == "****"
    assert shown["JOBMATE_LLM_MODEL"] == "(unset)"


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql://u:p@h:5432/d", "postgresql://u:****@h:5432/d"),
        ("postgresql://u@h/d", "postgresql://u@h/d"),
        ("postgresql://u:p:q@h/d", "postgresql://u:****@h/d"),
        ("postgresql://u:p@x@h/d", "postgresql://u:****@h/d"),
        ("not a url", "not a url"),
        ("postgresql://u@h/d?password=p&sslmode=require", "postgresql://u@h/d?password=****&sslmode=require"),
        ("postgresql:///d?host=/run/pg&PASSWORD=p", "postgresql:///d?host=/run/pg&password=****"),
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked
