"""Registering a case when the new person may already be on record: the duplicates dialog registers the
officer's choice in its own worker and the case form opens for that person (issue 13 point 6)."""
from __future__ import annotations

from sqlmodel import func, select

from desk.services import persons
from models import Person
from screens.app import DeskApp
from screens.form import FormScreen
from screens.person_picker import PersonPicker
from screens.register import DuplicatesDialog, Registration
from tests.ui.conftest import log_in, new_person, settle

SIZE = (160, 48)
RAW = {"surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "01.05.1990", "citizenship": "UKR"}


def _persons(store) -> int:
    with store.reader() as uow:
        return uow.session.exec(select(func.count()).select_from(Person)).one()


async def _duplicates_dialog(pilot, store, actor) -> Registration:
    with store.reader() as uow:
        candidates = persons.find_duplicates(uow, actor, RAW)
    assert candidates
    registration = Registration(pilot.app)
    registration.kind = "asylum"
    registration.person_done(("duplicates", candidates, dict(RAW)))
    await settle(pilot)
    assert isinstance(pilot.app.screen, DuplicatesDialog)
    return registration


async def test_picking_the_person_on_record_opens_the_case_form_for_them(ui_store):
    actor = ui_store.actors["asylum"]
    existing = new_person(ui_store, actor)
    before = _persons(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await _duplicates_dialog(pilot, ui_store, actor)
        await pilot.press("enter")  # the first option: the person on record
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and app.screen.spec.id == "register.asylum"
        assert app.screen.query_one("#picker-person_id", PersonPicker).value == (existing,)
    assert _persons(ui_store) == before  # nobody new on record


async def test_a_new_person_after_all_is_registered_and_gets_the_form(ui_store):
    actor = ui_store.actors["asylum"]
    existing = new_person(ui_store, actor)
    before = _persons(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await _duplicates_dialog(pilot, ui_store, actor)
        await pilot.press("end", "enter")  # the last option: a new person all the same
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        person_id, = app.screen.query_one("#picker-person_id", PersonPicker).value
        assert person_id != existing
    assert _persons(ui_store) == before + 1
