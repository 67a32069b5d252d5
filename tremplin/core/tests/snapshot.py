"""A copy of every row of the test database, taken once and put back in a fraction of a second.

Seeding the whole demo takes about 20 s (every row through the services and their rules); a
test process seeds it once per day of the calendar it runs at (real or frozen time), keeps a copy
of its rows, and later tests get the same database back from that copy. Tests of the seed itself
(idempotence, what it covers) still seed for real.

The copy is exact on both databases: PostgreSQL's COPY in its text format, and on SQLite each
value read with the unary `+` (a no-op that hides the column's declared type, so Python's sqlite3
converters leave the value as it is stored). Foreign keys are checked at commit on both (Django
creates them DEFERRABLE INITIALLY DEFERRED), so the tables are filled in any order inside one
transaction; the sequences of PostgreSQL are moved past the restored ids."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: object  # list of tuples (SQLite) or the bytes of COPY (PostgreSQL)


class DatabaseSnapshot:
    def __init__(self, tables: list[Table]):
        self.tables = tables

    @classmethod
    def take(cls) -> DatabaseSnapshot:
        quote = connection.ops.quote_name
        tables = []
        with connection.cursor() as cursor:
            for name in sorted(connection.introspection.django_table_names(only_existing=True)):
                columns = tuple(c.name for c in connection.introspection.get_table_description(cursor, name))
                if connection.vendor == "postgresql":
                    buffer = io.BytesIO()
                    with cursor.cursor.copy(f"COPY {quote(name)} ({', '.join(map(quote, columns))}) TO STDOUT") as copy:
                        for block in copy:
                            buffer.write(block)
                    rows = buffer.getvalue()
                else:
                    cursor.execute(f"SELECT {', '.join(f'+{quote(c)}' for c in columns)} FROM {quote(name)}")
                    rows = cursor.fetchall()
                tables.append(Table(name, columns, rows))
        return cls(tables)

    @transaction.atomic
    def restore(self) -> None:
        """Empty every table of the snapshot and put its rows back, in one transaction."""
        quote = connection.ops.quote_name
        names = [table.name for table in self.tables]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending check may block TRUNCATE
            for statement in connection.ops.sql_flush(no_style(), names, allow_cascade=True):
                cursor.execute(statement)
            if connection.vendor == "postgresql":
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                if not table.rows:
                    continue
                columns = ", ".join(map(quote, table.columns))
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:
                        copy.write(table.rows)
                else:
                    marks = ", ".join("?" * len(table.columns))
                    cursor.executemany(f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})", table.rows)
            if connection.vendor == "postgresql":
                models = apps.get_models(include_auto_created=True)
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)


_MIGRATED: dict[str, DatabaseSnapshot] = {}


def migrated_state() -> DatabaseSnapshot:
    """The rows of the test database as the migrations left it (reference data, content types),
    taken the first time it is asked for in this process, before any test wrote outside a
    transaction."""
    name = connection.settings_dict["NAME"]
    if name not in _MIGRATED:
        _MIGRATED[name] = DatabaseSnapshot.take()
    return _MIGRATED[name]


_DEMOS: dict[tuple[str, date], tuple[DatabaseSnapshot, dict]] = {}


def seed_demo_once() -> dict:
    """The demo of today (real or frozen) in the test database, as `seed_demo()` leaves it, and
    the counts that seed_demo returned: seeded for real the first time in this process and this
    database, restored from its copy afterwards."""
    from tremplin.core.demo import seed_demo

    key = (connection.settings_dict["NAME"], timezone.localdate())
    if key in _DEMOS:
        snapshot, counts = _DEMOS[key]
        snapshot.restore()
        return counts
    counts = seed_demo()
    _DEMOS[key] = (DatabaseSnapshot.take(), counts)
    return counts
