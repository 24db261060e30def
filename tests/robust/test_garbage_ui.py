"""Garbage typed into every form of the app: the app never crashes, the form answers with a message,
nothing half-saved, and no service lets an unexpected exception reach the screen's safety net."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import func
from sqlmodel import select
from textual.widgets import Input, Label

from desk.services import casework, persons, stays
from models import AuditEntry, Case, Person, Stay
from screens.app import DeskApp
from screens.form import FormScreen
from tests.conftest import populate
from tests.ui.conftest import log_in, settle, type_text

SIZE = (160, 48)
# typed with keys (printable) - SQL, quotes, wildcards, markup, impossible dates, very long text
TYPED = ["'; DROP--", "[b]x[/]", "31.02.2026", "%_\\*", "ĀČĒ🙂", "9" * 12, "1,2,,x"]
# pasted (set directly): what a keyboard cannot type, and what takes too long to type
PASTED = ["\x00\x1b[2J\u202e", "x" * 5000, "\r\n\t", "'; DROP TABLE person; --" * 10, "Ā" * 300]

KINDS = ["asylum", "dublin", "permit", "visa", "invitation", "return"]


@pytest.fixture
def ui_store(sqlite_store, fixed_clock):
    sqlite_store.actors = populate(sqlite_store)
    return sqlite_store


def _forms(actor, person_id):
    forms = [(persons.PERSON_FORM, lambda uow, raw: persons.register_person(uow, actor, raw)),
             (stays.STAY_FORM, lambda uow, raw: stays.record_stay(uow, actor, person_id, raw))]
    for kind in KINDS:
        forms.append((casework.registration_form(kind),
                      lambda uow, raw, kind=kind: casework.register(uow, actor, kind, raw)))
    return forms


def _counts(store):
    with store.reader() as uow:
        return tuple(uow.session.exec(select(func.count()).select_from(m)).one() for m in (Person, Case, Stay)) + (
            uow.session.exec(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action.in_(("person.register", "case.register", "person.stay")))).one(),)


async def test_garbage_in_every_form_never_crashes_the_app(ui_store, caplog):
    actor = ui_store.actors["supervisor"]
    with ui_store.uow() as uow:
        person_id = persons.register_person(uow, actor, {"surname": "Haddad", "given_names": "Omar",
                                                         "citizenship": "SYR"})
    before = _counts(ui_store)
    caplog.set_level(logging.ERROR)
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "supervisor")
        for spec, submit in _forms(actor, person_id):
            results = []
            app.push_screen(FormScreen(spec, submit), results.append)
            await settle(pilot)
            form = app.screen
            assert isinstance(form, FormScreen)
            inputs = [w for w in form.query(Input) if (w.id or "").startswith("field-")]
            assert inputs, spec.id
            for n, widget in enumerate(inputs):  # a different garbage in each field, typed or pasted
                widget.focus()
                await pilot.pause()
                if n % 2 == 0:
                    await type_text(pilot, TYPED[n // 2 % len(TYPED)])
                else:
                    widget.value = PASTED[n // 2 % len(PASTED)]
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.is_running, f"{spec.id}: the app stopped"
            if app.screen is form:  # refused: the officer sees why
                shown = [str(label.render()) for label in form.query(Label)
                         if (label.id or "").startswith(("error-", "form-error")) and str(label.render()).strip()]
                assert shown, f"{spec.id}: refused without a message"
                await pilot.press("escape")
                await settle(pilot)
                if app.screen is not form and isinstance(app.screen, FormScreen) is False and app.screen.is_modal:
                    await pilot.press("enter")  # "discard your changes?" - yes
                    await settle(pilot)
                if app.screen is form:
                    form.dismiss(None)
                    await settle(pilot)
            else:
                assert results and results[0], f"{spec.id}: closed without saving or refusing"
    assert app.return_code in (None, 0)
    unexpected = [r.getMessage() for r in caplog.records if r.name.startswith(("screens", "desk"))]
    assert not unexpected, f"a service raised a non-domain error behind the screen: {unexpected[:3]}"
    after = _counts(ui_store)
    # each of persons/cases/stays moved only together with its audit entry: nothing half-saved
    assert after[3] - before[3] == sum(a - b for a, b in zip(after[:3], before[:3]))
