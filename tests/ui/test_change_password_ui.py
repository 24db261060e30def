"""After an administrator's reset the officer chooses their own password at the desk (issue 15 point 3): the
login opens a dialog asking for the new one twice (masked) and, once it is set, the officer is in."""
from __future__ import annotations

from textual.widgets import Input

from desk.services import auth
from screens.app import DeskApp
from screens.dialogs import ChangePasswordDialog
from screens.home import HomeScreen
from tests.conftest import PASSWORD
from tests.ui.conftest import log_in, settle, type_text

NEW = "my-own-pass-42"


async def test_a_password_set_by_an_administrator_is_changed_at_first_login(ui_store):
    with ui_store.uow() as uow:
        auth.create_officer(uow, ui_store.actors["administrator"], username="jauna", full_name="Jauna Darbiniece",
                            office_code="RIG-CEN", roles="asylum", password=PASSWORD)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "jauna", PASSWORD)
        dialog = app.screen
        assert isinstance(dialog, ChangePasswordDialog)
        assert all(i.password for i in dialog.query(Input))  # masked
        await type_text(pilot, NEW)
        await pilot.press("enter")
        await type_text(pilot, NEW + "x")  # a slip: refused, asked again
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        await type_text(pilot, NEW)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.actor.username == "jauna"
    with ui_store.uow() as uow:  # the given password no longer opens the desk; the officer's own does
        assert auth.login(uow, "jauna", NEW).username == "jauna"
