"""F9 switches language: the screens redraw what they hold in the other language; nothing is read from the
store again and no "case.view" / "person.view" entry is written (issue 13 point 4)."""
from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent

from desk.i18n import catalogue, get_language, set_language
from desk.services import audit, casework
from screens.app import DeskApp
from screens.casefile import CaseFileScreen
from screens.person import PersonScreen
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle

SIZE = (160, 48)


def words(key: str, lang: str) -> str:
    return catalogue()[key][lang]


def views_written(store, action: str) -> int:
    with store.reader() as uow:
        return sum(1 for e in audit.entries(uow, limit=1000) if e.action == action)


def cells(table: DataTable) -> list[str]:
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


async def test_switching_language_twice_redraws_the_case_file_and_writes_no_view(ui_store):
    a = ui_store.actors["asylum"]
    person_id = new_person(ui_store, a)
    case_id = new_asylum_case(ui_store, a, person_id)
    with ui_store.uow() as uow:
        casework.perform(uow, a, case_id, "accept_for_examination", {"accepted_on": "2026-11-10"},
                         expected_version=1)
    app = DeskApp(store=ui_store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await log_in(pilot, "asylum")
            app.open_case(case_id)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, CaseFileScreen) and screen.file is not None
            seen = views_written(ui_store, "case.view")
            assert seen >= 1 and get_language() == "lv"

            def shown() -> tuple[str, list[str], list[str], list[str], str]:
                header = str(screen.query_one("#case-header", Static).render())
                tab = str(screen.query_one(TabbedContent).get_tab("tab-details").label)
                return (header, cells(screen.query_one("#details", DataTable)),
                        cells(screen.query_one("#case-deadlines", DataTable)),
                        cells(screen.query_one("#history", DataTable)), tab)

            latvian = shown()
            assert words("status.asylum.accepted_for_examination", "lv") in latvian[0]
            assert words("casework.field.lodged_on", "lv") in latvian[1]

            await pilot.press("f9")
            await settle(pilot)
            english = shown()
            assert get_language() == "en"
            header, details, deadlines, history, tab = english
            assert words("status.asylum.accepted_for_examination", "en") in header
            assert words("kind.asylum", "en") in header and words("ui.case.status", "en") in header
            assert words("casework.field.lodged_on", "en") in details
            assert words("deadline_state.open", "en") in deadlines
            assert any(words("action.asylum.accept_for_examination", "en") == c for c in history)
            assert any(words("casework.field.status", "en") in c for c in history)  # the summary of the step
            assert tab == words("ui.case.tab.details", "en")
            assert words("status.asylum.accepted_for_examination", "lv") not in header

            await pilot.press("f9")
            await settle(pilot)
            assert get_language() == "lv" and shown() == latvian
            assert views_written(ui_store, "case.view") == seen  # drawn again, never read again
    finally:
        set_language("lv")


async def test_switching_language_redraws_the_person_file_and_writes_no_view(ui_store):
    a = ui_store.actors["asylum"]
    person_id = new_person(ui_store, a)
    new_asylum_case(ui_store, a, person_id)
    app = DeskApp(store=ui_store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await log_in(pilot, "asylum")
            app.open_person(person_id)
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, PersonScreen) and screen.file is not None
            seen = views_written(ui_store, "person.view")
            await pilot.press("f9")
            await settle(pilot)
            assert words("kind.asylum", "en") in cells(screen.query_one("#person-cases", DataTable))
            assert words("ui.person.born", "en") in str(screen.query_one("#person-header", Static).render())
            await pilot.press("f9")
            await settle(pilot)
            assert words("kind.asylum", "lv") in cells(screen.query_one("#person-cases", DataTable))
            assert views_written(ui_store, "person.view") == seen
    finally:
        set_language("lv")


async def test_switching_language_redraws_the_gathered_report_without_gathering_it_again(ui_store, monkeypatch):
    from screens import report as report_screen
    from screens.report import ReportScreen

    gathered = []
    real = report_screen.gather
    monkeypatch.setattr(report_screen, "gather", lambda *args: gathered.append(1) or real(*args))
    app = DeskApp(store=ui_store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await log_in(pilot, "supervisor")
            await pilot.press("f7")
            await settle(pilot)
            assert isinstance(app.screen, ReportScreen)
            await pilot.press("f5")
            await settle(pilot)
            table = app.screen.query_one("#report-kinds", DataTable)
            assert words("kind.asylum", "lv") in cells(table) and gathered == [1]
            await pilot.press("f9")
            await settle(pilot)
            assert words("kind.asylum", "en") in cells(table)
            assert str(table.columns[next(iter(table.columns))].label) == words("report.col.kind", "en")
            assert gathered == [1]
    finally:
        set_language("lv")
