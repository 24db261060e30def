"""Login, logout, the idle lock and help, driven with keys as an officer would."""
from __future__ import annotations

from textual.widgets import Label

from desk.services import audit
from screens.app import DeskApp
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.lock import LockScreen
from screens.login import LoginScreen
from tests.ui.conftest import log_in, settle, type_text

SIZE = (160, 48)


async def test_wrong_password_is_explained_and_right_one_lands_on_home(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum", "wrong-password")
        assert isinstance(app.screen, LoginScreen)
        assert str(app.screen.query_one("#login-error", Label).render()) == "Nepareizs lietotājvārds vai parole."
        await type_text(pilot, "demo-pass-1")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.actor.username == "patverums"
        bar = str(app.screen.query_one("OfficerBar").render())
        assert "Patverums Demo" in bar and "RIG-CEN" in bar and "22.11.2026" in bar
