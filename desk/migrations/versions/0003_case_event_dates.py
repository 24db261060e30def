"""Event dates the rules need that 0001 did not keep as columns.

- asylum_application.accepted_for_examination_on: anchors the interview period (Asylum Law s. 29)
- dublin_request.transfer_decision_notified_on: anchors the AMMR transfer appeal (2024/1351 Art. 43(2))
- dublin_request.extension_notified_on: Dublin III Art. 29(2) / 1560/2003 Art. 9(2) notice before the 6 months end
- residence_permit.reregistered_on: re-registration no longer overwrites issued_on
- return_decision.contest_decided_on, appealed_on: the contest and the court appeal of a return decision

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW_DATES = [
    ("asylum_application", "accepted_for_examination_on"),
    ("dublin_request", "transfer_decision_notified_on"),
    ("dublin_request", "extension_notified_on"),
    ("residence_permit", "reregistered_on"),
    ("return_decision", "contest_decided_on"),
    ("return_decision", "appealed_on"),
]


def upgrade() -> None:
    for table, column in NEW_DATES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column(column, sa.Date(), nullable=True))
    with op.batch_alter_table("dublin_request") as batch:
        batch.alter_column("extension", type_=sa.String(length=20), existing_type=sa.String(length=14))


def downgrade() -> None:
    with op.batch_alter_table("dublin_request") as batch:
        batch.alter_column("extension", type_=sa.String(length=14), existing_type=sa.String(length=20))
    for table, column in reversed(NEW_DATES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
