"""Casework services on SQLite and PostgreSQL: persons, registration of every kind, transitions,
deadlines, stale saves, refused roles, reassignment, the Dublin flow, stays and the read models."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desk.errors import ValidationError, ConflictError, FormInvalid, PermissionDenied, TransitionNotAllowed
from desk.services import audit, casework, persons, stays, views
from desk.services.labels import detail_text
from models import AsylumApplication, Case, Deadline, DublinRequest, ResidencePermit, ReturnDecision, Visa
from tests.services.conftest import new_person
from tests.conftest import statements_sent


def _deadlines(store, case_id):
    with store.reader() as uow:
        return {d.rule_id: (d.due_on, d.state) for d in uow.session.exec(select(Deadline).where(Deadline.case_id == case_id)).all()}


def _case(store, case_id):
    with store.reader() as uow:
        return uow.session.get(Case, case_id)


def _register(store, actor, kind, raw):
    with store.uow() as uow:
        return casework.register(uow, actor, kind, raw)


def _perform(store, actor, case_id, action, raw=None):
    version = _case(store, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw or {}, version)


# --- persons ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, why", [
    ({"surname": "BERZINS", "given_names": "JANIS", "date_of_birth": "01.05.1990", "citizenship": "UKR"},
     "same name and date of birth after folding diacritics"),
    ({"surname": "Other", "given_names": "Name", "citizenship": "UKR", "document_number": "lv 123-4567"},
     "same document number, typed differently"),
])
def test_duplicate_person_is_offered_not_saved(cw, raw, why):
    store, actors = cw
    first = new_person(store, actors["reception"])
    with store.uow() as uow:
        found = persons.find_duplicates(uow, actors["reception"], raw)
    assert [p.id for p in found] == [first], why
    with pytest.raises(persons.DuplicatePerson) as exc:
        with store.uow() as uow:
            persons.register_person(uow, actors["reception"], raw)
    assert [c.id for c in exc.value.candidates] == [first]
    with store.uow() as uow:
        assert persons.register_person(uow, actors["reception"], raw, use_existing=first) == first
    if "document_number" in raw:  # one document is one person's (uq_document_number, issue 16 point 1)
        with pytest.raises(ValidationError) as taken, store.uow() as uow:
            persons.register_person(uow, actors["reception"], raw, allow_duplicate=True)
        assert taken.value.key == "person.code_or_document_taken"
        return
    with store.uow() as uow:
        other = persons.register_person(uow, actors["reception"], raw, allow_duplicate=True)
    assert other != first


def test_person_file_is_audited_and_shows_schengen_days(cw):
    store, actors = cw
    pid = new_person(store, actors["reception"])
    with store.uow() as uow:
        stays.record_stay(uow, actors["residence"], pid, {"entry_on": "2026-10-01", "exit_on": "2026-10-10"})
    with store.uow() as uow:
        stay_id = stays.record_stay(uow, actors["residence"], pid, {"entry_on": "2026-11-20"})
    with store.uow() as uow:
        f = views.person_file(uow, actors["residence"], pid)
    assert f.summary.surname == "Bērziņš"
    assert f.schengen.days_used == 10 + 3  # 1-10 Oct and 20-22 Nov, entry and exit days both count
    assert f.schengen.days_remaining == 90 - 13
    with store.uow() as uow:
        stays.record_exit(uow, actors["residence"], stay_id, {"exit_on": "2026-11-21"})
    with store.reader() as uow:
        assert stays.schengen_view(uow, pid, date(2026, 11, 22)).days_used == 12
        assert audit.entries(uow, person_id=pid, limit=10)[1].action == "person.view"
        assert stays.planned_last_day(uow, pid, date(2026, 12, 1)) > date(2026, 12, 1)


# --- registration and a transition for every kind -------------------------------------------------------

# Reg. 2024/1348 Arts. 26-28 (lodged from 12 June 2026): made, then registered, then lodged
ASYLUM = {"made_on": "2026-11-02", "registered_on": "2026-11-02", "lodged_on": "2026-11-03", "application_type": "first"}


def test_asylum_register_and_interview(cw):
    store, actors = cw
    pid = new_person(store, actors["asylum"])
    cid = _register(store, actors["asylum"], "asylum", {**ASYLUM, "person_id": str(pid)})
    case = _case(store, cid)
    assert case.number == "PAT-2026-000001" and case.status == "lodged"
    dl = _deadlines(store, cid)
    assert dl["apr.decision"] == (date(2027, 5, 3), "open")  # APR 35(4): 6 months after lodging
    _perform(store, actors["asylum"], cid, "accept_for_examination", {"accepted_on": "2026-11-04"})
    _perform(store, actors["asylum"], cid, "hold_interview", {"interview_on": "2026-11-20"})
    with store.reader() as uow:
        assert uow.session.get(AsylumApplication, cid).interview_on == date(2026, 11, 20)
    # APR 35(4): the interview does not move the decision's limit (the Asylum Law's 3 months do not apply)
    assert _deadlines(store, cid)["apr.decision"] == (date(2027, 5, 3), "open")
    assert _case(store, cid).status == "interviewed"


def test_permit_register_grant_with_validity(cw):
    store, actors = cw
    pid = new_person(store, actors["residence"])
    cid = _register(store, actors["residence"], "permit", {"person_id": pid, "permit_kind": "temporary",
                                                           "purpose": "study", "applied_on": "2026-11-10"})
    # issue 14 point 3: a pending application has its decision deadline (APL s. 64(1): 1 month, Thu 10 Dec)
    assert _case(store, cid).status == "applied"
    assert _deadlines(store, cid) == {"permits.decision": (date(2026, 12, 10), "open")}
    with pytest.raises(FormInvalid) as exc:
        _perform(store, actors["residence"], cid, "grant",
                 {"decided_on": "2026-11-20", "valid_from": "2026-12-01", "valid_until": "2032-12-01"})
    assert "valid_until" in exc.value.errors
    _perform(store, actors["residence"], cid, "grant",
             {"decided_on": "2026-11-20", "valid_from": "2026-12-01", "valid_until": "2027-11-30"})
    with store.reader() as uow:
        assert uow.session.get(ResidencePermit, cid).valid_until == date(2027, 11, 30)
    assert _deadlines(store, cid)["permits.validity_end"] == (date(2027, 11, 30), "open")
    assert _deadlines(store, cid)["permits.decision"] == (date(2026, 12, 10), "met")


def test_visa_register_issue_and_90_180(cw):
    store, actors = cw
    pid = new_person(store, actors["residence"])
    with store.uow() as uow:
        stays.record_stay(uow, actors["residence"], pid, {"entry_on": "2026-11-01"})
    cid = _register(store, actors["residence"], "visa", {"person_id": pid, "category": "C", "applied_on": "2026-11-21"})
    _perform(store, actors["residence"], cid, "issue", {"decided_on": "2026-11-22", "valid_from": "2026-11-22",
                                                       "valid_until": "2027-01-15", "days_allowed": "40"})
    with store.reader() as uow:
        assert uow.session.get(Visa, cid).days_allowed == 40
    dl = _deadlines(store, cid)
    assert dl["visas.schengen_90_180"][0] == date(2027, 1, 29)  # 90 days from 1 Nov 2026, both ends counted
    with store.uow() as uow:
        f = views.case_file(uow, actors["residence"], cid)
    assert f.schengen.days_used == 22


# --- Dublin ---------------------------------------------------------------------------------------------

def _asylum_case(store, actor, pid, lodged="2026-03-02", registered="2026-03-03"):
    return _register(store, actor, "asylum", {"person_id": pid, "lodged_on": lodged, "registered_on": registered})


def test_dublin_flow_outgoing_take_charge(cw):
    store, actors = cw
    a = actors["asylum"]
    pid = new_person(store, a)
    asylum_id = _asylum_case(store, a, pid)
    number = _case(store, asylum_id).number
    cid = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                         "partner_country": "DEU", "asylum_case": number})
    with store.reader() as uow:
        req = uow.session.get(DublinRequest, cid)
        assert (req.regime, req.lodged_on, req.asylum_case_id) == ("dublin_iii", date(2026, 3, 2), asylum_id)
    assert _case(store, cid).status == "draft"
    assert _deadlines(store, cid)["dublin3.take_charge.request"] == (date(2026, 6, 2), "missed")
    # the request that really went out on 20.05.2026 is registered as sent that day (opened then)
    cid = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                         "partner_country": "DEU", "asylum_case": number, "sent_on": "2026-05-20"})
    assert (_case(store, cid).status, _case(store, cid).opened_on) == ("sent", date(2026, 5, 20))
    dl = _deadlines(store, cid)
    assert dl["dublin3.take_charge.request"] == (date(2026, 6, 2), "met")
    assert dl["dublin3.take_charge.reply"][0] == date(2026, 7, 20)  # Art. 22(1): 2 months after receipt
    # Art. 22(7): silent until 20 Jul, accepted from 21 Jul: a refusal on 10 Nov comes too late
    with pytest.raises(FormInvalid) as err:
        _perform(store, a, cid, "reject", {"replied_on": "2026-11-10"})
    bad = err.value.errors["replied_on"]
    assert bad.key == "casework.dublin.already_tacitly_accepted" and bad.params["day"] == "21.07.2026"
    assert "22. panta 1. un 7. punkts" in bad.params["article"]
    assert _case(store, cid).status == "sent"  # nothing saved
    # a request sent later (out of time, 3 months from lodging passed) is refused in time
    cid = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                         "partner_country": "DEU", "asylum_case": number, "sent_on": "2026-09-25"})
    _perform(store, a, cid, "reject", {"replied_on": "2026-11-10"})
    dl = _deadlines(store, cid)
    assert dl["dublin3.reexamination.request"] == (date(2026, 12, 1), "open")  # 1560/2003 Art. 5(2): 3 weeks
    _perform(store, a, cid, "request_reexamination", {"requested_on": "2026-11-20"})
    dl = _deadlines(store, cid)
    assert dl["dublin3.reexamination.request"] == (date(2026, 12, 1), "met")
    assert dl["dublin3.reexamination.reply"] == (date(2026, 12, 4), "open")
    with store.reader() as uow:
        assert uow.session.get(DublinRequest, cid).reexam_requested_on == date(2026, 11, 20)
        entry = audit.entries(uow, case_id=cid, limit=1)[0]
    assert entry.action == "case.request_reexamination"
    assert entry.detail["changes"]["status"] == ["rejected", "reexamination_requested"]
    with store.uow() as uow:
        f = views.case_file(uow, a, asylum_id)
    assert cid in [r.id for r in f.related]  # the asylum case lists its Dublin requests


@pytest.mark.parametrize("sent_on, late", [
    pytest.param("2026-06-02", False, id="Art21(1) sent on the last day of 3 months from lodging: in time"),
    pytest.param("2026-06-03", True, id="Art21(1) sent a day after 3 months from lodging: out of time"),
])
def test_a_request_sent_after_its_limit_is_flagged_out_of_time(cw_sqlite, sent_on, late):
    store, actors = cw_sqlite
    a = actors["asylum"]
    asylum_id = _asylum_case(store, a, new_person(store, a))  # lodged 02.03.2026
    cid = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge", "sent_on": sent_on,
                                         "partner_country": "DEU", "asylum_case": _case(store, asylum_id).number})
    with store.uow() as uow:
        assert uow.session.get(DublinRequest, cid).out_of_time is late
        shown = dict(detail_text(line) for line in views.case_file(uow, a, cid).details)
    assert shown["Nokavēts"] == ("Jā" if late else "Nē")


def test_an_event_before_the_case_was_opened_is_refused_and_nothing_saved(cw_sqlite):
    store, actors = cw_sqlite
    a = actors["asylum"]
    cid = _asylum_case(store, a, new_person(store, a))  # opened on registration, 03.03.2026
    before = _case(store, cid)
    with pytest.raises(FormInvalid) as exc:
        _perform(store, a, cid, "accept_for_examination", {"accepted_on": "2026-03-02"})
    assert "03.03.2026" in str(exc.value.errors["accepted_on"])
    after = _case(store, cid)
    assert (after.status, after.version) == (before.status, before.version)


def test_dublin_partner_must_be_a_member_state(cw_sqlite):
    store, actors = cw_sqlite
    pid = new_person(store, actors["asylum"])
    for country in ("LVA", "UKR"):
        with pytest.raises(FormInvalid) as exc:
            _register(store, actors["asylum"], "dublin", {"direction": "incoming", "request_kind": "take_back",
                                                          "partner_country": country, "person_id": pid,
                                                          "registered_on": "2026-11-01", "received_on": "2026-11-20"})
        assert "partner_country" in exc.value.errors


def test_impossible_transition_refused_and_nothing_saved(cw):
    store, actors = cw
    pid = new_person(store, actors["asylum"])
    cid = _asylum_case(store, actors["asylum"], pid)
    before = _case(store, cid)
    with pytest.raises(TransitionNotAllowed) as exc:
        _perform(store, actors["asylum"], cid, "grant_refugee_status", {"decision_on": "2026-11-20"})
    assert "iesniegts" in str(exc.value).lower() and "bēgļa statusu" in str(exc.value)
    after = _case(store, cid)
    assert (after.status, after.version) == (before.status, before.version)


def test_stale_save_refused_with_officer_and_time(cw):
    store, actors = cw
    pid = new_person(store, actors["asylum"])
    cid = _asylum_case(store, actors["asylum"], pid)
    seen = _case(store, cid).version
    with store.uow() as uow:
        casework.perform(uow, actors["asylum2"], cid, "accept_for_examination", {"accepted_on": "2026-11-21"}, seen)
    with pytest.raises(ConflictError) as exc:
        with store.uow() as uow:
            casework.perform(uow, actors["asylum"], cid, "withdraw", {"withdrawn_on": "2026-11-21"}, seen)
    assert "Otra Patvēruma" in str(exc.value) and "plkst. 10:00" in str(exc.value)  # today: the time only
    assert _case(store, cid).status == "accepted_for_examination"


def test_refused_role_is_audited(cw):
    store, actors = cw
    pid = new_person(store, actors["residence"])
    with pytest.raises(PermissionDenied):
        _register(store, actors["residence"], "asylum", {**ASYLUM, "person_id": pid})
    with store.reader() as uow:
        assert uow.session.exec(select(Case)).first() is None
        last = audit.entries(uow, limit=1)[0]
    assert (last.action, last.officer_username, last.detail["what"]) == ("refused", "uzturesanas", "case.asylum")


def test_reassign_by_supervisor_only(cw):
    store, actors = cw
    pid = new_person(store, actors["asylum"])
    ids = [_asylum_case(store, actors["asylum"], pid) for _ in range(2)]
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            casework.reassign(uow, actors["asylum"], ids, "patverums2")
    with pytest.raises(Exception):
        with store.uow() as uow:  # a residence officer cannot work on asylum cases
            casework.reassign(uow, actors["supervisor"], ids, "uzturesanas")
    with store.uow() as uow:
        assert casework.reassign(uow, actors["supervisor"], ids, "patverums2") == 2
    with store.reader() as uow:
        assert [r.id for r in views.worklist(uow, actors["asylum2"])] == ids
        assert views.worklist(uow, actors["asylum"]) == []
        assert audit.entries(uow, case_id=ids[0], limit=1)[0].detail["to"] == "patverums2"


def test_worklist_counts_and_deadlines_due(cw_sqlite):
    store, actors = cw_sqlite
    a = actors["asylum"]
    pid = new_person(store, a)
    asylum_id = _asylum_case(store, a, pid)
    cid = _register(store, a, "dublin", {"direction": "incoming", "request_kind": "take_back", "partner_country": "FIN",
                                         "person_id": pid, "registered_on": "2026-11-01", "received_on": "2026-11-20",
                                         "hit_kind": "eurodac", "hit_received_on": "2026-11-19"})
    with store.reader() as uow:
        rows = views.worklist(uow, a)
        # the asylum case lodged in March has missed deadlines not yet done: it leads the list as overdue
        assert (rows[0].id, rows[0].next_due_state) == (asylum_id, "overdue") and rows[0].next_due < date(2026, 11, 22)
        assert (rows[1].id, rows[1].next_due, rows[1].next_due_state) == (cid, date(2026, 12, 3), "open")  # AMMR: 2 weeks from the hit
        assert views.count_worklist(uow, a) == 2
        assert views.counts_per_kind(uow, a) == {"asylum": 1, "dublin": 1}
        due = views.deadlines_due(uow, a, today=date(2026, 11, 22), within_days=14)
        assert [d.case_id for d in due] == [cid, cid] and due[0].due_on <= due[1].due_on and due[0].title_key
        assert views.officers_of_office(uow, actors["supervisor"])
    with store.uow() as uow:
        views.case_file(uow, a, cid)
    with store.reader() as uow:
        assert [r.id for r in views.recent_files(uow, a)] == [cid]
    assert asylum_id


def test_worklist_order_overdue_then_due_then_cases_without_deadlines(cw):
    """Both backends: the most pressing deadline first, cases with no open deadline last (by number)."""
    from desk.services import casecore

    store, actors = cw
    a = actors["asylum"]
    pid = new_person(store, a)
    with store.uow() as uow:  # opened without deadlines (no rule has started running for them)
        quiet = [casecore.open_case(uow, a, kind="asylum", person_id=pid, status="lodged",
                                    opened_on=date(2026, 11, 20)).id for _ in range(2)]
    overdue = _asylum_case(store, a, pid)
    due = _register(store, a, "dublin", {"direction": "incoming", "request_kind": "take_back", "partner_country": "FIN",
                                         "person_id": pid, "registered_on": "2026-11-01", "received_on": "2026-11-20",
                                         "hit_kind": "eurodac", "hit_received_on": "2026-11-19"})
    with store.reader() as uow:
        rows = views.worklist(uow, a)
    assert [r.id for r in rows] == [overdue, due, *quiet]
    assert [r.next_due_state for r in rows][:2] == ["overdue", "open"] and rows[2].next_due is rows[3].next_due is None
    with store.reader() as uow:  # paging keeps the order
        assert [r.id for r in views.worklist(uow, a, offset=1, limit=2)] == [due, quiet[0]]


def test_invitation_naming_two_persons_approved(cw):
    store, actors = cw
    r = actors["reception"]
    p1 = new_person(store, r)
    p2 = new_person(store, r, surname="Kalniņa", given="Anna", born="1992-01-02", doc="X999")
    cid = _register(store, r, "invitation", {"invitation_kind": "invitation", "inviter_kind": "company",
                                             "inviter_name": "SIA Koks", "inviter_code": "40003000000",
                                             "submitted_on": "2026-11-20",
                                             "person_ids": f"{p1}, {p2}"})
    assert _case(store, cid).status == "submitted" and _deadlines(store, cid)
    _perform(store, r, cid, "approve", {"decided_on": "2026-11-22"})
    assert _case(store, cid).status == "approved"
    with store.reader() as uow:
        assert {row.id for row in views.cases_of_person(uow, r, p2)} == {cid}


def test_return_decision_with_entry_ban(cw):
    store, actors = cw
    ret = actors["return"]
    pid = new_person(store, ret)
    with pytest.raises(FormInvalid) as exc:  # a forced expulsion carries an entry ban
        _register(store, ret, "return", {"person_id": pid, "decision_kind": "forced", "grounds": "overstay",
                                         "issued_on": "2026-11-10"})
    assert "ban_imposed" in exc.value.errors
    cid = _register(store, ret, "return", {"person_id": pid, "decision_kind": "voluntary", "grounds": "overstay",
                                           "issued_on": "2026-11-10", "notified_on": "2026-11-11",
                                           "departure_days": "14", "ban_imposed": "yes", "ban_years": "2"})
    assert _case(store, cid).status == "notified"  # the notification date was given at registration
    with store.reader() as uow:  # Return Directive Art. 7: 14 days from notification, day of notification not counted
        assert uow.session.get(ReturnDecision, cid).depart_by == date(2026, 11, 25)
    before = _deadlines(store, cid)
    _perform(store, ret, cid, "depart", {"departed_on": "2026-11-20"})
    after = _deadlines(store, cid)
    # the 2-year ban runs from the actual departure (CJEU C-225/16 Ouhrami): 20.11.2026 + 2 years
    assert after != before and date(2028, 11, 20) in {due for due, _ in after.values()}
    with store.reader() as uow:
        assert uow.session.get(ReturnDecision, cid).ban_until == date(2028, 11, 20)


def test_return_decision_registered_before_notification_is_issued(cw_sqlite):
    store, actors = cw_sqlite
    ret = actors["return"]
    cid = _register(store, ret, "return", {"person_id": new_person(store, ret), "decision_kind": "voluntary",
                                           "grounds": "overstay", "issued_on": "2026-11-10", "departure_days": "7"})
    assert _case(store, cid).status == "issued"
    _perform(store, ret, cid, "notify", {"notified_on": "2026-11-12"})
    with store.reader() as uow:
        assert uow.session.get(ReturnDecision, cid).depart_by == date(2026, 11, 19)  # 7 days, Directive Art. 7


def test_after_an_action_the_officers_copy_of_the_case_is_the_stored_row(cw):
    """casecore.touch sets the version, time and officer it wrote on the case in the session instead of
    reading the row back: the next action in the same unit of work (an import line's next event) must
    still see exactly what is stored, and a second action with the version it now holds is accepted."""
    from models import Case

    store, actors = cw
    officer = actors["asylum"]
    pid = new_person(store, officer)
    cid = _asylum_case(store, officer, pid)
    with store.uow() as uow:
        casework.perform(uow, officer, cid, "accept_for_examination", {"accepted_on": "2026-11-04"},
                         _case(store, cid).version)
        held = uow.session.get(Case, cid)
        in_session = (held.version, held.updated_at, held.updated_by_id, held.status)
        casework.perform(uow, officer, cid, "hold_interview", {"interview_on": "2026-11-20"}, held.version)
        after_second = (held.version, held.updated_at, held.updated_by_id, held.status)
    stored = _case(store, cid)
    assert after_second == (stored.version, stored.updated_at, stored.updated_by_id, stored.status)
    assert in_session[0] == stored.version - 1 and in_session[2] == officer.id
    assert in_session[1].utcoffset().total_seconds() == 0  # in UTC, as the column reads it back


def _updates_of(sent: list[str], table: str = "case_file") -> list[tuple[str, ...]]:
    """The UPDATEs of ``table`` among the statements ``sent`` (tests.conftest.statements_sent), as
    (columns set) tuples."""
    import re

    return [tuple(sorted(part.split("=")[0].strip() for part in match.group(1).split(",")))
            for statement in sent if (match := re.match(rf"UPDATE {table} SET (.*?) WHERE", statement))]


@pytest.mark.parametrize("what", ["action that changes the status", "action that closes the case", "reassignment"])
def test_a_change_of_a_case_is_claimed_and_written_in_one_update(cw, what):
    """Issue 17: the version the officer saw, the status (the closing day, the new owner) and who changed
    it go in the one ``UPDATE ... WHERE version = :seen`` (an event was two UPDATEs: the claim, then
    the status through the session). Only the next-due date, which the deadlines decide afterwards, may
    follow in a statement of its own. The stored row is what the officer's copy says."""
    store, actors = cw
    officer = actors["asylum"]
    cid = _asylum_case(store, officer, new_person(store, officer))
    if what == "action that closes the case":
        _perform(store, officer, cid, "accept_for_examination", {"accepted_on": "2026-11-04"})
    version = _case(store, cid).version
    with statements_sent(store) as sent, store.uow() as uow:
        if what == "reassignment":
            casework.reassign(uow, actors["supervisor"], [cid], "patverums2")
        elif what == "action that closes the case":
            casework.perform(uow, officer, cid, "withdraw", {"withdrawn_on": "2026-11-10"}, version)
        else:
            casework.perform(uow, officer, cid, "accept_for_examination", {"accepted_on": "2026-11-04"}, version)
        held = uow.session.get(Case, cid)
        copy = (held.version, held.status, held.closed_on, held.owner_id, held.updated_by_id)
    seen = _updates_of(sent)
    claims = [columns for columns in seen if columns != ("next_due",)]
    expected = {"reassignment": "owner_id", "action that closes the case": "closed_on",
                "action that changes the status": "status"}[what]
    assert len(claims) == 1 and {"version", "updated_by_id", expected} <= set(claims[0]), seen
    stored = _case(store, cid)
    assert copy == (stored.version, stored.status, stored.closed_on, stored.owner_id, stored.updated_by_id)
    if what == "action that closes the case":
        assert stored.closed_on == date(2026, 11, 10) and stored.status == "withdrawn"


def test_a_registration_and_an_action_write_the_detail_row_once_with_what_the_rules_derive(cw):
    """Issue 17: a Dublin request's detail row is inserted with what the rules derive from it (whether it
    went out of time), not inserted and then updated; an action writes what it changed and what is then
    derived in one UPDATE (it was the session's flush of the row, then a second one of the derived)."""
    store, actors = cw
    a = actors["asylum"]
    number = _case(store, _asylum_case(store, a, new_person(store, a))).number
    with statements_sent(store) as sent:
        cid = _register(store, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                             "partner_country": "DEU", "asylum_case": number, "sent_on": "2026-09-25"})
        registered = _updates_of(sent, "dublin_request")
        _perform(store, a, cid, "reject", {"replied_on": "2026-11-10"})
    seen = _updates_of(sent, "dublin_request")
    assert registered == [] and len(seen) == 1 and {"replied_on", "out_of_time"} <= set(seen[0]), seen
    with store.reader() as uow:
        req = uow.session.get(DublinRequest, cid)
        assert (req.out_of_time, req.reply, req.replied_on) == (True, "rejected", date(2026, 11, 10))
