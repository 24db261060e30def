"""officer sessions, pending role grants, the forced password change

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

Issue 15 point 2: a login creates an ``officer_session`` row (the SHA-256 of an unguessable token, the
officer, the roles granted at login, a digest of the password hash, created / last seen / expiry / ended);
every service call checks it is live, so disabling an officer, resetting their password or changing their
roles ends their open sessions at the next call. Point 3: ``officer.must_change_password`` (set by an
administrator's reset: the next login must choose a new password) and ``role_grant`` (granting
supervisor waits for a second administrator's or a supervisor's confirmation).
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: no table copy of officer on SQLite (persons' cases and the trail reference it)
    op.add_column("officer", sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.create_table(
        "officer_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id"), nullable=False),
        sa.Column("roles", sa.String(length=200), nullable=False),
        sa.Column("credential", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
    )
    op.create_index("ix_officer_session_token_hash", "officer_session", ["token_hash"], unique=True)
    op.create_index("ix_officer_session_officer_id", "officer_session", ["officer_id"])
    op.create_table(
        "role_grant",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officer.id"), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.Integer(), sa.ForeignKey("officer.id"), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_by", sa.Integer(), sa.ForeignKey("officer.id"), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_role_grant_officer_id", "role_grant", ["officer_id"])


def downgrade() -> None:
    op.drop_index("ix_role_grant_officer_id", table_name="role_grant")
    op.drop_table("role_grant")
    op.drop_index("ix_officer_session_officer_id", table_name="officer_session")
    op.drop_index("ix_officer_session_token_hash", table_name="officer_session")
    op.drop_table("officer_session")
    op.drop_column("officer", "must_change_password")  # SQLite 3.35+: ALTER TABLE DROP COLUMN
