"""Signed audit: a keyed signature per entry, signed checkpoints of the chain head, the store's identity.

``audit_entry.mac`` is HMAC-SHA256 (key outside the database, desk.keys) of the entry's hash: whoever
can write the store but not read the key cannot re-hash an edited chain or append an entry unnoticed.
``audit_checkpoint`` holds signed (entry id, head hash) pairs - every N entries and at shift end - and is
append-only like the trail. ``store_identity`` is one row: a UUID made when the store is created, so a
backup of another office's store is recognised at restore. Older entries keep mac NULL ("not proven").

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GUARD_SQLITE = (
    "CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint "
    "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END",
    "CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint "
    "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END",
)
GUARD_POSTGRESQL = (
    "CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    "CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()",
)


def upgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_checkpoint",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("officer_username", sa.String(length=40), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
    )
    op.create_table(
        "store_identity",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.get_bind().execute(sa.text("INSERT INTO store_identity (id, created_at) VALUES (:id, :at)"),
                          {"id": str(uuid.uuid4()), "at": datetime.now(timezone.utc)})
    for statement in GUARD_SQLITE if op.get_bind().dialect.name == "sqlite" else GUARD_POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("store_identity")
    op.drop_table("audit_checkpoint")
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("mac")
