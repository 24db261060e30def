"""Index the worklist for its "days waiting" order

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

Issue 14 point 9: the worklist sorts by days waiting (opened longest ago first) as well as by the next due
date. ``ix_case_owner_worklist`` / ``ix_case_office_worklist`` hold ``next_due`` after the owner or office
and ``closed_on``; ordered by ``opened_on`` instead, the office's ~95,000 open cases on the 1M store would
be sorted in a temporary B-tree for every page. These two hold that order, so a page is read off the index
as the next-due pages are.

"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_owner_waiting", "case_file", ["owner_id", "closed_on", "opened_on", "number"])
    op.create_index("ix_case_office_waiting", "case_file", ["office_id", "closed_on", "opened_on", "number"])


def downgrade() -> None:
    op.drop_index("ix_case_office_waiting", table_name="case_file")
    op.drop_index("ix_case_owner_waiting", table_name="case_file")
