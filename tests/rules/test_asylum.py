"""Asylum Law (2016), Directive 2013/32/EU, Immigration Law: decision, right to work, permits, appeal."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import asylum
from desk.rules.asylum import Action, ApplicationFacts, Status
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused

D = date
P = pytest.param

DECISIONS = [
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 2, 20)),
      "asylum.decision", "rules.anchor.interview", D(2026, 5, 20), id="AsylumLaw s29 3 months after the interview"),
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 5, 1)),
      "asylum.decision", "rules.anchor.registered", D(2026, 7, 12),
      id="AsylumLaw s29 no later than 6 months after registration"),
    P(dict(lodged_on=D(2025, 8, 30), registered_on=D(2025, 8, 31)), "asylum.decision", "rules.anchor.registered",
      D(2026, 2, 28), id="AsylumLaw s29 6 months from 31 Aug clipped to 28 Feb"),
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 2, 20),
           decision_extended_months=9), "asylum.decision_extended", "rules.anchor.registered", D(2027, 4, 12),
      id="AsylumLaw s29 extended by 9 months (verify)"),
    P(dict(lodged_on=D(2026, 1, 1), registered_on=D(2026, 7, 15), decision_extended_months=9),
      "asylum.decision_extended", "rules.anchor.registered", D(2027, 10, 1),
      id="Dir2013/32 Art31(5) extension capped at 21 months from lodging"),
]


@pytest.mark.parametrize("kwargs, rule_id, anchor_key, due", DECISIONS)
def test_decision_due(kwargs, rule_id, anchor_key, due):
    rule, key, _anchor, got = asylum.decision_due(ApplicationFacts(**kwargs))
    assert (rule.id, key, got) == (rule_id, anchor_key, due)


def test_extension_beyond_nine_months_is_refused():
    with pytest.raises(InvalidValue) as err:
        asylum.decision_due(ApplicationFacts(lodged_on=D(2026, 1, 1), decision_extended_months=10))
    assert err.value.key == "rules.asylum.extension_too_long" and err.value.params["max"] == 9


RIGHT_TO_WORK = [
    P(D(2021, 9, 1), "asylum.right_to_work_6m", D(2022, 3, 1), id="ImmigrationLaw before 2021 amendment: 6 months"),
    P(D(2021, 9, 2), "asylum.right_to_work_3m", D(2021, 12, 2), id="ImmigrationLaw 2021 amendment: 3 months (verify date)"),
    P(D(2024, 11, 30), "asylum.right_to_work_3m", D(2025, 2, 28), id="ImmigrationLaw 3 months from 30 Nov = 28 Feb"),
]


@pytest.mark.parametrize("lodged_on, rule_id, due", RIGHT_TO_WORK)
def test_right_to_work_rule_by_lodging_date(lodged_on, rule_id, due):
    assert asylum.right_to_work_rule(lodged_on).id == rule_id
    assert asylum.right_to_work_due(lodged_on) == due


RIGHT_TO_WORK_FROM = [
    P(dict(lodged_on=D(2024, 11, 30)), D(2025, 3, 1), id="ImmigrationLaw no decision in 3 months: may work next day"),
    P(dict(lodged_on=D(2024, 11, 30), decision_on=D(2025, 2, 28)), None, id="ImmigrationLaw decided in time: no right"),
    P(dict(lodged_on=D(2024, 11, 30), delay_caused_by_applicant=True), None,
      id="ImmigrationLaw delay through the applicant's fault: no right"),
]


@pytest.mark.parametrize("kwargs, expected", RIGHT_TO_WORK_FROM)
def test_right_to_work_from(kwargs, expected):
    assert asylum.right_to_work_from(ApplicationFacts(**kwargs)) == expected


APPEALS = [
    P(D(2026, 10, 18), D(2026, 11, 19), id="APL s188(2)+s43 1 month, 18 Nov holiday -> 19 Nov"),
    P(D(2026, 5, 24), D(2026, 6, 25), id="APL s188(2)+s43 1 month, Midsummer 24 Jun -> 25 Jun"),
    P(D(2025, 11, 24), D(2025, 12, 29), id="APL s188(2)+s43 1 month, Christmas Eve -> 29 Dec"),
    P(D(2026, 1, 31), D(2026, 3, 2), id="APL s188(2)+s43 31 Jan + 1 month = Sat 28 Feb -> Mon 2 Mar"),
]


@pytest.mark.parametrize("notified_on, due", APPEALS)
def test_appeal_due(notified_on, due):
    assert asylum.appeal_due(notified_on) == due


PERMITS = [
    P(Status.REFUGEE_STATUS, ("permanent", 5, None, 5), id="AsylumLaw refugee: permanent permit, card every 5 years"),
    P(Status.ALTERNATIVE_STATUS, ("temporary", 1, 2, None), id="AsylumLaw alternative status: 1 year, then 2 (verify)"),
    P(Status.REFUSED, None, id="AsylumLaw refusal: no permit"),
]


@pytest.mark.parametrize("status, expected", PERMITS)
def test_permit_for_status(status, expected):
    got = asylum.permit_for(status)
    assert (None if got is None else (got.permit_kind, got.first_validity_years, got.renewal_validity_years,
                                      got.card_reregistration_years)) == expected


def test_deadlines_of_a_slow_case():
    """AsylumLaw s29, ImmigrationLaw right to work, Dir Art31(5): a case decided late."""
    f = ApplicationFacts(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12),
                         accepted_for_examination_on=D(2026, 1, 20), interview_on=D(2026, 3, 2),
                         decision_on=D(2026, 6, 15), notified_on=D(2026, 6, 16))
    got = {d.rule.id: d for d in asylum.deadlines(f, today=D(2026, 6, 20))}
    assert got["asylum.interview"].state == DeadlineState.MISSED  # due 20 Feb
    assert (got["asylum.decision"].due, got["asylum.decision"].state) == (D(2026, 6, 2), DeadlineState.MISSED)
    assert got["asylum.decision_eu_cap"].state == DeadlineState.MET
    rtw = got["asylum.right_to_work_3m"]
    assert (rtw.due, rtw.state, rtw.rule.consequence_key) == (D(2026, 4, 10), DeadlineState.MISSED,
                                                              "rules.consequence.right_to_work")
    assert (got["asylum.appeal"].due, got["asylum.appeal"].state) == (D(2026, 7, 16), DeadlineState.OPEN)


def test_withdrawn_application_makes_deadlines_moot():
    f = ApplicationFacts(lodged_on=D(2026, 1, 10), withdrawn_on=D(2026, 1, 20))
    assert {d.state for d in asylum.deadlines(f, today=D(2026, 12, 1))} == {DeadlineState.MOOT}


@pytest.mark.parametrize("state, action, target",
                         [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in asylum.MACHINE.transitions.items()])
def test_every_allowed_transition(state, action, target):
    assert asylum.MACHINE.apply(state, action) == target


@pytest.mark.parametrize("state, action", [
    P(Status.LODGED, Action.GRANT_REFUGEE_STATUS, id="no status before the interview"),
    P(Status.FINAL, Action.APPEAL, id="a final decision cannot be appealed"),
    P(Status.WITHDRAWN, Action.HOLD_INTERVIEW, id="no interview after withdrawal"),
    P(Status.APPEALED, Action.REFUSE, id="the court decides an appeal, not PMLP"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        asylum.MACHINE.apply(state, action)
