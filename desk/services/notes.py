"""Notes on a case: what an officer writes down (the reason for a step, a phone call, what the interpreter
said). Part of the case's history, never changed once written: a correction is a new note naming the note
it corrects. One transaction per note; no optimistic lock (nothing is overwritten, so nothing can be lost).

Stored as plain text (``CaseNote.text``); the screens draw it as data, never as markup.

Audit: "case.note" with the note's id, its length, the SHA-256 of its text and the note it corrects - not
the text. A note may hold anything a person said (health, family, a threat), and the audit trail is
hash-chained, kept for years and exported for checks: personal data in it could never be corrected or
erased on its own. The note row is the record; the audit entry proves who wrote which note when, and the
hash proves that the stored text is the text written.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from desk.clock import riga
from desk.errors import ValidationError
from desk.services import audit
from desk.services.auth import Actor, require_kind
from desk.services.casecore import get_case
from desk.services.forms import FieldSpec, FieldType, FormSpec, parse_values
from models import CaseNote

MAX_NOTE_LENGTH = 2000  # a page of text: a phone call, an interpreter's remark; a document is an attachment

NOTE_FORM = FormSpec("case.note", "notes.form.title", (
    FieldSpec("text", "notes.field.text", FieldType.TEXT, required=True, max_length=MAX_NOTE_LENGTH),
    FieldSpec("corrects", "notes.field.corrects", FieldType.INT, low=1, help_key="notes.help.corrects"),
))


@dataclass(frozen=True)
class NoteView:
    id: int
    at: datetime  # aware, UTC
    at_riga: datetime
    officer: str
    text: str
    corrects_id: int | None


def _view(note: CaseNote) -> NoteView:
    return NoteView(note.id, note.at, riga(note.at), note.officer_username, note.text, note.corrects_id)


def add_note(uow, actor: Actor, case_id: int, raw: dict) -> int:
    """Write a note on the case (the officer must work on its kind); returns the note's id."""
    case = get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id, attempt="note")

    def checks(v):
        earlier = v.get("corrects")
        if earlier is not None:
            note = uow.session.get(CaseNote, earlier)
            if note is None or note.case_id != case.id:
                return {"corrects": ValidationError("notes.not_on_this_case", field="corrects", id=earlier)}
        return {}

    values = parse_values(NOTE_FORM, raw, extra_checks=checks)
    note = CaseNote(case_id=case.id, officer_id=actor.id, officer_username=actor.username, at=uow.clock.now(),
                    text=values["text"], corrects_id=values.get("corrects"))
    uow.session.add(note)
    uow.session.flush()
    audit.record(uow, actor, "case.note", case_id=case.id, person_id=case.person_id, note_id=note.id,
                 length=len(note.text), sha256=hashlib.sha256(note.text.encode("utf-8")).hexdigest(),
                 corrects=note.corrects_id)
    return note.id


def notes_of(uow, case_id: int) -> list[NoteView]:
    """The case's notes, oldest first (no permission check: callers show them on a file they may open)."""
    rows = uow.session.exec(select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.id)).all()
    return [_view(n) for n in rows]


def notes_by_id(uow, note_ids) -> dict[int, NoteView]:
    ids = [i for i in note_ids if isinstance(i, int)]
    if not ids:
        return {}
    rows = uow.session.exec(select(CaseNote).where(CaseNote.id.in_(ids))).all()
    return {n.id: _view(n) for n in rows}
