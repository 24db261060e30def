"""a refusal's notification and contest; a take back's earlier case

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

Issue 14 point 3: a refused residence permit, visa or invitation can be contested within one month of the
refusal's notification (Administrative Procedure Law ss. 70(1), 79(1); desk.rules.contest). The detail rows
record the day the refusal was notified and the day it was contested, so the contest period is a deadline.

Issue 14 point 2: dublin_request.earlier_case_id links an accepted incoming take back request to the person's
earlier asylum case in Latvia (Reg. 604/2013 Art. 18(2): the responsible state lets the applicant have the
examination completed or lodge a new application).
"""
from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("residence_permit", "visa", "invitation")

# Issue 14 point 6: a visa's and an invitation's refusal gives a refusal ground (a snapshot: the reference
# data, seed/reference.py DECISION_REASONS, keeps the list from here on)
REFUSAL_REASONS = (
    ("visa.conditions_not_met", "visa", "Nav pamata pagarināt uzturēšanos (Vīzu kodeksa 33. pants)", "No ground to extend the stay (Visa Code Art. 33)"),
    ("visa.false_information", "visa", "Sniegtas nepatiesas ziņas", "False information given"),
    ("visa.threat_public_order", "visa", "Drauds sabiedriskajai kārtībai vai drošībai", "Threat to public policy or security"),
    ("visa.entry_ban", "visa", "Ieceļošanas aizliegums (SIS brīdinājums)", "Entry ban (SIS alert)"),
    ("invitation.documents_missing", "invitation", "Nav iesniegti visi dokumenti", "Documents missing"),
    ("invitation.false_information", "invitation", "Uzaicinātājs sniedzis nepatiesas ziņas", "False information given by the inviter"),
    ("invitation.entry_ban", "invitation", "Uzaicinātajam noteikts ieceļošanas aizliegums", "The invited person is banned from entry"),
    ("invitation.illegal_immigration_risk", "invitation", "Nelegālās imigrācijas risks", "Risk of illegal immigration"),
    ("invitation.withdrawn_by_inviter", "invitation", "Uzaicinātājs atsaucis izsaukumu", "Withdrawn by the inviter"),
)


def upgrade() -> None:
    # plain ADD COLUMN (nullable): no table copy on SQLite
    for table in TABLES:
        op.add_column(table, sa.Column("notified_on", sa.Date(), nullable=True))
        op.add_column(table, sa.Column("contested_on", sa.Date(), nullable=True))
    reasons = sa.table("decision_reason", sa.column("code", sa.String), sa.column("case_kind", sa.String),
                       sa.column("name_lv", sa.String), sa.column("name_en", sa.String))
    have = {code for (code,) in op.get_bind().execute(sa.select(reasons.c.code))}
    rows = [dict(code=c, case_kind=k, name_lv=lv, name_en=en) for c, k, lv, en in REFUSAL_REASONS if c not in have]
    if rows:
        op.bulk_insert(reasons, rows)
    # no FOREIGN KEY clause: SQLite adds one only with a table copy (which would drop a referenced table);
    # the ORM model declares it and PostgreSQL gets it
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("dublin_request", sa.Column("earlier_case_id", sa.Integer(),
                                                  sa.ForeignKey("case_file.id"), nullable=True))
    else:
        op.add_column("dublin_request", sa.Column("earlier_case_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    reasons = sa.table("decision_reason", sa.column("code", sa.String))
    op.execute(reasons.delete().where(reasons.c.code.in_([c for c, *_ in REFUSAL_REASONS])))
    op.drop_column("dublin_request", "earlier_case_id")
    for table in TABLES:
        op.drop_column(table, "contested_on")  # SQLite 3.35+: ALTER TABLE DROP COLUMN
        op.drop_column(table, "notified_on")
