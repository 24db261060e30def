"""The law in force on 1 December 2026 for Dublin requests (issue 12): AMMR Art. 75(d) counting on the
calendar of the state that must act, urgent requests (39(2), 40(7), 40(8)), detained persons (45), transfer
extensions (46(2)), information requests (51(5)), unaccompanied minors (39(1) fourth subpara.), Reg.
1560/2003 kept in force (83), Dublin III detention after acceptance (28(3), CJEU C-60/16 Khir Amayry), and
Latvia's moved days. Every expected date was computed by hand from the article's text; each row names it."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import calendar, dublin
from desk.rules.common import DeadlineState, InvalidValue
from desk.rules.dublin import Direction, Extension, Regime, ReplyOutcome, RequestFacts, RequestKind

D = date
P = pytest.param
D3, AMMR = Regime.DUBLIN_III, Regime.AMMR
TC, TB, INFO = RequestKind.TAKE_CHARGE, RequestKind.TAKE_BACK, RequestKind.INFORMATION
OUT, IN = Direction.OUTGOING, Direction.INCOMING


def facts(**kw) -> RequestFacts:
    base = dict(direction=OUT, kind=TC, regime=AMMR, partner_state="DE")
    base.update(kw)
    return RequestFacts(**base)


def due(f: RequestFacts, rule_id: str, today: date = D(2026, 12, 1)) -> date:
    got = {d.rule.id: d for d in dublin.deadlines(f, today)}
    assert rule_id in got, f"{rule_id} not among {sorted(got)}"
    return got[rule_id].due


# --- Art. 75(d): the calendar of the Member State that must act ---------------------------------------

COUNTING = [
    P(facts(registered_on=D(2026, 9, 20), sent_on=D(2026, 9, 28), received_on=D(2026, 10, 28)),
      "ammr.take_charge.reply", D(2026, 11, 30),
      id="AMMR Art40(1)+75(d) DE replies: 28 Oct + 1 month = Sat 28 Nov -> Mon 30 Nov"),
    P(facts(direction=IN, partner_state="PL", registered_on=D(2026, 10, 10), received_on=D(2026, 10, 18)),
      "ammr.take_charge.reply", D(2026, 11, 19),
      id="AMMR Art40(1)+75(d) LV replies: 18 Oct + 1 month = 18 Nov, Latvia's holiday -> 19 Nov"),
    P(facts(registered_on=D(2026, 9, 20), sent_on=D(2026, 9, 28), received_on=D(2026, 10, 18)),
      "ammr.take_charge.reply", D(2026, 11, 18),
      id="AMMR Art40(1)+75(d) DE replies: 18 Nov is no German holiday -> stays 18 Nov"),
    P(facts(direction=IN, partner_state="PL", registered_on=D(2026, 9, 11), received_on=D(2026, 10, 1)),
      "ammr.take_charge.request", D(2026, 11, 12),
      id="AMMR Art39(1)+75(d) PL requests: 11 Sep + 2 months = 11 Nov, Polish holiday -> 12 Nov"),
    P(facts(registered_on=D(2026, 9, 11)), "ammr.take_charge.request", D(2026, 11, 11),
      id="AMMR Art39(1)+75(d) LV requests: 11 Nov is a working day in Latvia"),
    P(facts(kind=TB, registered_on=D(2026, 6, 13), hit_received_on=D(2026, 6, 13)), "ammr.take_back.notification",
      D(2026, 6, 29), id="AMMR Art41(1)+75(d) Sat 27 Jun 2026 is worked in Latvia but a Saturday -> Mon 29 Jun"),
    P(facts(registered_on=D(2026, 7, 10), sent_on=D(2026, 7, 20), received_on=D(2026, 7, 20),
            reply=ReplyOutcome.REJECTED, replied_on=D(2026, 12, 5)),
      "ammr.reexamination.request", D(2026, 12, 28),
      id="1560/2003 Art5(2)+AMMR 75(d) LV asks re-examination: 5 Dec + 3 weeks = Sat 26 Dec -> Mon 28 Dec"),
    P(facts(direction=IN, partner_state="DE", kind=INFO, received_on=D(2026, 12, 5)), "ammr.information.reply",
      D(2026, 12, 28), id="AMMR Art51(5)+75(d) LV answers in 3 weeks: Sat 26 Dec -> Mon 28 Dec"),
    P(facts(regime=D3, lodged_on=D(2026, 4, 11)), "dublin3.take_charge.request", D(2026, 7, 11),
      id="Dublin III Art42(c) keeps a Saturday last day (no roll under Dublin III)"),
]


@pytest.mark.parametrize("f, rule_id, expected", COUNTING)
def test_each_limit_counts_on_the_calendar_of_the_state_that_must_act(f, rule_id, expected):
    assert due(f, rule_id) == expected


def test_tacit_acceptance_comes_the_day_after_the_moved_last_day():
    """AMMR Art40(8)+75(d): reply due Sat 28 Nov -> Mon 30 Nov, so silence is acceptance on 1 Dec, not 29 Nov."""
    f = facts(registered_on=D(2026, 9, 20), sent_on=D(2026, 9, 28), received_on=D(2026, 10, 28))
    assert dublin.tacit_acceptance_on(f) == D(2026, 12, 1)
    assert dublin.tacit_acceptance_on(f, today=D(2026, 11, 30)) is None


# --- urgent requests: Art. 39(2), 40(7), 40(8) ---------------------------------------------------------

URGENT = [
    P(dict(received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8)), D(2026, 7, 8),
      id="AMMR Art40(7) reply within the period asked (1 week, Art39(2) minimum)"),
    P(dict(received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8), urgent_needs_longer=True), D(2026, 7, 15),
      id="AMMR Art40(7) not possible in the period asked -> within two weeks of receipt"),
    P(dict(received_on=D(2026, 12, 12), urgent_reply_by=D(2026, 12, 19), urgent_needs_longer=True),
      D(2026, 12, 28), id="AMMR Art40(7)+75(d) two weeks = Sat 26 Dec -> Mon 28 Dec"),
]


@pytest.mark.parametrize("kwargs, expected", URGENT)
def test_urgent_reply(kwargs, expected):
    assert dublin.reply_deadline(TC, regime=AMMR, **kwargs) == expected


def test_urgent_silence_is_acceptance_after_two_weeks():
    """AMMR Art40(8): no objection "inom två veckor enligt punkterna 2 och 7" is acceptance."""
    f = facts(registered_on=D(2026, 6, 28), urgent_ground="return_decision", sent_on=D(2026, 7, 1),
              received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8))
    got = {d.rule.id: d for d in dublin.deadlines(f, D(2026, 7, 10))}
    assert got["ammr.take_charge.reply_urgent"].due == D(2026, 7, 8)
    assert got["ammr.take_charge.reply_urgent"].state == DeadlineState.MISSED
    assert got["ammr.take_charge.reply_urgent_max"].due == D(2026, 7, 15)
    assert dublin.tacit_acceptance_on(f) == D(2026, 7, 16)


URGENT_CHECKS = [
    P(dict(kind=TC, regime=AMMR, received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8)),
      "rules.dublin.urgent_ground_required",
      id="AMMR Art39(2) urgent only after a refusal of entry or a return decision"),
    P(dict(kind=TC, regime=AMMR, received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8), urgent_ground="visa"),
      "rules.dublin.urgent_ground_required", id="AMMR Art39(2) no other ground"),
    P(dict(kind=TC, regime=AMMR, received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 7),
           urgent_ground="refusal_of_entry"), "rules.dublin.urgent_too_short",
      id="AMMR Art39(2) second subpara. the period asked is at least one week"),
    P(dict(kind=TB, regime=AMMR, received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 10),
           urgent_ground="return_decision"), "rules.dublin.urgent_take_charge_only",
      id="AMMR Art39(2) urgent replies belong to take charge requests"),
]


@pytest.mark.parametrize("kwargs, key", URGENT_CHECKS)
def test_urgent_requests_the_law_refuses(kwargs, key):
    with pytest.raises(InvalidValue) as err:
        dublin.check_urgent(**kwargs)
    assert err.value.key == key


@pytest.mark.parametrize("ground", ["refusal_of_entry", "return_decision"])
def test_urgent_request_with_its_ground_is_allowed(ground):
    """AMMR Art39(2): registered after a refusal of entry or a return decision."""
    dublin.check_urgent(TC, regime=AMMR, received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 8),
                        urgent_ground=ground)


# --- detained persons: Art. 45 ------------------------------------------------------------------------

DETAINED = [
    P(facts(registered_on=D(2026, 9, 1), detained=True), "ammr.take_charge.request_detained", D(2026, 9, 15),
      id="AMMR Art45(1) request within 2 weeks of registration"),
    P(facts(registered_on=D(2026, 9, 1), detained=True), "ammr.take_charge.request", D(2026, 11, 2),
      id="AMMR Art45(4) Art39 still applies: 2 months = Sun 1 Nov -> Mon 2 Nov"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, detained_on=D(2026, 10, 3)),
      "ammr.take_charge.request_detained_later", D(2026, 10, 12),
      id="AMMR Art45(1) second subpara. detained later: 1 week = Sat 10 Oct -> Mon 12 Oct"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, sent_on=D(2026, 9, 12), received_on=D(2026, 9, 12)),
      "ammr.reply_detained", D(2026, 9, 21), id="AMMR Art45(2)+75(d) reply 1 week = Sat 19 Sep -> Mon 21 Sep"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, sent_on=D(2026, 9, 8), received_on=D(2026, 9, 8),
            reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 9, 18)),
      "ammr.transfer_decision_detained", D(2026, 10, 2), id="AMMR Art42(1)+45(4) transfer decision in 2 weeks"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, sent_on=D(2026, 9, 8), received_on=D(2026, 9, 8),
            reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 9, 18)),
      "ammr.transfer_detained", D(2026, 10, 23), id="AMMR Art45(3)(a) transfer within 5 weeks of acceptance"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, sent_on=D(2026, 9, 8), received_on=D(2026, 9, 8),
            reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 9, 18), appeal_final_on=D(2026, 10, 1)),
      "ammr.transfer_detained", D(2026, 11, 5),
      id="AMMR Art45(3)(b) 5 weeks from the day the appeal no longer suspends"),
    P(facts(registered_on=D(2026, 9, 1), detained=True, sent_on=D(2026, 9, 8), received_on=D(2026, 9, 8),
            reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 9, 18)),
      "ammr.transfer", D(2027, 3, 18), id="AMMR Art45(4) Art46 still applies: 6 months"),
]


@pytest.mark.parametrize("f, rule_id, expected", DETAINED)
def test_detained_person(f, rule_id, expected):
    assert due(f, rule_id) == expected


def test_missed_detention_limits_mean_release():
    """AMMR Art45(4): missing 45(1), 42(1) or 45(3) means the person is no longer detained."""
    for rule_id in ("ammr.take_charge.request_detained", "ammr.take_charge.request_detained_later",
                    "ammr.take_back.notification_detained", "ammr.take_back.notification_detained_later",
                    "ammr.transfer_decision_detained", "ammr.transfer_detained"):
        assert dublin.RULES[rule_id].consequence_key == "rules.consequence.release_from_detention", rule_id
    assert dublin.transfer_deadline(regime=AMMR, accepted_on=D(2026, 9, 18), detained=True) == D(2026, 10, 23)


# --- transfer extensions: Art. 46(2) ------------------------------------------------------------------

ACCEPTED = dict(registered_on=D(2026, 7, 10), sent_on=D(2026, 7, 20), received_on=D(2026, 7, 20),
                reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 8, 3))
EXTENSIONS = [
    P(dict(), "ammr.transfer", D(2027, 2, 3), id="AMMR Art46(1) 6 months from acceptance"),
    P(dict(extension=Extension.IMPRISONMENT, extension_notified_on=D(2027, 1, 20)), "ammr.transfer_imprisonment",
      D(2027, 8, 3), id="AMMR Art46(2) deprivation of liberty: at most 1 year from acceptance"),
    P(dict(extension=Extension.ABSCONDING, extension_notified_on=D(2027, 1, 20)), "ammr.transfer_absconding",
      D(2030, 1, 21), id="AMMR Art46(2) absconding: 3 years from the notice = Sun 20 Jan 2030 -> Mon 21 Jan"),
    P(dict(extension=Extension.RESISTING, extension_notified_on=D(2027, 1, 20)), "ammr.transfer_absconding",
      D(2030, 1, 21), id="AMMR Art46(2) physically resisting: 3 years from the notice"),
    P(dict(extension=Extension.SELF_INDUCED_UNFITNESS, extension_notified_on=D(2027, 1, 20)),
      "ammr.transfer_absconding", D(2030, 1, 21), id="AMMR Art46(2) making oneself unfit: 3 years from the notice"),
    P(dict(extension=Extension.MEDICAL_UNFITNESS, extension_notified_on=D(2027, 1, 20)),
      "ammr.transfer_absconding", D(2030, 1, 21),
      id="AMMR Art46(2) not meeting the medical requirements: 3 years, there is no 1-year medical ground"),
    P(dict(extension=Extension.ABSCONDING), "ammr.transfer", D(2027, 2, 3),
      id="AMMR Art46(2) no notice yet: the 3 years have not started, the 6 months run"),
    P(dict(reappeared_on=D(2027, 1, 15)), "ammr.transfer_reappeared", D(2027, 4, 15),
      id="AMMR Art46(2) second subpara. back with < 3 months left: 3 months from 15 Jan"),
    P(dict(extension=Extension.ABSCONDING, extension_notified_on=D(2026, 12, 1), reappeared_on=D(2027, 6, 10)),
      "ammr.transfer_reappeared", D(2027, 9, 10),
      id="AMMR Art46(2) second subpara. reappears after the 6 months: 3 months from 10 Jun 2027"),
    P(dict(reappeared_on=D(2026, 9, 1)), "ammr.transfer", D(2027, 2, 3),
      id="AMMR Art46(2) second subpara. back with 5 months left: the 6 months stand"),
]


@pytest.mark.parametrize("kwargs, rule_id, expected", EXTENSIONS)
def test_transfer_extension(kwargs, rule_id, expected):
    assert due(facts(**ACCEPTED, **kwargs), rule_id, today=D(2026, 8, 10)) == expected


def test_extension_notice_is_due_before_the_six_months_end():
    """Reg. 1560/2003 Art9(2), in force under AMMR Art83: notice before the 6 months end."""
    got = {d.rule.id: d for d in dublin.deadlines(
        facts(**ACCEPTED, extension=Extension.ABSCONDING, extension_notified_on=D(2027, 1, 20)), D(2027, 1, 25))}
    notice = got["ammr.transfer_extension_notice"]
    assert (notice.due, notice.state) == (D(2027, 2, 3), DeadlineState.MET)
    assert "1560/2003" in notice.rule.article and notice.rule.verified


def test_three_year_ground_needs_the_notice_date():
    with pytest.raises(InvalidValue) as err:
        dublin.transfer_deadline(regime=AMMR, accepted_on=D(2026, 8, 3), extension=Extension.ABSCONDING)
    assert err.value.key == "rules.missing_date"


# --- information requests: Art. 51(5); minors: Art. 39(1) fourth subpara. -----------------------------

def test_information_reply_has_three_weeks_and_no_tacit_effect():
    """AMMR Art51(5): reply within 3 weeks; silence frees no one from replying."""
    f = facts(kind=INFO, sent_on=D(2026, 7, 1), received_on=D(2026, 7, 1))
    (d,) = dublin.deadlines(f, D(2026, 8, 1))
    assert (d.rule.id, d.due, d.rule.consequence_key) == (
        "ammr.information.reply", D(2026, 7, 22), "rules.consequence.reply_still_owed")
    assert dublin.tacit_acceptance_on(f) is None and d.rule.verified


MINORS = [
    P(dict(first_decision_on=D(2027, 3, 15), sent_on=D(2027, 1, 5)), D(2027, 3, 14), False,
      id="AMMR Art39(1) fourth subpara. child: any time before the first decision on substance"),
    P(dict(first_decision_on=D(2027, 3, 15), sent_on=D(2027, 3, 15)), D(2027, 3, 14), True,
      id="AMMR Art39(1) fourth subpara. not on or after the day of the first decision"),
]


@pytest.mark.parametrize("kwargs, expected, late", MINORS)
def test_unaccompanied_child_in_best_interests(kwargs, expected, late):
    f = facts(registered_on=D(2026, 7, 10), minor_best_interests=True, **kwargs)
    assert due(f, "ammr.take_charge.request_minor") == expected
    assert dublin.out_of_time(f) is late


def test_child_without_a_decision_yet_has_no_last_day():
    """AMMR Art39(1) fourth subpara.: the 2 months do not bind; with no first decision there is no limit."""
    f = facts(registered_on=D(2026, 7, 10), minor_best_interests=True, sent_on=D(2026, 11, 20))
    assert [d.rule.id for d in dublin.deadlines(f, D(2026, 12, 1)) if "request" in d.rule.id] == []
    assert not dublin.out_of_time(f)
    with pytest.raises(InvalidValue):
        dublin.request_deadline(TC, regime=AMMR, lodged_on=None, registered_on=D(2026, 7, 10),
                                minor_best_interests=True)


# --- Dublin III detention after acceptance: Art. 28(3), CJEU C-60/16 Khir Amayry -----------------------

KHIR_AMAYRY = [
    P(D(2026, 2, 1), "dublin3.transfer_detained", D(2026, 4, 13),
      id="Dublin III Art28(3) detained before acceptance: 6 weeks from acceptance"),
    P(D(2026, 5, 4), "dublin3.transfer_detained_later", D(2026, 6, 15),
      id="Art28(3), C-60/16 Khir Amayry: detained after acceptance, 6 weeks from detention"),
    P(D(2026, 8, 10), "dublin3.transfer", D(2026, 9, 2),
      id="C-60/16 Khir Amayry: never beyond the 6 months of Art29(1)"),
]


@pytest.mark.parametrize("detained_on, rule_id, expected", KHIR_AMAYRY)
def test_dublin_iii_detention_after_acceptance(detained_on, rule_id, expected):
    assert dublin.transfer_deadline(regime=D3, accepted_on=D(2026, 3, 2), detained=True,
                                    detained_on=detained_on) == expected
    f = facts(regime=D3, lodged_on=D(2026, 1, 10), detained=True, detained_on=detained_on, sent_on=D(2026, 2, 2),
              received_on=D(2026, 2, 2), reply=ReplyOutcome.ACCEPTED, replied_on=D(2026, 3, 2))
    got = [d for d in dublin.deadlines(f, D(2026, 3, 5)) if d.rule.id == rule_id]
    assert got and min(d.due for d in got) == expected


# --- Reg. 1560/2003 stays in force (Art. 83) ------------------------------------------------------------

def test_reexamination_under_ammr_cites_1560_2003_and_is_verified():
    for rule_id in ("ammr.reexamination.request", "ammr.reexamination.reply", "ammr.transfer_extension_notice"):
        rule = dublin.RULES[rule_id]
        assert "Reg. 1560/2003" in rule.article and "2024/1351" in rule.article and rule.verified, rule_id
        assert "verify" not in rule.article and "2025/2055" not in rule.article


# --- Latvia's moved days: data with their source ----------------------------------------------------

MOVED = [
    P(calendar.apl_period(D(2026, 6, 20), days=7), D(2026, 6, 27),
      id="APL s43: Sat 27 Jun 2026 is a working Saturday (Cabinet order) -> not moved"),
    P(calendar.apl_period(D(2026, 6, 15), days=7), D(2026, 6, 25),
      id="APL s43: Mon 22 Jun 2026 is a moved day off -> after Midsummer, Thu 25 Jun"),
    P(calendar.eu_period(D(2026, 6, 15), days=7), D(2026, 6, 25),
      id="AMMR Art75(d) EU_MOVED_DAY_OFF_MOVES: a last day on 22 Jun 2026 moves too"),
    P(calendar.apl_period(D(2025, 12, 29), days=4), D(2026, 1, 5),
      id="APL s43: Fri 2 Jan 2026 is a moved day off -> Mon 5 Jan"),
]


@pytest.mark.parametrize("got, expected", MOVED)
def test_moved_days(got, expected):
    assert got == expected


def test_moved_days_are_data_with_a_source_and_match_the_official_calendar():
    assert calendar.MOVED_DAYS_VERIFIED is False  # how each counts is a named parameter to verify
    for m in calendar.LV_MOVED_DAYS:
        assert m.source and m.worked_on.weekday() == 5 and m.day_off.weekday() < 5
    import holidays

    years = sorted({m.day_off.year for m in calendar.LV_MOVED_DAYS})
    cal = holidays.country_holidays("LV", years=years, language="en_US")
    package = {d for d, name in cal.items() if name.startswith("Day off")}
    assert package == calendar.LV_DAYS_OFF


# --- an incoming request's own life cycle (issue 14, point 1) ----------------------------------------

A_ = dublin.Action
S_ = dublin.Status
INCOMING_ALLOWED = [
    P(S_.RECEIVED, TC, [A_.ACCEPT, A_.ACCEPT_TACITLY, A_.REJECT, A_.ASK_INFORMATION, A_.WITHDRAW],
      id="received: Latvia replies, lets the period pass, or asks for more; never re-examination"),
    P(S_.REJECTED, TC, [A_.RECEIVE_REEXAMINATION, A_.CLOSE],
      id="1560/2003 Art5(2): the requesting state may ask Latvia to re-examine; Latvia does not ask"),
    P(S_.ACCEPTED, TC, [A_.EXPECT_TRANSFER, A_.RECORD_ARRIVAL, A_.EXTEND_TRANSFER, A_.RECORD_REAPPEARANCE,
                        A_.EXPIRE, A_.WITHDRAW], id="accepted: the other state transfers the person to Latvia"),
    P(S_.TRANSFER_EXPECTED, TC, [A_.RECORD_ARRIVAL, A_.EXTEND_TRANSFER, A_.EXPIRE, A_.WITHDRAW],
      id="transfer announced: arrival, extension or the limit passing"),
    P(S_.RECEIVED, INFO, [A_.ANSWER, A_.WITHDRAW], id="604/2013 Art34, 2024/1351 Art51: an information request is answered"),
]


@pytest.mark.parametrize("status, kind, expected", INCOMING_ALLOWED)
def test_incoming_request_life_cycle(status, kind, expected):
    assert dublin.allowed_actions(status, kind, Direction.INCOMING) == expected


def test_outgoing_request_keeps_its_life_cycle():
    assert A_.REQUEST_REEXAMINATION in dublin.allowed_actions(S_.REJECTED, TC, Direction.OUTGOING)
    assert A_.RECEIVE_REEXAMINATION not in dublin.allowed_actions(S_.REJECTED, TC, Direction.OUTGOING)
    assert A_.DECIDE_TRANSFER not in dublin.allowed_actions(S_.ACCEPTED, TC, Direction.INCOMING)
    assert dublin.apply_action(S_.TRANSFER_EXPECTED, A_.RECORD_ARRIVAL, TC, Direction.INCOMING) == S_.ARRIVED


def test_tacit_acceptance_rule_and_transfer_limit():
    """AMMR Art40(1),(8): received 28 Oct, reply due Mon 30 Nov (Sat 28 Nov moved), accepted 1 Dec; the
    transfer by 1 Jun 2027 (Art46(1): 6 months from 1 Dec 2026, a Tuesday)."""
    f = facts(direction=IN, partner_state="PL", registered_on=D(2026, 10, 1), received_on=D(2026, 10, 28))
    rule, day = dublin.tacit_acceptance_rule(f)
    assert (rule.id, day) == ("ammr.take_charge.reply", D(2026, 12, 1))
    rule, last = dublin.transfer_limit(f, D(2026, 12, 2))
    assert (rule.id, last) == ("ammr.transfer", D(2027, 6, 1))
