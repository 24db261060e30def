"""one person per personal code, one person per document

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

Issue 16 point 1: eight officers registering the same person at the same instant stored one person on
SQLite (writers are serialised) and eight on PostgreSQL: the duplicate check read, then inserted. Now the
database says no: a unique index on the personal code of every person not merged into another, and one on
a document's issuing state, kind and normalised number. ``persons.register_person`` turns the refusal into
the duplicate message its check gives.

A store that already holds such duplicates cannot get the indexes: the upgrade stops with a message saying
how many, and nothing changes (the duplicates are merged first, then the upgrade runs again).
"""
from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

LIVE_CODE = "personal_code IS NOT NULL AND merged_into IS NULL"


class DuplicatesInStore(RuntimeError):
    pass


def upgrade() -> None:
    bind = op.get_bind()
    codes = bind.execute(sa.text(
        f"SELECT count(*) FROM (SELECT personal_code FROM person WHERE {LIVE_CODE} "
        "GROUP BY personal_code HAVING count(*) > 1) AS d")).scalar_one()
    documents = bind.execute(sa.text(
        "SELECT count(*) FROM (SELECT issuing_country, kind, number_norm FROM identity_document "
        "GROUP BY issuing_country, kind, number_norm HAVING count(*) > 1) AS d")).scalar_one()
    if codes or documents:
        raise DuplicatesInStore(
            f"this store holds {codes} personal codes and {documents} documents registered to more than one "
            "person: merge those persons, then upgrade again (nothing was changed)")
    op.create_index("uq_person_personal_code", "person", ["personal_code"], unique=True,
                    sqlite_where=sa.text(LIVE_CODE), postgresql_where=sa.text(LIVE_CODE))
    op.create_index("uq_document_number", "identity_document", ["issuing_country", "kind", "number_norm"],
                    unique=True)


def downgrade() -> None:
    op.drop_index("uq_document_number", table_name="identity_document")
    op.drop_index("uq_person_personal_code", table_name="person")
