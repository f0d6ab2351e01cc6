"""Persistent database connections survive the server closing them (a PostgreSQL restart,
a fail-over, an idle timeout): the next request checks its connection and opens a new one."""

import io
import sys

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

from .conftest import database_url_for_workers

pytestmark = pytest.mark.django_db(transaction=True)


def get(path: str) -> int:
    """One request through Django's WSGI handler, as gunicorn makes it (with the request
    started and finished signals that the test client leaves out)."""
    status = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    response = WSGIHandler()(environ, lambda code, headers, exc_info=None: status.append(code))
    b"".join(response)
    response.close()
    return int(status[0].split()[0])


def backend_pid() -> int | None:
    return connection.connection.info.backend_pid if connection.connection else None


def test_a_request_after_the_server_ended_the_connection_gets_a_new_one():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL server to end the connection")
    assert connection.settings_dict["CONN_MAX_AGE"] > 0, "connections are kept between requests"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert get("/health/") == 200
    first = backend_pid()
    assert first is not None, "the connection was kept after the request"
    with psycopg.connect(database_url_for_workers(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [first])
    assert get("/health/") == 200
    assert backend_pid() not in (None, first)
