"""Notes on a case on both backends (issue 14 point 7): one transaction each, plain text, the officer must
work on the case's kind, a correction names a note of the same case, and a note is never edited."""
from __future__ import annotations

import pytest
from sqlmodel import select

from desk.errors import FormInvalid, PermissionDenied
from desk.services import audit, casework, notes, views
from desk.services.labels import history_summary
from models import CaseNote
from tests.services.conftest import new_person

ASYLUM = {"lodged_on": "2026-11-03", "registered_on": "2026-11-02", "made_on": "2026-11-02"}


def _case(store, actor, doc="LV1234567", surname="Bērziņš"):
    pid = new_person(store, actor, doc=doc, surname=surname)
    with store.uow() as uow:
        return casework.register(uow, actor, "asylum", {**ASYLUM, "person_id": str(pid)})


def test_a_note_its_correction_and_the_file(cw):
    store, actors = cw
    actor = actors["asylum"]
    case_id = _case(store, actor)
    with store.uow() as uow:
        first = notes.add_note(uow, actor, case_id, {"text": "  Zvanīja   advokāts  "})
        second = notes.add_note(uow, actor, case_id, {"text": "Zvanīja tulks", "corrects": str(first)})
    with store.uow() as uow:
        file = views.case_file(uow, actor, case_id)
        entries = [e for e in audit.entries(uow, case_id=case_id) if e.action == "case.note"]
    assert [(n.text, n.corrects_id) for n in file.notes] == [("Zvanīja advokāts", None), ("Zvanīja tulks", first)]
    assert [h.action for h in file.history][:2] == ["case.note", "case.note"]
    assert f"Nr. {second}: Zvanīja tulks (labo piezīmi Nr. {first})" in [history_summary(file.kind, h.parts)
                                                                       for h in file.history]
    assert {e.detail["note_id"] for e in entries} == {first, second}
    assert all(set(e.detail) == {"note_id", "length", "sha256", "corrects"} for e in entries)


def test_refusals_save_nothing(cw):
    store, actors = cw
    case_id = _case(store, actors["asylum"])
    other = _case(store, actors["asylum"], doc="LV7654321", surname="Haddad")
    with store.uow() as uow:
        elsewhere = notes.add_note(uow, actors["asylum"], other, {"text": "Citā lietā"})
    refused = [
        (actors["return"], {"text": "Nav manas lietas"}, PermissionDenied),
        (actors["asylum"], {"text": ""}, FormInvalid),
        (actors["asylum"], {"text": "x" * (notes.MAX_NOTE_LENGTH + 1)}, FormInvalid),
        (actors["asylum"], {"text": "Labojums", "corrects": str(elsewhere)}, FormInvalid),
        (actors["asylum"], {"text": "Zvans\x1b[31m"}, FormInvalid),
    ]
    for actor, raw, error in refused:
        with pytest.raises(error):
            with store.uow() as uow:
                notes.add_note(uow, actor, case_id, raw)
    with store.reader() as uow:
        assert uow.session.exec(select(CaseNote).where(CaseNote.case_id == case_id)).first() is None


def test_the_store_refuses_to_edit_a_note(cw):
    store, actors = cw
    actor = actors["asylum"]
    case_id = _case(store, actor)
    with store.uow() as uow:
        note_id = notes.add_note(uow, actor, case_id, {"text": "Zvanīja advokāts"})
    with pytest.raises(Exception, match="never edited"):
        with store.uow() as uow:
            note = uow.session.get(CaseNote, note_id)
            note.text = "Zvanīja kāds cits"
            uow.session.add(note)
            uow.session.flush()
    with store.reader() as uow:
        assert uow.session.get(CaseNote, note_id).text == "Zvanīja advokāts"
