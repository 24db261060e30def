"""The 2026 law on the forms (issue 12, points 8 and 10), on SQLite and PostgreSQL: an asylum
application's regime follows its lodging date (Reg. 2024/1348 Art. 79(3)) and is stored; its dates are
validated in the regime's order (APR Arts. 26-28: made, registered, lodged; Asylum Law: lodged, then
registered); APR extensions and postponement; a return decision's Art. 7(4) ground and Art. 7(2)
extension. Expected dates hand-computed (APR Art. 73(c): rolled off Latvian days off)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desk.errors import FormInvalid
from desk.i18n import set_language, t
from desk.services import casework, views
from desk.services.labels import detail_text
from models import AsylumApplication, Case, Deadline, ReturnDecision
from tests.services.conftest import new_person

P = pytest.param
APR_DATES = {"made_on": "2026-10-30", "registered_on": "2026-11-02", "lodged_on": "2026-11-04"}


def _register(store, actor, kind, raw):
    with store.uow() as uow:
        return casework.register(uow, actor, kind, raw)


def _perform(store, actor, case_id, action, raw):
    with store.reader() as uow:
        version = uow.session.get(Case, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw, version)


def _deadlines(store, case_id):
    with store.reader() as uow:
        return {d.rule_id: d.due_on for d in uow.session.exec(select(Deadline).where(Deadline.case_id == case_id))}


def _asylum(store, actors, **raw):
    pid = new_person(store, actors["asylum"])
    return _register(store, actors["asylum"], "asylum", {"person_id": str(pid), **raw})


def _errors(exc_info) -> dict[str, str]:
    return {name: err.key for name, err in exc_info.value.errors.items()}


# --- the regime and the order of the dates ---------------------------------------------------------------

def test_apr_application_stores_its_regime_and_three_dates(cw):
    """APR 79(3), 26-28, 35(4)+73(c): lodged 4 Nov 2026; 6 months end Tue 4 May 2027 (Restoration Day) -> 5 May."""
    store, actors = cw
    cid = _asylum(store, actors, **APR_DATES)
    with store.reader() as uow:
        app = uow.session.get(AsylumApplication, cid)
        assert (app.regime, app.made_on, app.registered_on, app.lodged_on) == (
            "apr", date(2026, 10, 30), date(2026, 11, 2), date(2026, 11, 4))
        assert uow.session.get(Case, cid).opened_on == date(2026, 11, 2)  # the registration day, as before
    due = _deadlines(store, cid)
    assert due["apr.decision"] == date(2027, 5, 5)
    assert due["asylum.right_to_work_3m"] == date(2027, 2, 4)
    assert not {"asylum.decision", "asylum.decision_eu_cap"} & set(due)


@pytest.mark.parametrize("lang, shown", [P("lv", "Regula 2024/1348 (APR)", id="APR 79(3) case file in Latvian"),
                                         P("en", "Regulation 2024/1348 (APR)", id="APR 79(3) case file in English")])
def test_the_case_file_says_first_which_regime_the_application_is_under(cw, lang, shown):
    store, actors = cw
    cid = _asylum(store, actors, **APR_DATES)
    set_language(lang)
    try:
        with store.uow() as uow:
            details = views.case_file(uow, actors["asylum"], cid).details
        assert detail_text(details[0]) == (t("casework.field.regime"), shown)
    finally:
        set_language("lv")


def test_an_application_lodged_before_12_june_2026_stays_under_the_asylum_law(cw):
    """APR 79(3): lodged 11 Jun 2026, registered 12 Jun: Asylum Law s. 29, 6 months from registration."""
    store, actors = cw
    cid = _asylum(store, actors, lodged_on="2026-06-11", registered_on="2026-06-12")
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, cid).regime == "asylum_law"
    due = _deadlines(store, cid)
    assert due["asylum.decision"] == date(2026, 12, 12)  # a Saturday, not moved under the Asylum Law
    assert due["asylum.decision_eu_cap"] == date(2028, 3, 11)  # Dir. 2013/32/EU Art. 31(5): 21 months


BAD_DATES = [
    P({"registered_on": "2026-11-02", "lodged_on": "2026-11-04"}, {"made_on": "casework.asylum.made_on_required"},
      id="APR 26 the day the application was made is needed"),
    P({"made_on": "2026-10-30", "registered_on": "2026-11-05", "lodged_on": "2026-11-04"},
      {"lodged_on": "casework.asylum.order_apr"}, id="APR 27-28 registered after lodging"),
    P({"made_on": "2026-11-03", "registered_on": "2026-11-02", "lodged_on": "2026-11-04"},
      {"registered_on": "casework.asylum.order_apr"}, id="APR 26-27 made after registration"),
    P({"lodged_on": "2026-03-02", "registered_on": "2026-03-01"},
      {"registered_on": "casework.asylum.order_asylum_law"}, id="AsylumLaw registered before lodging"),
    P({"lodged_on": "2026-03-02", "registered_on": "2026-03-03", "procedure": "admissibility"},
      {"procedure": "casework.asylum.admissibility_apr_only"}, id="APR 35(1) admissibility period is the APR's"),
]


@pytest.mark.parametrize("raw, expected", BAD_DATES)
def test_dates_in_the_wrong_order_for_the_regime_are_field_errors(cw, raw, expected):
    store, actors = cw
    with pytest.raises(FormInvalid) as exc:
        _asylum(store, actors, **raw)
    assert _errors(exc) == expected
    with store.reader() as uow:
        assert uow.session.exec(select(Case.id)).first() is None  # nothing half-saved


@pytest.mark.parametrize("lang, words", [
    P("lv", ("Regulā 2024/1348", "“Iesniegts” nevar būt agrāk par “Reģistrēts”"), id="APR 27-28 message in Latvian"),
    P("en", ("Under Regulation 2024/1348", "“Lodged on” cannot be before “Registered on”"),
      id="APR 27-28 message in English"),
])
def test_the_order_error_names_both_fields_in_the_officers_language(cw, lang, words):
    store, actors = cw
    set_language(lang)
    try:
        with pytest.raises(FormInvalid) as exc:
            _asylum(store, actors, made_on="2026-10-30", registered_on="2026-11-05", lodged_on="2026-11-04")
        message = exc.value.errors["lodged_on"].message()
    finally:
        set_language("lv")
    assert all(w in message for w in words), message


# --- APR extension, postponement, admissibility ----------------------------------------------------------

def test_apr_admissibility_examination_runs_two_months(cw):
    """APR 35(1) first subpara.+73(c): lodged 26 Oct 2026; 2 months end Sat 26 Dec -> Mon 28 Dec."""
    store, actors = cw
    cid = _asylum(store, actors, made_on="2026-10-22", registered_on="2026-10-23", lodged_on="2026-10-26",
                  procedure="admissibility")
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, cid).procedure == "admissible"  # 12 characters wide
    assert _deadlines(store, cid)["apr.admissibility"] == date(2026, 12, 28)


EXTENSIONS = [
    P(APR_DATES, 6, "apr.decision_extended", date(2027, 11, 4), id="APR 35(5) extended by 6 months: Thu 4 Nov 2027"),
    P({"lodged_on": "2026-03-02", "registered_on": "2026-03-03"}, 9, "asylum.decision_extended", date(2027, 6, 3),
      id="AsylumLaw s29 extended by 9 months: 15 months from registration"),
]


@pytest.mark.parametrize("dates, months, rule_id, due", EXTENSIONS)
def test_extend_the_decision_period(cw, dates, months, rule_id, due):
    store, actors = cw
    cid = _asylum(store, actors, **dates)
    _perform(store, actors["asylum"], cid, "extend_decision", {"decision_extended_months": str(months)})
    assert _deadlines(store, cid)[rule_id] == due


def test_apr_refuses_an_extension_beyond_six_months(cw):
    """APR 35(5): "med högst sex månader"; the Asylum Law's 9 are refused for an APR case."""
    store, actors = cw
    cid = _asylum(store, actors, **APR_DATES)
    with pytest.raises(FormInvalid) as exc:
        _perform(store, actors["asylum"], cid, "extend_decision", {"decision_extended_months": "7"})
    err = exc.value.errors["decision_extended_months"]
    assert (err.key, err.params["max"]) == ("rules.asylum.apr_extension_too_long", 6)
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, cid).decision_extended_months == 0


def test_apr_postponement_sets_the_21_month_ceiling(cw):
    """APR 35(7) second subpara.+73(c): lodged 4 Nov 2026; 21 months end Fri 4 Aug 2028."""
    store, actors = cw
    cid = _asylum(store, actors, **APR_DATES)
    _perform(store, actors["asylum"], cid, "postpone_decision", {"postponed_on": "2026-11-20"})
    due = _deadlines(store, cid)
    assert due["apr.decision_postponed"] == date(2028, 8, 4) and "apr.decision" not in due


def test_only_an_apr_case_can_be_postponed(cw):
    store, actors = cw
    cid = _asylum(store, actors, lodged_on="2026-03-02", registered_on="2026-03-03")
    with pytest.raises(FormInvalid) as exc:
        _perform(store, actors["asylum"], cid, "postpone_decision", {"postponed_on": "2026-11-20"})
    assert _errors(exc) == {"postponed_on": "casework.asylum.postpone_apr_only"}


# --- return decisions: Art. 7(4) and 7(2) ----------------------------------------------------------------

def _return(store, actors, **raw):
    pid = new_person(store, actors["return"])
    return _register(store, actors["return"], "return", {"person_id": str(pid), "grounds": "overstay",
                                                         "issued_on": "2026-11-10", **raw})


BAD_RETURNS = [
    P({"decision_kind": "voluntary", "departure_days": "3", "notified_on": "2026-11-11"},
      {"departure_ground": "casework.return.short_period_needs_ground"},
      id="Dir2008/115 Art7(4) under 7 days needs its ground"),
    P({"decision_kind": "voluntary", "departure_days": "0"}, {"departure_ground": "casework.return.short_period_needs_ground"},
      id="Dir2008/115 Art7(4) no period needs its ground"),
    P({"decision_kind": "voluntary", "departure_days": "31", "departure_ground": "danger"},
      {"departure_days": "error.out_of_range"}, id="Dir2008/115 Art7(1) never more than 30 days"),
    P({"decision_kind": "forced", "ban_imposed": True, "ban_years": "3", "ban_months": "1"},
      {"ban_years": "rules.returns.ban_too_long"}, id="PMLP practice ban of 3 years 1 month refused"),
]


@pytest.mark.parametrize("raw, expected", BAD_RETURNS)
def test_return_decisions_the_directive_does_not_allow(cw, raw, expected):
    store, actors = cw
    with pytest.raises(FormInvalid) as exc:
        _return(store, actors, **raw)
    assert _errors(exc) == expected


SHORT_PERIODS = [
    P("3", "risk_of_absconding", date(2026, 11, 14), id="Dir2008/115 Art7(4) 3 days: risk of absconding, Sat 14 Nov"),
    P("0", "danger", date(2026, 11, 11), id="Dir2008/115 Art7(4) no period: danger, the day of notification"),
]


@pytest.mark.parametrize("days, ground, until", SHORT_PERIODS)
def test_a_shorter_period_with_its_ground(cw, days, ground, until):
    store, actors = cw
    cid = _return(store, actors, decision_kind="voluntary", departure_days=days, departure_ground=ground,
                  notified_on="2026-11-11")
    with store.reader() as uow:
        d = uow.session.get(ReturnDecision, cid)
        assert (d.departure_ground, d.departure_days, d.depart_by) == (ground, int(days), until)
    assert _deadlines(store, cid)["returns.voluntary_departure_short"] == until


def test_extend_the_departure_period_twice(cw):
    """Dir2008/115 Art7(2): 30 days from 11 Nov = 11 Dec; +10 = Mon 21 Dec; +5 more = Sat 26 Dec (not moved)."""
    store, actors = cw
    cid = _return(store, actors, decision_kind="voluntary", departure_days="30", notified_on="2026-11-11")
    assert _deadlines(store, cid)["returns.voluntary_departure"] == date(2026, 12, 11)
    _perform(store, actors["return"], cid, "extend_departure",
             {"extend_by_days": "10", "departure_extension_reason": "children_at_school"})
    _perform(store, actors["return"], cid, "extend_departure",
             {"extend_by_days": "5", "departure_extension_reason": "family_and_social_links"})
    with store.reader() as uow:
        d = uow.session.get(ReturnDecision, cid)
        assert (d.departure_extended_days, d.departure_extension_reason, d.depart_by) == (
            15, "family_and_social_links", date(2026, 12, 26))
        assert uow.session.get(Case, cid).status == "notified"
    due = _deadlines(store, cid)
    assert due["returns.voluntary_departure_extended"] == date(2026, 12, 26) and "returns.voluntary_departure" not in due


def test_an_extension_needs_its_reason(cw):
    store, actors = cw
    cid = _return(store, actors, decision_kind="voluntary", departure_days="30", notified_on="2026-11-11")
    with pytest.raises(FormInvalid) as exc:
        _perform(store, actors["return"], cid, "extend_departure", {"extend_by_days": "10"})
    assert _errors(exc) == {"departure_extension_reason": "error.required"}


def test_a_ban_of_years_and_months_ends_from_the_actual_departure(cw):
    """Dir2008/115 Art11(2), C-225/16 Ouhrami: 2 years 6 months from 20 Nov 2026 = 20 May 2029."""
    store, actors = cw
    cid = _return(store, actors, decision_kind="forced", ban_imposed=True, ban_years="2", ban_months="6",
                  notified_on="2026-11-11")
    _perform(store, actors["return"], cid, "expel", {"departed_on": "2026-11-20"})
    with store.reader() as uow:
        assert uow.session.get(ReturnDecision, cid).ban_until == date(2029, 5, 20)
    assert _deadlines(store, cid)["returns.entry_ban"] == date(2029, 5, 20)


def test_a_dublin_request_for_an_apr_application_takes_its_registered_then_lodged_dates(cw):
    """AMMR Art. 39(1) counts from the registration; an APR application is registered (Art. 27) before it is
    lodged (Art. 28): the Dublin request copies both and refuses neither. 2 Nov + 2 months = Sat 2 Jan 2027
    -> Mon 4 Jan (Art. 75(d))."""
    store, actors = cw
    asylum_id = _asylum(store, actors, **APR_DATES)
    with store.reader() as uow:
        number = uow.session.get(Case, asylum_id).number
    dublin_id = _register(store, actors["asylum"], "dublin", {
        "direction": "outgoing", "request_kind": "take_charge", "partner_country": "DEU", "asylum_case": number})
    assert _deadlines(store, dublin_id)["ammr.take_charge.request"] == date(2027, 1, 4)
    with pytest.raises(FormInvalid) as err:  # the Asylum Law's order still holds for an application it governs
        _register(store, actors["asylum"], "dublin", {
            "direction": "outgoing", "request_kind": "take_charge", "partner_country": "DEU",
            "person_id": str(new_person(store, actors["asylum"], surname="Ozoliņa", given="Marta", born="1985-02-03",
                                        doc="LV7654321")),
            "lodged_on": "2026-05-20", "registered_on": "2026-05-18"})
    assert _errors(err) == {"registered_on": "casework.asylum.order_asylum_law"}


REASON_CASES = [
    P("grant_refugee_status", "asylum.not_credible", "error.bad_choice",
      id="14(6): a grant offers the status's ground, not a refusal ground"),
    P("refuse", None, "error.required", id="14(6): a refusal requires its ground"),
    P("refuse", "asylum.well_founded_fear", "error.bad_choice", id="14(6): a refusal offers refusal grounds only"),
    P("leave_without_examination", None, "error.required", id="14(6): not examined: the reason is required"),
]


@pytest.mark.parametrize("action, reason, key", REASON_CASES)
def test_a_decision_offers_and_requires_the_reasons_that_fit_it(cw, action, reason, key):
    store, actors = cw
    cid = _asylum(store, actors, **APR_DATES)
    raw = {"decision_on": "2026-11-20", **({"reason": reason} if reason else {})}
    _perform(store, actors["asylum"], cid, "accept_for_examination", {"accepted_on": "2026-11-05"})
    _perform(store, actors["asylum"], cid, "hold_interview", {"interview_on": "2026-11-10"})
    with pytest.raises(FormInvalid) as err:
        _perform(store, actors["asylum"], cid, action, raw)
    assert _errors(err).get("reason") == key
    _perform(store, actors["asylum"], cid, "refuse", {"decision_on": "2026-11-20", "reason": "asylum.not_credible"})
