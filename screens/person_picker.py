"""A person field that searches as the officer types (issue 14 point 8): persons are chosen by name, never
by id.

Type a name (in any script or Latvian form), a date of birth, a personal code, a document or a case number:
the matching persons drop down under the field, each with name, date of birth, citizenship and document.
Down moves into the list, Enter picks (Enter in the box picks the first), Escape closes the list. The
field shows whom it holds; a field for several persons (an invitation's invited persons) adds each one
picked, and Backspace in the empty box takes the last one off. The form reads ``value``: the person ids.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from desk.i18n import t
from desk.services import persons
from desk.services.persons import PersonSummary
from screens.base import ServiceCalls, shows_result
from screens.widgets.plain import Option, OptionList, Static

DEBOUNCE = 0.25
MIN_QUERY = 2


def person_line(p: PersonSummary) -> str:
    """"Ivanova Olga · 12.03.1990 · RUS · C1234567" (plain text: names are data, never markup)."""
    parts = [p.full_name or "?", p.date_of_birth.strftime("%d.%m.%Y") if p.date_of_birth else "",
             p.citizenship, ", ".join(p.document_numbers[:2])]
    return " · ".join(part for part in parts if part)


class PersonPicker(ServiceCalls, Vertical):
    """One person field (``many``: several persons) of a form."""

    class Looked(Message):
        """The persons a query finds."""

        def __init__(self, picked: persons.Picked) -> None:
            super().__init__()
            self.picked = picked

    class Described(Message):
        """The persons of the ids the field was opened with (or given by the search screen)."""

        def __init__(self, found: list[PersonSummary]) -> None:
            super().__init__()
            self.found = found

    class Recorded(Message):
        """The lookup a pick came from is in the audit trail."""

        def __init__(self, _result) -> None:
            super().__init__()

    def __init__(self, name: str, *, many: bool, initial: str = "", placeholder: str = "") -> None:
        super().__init__(id=f"picker-{name}", classes="person-picker")
        self.field_name = name
        self.many = many
        self.chosen: list[PersonSummary] = []
        self._initial = [part.strip() for part in str(initial or "").split(",") if part.strip()]
        self._placeholder = placeholder
        self._timer: Timer | None = None
        self._offered: persons.Picked | None = None

    # --- layout -------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id=f"picked-{self.field_name}", classes="picked")
        yield Input("", placeholder=self._placeholder, id=f"field-{self.field_name}", classes="form-field",
                    compact=True)
        yield OptionList(id=f"hits-{self.field_name}", classes="picker-hits")

    def on_mount(self) -> None:
        self.hits.display = False
        self.redraw()
        if self._initial:
            self.describe(self._initial)

    @property
    def box(self) -> Input:
        return self.query_one(f"#field-{self.field_name}", Input)

    @property
    def hits(self) -> OptionList:
        return self.query_one(f"#hits-{self.field_name}", OptionList)

    @property
    def value(self) -> tuple[int, ...]:
        return tuple(p.id for p in self.chosen)

    def raw(self) -> str:
        """What the form hands the service: the ids, comma-separated (or what was typed, if nothing was
        picked: the service then says what is wrong with it)."""
        return ",".join(str(i) for i in self.value) if self.chosen else self.box.value.strip()

    def redraw(self) -> None:
        lines = [f"{i}. {person_line(p)}" if self.many else person_line(p) for i, p in enumerate(self.chosen, 1)]
        self.query_one(f"#picked-{self.field_name}", Static).update("\n".join(lines) or t("ui.picker.none"))

    # --- typing and picking -------------------------------------------------------------------------

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        text = event.value.strip()
        if len(text) < MIN_QUERY:
            self.close_list()
            return
        self._timer = self.set_timer(DEBOUNCE, lambda: self.look(text))

    @work(thread=True, exclusive=True, group="picker", exit_on_error=False)
    def look(self, text: str) -> None:
        self.serve(self.Looked, persons.pick_persons, self.app.actor, text, write=False)

    @work(thread=True, exclusive=True, group="picker-describe", exit_on_error=False)
    def describe(self, ids: list) -> None:
        self.serve(self.Described, persons.describe_persons, self.app.actor, ids, write=False)

    @work(thread=True, group="picker-record", exit_on_error=False)
    def record(self, picked: persons.Picked) -> None:
        self.serve(self.Recorded, persons.record_pick, self.app.actor, picked)

    @on(Looked)
    @shows_result
    def looked(self, message: Looked) -> None:
        message.stop()
        if message.picked.query != self.box.value.strip() or not self.box.has_focus:
            return  # typed on since, or moved on to another field: a stale answer
        self._offered = message.picked
        self.hits.clear_options()
        offered = [p for p in message.picked.persons if p.id not in self.value]
        if not offered:
            self.hits.add_option(Option(t("ui.picker.nobody"), id="none", disabled=True))
        for p in offered:
            self.hits.add_option(Option(person_line(p), id=str(p.id)))
        self.hits.display = True
        self.hits.highlighted = 0 if offered else None

    @on(Described)
    @shows_result
    def described(self, message: Described) -> None:
        message.stop()
        for p in message.found:
            self.add(p)

    @on(Recorded)
    def recorded(self, message: Recorded) -> None:
        message.stop()

    def add(self, person: PersonSummary) -> None:
        if person.id in self.value:
            return
        self.chosen = [*self.chosen, person] if self.many else [person]
        self.redraw()

    def add_id(self, person_id: int) -> None:
        """A person found on the search screen (F2)."""
        self.describe([person_id])

    def pick(self, option_id: str | None) -> None:
        picked = self._offered
        person = next((p for p in picked.persons if str(p.id) == option_id), None) if picked else None
        if person is None:
            return
        self.add(person)
        self.record(picked)
        self.close_list()
        self.box.value = ""
        self.box.focus()

    def close_list(self) -> None:
        self.hits.clear_options()
        self.hits.display = False

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option.id)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if self.hits.display and self.hits.option_count and self.hits.highlighted is not None:
            event.stop()  # Enter in the box picks the first person offered; else the form moves on
            self.pick(self.hits.get_option_at_index(self.hits.highlighted).id)

    def on_descendant_blur(self, _event) -> None:
        self.call_after_refresh(self._close_if_left)

    def _close_if_left(self) -> None:
        """The officer moved on to another field: the list of persons found closes, and a lookup still
        waiting for the typing to settle is dropped. Else it opened the list when the focus came back (a
        save's first field in error): an Escape meant for the form then only closed that list."""
        if self.app.focused not in (self.box, self.hits):
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self.close_list()

    def on_key(self, event) -> None:
        if event.key == "down" and self.box.has_focus and self.hits.display and self.hits.option_count:
            event.stop()
            self.hits.focus()
        elif event.key == "escape" and self.hits.display:
            event.stop()
            self.close_list()
            self.box.focus()
        elif event.key == "backspace" and self.box.has_focus and not self.box.value and self.chosen:
            event.stop()
            self.chosen = self.chosen[:-1]
            self.redraw()
