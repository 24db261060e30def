"""Persons are chosen by name, never by id (issue 14 point 8): a person field searches as the officer types
and shows name, date of birth, citizenship and document; an invitation names several persons."""
from __future__ import annotations

from sqlmodel import select
from textual.widgets import OptionList, Static

from desk.services import audit, casework
from models import Case
from screens.app import DeskApp
from screens.form import FormScreen
from screens.person_picker import PersonPicker
from tests.ui.conftest import log_in, new_person, settle, type_text

SIZE = (160, 48)


async def _typed(pilot, text: str) -> None:
    await type_text(pilot, text)
    await pilot.pause(0.4)  # the picker looks up once typing pauses
    await settle(pilot)


def _form(app, kind: str, actor) -> FormScreen:
    form = FormScreen(casework.registration_form(kind), lambda uow, raw: casework.register(uow, actor, kind, raw))
    app.push_screen(form)
    return form


async def _permit_form(pilot, app) -> tuple[FormScreen, PersonPicker]:
    """The residence officer logged in, a permit's registration form open: the form and its person field."""
    await log_in(pilot, "residence")
    form = _form(app, "permit", app.actor)
    await settle(pilot)
    return form, form.query_one("#picker-person_id", PersonPicker)


async def test_typing_a_name_offers_the_person_and_enter_picks_them(ui_store):
    actor = ui_store.actors["residence"]
    wanted = new_person(ui_store, actor, document_number="LV1234567")
    new_person(ui_store, actor, surname="Ozola", given_names="Anna", date_of_birth="02.02.1988")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        form, picker = await _permit_form(pilot, app)
        assert app.focused is picker.box
        await _typed(pilot, "berzins")  # no diacritics, lower case: the search of the search screen
        hits = picker.query_one(OptionList)
        assert hits.display and hits.option_count == 1
        assert str(hits.get_option_at_index(0).prompt) == "Bērziņš Jānis · 01.05.1990 · UKR · LV1234567"
        await pilot.press("enter")
        await settle(pilot)
        assert picker.value == (wanted,) and not hits.display and picker.box.value == ""
        shown = str(picker.query_one("#picked-person_id", Static).render())
        assert "Bērziņš Jānis · 01.05.1990 · UKR · LV1234567" in shown and str(wanted) not in shown.split(" · ")[0]
        assert form.raw_values()["person_id"] == str(wanted)
    with ui_store.reader() as uow:  # the lookup whose result was picked is in the trail
        assert "search" in [e.action for e in audit.entries(uow, limit=5)]


async def test_a_lookup_typed_and_left_is_dropped_and_does_not_open_when_the_field_is_back(ui_store):
    """Typed, then Tab before the typing settled: the lookup is dropped with the field. Before, it ran
    anyway and opened its list if the focus had come back meanwhile (a save's first field in error takes
    it), so the officer's Escape only closed that list instead of asking to discard the form."""
    actor = ui_store.actors["residence"]
    new_person(ui_store, actor)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        form, picker = await _permit_form(pilot, app)
        await type_text(pilot, "berzins")
        await pilot.press("tab")
        picker.box.focus()  # back before the lookup would have run (as a save's error focus does)
        await pilot.pause(0.5)
        await settle(pilot)
        assert not picker.query_one(OptionList).display
        await pilot.press("escape")  # typed something: the form asks first
        await settle(pilot)
        assert app.screen is not form


async def test_an_invitation_names_several_persons_and_backspace_takes_the_last_off(ui_store):
    actor = ui_store.actors["reception"]
    first = new_person(ui_store, actor)
    second = new_person(ui_store, actor, surname="Ozola", given_names="Anna", date_of_birth="02.02.1988")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "reception")
        form = _form(app, "invitation", app.actor)
        await settle(pilot)
        picker = form.query_one("#picker-person_ids", PersonPicker)
        picker.box.focus()
        await _typed(pilot, "Bērziņš")
        await pilot.press("enter")
        await settle(pilot)
        await _typed(pilot, "Ozola Anna")
        await pilot.press("down", "enter")  # into the list, then pick
        await settle(pilot)
        assert picker.value == (first, second)
        await _typed(pilot, "Bērziņš")  # already named: not offered again
        assert [str(o.prompt) for o in picker.hits._options] == ["Neviena atbilstoša persona"]
        await pilot.press("escape")
        picker.box.value = ""
        await pilot.press("backspace")
        await settle(pilot)
        assert picker.value == (first,)


async def test_a_form_opened_for_a_person_shows_them_by_name(ui_store):
    actor = ui_store.actors["residence"]
    pid = new_person(ui_store, actor)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "residence")
        form = FormScreen(casework.registration_form("permit"), lambda uow, raw: None,
                          initial={"person_id": str(pid)})
        app.push_screen(form)
        await settle(pilot)
        picker = form.query_one("#picker-person_id", PersonPicker)
        assert picker.value == (pid,)
        assert "Bērziņš Jānis · 01.05.1990 · UKR" in str(picker.query_one("#picked-person_id", Static).render())
    with ui_store.reader() as uow:
        assert uow.session.exec(select(Case.id)).first() is None  # opening the form saved nothing
