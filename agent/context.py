"""The per-run context of one chat turn: who is talking, in which thread, on which day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RunContext:
    """Facts fixed for one run of the graph; tools read the owner from here, never from the model.

    `services` holds the open engines (a `tools.services.Services`); it is typed loosely because
    this layer sits below the tools. It never reads the environment.
    """

    owner_id: int
    thread_id: str
    today: dt.date
    services: Any
