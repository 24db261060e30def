"""The search screen driven with keys: type, results follow, arrows + Enter open, Escape goes back."""
from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import DataTable, Input, Label

from desk.services import audit, casecore
from desk.text import fold
from models import Person
import screens.search as search_screen
from screens.search import SearchScreen
from tests.ui.conftest import log_in, settle, type_text

SIZE = (160, 48)


def add_people(store):
    actor = store.actors["asylum"]
    with store.uow() as uow:
        ids = {}
        for surname, given, original in (("Bērziņš", "Jānis", None), ("Petrovs", "Ivans", "Петров Иван"),
                                         ("Petrova", "Anna", None)):
            p = Person(surname=surname, given_names=given, original_name=original, surname_folded=fold(surname),
                       given_folded=fold(given), date_of_birth=date(1980, 5, 17), citizenship="LVA")
            uow.session.add(p)
            uow.session.flush()
            ids[surname] = p.id
        ids["case"] = casecore.open_case(uow, actor, kind="asylum", person_id=ids["Petrovs"], status="lodged",
                                         opened_on=date(2026, 11, 2)).id
    return ids


class Host(App):
    """A bare app that opens the search screen and keeps what it dismissed with."""

    def __init__(self, store, actor):
        super().__init__()
        self.store, self.actor, self.result = store, actor, "not dismissed"

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.store, self.actor), self.done)

    def done(self, value) -> None:
        self.result = value


async def wait_results(pilot):
    await pilot.pause(0.3)  # the debounce
    await settle(pilot)


async def test_typing_finds_and_enter_opens_the_case(ui_store):
    ids = add_people(ui_store)
    app = Host(ui_store, ui_store.actors["asylum"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "petr")
        await wait_results(pilot)
        table = app.screen.query_one("#results", DataTable)
        assert table.row_count == 2  # Petrovs and Petrova: persons by name
        await type_text(pilot, " ivan")
        await wait_results(pilot)
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "Petrovs Ivans"
        await pilot.pause(search_screen.AUDIT_SETTLE + 0.3)  # the officer reads: the lookup is audited
        for ch in " ivan":
            await pilot.press("backspace")
        for ch in "petr":
            await pilot.press("backspace")
        await type_text(pilot, "PAT-2026-000001")
        await wait_results(pilot)
        assert table.row_count == 1 and str(table.get_row_at(0)[0]) == "PAT-2026-000001"
        assert str(app.screen.query_one("#search-status", Label).render()) == "Atrasts: 1"
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == ("case", ids["case"])
    with ui_store.reader() as uow:
        queries = [e.detail["query"] for e in audit.entries(uow, limit=20) if e.action == "search"]
    assert "PAT-2026-000001" in queries and "petr ivan" in queries
    assert "petr" not in queries  # a prefix passed through while typing is not a lookup of its own


async def test_arrows_choose_a_person_and_escape_returns_nothing(ui_store):
    ids = add_people(ui_store)
    app = Host(ui_store, ui_store.actors["reception"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "petrov")
        await wait_results(pilot)
        table = app.screen.query_one("#results", DataTable)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == ("person", ids[names[1].split()[0]])
    app = Host(ui_store, ui_store.actors["reception"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "zzz")
        await wait_results(pilot)
        assert str(app.screen.query_one("#search-status", Label).render()) == "Nekas nav atrasts."
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await settle(pilot)
    assert app.result is None


async def test_slash_opens_search_from_the_app_and_escape_goes_back(ui_store):
    from screens.app import DeskApp

    add_people(ui_store)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        home = app.screen
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home


async def test_palette_provider_offers_matching_cases_and_opens_one(ui_store):
    from screens.app import DeskApp
    from screens.search import CaseNumberProvider

    ids = add_people(ui_store)
    app = DeskApp(store=ui_store)
    opened = []
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        app.open_case = opened.append
        provider = CaseNumberProvider(app.screen)
        hits = [h async for h in provider.search("open PAT-2026-00000")]
        assert [h.text for h in hits] == ["Atvērt lietu PAT-2026-000001"]
        hits[0].command()
        assert [h async for h in provider.search("open berzins")] == []
        app.actor = ui_store.actors["residence"]  # a role that does not see asylum cases
        assert [h async for h in provider.search("PAT-2026-000001")] == []
    assert opened == [ids["case"]]
