"""The worklist's filter: a small modal (``f`` on the home screen) that returns a ``views.WorklistFilter``.

Kind, status, deadline state and - for a supervisor looking at the office - the officer, each a Select
whose blank choice is "any". The statuses offered are the chosen kind's, or every kind's when none is
chosen. Ctrl+S applies, Ctrl+R clears every choice, Escape leaves the worklist as it was.
"""
from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Select

from desk.i18n import t
from desk.services.labels import kind_label, label, status_label
from desk.services.views import DueState, WorklistChoices, WorklistFilter
from screens.base import DeskModal
from screens.widgets.plain import Label

FIELDS = ("kind", "status", "due", "officer")


def status_options(choices: WorklistChoices, kind: str | None) -> list[tuple[Text, str]]:
    """The statuses of ``kind`` in the order of its rules; of every kind (each code once) when None."""
    kinds = [kind] if kind else choices.kinds
    words: dict[str, list[str]] = {}
    for k in kinds:
        for code in choices.statuses.get(k, []):
            word = status_label(k, code)
            if word not in words.setdefault(code, []):
                words[code].append(word)
    return [(Text(" / ".join(shown)), code) for code, shown in words.items()]


class WorklistFilterDialog(DeskModal[WorklistFilter | None]):
    """Narrow the worklist; dismisses with the new filter (its order kept), or None on Escape."""

    BINDINGS = [
        Binding("ctrl+s", "apply", "-", id="filter.apply", priority=True),
        Binding("ctrl+r", "clear", "-", id="filter.clear", priority=True),
        Binding("escape", "cancel", "-", id="filter.cancel"),
    ]

    def __init__(self, choices: WorklistChoices, current: WorklistFilter, *, by_officer: bool) -> None:
        super().__init__()
        self.choices = choices
        self.current = current
        self.by_officer = by_officer and bool(choices.officers)

    def options(self, name: str, kind: str | None) -> list[tuple[Text, str]]:
        """The choices of one Select, in the current language."""
        if name == "kind":
            return [(Text(kind_label(k)), k) for k in self.choices.kinds]
        if name == "status":
            return status_options(self.choices, kind)
        if name == "due":
            return [(Text(label(s)), s.value) for s in DueState]
        return [(Text(f"{full_name} ({user})"), user) for user, full_name in self.choices.officers]

    def compose(self) -> ComposeResult:
        current = self.current
        values = {"kind": current.kind, "status": current.status, "due": current.due.value if current.due else None,
                  "officer": current.officer}
        with Vertical(classes="dialog", id="filter-dialog"):
            yield Label(t("ui.filter.title"), classes="dialog-title", id="filter-title")
            for name in FIELDS:
                if name != "officer" or self.by_officer:
                    yield from self.choice(name, self.options(name, current.kind), values[name])
            yield Label(t("ui.filter.hint"), classes="hint", id="filter-hint")
        yield Footer(show_command_palette=False)

    def choice(self, name: str, options: list, value):
        yield Label(t(f"ui.filter.{name}"), classes="field-label", id=f"filter-label-{name}")
        valid = value in {v for _, v in options}
        yield Select(options, value=value if valid else Select.NULL, allow_blank=True, prompt=t("ui.filter.any"),
                     id=f"filter-{name}", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#filter-kind", Select).focus()

    def redraw_texts(self) -> None:
        self.query_one("#filter-title", Label).update(t("ui.filter.title"))
        self.query_one("#filter-hint", Label).update(t("ui.filter.hint"))
        kind = self.value("kind")
        for name in FIELDS:
            for widget in self.query(f"#filter-label-{name}"):
                widget.update(t(f"ui.filter.{name}"))
            for select in self.query(f"#filter-{name}"):  # the choices in the new language, the choice kept
                kept = self.value(name)
                select.set_options(self.options(name, kind))
                select.prompt = t("ui.filter.any")
                if kept is not None:
                    select.value = kept

    def value(self, name: str) -> str | None:
        found = self.query(f"#filter-{name}")
        if not found:
            return None
        value = found.first(Select).value
        return None if value is Select.NULL or value is None else str(value)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "filter-kind":
            return
        status = self.query_one("#filter-status", Select)
        kept = self.value("status")
        options = self.options("status", self.value("kind"))
        status.set_options(options)
        if kept in {v for _, v in options}:
            status.value = kept

    def chosen(self) -> WorklistFilter:
        due = self.value("due")
        return replace(self.current, kind=self.value("kind"), status=self.value("status"),
                       due=DueState(due) if due else None, officer=self.value("officer"))

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_clear(self) -> None:
        for name in FIELDS:
            for widget in self.query(f"#filter-{name}"):
                widget.clear()

    def action_cancel(self) -> None:
        self.dismiss(None)
