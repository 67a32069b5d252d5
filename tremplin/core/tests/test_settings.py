"""The embedded database's settings: the pages and the background worker (make run) write to the
same SQLite file at once."""

import threading
import time

import pytest
from django.db.utils import ConnectionHandler

from config.settings.base import SQLITE_OPTIONS


@pytest.fixture(autouse=True)
def own_files(django_db_blocker):
    """These tests open their own SQLite files, not the test database."""
    with django_db_blocker.unblock():
        yield


def _connection(path):
    settings = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": SQLITE_OPTIONS}
    return ConnectionHandler({"default": settings})["default"]


def _begin(connection):
    """What transaction.atomic does on this connection."""
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def _commit(connection):
    connection.commit()
    connection.set_autocommit(True)


def test_the_sqlite_file_is_in_wal_mode_and_waits_for_the_lock(tmp_path):
    connection = _connection(tmp_path / "db.sqlite3")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20_000
    assert connection.transaction_mode == "IMMEDIATE"
    connection.close()


def test_a_page_that_reads_then_writes_waits_for_the_worker_instead_of_failing(tmp_path):
    path = tmp_path / "db.sqlite3"
    page = _connection(path)
    with page.cursor() as cursor:
        cursor.execute("CREATE TABLE t (x integer)")
    holding, failures = threading.Event(), []

    def worker_holds_the_lock():  # a connection belongs to its thread
        worker = _connection(path)
        try:
            _begin(worker)
            with worker.cursor() as cursor:
                cursor.execute("INSERT INTO t VALUES (1)")
            holding.set()
            time.sleep(0.5)
            _commit(worker)
        except Exception as error:
            failures.append(error)
            holding.set()
        finally:
            worker.close()

    thread = threading.Thread(target=worker_holds_the_lock)
    thread.start()
    assert holding.wait(10)
    _begin(page)  # waits here for the worker's commit (deferred, the insert below would fail)
    with page.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM t")
        cursor.execute("INSERT INTO t VALUES (2)")
    _commit(page)
    thread.join(30)
    assert failures == []
    with page.cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM t").fetchone()[0] == 2
    page.close()
