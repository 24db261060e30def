"""The worklist, a case's file and its tabs, conflicts, field errors, reassignment, the palette, a person's file."""
from __future__ import annotations

from sqlmodel import select
from textual.widgets import Input, Label, Static, TabbedContent

from desk.i18n import t
from desk.services import casework
from models import Case
from screens.app import DeskApp
from screens.casefile import CaseFileScreen, action_name
from screens.dialogs import PickDialog
from screens.form import FormScreen
from screens.home import HomeScreen
from screens.person import PersonScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text

SIZE = (160, 48)


def case_row(store, case_id):
    with store.reader() as uow:
        return uow.session.get(Case, case_id)


async def test_enter_opens_a_case_with_its_tabs(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    cid = new_asylum_case(ui_store, actors["asylum"], pid)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#worklist").row_count == 1
        assert "1" in str(home.query_one("#worklist-title", Label).render())
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseFileScreen) and screen.case_id == cid
        tabs = screen.query_one(TabbedContent)
        labels = [str(tabs.get_tab(f"tab-{n}").label) for n in ("details", "deadlines", "history", "related")]
        assert labels == ["Ziņas", "Termiņi", "Vēsture", "Saistītās lietas"]
        assert screen.query_one("#case-deadlines").row_count >= 1  # the decision deadline of the Asylum Law
        # the tabs from the keyboard: Ctrl+Right / Ctrl+Left walk them, wrapping around
        assert tabs.active == "tab-details"
        for expected in ("tab-deadlines", "tab-history", "tab-related", "tab-details"):
            await pilot.press("ctrl+right")
            await settle(pilot)
            assert tabs.active == expected
        await pilot.press("ctrl+left")
        await settle(pilot)
        assert tabs.active == "tab-related"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#recent").row_count == 1  # the file just opened


async def test_stale_save_shows_the_conflict_and_keeps_the_form(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    cid = new_asylum_case(ui_store, actors["asylum"], pid)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(cid)
        await settle(pilot)
        screen = app.screen
        seen = case_row(ui_store, cid).version
        with ui_store.uow() as uow:  # another officer saves first
            casework.perform(uow, actors["asylum2"], cid, "accept_for_examination", {"accepted_on": "2026-11-04"}, seen)
        index = [action_name(s) for s in screen.actions].index("withdraw")
        await pilot.press(str(index + 1))
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        await type_text(pilot, "2026-11-21")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # nothing lost
        assert form.query_one("#field-withdrawn_on", Input).value == "2026-11-21"
        message = str(form.query_one("#form-error", Label).render())
        assert "Otra Patvēruma" in message or "patverums2" in message
        after = case_row(ui_store, cid)
        assert after.version == seen + 1 and after.closed_on is None  # only the other officer's save is stored


async def test_field_errors_show_under_each_field(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter")  # asylum
        await settle(pilot)
        dialog = app.screen
        await pilot.press("home", *["down"] * [v for v, _ in dialog.options].index("id"), "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        await type_text(pilot, "999999")
        await pilot.press("tab")
        await type_text(pilot, "31.02.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "31.02.2026" in str(form.query_one("#error-lodged_on", Label).render())
        assert str(form.query_one("#error-registered_on", Label).render()) == "Obligāts lauks."
        assert form.query_one("#field-lodged_on", Input).value == "31.02.2026"
        with ui_store.reader() as uow:
            assert uow.session.exec(select(Case.id)).first() is None
        await pilot.press("escape")  # typed something: asks first
        await settle(pilot)
        assert app.screen is not form
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is form
        await pilot.press("escape")
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_supervisor_reassigns_selected_cases(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    first = new_asylum_case(ui_store, actors["asylum"], pid)
    second = new_asylum_case(ui_store, actors["asylum"], pid, lodged="2026-11-06", registered="2026-11-05")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "supervisor")
        home = app.screen
        assert home.query_one("#worklist").row_count == 0  # none of them is the supervisor's own
        await pilot.press("o")  # the office's cases
        await settle(pilot)
        assert home.query_one("#worklist").row_count == 2
        await pilot.press("space", "space")
        assert home.selected == {first, second}
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        await pilot.press("home", *["down"] * [v for v, _ in dialog.options].index("patverums2"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    for cid in (first, second):
        assert case_row(ui_store, cid).owner_id == actors["asylum2"].id


async def test_palette_opens_a_case_by_number_and_offers_its_actions(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    cid = new_asylum_case(ui_store, actors["asylum"], pid)
    number = case_row(ui_store, cid).number
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "pat-2026-1")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseFileScreen) and screen.file.number == number
        titles = [c.title for c in app.palette_commands(screen)]
        assert screen.actions and all(t(spec.title_key) in titles for spec in screen.actions)
        assert "Bloķēt ekrānu" in titles and "Valoda: angļu" in titles


async def test_person_file_records_an_entry(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["residence"])
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "residence")
        app.open_person(pid)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PersonScreen)
        assert "Bērziņš Jānis" in str(screen.query_one("#person-header", Static).render())
        await pilot.press("e")
        await settle(pilot)
        await type_text(pilot, "2026-11-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#stays").row_count == 1
        assert "22" in str(screen.query_one("#schengen", Static).render())  # 1..22 Nov: 22 days used
