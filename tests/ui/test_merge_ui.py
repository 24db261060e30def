"""A supervisor merges a duplicate record from its person file (issue 19 point 3): m picks the person who
stays (the search screen), a reason is chosen, the cases move and the survivor's file opens."""
from __future__ import annotations

from desk.services import audit
from models import Case, Person
from screens.app import DeskApp
from screens.dialogs import PickDialog
from screens.person import PersonScreen
from screens.search import SearchScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text


async def _until(pilot, condition, rounds: int = 40) -> None:
    for _ in range(rounds):
        await settle(pilot)
        if condition():
            return
        await pilot.pause(0.1)


async def test_a_supervisor_merges_a_duplicate_from_its_file(ui_store):
    actors = ui_store.actors
    survivor = new_person(ui_store, actors["asylum"], document_number="C1234567")
    duplicate = new_person(ui_store, actors["asylum"], surname="Berzins", given_names="Janis",
                           document_number="LV7654321")
    case_id = new_asylum_case(ui_store, actors["asylum"], duplicate)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        app.open_person(duplicate)
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("m")
        await _until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await type_text(pilot, "C1234567")  # the survivor's document
        search = app.screen
        await _until(pilot, lambda: search.query_one("#results").row_count > 0)
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, PickDialog))
        await pilot.press("enter")  # the first reason: the same document
        await _until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen.person_id == survivor)
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == survivor
    with ui_store.reader() as uow:
        assert uow.session.get(Case, case_id).person_id == survivor
        assert uow.session.get(Person, duplicate).merged_into == survivor
        assert "person.merge" in [e.action for e in audit.entries(uow, limit=10)]


async def test_only_a_supervisor_is_offered_the_merge(ui_store):
    pid = new_person(ui_store, ui_store.actors["asylum"])
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        app.open_person(pid)
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)  # nothing happened
