"""a scale load that did not finish is known

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

Issue 16 point 5: a ``desk seed`` killed after its first batch left 20,000 cases and 21,000 persons with no
audit entry and the case-number counter behind. ``seed_run`` holds one row per load: written (and committed)
before the first batch, finished after the last one and its audit entry. A store with an unfinished load is
refused on open (desk.store.open_store) until it is removed and seeded again.
"""
from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seed_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("seed_run")
