"""who may be what, and notes on a case

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

Issue 14:

* country.eu_member: the EU Member States, as data (the EU citizen's asylum application, Protocol No 24;
  ``dublin_partner`` already holds the Member States and the four associated states). Filled below.
* asylum_application.protocol24_ground: the case of Protocol No 24 to the Treaties, sole article (a)-(d),
  in which an EU citizen's application is examined (``desk.rules.eligibility.PROTOCOL24_GROUNDS``).
* asylum_application.first_confirmed: true when the officer confirmed a first application for a person who
  applied before (otherwise such an application is registered as repeat); empty otherwise.
* case_note: an officer's note on a case (plain text; a correction is a new note naming the one it
  corrects). The store refuses an UPDATE of a note (a trigger, as for the audit trail); a DELETE stays
  possible, for an erasure the data-protection rules may order.
"""
from alembic import op
import sqlalchemy as sa


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# TEU Art. 49-52 and the acts of accession: the 27 Member States on 1 December 2026 (a snapshot: the
# reference data, seed/reference.py EU_MEMBER_STATES, keeps the list from here on)
EU_MEMBER_STATES = ("AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
                    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE")


NOTE_GUARD_SQLITE = (
    "CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note "
    "BEGIN SELECT RAISE(ABORT, 'case notes are never edited: write a correction'); END",
)
NOTE_GUARD_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION case_note_never_edited() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'case notes are never edited: write a correction'; END $$",
    "CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note "
    "FOR EACH ROW EXECUTE FUNCTION case_note_never_edited()",
)


def upgrade() -> None:
    # plain ADD COLUMN, not a batch copy: on SQLite a copy of ``country`` would drop a table that persons,
    # documents and Dublin requests reference
    op.add_column("country", sa.Column("eu_member", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("asylum_application", sa.Column("protocol24_ground", sa.String(length=20), nullable=True))
    op.add_column("asylum_application", sa.Column("first_confirmed", sa.Boolean(), nullable=True))
    country = sa.table("country", sa.column("code", sa.String), sa.column("eu_member", sa.Boolean))
    op.execute(country.update().where(country.c.code.in_(EU_MEMBER_STATES)).values(eu_member=True))
    op.create_table(
        "case_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("officer_username", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"]),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"]),
        sa.ForeignKeyConstraint(["corrects_id"], ["case_note.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_note_case", "case_note", ["case_id", "id"])
    for statement in NOTE_GUARD_SQLITE if op.get_bind().dialect.name == "sqlite" else NOTE_GUARD_POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_note_no_update ON case_note")
        op.execute("DROP FUNCTION IF EXISTS case_note_never_edited()")
    op.drop_index("ix_case_note_case", table_name="case_note")
    op.drop_table("case_note")
    op.drop_column("asylum_application", "first_confirmed")  # SQLite 3.35+: ALTER TABLE DROP COLUMN
    op.drop_column("asylum_application", "protocol24_ground")
    op.drop_column("country", "eu_member")
