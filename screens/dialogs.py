"""Small modal dialogs that return a value with ``dismiss`` (the frogmouth way)."""
from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from screens.widgets.plain import Label, Option, OptionList

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
