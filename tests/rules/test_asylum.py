"""Asylum Law (2016), Directive 2013/32/EU, the Asylum Procedure Regulation (EU) 2024/1348 and the
Immigration Law: regime, order of dates, decision, right to work, permits, appeal.

Every expected date is hand-computed from the text (APR Art. 73: the event day not counted; months end on
the same date, clipped to the month's end; a last day on a Saturday, Sunday or Latvian holiday moves to the
next working day) and Latvia's calendar (18 Nov, 24-26 Dec, 1 Jan, Easter Monday, 1 and 4 May, 22 Jun 2026
moved off, 23-24 Jun)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from desk.rules import asylum
from desk.rules.asylum import Action, ApplicationFacts, Regime, Status
from desk.rules.calendar import add_period
from desk.rules.common import Counting, DeadlineState, InvalidValue, TransitionRefused

D = date
P = pytest.param

DECISIONS = [
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 2, 20)),
      "asylum.decision_interview", "rules.anchor.interview", D(2026, 5, 20),
      id="AsylumLaw s29 3 months after the interview"),
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 5, 1)),
      "asylum.decision", "rules.anchor.registered", D(2026, 7, 12),
      id="AsylumLaw s29 no later than 6 months after registration"),
    P(dict(lodged_on=D(2025, 8, 30), registered_on=D(2025, 8, 31)), "asylum.decision", "rules.anchor.registered",
      D(2026, 2, 28), id="AsylumLaw s29 6 months from 31 Aug clipped to 28 Feb"),
    P(dict(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), interview_on=D(2026, 2, 20),
           decision_extended_months=9), "asylum.decision_extended", "rules.anchor.registered", D(2027, 4, 12),
      id="AsylumLaw s29 extended by 9 months"),
    P(dict(lodged_on=D(2026, 1, 1), registered_on=D(2026, 7, 15), decision_extended_months=9),
      "asylum.decision_extended", "rules.anchor.registered", D(2027, 10, 1),
      id="Dir2013/32 Art31(5) extension capped at 21 months from lodging"),
    P(dict(lodged_on=D(2026, 6, 11), registered_on=D(2026, 6, 12)), "asylum.decision", "rules.anchor.registered",
      D(2026, 12, 12), id="AsylumLaw s29 lodged 11 Jun 2026 (last day before the APR): Sat 12 Dec not moved"),
    # --- Reg. 2024/1348 ---
    P(dict(lodged_on=D(2026, 6, 12), registered_on=D(2026, 6, 11), made_on=D(2026, 6, 10)), "apr.decision",
      "rules.anchor.lodged", D(2026, 12, 14),
      id="APR 35(4)+73(c) 6 months from lodging 12 Jun 2026 (first APR day), ends Sat 12 Dec -> Mon 14 Dec"),
    P(dict(lodged_on=D(2026, 6, 24)), "apr.decision", "rules.anchor.lodged", D(2026, 12, 28),
      id="APR 35(4)+73(c) 6 months, ends Christmas Eve 24 Dec (24-27 off) -> Mon 28 Dec"),
    P(dict(lodged_on=D(2026, 7, 1)), "apr.decision", "rules.anchor.lodged", D(2027, 1, 4),
      id="APR 35(4)+73(c) 6 months, ends New Year 1 Jan 2027 (Fri) -> Mon 4 Jan"),
    P(dict(lodged_on=D(2026, 8, 31)), "apr.decision", "rules.anchor.lodged", D(2027, 3, 1),
      id="APR 35(4)+73(b)(c) 6 months from 31 Aug clipped to Sun 28 Feb 2027 -> Mon 1 Mar"),
    P(dict(lodged_on=D(2026, 9, 10)), "apr.decision", "rules.anchor.lodged", D(2027, 3, 10),
      id="APR 35(4) 6 months ends Wed 10 Mar 2027: a working day, not moved"),
    P(dict(lodged_on=D(2026, 12, 23)), "apr.decision", "rules.anchor.lodged", D(2027, 6, 25),
      id="APR 35(4)+73(c) 6 months ends Midsummer Eve 23 Jun 2027 (23-24 off) -> Fri 25 Jun"),
    P(dict(lodged_on=D(2026, 7, 1), decision_extended_months=6), "apr.decision_extended", "rules.anchor.lodged",
      D(2027, 7, 1), id="APR 35(5) extended by the maximum 6 months: 12 months, Thu 1 Jul 2027"),
    P(dict(lodged_on=D(2026, 9, 24), decision_extended_months=3), "apr.decision_extended", "rules.anchor.lodged",
      D(2027, 6, 25), id="APR 35(5)+73(c) extended by 3 months: ends Midsummer Day 24 Jun 2027 -> Fri 25 Jun"),
    P(dict(lodged_on=D(2026, 7, 1), postponed_on=D(2026, 12, 1)), "apr.decision_postponed", "rules.anchor.lodged",
      D(2028, 4, 3), id="APR 35(7) second subpara. postponed: 21 months ends Sat 1 Apr 2028 -> Mon 3 Apr"),
    P(dict(lodged_on=D(2026, 7, 1), postponed_on=D(2026, 12, 1), decision_extended_months=6),
      "apr.decision_postponed", "rules.anchor.lodged", D(2028, 4, 3),
      id="APR 35(7) postponement replaces the 35(4)-(5) limit: still 21 months from lodging"),
    P(dict(lodged_on=D(2026, 8, 18), procedure="accelerated"), "apr.accelerated", "rules.anchor.lodged",
      D(2026, 11, 19), id="APR 35(3)+73(c) accelerated 3 months ends 18 Nov (Proclamation Day) -> Thu 19 Nov"),
    P(dict(lodged_on=D(2026, 12, 29), procedure="accelerated"), "apr.accelerated", "rules.anchor.lodged",
      D(2027, 3, 30), id="APR 35(3)+73(c) accelerated 3 months ends Easter Monday 29 Mar 2027 -> Tue 30 Mar"),
    P(dict(lodged_on=D(2026, 10, 1), procedure="admissibility"), "apr.admissibility", "rules.anchor.lodged",
      D(2026, 12, 1), id="APR 35(1) first subpara. admissibility 2 months: Tue 1 Dec 2026"),
    P(dict(lodged_on=D(2026, 10, 26), procedure="admissibility"), "apr.admissibility", "rules.anchor.lodged",
      D(2026, 12, 28), id="APR 35(1)+73(c) admissibility 2 months ends Sat 26 Dec (a holiday) -> Mon 28 Dec"),
    P(dict(lodged_on=D(2027, 3, 1), procedure="admissibility"), "apr.admissibility", "rules.anchor.lodged",
      D(2027, 5, 3), id="APR 35(1)+73(c) admissibility 2 months ends Sat 1 May 2027 (Labour Day) -> Mon 3 May"),
    P(dict(lodged_on=D(2027, 3, 4), procedure="admissibility"), "apr.admissibility", "rules.anchor.lodged",
      D(2027, 5, 5), id="APR 35(1)+73(c) admissibility 2 months ends Tue 4 May 2027 (Restoration Day) -> Wed 5 May"),
    P(dict(lodged_on=D(2026, 10, 31), procedure="admissibility", decision_extended_months=2),
      "apr.admissibility_extended", "rules.anchor.lodged", D(2027, 3, 1),
      id="APR 35(2) admissibility extended by 2 months: 4 months from 31 Oct clipped to Sun 28 Feb -> Mon 1 Mar"),
]


@pytest.mark.parametrize("kwargs, rule_id, anchor_key, due", DECISIONS)
def test_decision_due(kwargs, rule_id, anchor_key, due):
    rule, key, _anchor, got = asylum.decision_due(ApplicationFacts(**kwargs))
    assert (rule.id, key, got) == (rule_id, anchor_key, due)


REFUSED_EXTENSIONS = [
    P(dict(lodged_on=D(2026, 1, 1), decision_extended_months=10), "rules.asylum.extension_too_long", 9,
      id="AsylumLaw s29 no extension beyond 9 months"),
    P(dict(lodged_on=D(2026, 6, 12), decision_extended_months=7), "rules.asylum.apr_extension_too_long", 6,
      id="APR 35(5) no extension beyond 6 months (9 was the Asylum Law's)"),
    P(dict(lodged_on=D(2026, 7, 1), decision_extended_months=9), "rules.asylum.apr_extension_too_long", 6,
      id="APR 35(5) the Asylum Law's 9 months refused under the APR"),
    P(dict(lodged_on=D(2026, 7, 1), procedure="admissibility", decision_extended_months=3),
      "rules.asylum.apr_extension_too_long", 2, id="APR 35(2) admissibility extended by at most 2 months"),
    P(dict(lodged_on=D(2026, 7, 1), procedure="accelerated", decision_extended_months=1),
      "rules.asylum.apr_no_extension_accelerated", None, id="APR 35(3) the accelerated period is not extended"),
]


@pytest.mark.parametrize("kwargs, key, most", REFUSED_EXTENSIONS)
def test_extension_beyond_what_the_regime_allows_is_refused(kwargs, key, most):
    with pytest.raises(InvalidValue) as err:
        asylum.decision_due(ApplicationFacts(**kwargs))
    assert err.value.key == key and err.value.params.get("max") == most


REGIMES = [
    P(D(2026, 6, 11), Regime.ASYLUM_LAW, id="APR 79(3) lodged 11 Jun 2026: Directive 2013/32 and the Asylum Law"),
    P(D(2026, 6, 12), Regime.APR, id="APR 79(3) lodged on 12 Jun 2026 itself: the APR (from and including)"),
    P(D(2027, 1, 5), Regime.APR, id="APR 79(3) lodged in 2027: the APR"),
]


@pytest.mark.parametrize("lodged_on, regime", REGIMES)
def test_regime_by_the_lodging_date(lodged_on, regime):
    assert asylum.regime_for(lodged_on) == regime


def test_the_regime_recorded_on_the_application_wins_over_its_lodging_date():
    """APR 79(3): a store keeps the regime decided at registration; the facts carry it."""
    f = ApplicationFacts(lodged_on=D(2026, 6, 12), registered_on=D(2026, 6, 12), regime="asylum_law")
    assert asylum.decision_due(f)[0].id == "asylum.decision"


ORDERS = [
    P(Regime.APR, dict(made_on=D(2026, 6, 29), registered_on=D(2026, 6, 30), lodged_on=D(2026, 7, 1)), [],
      id="APR 26-28 made <= registered <= lodged"),
    P(Regime.APR, dict(made_on=D(2026, 7, 1), registered_on=D(2026, 7, 1), lodged_on=D(2026, 7, 1)), [],
      id="APR 26-28 all on one day"),
    P(Regime.APR, dict(made_on=D(2026, 6, 29), registered_on=D(2026, 7, 2), lodged_on=D(2026, 7, 1)),
      [("registered_on", "lodged_on")], id="APR 27-28 registered after lodging: refused"),
    P(Regime.APR, dict(made_on=D(2026, 7, 1), registered_on=D(2026, 6, 30), lodged_on=D(2026, 7, 2)),
      [("made_on", "registered_on")], id="APR 26-27 made after registration: refused"),
    P(Regime.APR, dict(made_on=None, registered_on=D(2026, 7, 2), lodged_on=D(2026, 7, 1)),
      [("registered_on", "lodged_on")], id="APR 27-28 the old lodged-then-registered order is wrong now"),
    P(Regime.ASYLUM_LAW, dict(made_on=None, registered_on=D(2026, 3, 3), lodged_on=D(2026, 3, 2)), [],
      id="AsylumLaw lodged, then registered"),
    P(Regime.ASYLUM_LAW, dict(made_on=None, registered_on=D(2026, 3, 1), lodged_on=D(2026, 3, 2)),
      [("lodged_on", "registered_on")], id="AsylumLaw registered before lodging: refused"),
]


@pytest.mark.parametrize("regime, dates, wrong", ORDERS)
def test_order_of_the_dates_by_regime(regime, dates, wrong):
    assert asylum.date_order(regime, **dates) == wrong


RIGHT_TO_WORK = [
    P(D(2016, 6, 1), "asylum.right_to_work_9m", D(2017, 3, 1), id="ImmigrationLaw s9 before 2 Mar 2017: 9 months"),
    P(D(2017, 3, 1), "asylum.right_to_work_9m", D(2017, 12, 1),
      id="ImmigrationLaw s9 lodged 1 Mar 2017, the day before the amendment: 9 months"),
    P(D(2017, 3, 2), "asylum.right_to_work_6m", D(2017, 9, 2),
      id="ImmigrationLaw s9 amendment in force 2 Mar 2017: 6 months, Sat 2 Sep not moved"),
    P(D(2021, 9, 1), "asylum.right_to_work_6m", D(2022, 3, 1), id="ImmigrationLaw s9 before the 2021 amendment: 6 months"),
    P(D(2021, 9, 2), "asylum.right_to_work_3m", D(2021, 12, 2),
      id="ImmigrationLaw s9 2021 amendment (adopted 2 Sep 2021): 3 months"),
    P(D(2024, 11, 30), "asylum.right_to_work_3m", D(2025, 2, 28), id="ImmigrationLaw s9 3 months from 30 Nov = 28 Feb"),
    P(D(2026, 9, 30), "asylum.right_to_work_3m", D(2026, 12, 30),
      id="ImmigrationLaw s9 applies to APR applications too: 3 months from lodging"),
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


APR_APPEALS = [
    P(dict(lodged_on=D(2026, 7, 1), decision="refused", notified_on=D(2026, 11, 24)), "apr.appeal", D(2026, 12, 28),
      id="APR 67(7)(b)+67(8)+73(c) 1 month (LV parameter) from 24 Nov ends Christmas Eve -> Mon 28 Dec"),
    P(dict(lodged_on=D(2026, 7, 1), decision="alternative", notified_on=D(2027, 3, 1)), "apr.appeal", D(2027, 4, 1),
      id="APR 67(2)+67(7)(b) alternative status, refugee status refused: 1 month, Thu 1 Apr 2027"),
    P(dict(lodged_on=D(2026, 7, 1), decision="left_without_examination", notified_on=D(2026, 12, 22)),
      "apr.appeal_short", D(2027, 1, 4),
      id="APR 67(7)(a)+73(c) inadmissible: 10 days (LV parameter) end New Year 1 Jan 2027 -> Mon 4 Jan"),
    P(dict(lodged_on=D(2026, 7, 1), procedure="accelerated", decision="refused", notified_on=D(2026, 11, 8)),
      "apr.appeal_short", D(2026, 11, 19),
      id="APR 67(7)(a)+73(c) unfounded in an accelerated procedure: 10 days end 18 Nov -> Thu 19 Nov"),
    P(dict(lodged_on=D(2026, 6, 12), decision="left_without_examination", notified_on=D(2026, 6, 12)),
      "apr.appeal_short", D(2026, 6, 25),
      id="APR 67(7)(a)+73(c) 10 days end Mon 22 Jun 2026 (moved day off), 23-24 Jun Midsummer -> Thu 25 Jun"),
]


@pytest.mark.parametrize("kwargs, rule_id, due", APR_APPEALS)
def test_apr_appeal_periods(kwargs, rule_id, due):
    got = {d.rule.id: d for d in asylum.deadlines(ApplicationFacts(**kwargs), today=D(2026, 12, 1))}
    assert rule_id in got and got[rule_id].due == due and got[rule_id].anchor_date == kwargs["notified_on"]


def test_apr_appeal_periods_are_latvian_choices_inside_the_ranges_and_marked_unverified():
    """APR 67(7): (a) 5 to 10 days, (b) 2 weeks to 1 month; Latvia's numbers are named parameters."""
    low, high = asylum.APR_APPEAL_SHORT_RANGE_DAYS
    assert low <= asylum.APR_APPEAL_SHORT_DAYS <= high
    start = D(2026, 7, 1)
    shortest, longest = (add_period(start, **p.as_kwargs()) for p in asylum.APR_APPEAL_RANGE)
    assert shortest <= add_period(start, months=asylum.APR_APPEAL_MONTHS) <= longest
    assert not asylum.RULES["apr.appeal_short"].verified and not asylum.RULES["apr.appeal"].verified


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
    assert (got["asylum.decision_interview"].due, got["asylum.decision_interview"].state) == (
        D(2026, 6, 2), DeadlineState.MISSED)
    assert got["asylum.decision_eu_cap"].state == DeadlineState.MET
    assert "asylum.decision" not in got and got["asylum.decision_interview"].due == D(2026, 6, 2)
    rtw = got["asylum.right_to_work_3m"]
    assert (rtw.due, rtw.state, rtw.rule.consequence_key) == (D(2026, 4, 10), DeadlineState.MISSED,
                                                              "rules.consequence.right_to_work")
    assert (got["asylum.appeal"].due, got["asylum.appeal"].state) == (D(2026, 7, 16), DeadlineState.OPEN)


def test_deadlines_of_an_apr_case():
    """APR 35(4): 6 months from lodging; no Asylum Law interview period, no Directive 2013/32 cap."""
    f = ApplicationFacts(lodged_on=D(2026, 7, 1), registered_on=D(2026, 6, 30), made_on=D(2026, 6, 29),
                         accepted_for_examination_on=D(2026, 7, 10))
    got = {d.rule.id: d for d in asylum.deadlines(f, today=D(2026, 12, 1))}
    assert set(got) == {"apr.decision", "asylum.right_to_work_3m"}
    assert (got["apr.decision"].due, got["apr.decision"].state) == (D(2027, 1, 4), DeadlineState.OPEN)
    assert (got["asylum.right_to_work_3m"].due, got["asylum.right_to_work_3m"].state) == (
        D(2026, 10, 1), DeadlineState.MISSED)


SCENARIOS = [ApplicationFacts(**p.values[0]) for p in DECISIONS] + [
    ApplicationFacts(**p.values[0]) for p in APR_APPEALS] + [
    ApplicationFacts(lodged_on=D(2026, 1, 10), registered_on=D(2026, 1, 12), accepted_for_examination_on=D(2026, 1, 20),
                     interview_on=D(2026, 3, 2), decision_on=D(2026, 6, 15), notified_on=D(2026, 6, 16))]


@pytest.mark.parametrize("facts", SCENARIOS, ids=lambda f: f"{f.the_regime} lodged {f.lodged_on}")
def test_every_deadline_is_its_rules_period_from_its_anchor(facts):
    """The rule register's promise: due == add_period(anchor, period, roll forward if the counting rolls)."""
    for d in asylum.deadlines(facts, today=D(2026, 12, 1)):
        if d.rule.period is None:
            continue
        roll = d.rule.counting in (Counting.ROLL_ACTOR, Counting.APL)
        assert d.due == add_period(d.anchor_date, **d.rule.period.as_kwargs(), roll_forward=roll), d.rule.id
        assert d.anchor_event_key == d.rule.anchor_key, d.rule.id


_ACT = (r"(Reg\. 2024/1348|Dir\. 2013/32/EU|Dir\. 2008/115/EC|Dir\. 2024/1346|Asylum Law|Immigration Law|APL"
        r"|Cabinet Reg\. No \d+ \(\d{4}\)|CJEU C-225/16 Ouhrami)")
_EU_POINT = r"\d+\([0-9a-z]+\)(\([a-z]\))?( (first|second|third|fourth) subpara\.)?"
_LOCATOR = rf"(Art\. {_EU_POINT}(, {_EU_POINT})*|s\. \d+(\(\d+\))?|ss\. \d+-\d+)"
CITATION = re.compile(rf"{_ACT}( {_LOCATOR})?(; {_ACT}( {_LOCATOR})?)*")


@pytest.mark.parametrize("rule", list(asylum.RULES.values()), ids=lambda r: r.id)
def test_every_rule_is_cited_in_the_citation_grammar_and_described_for_the_register(rule):
    assert CITATION.fullmatch(rule.article), rule.article
    assert "verify" not in rule.article.lower()
    assert rule.anchor_key and rule.counting != Counting.NONE
    if rule.id.startswith("apr."):
        assert (rule.regime, rule.counting, rule.applies_from) == ("apr", Counting.ROLL_ACTOR, D(2026, 6, 12))
    elif rule.regime == "asylum_law":
        assert rule.applies_until == D(2026, 6, 11)


def test_the_three_right_to_work_rules_follow_each_other_without_a_gap():
    r9, r6, r3 = asylum.RIGHT_TO_WORK_RULES
    assert (r9.period.months, r6.period.months, r3.period.months) == (9, 6, 3)
    assert r9.applies_until == D(2017, 3, 1) and r6.applies_from == D(2017, 3, 2)
    assert (r6.applies_until, r3.applies_from, r3.applies_until) == (D(2021, 9, 1), D(2021, 9, 2), None)


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
    P(Status.REFUSED, Action.EXTEND_DECISION, id="no extension once decided"),
    P(Status.FINAL, Action.POSTPONE_DECISION, id="APR 35(7) no postponement once final"),
])
def test_refused_transitions(state, action):
    with pytest.raises(TransitionRefused):
        asylum.MACHINE.apply(state, action)
