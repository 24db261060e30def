"""Index deadlines by case and state: the worklist's "next due" is one index probe per case.

The worklist orders an office's open cases by each case's earliest open or missed deadline, a
correlated subquery on (case_id, state). With only ``ix_deadline_case_id`` and ``ix_deadline_state_due``
SQLite, lacking statistics on a fresh store, chose the state index and read every open deadline of
the store for every case: the supervisor's office worklist took minutes on the 1M store. One index
leading with case_id and state answers the subquery from the index alone; it replaces the case_id one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deadline_case_state", "deadline", ["case_id", "state", "due_on"])
    op.drop_index("ix_deadline_case_id", table_name="deadline")


def downgrade() -> None:
    op.create_index("ix_deadline_case_id", "deadline", ["case_id"])
    op.drop_index("ix_deadline_case_state", table_name="deadline")
