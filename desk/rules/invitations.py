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
from desk.rules.contest import contest_deadline, contest_rule
from desk.rules.common import ComputedDeadline, Counting, InvalidValue, Period, Rule, StateMachine, computed


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


def _rule(id_: str, article: str, consequence: str | None, verified: bool, *, period: Period | None,
          anchor_key: str, counting: Counting) -> Rule:
    return Rule(id=f"invitations.{id_}", article=article, title_key=f"rules.title.invitations.{id_}",
                consequence_key=consequence, applies_from=APL_FROM, applies_until=None, verified=verified,
                period=period, anchor_key=anchor_key, counting=counting, regime="immigration_law")


# APL s. 64(1): an administrative act is issued within one month of the application, counted under APL
# ss. 42-43 (a last day off moves to the next working day). Not verified: whether the Cabinet's
# regulations on invitations and calls set a shorter period of their own was not confirmed.
R_DECISION = _rule("decision", "APL s. 64(1)", "rules.consequence.decision_late", False,
                   period=Period(months=DECISION_MONTHS), anchor_key="rules.anchor.submitted", counting=Counting.APL)
# APL s. 64(2): extended with reasons, to at most four months from the application; the length is the
# case's (2-4 months), so the rule has no fixed period.
R_DECISION_EXTENDED = _rule("decision_extended", "APL s. 64(2)", "rules.consequence.decision_late", False,
                            period=None, anchor_key="rules.anchor.submitted", counting=Counting.APL)
# Validity of the approved invitation / call: INVITATION_VALIDITY_MONTHS from approval, the last day not
# moved. Immigration Law and the Cabinet's regulations on invitations and calls: the number and the
# paragraph were not confirmed (verified=False).
R_VALIDITY = _rule("validity", "Immigration Law", "rules.consequence.invitation_expires", False,
                   period=Period(months=INVITATION_VALIDITY_MONTHS), anchor_key="rules.anchor.approved",
                   counting=Counting.NO_ROLL)
# A refusal may be contested within one month of its notification (desk.rules.contest: APL ss. 70(1), 79(1)).
R_CONTEST = contest_rule("invitations", regime="immigration_law")
RULES: dict[str, Rule] = {r.id: r for r in (R_DECISION, R_DECISION_EXTENDED, R_VALIDITY, R_CONTEST)}


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
    NOTIFY = "notify"  # the refusal notified (when it was not at the decision)
    CONTEST = "contest"  # the refusal contested to the head of PMLP (APL s. 79(1))


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.SUBMITTED, A.APPROVE): S.APPROVED,
    (S.SUBMITTED, A.REFUSE): S.REFUSED,
    # the refusal stands while it is contested (APL s. 79(1)); the case stays closed
    (S.REFUSED, A.NOTIFY): S.REFUSED,
    (S.REFUSED, A.CONTEST): S.REFUSED,
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
    refusal_notified_on: date | None = None  # a refusal's notification: its contest period runs from it
    contested_on: date | None = None


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
    out += contest_deadline(R_CONTEST, facts.refusal_notified_on, facts.contested_on, today)
    return out
