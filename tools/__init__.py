"""The agent's capabilities, one sub-package each; `TOOLS` is the one list the graph binds and runs."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Loaded on first use: the engines under tools/ are imported by the CLI without LangGraph.
    if name in ("TOOLS", "WRITE_PREVIEWS"):
        from tools import registry  # noqa: PLC0415

        return getattr(registry, name)
    raise AttributeError(name)
