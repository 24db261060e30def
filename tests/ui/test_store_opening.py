"""The first screen comes before the store (issue 17 cold start; issue 18 point 10): ``desk`` draws the login
screen at once and opens the store (for ``desk demo``, builds the demo store) behind it, with a progress bar;
the officer may type and press Enter meanwhile, and the login goes ahead once the store is open. A store
that cannot be opened ends the app, and the command line prints why."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

from textual.widgets import ProgressBar

from desk.errors import StoreError
from desk.i18n import t
from screens.app import DeskApp
from screens.home import HomeScreen
from screens.login import LoginScreen
from screens.widgets.plain import Label
from tests.conftest import PASSWORD, ROLE_USERS
from tests.ui.conftest import settle, type_text


async def _until(pilot, condition, rounds: int = 200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0.01)
        await pilot.pause()
    raise AssertionError("the screen never got there")


async def test_the_login_screen_is_up_while_the_store_opens_and_the_login_waits_for_it(ui_store):
    release, asked = threading.Event(), threading.Event()

    def opener(progress):
        progress("demo.step.persons", 0.4)
        asked.set()
        release.wait(10)
        return ui_store

    app = DeskApp(opener=opener, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, asked.is_set)
        await _until(pilot, lambda: app.screen.query_one("#store-bar", ProgressBar).progress == 0.4)
        screen = app.screen
        assert isinstance(screen, LoginScreen) and app.store is None
        assert not screen.query_one("#store-progress").has_class("-hidden")
        assert str(screen.query_one("#store-step", Label).render()) == t("demo.step.persons")

        await type_text(pilot, ROLE_USERS["asylum"])
        await pilot.press("enter")
        await type_text(pilot, PASSWORD)
        await pilot.press("enter")
        await pilot.pause()
        assert str(screen.query_one("#login-error", Label).render()) == t("ui.store.opening_wait")
        assert isinstance(app.screen, LoginScreen)  # nothing logged in before the store is there

        release.set()
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(pilot)
        assert app.store is ui_store and app.actor is not None
        assert app.store_error is None


async def test_a_store_that_cannot_be_opened_ends_the_app_with_its_reason(ui_store):
    def opener(_progress):
        raise StoreError("store.missing")

    app = DeskApp(opener=opener)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: app.store_error is not None)
        await pilot.pause()
    assert app.return_code == 2
    assert isinstance(app.store_error, StoreError) and app.store_error.key == "store.missing"


def test_the_command_line_says_why_a_store_cannot_be_opened(tmp_path):
    """``desk --db`` of a file that is not a store: the app ends, the sentence is printed, exit status 2."""
    bad = tmp_path / "notes.db"
    bad.write_text("not a database\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "desk.cli", "--lang", "en", "--db", str(bad)], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path),
                               "XDG_CONFIG_HOME": str(tmp_path), "TERM": "dumb",
                               "PYTHONPATH": ":".join(p for p in sys.path if p)})
    assert done.returncode == 2
    assert "This file is not a desk store." in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_the_first_screen_loads_no_database_code():
    """What ``desk`` imports before its first screen: not SQLAlchemy, SQLModel, the models, Alembic, the
    holiday calendar or the name matching (they load in the thread that opens the store)."""
    code = ("import sys\nimport desk.cli, desk.commands.app, screens.app, screens.login, screens.lock, "
            "screens.dialogs, screens.palette, seed.accounts\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'sqlalchemy', 'sqlmodel', 'models', 'alembic', 'holidays', 'rapidfuzz', 'anyascii', 'psycopg'})\n"
            "print(heavy)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(p for p in sys.path if p)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


async def test_a_password_typed_right_after_enter_goes_to_the_password_field(ui_store):
    """Keys arrive in a burst (tmux, ssh, the browser seat): the password typed right after the username's Enter
    lands in the password field, never in clear text in the username field."""
    from textual import events

    app = DeskApp(store=ui_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst = list(ROLE_USERS["asylum"]) + ["enter"] + list(PASSWORD) + ["enter"]
        for key in burst:  # all posted before any is handled
            app.post_message(events.Key(key, None if key == "enter" else key))
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(pilot)
        assert app.actor is not None and app.actor.username == ROLE_USERS["asylum"]


async def test_the_collector_held_by_the_program_is_turned_on_once_the_first_screen_is_drawn(ui_store):
    """Issue 17: the desk program holds the garbage collector off while it loads (desk.collector); the app
    turns it on, with what it loaded frozen, once the login screen is on the terminal - before the store
    is opened behind it, so a demo store's build is collected as it goes."""
    import gc

    from desk import collector

    opened_with: list[bool] = []

    def opener(progress):
        opened_with.append(gc.isenabled())
        return ui_store

    collector.hold()
    try:
        assert not gc.isenabled()
        app = DeskApp(opener=opener)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: bool(opened_with))
            assert isinstance(app.screen, LoginScreen)
            assert opened_with == [True] and gc.isenabled() and not collector.held()
            assert gc.get_freeze_count() > 0
    finally:
        collector.settle()
        gc.unfreeze()  # the test process's own objects back under the collector
        gc.enable()
