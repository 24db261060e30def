"""Officer administration on screen (issue 18 point 8): an administrator's home is the officers screen; adding,
disabling, resetting a password, changing roles and confirming a supervisor grant go through desk.services.auth,
whose refusals are shown in the officer's language while nothing is saved."""
from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input

from desk.errors import AuthError
from desk.i18n import t
from desk.services import auth
from screens.app import DeskApp
from screens.dialogs import ChangePasswordDialog, ConfirmDialog
from screens.home import HomeScreen
from screens.officers import AddOfficerDialog, OfficersScreen, ResetPasswordDialog, RolesDialog
from tests.conftest import PASSWORD
from tests.ui.conftest import lock_out, log_in, settle, type_text

SIZE = (160, 48)
NEW_PASSWORD = "pagaidu-parole-7"


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def officers_in(store) -> dict[str, auth.OfficerView]:
    with store.uow() as uow:
        admin = auth.login(uow, "admin", PASSWORD)
    with store.reader() as uow:
        return {o.username: o for o in auth.list_officers(uow, admin)}


async def highlight(pilot, username: str) -> None:
    table = pilot.app.screen.query_one("#officers-table")
    keys = [r.value for r in table.rows.keys()]
    table.focus()
    table.move_cursor(row=keys.index(username))
    await settle(pilot)


async def discard(pilot) -> None:
    """Esc on a dialog holding typed input asks first; yes."""
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.press("y")
    await settle(pilot)
    assert isinstance(pilot.app.screen, OfficersScreen)


async def fill_new_officer(pilot, username: str, name: str, roles: tuple[str, ...], password: str,
                           again: str | None = None) -> AddOfficerDialog:
    await pilot.press("a")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, AddOfficerDialog)
    await type_text(pilot, username)
    await pilot.press("tab")
    await type_text(pilot, name)
    for role in roles:
        dialog.query_one(f"#role-{role}", Checkbox).value = True
    dialog.query_one("#field-password", Input).focus()
    await type_text(pilot, password)
    await pilot.press("enter")  # to the second password
    await type_text(pilot, password if again is None else again)
    await pilot.press("enter")  # the last field: saves
    await settle(pilot)
    return dialog


async def test_the_administrators_home_is_the_officers_screen_and_no_one_elses(ui_store):
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        screen = app.screen
        assert isinstance(screen, OfficersScreen)
        rows = {r.value for r in screen.query_one("#officers-table").rows.keys()}
        assert {"admin", "patverums", "vaditajs", "recepcija"} <= rows
        assert t("ui.palette.officers") in [c.title for c in app.palette_commands(screen)]
        from screens.help import keys_of

        screen_keys = dict((text, key) for key, text in keys_of(app, screen)[0])
        for what, key in (("add", "a"), ("disable", "d"), ("password", "p"), ("roles", "r"), ("unlock", "u"),
                          ("confirm", "c")):
            assert screen_keys[t(f"ui.key.officers.{what}")] == key  # in F1, from the bindings the footer shows
        assert t("ui.key.officers.back") not in screen_keys  # the home: nothing to go back to
        await pilot.press("f10")
        await settle(pilot)
        await log_in(pilot, "supervisor")
        assert isinstance(app.screen, HomeScreen)
        assert t("ui.palette.officers") not in [c.title for c in app.palette_commands(app.screen)]
        app.action_officers()  # no permission: nothing opens
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_an_officer_added_on_screen_logs_in_and_must_change_the_password(ui_store):
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        await fill_new_officer(pilot, "Jauna.Ozola", "Jauna Ozola", ("asylum",), NEW_PASSWORD)
        assert isinstance(app.screen, OfficersScreen)
        await settle(pilot)
        assert "jauna.ozola" in {r.value for r in app.screen.query_one("#officers-table").rows.keys()}
        assert "jauna.ozola" in text_of(app.screen, "#officers-status")
        new = officers_in(ui_store)["jauna.ozola"]
        assert (new.full_name, new.office_code, new.roles, new.active, new.must_change_password) == (
            "Jauna Ozola", "RIG-CEN", ("asylum",), True, True)
        await pilot.press("f10")
        await log_in(pilot, "jauna.ozola", NEW_PASSWORD)
        assert isinstance(app.screen, ChangePasswordDialog)  # the password was the administrator's
        await type_text(pilot, "mana-parole-42")
        await pilot.press("enter")
        await type_text(pilot, "mana-parole-42")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.actor.username == "jauna.ozola"


async def test_bad_input_is_shown_in_the_dialog_and_nothing_is_saved(ui_store):
    before = set(officers_in(ui_store))
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        dialog = await fill_new_officer(pilot, "patverums", "Kāds Cits", ("asylum",), NEW_PASSWORD)
        assert app.screen is dialog
        assert text_of(dialog, "#error-username") == t("auth.username_taken", username="patverums")
        assert dialog.query_one("#field-full_name", Input).value == "Kāds Cits"  # what was typed stays
        assert dialog.query_one("#field-password", Input).value == ""  # passwords are typed again
        await discard(pilot)

        dialog = await fill_new_officer(pilot, "jauns", "Jauns Darbinieks", ("asylum",), NEW_PASSWORD,
                                        again=NEW_PASSWORD + "x")
        assert app.screen is dialog
        assert text_of(dialog, "#error-password_again") == t("ui.password.differ")
        await discard(pilot)

        dialog = await fill_new_officer(pilot, "jauns", "Jauns Darbinieks", (), NEW_PASSWORD)
        assert app.screen is dialog
        assert text_of(dialog, "#error-roles") == t("auth.no_role")

        dialog.query_one("#role-supervisor", Checkbox).value = True  # supervisor alone: it waits, so refused
        dialog.query_one("#field-password", Input).focus()
        await type_text(pilot, NEW_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, NEW_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(dialog, "#error-roles") == t("auth.confirmed_role_alone")
        await discard(pilot)
    assert set(officers_in(ui_store)) == before


async def test_a_reset_makes_the_officer_change_the_password_and_ends_their_sessions(ui_store):
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        await highlight(pilot, "patverums")
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ResetPasswordDialog)
        assert all(i.password for i in dialog.query(Input))  # masked
        await type_text(pilot, NEW_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, NEW_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OfficersScreen)
        assert officers_in(ui_store)["patverums"].must_change_password
        row = app.screen.query_one("#officers-table").get_row("patverums")
        assert str(row[-1]) == t("ui.person.yes")
        await pilot.press("f10")
        await log_in(pilot, "patverums", NEW_PASSWORD)
        assert isinstance(app.screen, ChangePasswordDialog)
    with pytest.raises(AuthError) as ended, ui_store.uow() as uow:  # the officer's session ended with the reset
        auth.ensure_live(uow, ui_store.actors["asylum"])
    assert ended.value.key == "auth.session_ended"  # ended by the reset (end_reason "password")


async def test_disabling_the_last_administrator_is_refused_with_the_services_words(ui_store):
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        await highlight(pilot, "admin")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, OfficersScreen)
        assert text_of(app.screen, "#officers-status") == t("auth.last_administrator")
        assert officers_in(ui_store)["admin"].active

        await highlight(pilot, "patverums2")  # another officer: disabled, then enabled again
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not officers_in(ui_store)["patverums2"].active
        assert str(app.screen.query_one("#officers-table").get_row("patverums2")[4]) == t("ui.officers.disabled")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert officers_in(ui_store)["patverums2"].active


async def test_a_lockout_shows_and_is_cleared(ui_store):
    lock_out(ui_store, "recepcija")
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        table = app.screen.query_one("#officers-table")
        assert str(table.get_row("recepcija")[5]) == "22.11.2026 10:15"  # the fixed clock's 10:00 + 15 min
        await highlight(pilot, "recepcija")
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert str(table.get_row("recepcija")[5]) == ""
    with ui_store.uow() as uow:
        assert auth.login(uow, "recepcija", PASSWORD).username == "recepcija"


async def test_supervisor_needs_a_second_administrators_confirmation(ui_store):
    with ui_store.uow() as uow:
        auth.create_officer(uow, None, username="admin2", full_name="Otrs Administrators", office_code="RIG-CEN",
                            roles="administrator", password=PASSWORD, bootstrap=True)
    app = DeskApp(store=ui_store, idle_minutes=600)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "administrator")
        await highlight(pilot, "admin")  # one's own roles: the service refuses, in the dialog
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RolesDialog)
        dialog.query_one("#role-asylum", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and text_of(dialog, "#error-dialog") == t("auth.own_roles")
        await discard(pilot)

        await highlight(pilot, "patverums")
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#role-supervisor", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OfficersScreen)
        assert officers_in(ui_store)["patverums"].roles == ("asylum",)  # not yet
        grants = app.screen.query_one("#grants-table")
        assert grants.row_count == 1
        grants.focus()
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert text_of(app.screen, "#officers-status") == t("auth.confirm_by_another")
        assert officers_in(ui_store)["patverums"].roles == ("asylum",)

        await pilot.press("f10")
        await settle(pilot)
        await log_in(pilot, "admin2")
        assert isinstance(app.screen, OfficersScreen)
        app.screen.query_one("#grants-table").focus()
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert officers_in(ui_store)["patverums"].roles == ("asylum", "supervisor")
        assert app.screen.query_one("#grants-table").row_count == 0
