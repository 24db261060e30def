"""The case number and the person's name to the clipboard (issue 18 point 9): App.copy_to_clipboard, which
also works over SSH (the terminal's own clipboard, OSC 52); names are data, never markup."""
from __future__ import annotations

from screens.app import DeskApp
from tests.ui.conftest import log_in, new_asylum_case, new_person, settle


async def test_c_copies_the_case_number_and_shift_c_the_name(ui_store):
    actor = ui_store.actors["asylum"]
    pid = new_person(ui_store, actor, surname="O'Brien-Ševčenko", given_names="Anna Marija")
    case_id = new_asylum_case(ui_store, actor, pid)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        app.open_case(case_id)
        await settle(pilot)
        number = app.screen.file.number
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == number
        await pilot.press("C")
        await settle(pilot)
        assert app.clipboard == "O'Brien-Ševčenko Anna Marija"  # as stored
        await pilot.press("p")  # the person's file
        await settle(pilot)
        app.copy_to_clipboard("")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "O'Brien-Ševčenko Anna Marija"
