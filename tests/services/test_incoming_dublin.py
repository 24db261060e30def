"""An incoming Dublin request (another Member State asks Latvia) has its own life cycle (issue 14 point 1),
on SQLite and PostgreSQL: received -> Latvia replies or lets the period pass -> the transfer to Latvia is
announced -> the person arrives; Latvia is never offered the requesting state's steps; a refusal after tacit
acceptance and an arrival after the transfer limit are refused with the day and the article."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desk.errors import FormInvalid
from desk.services import casework, views
from models import Case, Deadline, DublinRequest
from tests.services.conftest import new_person


def _register(store, actor, raw):
    with store.uow() as uow:
        return casework.register(uow, actor, "dublin", raw)


def _perform(store, actor, case_id, action, raw=None):
    with store.reader() as uow:
        version = uow.session.get(Case, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw or {}, version)


def _status(store, case_id) -> str:
    with store.reader() as uow:
        return uow.session.get(Case, case_id).status


def _offered(store, actor, case_id) -> list[str]:
    with store.uow() as uow:
        return [spec.id.split(".", 1)[1] for spec in views.case_file(uow, actor, case_id).actions]


def _incoming(store, a, received_on="2026-10-28", registered_on="2026-10-01", **person):
    """Poland asks Latvia to take charge (AMMR: registered after 1 July 2026)."""
    pid = new_person(store, a, **person)
    return _register(store, a, {"direction": "incoming", "request_kind": "take_charge", "partner_country": "POL",
                                "person_id": str(pid), "lodged_on": registered_on, "registered_on": registered_on,
                                "sent_on": received_on, "received_on": received_on})


def test_latvia_replies_and_waits_for_the_transfer(cw):
    store, actors = cw
    a = actors["asylum"]
    cid = _incoming(store, a)
    assert _status(store, cid) == "received"
    offered = _offered(store, a, cid)
    assert offered[:3] == ["accept", "accept_tacitly", "reject"] and "ask_information" in offered
    assert "request_reexamination" not in offered and "send" not in offered
    _perform(store, a, cid, "ask_information", {"asked_on": "2026-11-02"})
    assert _status(store, cid) == "received"  # the request stays open for Latvia's reply
    _perform(store, a, cid, "accept", {"replied_on": "2026-11-20"})
    offered = _offered(store, a, cid)
    assert "expect_transfer" in offered and "record_arrival" in offered and "decide_transfer" not in offered
    _perform(store, a, cid, "expect_transfer", {"expected_on": "2026-12-10"})
    assert _status(store, cid) == "transfer_expected"
    _perform(store, a, cid, "record_arrival", {"arrived_on": "2026-11-22"})
    assert _status(store, cid) == "arrived"
    with store.reader() as uow:
        assert uow.session.get(DublinRequest, cid).transfer_done_on == date(2026, 11, 22)
        transfer = uow.session.exec(select(Deadline).where(Deadline.case_id == cid,
                                                           Deadline.rule_id == "ammr.transfer")).one()
    # AMMR Art. 46(1): 6 months from the acceptance (20 Nov 2026 -> Thu 20 May 2027), met by the arrival
    assert (transfer.due_on, transfer.state) == (date(2027, 5, 20), "met")


def test_a_refusal_after_tacit_acceptance_is_refused_with_the_day_and_the_article(cw):
    """AMMR Art. 40(1), 40(8), 75(d): received 28 Oct, reply due Sat 28 Nov -> Mon 30 Nov; accepted 1 Dec."""
    store, actors = cw
    a = actors["asylum"]
    cid = _incoming(store, a)
    _perform(store, a, cid, "reject", {"replied_on": "2026-11-21"})  # in time: refused
    assert _status(store, cid) == "rejected"
    assert "receive_reexamination" in _offered(store, a, cid)
    late = _incoming(store, a, received_on="2026-09-20", registered_on="2026-09-01",  # accepted from 21 Oct
                     surname="Kowalska", given="Anna", born="1992-04-12", doc="PL1234567")
    with pytest.raises(FormInvalid) as err:
        _perform(store, a, late, "reject", {"replied_on": "2026-11-21"})
    bad = err.value.errors["replied_on"]
    assert bad.key == "casework.dublin.already_tacitly_accepted" and bad.params["day"] == "21.10.2026"
    assert "40. panta 1. un 8. punkts" in bad.params["article"]
    assert _status(store, late) == "received"


def test_an_arrival_after_the_transfer_limit_is_refused(cw):
    """Reg. 604/2013 Art. 29(1)-(2): Dublin III, accepted 2 Mar 2026, 6 months to 2 Sep 2026; an arrival on
    3 Sep is refused (responsibility passed), and the officer marks the request expired instead."""
    store, actors = cw
    a = actors["asylum"]
    cid = _incoming(store, a, received_on="2026-02-20", registered_on="2026-02-01")
    _perform(store, a, cid, "accept", {"replied_on": "2026-03-02"})
    with pytest.raises(FormInvalid) as err:
        _perform(store, a, cid, "record_arrival", {"arrived_on": "2026-09-03"})
    bad = err.value.errors["arrived_on"]
    assert bad.key == "casework.dublin.after_transfer_limit" and bad.params["due"] == "02.09.2026"
    _perform(store, a, cid, "expire")
    assert _status(store, cid) == "expired"


def test_a_completed_outgoing_transfer_ends_the_asylum_application(cw):
    """Issue 14 point 2: the asylum case follows its Dublin request. AMMR Art. 42(2), 46(1): once Latvia has
    transferred the applicant, it does not examine the application: left without examination (another state
    responsible), its decision deadline met, in the same transaction, audited with its cause."""
    store, actors = cw
    a = actors["asylum"]
    pid = new_person(store, a, surname="Nguyen", given="Duc Anh", born="1990-03-04", doc="VN1234567")
    with store.uow() as uow:
        asylum_id = casework.register(uow, a, "asylum", {"person_id": str(pid), "made_on": "2026-08-01",
                                                         "registered_on": "2026-08-03", "lodged_on": "2026-08-05"})
    with store.reader() as uow:
        number = uow.session.get(Case, asylum_id).number
    cid = _register(store, a, {"direction": "outgoing", "request_kind": "take_charge", "partner_country": "DEU",
                               "asylum_case": number, "sent_on": "2026-08-20"})
    _perform(store, a, cid, "accept", {"replied_on": "2026-09-10"})
    _perform(store, a, cid, "decide_transfer", {"decided_on": "2026-09-15", "notified_on": "2026-09-16"})
    _perform(store, a, cid, "schedule_transfer", {"scheduled_on": "2026-11-10"})
    _perform(store, a, cid, "complete_transfer", {"done_on": "2026-11-10"})
    assert _status(store, cid) == "transferred"
    with store.reader() as uow:
        from models import AsylumApplication

        app = uow.session.get(AsylumApplication, asylum_id)
        assert _status(store, asylum_id) == "left_without_examination"
        assert (app.decision, app.decision_on, app.reason_code) == (
            "left_without_examination", date(2026, 11, 10), "asylum.other_state_responsible")
        decision = uow.session.exec(select(Deadline).where(Deadline.case_id == asylum_id,
                                                           Deadline.rule_id == "apr.decision")).one()
        assert decision.state == "met"
        from desk.services import audit

        entry = next(e for e in audit.entries(uow, case_id=asylum_id, limit=20)
                     if e.action == "case.leave_without_examination")
        assert entry.detail["cause"] == uow.session.get(Case, cid).number


def test_upgrade_moves_stored_incoming_requests_to_their_own_statuses(store_url, fixed_clock):
    """Migration 0010: an incoming request stored as 'sent' / 'transfer_scheduled' / 'transferred' becomes
    'received' / 'transfer_expected' / 'arrived'; outgoing requests keep theirs; the downgrade goes back."""
    from alembic import command
    from sqlalchemy import text

    from desk.store import _alembic_config, open_store
    from tests.conftest import populate

    store = open_store(store_url)
    try:
        actors = populate(store)
        a = actors["asylum"]
        incoming = [_incoming(store, a, surname=name, given="Olga", born=f"1980-01-0{n}", doc=f"UA00000{n}")
                    for n, name in ((1, "Ivanova"), (2, "Petrova"), (3, "Sidorova"))]
        outgoing = _register(store, a, {"direction": "outgoing", "request_kind": "take_charge",
                                        "partner_country": "DEU", "person_id": str(new_person(store, a)),
                                        "lodged_on": "2026-10-01", "registered_on": "2026-10-01",
                                        "sent_on": "2026-10-05"})
        with store.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0009")
            for cid, old in zip(incoming, ("sent", "transfer_scheduled", "transferred")):
                conn.execute(text("UPDATE case_file SET status = :s WHERE id = :i"), {"s": old, "i": cid})
    finally:
        store.dispose()
    store = open_store(store_url)  # upgrades to head
    try:
        assert [_status(store, cid) for cid in incoming] == ["received", "transfer_expected", "arrived"]
        assert _status(store, outgoing) == "sent"
    finally:
        store.dispose()
