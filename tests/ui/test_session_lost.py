"""A session ended elsewhere takes the officer back to the login screen (issue 15 point 2): an administrator
ends it (or disables the officer, or resets the password); the desk's next service call is refused, and the app
says why and shows the login instead of repeating the refusal on every key."""
from __future__ import annotations

from desk.services import auth
from screens.app import DeskApp
from screens.home import HomeScreen
from screens.login import LoginScreen
from tests.ui.conftest import log_in, settle


async def test_an_ended_session_goes_back_to_the_login(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        assert isinstance(app.screen, HomeScreen)
        with ui_store.uow() as uow:
            auth.end_sessions(uow, ui_store.actors["administrator"], "patverums")
        await pilot.press("f5")  # the worklist is read again: the session is over
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen) and app.actor is None
        assert any("esij" in n.message for n in app._notifications)  # "Sesija ..." said why
