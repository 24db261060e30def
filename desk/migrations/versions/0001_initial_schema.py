"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('officer_username', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_case', ['case_id', 'id'], unique=False)
        batch_op.create_index('ix_audit_officer', ['officer_id', 'id'], unique=False)
        batch_op.create_index('ix_audit_person', ['person_id', 'id'], unique=False)

    op.create_table('case_counter',
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'year')
    )
    op.create_table('country',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('alpha2', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('name_lv', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('dublin_partner', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('decision_reason',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('case_kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('name_lv', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('decision_reason', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_reason_case_kind'), ['case_kind'], unique=False)

    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('name_lv', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('town', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('permit_purpose',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('name_lv', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('roles', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_officer_office_id'), ['office_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('surname', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('given_names', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('original_name', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=True),
    sa.Column('surname_folded', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('given_folded', sqlmodel.sql.sqltypes.AutoString(length=150), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('citizenship', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('personal_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("sex IN ('M', 'F', 'X')", name='ck_person_sex'),
    sa.ForeignKeyConstraint(['citizenship'], ['country.code'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_birth_name', ['date_of_birth', 'surname_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_personal_code'), ['personal_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_surname_folded'), ['surname_folded'], unique=False)

    op.create_table('case_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('version >= 1', name='ck_case_version'),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], ),
    sa.ForeignKeyConstraint(['owner_id'], ['officer.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['updated_by_id'], ['officer.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'year', 'seq', name='uq_case_kind_year_seq'),
    sa.UniqueConstraint('number')
    )
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_file_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_opened_on'), ['opened_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_status'), ['status'], unique=False)
        batch_op.create_index('ix_case_office_kind', ['office_id', 'kind'], unique=False)
        batch_op.create_index('ix_case_owner_open', ['owner_id', 'closed_on'], unique=False)

    op.create_table('identity_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('number_norm', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('issuing_country', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['issuing_country'], ['country.code'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('identity_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_document_number_norm'), ['number_norm'], unique=False)
        batch_op.create_index(batch_op.f('ix_identity_document_person_id'), ['person_id'], unique=False)

    op.create_table('stay',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('entry_on', sa.Date(), nullable=False),
    sa.Column('exit_on', sa.Date(), nullable=True),
    sa.Column('counts_for_90_180', sa.Boolean(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.CheckConstraint('exit_on IS NULL OR exit_on >= entry_on', name='ck_stay_order'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stay_person_id'), ['person_id'], unique=False)

    op.create_table('asylum_application',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('application_type', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('procedure', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('lodged_on', sa.Date(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('interview_on', sa.Date(), nullable=True),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('decision_on', sa.Date(), nullable=True),
    sa.Column('decision_extended_months', sa.Integer(), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('appeal_lodged_on', sa.Date(), nullable=True),
    sa.Column('final_on', sa.Date(), nullable=True),
    sa.Column('accommodation', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('unaccompanied_minor', sa.Boolean(), nullable=False),
    sa.Column('reason_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    op.create_table('deadline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('article', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('title_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('anchor_event_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('anchor_date', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('consequence_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('note_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadline_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_deadline_state_due', ['state', 'due_on'], unique=False)

    op.create_table('dublin_request',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('asylum_case_id', sa.Integer(), nullable=True),
    sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('request_kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('regime', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('partner_country', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('partner_reference', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('lodged_on', sa.Date(), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('knowledge_on', sa.Date(), nullable=True),
    sa.Column('hit_kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('hit_received_on', sa.Date(), nullable=True),
    sa.Column('urgent_reply_by', sa.Date(), nullable=True),
    sa.Column('detained', sa.Boolean(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('reply', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('tacit', sa.Boolean(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('refusal_received_on', sa.Date(), nullable=True),
    sa.Column('reexam_requested_on', sa.Date(), nullable=True),
    sa.Column('reexam_answered_on', sa.Date(), nullable=True),
    sa.Column('reexam_result', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('transfer_decided_on', sa.Date(), nullable=True),
    sa.Column('transfer_scheduled_on', sa.Date(), nullable=True),
    sa.Column('transfer_done_on', sa.Date(), nullable=True),
    sa.Column('suspensive_appeal_final_on', sa.Date(), nullable=True),
    sa.Column('extension', sqlmodel.sql.sqltypes.AutoString(length=14), nullable=True),
    sa.Column('out_of_time', sa.Boolean(), nullable=False),
    sa.CheckConstraint("direction IN ('incoming', 'outgoing')", name='ck_dublin_direction'),
    sa.ForeignKeyConstraint(['asylum_case_id'], ['case_file.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.ForeignKeyConstraint(['partner_country'], ['country.code'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('dublin_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dublin_request_asylum_case_id'), ['asylum_case_id'], unique=False)

    op.create_table('invitation',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('invitation_kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('inviter_kind', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('inviter_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('inviter_code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('reason_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.CheckConstraint("inviter_kind IN ('person', 'company')", name='ck_inviter_kind'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    op.create_table('invited_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_case_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['invitation_case_id'], ['case_file.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('invitation_case_id', 'person_id', name='uq_invited_once')
    )
    with op.batch_alter_table('invited_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invited_person_invitation_case_id'), ['invitation_case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invited_person_person_id'), ['person_id'], unique=False)

    op.create_table('residence_permit',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('permit_kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('issue_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('sponsor_case_id', sa.Integer(), nullable=True),
    sa.Column('right_to_work', sa.Boolean(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('card_number', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('annulled_on', sa.Date(), nullable=True),
    sa.Column('reason_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.ForeignKeyConstraint(['purpose'], ['permit_purpose.code'], ),
    sa.ForeignKeyConstraint(['sponsor_case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    op.create_table('return_decision',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('decision_kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('grounds', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('departure_days', sa.Integer(), nullable=True),
    sa.Column('depart_by', sa.Date(), nullable=True),
    sa.Column('departed_on', sa.Date(), nullable=True),
    sa.Column('contested_on', sa.Date(), nullable=True),
    sa.Column('ban_imposed', sa.Boolean(), nullable=False),
    sa.Column('ban_years', sa.Integer(), nullable=True),
    sa.Column('ban_months', sa.Integer(), nullable=True),
    sa.Column('ban_until', sa.Date(), nullable=True),
    sa.CheckConstraint("decision_kind IN ('voluntary', 'forced')", name='ck_return_kind'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    op.create_table('visa',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('entries', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('days_allowed', sa.Integer(), nullable=True),
    sa.Column('extension_reason', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('reason_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.CheckConstraint("category IN ('C', 'D')", name='ck_visa_category'),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], ),
    sa.PrimaryKeyConstraint('case_id')
    )
    _audit_append_only()


AUDIT_GUARD_SQLITE = (
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
)
AUDIT_GUARD_POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$",
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()",
)


def _audit_append_only() -> None:
    """The audit trail is append-only: the store itself refuses UPDATE and DELETE on it."""
    dialect = op.get_bind().dialect.name
    for statement in AUDIT_GUARD_SQLITE if dialect == "sqlite" else AUDIT_GUARD_POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    
    op.drop_table('visa')
    op.drop_table('return_decision')
    op.drop_table('residence_permit')
    with op.batch_alter_table('invited_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invited_person_person_id'))
        batch_op.drop_index(batch_op.f('ix_invited_person_invitation_case_id'))

    op.drop_table('invited_person')
    op.drop_table('invitation')
    with op.batch_alter_table('dublin_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dublin_request_asylum_case_id'))

    op.drop_table('dublin_request')
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_index('ix_deadline_state_due')
        batch_op.drop_index(batch_op.f('ix_deadline_case_id'))

    op.drop_table('deadline')
    op.drop_table('asylum_application')
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stay_person_id'))

    op.drop_table('stay')
    with op.batch_alter_table('identity_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identity_document_person_id'))
        batch_op.drop_index(batch_op.f('ix_identity_document_number_norm'))

    op.drop_table('identity_document')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index('ix_case_owner_open')
        batch_op.drop_index('ix_case_office_kind')
        batch_op.drop_index(batch_op.f('ix_case_file_status'))
        batch_op.drop_index(batch_op.f('ix_case_file_person_id'))
        batch_op.drop_index(batch_op.f('ix_case_file_opened_on'))
        batch_op.drop_index(batch_op.f('ix_case_file_kind'))

    op.drop_table('case_file')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_surname_folded'))
        batch_op.drop_index(batch_op.f('ix_person_personal_code'))
        batch_op.drop_index('ix_person_birth_name')

    op.drop_table('person')
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_officer_office_id'))

    op.drop_table('officer')
    op.drop_table('permit_purpose')
    op.drop_table('office')
    with op.batch_alter_table('decision_reason', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_reason_case_kind'))

    op.drop_table('decision_reason')
    op.drop_table('country')
    op.drop_table('case_counter')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_person')
        batch_op.drop_index('ix_audit_officer')
        batch_op.drop_index('ix_audit_case')

    op.drop_table('audit_entry')
    
