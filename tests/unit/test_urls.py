"""One database URL, rewritten per driver; a bad one is named, never echoed with its password."""

from __future__ import annotations

import pytest
from psycopg.conninfo import conninfo_to_dict

from persistence.db import libpq_uri, sqlalchemy_url
from persistence.errors import DatabaseSetupError


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://app:pw@db:5432/jobmate",
        "postgres://app:pw@db:5432/jobmate",
        "postgresql+psycopg://app:pw@db:5432/jobmate",
    ],
)
def test_every_spelling_becomes_psycopg2_for_sqlalchemy_and_plain_for_libpq(url: str) -> None:
    assert sqlalchemy_url(url).drivername == "postgresql+psycopg2"
    assert libpq_uri(url) == "postgresql://app:pw@db:5432/jobmate"


def test_embedded_socket_uri_keeps_its_host_folder() -> None:
    uri = "postgresql://postgres:@/jobmate?host=/srv/jobmate/data/postgres"
    assert conninfo_to_dict(libpq_uri(uri)) == {
        "user": "postgres",
        "dbname": "jobmate",
        "host": "/srv/jobmate/data/postgres",
    }
    assert sqlalchemy_url(uri).query["host"] == "/srv/jobmate/data/postgres"


def test_unparseable_url_is_named_without_its_password() -> None:
    with pytest.raises(DatabaseSetupError, match="JOBMATE_DATABASE_URL") as caught:
        sqlalchemy_url("::not a url:secretpw")
    assert "secretpw" not in str(caught.value)
