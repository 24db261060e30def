"""Notes on a case, with keys only (issue 14 point 7): "n" on the case file opens the note form; the note
joins the history tab as plain text (markup drawn literally); a correction is a new note naming the
earlier one; the store holds the note and the audit entry its id, length and hash - not its text."""
from __future__ import annotations

import hashlib

from sqlmodel import select

from desk.services import audit
from models import CaseNote
from screens.app import DeskApp
from screens.casefile import CaseFileScreen
from screens.form import FormScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text

SIZE = (160, 48)
NOTE = "Tulks: [bold]persona[/] runā dari valodā"


def _history(screen) -> list[str]:
    table = screen.query_one("#history")
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def _write_note(pilot, text: str, corrects: str | None = None) -> None:
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen)
    await type_text(pilot, text)
    if corrects:
        await pilot.press("tab")
        await type_text(pilot, corrects)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_note_and_its_correction_join_the_history(ui_store):
    actor = ui_store.actors["asylum"]
    case_id = new_asylum_case(ui_store, actor, new_person(ui_store, actor))
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(case_id)
        await settle(pilot)
        assert isinstance(app.screen, CaseFileScreen)
        await _write_note(pilot, NOTE)
        assert isinstance(app.screen, CaseFileScreen)
        with ui_store.reader() as uow:
            first = uow.session.exec(select(CaseNote).where(CaseNote.case_id == case_id)).one()
        assert first.text == NOTE and first.officer_username == "patverums"
        assert any(NOTE in row and "Piezīme" in row for row in _history(app.screen))  # drawn literally
        await _write_note(pilot, "Tulks runā puštu valodā", corrects=str(first.id))
        rows = _history(app.screen)
        assert any("Tulks runā puštu valodā" in row and f"labo piezīmi Nr. {first.id}" in row for row in rows)
        assert any(NOTE in row for row in rows)  # the earlier note is still there, unchanged
        assert [n.text for n in app.screen.file.notes] == [NOTE, "Tulks runā puštu valodā"]
    with ui_store.reader() as uow:
        notes = uow.session.exec(select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.id)).all()
        assert [n.corrects_id for n in notes] == [None, first.id]
        assert notes[0].text == NOTE
        entries = [e for e in audit.entries(uow, case_id=case_id, newest_first=False) if e.action == "case.note"]
    assert [e.detail["note_id"] for e in entries] == [n.id for n in notes]
    assert entries[0].detail["length"] == len(NOTE)
    assert entries[0].detail["sha256"] == hashlib.sha256(NOTE.encode()).hexdigest()
    assert all("Tulks" not in str(e.detail) for e in entries)


async def test_a_correction_must_name_a_note_of_this_case(ui_store):
    actor = ui_store.actors["asylum"]
    case_id = new_asylum_case(ui_store, actor, new_person(ui_store, actor))
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(case_id)
        await settle(pilot)
        await _write_note(pilot, "Labojums", corrects="999")
        assert isinstance(app.screen, FormScreen)  # refused: the form stays open with what was typed
        assert "999" in str(app.screen.query_one("#error-corrects").render())
    with ui_store.reader() as uow:
        assert uow.session.exec(select(CaseNote)).first() is None
