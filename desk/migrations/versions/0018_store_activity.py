"""long work under way on the store

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01

Issue 16 point 3: while an import holds the store, another officer's read or save waits at most two seconds
and is then told the store is busy, and with what: ``store_activity`` holds the long work under way (what,
whose, since when), written and removed in short transactions of their own.
"""
from alembic import op
import sqlalchemy as sa


revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=20), nullable=False),
        sa.Column("officer_username", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("store_activity")
