"""Index the audit trail by time: the day's report and the activity per officer read one day of it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_at", "audit_entry", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_at", table_name="audit_entry")
