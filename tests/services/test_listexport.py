"""A list on screen to a file (issue 18 point 7), on SQLite and PostgreSQL: opened as Excel opens it."""
from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.services.conftest import new_person

ASYLUM = {"made_on": "2026-11-02", "registered_on": "2026-11-02", "lodged_on": "2026-11-03", "application_type": "first"}
CODE = "010590-10006"


def _setup(store, actors):
    from desk.services import casework

    a = actors["asylum"]
    pid = new_person(store, a, personal_code=CODE, date_of_birth="1990-05-01")
    with store.uow() as uow:
        cid = casework.register(uow, a, "asylum", {**ASYLUM, "person_id": str(pid)})
    return pid, cid


def _export(store, actor, asked, fmt, folder, lang="lv"):
    from desk.services import listexport

    with store.uow() as uow:
        return listexport.export_list(uow, actor, asked, fmt, folder, lang=lang)


def _audit(store, action="list.export"):
    from sqlmodel import select

    from models import AuditEntry

    with store.reader() as uow:
        return [(e.case_id, e.person_id, json.loads(e.detail) if isinstance(e.detail, str) else e.detail)
                for e in uow.session.exec(select(AuditEntry).where(AuditEntry.action == action)
                                          .order_by(AuditEntry.id)).all()]


def test_the_worklist_as_xlsx_opens_with_latvian_headers_real_dates_and_is_the_owners(cw, tmp_path):
    from openpyxl import load_workbook

    from desk.services.listexport import ListAsked

    store, actors = cw
    pid, cid = _setup(store, actors)
    done = _export(store, actors["asylum"], ListAsked("worklist", rows=50), "xlsx", tmp_path)
    path = Path(done.path)
    assert path.parent == tmp_path and path.name.startswith("desk-list-worklist-") and path.suffix == ".xlsx"
    assert (path.stat().st_mode & 0o777) == 0o600 and done.rows == 1
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "Darba saraksts" and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == ["Numurs", "Veids", "Statuss", "Persona", "Atvērta", "Termiņš", "Atbildīgais"]
    row = [c.value for c in ws[2]]
    assert row[0] == "PAT-2026-000001" and row[1] == "Patvēruma iesniegums" and "lodged" not in row
    opened = ws.cell(row=2, column=5)
    assert isinstance(opened.value, datetime) and opened.value.date() == date(2026, 11, 2)
    assert opened.number_format == "DD.MM.YYYY"
    assert ws.column_dimensions["A"].width >= len("PAT-2026-000001")
    [(case_id, person_id, detail)] = _audit(store)
    assert detail == {"list": "worklist", "rows": 1, "format": "xlsx", "file": path.name}
    assert (case_id, person_id) == (None, None)


def test_search_results_as_csv_open_in_columns_with_codes_masked(cw, tmp_path):
    from desk.services.listexport import ListAsked

    store, actors = cw
    pid, cid = _setup(store, actors)
    done = _export(store, actors["asylum"], ListAsked("search", text="Bērziņš"), "csv", tmp_path)
    path = Path(done.path)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:  # as Latvian Excel reads it
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["Lieta / persona", "Vārds, uzvārds", "Oriģinālrakstībā", "Dzimis", "Pilsonība", "Personas kods",
                       "Veids", "Statuss"]
    text = path.read_text(encoding="utf-8-sig")
    assert CODE not in text and CODE.replace("-", "") not in text
    assert "LV1234567" not in text  # no document number
    assert any(r[3] == "01.05.1990" for r in rows[1:])  # a day as Excel reads it
    assert any("*" in r[5] for r in rows[1:])  # the code, masked
    [(_, _, detail)] = _audit(store)
    assert detail["list"] == "search" and detail["rows"] == len(rows) - 1
    assert "Bērziņš" not in json.dumps(detail, ensure_ascii=False)  # no search text, no name in the trail


def test_a_persons_cases_and_a_cases_deadlines_in_english(cw, tmp_path):
    from openpyxl import load_workbook

    from desk.services.listexport import ListAsked

    store, actors = cw
    pid, cid = _setup(store, actors)
    done = _export(store, actors["asylum"], ListAsked("person_cases", person_id=pid), "xlsx", tmp_path, lang="en")
    ws = load_workbook(done.path).worksheets[0]
    assert ws.title == "Person's cases" and ws.cell(row=2, column=1).value == "PAT-2026-000001"
    due = _export(store, actors["asylum"], ListAsked("case_deadlines", case_id=cid), "xlsx", tmp_path, lang="en")
    ws = load_workbook(due.path).worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == ["Rule", "Article", "Counted from", "Anchor date", "Due", "State", "If missed"]
    assert due.rows >= 1
    assert isinstance(ws.cell(row=2, column=5).value, datetime)
    assert ws.cell(row=2, column=5).number_format == "DD.MM.YYYY"
    assert not any(str(c.value).startswith(("deadline_state.", "rule.", "event.")) for c in ws[2])
    audits = _audit(store)
    assert [(a[2]["list"], a[0], a[1]) for a in audits] == [("person_cases", None, pid), ("case_deadlines", cid, None)]


def test_no_list_shows_what_the_officer_may_not_see(cw, tmp_path):
    from desk.errors import DomainError
    from desk.services.listexport import ListAsked

    store, actors = cw
    pid, cid = _setup(store, actors)
    visa = actors["residence"]
    with pytest.raises(DomainError):  # an asylum case's deadlines, asked by a residence officer
        _export(store, visa, ListAsked("case_deadlines", case_id=cid), "csv", tmp_path)
    done = _export(store, visa, ListAsked("worklist", scope="office", rows=50), "csv", tmp_path)
    assert done.rows == 0  # the asylum case is not on a residence officer's list, whatever the screen asks
    assert not list(tmp_path.glob("*deadlines*"))
