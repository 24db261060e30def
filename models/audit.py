"""The audit trail: append-only (triggers refuse UPDATE/DELETE) and hash-chained."""
from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field

from models.base import Table, UTCDateTime, utcnow


class AuditEntry(Table, table=True):
    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_officer", "officer_id", "id"),
        Index("ix_audit_case", "case_id", "id"),
        Index("ix_audit_person", "person_id", "id"),
        Index("ix_audit_at", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    officer_id: int | None = Field(default=None)  # no FK: the trail outlives any officer row
    officer_username: str = Field(max_length=40)
    action: str = Field(max_length=40)  # e.g. case.view, case.register, dublin.reply, auth.login, refused
    case_id: int | None = Field(default=None)
    person_id: int | None = Field(default=None)
    detail: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON: before/after, params
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
    mac: str | None = Field(default=None, max_length=64)  # HMAC of hash, key outside the store (desk.keys)


class AuditCheckpoint(Table, table=True):
    """A signed (entry id, head hash): the chain up to there is as it was when signed. Append-only."""

    __tablename__ = "audit_checkpoint"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    entry_id: int
    head: str = Field(max_length=64)
    reason: str = Field(max_length=20)  # every_n, shift_end, export
    officer_username: str = Field(max_length=40)
    signature: str = Field(max_length=64)


class StoreIdentity(Table, table=True):
    """One row: the store's UUID, made when the store is created (migration 0006)."""

    __tablename__ = "store_identity"

    id: str = Field(primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class SeedRun(Table, table=True):
    """One scale load (``desk seed``): begun, and finished once its last batch and audit entry are in
    (migration 0014). A store with an unfinished one is refused on open."""

    __tablename__ = "seed_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    persons: int


class StoreActivity(Table, table=True):
    """Long work under way on the store (an import): who, what, since when (migration 0018). Written and
    removed in short transactions of their own, so that an officer held up by it can be told whose it is."""

    __tablename__ = "store_activity"

    id: int | None = Field(default=None, primary_key=True)
    what: str = Field(max_length=20)  # import, recompute
    officer_username: str = Field(max_length=40)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
