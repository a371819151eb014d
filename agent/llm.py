"""Chat model factory: any OpenAI-compatible endpoint from the settings, or none (offline)."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from agent.settings import Settings

# Local servers (Ollama, llama.cpp) accept any key, but the client refuses an empty one.
_PLACEHOLDER_KEY = "not-needed"


def remote_chat_model(
    settings: Settings, *, streaming: bool = True, timeout_s: float = 60.0, max_retries: int = 2
) -> BaseChatModel | None:
    """The configured OpenAI-compatible chat model, or None when Jobmate runs offline."""
    if not settings.llm_configured:
        return None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
    return ChatOpenAI(
        model=settings.llm_model or "",
        base_url=settings.llm_base_url,
        api_key=SecretStr(key or _PLACEHOLDER_KEY),
        streaming=streaming,
        timeout=timeout_s,
        max_retries=max_retries,
    )


def model_name(model: BaseChatModel | None) -> str | None:
    """The model's name for provenance records, None offline."""
    if model is None:
        return None
    return str(getattr(model, "model_name", None) or getattr(model, "model", None) or type(model).__name__)


def chat_model(settings: Settings) -> tuple[BaseChatModel, bool]:
    """The agent's chat model and whether it is remote: the configured endpoint, else the offline router.

    The remote client retries nothing itself: the graph retries with backoff and then apologises.
    """
    remote = remote_chat_model(settings, streaming=True, max_retries=0)
    if remote is not None:
        return remote, True
    from agent.router import OfflineRouter  # noqa: PLC0415  (loads the embeddings only when used)

    return OfflineRouter(), False


def mode_line(settings: Settings) -> str:
    """Which mode the chat runs in, for the person to see."""
    if settings.llm_configured:
        where = settings.llm_base_url or "OpenAI"
        return f"model mode: {settings.llm_model} at {where}"
    return "offline mode: no model configured, Jobmate's own router understands common requests"
