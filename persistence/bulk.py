"""Fast bulk loading with PostgreSQL COPY inside the caller's transaction."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session


def _field(value: Any) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_rows(session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """COPY `rows` into `table` in the session's transaction; returns how many were written."""
    buffer = io.StringIO()
    count = 0
    for row in rows:
        buffer.write("\t".join(_field(v) for v in row))
        buffer.write("\n")
        count += 1
    buffer.seek(0)
    raw: Any = session.connection().connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
    finally:
        cursor.close()
    return count
