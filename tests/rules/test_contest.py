"""Contesting a refused permit, visa or invitation (issue 14 point 3): one month from the refusal's
notification, Administrative Procedure Law ss. 70(1), 79(1), counted under ss. 42-43 (a last day on a
Saturday, Sunday or Latvian holiday moves to the next working day). One row per case, naming the article;
the expected days were counted by hand on the 2026-2027 calendar."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import contest, invitations, permits, visas
from desk.rules.common import DeadlineState

P = pytest.param
D = date

ROWS = [
    P(D(2026, 10, 30), D(2026, 11, 30), id="APL 79(1): notified Fri 30.10 -> Mon 30.11"),
    P(D(2026, 10, 31), D(2026, 11, 30), id="APL 79(1), 42: notified on a Saturday, the day not counted -> 30.11"),
    P(D(2026, 10, 18), D(2026, 11, 19), id="APL 43: 18.11 is Proclamation Day -> Thu 19.11"),
    P(D(2026, 11, 24), D(2026, 12, 28), id="APL 43: 24.12 Christmas Eve, 25 Christmas, 26-27 weekend -> Mon 28.12"),
    P(D(2026, 12, 20), D(2027, 1, 20), id="APL 79(1): notified Sun 20.12 -> Wed 20.01.2027"),
    P(D(2026, 12, 31), D(2027, 2, 1), id="APL 79(1), 43: 31.01.2027 is a Sunday -> Mon 01.02"),
    P(D(2027, 1, 31), D(2027, 3, 1), id="APL 79(1): a month from 31 January ends on the last day of February, "
                                         "Sun 28.02 -> Mon 01.03"),
]


@pytest.mark.parametrize("notified, due", ROWS)
def test_contest_period_is_one_month_from_notification(notified, due):
    assert contest.contest_due(notified) == due


@pytest.mark.parametrize("rule", [permits.R_CONTEST, visas.R_CONTEST, invitations.R_CONTEST],
                         ids=lambda r: r.id)
def test_each_refusal_has_its_contest_rule_named_and_not_verified(rule):
    assert "APL s. 70(1), 79(1)" in rule.article and rule.verified is False
    assert rule.anchor_key == "rules.anchor.notified" and rule.consequence_key == "rules.consequence.decision_final"


STATES = [
    P(None, None, D(2026, 11, 22), None, id="not yet notified: no period runs"),
    P(D(2026, 11, 2), None, D(2026, 11, 22), DeadlineState.OPEN, id="APL 79(1): within the month, open"),
    P(D(2026, 10, 2), D(2026, 10, 20), D(2026, 11, 22), DeadlineState.MET, id="contested in time: met"),
    P(D(2026, 10, 2), None, D(2026, 11, 22), DeadlineState.MISSED,
      id="APL 79(1): the month (to Mon 02.11) passed uncontested: the refusal is final"),
]


@pytest.mark.parametrize("notified, contested, today, state", STATES)
def test_permit_refusal_contest_state(notified, contested, today, state):
    facts = permits.PermitFacts(kind=permits.PermitKind.TEMPORARY, purpose=permits.Purpose.EMPLOYMENT,
                                applied_on=D(2026, 9, 1), decided_on=D(2026, 9, 30),
                                refusal_notified_on=notified, contested_on=contested)
    found = [d for d in permits.deadlines(facts, today) if d.rule is permits.R_CONTEST]
    assert [d.state for d in found] == ([] if state is None else [state])
