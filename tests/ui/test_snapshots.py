"""Snapshots of the main screens at 160x48 over fixed data and a fixed clock (22.11.2026 10:00 Riga).

Regenerate after a deliberate change with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look
at the SVGs before committing them."""
from __future__ import annotations

import pytest
from textual.widgets import Input, TabbedContent, TextArea

from desk.services import casework
from screens.app import DeskApp
from tests.ui.conftest import lock_out, log_in, new_asylum_case, new_person, settle, type_text

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """The text cursor drawn as it is right after a key, never caught mid-blink: a field's cursor blinks
    every half second after the last key, and on a busy machine the settling after ctrl+s took longer
    than that, so the form-in-error snapshots failed now and then with the cursor dark."""
    def shown(widget) -> None:
        widget._cursor_visible = True

    monkeypatch.setattr(Input, "_toggle_cursor", shown)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", shown)


@pytest.fixture
def snapshot_store(ui_store):
    """An asylum officer's desk: one decision overdue, one Dublin reply due this week, one quiet case."""
    actors = ui_store.actors
    a = actors["asylum"]
    first = new_person(ui_store, a)
    second = new_person(ui_store, a, surname="Ivanova", given_names="Olga", date_of_birth="12.03.1985",
                        original_name="Иванова Ольга")
    new_asylum_case(ui_store, a, first, lodged="2026-04-29", registered="2026-05-01")  # decision due 01.11.2026
    new_asylum_case(ui_store, a, second)
    with ui_store.uow() as uow:
        casework.register(uow, a, "dublin", {"direction": "incoming", "request_kind": "take_back",
                                             "partner_country": "FIN", "person_id": str(second),
                                             "registered_on": "2026-10-20", "received_on": "2026-10-25"})
    return ui_store


async def _home_drawn(pilot):
    """Until the worklist's rows are in (its worker may land a moment after the login's)."""
    for _ in range(30):
        await settle(pilot)
        tables = pilot.app.screen.query("#worklist")
        if tables and tables.first().row_count:
            break
        await pilot.pause(0.1)
    await settle(pilot)


def test_home_screen(snap_compare, snapshot_store):
    async def run_before(pilot):
        await log_in(pilot, "asylum")
        await _home_drawn(pilot)

    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SIZE, run_before=run_before)


def test_case_file_with_deadlines(snap_compare, snapshot_store):
    async def run_before(pilot):
        await log_in(pilot, "asylum")
        pilot.app.open_case(3)  # the Dublin request
        await settle(pilot)
        pilot.app.screen.query_one(TabbedContent).active = "tab-deadlines"
        await settle(pilot)

    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SIZE, run_before=run_before)


async def _asylum_form_in_error(pilot):
    """The asylum registration form, a person's id and an impossible day typed, saved."""
    await log_in(pilot, "asylum")
    await pilot.press("n")
    await settle(pilot)
    await pilot.press("enter")  # asylum
    await settle(pilot)
    await pilot.press("end", "enter")  # the person found in the form
    await settle(pilot)
    await type_text(pilot, "2")
    await pilot.press("tab")
    await type_text(pilot, "31.02.2026")
    await pilot.press("ctrl+s")
    await settle(pilot)
    pilot.app.clear_notifications()
    await settle(pilot)


def test_form_with_validation_errors(snap_compare, snapshot_store):
    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SIZE, run_before=_asylum_form_in_error)


def test_person_picker_offers_persons_as_the_officer_types(snap_compare, snapshot_store):
    """Issue 14 point 8: the registration form's person field, "ivanova" typed: Olga Ivanova offered with her
    date of birth and citizenship, chosen by name."""
    async def run_before(pilot):
        await log_in(pilot, "asylum")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter")  # asylum
        await settle(pilot)
        await pilot.press("end", "enter")  # a person found in the form
        await settle(pilot)
        await type_text(pilot, "ivanova")
        picker = pilot.app.screen.query_one("#picker-person_id")
        for _ in range(40):  # the look-up runs once typing pauses: wait for its answer to be drawn
            await pilot.pause(0.1)
            await settle(pilot)
            if picker.hits.display and picker.hits.option_count:
                break
        await pilot.press("down")  # into the list: the officer is about to pick (and the box's cursor rests)
        await settle(pilot)

    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SIZE, run_before=run_before)


# --- 80x24 (issue 18 point 4): the login box, the worklist, a case file and a form fit a small terminal ----

SMALL = (80, 24)


def test_login_at_80x24(snap_compare, snapshot_store):
    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SMALL)


def test_case_file_at_80x24(snap_compare, snapshot_store):
    async def run_before(pilot):
        await log_in(pilot, "asylum")
        pilot.app.open_case(3)  # the incoming Dublin request
        await settle(pilot)

    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SMALL, run_before=run_before)


def test_form_at_80x24_scrolls_to_the_field_in_error(snap_compare, snapshot_store):
    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SMALL, run_before=_asylum_form_in_error)


def test_case_file_in_the_light_theme(snap_compare, snapshot_store):
    """Issue 18 point 2: desk.tcss uses theme variables only, so a light theme reads as well as the dark."""
    async def run_before(pilot):
        pilot.app.theme = "textual-light"
        await log_in(pilot, "asylum")
        pilot.app.open_case(3)  # the incoming Dublin request
        await settle(pilot)

    assert snap_compare(DeskApp(store=snapshot_store), terminal_size=SIZE, run_before=run_before)


@pytest.fixture
def duplicates_store(ui_store):
    """Two pairs of records of one person: Olga Ivanova with day and month swapped (her second record has a
    case), and Taras Shevchenko registered again as Ševčenko."""
    from desk.services import persons

    a = ui_store.actors["asylum"]
    first = new_person(ui_store, a, surname="Ivanova", given_names="Olga", date_of_birth="12.03.1990",
                       original_name="Иванова Ольга", document_number="C1234567")
    ids = [first]
    for surname, born, doc in (("Ivanovs", "03.12.1990", "FE7654321"), ("Shevchenko", "21.07.1985", "FE1357913"),
                               ("Ševčenko", "21.07.1985", "FE2468024")):
        with ui_store.uow() as uow:
            ids.append(persons.register_person(uow, a, {
                "surname": surname, "given_names": "Olga" if surname.startswith("Ivan") else "Taras",
                "date_of_birth": born, "citizenship": "UKR", "document_number": doc},
                allow_duplicate=True, reason="different_birth_date"))
    new_asylum_case(ui_store, a, ids[1])
    new_asylum_case(ui_store, a, ids[2])
    return ui_store


def test_duplicates_report(snap_compare, duplicates_store):
    """Issue 19 point 4: the supervisor's list of probable duplicates, scored with what matched, the first
    pair side by side below."""
    async def run_before(pilot):
        await log_in(pilot, "supervisor")
        await pilot.press("f6")
        for _ in range(40):  # until the pairs are read and drawn
            await settle(pilot)
            screen = pilot.app.screen
            if getattr(screen, "pairs", None) is not None and screen.query_one("#duplicates").row_count:
                break
            await pilot.pause(0.1)
        await settle(pilot)

    assert snap_compare(DeskApp(store=duplicates_store), terminal_size=SIZE, run_before=run_before)
def test_officers_screen(snap_compare, ui_store):
    """The administrator's home: the officers (one locked out, one to change the password) and a grant waiting."""
    from desk.services import auth

    admin = ui_store.actors["administrator"]
    with ui_store.uow() as uow:
        auth.grant_role(uow, admin, "patverums2", "supervisor")
        auth.set_password(uow, admin, "atgriesana", "pagaidu-parole-7")
    lock_out(ui_store, "recepcija")

    async def run_before(pilot):
        await log_in(pilot, "administrator")
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(DeskApp(store=ui_store), terminal_size=SIZE, run_before=run_before)
