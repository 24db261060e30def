"""Dublin III (604/2013, 1560/2003) and AMMR (2024/1351) time limits. One row per case, each naming its article."""
from __future__ import annotations

from datetime import date

import pytest

from desk.rules import dublin
from desk.rules.common import DeadlineState, InvalidValue, TransitionRefused
from desk.rules.dublin import (
    Action,
    Direction,
    HitKind,
    Regime,
    ReplyOutcome,
    RequestFacts,
    RequestKind,
    Status,
)

D = date
P = pytest.param
D3, AMMR = Regime.DUBLIN_III, Regime.AMMR
TC, TB, INFO = RequestKind.TAKE_CHARGE, RequestKind.TAKE_BACK, RequestKind.INFORMATION

# --- regime choice ----------------------------------------------------------------------------------

REGIMES = [
    P(D(2026, 6, 30), D3, False, id="AMMR Art84(2) registered 30 Jun 2026 -> Dublin III"),
    P(D(2026, 7, 1), AMMR, True, id="AMMR Art84 registered 1 Jul 2026 -> AMMR, flagged"),
    P(D(2026, 7, 2), AMMR, False, id="AMMR Art84(1) registered 2 Jul 2026 -> AMMR"),
    P(D(2014, 1, 1), D3, False, id="604/2013 Art49 registered 1 Jan 2014 -> Dublin III"),
]


@pytest.mark.parametrize("registered_on, regime, flagged", REGIMES)
def test_regime_for(registered_on, regime, flagged):
    assert dublin.regime_for(registered_on) is regime
    assert dublin.regime_boundary_flag(registered_on) is flagged


# --- sending the request ----------------------------------------------------------------------------

REQUESTS = [
    P(TC, D3, dict(lodged_on=D(2026, 1, 15)), D(2026, 4, 15), id="Art21(1) take charge 3 months from lodging"),
    P(TC, D3, dict(lodged_on=D(2025, 11, 30)), D(2026, 2, 28), id="Art21(1)+Art42(b) 30 Nov + 3 months = 28 Feb"),
    P(TC, D3, dict(lodged_on=D(2023, 11, 30)), D(2024, 2, 29), id="Art21(1)+Art42(b) leap year: 29 Feb 2024"),
    P(TC, D3, dict(lodged_on=D(2026, 4, 11)), D(2026, 7, 11), id="Art21(1)+Art42(c) Saturday last day not moved"),
    P(TC, D3, dict(lodged_on=D(2026, 8, 18)), D(2026, 11, 18), id="Art21(1)+Art42(c) 18 Nov holiday not moved"),
    P(TC, D3, dict(lodged_on=D(2026, 1, 10), hit_received_on=D(2026, 1, 20)), D(2026, 3, 20),
      id="Art21(1) Eurodac hit: 2 months from the hit"),
    P(TC, D3, dict(lodged_on=D(2026, 1, 10), hit_received_on=D(2026, 3, 1)), D(2026, 4, 10),
      id="Art21(1) C-670/16 Mengesteab: hit-based request never later than 3 months from lodging"),
    P(TB, D3, dict(lodged_on=D(2026, 3, 31)), D(2026, 6, 30), id="Art23(2) take back 3 months from lodging"),
    P(TB, D3, dict(lodged_on=D(2026, 1, 5), hit_received_on=D(2026, 1, 31)), D(2026, 3, 31),
      id="Art23(2) take back 2 months from the Eurodac hit"),
    P(TB, D3, dict(lodged_on=None, knowledge_on=D(2026, 2, 5), new_application_lodged=False), D(2026, 5, 5),
      id="Art24(2) take back, no new application: 3 months from knowledge"),
    P(TC, D3, dict(lodged_on=D(2026, 1, 31), detained=True), D(2026, 2, 28),
      id="Art28(3) detained: request within 1 month of lodging"),
    P(TB, D3, dict(lodged_on=D(2026, 1, 10), hit_received_on=D(2026, 1, 12), detained=True), D(2026, 2, 10),
      id="Art28(3) detained take back with hit: 1 month from lodging governs"),
    P(TC, AMMR, dict(lodged_on=D(2026, 6, 29), registered_on=D(2026, 7, 1)), D(2026, 9, 1),
      id="AMMR Art39(1) take charge 2 months from registration (1 Jul 2026)"),
    P(TC, AMMR, dict(lodged_on=D(2026, 12, 30), registered_on=D(2026, 12, 31)), D(2027, 3, 1),
      id="AMMR Art39(1)+Art75(c),(d) 31 Dec + 2 months = Sun 28 Feb -> Mon 1 Mar"),
    P(TC, AMMR, dict(lodged_on=D(2026, 7, 9), registered_on=D(2026, 7, 10), hit_received_on=D(2026, 7, 31)),
      D(2026, 8, 31), id="AMMR Art39(1) Eurodac/VIS hit: 1 month from the hit"),
    P(TB, AMMR, dict(lodged_on=None, hit_received_on=D(2026, 7, 15)), D(2026, 7, 29),
      id="AMMR Art41(1) take back notification 2 weeks from the hit"),
    P(TB, AMMR, dict(lodged_on=None, hit_received_on=D(2026, 12, 10)), D(2026, 12, 28),
      id="AMMR Art41(1)+Art75(d) Christmas Eve last day -> Mon 28 Dec (24-27 Dec off)"),
    P(TC, AMMR, dict(lodged_on=D(2026, 7, 6), registered_on=D(2026, 7, 6), detained=True), D(2026, 7, 20),
      id="AMMR Art45(1) detained: 2 weeks from registration"),
    P(TC, AMMR, dict(lodged_on=D(2026, 7, 6), registered_on=D(2026, 7, 6), detained=True,
                     detained_on=D(2026, 8, 3)), D(2026, 8, 10),
      id="AMMR Art45(1) detained later: 1 week from detention"),
    P(TB, AMMR, dict(lodged_on=None, hit_received_on=D(2026, 9, 1), detained=True, detained_on=D(2026, 9, 2)),
      D(2026, 9, 9), id="AMMR Art45(1) take back notification, detained after the hit: 1 week"),
]


@pytest.mark.parametrize("kind, regime, kwargs, expected", REQUESTS)
def test_request_deadline(kind, regime, kwargs, expected):
    assert dublin.request_deadline(kind, regime=regime, **kwargs) == expected


REQUEST_ERRORS = [
    P(INFO, D3, dict(lodged_on=D(2026, 1, 1)), "rules.dublin.no_request_limit",
      id="Art34 information request has no sending limit"),
    P(TC, AMMR, dict(lodged_on=D(2026, 7, 1)), "rules.missing_date", id="AMMR Art39(1) needs the registration date"),
    P(TB, AMMR, dict(lodged_on=D(2026, 7, 1), registered_on=D(2026, 7, 1)), "rules.dublin.hit_required",
      id="AMMR Art41(1) take back notification needs a Eurodac hit"),
    P(TC, D3, dict(lodged_on=None), "rules.missing_date", id="Art21(1) needs the lodging date"),
]


@pytest.mark.parametrize("kind, regime, kwargs, key", REQUEST_ERRORS)
def test_request_deadline_errors(kind, regime, kwargs, key):
    with pytest.raises(InvalidValue) as err:
        dublin.request_deadline(kind, regime=regime, **kwargs)
    assert err.value.key == key


# --- replying ---------------------------------------------------------------------------------------

REPLIES = [
    P(TC, D3, dict(received_on=D(2026, 3, 31)), D(2026, 5, 31), id="Art22(1) take charge reply 2 months (Sunday kept)"),
    P(TC, D3, dict(received_on=D(2025, 12, 31)), D(2026, 2, 28), id="Art22(1)+Art42(b) 31 Dec + 2 months = 28 Feb"),
    P(TC, D3, dict(received_on=D(2026, 3, 2), urgent_reply_by=D(2026, 3, 12)), D(2026, 3, 12),
      id="Art21(2)+22(6) urgent: the period asked"),
    P(TC, D3, dict(received_on=D(2026, 3, 2), urgent_reply_by=D(2026, 3, 12), urgent_needs_longer=True),
      D(2026, 4, 2), id="Art22(6) urgent, requested state needs longer: at most 1 month"),
    P(TB, D3, dict(received_on=D(2026, 1, 31)), D(2026, 2, 28), id="Art25(1) take back reply 1 month"),
    P(TB, D3, dict(received_on=D(2026, 6, 10), hit=True), D(2026, 6, 24),
      id="Art25(1) take back on Eurodac data: 2 weeks (Midsummer kept)"),
    P(TC, D3, dict(received_on=D(2026, 5, 4), detained=True), D(2026, 5, 18), id="Art28(3) detained: reply 2 weeks"),
    P(TB, D3, dict(received_on=D(2026, 5, 4), detained=True, hit=True), D(2026, 5, 18),
      id="Art28(3) detained take back: reply 2 weeks"),
    P(INFO, D3, dict(received_on=D(2026, 3, 2)), D(2026, 4, 6), id="Art34(5) information reply 5 weeks (Easter Monday kept)"),
    P(TC, AMMR, dict(received_on=D(2026, 7, 31)), D(2026, 8, 31), id="AMMR Art40(1) take charge reply 1 month"),
    P(TC, AMMR, dict(received_on=D(2026, 7, 1), hit=True), D(2026, 7, 15), id="AMMR Art40(2) hit: reply 2 weeks"),
    P(TC, AMMR, dict(received_on=D(2026, 7, 1), detained=True), D(2026, 7, 8), id="AMMR Art45(2) detained: reply 1 week"),
    P(TB, AMMR, dict(received_on=D(2026, 12, 12)), D(2026, 12, 28),
      id="AMMR Art41(3)+Art75(d) confirm take back notification 2 weeks: Sat 26 Dec -> Mon 28 Dec"),
    P(INFO, AMMR, dict(received_on=D(2026, 7, 1)), D(2026, 7, 22), id="AMMR Art51(5) information reply 3 weeks"),
    P(TC, AMMR, dict(received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 10)), D(2026, 7, 10),
      id="AMMR Art40(7) urgent: reply within the period asked"),
]


@pytest.mark.parametrize("kind, regime, kwargs, expected", REPLIES)
def test_reply_deadline(kind, regime, kwargs, expected):
    assert dublin.reply_deadline(kind, regime=regime, **kwargs) == expected


REPLY_ERRORS = [
    P(TC, AMMR, dict(received_on=D(2026, 7, 1), urgent_reply_by=D(2026, 7, 7)), "rules.dublin.urgent_too_short",
      id="AMMR Art39(2) the period asked is at least one week"),
    P(TC, D3, dict(received_on=D(2026, 3, 2), urgent_reply_by=D(2026, 3, 6)), "rules.dublin.urgent_too_short",
      id="Art21(2) the period asked is at least one week"),
    P(TB, D3, dict(received_on=D(2026, 3, 1), urgent_reply_by=D(2026, 3, 10)), "rules.dublin.urgent_take_charge_only",
      id="Art21(2) urgent replies are for take charge requests"),
]


@pytest.mark.parametrize("kind, regime, kwargs, key", REPLY_ERRORS)
def test_reply_deadline_errors(kind, regime, kwargs, key):
    with pytest.raises(InvalidValue) as err:
        dublin.reply_deadline(kind, regime=regime, **kwargs)
    assert err.value.key == key


ROLL_SWITCH = [
    P("LV", D(2027, 5, 17), id="AMMR Art75(d) LV replies: Whit Monday is a working day in Latvia"),
    P("DE", D(2027, 5, 18), id="AMMR Art75(d) DE replies: Whit Monday is a holiday there -> Tuesday"),
]


@pytest.mark.parametrize("country, expected", ROLL_SWITCH)
def test_ammr_counting_uses_the_calendar_of_the_state_that_replies(country, expected):
    assert not hasattr(dublin, "AMMR_ROLL_FORWARD")  # Art. 75(d) is the law, not a switch
    assert dublin.reply_deadline(TB, regime=AMMR, received_on=D(2027, 5, 3), country=country) == expected
    # Dublin III Art. 42(c) never rolls forward, whatever the switch
    assert dublin.reply_deadline(TB, regime=D3, received_on=D(2027, 5, 3), hit=True, country=country) == D(2027, 5, 17)


# --- transfer ---------------------------------------------------------------------------------------

TRANSFERS = [
    P(D3, D(2026, 3, 15), None, False, D(2026, 9, 15), id="Art29(1) transfer 6 months from acceptance"),
    P(D3, D(2025, 8, 31), None, False, D(2026, 2, 28), id="Art29(1)+Art42(b) 31 Aug + 6 months = 28 Feb"),
    P(D3, D(2023, 8, 31), None, False, D(2024, 2, 29), id="Art29(1)+Art42(b) leap year 29 Feb 2024"),
    P(D3, D(2024, 2, 29), "imprisonment", False, D(2025, 2, 28), id="Art29(2) imprisonment: 1 year"),
    P(D3, D(2026, 3, 15), "absconding", False, D(2027, 9, 15), id="Art29(2) absconding: 18 months"),
    P(D3, D(2026, 3, 2), None, True, D(2026, 4, 13), id="Art28(3) detained: transfer within 6 weeks"),
    P(AMMR, D(2026, 7, 15), None, False, D(2027, 1, 15), id="AMMR Art46(1) transfer 6 months"),
    P(AMMR, D(2026, 7, 15), "imprisonment", False, D(2027, 7, 15),
      id="AMMR Art46(2) deprivation of liberty: at most 1 year"),
    P(AMMR, D(2026, 8, 31), "absconding", False, D(2029, 9, 17),
      id="AMMR Art46(2) absconding: 3 years from the notice 15 Sep 2026 = Sat 15 Sep 2029 -> Mon 17 Sep"),
    P(AMMR, D(2026, 8, 31), "medical_unfitness", False, D(2029, 9, 17),
      id="AMMR Art46(2) medical requirements not met: 3 years from the notice, not 1 year"),
    P(AMMR, D(2026, 9, 2), None, True, D(2026, 10, 7), id="AMMR Art45(3) detained: transfer within 5 weeks"),
]


@pytest.mark.parametrize("regime, accepted_on, extension, detained, expected", TRANSFERS)
def test_transfer_deadline(regime, accepted_on, extension, detained, expected):
    assert dublin.transfer_deadline(regime=regime, accepted_on=accepted_on, extension=extension,
                                    detained=detained, extension_notified_on=D(2026, 9, 15)) == expected


TRANSFER_ERRORS = [
    P(D3, "holiday", "rules.dublin.unknown_extension", id="Art29(2) unknown extension ground"),
    P(D3, "medical_unfitness", "rules.dublin.extension_not_in_regime", id="Art29(2) medical unfitness is AMMR only"),
]


@pytest.mark.parametrize("regime, extension, key", TRANSFER_ERRORS)
def test_transfer_deadline_errors(regime, extension, key):
    with pytest.raises(InvalidValue) as err:
        dublin.transfer_deadline(regime=regime, accepted_on=D(2026, 1, 1), extension=extension)
    assert err.value.key == key


# --- whole requests: deadlines(), tacit acceptance, out of time --------------------------------------


def facts(**kw) -> RequestFacts:
    base = dict(direction=Direction.OUTGOING, kind=TC, regime=D3, requested_state="DE")
    base.update(kw)
    return RequestFacts(**base)


def by_id(items):
    return {d.rule.id: d for d in items}


def test_tacit_acceptance_after_silence_starts_the_transfer_period():
    """Art22(1), 22(7), 29(1): no reply within 2 months -> accepted the next day; transfer 6 months later."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2))
    assert dublin.tacit_acceptance_on(f) == D(2026, 4, 3)
    assert dublin.tacit_acceptance_on(f, today=D(2026, 4, 2)) is None
    got = by_id(dublin.deadlines(f, today=D(2026, 5, 1)))
    assert got["dublin3.take_charge.request"].state == DeadlineState.MET
    reply = got["dublin3.take_charge.reply"]
    assert (reply.due, reply.state, reply.rule.consequence_key) == (
        D(2026, 4, 2), DeadlineState.MISSED, "rules.consequence.tacit_acceptance")
    transfer = got["dublin3.transfer"]
    assert (transfer.anchor_event_key, transfer.anchor_date, transfer.due, transfer.state) == (
        "rules.anchor.tacitly_accepted", D(2026, 4, 3), D(2026, 10, 3), DeadlineState.OPEN)


def test_reply_in_time_means_no_tacit_acceptance():
    """Art22(7): a refusal within 2 months is not acceptance; re-examination may be asked (1560/2003 Art5(2))."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2),
              replied_on=D(2026, 3, 20), reply=ReplyOutcome.REJECTED)
    assert dublin.tacit_acceptance_on(f) is None
    got = by_id(dublin.deadlines(f, today=D(2026, 3, 25)))
    assert got["dublin3.take_charge.reply"].state == DeadlineState.MET
    reexam = got["dublin3.reexamination.request"]
    assert (reexam.due, reexam.state) == (D(2026, 4, 10), DeadlineState.OPEN)
    assert "dublin3.transfer" not in got


def test_reexamination_silence_ends_the_procedure_and_is_not_acceptance():
    """1560/2003 Art5(2), CJEU C-47/17: no answer within 2 weeks ends the procedure."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2),
              replied_on=D(2026, 3, 20), reply=ReplyOutcome.REJECTED, reexam_requested_on=D(2026, 4, 1))
    got = by_id(dublin.deadlines(f, today=D(2026, 5, 1)))
    reply = got["dublin3.reexamination.reply"]
    assert (reply.due, reply.state, reply.rule.consequence_key) == (
        D(2026, 4, 15), DeadlineState.MISSED, "rules.consequence.reexamination_ends")
    assert dublin.tacit_acceptance_on(f) is None
    assert dublin.acceptance_date(f, today=D(2026, 5, 1)) is None
    assert "dublin3.transfer" not in got


def test_acceptance_after_reexamination_starts_transfer():
    """1560/2003 Art5(2) + Art29(1): acceptance on re-examination is the transfer anchor."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2),
              replied_on=D(2026, 3, 20), reply=ReplyOutcome.REJECTED, reexam_requested_on=D(2026, 4, 1),
              reexam_answered_on=D(2026, 4, 10), reexam_reply=ReplyOutcome.ACCEPTED)
    got = by_id(dublin.deadlines(f, today=D(2026, 4, 20)))
    assert got["dublin3.reexamination.reply"].state == DeadlineState.MET
    assert got["dublin3.transfer"].due == D(2026, 10, 10)


def test_hit_request_after_mengesteab_cap_is_out_of_time():
    """Art21(1); C-670/16: sent 2 months after the hit but after 3 months from lodging -> out of time."""
    f = facts(lodged_on=D(2026, 1, 10), hit_received_on=D(2026, 3, 1), hit_kind=HitKind.EURODAC,
              sent_on=D(2026, 4, 20))
    assert dublin.out_of_time(f) is True
    request = dublin.deadlines(f, today=D(2026, 4, 20))[0]
    assert request.rule.id == "dublin3.take_charge.request_hit_cap"
    assert (request.anchor_event_key, request.due, request.state, request.note_key) == (
        "rules.anchor.lodged", D(2026, 4, 10), DeadlineState.MISSED, "rules.note.sent_out_of_time")
    assert dublin.out_of_time(facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 4, 10))) is False


def test_vis_hit_does_not_count_under_dublin_iii():
    """Art21(1) second subpara. names Eurodac only; AMMR Art39(1) adds VIS."""
    f = facts(lodged_on=D(2026, 1, 10), hit_received_on=D(2026, 1, 20), hit_kind=HitKind.VIS)
    assert dublin.deadlines(f, today=D(2026, 1, 21))[0].rule.id == "dublin3.take_charge.request"
    g = facts(regime=AMMR, lodged_on=D(2026, 7, 9), registered_on=D(2026, 7, 10), hit_received_on=D(2026, 7, 20),
              hit_kind=HitKind.VIS)
    assert dublin.deadlines(g, today=D(2026, 7, 21))[0].rule.id == "ammr.take_charge.request_hit"


def test_information_request_has_only_a_reply_limit_without_tacit_effect():
    """Art34(5): 5 weeks, no tacit acceptance."""
    f = facts(kind=INFO, sent_on=D(2026, 3, 2), received_on=D(2026, 3, 2))
    got = dublin.deadlines(f, today=D(2026, 6, 1))
    assert [d.rule.id for d in got] == ["dublin3.information.reply"]
    assert got[0].state == DeadlineState.MISSED
    assert got[0].rule.consequence_key == "rules.consequence.no_tacit_effect"
    assert dublin.tacit_acceptance_on(f) is None


def test_withdrawn_request_makes_open_deadlines_moot():
    """Art22(1): a withdrawn request needs no reply."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2), withdrawn_on=D(2026, 2, 10))
    got = by_id(dublin.deadlines(f, today=D(2026, 5, 1)))
    assert got["dublin3.take_charge.request"].state == DeadlineState.MET
    assert got["dublin3.take_charge.reply"].state == DeadlineState.MOOT
    assert dublin.tacit_acceptance_on(f) is None


def test_urgent_request_tacit_acceptance_only_after_one_month():
    """Art22(6), 22(7): the period asked can be missed; silence becomes acceptance after one month."""
    f = facts(lodged_on=D(2026, 2, 1), sent_on=D(2026, 3, 2), received_on=D(2026, 3, 2), urgent_reply_by=D(2026, 3, 12))
    got = by_id(dublin.deadlines(f, today=D(2026, 3, 20)))
    assert got["dublin3.take_charge.reply_urgent"].state == DeadlineState.MISSED
    assert got["dublin3.take_charge.reply_urgent_max"].state == DeadlineState.OPEN
    assert dublin.tacit_acceptance_on(f) == D(2026, 4, 3)


def test_detained_person_gets_the_six_week_transfer_and_the_six_month_one():
    """Art28(3), 29(1): detained: reply in 2 weeks, transfer in 6 weeks (else released), 6 months otherwise."""
    f = facts(lodged_on=D(2026, 3, 1), detained=True, sent_on=D(2026, 3, 20), received_on=D(2026, 3, 20),
              replied_on=D(2026, 3, 30), reply=ReplyOutcome.ACCEPTED)
    got = by_id(dublin.deadlines(f, today=D(2026, 4, 1)))
    assert got["dublin3.request_detained"].due == D(2026, 4, 1)
    assert got["dublin3.reply_detained"].due == D(2026, 4, 3)
    assert got["dublin3.transfer_detained"].due == D(2026, 5, 11)
    assert got["dublin3.transfer"].due == D(2026, 9, 30)


def test_extension_for_absconding_and_its_notice():
    """Art29(2); 1560/2003 Art9(2): 18 months from the same start, notified before the 6 months end."""
    f = facts(lodged_on=D(2026, 1, 5), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2), replied_on=D(2026, 2, 20),
              reply=ReplyOutcome.ACCEPTED, extension="absconding", extension_notified_on=D(2026, 8, 21))
    got = by_id(dublin.deadlines(f, today=D(2026, 9, 1)))
    assert got["dublin3.transfer_absconding"].due == D(2027, 8, 20)
    notice = got["dublin3.transfer_extension_notice"]
    assert (notice.due, notice.state) == (D(2026, 8, 20), DeadlineState.MISSED)


def test_suspensive_appeal_restarts_the_transfer_period():
    """Art29(1): 6 months from the final decision on an appeal with suspensive effect."""
    f = facts(lodged_on=D(2026, 1, 5), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2), replied_on=D(2026, 2, 20),
              reply=ReplyOutcome.ACCEPTED, appeal_final_on=D(2026, 5, 29))
    transfer = by_id(dublin.deadlines(f, today=D(2026, 6, 1)))["dublin3.transfer"]
    assert (transfer.anchor_event_key, transfer.due) == ("rules.anchor.appeal_final", D(2026, 11, 29))


def test_ammr_outgoing_accepted_request_boundary_day():
    """AMMR Art84 (flag), 39(1), 40(1), 42(1), 43(2), 46(1) on a request registered on 1 July 2026."""
    f = facts(regime=AMMR, lodged_on=D(2026, 6, 30), registered_on=D(2026, 7, 1), sent_on=D(2026, 8, 3),
              received_on=D(2026, 8, 3), replied_on=D(2026, 8, 20), reply=ReplyOutcome.ACCEPTED,
              transfer_decided_on=D(2026, 8, 28), transfer_decision_notified_on=D(2026, 8, 31))
    got = by_id(dublin.deadlines(f, today=D(2026, 9, 1)))
    assert got["ammr.take_charge.request"].due == D(2026, 9, 1)
    assert got["ammr.take_charge.reply"].due == D(2026, 9, 3)
    assert got["ammr.transfer_decision"].due == D(2026, 9, 3)
    assert got["ammr.transfer_decision"].state == DeadlineState.MET
    assert got["ammr.transfer_appeal"].due == D(2026, 9, 21)
    assert got["ammr.transfer"].due == D(2027, 2, 22)  # Sat 20 Feb 2027 -> Mon 22 Feb (Art. 75(d))
    assert all(d.note_key == "rules.note.regime_boundary" for d in got.values())


def test_ammr_take_back_silence_is_confirmation():
    """AMMR Art41(3), 41(4): no answer within 2 weeks = confirmation; transfer 6 months (Art46(1))."""
    f = facts(regime=AMMR, kind=TB, registered_on=D(2026, 7, 10), hit_received_on=D(2026, 7, 10),
              sent_on=D(2026, 7, 15), received_on=D(2026, 7, 15))
    assert dublin.tacit_acceptance_on(f) == D(2026, 7, 30)
    got = by_id(dublin.deadlines(f, today=D(2026, 8, 1)))
    assert got["ammr.take_back.confirmation"].rule.consequence_key == "rules.consequence.tacit_confirmation"
    assert got["ammr.transfer"].due == D(2027, 2, 1)  # Sat 30 Jan 2027 -> Mon 1 Feb (Art. 75(d))


def test_incoming_request_without_lodging_date_shows_our_reply_limit():
    """Art22(1): we reply to another state's request within 2 months; their lodging date may be unknown."""
    f = facts(direction=Direction.INCOMING, requested_state="LV", lodged_on=None, received_on=D(2026, 4, 30))
    got = dublin.deadlines(f, today=D(2026, 5, 1))
    assert [(d.rule.id, d.due, d.state) for d in got] == [
        ("dublin3.take_charge.reply", D(2026, 6, 30), DeadlineState.OPEN)]


def test_every_deadline_explains_itself():
    """Explanations: rule id, article, anchor event and date, due date and consequence are all present."""
    f = facts(lodged_on=D(2026, 1, 10), sent_on=D(2026, 2, 2), received_on=D(2026, 2, 2))
    for d in dublin.deadlines(f, today=D(2026, 5, 1)):
        assert d.rule.id and d.rule.article and d.anchor_event_key.startswith("rules.anchor.")
        assert d.anchor_date <= d.due
        assert d.rule.consequence_key


def test_rules_registry_is_consistent():
    assert all(rule_id == rule.id for rule_id, rule in dublin.RULES.items())
    # Dublin III rules serve applications registered up to 30 June 2026, AMMR rules from 1 July 2026
    assert dublin.RULES["dublin3.take_charge.reply"].in_force_on(D(2026, 6, 30))
    assert not dublin.RULES["dublin3.take_charge.reply"].in_force_on(D(2026, 7, 1))
    assert dublin.RULES["ammr.take_charge.reply"].in_force_on(D(2026, 7, 1))
    assert not dublin.RULES["ammr.take_charge.reply"].in_force_on(D(2026, 6, 30))
    assert dublin.RULES["ammr.transfer_absconding"].verified is True  # Art. 46(2) read
    assert dublin.RULES["ammr.transfer_appeal"].verified is False  # Latvia's 1-3 weeks (Art. 43(2)) not found
    assert dublin.RULES["dublin3.transfer_absconding"].verified is True


# --- life cycle -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state, action, target",
    [P(s, a, t, id=f"{s} --{a}--> {t}") for (s, a), t in dublin.MACHINE.transitions.items()],
)
def test_every_allowed_transition(state, action, target):
    kind = INFO if action == Action.ANSWER else TC
    assert dublin.apply_action(state, action, kind) == target
    assert dublin.MACHINE.apply(state, action) == target


REFUSED = [
    P(Status.DRAFT, Action.ACCEPT, TC, id="a draft cannot be accepted"),
    P(Status.SENT, Action.DECIDE_TRANSFER, TC, id="no transfer decision before acceptance"),
    P(Status.TRANSFERRED, Action.WITHDRAW, TC, id="a completed transfer cannot be withdrawn"),
    P(Status.WITHDRAWN, Action.SEND, TC, id="a withdrawn request cannot be sent"),
    P(Status.REJECTED, Action.DECIDE_TRANSFER, TC, id="no transfer after a refusal"),
    P(Status.REEXAMINATION_LAPSED, Action.ACCEPT, TC, id="1560/2003 Art5(2) lapsed re-examination is final"),
    P(Status.SENT, Action.ACCEPT, INFO, id="Art34 an information request is answered, not accepted"),
    P(Status.SENT, Action.ANSWER, TC, id="a take charge request is accepted or rejected, not answered"),
    P(Status.TRANSFER_DECIDED, Action.COMPLETE_TRANSFER, TB, id="a transfer is scheduled before it is done"),
]


@pytest.mark.parametrize("state, action, kind", REFUSED)
def test_refused_transitions(state, action, kind):
    with pytest.raises(TransitionRefused) as err:
        dublin.apply_action(state, action, kind)
    assert err.value.key == "rules.transition_refused"
    assert err.value.params["state"] == state and err.value.params["action"] == action


def test_terminal_statuses_have_no_way_out():
    assert dublin.TERMINAL_STATUSES == dublin.MACHINE.terminal_states() | dublin.INCOMING_MACHINE.terminal_states()
    assert dublin.INITIAL_STATUS == Status.DRAFT == dublin.MACHINE.initial
    assert dublin.initial_status(Direction.INCOMING) == Status.RECEIVED == dublin.INCOMING_MACHINE.initial
    assert set(dublin.MACHINE.states) | set(dublin.INCOMING_MACHINE.states) == {s.value for s in Status}
    assert set(dublin.MACHINE.actions) | set(dublin.INCOMING_MACHINE.actions) == {a.value for a in Action}


def test_allowed_actions_in_declaration_order():
    assert dublin.allowed_actions(Status.SENT, TC) == [
        Action.ACCEPT, Action.ACCEPT_TACITLY, Action.REJECT, Action.WITHDRAW]
    assert dublin.allowed_actions(Status.SENT, INFO) == [Action.ANSWER, Action.WITHDRAW]
