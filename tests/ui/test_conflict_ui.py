"""A conflict names who and when (issue 14 point 10): two officers save the same case; the second reads
"Changed by Otra Patvēruma at 10:00 — reload to see the change" in the form, which stays open with what
was typed; the case file behind it is read again; the same action opened again starts with the values."""
from __future__ import annotations

from textual.widgets import Input

from desk.services import auth, casework
from models import Case
from screens.app import DeskApp
from tests.conftest import PASSWORD
from screens.casefile import CaseFileScreen, action_name
from screens.form import FormScreen
from screens.widgets.plain import Label, Static
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle, type_text

SIZE = (160, 48)


def stored(store, case_id) -> Case:
    with store.reader() as uow:
        return uow.session.get(Case, case_id)


async def open_withdraw(pilot, screen) -> FormScreen:
    index = [action_name(s) for s in screen.actions].index("withdraw")
    await pilot.press(str(index + 1))
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def test_a_stale_save_names_who_and_when_refreshes_the_file_and_keeps_what_was_typed(ui_store):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    cid = new_asylum_case(ui_store, actors["asylum"], pid)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await pilot.press("f9")  # in English
        await settle(pilot)
        app.open_case(cid)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseFileScreen) and screen.file.status == "lodged"
        seen = stored(ui_store, cid).version
        form = await open_withdraw(pilot, screen)
        with ui_store.uow() as uow:  # meanwhile another officer saves the case
            casework.perform(uow, actors["asylum2"], cid, "accept_for_examination", {"accepted_on": "2026-11-04"}, seen)
        await type_text(pilot, "21.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # the form stays open with what was typed
        assert form.query_one("#field-withdrawn_on", Input).value == "21.11.2026"
        message = str(form.query_one("#form-error", Label).render())
        assert message == "Changed by Otra Patvēruma at 10:00 — reload to see the change."
        # the stale file behind the form is read again: the other officer's step shows
        assert screen.file.version == seen + 1 and screen.file.status == "accepted_for_examination"
        assert "Status: accepted for examination" in str(screen.query_one("#case-header", Static).render())
        assert stored(ui_store, cid).closed_on is None  # nothing of the refused save is stored
        # saving the same stale form again is refused again: the officer has not seen the change yet
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and stored(ui_store, cid).version == seen + 1
        await pilot.press("escape")  # typed something: the form asks first
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        form = await open_withdraw(pilot, screen)  # on the refreshed file: the values come back
        assert form.query_one("#field-withdrawn_on", Input).value == "21.11.2026"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen and screen.file.status == "withdrawn"
    after = stored(ui_store, cid)
    assert after.version == seen + 2 and after.status == "withdrawn"


async def test_a_change_made_on_another_day_names_the_day_too(ui_store, fixed_clock):
    actors = ui_store.actors
    pid = new_person(ui_store, actors["asylum"])
    cid = new_asylum_case(ui_store, actors["asylum"], pid)
    fixed_clock.advance(hours=13)  # a late shift: 23:00 on 22.11.2026
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(cid)
        await settle(pilot)
        screen = app.screen
        seen = stored(ui_store, cid).version
        form = await open_withdraw(pilot, screen)
        with ui_store.uow() as uow:
            other = auth.login(uow, "patverums2", PASSWORD)  # the other officer, on the late shift too
        with ui_store.uow() as uow:  # saved at 23:00 on 22.11.2026 ...
            casework.perform(uow, other, cid, "accept_for_examination", {"accepted_on": "2026-11-04"}, seen)
        fixed_clock.advance(hours=2)  # ... and the officer saves after midnight (within the session's 12 hours)
        await type_text(pilot, "21.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        message = str(form.query_one("#form-error", Label).render())
        assert message == "Lietu mainīja Otra Patvēruma 22.11.2026 plkst. 23:00 — pārlādējiet, lai redzētu izmaiņas."
        assert form.query_one("#field-withdrawn_on", Input).value == "21.11.2026"
