"""The screen lock: an opaque full screen over everything; only the same officer's password opens it.

The screens below (with any half-filled form) stay on the stack untouched; nothing of them is drawn.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Input

from screens.widgets.plain import Label

from desk.errors import explain
from desk.i18n import t
from screens.base import DeskScreen, shows_result


class LockScreen(DeskScreen):
    """Locked: shows the officer's username only, asks for the password."""

    BINDINGS = [Binding("enter", "unlock", "-", id="lock.unlock", show=False)]

    class Unlocked(Message):
        """The same officer's password: the screens below come back."""

        def __init__(self, _result=None) -> None:
            super().__init__()

    class UnlockFailed(Message):
        """A wrong password (counted toward the lockout): said under the field."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, actor) -> None:
        super().__init__(id="lock-screen")
        self.actor = actor

    def compose(self) -> ComposeResult:
        with Center():
            with Vertical(id="lock-box", classes="dialog"):
                yield Label(t("ui.lock.title"), classes="dialog-title", id="lock-title")
                yield Label(t("ui.lock.who", username=self.actor.username), id="lock-who")
                yield Input(id="unlock-password", password=True, placeholder=t("ui.login.password"))
                yield Label("", id="lock-error", classes="field-error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def redraw_texts(self) -> None:
        self.query_one("#lock-title", Label).update(t("ui.lock.title"))
        self.query_one("#lock-who", Label).update(t("ui.lock.who", username=self.actor.username))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_unlock()

    def action_unlock(self) -> None:
        password = self.query_one(Input).value
        self.query_one(Input).value = ""
        self.check_password(password)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def check_password(self, password: str) -> None:
        from desk.services import auth  # in the worker (this module is read before the first screen)

        self.serve(self.Unlocked, auth.verify_unlock, self.actor, password, failed=self.UnlockFailed)

    @on(Unlocked)
    @shows_result
    def unlocked(self) -> None:
        self.app.unlocked()

    @on(UnlockFailed)
    def unlock_failed(self, message: UnlockFailed) -> None:
        self.query_one("#lock-error", Label).update(explain(message.error))
