"""an incoming Dublin request has its own life cycle

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Issue 14 point 1: a request another Member State sends Latvia is no longer "sent, awaiting reply" with the
requesting state's steps (re-examination, transfer decision); it is ``received`` (awaiting Latvia's reply),
then accepted / rejected / tacitly accepted, then ``transfer_expected`` and ``arrived`` (desk.rules.dublin
INCOMING_MACHINE). Stored incoming requests move to the statuses of that life cycle; nothing else changes.
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

UP = {"sent": "received", "transfer_decided": "transfer_expected", "transfer_scheduled": "transfer_expected",
      "transferred": "arrived"}
DOWN = {"received": "sent", "transfer_expected": "transfer_scheduled", "arrived": "transferred"}


def _move(mapping: dict[str, str]) -> None:
    incoming = "SELECT case_id FROM dublin_request WHERE direction = 'incoming'"
    for old, new in mapping.items():
        op.execute(sa.text(f"UPDATE case_file SET status = :new WHERE kind = 'dublin' AND status = :old "
                           f"AND id IN ({incoming})").bindparams(old=old, new=new))


def upgrade() -> None:
    _move(UP)


def downgrade() -> None:
    _move(DOWN)
