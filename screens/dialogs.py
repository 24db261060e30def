"""Small modal dialogs that return a value with ``dismiss`` (the frogmouth way)."""
from __future__ import annotations

from typing import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from screens.widgets.plain import Label, Option, OptionList

from desk.errors import explain
from desk.i18n import t
from screens.base import DeskModal


class ConfirmDialog(DeskModal[bool]):
    """Ask a yes/no question; Enter or y says yes, Escape or n says no."""

    BINDINGS = [
        Binding("y", "answer(True)", "-", id="confirm.yes"),
        Binding("j", "answer(True)", "-", id="confirm.yes_lv", show=False),  # "jā" in Latvian
        Binding("enter", "answer(True)", "-", id="confirm.yes_enter", show=False),
        Binding("n", "answer(False)", "-", id="confirm.no"),
        Binding("escape", "answer(False)", "-", id="confirm.no_escape", show=False),
    ]

    def __init__(self, question_key: str, **params) -> None:
        super().__init__()
        self.question_key = question_key
        self.params = params

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t(self.question_key, **self.params), id="question")
            yield Label(t("ui.dialog.yes_no"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickDialog(DeskModal[str | None]):
    """Pick one of several options (value, text); Enter picks, Escape returns None."""

    BINDINGS = [
        Binding("escape", "cancel", "-", id="pick.cancel"),
    ]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], *, hint: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            if self.hint:
                yield Label(self.hint, classes="hint")
            yield OptionList(*[Option(text, id=value) for value, text in self.options], id="choices")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(OptionList).focus()
        if self.options:
            self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def merge_reason_dialog(survivor_id: int, duplicate_id: int | None = None) -> PickDialog:
    """Why a record (this one, or ``duplicate_id``) is the person ``survivor_id`` (issue 19): the reasons a
    merge is recorded with. The person file's merge and the duplicates report ask the same way; the answer
    is a code of ``merge.MERGE_REASONS``."""
    from desk.services import merge  # when asked: the login screen draws before the services load

    options = [(code, t(f"merge.reason.{code}")) for code in merge.MERGE_REASONS]
    title = (t("ui.person.merge_why", survivor=survivor_id) if duplicate_id is None
             else t("ui.duplicates.merge_why", duplicate=duplicate_id, survivor=survivor_id))
    return PickDialog(title, options)


class ChangePasswordDialog(DeskModal["auth.Actor | None"]):
    """After an administrator's reset the officer chooses their own password before anything else (issue
    15 point 3): the new one twice (masked), proving the one they were given; dismisses with the session."""

    BINDINGS = [Binding("escape", "cancel", "-", id="password.cancel")]

    class Changed(Message):
        def __init__(self, actor) -> None:
            super().__init__()
            self.actor = actor

    class Refused(Message):
        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, username: str, given_password: str) -> None:
        super().__init__()
        self.username = username
        self.given_password = given_password

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("ui.password.title"), classes="dialog-title")
            yield Label(t("ui.password.why"))
            yield Label(t("ui.password.new"))
            yield Input(id="new-password", password=True)
            yield Label(t("ui.password.again"))
            yield Input(id="new-password-again", password=True)
            yield Label("", id="password-error", classes="field-error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#new-password", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "new-password":
            self.query_one("#new-password-again", Input).focus()
            return
        new, again = (self.query_one(f"#{i}", Input).value for i in ("new-password", "new-password-again"))
        if new != again:
            self.query_one("#password-error", Label).update(t("ui.password.differ"))
            self.query_one("#new-password-again", Input).value = ""
            return
        self.change(new)

    @work(thread=True, exclusive=True, group="password", exit_on_error=False)
    def change(self, new: str) -> None:
        from desk.services import auth  # in the worker: the login screen draws before the services load

        self.serve(self.Changed, auth.change_password, self.username, self.given_password, new, failed=self.Refused)

    @on(Changed)
    def changed(self, message: Changed) -> None:
        self.dismiss(message.actor)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self.query_one("#password-error", Label).update(explain(message.error))
        for i in ("new-password", "new-password-again"):
            self.query_one(f"#{i}", Input).value = ""
        self.query_one("#new-password", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
