"""The login screen: username, password, Enter. Errors in the officer's language; demo accounts listed."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Footer, Input, ProgressBar

from screens.widgets.plain import Label, Static

from desk.errors import explain
from desk.i18n import t
from screens.base import DeskScreen, shows_result
from screens.dialogs import ChangePasswordDialog

if TYPE_CHECKING:
    from desk.services import auth


def demo_accounts() -> list[tuple[str, str, str]]:
    """(username, password, role) of the demo store, if the demo seed is installed."""
    try:
        from seed.accounts import DEMO_OFFICERS
    except Exception:  # the demo seed is optional
        return []
    return [(row[0], row[1], row[2]) for row in DEMO_OFFICERS]  # (username, password, role, full name)


class UsernameInput(Input):
    """The username field. Keys arrive in bursts (tmux, ssh, the browser seat) and Textual queues them all on
    the field that has the focus, while Enter's binding runs only once the key has bubbled up: a password
    typed right after Enter ran on into the username field, in clear text. So Enter is handled here, at once,
    and the keys already queued behind it are passed on, in order, to the password field until this field
    has the focus again."""

    _passing_on = False

    async def _on_key(self, event: events.Key) -> None:
        password = self.screen.query_one("#password", Input)
        if self._passing_on:
            event.prevent_default()
            event.stop()
            password.post_message(events.Key(event.key, event.character))
            return
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self._passing_on = True
            self.screen.set_focus(password)
            await self.action_submit()  # the screen's on_input_submitted, as before
            return
        await super()._on_key(event)

    def _on_focus(self, event: events.Focus) -> None:
        self._passing_on = False
        super()._on_focus(event)


class LoginScreen(DeskScreen):
    """Who is at the desk."""

    BINDINGS = [Binding("enter", "login", "-", id="login.submit", show=True)]

    class LoggedIn(Message):
        """The password was right: the officer's session begins."""

        def __init__(self, actor: auth.Actor) -> None:
            super().__init__()
            self.actor = actor

    class LoginFailed(Message):
        """Wrong password, locked or disabled account: said under the fields."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.demo = demo

    def compose(self) -> ComposeResult:
        with Center():
            with Vertical(id="login-box", classes="dialog"):
                yield Label(t("ui.login.title"), classes="dialog-title", id="login-title")
                yield Label(t("ui.login.username"), id="username-label")
                yield UsernameInput(id="username", placeholder=t("ui.login.username"))
                yield Label(t("ui.login.password"), id="password-label")
                yield Input(id="password", password=True, placeholder=t("ui.login.password"))
                yield Label("", id="login-error", classes="field-error")
                # the store opening (the demo's first build) behind this screen: the officer can type meanwhile
                with Vertical(id="store-progress", classes="-hidden" if self.app.store_ready.is_set() else ""):
                    yield Label(t("demo.step.opening"), id="store-step")
                    yield ProgressBar(total=1.0, show_eta=False, id="store-bar")
                if self.demo:
                    accounts = demo_accounts()
                    if accounts:
                        lines = [t("ui.login.demo_accounts")] + [
                            f"  {u:<14} {p:<19} {t('role.' + r) if r else ''}" for u, p, r in accounts]
                        yield Static("\n".join(lines), id="demo-accounts")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#username", Input).focus()
        # the key line comes a frame after the box the officer types into: Textual's Footer fills itself
        # only once the screen's bindings are known anyway, and building it (a widget per key) was a sixth
        # of the time to the first screen (bench/startup.py)
        self.call_after_refresh(self._add_footer)

    async def _add_footer(self) -> None:
        await self.mount(Footer(show_command_palette=False))
        self.refresh_bindings()  # the footer fills itself when the bindings are announced: again, for it

    def show_store_progress(self, step: str | None, fraction: float) -> None:
        """The app's store is opening: ``step`` (a catalogue key) and how far; ``None`` once it is open."""
        box = self.query_one("#store-progress")
        if step is None:
            box.add_class("-hidden")
            return
        self._store_step = step
        box.remove_class("-hidden")
        self.query_one("#store-step", Label).update(t(step))
        self.query_one("#store-bar", ProgressBar).update(progress=fraction)

    def redraw_texts(self) -> None:
        step = getattr(self, "_store_step", None)
        if step is not None:
            self.query_one("#store-step", Label).update(t(step))
        self.query_one("#login-title", Label).update(t("ui.login.title"))
        self.query_one("#username-label", Label).update(t("ui.login.username"))
        self.query_one("#password-label", Label).update(t("ui.login.password"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "username":
            self.query_one("#password", Input).focus()
        else:
            self.action_login()

    def action_login(self) -> None:
        username = self.query_one("#username", Input).value.strip().lower()
        password = self.query_one("#password", Input).value
        if not username:
            self.query_one("#username", Input).focus()
            return
        waiting = not self.app.store_ready.is_set()  # the login goes ahead once the store is open
        self.query_one("#login-error", Label).update(t("ui.store.opening_wait" if waiting else "ui.login.checking"))
        self._tried = (username, password)
        self.check_login(username, password)

    @work(thread=True, exclusive=True, group="login", exit_on_error=False)
    def check_login(self, username: str, password: str) -> None:
        from desk.services import auth  # in the worker: the login screen draws before the services load

        self.serve(self.LoggedIn, auth.login, username, password, failed=self.LoginFailed)

    def password_changed(self, actor) -> None:
        if actor is not None:
            self.query_one("#login-error", Label).update("")
            self.app.logged_in(actor)

    @on(LoggedIn)
    @shows_result
    def logged_in(self, message: LoggedIn) -> None:
        self.query_one("#password", Input).value = ""
        self.query_one("#login-error", Label).update("")
        self.app.logged_in(message.actor)

    @on(LoginFailed)
    def login_failed(self, message: LoginFailed) -> None:
        tried, self._tried = getattr(self, "_tried", None), None
        self.query_one("#password", Input).value = ""
        if getattr(message.error, "key", "") == "auth.password_change_required" and tried:
            # an administrator set this password: the officer chooses their own before anything else
            self.query_one("#login-error", Label).update(explain(message.error))
            self.app.push_screen(ChangePasswordDialog(*tried), self.password_changed)
            return
        self.query_one("#login-error", Label).update(explain(message.error))
        self.query_one("#password", Input).focus()
