"""Persons (the clients), their identity documents and stays; officers (the users)."""
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, Index, Text, event
from sqlmodel import Field

from desk.names import name_forms

from models.base import Table, UTCDateTime, utcnow


class Person(Table, table=True):
    __table_args__ = (
        CheckConstraint("sex IN ('M', 'F', 'X')", name="ck_person_sex"),
        Index("ix_person_birth_name", "date_of_birth", "surname_folded"),
        # A personal code names one living record: the database, not a check-then-insert, says no, by the
        # partial unique index uq_person_personal_code (personal_code WHERE personal_code IS NOT NULL AND
        # merged_into IS NULL) that migration 0013 makes on both engines. It is declared there only:
        # here its sqlite_where/postgresql_where made SQLAlchemy load its PostgreSQL dialect (and asyncio)
        # into every process, SQLite's too (25-100 ms of each desk command; issue 17).
    )

    id: int | None = Field(default=None, primary_key=True)
    surname: str = Field(max_length=100)
    given_names: str = Field(max_length=150)
    original_name: str | None = Field(default=None, max_length=250)  # the name in its own script
    surname_folded: str = Field(max_length=100, index=True)  # lower case, no diacritics, Latin
    given_folded: str = Field(max_length=150)
    date_of_birth: date | None = Field(default=None)
    sex: str = Field(default="X", max_length=1)
    citizenship: str = Field(foreign_key="country.code", max_length=3)
    personal_code: str | None = Field(default=None, max_length=12, index=True)  # 11 digits, no hyphen
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    version: int = Field(default=1)
    # the names' Latvian forms and keys for the search index (desk.names.name_forms; migration 0008), kept
    # by the listener below from the names and ``also_known_as`` (names of persons merged into this one)
    name_forms: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    also_known_as: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    merged_into: int | None = Field(default=None, index=True)  # the surviving person, once merged


def _keep_name_forms(mapper, connection, person: Person) -> None:
    """Derived data, like the folded names: the forms follow the names on every ORM insert and update."""
    forms = name_forms(person.surname, person.given_names, person.original_name, person.also_known_as)
    if forms != person.name_forms:
        person.name_forms = forms


event.listen(Person, "before_insert", _keep_name_forms)
event.listen(Person, "before_update", _keep_name_forms)


class IdentityDocument(Table, table=True):
    __tablename__ = "identity_document"
    # one document (its issuing state, kind and number) belongs to one person (0013)
    __table_args__ = (Index("uq_document_number", "issuing_country", "kind", "number_norm", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=20)  # passport, id_card, travel_document, residence_card
    number: str = Field(max_length=30)
    number_norm: str = Field(max_length=30, index=True)  # upper case, letters and digits only
    issuing_country: str = Field(foreign_key="country.code", max_length=3)
    valid_until: date | None = None


class Stay(Table, table=True):
    """One stay in the Schengen area: entry and exit dates (exit empty while the person is here)."""

    __table_args__ = (CheckConstraint("exit_on IS NULL OR exit_on >= entry_on", name="ck_stay_order"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    entry_on: date
    exit_on: date | None = None
    counts_for_90_180: bool = Field(default=True)  # False when covered by a residence permit or D visa
    note: str | None = Field(default=None, max_length=200)


class Officer(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=40, unique=True)
    full_name: str = Field(max_length=120)
    office_id: int = Field(foreign_key="office.id", index=True)
    roles: str = Field(max_length=200)  # comma-separated role names (see desk.services.auth.Role)
    password_hash: str = Field(max_length=200)
    active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    # set when an administrator resets the password: the next login must choose a new one (migration 0017)
    must_change_password: bool = Field(default=False)


class PersonMerge(Table, table=True):
    """One merge of a duplicate record into the surviving one (0015): what moved, so that it can be undone
    while nothing new was written to either record since (``desk.services.merge``)."""

    __tablename__ = "person_merge"

    id: int | None = Field(default=None, primary_key=True)
    duplicate_id: int = Field(foreign_key="person.id", index=True)
    survivor_id: int = Field(foreign_key="person.id", index=True)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    officer_username: str = Field(max_length=40)
    reason: str = Field(max_length=40)
    moved: str = Field(sa_column=Column(Text, nullable=False))  # JSON: the ids of the rows that moved
    survivor_version: int  # the survivor's version right after the merge
    undone_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class OfficerSession(Table, table=True):
    """A login: the services accept an officer's call only while their session row is live (migration 0017).

    Only the SHA-256 of the token is stored; the token itself lives in the officer's process. ``roles``
    and ``credential`` (a digest of the password hash) are as they were at login: a change to either
    ends the session at the next call."""

    __tablename__ = "officer_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    roles: str = Field(max_length=200)
    credential: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    last_seen_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    ended_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    end_reason: str | None = Field(default=None, max_length=20)  # logout, disabled, password, roles, restore


class RoleGrant(Table, table=True):
    """A role asked for an officer that needs a second person's confirmation (supervisor, migration 0017)."""

    __tablename__ = "role_grant"

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    role: str = Field(max_length=20)
    requested_by: int = Field(foreign_key="officer.id")
    requested_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    confirmed_by: int | None = Field(default=None, foreign_key="officer.id")
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
