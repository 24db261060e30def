"""What the daily report reads of each case kind: its detail table, where its decision is recorded
(``Outcome``) and the statuses that end it.

They are declared here, beside the models and the rules, and not in the kind modules, so that the report
loads neither the kinds' forms and actions nor their registration checks (issue 17: ``desk report`` as a
whole process within 1 s; importing ``desk.services.kinds`` cost 0.15-0.2 s of it). Each kind module
answers from here (``Kind.outcome``, ``Kind.terminal``); tests/services/test_kinds.py holds the two to agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case as sql_case, literal

from desk.rules import asylum, dublin, invitations, permits, returns, visas
from models import AsylumApplication, Case, CaseKind, DublinRequest, Invitation, ResidencePermit, ReturnDecision, Visa


@dataclass(frozen=True)
class Outcome:
    """Where a kind's decision is recorded, for the daily report: the day column, the outcome (a column or
    an expression), an extra condition, and the outcomes every report lists (0 when none)."""

    day: Any
    value: Any
    listed: tuple[str, ...]
    where: Any = None


def granted_or_refused(positive: str):
    """A permit, visa or invitation keeps its decision day, not its outcome: a refused one stays
    "refused", a positive one moves on (issued, re-registered, used, annulled...) but was ``positive``."""
    return sql_case((Case.status == "refused", literal("refused")), else_=literal(positive))


DETAIL_MODELS: dict[CaseKind, type] = {
    CaseKind.ASYLUM: AsylumApplication, CaseKind.DUBLIN: DublinRequest, CaseKind.PERMIT: ResidencePermit,
    CaseKind.VISA: Visa, CaseKind.INVITATION: Invitation, CaseKind.RETURN: ReturnDecision,
}

OUTCOMES: dict[CaseKind, Outcome] = {
    CaseKind.ASYLUM: Outcome(AsylumApplication.decision_on, AsylumApplication.decision,
                             ("refugee", "alternative", "refused", "left_without_examination")),
    # a Dublin "decision" by PMLP is a reply given to an incoming request
    CaseKind.DUBLIN: Outcome(DublinRequest.replied_on, DublinRequest.reply, ("accepted", "rejected"),
                             DublinRequest.direction == "incoming"),
    CaseKind.PERMIT: Outcome(ResidencePermit.decided_on, granted_or_refused("granted"), ("granted", "refused")),
    CaseKind.VISA: Outcome(Visa.decided_on, granted_or_refused("issued"), ("issued", "refused")),
    CaseKind.INVITATION: Outcome(Invitation.decided_on, granted_or_refused("approved"), ("approved", "refused")),
    # a return decision is decided when it is issued; its outcome is the decision's kind
    CaseKind.RETURN: Outcome(ReturnDecision.issued_on, ReturnDecision.decision_kind, ("voluntary", "forced")),
}

RULES = {CaseKind.ASYLUM: asylum, CaseKind.DUBLIN: dublin, CaseKind.PERMIT: permits, CaseKind.VISA: visas,
         CaseKind.INVITATION: invitations, CaseKind.RETURN: returns}


def terminal(kind: str) -> frozenset[str]:
    """The statuses that end a case of ``kind`` (its rules module's ``TERMINAL_STATUSES``)."""
    return frozenset(str(s) for s in RULES[CaseKind(kind)].TERMINAL_STATUSES)
