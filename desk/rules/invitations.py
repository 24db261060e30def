"""Invitations (ielūgums: for a foreigner coming on a visa) and calls (izsaukums: for a foreigner applying
for a residence permit) (Immigration Law; Cabinet regulations on invitations and calls).

The inviter - a person or a company - answers for the foreigner's timely departure and, if needed, for
health care, stay and return costs. One invitation names one or more invited persons; PMLP approves or
refuses it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk.rules.calendar import add_period, apl_period
from desk.rules.common import ComputedDeadline, InvalidValue, Rule, StateMachine, computed


class InvitationKind(StrEnum):
    INVITATION = "invitation"  # ielūgums, for a visa
    CALL = "call"  # izsaukums, for a residence permit


class InviterKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


# APL s. 64(1)-(2) (verify): an administrative act is issued within one month of the application
# (extendable up to four months with reasons).
DECISION_MONTHS = 1
DECISION_MAX_EXTENDED_MONTHS = 4
# Validity of an approved invitation / call (verify: Cabinet regulations on invitations and calls; not
# confirmed): desk uses 6 months from approval for both.
INVITATION_VALIDITY_MONTHS = 6
CALL_VALIDITY_MONTHS = 6
MAX_INVITED_PERSONS = 50  # a desk sanity limit, not a legal one

APL_FROM = date(2004, 2, 1)  # Administrative Procedure Law in force 1 February 2004


def _rule(id_: str, article: str, consequence: str | None, verified: bool) -> Rule:
    return Rule(id=f"invitations.{id_}", article=article, title_key=f"rules.title.invitations.{id_}",
                consequence_key=consequence, applies_from=APL_FROM, applies_until=None, verified=verified)


# APL s. 64(1) (verify): decision within one month; extended under s. 64(2) up to four months.
R_DECISION = _rule("decision", "APL s. 64(1) (verify)", "rules.consequence.decision_late", False)
R_DECISION_EXTENDED = _rule("decision_extended", "APL s. 64(2) (verify)", "rules.consequence.decision_late", False)
# Validity of the approved invitation / call (verify).
R_VALIDITY = _rule("validity", "Immigration Law; Cabinet regulations on invitations and calls (verify)",
                   "rules.consequence.invitation_expires", False)
RULES: dict[str, Rule] = {r.id: r for r in (R_DECISION, R_DECISION_EXTENDED, R_VALIDITY)}


class Status(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REFUSED = "refused"
    USED = "used"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class Action(StrEnum):
    APPROVE = "approve"
    REFUSE = "refuse"
    USE = "use"
    EXPIRE = "expire"
    CANCEL = "cancel"


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.SUBMITTED, A.APPROVE): S.APPROVED,
    (S.SUBMITTED, A.REFUSE): S.REFUSED,
    (S.SUBMITTED, A.CANCEL): S.CANCELLED,
    (S.APPROVED, A.USE): S.USED,
    (S.APPROVED, A.EXPIRE): S.EXPIRED,
    (S.APPROVED, A.CANCEL): S.CANCELLED,
}
del S, A

MACHINE = StateMachine("invitations", _TRANSITIONS, Status.SUBMITTED)
INITIAL_STATUS = Status.SUBMITTED
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.REFUSED, Status.USED, Status.EXPIRED, Status.CANCELLED})


def validate_invitation(kind, inviter_kind, invited_persons: int) -> None:
    """Raise InvalidValue unless the invitation names at least one invited person
    (key ``rules.invitations.no_invited_person``) and at most ``MAX_INVITED_PERSONS``."""
    InvitationKind(kind), InviterKind(inviter_kind)
    if invited_persons < 1:
        raise InvalidValue("rules.invitations.no_invited_person")
    if invited_persons > MAX_INVITED_PERSONS:
        raise InvalidValue("rules.invitations.too_many_invited", max=MAX_INVITED_PERSONS, count=invited_persons)


def valid_until(kind, approved_on: date) -> date:
    """The last day an approved invitation or call can be used."""
    months = INVITATION_VALIDITY_MONTHS if InvitationKind(kind) == InvitationKind.INVITATION else CALL_VALIDITY_MONTHS
    return add_period(approved_on, months=months)


@dataclass(frozen=True)
class InvitationFacts:
    kind: InvitationKind
    inviter_kind: InviterKind
    invited_persons: int
    submitted_on: date
    decision_extended_months: int = 0  # total decision period in months when extended (APL s. 64(2)), 0 = not
    decided_on: date | None = None
    approved: bool | None = None
    used_on: date | None = None
    cancelled_on: date | None = None


def deadlines(facts: InvitationFacts, today: date) -> list[ComputedDeadline]:
    """The decision (APL s. 64) and, once approved, the end of validity."""
    validate_invitation(facts.kind, facts.inviter_kind, facts.invited_persons)
    if facts.decision_extended_months and not (DECISION_MONTHS < facts.decision_extended_months
                                               <= DECISION_MAX_EXTENDED_MONTHS):
        raise InvalidValue("rules.invitations.extension_too_long", months=facts.decision_extended_months,
                           max=DECISION_MAX_EXTENDED_MONTHS)
    cancelled = facts.cancelled_on is not None
    out: list[ComputedDeadline] = []
    if facts.decision_extended_months:
        rule, months = R_DECISION_EXTENDED, facts.decision_extended_months
    else:
        rule, months = R_DECISION, DECISION_MONTHS
    out.append(computed(rule, "rules.anchor.submitted", facts.submitted_on, apl_period(facts.submitted_on, months=months),
                        done_on=facts.decided_on, today=today, moot=cancelled))
    if facts.approved and facts.decided_on is not None:
        out.append(computed(R_VALIDITY, "rules.anchor.approved", facts.decided_on, valid_until(facts.kind, facts.decided_on),
                            done_on=facts.used_on, today=today, moot=cancelled))
    return out
