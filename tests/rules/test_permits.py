"""Residence permits (Immigration Law): validity limits, right to employment, life cycle."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import permits
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused
from desk.rules.permits import Action, PermitFacts, PermitKind, ProtectionStatus, Purpose, Status

D = date
P = pytest.param
T, PERM = PermitKind.TEMPORARY, PermitKind.PERMANENT
ALT = ProtectionStatus.ALTERNATIVE

VALID = [
    P(T, D(2026, 3, 1), D(2027, 2, 28), None, False, id="ImmigrationLaw s23 temporary 1 year"),
    P(T, D(2026, 3, 1), D(2031, 2, 28), None, False, id="ImmigrationLaw s23 temporary 5 years (maximum)"),
    P(T, D(2026, 1, 1), D(2026, 12, 31), ALT, False, id="AsylumLaw alternative status first permit 1 year"),
    P(T, D(2026, 1, 1), D(2026, 6, 30), ALT, False, id="AsylumLaw alternative status permit may be shorter"),
    P(T, D(2027, 1, 1), D(2028, 12, 31), ALT, True, id="AsylumLaw alternative status renewal 2 years (verify)"),
    P(PERM, D(2026, 1, 1), None, None, False, id="ImmigrationLaw permanent permit without end date"),
]


@pytest.mark.parametrize("kind, valid_from, valid_until, protection, renewal", VALID)
def test_valid_validity(kind, valid_from, valid_until, protection, renewal):
    permits.validate_validity(kind, valid_from, valid_until, protection=protection, renewal=renewal)


INVALID = [
    P(T, D(2026, 3, 1), D(2031, 3, 1), None, False, "rules.permits.too_long", id="ImmigrationLaw s23 5 years + 1 day"),
    P(T, D(2026, 3, 1), D(2026, 12, 31), None, False, "rules.permits.too_short", id="ImmigrationLaw s23 under 1 year"),
    P(T, D(2026, 3, 1), D(2026, 2, 1), None, False, "rules.permits.until_before_from", id="ImmigrationLaw end before start"),
    P(T, D(2026, 3, 1), None, None, False, "rules.permits.until_required", id="ImmigrationLaw temporary needs an end"),
    P(T, D(2026, 1, 1), D(2027, 1, 1), ALT, False, "rules.permits.too_long", id="AsylumLaw alternative first permit > 1 year"),
    P(T, D(2027, 1, 1), D(2029, 1, 1), ALT, True, "rules.permits.too_long", id="AsylumLaw alternative renewal > 2 years"),
]


@pytest.mark.parametrize("kind, valid_from, valid_until, protection, renewal, key", INVALID)
def test_invalid_validity(kind, valid_from, valid_until, protection, renewal, key):
    with pytest.raises(InvalidValue) as err:
        permits.validate_validity(kind, valid_from, valid_until, protection=protection, renewal=renewal)
    assert err.value.key == key


def test_too_long_names_the_latest_end():
    with pytest.raises(InvalidValue) as err:
        permits.validate_validity(T, D(2026, 3, 1), D(2032, 1, 1))
    assert err.value.params == {"max_years": 5, "latest": D(2031, 2, 28)}  # shown as 28.02.2031


EMPLOYMENT = [
    P(PERM, Purpose.FAMILY_REUNIFICATION, None, True, id="ImmigrationLaw permanent permit: free to work"),
    P(PermitKind.EU_REGISTRATION_CERTIFICATE, Purpose.OTHER, None, True, id="Dir2004/38 EU citizen: free to work"),
    P(T, Purpose.EMPLOYMENT, None, True, id="ImmigrationLaw temporary for employment: may work"),
    P(T, Purpose.STUDY, None, False, id="ImmigrationLaw temporary for study: no general right"),
    P(T, Purpose.INTERNATIONAL_PROTECTION, ALT, True, id="AsylumLaw alternative status: may work"),
]


@pytest.mark.parametrize("kind, purpose, protection, expected", EMPLOYMENT)
def test_right_to_employment(kind, purpose, protection, expected):
    assert permits.right_to_employment(kind, purpose, protection=protection) is expected


def test_deadlines():
    """ImmigrationLaw: end of a temporary permit; re-registration of a permanent card every 5 years."""
    temp = PermitFacts(kind=T, purpose=Purpose.EMPLOYMENT, valid_from=D(2026, 3, 1), valid_until=D(2027, 2, 28))
    [end] = permits.deadlines(temp, today=D(2026, 6, 1))
    assert (end.rule.id, end.due, end.state) == ("permits.validity_end", D(2027, 2, 28), DeadlineState.OPEN)
    perm = PermitFacts(kind=PERM, purpose=Purpose.INTERNATIONAL_PROTECTION, valid_from=D(2024, 2, 29),
                       issued_on=D(2024, 2, 29))
    [card] = permits.deadlines(perm, today=D(2026, 6, 1))
    assert (card.rule.id, card.due) == ("permits.card_reregistration", D(2029, 2, 28))


@pytest.mark.parametrize("state, action, target",
                         [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in permits.MACHINE.transitions.items()])
def test_every_allowed_transition(state, action, target):
    assert permits.MACHINE.apply(state, action) == target


@pytest.mark.parametrize("state, action", [
    P(Status.APPLIED, Action.ISSUE, id="a permit is granted before it is issued"),
    P(Status.ANNULLED, Action.REREGISTER, id="an annulled permit cannot be re-registered"),
    P(Status.REFUSED, Action.GRANT, id="a refusal is not turned into a grant"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        permits.MACHINE.apply(state, action)
