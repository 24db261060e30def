"""For every case kind, with keys only: register the person and the case, then perform one transition;
check what the officer sees and what the store holds. Also a stale save (conflict) and field errors."""
from __future__ import annotations

import pytest
from sqlmodel import select
from textual.widgets import Checkbox, Input, Label, Select, Static

from desk.services import casework
from desk.services.labels import status_label
from models import Case
from screens.app import DeskApp
from screens.casefile import CaseFileScreen, action_name
from screens.dialogs import PickDialog
from screens.form import FormScreen
from screens.home import HomeScreen
from screens.person_picker import PersonPicker
from tests.ui.conftest import log_in, settle, type_text

SIZE = (160, 48)

PERSON = {"surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "01.05.1990", "citizenship": "UKR"}

# kind: (role, registration values, action, action values beyond its required dates)
ACTION_DAY = "2026-11-21"  # every required date of the action not named (decided on, replied on, ...)
KINDS = {
    "asylum": ("asylum", {"lodged_on": "2026-11-03", "registered_on": "2026-11-02", "made_on": "2026-11-02"},
               "accept_for_examination", {}),
    "dublin": ("asylum", {"direction": "incoming", "request_kind": "take_back", "partner_country": "FIN",
                          "registered_on": "2026-11-01", "received_on": "2026-11-20"},
               "accept", {}),
    "permit": ("residence", {"permit_kind": "temporary", "purpose": "study", "applied_on": "2026-11-10"},
               "refuse", {"reason": "permit.insufficient_means"}),
    "visa": ("residence", {"category": "C", "applied_on": "2026-11-21"},
             "issue", {"valid_from": "2026-11-22", "valid_until": "2027-01-15", "days_allowed": "40"}),
    "invitation": ("reception", {"invitation_kind": "invitation", "inviter_kind": "company",
                                 "inviter_name": "SIA Tests", "inviter_code": "40003000000",
                                 "submitted_on": "2026-11-20"},
                   "approve", {}),
    "return": ("return", {"decision_kind": "voluntary", "grounds": "overstay", "issued_on": "2026-11-20",
                          "departure_days": "14"},
               "notify", {}),
}


async def pick(pilot, value: str) -> None:
    """In a PickDialog, move to the option ``value`` with the arrow keys and press Enter."""
    dialog = pilot.app.screen
    assert isinstance(dialog, PickDialog), dialog
    index = [v for v, _ in dialog.options].index(value)
    await pilot.press("home", *["down"] * index, "enter")
    await settle(pilot)


async def fill_form(pilot, values: dict) -> None:
    """Fill the open form with keys: Tab from field to field, typing text, Space for a check box, Enter and
    arrows in a drop-down; fields not named in ``values`` are left as they are."""
    form = pilot.app.screen
    assert isinstance(form, FormScreen), form
    for i, spec in enumerate(form.spec.fields):
        widget = form.query_one(f"#field-{spec.name}")
        assert pilot.app.focused is widget, (spec.name, pilot.app.focused)
        if spec.name in values:
            value = values[spec.name]
            if isinstance(widget, Checkbox):
                if bool(value) != widget.value:
                    await pilot.press("space")
            elif isinstance(widget, Select):
                codes = [c for c, _ in spec.choices]
                index = codes.index(value) + (1 if widget._allow_blank else 0)
                await pilot.press("enter")
                await pilot.pause()
                await pilot.press("home", *["down"] * index, "enter")
                await pilot.pause()
            else:
                assert widget.value == "", spec.name  # only empty fields are typed into
                await type_text(pilot, str(value))
        if i < len(form.spec.fields) - 1:
            await pilot.press("tab")
            await pilot.pause()


def store_case(store, case_id):
    with store.reader() as uow:
        return uow.session.get(Case, case_id)


@pytest.mark.parametrize("kind", list(KINDS))
async def test_register_every_kind_with_keys_and_perform_a_transition(ui_store, kind):
    role, values, action, action_values = KINDS[kind]
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, role)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await settle(pilot)
        if isinstance(app.screen, PickDialog) and "new" not in [v for v, _ in app.screen.options]:
            await pick(pilot, kind)
        await pick(pilot, "new")
        await fill_form(pilot, PERSON)
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen) and form.spec.id == f"register.{kind}"
        person_field = "person_ids" if kind == "invitation" else "person_id"
        person_id, = form.query_one(f"#picker-{person_field}", PersonPicker).value  # shown by name, held by id
        await fill_form(pilot, values)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseFileScreen), app.screen
        case = store_case(ui_store, screen.case_id)
        assert case.kind == kind and case.person_id == person_id
        header = str(screen.query_one("#case-header", Static).render())
        assert case.number in header and "Bērziņš Jānis" in header
        before = case.status
        names = [action_name(spec) for spec in screen.actions]
        with ui_store.uow() as uow:
            assert names == [action_name(s) for s in casework.actions_for(uow, ui_store.actors["supervisor"], case.id)]
        await pilot.press(str(names.index(action) + 1))
        await settle(pilot)
        spec = app.screen.spec
        dates = {f.name: ACTION_DAY for f in spec.fields if f.required and f.type.value == "date"}
        await fill_form(pilot, {**dates, **action_values})
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, str(app.screen.query_one("#form-error", Label).render())
        after = store_case(ui_store, case.id)
        assert after.status != before and after.version == case.version + 1
        assert screen.file.status == after.status
        assert status_label(case.kind, after.status) in str(screen.query_one("#case-header", Static).render())


async def test_a_possible_duplicate_is_offered_and_can_be_picked(ui_store):
    from tests.ui.conftest import new_person

    existing = new_person(ui_store, ui_store.actors["return"])
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "return")
        await pilot.press("n")
        await settle(pilot)
        await pick(pilot, "new")
        await fill_form(pilot, {"surname": "BERZINS", "given_names": "JANIS", "date_of_birth": "1990-05-01",
                                "citizenship": "UKR"})
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        assert [v for v, _ in dialog.options] == [str(existing), "new"]
        assert "Bērziņš Jānis" in dialog.options[0][1]
        await pick(pilot, str(existing))
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen) and form.spec.id == "register.return"
        picker = form.query_one("#picker-person_id", PersonPicker)
        assert picker.value == (existing,)
        assert "Bērziņš Jānis · 01.05.1990 · UKR" in str(picker.query_one("#picked-person_id", Static).render())
    with ui_store.reader() as uow:
        from models import Person

        assert len(uow.session.exec(select(Person.id)).all()) == 1  # nobody new was registered
