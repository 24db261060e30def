"""The worklist reaches every case (issue 14 point 9): filters by kind, status, deadline state and officer
(``f``), the days-waiting order (``s``), paging past 50 rows to the last case, and a refresh after a save
elsewhere that keeps the filter, the order and the cursor's case."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update
from textual.widgets import Select

from desk.services import casecore, casework
from models import Case
from screens.app import DeskApp
from screens.casefile import CaseFileScreen, action_name
from screens.home import HomeScreen
from screens.navigation import CaseChanged
from screens.widgets.plain import Label
from screens.worklist_filter import WorklistFilterDialog
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text

SIZE = (160, 48)
TODAY = date(2026, 11, 22)
SURNAMES = ("Ozola", "Kalniņa", "Bērziņš", "Liepa", "Zariņš")


def _due(i: int) -> date | None:
    """Case i's next due date: every fifth has nothing due, the others spread from 9 days ago to 30 ahead."""
    return None if i % 5 == 4 else TODAY + timedelta(days=(i * 7) % 40 - 9)


@pytest.fixture
def busy_store(ui_store):
    """130 open cases of asylum officer "patverums" (asylum and Dublin, three statuses, every deadline
    state, opened over 130 days) and 5 of "patverums2", all in office RIG-CEN."""
    actors = ui_store.actors
    a, b = actors["asylum"], actors["asylum2"]
    people = [new_person(ui_store, a, surname=s, given_names=g) for s, g in zip(SURNAMES, ("Anna", "Ilze", "Jānis",
                                                                                           "Pēteris", "Māra"))]
    statuses = {"asylum": ("lodged", "interviewed"), "dublin": ("sent",)}
    with ui_store.uow() as uow:
        for i in range(135):
            kind = "dublin" if i % 3 == 0 else "asylum"
            owner = b if i >= 130 else a
            case = casecore.open_case(uow, a, kind=kind, person_id=people[i % len(people)],
                                      status=statuses[kind][i % len(statuses[kind])],
                                      opened_on=date(2026, 7, 1) + timedelta(days=(i * 37) % 130), owner_id=owner.id)
            uow.session.execute(update(Case).where(Case.id == case.id).values(next_due=_due(i)))
    return ui_store


def worklist_of(app):
    home = app.screen
    assert isinstance(home, HomeScreen)
    return home, home.query_one("#worklist")


def title(home) -> str:
    return str(home.query_one("#worklist-title", Label).render())


async def choose(pilot, nth: int) -> None:
    """On a focused Select: open it, go down to its nth option (1 is the first after "any"), take it."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*["down"] * nth, "enter")
    await pilot.pause()


async def test_filter_by_kind_status_state_and_officer(busy_store):
    app = DeskApp(store=busy_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "supervisor")
        await pilot.press("o")  # the office's cases: 135
        await settle(pilot)
        home, table = worklist_of(app)
        assert "(50 no 135)" in title(home)
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, WorklistFilterDialog)
        kinds = dialog.choices.kinds
        await choose(pilot, kinds.index("dublin") + 1)  # kind: Dublin
        await pilot.press("tab")
        statuses = [v for _, v in dialog.query_one("#filter-status", Select)._options if v is not Select.NULL]
        await choose(pilot, statuses.index("sent") + 1)  # status: sent (the statuses offered are Dublin's)
        await pilot.press("ctrl+s")
        await settle(pilot)
        home, table = worklist_of(app)
        rows = list(home.rows_by_id.values())
        assert len(rows) == 45 and {(r.kind, r.status) for r in rows} == {("dublin", "sent")}
        assert "(45 no 45)" in title(home) and "Dublina" in title(home)
        # the deadline state, on top of kind and status: overdue only
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("tab", "tab")
        await choose(pilot, 1)  # Nokavēts
        await pilot.press("ctrl+s")
        await settle(pilot)
        rows = list(home.rows_by_id.values())
        assert rows and all(r.next_due is not None and r.next_due < TODAY for r in rows)
        assert all(r.kind == "dublin" for r in rows) and "Nokavēts" in title(home)
        # Ctrl+R clears the filter; the officer alone: patverums2's five cases
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        await pilot.press("ctrl+r")
        officers = [u for u, _ in dialog.choices.officers]
        await pilot.press("tab", "tab", "tab")
        await choose(pilot, officers.index("patverums2") + 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        rows = list(home.rows_by_id.values())
        assert len(rows) == 5 and {r.owner_username for r in rows} == {"patverums2"}
        assert table.row_count == 5 and "(5 no 5)" in title(home)


async def test_an_asylum_officer_filters_by_deadline_state_without_an_officer_choice(busy_store):
    app = DeskApp(store=busy_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        assert not dialog.query("#filter-officer")  # one's own cases: no officer to choose
        await pilot.press("tab", "tab")
        await choose(pilot, 5)  # Nav termiņa
        await pilot.press("ctrl+s")
        await settle(pilot)
        home, table = worklist_of(app)
        rows = list(home.rows_by_id.values())
        assert len(rows) == 26 and all(r.next_due is None for r in rows)  # i % 5 == 4 of 130


async def test_s_sorts_by_days_waiting_and_back(busy_store):
    app = DeskApp(store=busy_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        home, table = worklist_of(app)
        by_due = [r.next_due for r in home.rows_by_id.values()]
        assert by_due == sorted(by_due)
        await pilot.press("s")
        await settle(pilot)
        opened = [r.opened_on for r in home.rows_by_id.values()]
        assert opened == sorted(opened) and opened[0] == date(2026, 7, 1)  # waiting longest first
        assert "ilgāk gaidošās vispirms" in title(home)
        assert str(table.get_row_at(0)[5]) == "01.07.2026"  # the Opened column
        await pilot.press("s")
        await settle(pilot)
        assert [r.next_due for r in home.rows_by_id.values()] == by_due


async def test_the_arrows_and_end_reach_row_120_of_130(busy_store):
    app = DeskApp(store=busy_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        home, table = worklist_of(app)
        assert table.row_count == 50 and "(50 no 130)" in title(home)
        for _ in range(3):  # End: the last row held; the next page comes as the cursor nears it
            await pilot.press("end")
            await settle(pilot)
        assert table.row_count == 130 and "(130 no 130)" in title(home)
        await pilot.press("end")
        assert table.cursor_row == 129
        await pilot.press(*["up"] * 10)
        assert table.cursor_row == 119
        # row 120 is the 120th case in next-due order (nothing due last, by number)
        with busy_store.reader() as uow:
            from desk.services import views

            expected = views.worklist(uow, busy_store.actors["asylum"], offset=119, limit=1)[0]
        assert table.selected_key() == str(expected.id)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseFileScreen) and app.screen.case_id == expected.id


async def test_worklist_refreshes_after_a_save_in_a_case_file_and_keeps_its_filter(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    first = new_asylum_case(ui_store, actors["asylum"], pid)
    second = new_asylum_case(ui_store, actors["asylum"], pid, lodged="2026-11-06", registered="2026-11-05")
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("s")  # waiting longest first: the order survives the refresh
        await settle(pilot)
        home, table = worklist_of(app)
        assert table.row_count == 2 and table.selected_key() == str(first)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseFileScreen)
        index = [action_name(s) for s in screen.actions].index("withdraw")
        await pilot.press(str(index + 1))
        await settle(pilot)
        await type_text(pilot, "21.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        home, table = worklist_of(app)
        assert table.row_count == 1 and table.selected_key() == str(second)  # the withdrawn case left
        assert "ilgāk gaidošās vispirms" in title(home) and "(1 no 1)" in title(home)
        # another screen says a case changed while the worklist shows: it re-reads the rows it holds
        with ui_store.uow() as uow:
            casework.perform(uow, actors["asylum"], second, "withdraw", {"withdrawn_on": "2026-11-21"},
                             uow.session.get(Case, second).version)
        assert table.row_count == 1
        app.post_message(CaseChanged(second))
        await settle(pilot)
        assert table.row_count == 0 and "(0 no 0)" in title(home)


def test_snapshot_of_the_worklist_scrolled_past_50_rows(snap_compare, busy_store):
    """The worklist at 160x48 with its cursor on row 61 of 130: the second page read as the cursor
    neared the end of the first (fixed data, the clock at 22.11.2026 10:00)."""

    async def run_before(pilot):
        await log_in(pilot, "asylum")
        await pilot.press("end")  # row 50: the next 50 are read
        await settle(pilot)
        await pilot.press(*["down"] * 11)
        await settle(pilot)
        home, table = worklist_of(pilot.app)
        assert table.cursor_row == 60 and table.row_count == 100

    assert snap_compare(DeskApp(store=busy_store), terminal_size=SIZE, run_before=run_before)


async def test_the_filter_dialog_redraws_its_choices_in_the_other_language(busy_store):
    app = DeskApp(store=busy_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        await choose(pilot, dialog.choices.kinds.index("dublin") + 1)
        app.switch_language("en")  # what F9 does (a modal screen does not hear the app's keys)
        await settle(pilot)
        kind = dialog.query_one("#filter-kind", Select)
        assert kind.value == "dublin" and str(dialog.query_one("#filter-label-kind", Label).render()) == "Case kind"
        assert "Dublin request" in [str(prompt) for prompt, _ in kind._options]
        await pilot.press("ctrl+s")
        await settle(pilot)
        home, table = worklist_of(app)
        assert "Dublin request" in title(home) and "(44 of 44)" in title(home)
