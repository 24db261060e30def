"""Forms an officer can live in (issue 14 point 11): every check in one pass; the first field in error
focused with its text selected; an unknown country quoted as typed; "j" answers "jā"; Ctrl+Q with unsaved
input asks first; at 80x24 the form scrolls to the focused field."""
from __future__ import annotations

from textual.widgets import Input

from desk.services import casework
from screens.app import DeskApp
from screens.dialogs import ConfirmDialog
from screens.form import FormScreen
from tests.ui.conftest import log_in, new_person, settle, type_text


def _open(app, kind: str, initial: dict | None = None) -> FormScreen:
    actor = app.actor
    form = FormScreen(casework.registration_form(kind), lambda uow, raw: casework.register(uow, actor, kind, raw),
                      initial=initial)
    app.push_screen(form)
    return form


def _error(form, name: str) -> str:
    return str(form.query_one(f"#error-{name}").render())


async def _type_into(pilot, form, name: str, text: str) -> None:
    form.query_one(f"#field-{name}").focus()
    await pilot.pause()
    await type_text(pilot, text)


async def test_every_mistake_is_reported_at_once_and_the_first_is_selected_for_retyping(ui_store):
    pid = new_person(ui_store, ui_store.actors["return"])
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "return")
        form = _open(app, "return", {"person_id": str(pid), "decision_kind": "voluntary", "grounds": "overstay"})
        await settle(pilot)
        await _type_into(pilot, form, "issued_on", "31.02.2026")  # no such day; and no departure period
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert _error(form, "issued_on") and _error(form, "departure_days")  # both, in one pass
        focused = app.focused
        assert focused is form.query_one("#field-issued_on", Input)
        assert focused.selected_text == "31.02.2026"  # what is typed next replaces it
        await type_text(pilot, "20.11.2026")
        assert focused.value == "20.11.2026"


async def test_an_unknown_country_is_quoted_as_typed(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        form = _open(app, "dublin", {"direction": "outgoing", "request_kind": "take_charge"})
        await settle(pilot)
        await _type_into(pilot, form, "partner_country", "Germania")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "„Germania”" in _error(form, "partner_country") and "GER" not in _error(form, "partner_country")


async def test_ctrl_q_with_unsaved_input_asks_first_and_j_answers_yes(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "residence")
        form = _open(app, "visa")
        await settle(pilot)
        await _type_into(pilot, form, "applied_on", "20.11.2026")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # stay: nothing is lost
        await settle(pilot)
        assert app.screen is form and form.query_one("#field-applied_on", Input).value == "20.11.2026"
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("j")  # "jā"
        await settle(pilot)
        assert app.actor is None or not app.is_running


async def test_at_80x24_the_form_scrolls_to_the_focused_field(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "asylum")
        form = _open(app, "asylum")
        await settle(pilot)
        last = list(form.query(".form-field"))[-1]
        for _ in range(len(form.query(".form-field")) * 2):
            if app.focused is last:
                break
            await pilot.press("tab")
            await pilot.pause()
        await settle(pilot)
        assert app.focused is last
        region = last.region
        assert 0 <= region.y and region.bottom <= 24 and region.right <= 80, region  # on screen, not cut off
