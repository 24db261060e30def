"""Invitations and calls (Immigration Law; APL s. 64): decision, validity, invited persons, life cycle."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import invitations
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused
from desk.rules.invitations import Action, InvitationFacts, InvitationKind, InviterKind, Status

D = date
P = pytest.param
INV, CALL = InvitationKind.INVITATION, InvitationKind.CALL

DEADLINES = [
    P(dict(kind=INV, inviter_kind=InviterKind.PERSON, invited_persons=1, submitted_on=D(2026, 10, 18)),
      "invitations.decision", D(2026, 11, 19), id="APL s64(1)+s43 decision 1 month, 18 Nov -> 19 Nov (verify)"),
    P(dict(kind=CALL, inviter_kind=InviterKind.COMPANY, invited_persons=3, submitted_on=D(2026, 1, 31),
           decision_extended_months=4), "invitations.decision_extended", D(2026, 6, 1),
      id="APL s64(2)+s43 extended to 4 months, Sun 31 May -> Mon 1 Jun (verify)"),
]


@pytest.mark.parametrize("kwargs, rule_id, due", DEADLINES)
def test_decision_deadline(kwargs, rule_id, due):
    [decision] = invitations.deadlines(InvitationFacts(**kwargs), today=D(2026, 1, 1))
    assert (decision.rule.id, decision.due) == (rule_id, due)


VALIDITY = [
    P(INV, D(2026, 2, 28), D(2026, 8, 28), id="ImmigrationLaw invitation valid 6 months (verify)"),
    P(CALL, D(2025, 8, 31), D(2026, 2, 28), id="ImmigrationLaw call valid 6 months, clipped to 28 Feb (verify)"),
]


@pytest.mark.parametrize("kind, approved_on, expected", VALIDITY)
def test_validity(kind, approved_on, expected):
    assert invitations.valid_until(kind, approved_on) == expected


def test_approved_invitation_has_a_validity_deadline_met_when_used():
    f = InvitationFacts(kind=INV, inviter_kind=InviterKind.COMPANY, invited_persons=2, submitted_on=D(2026, 2, 1),
                        decided_on=D(2026, 2, 10), approved=True, used_on=D(2026, 3, 1))
    got = {d.rule.id: d for d in invitations.deadlines(f, today=D(2026, 9, 1))}
    assert got["invitations.decision"].state == DeadlineState.MET
    assert (got["invitations.validity"].due, got["invitations.validity"].state) == (D(2026, 8, 10), DeadlineState.MET)


@pytest.mark.parametrize("count, key", [
    P(0, "rules.invitations.no_invited_person", id="ImmigrationLaw an invitation names at least one person"),
    P(51, "rules.invitations.too_many_invited", id="desk limit of invited persons"),
])
def test_invited_persons(count, key):
    with pytest.raises(InvalidValue) as err:
        invitations.validate_invitation(INV, InviterKind.PERSON, count)
    assert err.value.key == key


@pytest.mark.parametrize("state, action, target",
                         [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in invitations.MACHINE.transitions.items()])
def test_every_allowed_transition(state, action, target):
    assert invitations.MACHINE.apply(state, action) == target


@pytest.mark.parametrize("state, action", [
    P(Status.SUBMITTED, Action.USE, id="an invitation is approved before it is used"),
    P(Status.REFUSED, Action.APPROVE, id="a refusal is final"),
    P(Status.USED, Action.CANCEL, id="a used invitation cannot be cancelled"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        invitations.MACHINE.apply(state, action)
