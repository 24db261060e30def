"""Cases and the details of each case kind, their deadlines.

A case has a human-readable number per kind and year (``PAT-2026-000042``) drawn from ``case_counter``,
which only ever counts up, so a number is never reused even when a case is withdrawn or deleted.
``version`` is the optimistic lock: every change bumps it with ``UPDATE ... WHERE version = :seen``.
"""
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Column, Index, Text, UniqueConstraint
from sqlmodel import Field

from models.base import Table, UTCDateTime, utcnow


class CaseKind(StrEnum):
    ASYLUM = "asylum"
    DUBLIN = "dublin"
    PERMIT = "permit"
    VISA = "visa"
    INVITATION = "invitation"
    RETURN = "return"

    @property
    def prefix(self) -> str:
        # Latvian initials: patvērums, Dublina, uzturēšanās atļauja, vīza, ielūgums/izsaukums, atgriešana
        return {"asylum": "PAT", "dublin": "DUB", "permit": "UAT", "visa": "VIZ",
                "invitation": "IEL", "return": "ATG"}[self.value]


class CaseCounter(Table, table=True):
    __tablename__ = "case_counter"

    kind: str = Field(primary_key=True, max_length=20)
    year: int = Field(primary_key=True)
    last_seq: int = Field(default=0)


class Case(Table, table=True):
    __tablename__ = "case_file"
    __table_args__ = (
        UniqueConstraint("kind", "year", "seq", name="uq_case_kind_year_seq"),
        Index("ix_case_office_kind", "office_id", "kind"),
        # the worklist: an owner's or an office's open cases in next-due order, and their counts (0007);
        # PostgreSQL also has partial indexes of the open cases only, made by migration 0021 alone
        Index("ix_case_owner_worklist", "owner_id", "closed_on", "next_due", "number"),
        Index("ix_case_office_worklist", "office_id", "closed_on", "next_due", "number"),
        Index("ix_case_office_open_kind", "office_id", "closed_on", "kind"),
        # the worklist sorted by days waiting: opened longest ago first (0016)
        Index("ix_case_owner_waiting", "owner_id", "closed_on", "opened_on", "number"),
        Index("ix_case_office_waiting", "office_id", "closed_on", "opened_on", "number"),
        # the day's report: open and closed cases per kind on a day; a final status on a live case (0007)
        Index("ix_case_closed_kind", "closed_on", "kind"),
        Index("ix_case_kind_status", "kind", "status", "closed_on"),
        CheckConstraint("version >= 1", name="ck_case_version"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=20, unique=True)
    kind: str = Field(max_length=20, index=True)
    year: int
    seq: int
    status: str = Field(max_length=40, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    office_id: int = Field(foreign_key="office.id")
    owner_id: int | None = Field(default=None, foreign_key="officer.id")
    opened_on: date = Field(index=True)
    closed_on: date | None = Field(default=None)
    # the earliest deadline still open, or missed and not done (None: nothing due); kept by
    # desk.services.deadlines (recompute, store_next_due) wherever deadline rows are written
    next_due: date | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    updated_by_id: int | None = Field(default=None, foreign_key="officer.id")
    version: int = Field(default=1)


class AsylumApplication(Table, table=True):
    """Asylum Law (2016): the application lodged with the State Border Guard and decided by PMLP."""

    __tablename__ = "asylum_application"

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    application_type: str = Field(default="first", max_length=10)  # first, repeat
    procedure: str = Field(default="regular", max_length=20)  # regular, accelerated, admissibility, border (0019)
    lodged_on: date  # Dublin III counts from lodging
    registered_on: date  # AMMR counts from registration
    accepted_for_examination_on: date | None = None
    interview_on: date | None = None
    decision: str | None = Field(default=None, max_length=30)  # refugee, alternative, refused, ...
    decision_on: date | None = Field(default=None, index=True)  # the day's report (0007)
    decision_extended_months: int = Field(default=0)
    notified_on: date | None = None
    appeal_lodged_on: date | None = None
    final_on: date | None = None
    accommodation: str | None = Field(default=None, max_length=60)  # e.g. "Mucenieki"
    unaccompanied_minor: bool = Field(default=False)
    reason_code: str | None = Field(default=None, max_length=40)
    # 0009: asylum_law (Asylum Law, Dir. 2013/32/EU) or apr (Reg. 2024/1348, lodged from 12 June 2026)
    regime: str = Field(default="asylum_law", max_length=12)
    made_on: date | None = None  # APR Art. 26: made, then registered (Art. 27), then lodged (Art. 28)
    postponed_on: date | None = None  # APR Art. 35(7): decision postponed (the 21-month ceiling)
    # 0010: the case of Protocol No 24 (sole article, (a)-(d)) in which an EU citizen's application is examined
    protocol24_ground: str | None = Field(default=None, max_length=20)
    first_confirmed: bool | None = None  # 0010: True when "first" was confirmed for a person who applied before


class DublinRequest(Table, table=True):
    """A Dublin request exchanged over DubliNet; also a case of its own (number DUB-...)."""

    __tablename__ = "dublin_request"
    __table_args__ = (CheckConstraint("direction IN ('incoming', 'outgoing')", name="ck_dublin_direction"),)

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    asylum_case_id: int | None = Field(default=None, foreign_key="case_file.id", index=True)
    # an accepted incoming take back: the person's earlier asylum case here, which Latvia must let the
    # person have completed or lodge anew (604/2013 Art. 18(2)) (0012)
    earlier_case_id: int | None = Field(default=None, foreign_key="case_file.id")
    direction: str = Field(max_length=10)
    request_kind: str = Field(max_length=20)  # take_charge, take_back, information
    regime: str = Field(max_length=12)  # dublin_iii, ammr
    partner_country: str = Field(foreign_key="country.code", max_length=3)
    partner_reference: str | None = Field(default=None, max_length=40)
    lodged_on: date | None = None
    registered_on: date | None = None
    knowledge_on: date | None = None  # when it became known another state may be responsible (Art. 24(2))
    hit_kind: str | None = Field(default=None, max_length=10)  # eurodac, vis
    hit_received_on: date | None = None
    urgent_reply_by: date | None = None
    detained: bool = Field(default=False)
    sent_on: date | None = None  # outgoing: sent; incoming: sent by the partner
    received_on: date | None = None  # incoming: DubliNet acknowledgement date
    reply: str | None = Field(default=None, max_length=12)  # accepted, rejected
    replied_on: date | None = None
    tacit: bool = Field(default=False)
    accepted_on: date | None = None
    refusal_received_on: date | None = None
    reexam_requested_on: date | None = None
    reexam_answered_on: date | None = None
    reexam_result: str | None = Field(default=None, max_length=12)
    transfer_decided_on: date | None = None
    transfer_decision_notified_on: date | None = None
    transfer_scheduled_on: date | None = None
    transfer_done_on: date | None = None
    suspensive_appeal_final_on: date | None = None
    extension: str | None = Field(default=None, max_length=40)  # imprisonment, absconding, ... (0019)
    extension_notified_on: date | None = None
    out_of_time: bool = Field(default=False)
    # 0009
    detained_on: date | None = None  # AMMR Art. 45(1) second subpara.; Dublin III 28(3), C-60/16 Khir Amayry
    urgent_needs_longer: bool = Field(default=False)  # Reg. 604/2013 Art. 22(6); AMMR Art. 40(7)
    urgent_ground: str | None = Field(default=None, max_length=20)  # AMMR Art. 39(2): refusal_of_entry, return_decision
    reappeared_on: date | None = None  # AMMR Art. 46(2) second subpara.
    minor_best_interests: bool = Field(default=False)  # AMMR Art. 39(1) fourth subpara.


class ResidencePermit(Table, table=True):
    """Immigration Law: temporary or permanent residence permit, EU long-term resident, EU registration."""

    __tablename__ = "residence_permit"

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    permit_kind: str = Field(max_length=20)  # temporary, permanent, eu_long_term, eu_registration
    issue_type: str = Field(default="first", max_length=20)  # first, re_registration, re_issue
    purpose: str = Field(foreign_key="permit_purpose.code", max_length=32)
    sponsor_case_id: int | None = Field(default=None, foreign_key="case_file.id")  # the call that supports it
    right_to_work: bool = Field(default=False)
    applied_on: date
    decided_on: date | None = Field(default=None, index=True)  # the day's report (0007)
    valid_from: date | None = None
    valid_until: date | None = None
    issued_on: date | None = None
    reregistered_on: date | None = None
    card_number: str | None = Field(default=None, max_length=20)
    annulled_on: date | None = None
    reason_code: str | None = Field(default=None, max_length=40)
    notified_on: date | None = None  # a refusal's notification: the contest period runs from it (0012)
    contested_on: date | None = None  # the refusal contested (APL s. 79(1)) (0012)


class Visa(Table, table=True):
    """Visa Code: PMLP issues or extends a visa when unforeseen circumstances keep a foreigner here."""

    __table_args__ = (CheckConstraint("category IN ('C', 'D')", name="ck_visa_category"),)

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    category: str = Field(max_length=1)
    entries: str = Field(default="single", max_length=10)  # single, double, multiple
    applied_on: date
    decided_on: date | None = Field(default=None, index=True)  # the day's report (0007)
    valid_from: date | None = None
    valid_until: date | None = None
    days_allowed: int | None = None
    extension_reason: str | None = Field(default=None, max_length=40)
    reason_code: str | None = Field(default=None, max_length=40)
    notified_on: date | None = None  # a refusal's notification: the contest period runs from it (0012)
    contested_on: date | None = None  # the refusal contested (APL s. 79(1)) (0012)


class Invitation(Table, table=True):
    """An invitation (ielūgums, for a visa) or a call (izsaukums, for a residence permit)."""

    __table_args__ = (CheckConstraint("inviter_kind IN ('person', 'company')", name="ck_inviter_kind"),)

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    invitation_kind: str = Field(max_length=12)  # invitation, call
    inviter_kind: str = Field(max_length=8)
    inviter_name: str = Field(max_length=200)
    inviter_code: str | None = Field(default=None, max_length=20)  # personal code or company reg. number
    purpose: str | None = Field(default=None, max_length=32)
    submitted_on: date
    decided_on: date | None = Field(default=None, index=True)  # the day's report (0007)
    valid_from: date | None = None
    valid_until: date | None = None
    reason_code: str | None = Field(default=None, max_length=40)
    notified_on: date | None = None  # a refusal's notification: the contest period runs from it (0012)
    contested_on: date | None = None  # the refusal contested (APL s. 79(1)) (0012)


class InvitedPerson(Table, table=True):
    __tablename__ = "invited_person"
    __table_args__ = (UniqueConstraint("invitation_case_id", "person_id", name="uq_invited_once"),)

    id: int | None = Field(default=None, primary_key=True)
    invitation_case_id: int = Field(foreign_key="case_file.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)


class ReturnDecision(Table, table=True):
    """Immigration Law; Return Directive 2008/115/EC: voluntary departure order or forced expulsion."""

    __tablename__ = "return_decision"
    __table_args__ = (CheckConstraint("decision_kind IN ('voluntary', 'forced')", name="ck_return_kind"),)

    case_id: int = Field(primary_key=True, foreign_key="case_file.id")
    decision_kind: str = Field(max_length=10)
    grounds: str = Field(max_length=40)  # overstay, no_visa, no_permit, visa_free_breach, ...
    issued_on: date = Field(index=True)  # the day's report (0007)
    notified_on: date | None = None
    departure_days: int | None = None  # 7..30 for a voluntary departure order (Directive Art. 7)
    depart_by: date | None = None
    departed_on: date | None = None
    contested_on: date | None = None
    contest_decided_on: date | None = None
    appealed_on: date | None = None
    ban_imposed: bool = Field(default=False)
    ban_years: int | None = None
    ban_months: int | None = None
    ban_until: date | None = None  # runs from the actual departure (CJEU C-225/16 Ouhrami)
    # 0009: Return Directive Art. 7(4) ground for a shorter period or none; Art. 7(2) extension
    departure_ground: str | None = Field(default=None, max_length=30)
    departure_extended_days: int | None = None
    departure_extension_reason: str | None = Field(default=None, max_length=40)


class CaseNote(Table, table=True):
    """An officer's note on a case (0010): plain text, never markup; never changed once written - a
    correction is a new note naming the one it corrects (``corrects_id``)."""

    __tablename__ = "case_note"
    __table_args__ = (Index("ix_case_note_case", "case_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    officer_username: str = Field(max_length=40)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    corrects_id: int | None = Field(default=None, foreign_key="case_note.id")


class Deadline(Table, table=True):
    """A deadline the rules produced for a case, with its explanation; recomputed on every event."""

    __table_args__ = (
        Index("ix_deadline_state_due", "state", "due_on"),
        Index("ix_deadline_case_state", "case_id", "state", "due_on"),  # a case's next due: migration 0005
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case_file.id")
    rule_id: str = Field(max_length=60)
    article: str = Field(max_length=120)
    title_key: str = Field(max_length=80)
    anchor_event_key: str = Field(max_length=80)
    anchor_date: date
    due_on: date
    state: str = Field(max_length=8)  # open, met, missed, moot
    done_on: date | None = None
    consequence_key: str | None = Field(default=None, max_length=80)
    note_key: str | None = Field(default=None, max_length=80)
    verified: bool = Field(default=True)
    computed_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
