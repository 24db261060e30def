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


async def test_logout_returns_to_login_and_is_audited(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "residence")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.actor is None
        assert len(app.screen_stack) == 2  # the default screen and the login: nothing else kept
    with ui_store.reader() as uow:
        actions = [e.action for e in audit.entries(uow, limit=10)]
    assert "auth.logout" in actions


async def open_registration_form(pilot) -> None:
    """As the asylum officer: n, the first kind (asylum), the person "by id" option -> the form."""
    await pilot.press("n")
    await settle(pilot)
    await pilot.press("enter")  # asylum (first of asylum, Dublin)
    await settle(pilot)
    await pilot.press("end", "enter")  # "type the person's id in the form"
    await settle(pilot)


async def test_idle_lock_hides_everything_and_keeps_the_half_filled_form(ui_store, fixed_clock):
    from screens.form import FormScreen
    from textual.widgets import Input

    app = DeskApp(store=ui_store, idle_minutes=10, idle_check_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "asylum")
        await open_registration_form(pilot)
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "42")
        fixed_clock.advance(minutes=9)
        await pilot.pause(0.2)
        assert not app.locked
        await type_text(pilot, "42")  # a key resets the idle time
        fixed_clock.advance(minutes=9)
        await pilot.pause(0.2)
        assert not app.locked
        fixed_clock.advance(minutes=2)
        await pilot.pause(0.2)
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        shot = app.export_screenshot()
        assert "4242" not in shot and "Patverums Demo" not in shot  # nothing of the screens below shows
        await type_text(pilot, "wrong-pass")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        assert "Nepareizs" in str(app.screen.query_one("#lock-error", Label).render())
        await type_text(pilot, "demo-pass-1")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-person_id", Input).value == "4242"
    with ui_store.reader() as uow:
        actions = [e.action for e in audit.entries(uow, limit=20)]
    assert "auth.lock" in actions and "auth.unlock" in actions


async def test_ctrl_l_locks_at_once(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "return")
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("f10")  # logging out is not possible from the lock
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)


async def test_f1_lists_the_keys_of_the_screen_and_the_global_keys(ui_store):
    from desk.i18n import set_language

    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "supervisor")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        screen_keys = dict((desc, key) for key, desc in app.screen.screen_keys)
        global_keys = dict((desc, key) for key, desc in app.screen.global_keys)
        assert "Nodot citam" in screen_keys and "Atvērt lietu" in screen_keys  # supervisor: reassign shown
        assert "Bloķēt ekrānu" in global_keys and "Iziet no konta" in global_keys
        await pilot.press("escape")
        await pilot.press("f9")  # English
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        keys = [desc for _, desc in app.screen.screen_keys]
        assert "Reassign" in keys and "Open case" in keys
        set_language("lv")


async def test_help_hides_keys_the_role_cannot_use(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "reception")
        await pilot.press("f1")
        await settle(pilot)
        keys = [desc for _, desc in app.screen.screen_keys]
        assert "Nodot citam" not in keys


async def test_demo_store_lists_the_demo_accounts_on_the_login_screen(ui_store):
    from seed.demo import DEMO_OFFICERS
    from textual.widgets import Static

    app = DeskApp(store=ui_store, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = str(app.screen.query_one("#demo-accounts", Static).render())
        for username, password, *_ in DEMO_OFFICERS:
            assert username in listed and password in listed
    app = DeskApp(store=ui_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query("#demo-accounts")
