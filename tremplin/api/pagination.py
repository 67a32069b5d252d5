"""Lists of the API: limit/offset pages (at most MAX_LIMIT items), and `updated_since` for
synchronisation (records changed at or after that instant)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import create_model

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class ListQuery(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Taille de la page (au plus {MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=10_000_000, description="Rang du premier élément.")
    updated_since: datetime | None = Field(
        None, description="Seulement les enregistrements créés ou modifiés à partir de cet instant (ISO 8601)."
    )


def page_schema(item, name: str):
    return create_model(
        name,
        __base__=Schema,
        count=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        items=(list[item], ...),
    )


def paginate(queryset: QuerySet, query: ListQuery, *, changed_field: str = "updated_at", item=None) -> dict:
    """One page of `queryset` (ordered by the caller), filtered on `updated_since`; `item` turns a
    record into its output (the record itself by default). Two queries plus the caller's."""
    if query.updated_since is not None:
        queryset = queryset.filter(**{f"{changed_field}__gte": query.updated_since})
    rows = list(queryset[query.offset : query.offset + query.limit])
    return {
        "count": queryset.count(),
        "limit": query.limit,
        "offset": query.offset,
        "items": [item(row) for row in rows] if item else rows,
    }
