"""Who may be what, on screen (issue 14 point 5): the asylum form of a person who applied before opens as
"repeat"; choosing "first" is refused under the field, in the officer's language, until confirmed; a
Latvian citizen's application is refused with the reason and nothing is saved."""
from __future__ import annotations

from sqlmodel import select
from textual.widgets import Checkbox, Select

from models import AsylumApplication, Case
from screens.app import DeskApp
from screens.form import FormScreen
from screens.register import Registration
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle

SIZE = (160, 48)


def _asylum_cases(store, person_id):
    with store.reader() as uow:
        return uow.session.exec(select(Case.id).where(Case.person_id == person_id, Case.kind == "asylum")).all()


async def _open_form(pilot, person_id: int) -> FormScreen:
    registration = Registration(pilot.app)
    registration.kind = "asylum"
    registration.open_form(person_id)
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def test_a_person_who_applied_before_is_offered_repeat_and_first_asks_for_confirmation(ui_store):
    actor = ui_store.actors["asylum"]
    pid = new_person(ui_store, actor)
    new_asylum_case(ui_store, actor, pid)
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        form = await _open_form(pilot, pid)
        assert form.query_one("#field-application_type", Select).value == "repeat"
        form.query_one("#field-lodged_on").value = "2026-11-03"
        form.query_one("#field-registered_on").value = "2026-11-02"
        form.query_one("#field-made_on").value = "2026-11-02"
        form.query_one("#field-application_type", Select).value = "first"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # refused: the form stays open
        assert "atkārtot" in str(form.query_one("#error-application_type").render())
        assert len(_asylum_cases(ui_store, pid)) == 1
        form.query_one("#field-first_confirmed", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    ids = _asylum_cases(ui_store, pid)
    assert len(ids) == 2
    with ui_store.reader() as uow:
        row = uow.session.get(AsylumApplication, max(ids))
        assert (row.application_type, row.first_confirmed) == ("first", True)


async def test_a_latvian_citizen_s_application_is_refused_with_the_reason(ui_store):
    actor = ui_store.actors["asylum"]
    pid = new_person(ui_store, actor, citizenship="LVA")
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        form = await _open_form(pilot, pid)
        assert form.query_one("#field-application_type", Select).value is Select.NULL  # nothing before: desk decides
        form.query_one("#field-lodged_on").value = "2026-11-03"
        form.query_one("#field-registered_on").value = "2026-11-02"
        form.query_one("#field-made_on").value = "2026-11-02"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "Latvijas pilsonis" in str(form.query_one("#error-person_id").render())
    assert _asylum_cases(ui_store, pid) == []
