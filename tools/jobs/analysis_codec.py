"""Posting analyses back from their JSON form, so stored and cached analyses need not be recomputed."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from tools.jobs.analysis import ANALYSIS_VERSION, PostingAnalysis


class StaleAnalysis(ValueError):
    """The stored analysis was made by another version of the engine and must be redone."""


def analysis_from_dict(data: dict[str, Any]) -> PostingAnalysis:
    """The analysis `PostingAnalysis.as_dict()` produced; StaleAnalysis for another engine version."""
    if data.get("version") != ANALYSIS_VERSION:
        raise StaleAnalysis(f"analysis version {data.get('version')!r} is not {ANALYSIS_VERSION!r}")
    decoded = _decode(PostingAnalysis, data)
    assert isinstance(decoded, PostingAnalysis)
    return decoded


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(kind: Any, value: Any) -> Any:  # noqa: PLR0911  (one return per kind of type)
    """Rebuild a value of the annotated type: dataclasses, optionals, tuples, lists and dicts."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return _decode(options[0], value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{name: _decode(hints[name], value[name]) for name in fields if name in value})
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(_decode(item, v) for v in value)
    if origin is list:
        item = typing.get_args(kind)[0]
        return [_decode(item, v) for v in value]
    if origin is dict:
        _key, item = typing.get_args(kind)
        return {k: _decode(item, v) for k, v in value.items()}
    return value
