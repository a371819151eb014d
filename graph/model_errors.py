"""Telling model failures apart: which are worth another try, and what to tell the person."""

from __future__ import annotations

from dataclasses import dataclass

import openai


@dataclass(frozen=True)
class ModelFailure:
    """One failed model call: a short description, whether to retry, and the kind for the apology."""

    kind: str  # timeout | rate_limit | server | connection | malformed | refused | unknown
    summary: str
    retryable: bool


def classify(error: Exception) -> ModelFailure:  # noqa: PLR0911  (one return per kind)
    """The failure behind an exception from a model call."""
    if isinstance(error, openai.APITimeoutError | TimeoutError):
        return ModelFailure("timeout", "the model did not answer in time", True)
    if isinstance(error, openai.RateLimitError):
        return ModelFailure("rate_limit", "the model's provider is rate-limiting requests (429)", True)
    if isinstance(error, openai.InternalServerError):
        return ModelFailure("server", f"the model's server failed ({error.status_code})", True)
    if isinstance(error, openai.APIConnectionError | ConnectionError):
        return ModelFailure("connection", "the model's server could not be reached", True)
    if isinstance(error, openai.APIStatusError):
        return ModelFailure("refused", f"the model's server refused the request ({error.status_code})", False)
    if isinstance(error, ValueError | TypeError):
        return ModelFailure("malformed", f"the model's answer was malformed: {error}", True)
    return ModelFailure("unknown", f"{type(error).__name__}: {error}", False)


_ADVICE = {
    "timeout": "Please try again in a moment.",
    "rate_limit": "Please wait a minute and try again.",
    "server": "Please try again in a moment.",
    "connection": "Check that the model server (JOBMATE_LLM_BASE_URL) is running, then try again.",
    "malformed": "Please try again, perhaps in other words.",
    "refused": "Check the model name and key (JOBMATE_LLM_MODEL, JOBMATE_LLM_API_KEY).",
    "unknown": "Please try again.",
}


def apology(failure: ModelFailure) -> str:
    """What the person reads when the model could not answer: what happened and what to do."""
    return (
        f"Sorry, I could not answer: {failure.summary}. Nothing was changed and the conversation is "
        f"saved. {_ADVICE[failure.kind]}"
    )
