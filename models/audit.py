"""The audit trail: append-only (triggers refuse UPDATE/DELETE) and hash-chained."""
from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class AuditEntry(SQLModel, table=True):
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
