"""the choices a form offers fit their columns: a transfer extension's reason, an asylum procedure

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01

``dublin_request.extension`` was VARCHAR(20), and one of the reasons a transfer period is extended,
``self_induced_unfitness`` (desk.services.kinds.dublin.EXTENSIONS), is 22 characters: SQLite stores it
anyway, PostgreSQL refused the officer's save (and ``desk seed``) with "value too long". So did
``asylum_application.procedure`` (VARCHAR(12)) for ``admissibility``. The columns are widened to 40 and 20;
tests/test_choice_lengths.py holds every choice of every form to its column.
"""
from alembic import op
import sqlalchemy as sa


revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dublin_request") as batch:
        batch.alter_column("extension", existing_type=sa.String(length=20), type_=sa.String(length=40),
                           existing_nullable=True)
    with op.batch_alter_table("asylum_application") as batch:
        batch.alter_column("procedure", existing_type=sa.String(length=12), type_=sa.String(length=20),
                           existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("asylum_application") as batch:
        batch.alter_column("procedure", existing_type=sa.String(length=20), type_=sa.String(length=12),
                           existing_nullable=False)
    with op.batch_alter_table("dublin_request") as batch:
        batch.alter_column("extension", existing_type=sa.String(length=40), type_=sa.String(length=20),
                           existing_nullable=True)
