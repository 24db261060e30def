"""An accepted incoming take back links the person's earlier asylum case here (issue 14 point 2), on SQLite
and PostgreSQL. Reg. 604/2013 Art. 18(2) second subpara.: the state that takes the person back lets them
have the examination completed or lodge a new application; so the request names the earlier application
and the application's file lists the request. Clock: 22 Nov 2026."""
from __future__ import annotations

import pytest

from desk.services import casework
from desk.services.kinds import adapter
from models import Case, DublinRequest
from tests.services.conftest import new_person


def _perform(store, actor, case_id, action, raw):
    with store.reader() as uow:
        version = uow.session.get(Case, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw, version)


def _incoming(store, actor, pid, request_kind):
    with store.uow() as uow:
        return casework.register(uow, actor, "dublin", {
            "direction": "incoming", "request_kind": request_kind, "partner_country": "DEU",
            "person_id": str(pid), "lodged_on": "2026-10-20", "registered_on": "2026-10-20",
            "sent_on": "2026-11-02", "received_on": "2026-11-02"})


@pytest.mark.parametrize("request_kind, reply, linked", [
    pytest.param("take_back", "accept", True, id="604/2013 Art. 18(2): accepted take back -> the earlier case"),
    pytest.param("take_back", "reject", False, id="rejected take back: no link"),
    pytest.param("take_charge", "accept", False, id="take charge: the person had no application here"),
])
def test_an_accepted_take_back_links_the_earlier_asylum_case(cw, request_kind, reply, linked):
    store, actors = cw
    actor = actors["asylum"]
    pid = new_person(store, actor)
    with store.uow() as uow:
        earlier = casework.register(uow, actor, "asylum", {"person_id": str(pid), "lodged_on": "2026-03-02",
                                                           "registered_on": "2026-03-02"})
    _perform(store, actor, earlier, "withdraw", {"withdrawn_on": "2026-04-10"})  # the person left
    request = _incoming(store, actor, pid, request_kind)
    _perform(store, actor, request, reply, {"replied_on": "2026-11-10"})
    with store.reader() as uow:
        assert uow.session.get(DublinRequest, request).earlier_case_id == (earlier if linked else None)
        request_case, asylum_case = uow.session.get(Case, request), uow.session.get(Case, earlier)
        assert (earlier in adapter("dublin").related_case_ids(uow, request_case)) is linked
        assert (request in adapter("asylum").related_case_ids(uow, asylum_case)) is linked
        lines = {line.name: line.value for line in casework.details_of(uow, request_case)}
    assert (lines.get("earlier_case") == asylum_case.number) is linked


def test_a_take_back_for_a_person_without_an_earlier_case_links_nothing(cw):
    store, actors = cw
    actor = actors["asylum"]
    pid = new_person(store, actor)
    request = _incoming(store, actor, pid, "take_back")
    _perform(store, actor, request, "accept", {"replied_on": "2026-11-10"})
    with store.reader() as uow:
        assert uow.session.get(DublinRequest, request).earlier_case_id is None
