"""Stored text is data, never markup: persons and officers whose names look like Rich/Textual markup are
drawn literally on every screen that shows them, and nothing crashes (issue 15, point 1).

Registration refuses such person names now ("[" and "]" are not letters: desk.rules.eligibility, issue 14
point 5), but a store may already hold them (an import before that rule, a restored backup): the person is
written into the store directly, as such a record would be, and every screen must still draw it as data."""
from __future__ import annotations

import ast

import pytest
from pathlib import Path

from textual.widgets import DataTable, OptionList

from datetime import date

from desk.services import auth
from desk.text import fold
from models import Person
from screens.app import DeskApp
from screens.casefile import CaseFileScreen
from screens.home import HomeScreen
from screens.person import PersonScreen
from tests.conftest import PASSWORD
from tests.ui.conftest import new_asylum_case, settle, type_text

SIZE = (160, 48)
SURNAME = "Test[/bold]"
GIVEN = "[/]"
OFFICER_NAME = "[bold red]Anna[/] [/] [link=x]Bērziņa"


def hostile_store(ui_store):
    with ui_store.uow() as uow:
        auth.create_officer(uow, None, username="hostile", full_name=OFFICER_NAME, office_code="RIG-CEN",
                            roles="supervisor", password=PASSWORD, bootstrap=True)
        actor = auth.login(uow, "hostile", PASSWORD)
    with ui_store.uow() as uow:  # straight into the store: the registration form would refuse these names
        person = Person(surname=SURNAME, given_names=GIVEN, original_name="[red]Тест", surname_folded=fold(SURNAME),
                        given_folded=fold(GIVEN), date_of_birth=date(1990, 5, 1), citizenship="UKR")
        uow.session.add(person)
        uow.session.flush()
        person_id = person.id
    case_id = new_asylum_case(ui_store, actor, person_id)
    return actor, person_id, case_id


def screen_text(screen) -> str:
    """Everything the screen draws, as the officer reads it (rendered, so markup would be gone)."""
    parts = []
    for widget in screen.query("*"):
        if isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts.extend(str(c) for c in widget.get_row_at(row))
        elif isinstance(widget, OptionList):
            parts.extend(str(o.prompt) for o in widget.options)
        else:
            try:
                parts.append(str(widget.render()))
            except Exception:  # containers render nothing of their own
                pass
    return "\n".join(parts)


async def _alive(pilot) -> None:
    await settle(pilot)
    assert pilot.app.is_running and pilot.app._exception is None


async def test_markup_in_names_is_drawn_literally_on_every_screen(ui_store):
    actor, person_id, case_id = hostile_store(ui_store)
    with ui_store.uow() as uow:  # the same record twice: the duplicates report pairs them
        uow.session.add(Person(surname=SURNAME, given_names=GIVEN, original_name="[red]Тест", surname_folded=fold(SURNAME),
                               given_folded=fold(GIVEN), date_of_birth=date(1990, 5, 1), citizenship="UKR"))
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "hostile")
        await pilot.press("enter")
        await type_text(pilot, PASSWORD)
        await pilot.press("enter")
        await _alive(pilot)
        assert isinstance(app.screen, HomeScreen)
        home = screen_text(app.screen)
        assert OFFICER_NAME in home  # the officer bar
        await pilot.press("o")  # the office's worklist shows the person's name
        await _alive(pilot)
        assert f"{SURNAME} {GIVEN}" in screen_text(app.screen)

        app.open_case(case_id)
        await _alive(pilot)
        assert isinstance(app.screen, CaseFileScreen)
        text = screen_text(app.screen)
        assert f"{SURNAME} {GIVEN}" in text and OFFICER_NAME in text
        await pilot.press("escape")
        await _alive(pilot)

        app.open_person(person_id)
        await _alive(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert f"{SURNAME} {GIVEN}" in screen_text(app.screen) and "[red]Тест" in screen_text(app.screen)
        await pilot.press("escape")
        await _alive(pilot)

        await pilot.press("slash")
        await _alive(pilot)
        await type_text(pilot, "Test")
        await pilot.pause(0.6)
        await _alive(pilot)
        assert SURNAME in screen_text(app.screen)
        await pilot.press("escape")
        await _alive(pilot)

        await pilot.press("ctrl+p")
        await _alive(pilot)
        await type_text(pilot, "PAT-2026-0")
        await pilot.pause(0.6)
        await _alive(pilot)
        await pilot.press("escape")
        await _alive(pilot)

        await pilot.press("r")  # reassign: the pick dialog lists officers by full name
        await _alive(pilot)
        assert OFFICER_NAME in screen_text(app.screen)
        await pilot.press("escape")
        await _alive(pilot)

        app.notify(f"{SURNAME} {GIVEN} {OFFICER_NAME}")  # a notification carrying stored text
        await _alive(pilot)
        app.screen.title = OFFICER_NAME
        await _alive(pilot)

        await pilot.press("f7")  # the report screen (the owner's username in the preview)
        await _alive(pilot)
        await pilot.press("f5")
        await _alive(pilot)
        await pilot.press("escape")
        await pilot.press("f8")  # the charts
        await _alive(pilot)
        await pilot.press("escape")
        await _alive(pilot)

        await pilot.press("f6")  # the probable duplicates: the pair in the list and side by side
        for _ in range(30):
            await _alive(pilot)
            if getattr(app.screen, "pairs", None) is not None:
                break
            await pilot.pause(0.1)
        text = screen_text(app.screen)
        assert f"{SURNAME} {GIVEN}" in text and "[red]Тест" in text and OFFICER_NAME in text
        await pilot.press("enter")  # which record stays: the dialog names both
        await _alive(pilot)
        assert f"{SURNAME} {GIVEN}" in screen_text(app.screen)
        await pilot.press("escape")
        await _alive(pilot)


def test_the_registration_form_refuses_markup_in_a_name(ui_store):
    """What the test above stores directly cannot come in through registration."""
    from desk.errors import FormInvalid
    from desk.services import persons

    with pytest.raises(FormInvalid) as exc:
        with ui_store.uow() as uow:
            persons.register_person(uow, ui_store.actors["reception"], {"surname": SURNAME, "given_names": "Anna",
                                                                        "citizenship": "UKR"})
    assert "surname" in exc.value.errors


SECRET = "Bērziņš Jānis 010190-12345 UKR"


async def test_a_crash_shows_an_incident_id_and_the_private_log_holds_no_values(ui_store, tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))
    app = DeskApp(store=ui_store, idle_minutes=600)

    def crash() -> None:
        person = SECRET  # a local the default traceback would print
        raise RuntimeError(f"cannot draw {person}")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.call_later(crash)
            await pilot.pause(0.2)
    shown = " ".join(capfd.readouterr().err.split())  # what the terminal shows when the app ends
    assert "Bērziņš" not in shown and "010190" not in shown
    incident = shown.split("incidents ")[1].split(")")[0]
    assert len(incident) == 8
    log = tmp_path / "logs" / "incidents.log"
    assert (log.stat().st_mode & 0o777) == 0o600 and (log.parent.stat().st_mode & 0o777) == 0o700
    body = log.read_text()
    assert incident in body and "RuntimeError" in body and "crash" in body
    assert "Bērziņš" not in body and "010190" not in body


SCREENS = Path(__file__).resolve().parents[2] / "screens"
TEXT_WIDGETS = {"Label", "Static", "DataTable", "OptionList", "Option"}


def test_screens_draw_text_only_through_the_plain_widgets():
    """Every screen takes its text widgets from screens.widgets.plain (markup off, cells as Text): a new
    screen cannot forget to escape stored text."""
    offenders = []
    for path in SCREENS.rglob("*.py"):
        if path.name in ("plain.py", "textual_words.py"):  # textual_words: Textual's "No matches found" in
            continue  # desk's words, a rich Text built from the catalogue (screens/textual_words.py)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual.widgets"):
                offenders += [f"{path.name}: {a.name}" for a in node.names if a.name in TEXT_WIDGETS]
            if isinstance(node, ast.Attribute) and node.attr in ("from_markup",):
                offenders.append(f"{path.name}: from_markup")
    assert offenders == []
