"""Return decisions (Immigration Law; Directive 2008/115/EC; CJEU C-225/16 Ouhrami)."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import returns
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused
from desk.rules.returns import Action, DecisionKind, ReturnFacts, Status

D = date
P = pytest.param
VDO, FED = DecisionKind.VOLUNTARY_DEPARTURE_ORDER, DecisionKind.FORCED_EXPULSION_DECISION

DEPARTURE = [
    P(D(2026, 6, 1), 30, D(2026, 7, 1), id="Dir2008/115 Art7(1) 30 days to leave"),
    P(D(2026, 12, 17), 7, D(2026, 12, 24), id="Dir2008/115 Art7(1) 7 days, Christmas Eve last day"),
]


@pytest.mark.parametrize("notified_on, days, expected", DEPARTURE)
def test_voluntary_departure_until(notified_on, days, expected):
    assert returns.voluntary_departure_until(notified_on, days) == expected


BANS = [
    P(D(2026, 3, 15), 3, D(2029, 3, 15), id="Dir2008/115 Art11(2) C-225/16 3-year ban from actual departure"),
    P(D(2024, 2, 29), 3, D(2027, 2, 28), id="Dir2008/115 Art11(2) ban from 29 Feb ends 28 Feb"),
    P(D(2026, 8, 18), 3, D(2029, 8, 18), id="Dir2008/115 Art11(2) ban ending on a Saturday is not moved"),
]


@pytest.mark.parametrize("departed_on, years, expected", BANS)
def test_ban_until(departed_on, years, expected):
    assert returns.ban_until(departed_on, years) == expected


INVALID = [
    P(VDO, dict(departure_days=6, ban_years=None), "rules.returns.departure_period_out_of_range",
      id="Dir2008/115 Art7(1) fewer than 7 days"),
    P(VDO, dict(departure_days=31, ban_years=None), "rules.returns.departure_period_out_of_range",
      id="Dir2008/115 Art7(1) more than 30 days"),
    P(FED, dict(departure_days=None, ban_years=None), "rules.returns.ban_required",
      id="Dir2008/115 Art11(1) expulsion needs an entry ban"),
    P(FED, dict(departure_days=10, ban_years=2), "rules.returns.no_departure_period_for_expulsion",
      id="ImmigrationLaw expulsion sets no departure period"),
    P(VDO, dict(departure_days=10, ban_years=4), "rules.returns.ban_too_long",
      id="PMLP practice ban at most 3 years"),
    P(VDO, dict(departure_days=10, ban_years=3, max_ban_years=6), "rules.returns.ban_too_long",
      id="Dir2008/115 Art11(2) the limit itself never above 5 years"),
]


@pytest.mark.parametrize("kind, kwargs, key", INVALID)
def test_invalid_decisions(kind, kwargs, key):
    with pytest.raises(InvalidValue) as err:
        returns.validate_decision(kind, **kwargs)
    assert err.value.key == key


VALID = [
    P(VDO, dict(departure_days=7, ban_years=None), id="Dir2008/115 Art7(1) 7 days, no ban (optional)"),
    P(VDO, dict(departure_days=30, ban_years=3), id="Dir2008/115 Art7(1) 30 days with a 3-year ban"),
    P(FED, dict(departure_days=None, ban_years=1), id="Dir2008/115 Art11(1) expulsion with a ban"),
    P(FED, dict(departure_days=None, ban_years=5, max_ban_years=5), id="Dir2008/115 Art11(2) 5 years if the limit is raised"),
]


@pytest.mark.parametrize("kind, kwargs", VALID)
def test_valid_decisions(kind, kwargs):
    returns.validate_decision(kind, **kwargs)


def test_contest_deadline_rolls_forward():
    """ImmigrationLaw contest (verify: 7 days) under APL s43: 18 Nov 2026 -> 19 Nov."""
    f = ReturnFacts(kind=VDO, issued_on=D(2026, 11, 10), notified_on=D(2026, 11, 11), departure_days=30)
    got = {d.rule.id: d for d in returns.deadlines(f, today=D(2026, 11, 12))}
    assert got["returns.contest"].due == D(2026, 11, 19)
    assert got["returns.voluntary_departure"].due == D(2026, 12, 11)


def test_ban_runs_from_the_actual_departure_not_the_decision():
    """C-225/16 Ouhrami: a late departure moves the ban's end."""
    f = ReturnFacts(kind=FED, issued_on=D(2026, 1, 5), notified_on=D(2026, 1, 6), ban_years=3, departed_on=D(2026, 9, 30))
    got = {d.rule.id: d for d in returns.deadlines(f, today=D(2027, 1, 1))}
    ban = got["returns.entry_ban"]
    assert (ban.anchor_event_key, ban.anchor_date, ban.due, ban.state) == (
        "rules.anchor.departed", D(2026, 9, 30), D(2029, 9, 30), DeadlineState.OPEN)
    assert got["returns.contest"].state == DeadlineState.MOOT  # departed: contesting no longer matters
    expired = {d.rule.id: d for d in returns.deadlines(f, today=D(2029, 10, 1))}["returns.entry_ban"]
    assert expired.state == DeadlineState.MOOT


@pytest.mark.parametrize("state, action, target",
                         [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in returns.MACHINE.transitions.items()])
def test_every_allowed_transition(state, action, target):
    assert returns.MACHINE.apply(state, action) == target


@pytest.mark.parametrize("state, action", [
    P(Status.ISSUED, Action.DEPART, id="departure is recorded after notification"),
    P(Status.BAN_EXPIRED, Action.START_BAN, id="an expired ban is not restarted"),
    P(Status.CLOSED, Action.EXPEL, id="a closed case is not expelled"),
    P(Status.NOTIFIED, Action.EXPIRE_BAN, id="no ban runs before departure (Ouhrami)"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        returns.MACHINE.apply(state, action)
