"""Return decisions (Immigration Law; Directive 2008/115/EC; CJEU C-225/16 Ouhrami): the departure
period of Art. 7(1), shorter or none on an Art. 7(4) ground, extended under Art. 7(2); entry bans in years
and months up to PMLP's 3 years. Expected dates hand-computed; departure days and ban ends are not moved
off weekends or holidays, the contest periods are (APL s. 43)."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import returns
from desk.rules.calendar import add_period
from desk.rules.common import Counting, DeadlineState, InvalidValue, TransitionRefused
from desk.rules.returns import Action, DecisionKind, DepartureGround, ExtensionReason, ReturnFacts, Status
from tests.rules.test_asylum import CITATION

D = date
P = pytest.param
VDO, FED = DecisionKind.VOLUNTARY_DEPARTURE_ORDER, DecisionKind.FORCED_EXPULSION_DECISION

DEPARTURE = [
    P(D(2026, 6, 1), 30, 0, D(2026, 7, 1), id="Dir2008/115 Art7(1) 30 days to leave"),
    P(D(2026, 12, 17), 7, 0, D(2026, 12, 24), id="Dir2008/115 Art7(1) 7 days, Christmas Eve last day"),
    P(D(2026, 11, 20), 3, 0, D(2026, 11, 23), id="Dir2008/115 Art7(4) 3 days from Fri 20 Nov: Mon 23 Nov"),
    P(D(2026, 11, 20), 0, 0, D(2026, 11, 20), id="Dir2008/115 Art7(4) no period: leave on the day of notification"),
    P(D(2026, 11, 15), 1, 0, D(2026, 11, 16), id="Dir2008/115 Art7(4) 1 day"),
    P(D(2026, 12, 1), 30, 14, D(2027, 1, 14), id="Dir2008/115 Art7(2) 30 days extended by 14: 44 days, 14 Jan 2027"),
    P(D(2026, 12, 5), 14, 7, D(2026, 12, 26), id="Dir2008/115 Art7(2) 14+7 days end Sat 26 Dec (holiday), not moved"),
]


@pytest.mark.parametrize("notified_on, days, extended, expected", DEPARTURE)
def test_voluntary_departure_until(notified_on, days, extended, expected):
    assert returns.voluntary_departure_until(notified_on, days, extended) == expected
    if not extended:
        assert returns.voluntary_departure_until(notified_on, days) == expected  # issue 3's signature


BANS = [
    P(D(2026, 3, 15), 3, D(2029, 3, 15), id="Dir2008/115 Art11(2) C-225/16 3-year ban from actual departure"),
    P(D(2024, 2, 29), 3, D(2027, 2, 28), id="Dir2008/115 Art11(2) ban from 29 Feb ends 28 Feb"),
    P(D(2026, 8, 18), 3, D(2029, 8, 18), id="Dir2008/115 Art11(2) ban ending on a Saturday is not moved"),
]


@pytest.mark.parametrize("departed_on, years, expected", BANS)
def test_ban_until(departed_on, years, expected):
    assert returns.ban_until(departed_on, years) == expected


BANS_IN_MONTHS = [
    P(D(2026, 3, 15), 2, 6, D(2028, 9, 15), id="Dir2008/115 Art11(2) ban of 2 years 6 months"),
    P(D(2024, 2, 29), 0, 12, D(2025, 2, 28), id="Dir2008/115 Art11(2) 12 months from 29 Feb end 28 Feb"),
    P(D(2026, 6, 24), 2, 6, D(2028, 12, 24), id="Dir2008/115 Art11(2) ban ending on Sun 24 Dec 2028 is not moved"),
    P(D(2026, 8, 31), 0, 6, D(2027, 2, 28), id="Dir2008/115 Art11(2) 6 months from 31 Aug clipped to 28 Feb"),
]


@pytest.mark.parametrize("departed_on, years, months, expected", BANS_IN_MONTHS)
def test_ban_until_in_years_and_months(departed_on, years, months, expected):
    assert returns.ban_until(departed_on, years, months) == expected


RISK, DANGER = DepartureGround.RISK_OF_ABSCONDING, DepartureGround.DANGER

INVALID = [
    P(VDO, dict(departure_days=6, ban_years=None), "rules.returns.short_period_needs_ground",
      id="Dir2008/115 Art7(1)+7(4) fewer than 7 days without a ground"),
    P(VDO, dict(departure_days=0, ban_years=None), "rules.returns.short_period_needs_ground",
      id="Dir2008/115 Art7(4) no period at all without a ground"),
    P(VDO, dict(departure_days=31, ban_years=None), "rules.returns.departure_period_out_of_range",
      id="Dir2008/115 Art7(1) more than 30 days"),
    P(VDO, dict(departure_days=31, ban_years=None, departure_ground=RISK), "rules.returns.departure_period_out_of_range",
      id="Dir2008/115 Art7(4) a ground shortens, it does not lengthen"),
    P(VDO, dict(departure_days=None, ban_years=None), "rules.returns.departure_period_out_of_range",
      id="Dir2008/115 Art7(1) a voluntary departure order sets a period"),
    P(VDO, dict(departure_days=-1, ban_years=None, departure_ground=RISK), "rules.negative_period",
      id="Dir2008/115 Art7(4) no negative period"),
    P(VDO, dict(departure_days=30, ban_years=None, departure_extended_days=10), "rules.returns.extension_reason_required",
      id="Dir2008/115 Art7(2) an extension needs its reason"),
    P(FED, dict(departure_days=None, ban_years=2, departure_extended_days=10,
                departure_extension_reason=ExtensionReason.LENGTH_OF_STAY), "rules.returns.extension_voluntary_only",
      id="Dir2008/115 Art7(2) only a period for voluntary departure is extended"),
    P(VDO, dict(departure_days=10, ban_years=3, ban_months=1), "rules.returns.ban_too_long",
      id="PMLP practice ban at most 3 years: 3 years 1 month refused"),
    P(VDO, dict(departure_days=10, ban_years=0, ban_months=37), "rules.returns.ban_too_long",
      id="PMLP practice ban at most 36 months"),
    P(FED, dict(departure_days=None, ban_years=None), "rules.returns.ban_required",
      id="Dir2008/115 Art11(1) expulsion needs an entry ban"),
    P(FED, dict(departure_days=10, ban_years=2), "rules.returns.no_departure_period_for_expulsion",
      id="ImmigrationLaw expulsion sets no departure period"),
    P(VDO, dict(departure_days=10, ban_years=4), "rules.returns.ban_too_long",
      id="PMLP practice ban at most 3 years"),
    P(VDO, dict(departure_days=10, ban_years=3, max_ban_years=6), "rules.returns.ban_limit_too_long",
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
    P(VDO, dict(departure_days=3, ban_years=None, departure_ground=RISK), id="Dir2008/115 Art7(4) 3 days: risk of absconding"),
    P(VDO, dict(departure_days=0, ban_years=None, departure_ground=DANGER), id="Dir2008/115 Art7(4) none: a danger"),
    P(VDO, dict(departure_days=6, ban_years=None, departure_ground="manifestly_unfounded"),
      id="Dir2008/115 Art7(4) 6 days: manifestly unfounded application"),
    P(VDO, dict(departure_days=2, ban_years=None, departure_ground="fraudulent"),
      id="Dir2008/115 Art7(4) 2 days: fraudulent application"),
    P(VDO, dict(departure_days=14, ban_years=None, departure_ground=RISK),
      id="Dir2008/115 Art7(4) a ground recorded with a normal period is kept"),
    P(VDO, dict(departure_days=30, ban_years=None, departure_extended_days=30,
                departure_extension_reason=ExtensionReason.CHILDREN_AT_SCHOOL),
      id="Dir2008/115 Art7(2) extended beyond 30 days for children at school"),
    P(VDO, dict(departure_days=10, ban_years=2, ban_months=6), id="PMLP practice ban of 2 years 6 months"),
    P(FED, dict(departure_days=None, ban_years=0, ban_months=6), id="Dir2008/115 Art11(1) expulsion with a 6-month ban"),
    P(FED, dict(departure_days=None, ban_years=0, ban_months=36), id="PMLP practice 36 months is the 3 years"),
]


@pytest.mark.parametrize("kind, kwargs", VALID)
def test_valid_decisions(kind, kwargs):
    returns.validate_decision(kind, **kwargs)


def test_contest_deadline_rolls_forward():
    """ImmigrationLaw contest (7 days, unverified) under APL s43: 18 Nov 2026 -> 19 Nov."""
    f = ReturnFacts(kind=VDO, issued_on=D(2026, 11, 10), notified_on=D(2026, 11, 11), departure_days=30)
    got = {d.rule.id: d for d in returns.deadlines(f, today=D(2026, 11, 12))}
    assert got["returns.contest"].due == D(2026, 11, 19)
    assert got["returns.voluntary_departure"].due == D(2026, 12, 11)


DEPARTURE_RULES = [
    P(dict(departure_days=30), "returns.voluntary_departure", D(2026, 12, 11), id="Dir2008/115 Art7(1) 30 days"),
    P(dict(departure_days=3, departure_ground=RISK), "returns.voluntary_departure_short", D(2026, 11, 14),
      id="Dir2008/115 Art7(4) 3 days end Sat 14 Nov, not moved"),
    P(dict(departure_days=0, departure_ground=DANGER), "returns.voluntary_departure_short", D(2026, 11, 11),
      id="Dir2008/115 Art7(4) no period: the day of notification"),
    P(dict(departure_days=30, departure_extended_days=7, departure_extension_reason="family_and_social_links"),
      "returns.voluntary_departure_extended", D(2026, 12, 18), id="Dir2008/115 Art7(2) 30+7 days: Fri 18 Dec"),
]


@pytest.mark.parametrize("kwargs, rule_id, due", DEPARTURE_RULES)
def test_departure_deadline_names_the_paragraph_that_set_it(kwargs, rule_id, due):
    f = ReturnFacts(kind=VDO, issued_on=D(2026, 11, 10), notified_on=D(2026, 11, 11), **kwargs)
    got = {d.rule.id: d for d in returns.deadlines(f, today=D(2026, 11, 12))}
    assert got[rule_id].due == due and got[rule_id].anchor_date == D(2026, 11, 11)
    assert not {"returns.voluntary_departure", "returns.voluntary_departure_short",
                "returns.voluntary_departure_extended"} - {rule_id} & set(got)


def test_a_ban_of_months_runs_from_the_departure():
    f = ReturnFacts(kind=FED, issued_on=D(2026, 1, 5), notified_on=D(2026, 1, 6), ban_years=1, ban_months=6,
                    departed_on=D(2026, 9, 30))
    ban = {d.rule.id: d for d in returns.deadlines(f, today=D(2027, 1, 1))}["returns.entry_ban"]
    assert (ban.due, ban.state) == (D(2028, 3, 30), DeadlineState.OPEN)


def test_the_three_year_ban_is_pmlp_practice_marked_unverified():
    """Dir2008/115 Art11(2) says "shall not in principle exceed five years"; 3 is a named parameter."""
    rule = returns.RULES["returns.entry_ban_max"]
    assert "ban" in rule.id and not rule.verified and rule.period.years == returns.MAX_BAN_YEARS == 3
    assert returns.DIRECTIVE_MAX_BAN_YEARS == 5


@pytest.mark.parametrize("rule", list(returns.RULES.values()), ids=lambda r: r.id)
def test_every_rule_is_cited_in_the_citation_grammar(rule):
    assert CITATION.fullmatch(rule.article), rule.article
    assert "verify" not in rule.article.lower() and rule.anchor_key


SCENARIOS = [ReturnFacts(kind=VDO, issued_on=D(2026, 11, 10), notified_on=D(2026, 11, 11), **p.values[0])
             for p in DEPARTURE_RULES] + [
    ReturnFacts(kind=VDO, issued_on=D(2026, 11, 10), notified_on=D(2026, 11, 11), departure_days=10,
                contested_on=D(2026, 11, 12), contest_decided_on=D(2026, 12, 17))]


@pytest.mark.parametrize("facts", SCENARIOS, ids=lambda f: f"{f.departure_days} days")
def test_every_deadline_with_a_period_is_that_period_from_its_anchor(facts):
    for d in returns.deadlines(facts, today=D(2026, 11, 12)):
        if d.rule.period is not None:
            roll = d.rule.counting in (Counting.ROLL_ACTOR, Counting.APL)
            assert d.due == add_period(d.anchor_date, **d.rule.period.as_kwargs(), roll_forward=roll), d.rule.id
        assert d.anchor_event_key == d.rule.anchor_key


def test_court_appeal_rolls_off_christmas():
    """Immigration Law; APL s43: 7 days from 17 Dec 2026 end Thu 24 Dec (24-27 off) -> Mon 28 Dec."""
    f = SCENARIOS[-1]
    got = {d.rule.id: d for d in returns.deadlines(f, today=D(2026, 12, 18))}
    assert got["returns.court_appeal"].due == D(2026, 12, 28)


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
    P(Status.DEPARTED_VOLUNTARILY, Action.EXTEND_DEPARTURE, id="Dir2008/115 Art7(2) no extension after departure"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        returns.MACHINE.apply(state, action)
