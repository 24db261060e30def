"""``desk case show`` / ``desk case note`` and notes on an import line (issue 14 points 7 and 12): the case
file as the screen shows it, for the same roles, audited the same way; the JSON keys of the README."""
from __future__ import annotations

import json

import pytest
from sqlmodel import select

from desk.cli import main
from desk.services import audit, casework, importer
from desk.services.importer import ImportFailed
from models import Case, CaseNote
from tests.conftest import PASSWORD
from tests.services.conftest import new_person

KEYS = {"number", "kind", "kind_label", "status", "status_label", "person", "owner", "owner_name", "office",
        "opened_on", "closed_on", "version", "details", "detail_lines", "deadlines", "actions", "action_labels",
        "history", "notes", "related"}
DEADLINE_KEYS = {"rule_id", "article", "title", "anchor_event", "anchor_date", "due_on", "state", "consequence",
                 "verified"}


@pytest.fixture
def asylum_case(sqlite_store, sqlite_actors, fixed_clock, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    actor = sqlite_actors["asylum"]
    pid = new_person(sqlite_store, actor)
    with sqlite_store.uow() as uow:
        cid = casework.register(uow, actor, "asylum", {"person_id": str(pid), "lodged_on": "2026-11-03",
                                                       "registered_on": "2026-11-02", "made_on": "2026-11-02"})
        return sqlite_store, uow.session.get(Case, cid).number, cid


def _show(store, number, officer="patverums", *extra):
    return main(["case", "show", number, "--db", store.url, "--officer", officer, *extra])


def test_show_json_has_the_documented_keys_and_is_audited_like_the_screen(asylum_case, capsys):
    store, number, cid = asylum_case
    assert main(["case", "note", number, "--text", "Zvanīja advokāts", "--db", store.url,
                 "--officer", "patverums"]) == 0
    assert number in capsys.readouterr().out
    assert _show(store, number, "patverums", "--json", "--lang", "en") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == KEYS
    assert (data["number"], data["kind"], data["status"]) == (number, "asylum", "lodged")
    assert data["details"]["lodged_on"] == "2026-11-03" and data["details"]["regime"] == "apr"
    assert data["deadlines"] and all(set(d) == DEADLINE_KEYS for d in data["deadlines"])
    assert all(d["due_on"] and d["article"] and d["rule_id"] for d in data["deadlines"])
    assert "accept_for_examination" in data["actions"]
    assert [h["action"] for h in data["history"]][-1] == "case.register"  # newest first, as on screen
    assert [n["text"] for n in data["notes"]] == ["Zvanīja advokāts"]
    assert data["person"]["citizenship"] == "UKR"
    with store.reader() as uow:
        views = [e for e in audit.entries(uow, case_id=cid) if e.action == "case.view"]
    assert len(views) == 1 and views[0].officer_username == "patverums"


def test_show_as_text_in_latvian(asylum_case, capsys):
    store, number, _cid = asylum_case
    assert _show(store, number) == 0
    out = capsys.readouterr().out
    assert number in out and "Termiņi" in out and "Ziņas" in out and "Atļautās darbības" in out and "Piezīmes" in out


def test_show_refuses_an_officer_who_does_not_work_on_the_kind_and_an_unknown_number(asylum_case, capsys):
    store, number, cid = asylum_case
    assert _show(store, number, "atgriesana") == 2  # a return officer: not asylum cases
    assert capsys.readouterr().out == ""
    assert _show(store, "PAT-2026-999999") == 2
    with store.reader() as uow:
        assert not [e for e in audit.entries(uow, case_id=cid) if e.action == "case.view"]


def test_notes_on_an_import_line(sqlite_store, sqlite_actors, fixed_clock):
    line = {"kind": "return", "person": {"surname": "Ivanov", "given_names": "Ivan", "citizenship": "RUS",
                                         "date_of_birth": "1980-01-02"},
            "case": {"decision_kind": "voluntary", "grounds": "overstay", "issued_on": "2026-11-20",
                     "departure_days": "14"},
            "notes": ["Lēmums izsniegts personīgi", "Tulks: krievu valoda"]}
    with sqlite_store.uow() as uow:
        result = importer.import_lines(uow, sqlite_actors["supervisor"], [json.dumps(line, ensure_ascii=False)])
    with sqlite_store.reader() as uow:
        case = uow.session.exec(select(Case).where(Case.number == result.case_numbers[0])).one()
        texts = [n.text for n in uow.session.exec(select(CaseNote).where(CaseNote.case_id == case.id)
                                                  .order_by(CaseNote.id)).all()]
    assert texts == ["Lēmums izsniegts personīgi", "Tulks: krievu valoda"]
    bad = dict(line, notes="not a list")
    with pytest.raises(ImportFailed) as exc:
        with sqlite_store.uow() as uow:
            importer.import_lines(uow, sqlite_actors["supervisor"], [json.dumps(bad)])
    assert exc.value.errors[0].line == 1 and "notes" in exc.value.errors[0].reason


def test_an_import_line_for_a_latvian_citizen_s_asylum_application_is_refused_with_the_reason(sqlite_store,
                                                                                            sqlite_actors, fixed_clock):
    line = {"kind": "asylum", "person": {"surname": "Bērziņš", "given_names": "Jānis", "citizenship": "LVA"},
            "case": {"lodged_on": "2026-11-03", "registered_on": "2026-11-02", "made_on": "2026-11-02"}}
    with pytest.raises(ImportFailed) as exc:
        with sqlite_store.uow() as uow:
            importer.import_lines(uow, sqlite_actors["supervisor"], ["", json.dumps(line, ensure_ascii=False)])
    assert exc.value.errors[0].line == 2 and "Latvijas pilsonis" in exc.value.errors[0].reason
