"""Shared column helpers."""
from datetime import datetime, timezone

from pydantic import ConfigDict
from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """An aware datetime stored in UTC; SQLite gives naive values back, so they are re-tagged as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Table(SQLModel):
    """The base of every table. Pydantic's validator and serializer of a model are built when first used
    (a ``model_dump``), not when the class is made: desk never validates a table model, and building them
    for 27 tables was a quarter of importing the models, which every desk command and the first screen
    wait for (issue 17: ``desk report`` whole process, the cold start)."""

    model_config = ConfigDict(defer_build=True)
