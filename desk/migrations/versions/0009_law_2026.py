"""the law in force on 1 December 2026: the facts its limits run from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Issue 12 (AMMR counting, the Asylum Procedure Regulation, the Return Directive re-read):

* asylum_application.regime: ``asylum_law`` (Asylum Law, Directive 2013/32/EU) or ``apr`` (Reg. (EU)
  2024/1348, for applications lodged from 12 June 2026, APR Art. 79(3)); filled from ``lodged_on``.
* asylum_application.made_on: the day the application was made (APR Art. 26); the APR's order is
  made <= registered (Art. 27) <= lodged (Art. 28).
* asylum_application.postponed_on: the decision was postponed under APR Art. 35(7) (the 21 months).
* dublin_request.detained_on: the day of detention (AMMR Art. 45(1) second subpara.; Dublin III
  Art. 28(3) as read in CJEU C-60/16 Khir Amayry).
* dublin_request.urgent_needs_longer: the requested state cannot reply within the period asked
  (Reg. 604/2013 Art. 22(6); AMMR Art. 40(7)).
* dublin_request.urgent_ground: why an urgent reply may be asked under the AMMR: the application was
  registered after a refusal of entry or a return decision (Art. 39(2)).
* dublin_request.reappeared_on: the person became available again (AMMR Art. 46(2) second subpara.).
* dublin_request.minor_best_interests: a take charge request for an unaccompanied child in the
  child's best interests, after the limits (AMMR Art. 39(1) fourth subpara.).
* return_decision.departure_ground: the Return Directive Art. 7(4) ground for a shorter period or none.
* return_decision.departure_extended_days / departure_extension_reason: Art. 7(2).

Open deadlines are recomputed under the new rules by ``desk recompute`` (run by the store after this
upgrade; each case whose dates moved gets a history entry saying why).
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

APR_APPLIES_FROM = "2026-06-12"  # Reg. 2024/1348 Art. 79(3)

COLUMNS = lambda: [  # noqa: E731 - fresh Column objects for each use
    ("asylum_application", sa.Column("regime", sa.String(length=12), nullable=False, server_default="asylum_law")),
    ("asylum_application", sa.Column("made_on", sa.Date(), nullable=True)),
    ("asylum_application", sa.Column("postponed_on", sa.Date(), nullable=True)),
    ("dublin_request", sa.Column("detained_on", sa.Date(), nullable=True)),
    ("dublin_request", sa.Column("urgent_needs_longer", sa.Boolean(), nullable=False, server_default=sa.false())),
    ("dublin_request", sa.Column("reappeared_on", sa.Date(), nullable=True)),
    ("dublin_request", sa.Column("urgent_ground", sa.String(length=20), nullable=True)),
    ("dublin_request", sa.Column("minor_best_interests", sa.Boolean(), nullable=False, server_default=sa.false())),
    ("return_decision", sa.Column("departure_ground", sa.String(length=30), nullable=True)),
    ("return_decision", sa.Column("departure_extended_days", sa.Integer(), nullable=True)),
    ("return_decision", sa.Column("departure_extension_reason", sa.String(length=40), nullable=True)),
]


def upgrade() -> None:
    columns = COLUMNS()
    for table in dict.fromkeys(t for t, _c in columns):
        with op.batch_alter_table(table) as batch:
            for t, column in columns:
                if t == table:
                    batch.add_column(column)
    from datetime import date

    op.execute(sa.text("UPDATE asylum_application SET regime = 'apr' WHERE lodged_on >= :d")
               .bindparams(sa.bindparam("d", date.fromisoformat(APR_APPLIES_FROM), type_=sa.Date())))


def downgrade() -> None:
    columns = COLUMNS()
    for table in reversed(list(dict.fromkeys(t for t, _c in columns))):
        with op.batch_alter_table(table) as batch:
            for t, column in reversed(columns):
                if t == table:
                    batch.drop_column(column.name)
