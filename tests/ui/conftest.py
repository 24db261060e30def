"""UI test fixtures: a small SQLite store with officers (password "demo-pass-1"), a fixed clock, and helpers
to drive DeskApp with Pilot."""
from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, ROLE_USERS, populate


@pytest.fixture
def ui_store(sqlite_store, fixed_clock):
    """Officers of every role (office RIG-CEN) on SQLite, the clock at 22.11.2026 10:00 Riga."""
    actors = populate(sqlite_store)
    sqlite_store.actors = actors
    return sqlite_store


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish and their messages land."""
    for _ in range(rounds):
        # first let pending messages land: navigation is a message now (screens/navigation.py), so the
        # screen and its loading worker may not exist yet when settle is called
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):  # a worker still pending counts as busy
            break


async def type_text(pilot, text: str) -> None:
    """Type ``text`` as a terminal delivers fast typing or a paste: every key is queued before the first is
    handled, then the app is let to settle once. Pilot's ``press`` waits for idle twice after each key (about
    40 ms a key), which made typing most of the UI suite's time; bursts are also what tmux, ssh and the browser
    seat deliver (the login screen's burst fix, screens/login.py), so this is the harder case, not an easier
    one. Keys that move focus or submit (Enter, Tab) go through ``pilot.press`` between bursts."""
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for ch in text:
        key = "space" if ch == " " else (ch if ch.isalnum() else _character_to_key(ch))
        event = events.Key(key, ch)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def log_in(pilot, role: str = "asylum", password: str = PASSWORD) -> None:
    username = ROLE_USERS.get(role, role)
    await settle(pilot)
    await type_text(pilot, username)
    await pilot.press("enter")
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(pilot)


def lock_out(store, username: str) -> None:
    """As many wrong passwords for ``username`` as lock the account (auth.MAX_FAILED_LOGINS)."""
    from desk.errors import AuthError
    from desk.services import auth

    for _ in range(auth.MAX_FAILED_LOGINS):
        try:
            with store.uow() as uow:
                auth.login(uow, username, "wrong-password")
        except AuthError:
            pass


def new_person(store, actor, **over) -> int:
    from desk.services import persons

    raw = {"surname": "Bērziņš", "given_names": "Jānis", "date_of_birth": "01.05.1990", "citizenship": "UKR", **over}
    with store.uow() as uow:
        return persons.register_person(uow, actor, raw, allow_duplicate=True)


def new_asylum_case(store, actor, person_id: int, lodged: str = "2026-11-02", registered: str = "2026-11-02",
                    made: str | None = None) -> int:
    """An asylum application; one lodged from 12 June 2026 (Reg. 2024/1348) is made on its registration day
    unless ``made`` says otherwise."""
    from desk.services import casework

    raw = {"person_id": str(person_id), "lodged_on": lodged, "registered_on": registered}
    if made or lodged >= "2026-06-12":
        raw["made_on"] = made or registered
    with store.uow() as uow:
        return casework.register(uow, actor, "asylum", raw)
