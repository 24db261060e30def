"""merging two records of one person

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

Issue 19 point 3: a supervisor merges a duplicate record into the surviving one; ``person_merge`` keeps what
moved (cases, documents, stays, invitations) so that the merge can be undone while neither record changed
since. The duplicate row stays, pointing to the survivor (``person.merged_into``, migration 0008).
"""
from alembic import op
import sqlalchemy as sa


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duplicate_id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer_username", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("moved", sa.Text(), nullable=False),
        sa.Column("survivor_version", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["duplicate_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["survivor_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_merge_duplicate_id", "person_merge", ["duplicate_id"])
    op.create_index("ix_person_merge_survivor_id", "person_merge", ["survivor_id"])


def downgrade() -> None:
    op.drop_index("ix_person_merge_survivor_id", table_name="person_merge")
    op.drop_index("ix_person_merge_duplicate_id", table_name="person_merge")
    op.drop_table("person_merge")
