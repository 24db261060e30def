"""Visas (Reg. 810/2009, Schengen Convention Art. 18) and the 90/180 rule (Reg. 2016/399 Art. 6(1))."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.rules import visas
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused
from desk.rules.visas import Action, Category, ExtensionGround, Status, VisaFacts

D = date
P = pytest.param

USED = [
    P([(D(2026, 1, 1), D(2026, 1, 10))], D(2026, 1, 10), 10, id="SBC Art6(1) entry and exit days both count"),
    P([(D(2026, 1, 1), D(2026, 1, 10)), (D(2026, 1, 10), D(2026, 1, 20))], D(2026, 1, 20), 20,
      id="SBC Art6(1) same-day exit and re-entry counts once"),
    P([(D(2026, 1, 1), D(2026, 1, 15)), (D(2026, 1, 10), D(2026, 1, 20))], D(2026, 1, 20), 20,
      id="SBC Art6(1) overlapping stays count once"),
    P([(D(2026, 1, 1), D(2026, 3, 31))], D(2026, 7, 1), 88, id="SBC Art6(1) window d-179..d drops 1-2 Jan"),
    P([(D(2026, 3, 1), None)], D(2026, 3, 10), 10, id="SBC Art6(1) a stay still open counts up to the day asked"),
    P([(D(2026, 5, 1), D(2026, 5, 10))], D(2026, 4, 1), 0, id="SBC Art6(1) later stays do not count"),
    P([(D(2024, 2, 28), D(2024, 3, 1))], D(2024, 3, 1), 3, id="SBC Art6(1) leap day counts"),
]


@pytest.mark.parametrize("stays, on, expected", USED)
def test_days_used(stays, on, expected):
    assert visas.days_used(stays, on) == expected
    assert visas.days_remaining(stays, on) == max(0, 90 - expected)


LAST_DAY = [
    P([], D(2026, 3, 1), D(2026, 5, 29), id="SBC Art6(1) no earlier stays: 90 days incl. entry day"),
    P([(D(2026, 1, 1), D(2026, 1, 30))], D(2026, 3, 1), D(2026, 4, 29), id="SBC Art6(1) 30 days used: 60 remain"),
    P([(D(2025, 10, 1), D(2025, 12, 29))], D(2026, 3, 30), D(2026, 6, 27),
      id="SBC Art6(1) rolling window: old days drop out as new ones are added"),
]


@pytest.mark.parametrize("stays, entry, expected", LAST_DAY)
def test_last_day_of_stay(stays, entry, expected):
    assert visas.last_day_of_stay(stays, entry) == expected


def test_no_days_left_on_entry():
    """SBC Art6(1): 90 days used in the window before entry: not even the entry day is allowed."""
    with pytest.raises(InvalidValue) as err:
        visas.last_day_of_stay([(D(2025, 12, 2), D(2026, 3, 1))], D(2026, 3, 2))
    assert err.value.key == "rules.visas.no_days_left"


def test_exit_before_entry_is_refused():
    with pytest.raises(InvalidValue) as err:
        visas.days_used([(D(2026, 1, 10), D(2026, 1, 1))], D(2026, 2, 1))
    assert err.value.key == "rules.visas.exit_before_entry"


VISAS_OK = [
    P(Category.C, D(2026, 1, 1), D(2026, 6, 30), 90, id="VisaCode Art24(1) C visa 90 days of stay"),
    P(Category.D, D(2026, 1, 1), D(2026, 12, 31), None, id="SchengenConvention Art18(2) D visa 1 year"),
    P(Category.D, D(2024, 2, 29), D(2025, 2, 27), None, id="SchengenConvention Art18(2) D visa from 29 Feb"),
]


@pytest.mark.parametrize("category, valid_from, valid_until, days", VISAS_OK)
def test_valid_visas(category, valid_from, valid_until, days):
    visas.validate_visa(category, valid_from, valid_until, days_of_stay=days)


VISAS_BAD = [
    P(Category.C, D(2026, 1, 1), D(2026, 6, 30), 91, "rules.visa_too_long", id="VisaCode Art24(1) C visa 91 days"),
    P(Category.D, D(2026, 1, 1), D(2027, 1, 1), None, "rules.visas.d_visa_too_long",
      id="SchengenConvention Art18(2) D visa over 1 year"),
    P(Category.C, D(2026, 2, 1), D(2026, 1, 1), 5, "rules.visas.until_before_from", id="VisaCode end before start"),
    P(Category.C, D(2026, 1, 1), D(2026, 1, 10), 11, "rules.visas.stay_longer_than_validity",
      id="VisaCode Art24(1) stay longer than validity"),
]


@pytest.mark.parametrize("category, valid_from, valid_until, days, key", VISAS_BAD)
def test_invalid_visas(category, valid_from, valid_until, days, key):
    with pytest.raises(InvalidValue) as err:
        visas.validate_visa(category, valid_from, valid_until, days_of_stay=days)
    assert err.value.key == key


def test_extension_grounds():
    """VisaCode Art33(1): force majeure / humanitarian; Art33(2): serious personal reasons within 90/180."""
    stays = [(D(2026, 1, 1), D(2026, 1, 30))]
    assert visas.extension_allowed_until(stays, D(2026, 3, 1), ExtensionGround.FORCE_MAJEURE) is None
    assert visas.extension_allowed_until(stays, D(2026, 3, 1), ExtensionGround.SERIOUS_PERSONAL) == D(2026, 4, 29)


def test_deadlines_of_a_c_visa_in_use():
    f = VisaFacts(category=Category.C, valid_from=D(2026, 3, 1), valid_until=D(2026, 6, 30), days_of_stay=90,
                  entered_on=D(2026, 3, 1), previous_stays=((D(2026, 1, 1), D(2026, 1, 30)),))
    got = {d.rule.id: d for d in visas.deadlines(f, today=D(2026, 5, 1))}
    assert (got["visas.schengen_90_180"].due, got["visas.schengen_90_180"].state) == (D(2026, 4, 29), DeadlineState.MISSED)
    assert got["visas.validity_end"].state == DeadlineState.OPEN


@pytest.mark.parametrize("state, action, target",
                         [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in visas.MACHINE.transitions.items()])
def test_every_allowed_transition(state, action, target):
    assert visas.MACHINE.apply(state, action) == target


@pytest.mark.parametrize("state, action", [
    P(Status.APPLIED, Action.EXTEND, id="VisaCode Art33 only an issued visa is extended"),
    P(Status.EXPIRED, Action.EXTEND, id="VisaCode Art33 an expired visa cannot be extended"),
    P(Status.REFUSED, Action.ISSUE, id="a refused visa is not issued"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        visas.MACHINE.apply(state, action)


# --- properties of the 90/180 calculator ------------------------------------------------------------

days_ = st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31))
stay = st.tuples(days_, st.integers(0, 120)).map(lambda t: (t[0], t[0] + timedelta(days=t[1])))
stays_ = st.lists(stay, max_size=6)


@settings(max_examples=200, deadline=None)
@given(stays=stays_, on=days_)
def test_property_used_within_window_and_remaining(stays, on):
    used = visas.days_used(stays, on)
    assert 0 <= used <= 180
    assert visas.days_remaining(stays, on) == max(0, 90 - used)
    # never more than the days actually covered by the stays
    covered = {s + timedelta(days=i) for s, e in stays for i in range((e - s).days + 1)}
    assert used == len({d for d in covered if on - timedelta(days=179) <= d <= on})


@settings(max_examples=100, deadline=None)
@given(entry=days_, n=st.integers(1, 90))
def test_property_single_stay_uses_its_length(entry, n):
    exit_ = entry + timedelta(days=n - 1)
    assert visas.days_used([(entry, exit_)], exit_) == n


@settings(max_examples=60, deadline=None)
@given(stays=st.lists(stay, max_size=3), gap=st.integers(1, 200))
def test_property_last_day_is_the_last_lawful_day(stays, gap):
    history = [(s, e) for s, e in stays]
    entry = max((e for _, e in history), default=D(2025, 6, 1)) + timedelta(days=gap)
    try:
        last = visas.last_day_of_stay(history, entry)
    except InvalidValue:
        assert visas.days_used(history + [(entry, entry)], entry) > 90
        return
    for day in (entry, last):
        assert visas.days_used(history + [(entry, day)], day) <= 90
    nxt = last + timedelta(days=1)
    assert visas.days_used(history + [(entry, nxt)], nxt) > 90
