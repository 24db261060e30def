"""The generic form: a modal drawn from a ``desk.services.forms.FormSpec``.

One widget per field, in order. The form never validates: it hands the raw values to ``submit(uow, raw)``
(a service call) in a thread worker; ``FormInvalid`` puts each message under its field, any other domain
error (a conflict, a refused permission or transition) becomes a notification, and the form stays open
with everything the officer typed. Only when the service accepted the whole form does it close, returning
the service's result.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Footer, Input, Select

from screens.person_picker import PersonPicker
from screens.widgets.plain import Label

from desk.errors import FormInvalid, explain
from desk.i18n import has, t
from desk.services.forms import FieldSpec, FieldType, FormSpec
from screens.base import DeskModal, shows_result
from screens.navigation import Found, SearchWanted
from screens.options import needed, read_options

DATE_PLACEHOLDER = "2026-11-22 / 22.11.2026"
TEXT_TYPES = {FieldType.TEXT, FieldType.DATE, FieldType.INT, FieldType.PERSONAL_CODE, FieldType.PERSON,
              FieldType.PERSONS, FieldType.COUNTRY, FieldType.OFFICE, FieldType.OFFICER}
SEPARATOR = " · "


def code_of(value: str, kind: FieldType) -> str:
    """What a type-ahead field sends to the service: "Latvija · LVA" -> "LVA"; a typed code as it is."""
    value = (value or "").strip()
    if SEPARATOR in value:
        left, right = value.split(SEPARATOR, 1)
        return right.strip() if kind == FieldType.COUNTRY and len(right.strip()) == 3 else left.strip()
    return value


def suggestions_for(spec: FieldSpec, options: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Both "name · CODE" and "CODE · name" so the officer may start typing either."""
    pairs = options.get(spec.type.value, [])
    return [f"{name}{SEPARATOR}{code}" for code, name in pairs] + [f"{code}{SEPARATOR}{name}" for code, name in pairs]


@dataclass(frozen=True)
class FormSetup:
    """What a form reads before it is drawn: type-ahead options and values the case kind offers first."""

    options: dict[str, list[tuple[str, str]]]
    initial: dict


def read_setup(uow, actor, kinds: set[str], prefill: Callable[..., dict] | None) -> FormSetup:
    return FormSetup(read_options(uow, actor, kinds) if kinds else {}, dict(prefill(uow)) if prefill else {})


class FormScreen(DeskModal[Any]):
    """A FormSpec as a modal form; dismisses with the result of ``submit`` once the service accepts it."""

    BINDINGS = [
        Binding("ctrl+s", "save", "-", id="form.save", priority=True),
        Binding("escape", "cancel", "-", id="form.cancel"),
        Binding("f2", "pick_person", "-", id="form.pick_person"),
    ]

    class Prepared(Message):
        """The options and first values are read: the fields can be drawn."""

        def __init__(self, setup: FormSetup) -> None:
            super().__init__()
            self.setup = setup

    class Saved(Message):
        """The service accepted the whole form; ``result`` is what it returned."""

        def __init__(self, result: Any) -> None:
            super().__init__()
            self.result = result

    class SaveFailed(Message):
        """The service refused: messages go under their fields, the form stays open."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, spec: FormSpec, submit: Callable[..., Any], *, initial: dict | None = None,
                 options: dict[str, list[tuple[str, str]]] | None = None, title: str | None = None,
                 prefill: Callable[..., dict] | None = None) -> None:
        """``prefill(uow)`` reads values the form offers first (the ones in ``initial`` win); the options
        of the COUNTRY / OFFICE / OFFICER fields are read too unless ``options`` are given."""
        super().__init__()
        self.spec = spec
        self.submit = submit
        self.initial = dict(initial or {})
        self.options = options or {}
        self.title_text = title
        self.prefill = prefill
        self.wanted_options = needed(spec) if options is None else set()
        self.fields_shown = not (self.wanted_options or prefill is not None)
        self.saving = False
        self.started_with: dict = {}

    # --- drawing -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text or t(self.spec.title_key), classes="dialog-title", id="form-title")
            with VerticalScroll(id="form-fields", can_focus=False):
                if self.fields_shown:
                    for spec in self.spec.fields:
                        yield from self.field_widgets(spec)
            yield Label("", id="form-error", classes="field-error")
            yield Label(t("ui.form.hint"), classes="hint", id="form-hint")
        yield Footer(show_command_palette=False)

    def field_label(self, spec: FieldSpec) -> str:
        text = t(spec.label_key)
        return f"{text} *" if spec.required else text

    def field_widgets(self, spec: FieldSpec):
        value = self.initial.get(spec.name, spec.default)
        if spec.type == FieldType.BOOL:
            checked = value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes", "jā"}
            yield Checkbox(self.field_label(spec), checked, id=f"field-{spec.name}", classes="form-field",
                           compact=True)
        elif spec.type == FieldType.CHOICE:
            yield Label(self.field_label(spec), classes="field-label", id=f"label-{spec.name}")
            options = [(t(key) if has(key) else code, code) for code, key in spec.choices]
            valid = value in {c for c, _ in spec.choices}
            yield Select(options, value=value if valid else Select.NULL,
                         allow_blank=not (spec.required and valid), prompt=t("ui.form.choose"),
                         id=f"field-{spec.name}", classes="form-field", compact=True)
        elif spec.type in (FieldType.PERSON, FieldType.PERSONS):  # chosen by name, never by id
            yield Label(self.field_label(spec), classes="field-label", id=f"label-{spec.name}")
            if isinstance(value, (list, tuple)):
                value = ",".join(str(v) for v in value)
            yield PersonPicker(spec.name, many=spec.type == FieldType.PERSONS, initial=str(value or ""),
                               placeholder=t("ui.form.person_placeholder"))
        else:
            yield Label(self.field_label(spec), classes="field-label", id=f"label-{spec.name}")
            placeholder = ""
            suggester = None
            if spec.type == FieldType.DATE:
                placeholder = DATE_PLACEHOLDER
            elif spec.type in (FieldType.COUNTRY, FieldType.OFFICE, FieldType.OFFICER):
                placeholder = t(f"ui.form.{spec.type.value}_placeholder")
                items = suggestions_for(spec, self.options)
                if items:
                    suggester = SuggestFromList(items, case_sensitive=False)
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value)
            yield Input(str(value or ""), placeholder=placeholder, suggester=suggester, id=f"field-{spec.name}",
                        classes="form-field", max_length=max(spec.max_length, 60) * 2, compact=True)
        if spec.help_key and has(spec.help_key):
            yield Label(t(spec.help_key), classes="field-help")
        yield Label("", id=f"error-{spec.name}", classes="field-error")

    def on_mount(self) -> None:
        super().on_mount()
        if self.fields_shown:
            self.ready()
        else:
            self.prepare(self.app.actor, self.wanted_options, self.prefill)

    @work(thread=True, exclusive=True, group="form-setup", exit_on_error=False)
    def prepare(self, actor, kinds: set[str], prefill: Callable[..., dict] | None) -> None:
        # options and first values are a help, not a must: without them the form still opens
        self.serve(self.Prepared, read_setup, actor, kinds, prefill, write=False,
                   failed=lambda _error: FormScreen.Prepared(FormSetup({}, {})))

    @on(Prepared)
    @shows_result
    async def prepared(self, message: Prepared) -> None:
        self.options = {**message.setup.options, **self.options}
        self.initial = {**message.setup.initial, **self.initial}
        widgets = [w for spec in self.spec.fields for w in self.field_widgets(spec)]
        await self.query_one("#form-fields", VerticalScroll).mount_all(widgets)
        self.fields_shown = True
        self.ready()

    def ready(self) -> None:
        fields = list(self.query(".form-field"))
        if fields:
            fields[0].focus()
        self.started_with = self.raw_values()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "pick_person":
            focused = self.focused
            return (focused is not None and self.spec_of(focused) is not None
                    and self.spec_of(focused).type in (FieldType.PERSON, FieldType.PERSONS))
        return True

    def redraw_texts(self) -> None:
        self.query_one("#form-title", Label).update(self.title_text or t(self.spec.title_key))
        self.query_one("#form-hint", Label).update(t("ui.form.hint"))
        if not self.fields_shown:
            return
        for spec in self.spec.fields:
            if spec.type == FieldType.BOOL:
                self.query_one(f"#field-{spec.name}", Checkbox).label = self.field_label(spec)
            else:
                self.query_one(f"#label-{spec.name}", Label).update(self.field_label(spec))

    # --- values --------------------------------------------------------------------------------

    def spec_of(self, widget) -> FieldSpec | None:
        if widget is None or not (widget.id or "").startswith("field-"):
            return None
        name = widget.id[len("field-"):]
        return next((s for s in self.spec.fields if s.name == name), None)

    def raw_values(self) -> dict:
        """What the officer entered, as the service expects it (strings; booleans for check boxes)."""
        raw: dict = {}
        for spec in self.spec.fields:
            if spec.type == FieldType.BOOL:
                raw[spec.name] = self.query_one(f"#field-{spec.name}", Checkbox).value
            elif spec.type == FieldType.CHOICE:
                value = self.query_one(f"#field-{spec.name}", Select).value
                raw[spec.name] = "" if value is Select.NULL or value is None else str(value)
            elif spec.type in (FieldType.PERSON, FieldType.PERSONS):
                raw[spec.name] = self.query_one(f"#picker-{spec.name}", PersonPicker).raw()
            else:
                raw[spec.name] = code_of(self.query_one(f"#field-{spec.name}", Input).value, spec.type)
        return raw

    def set_value(self, name: str, value: str) -> None:
        self.query_one(f"#field-{name}", Input).value = value

    # --- moving and saving ---------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        fields = list(self.query(".form-field"))
        if fields and event.input is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        if self.saving or not self.fields_shown:
            return
        self.saving = True
        self.clear_errors()
        self.query_one("#form-error", Label).update(t("ui.form.saving"))
        self.save(self.raw_values())

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def save(self, raw: dict) -> None:
        self.serve(self.Saved, self.submit, raw, failed=self.SaveFailed)

    def clear_errors(self) -> None:
        for spec in self.spec.fields:
            self.query_one(f"#error-{spec.name}", Label).update("")
        self.query_one("#form-error", Label).update("")

    @on(Saved)
    @shows_result
    def saved(self, message: Saved) -> None:
        self.saving = False
        self.dismiss(message.result)

    @on(SaveFailed)
    def save_failed(self, message: SaveFailed) -> None:
        error = message.error
        self.saving = False
        self.query_one("#form-error", Label).update("")
        if isinstance(error, FormInvalid):
            for label in self.query(".field-error"):
                label.update("")  # every message is this save's: a field put right loses its old one
            leftover = []
            for name, err in error.errors.items():
                labels = self.query(f"#error-{name}")
                if labels:
                    labels.first(Label).update(explain(err))
                else:
                    leftover.append(explain(err))
            message = explain(error)
            if leftover:
                message = f"{message} {' '.join(leftover)}"
            self.query_one("#form-error", Label).update(message)
            first = next((spec.name for spec in self.spec.fields if spec.name in error.errors), None)
            if first:
                self.focus_mistake(first)
        else:
            self.query_one("#form-error", Label).update(explain(error))
        self.app.notify(explain(error), severity="error", timeout=8)  # also as a notification

    def focus_mistake(self, name: str) -> None:
        """The first field in error, in the form's order, takes the focus with its text selected, so what
        the officer types next replaces it; the form scrolls to it."""
        widget = self.query_one(f"#field-{name}")
        widget.focus()
        if isinstance(widget, Input):
            widget.select_all()
        widget.scroll_visible(animate=False)

    @property
    def unsaved(self) -> bool:
        """Something was typed that is not saved (the app asks before quitting)."""
        return self.fields_shown and self.raw_values() != self.started_with

    def action_cancel(self) -> None:
        if not self.unsaved:
            self.dismiss(None)
            return
        from screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("ui.form.discard"), answered)

    def action_pick_person(self) -> None:
        """F2 on a person field: the app opens the search; the person picked there fills the field."""
        spec = self.spec_of(self.focused)
        if spec is None:
            return

        def found(result: Found | None) -> None:
            if result and result[0] == "person":
                self.query_one(f"#picker-{spec.name}", PersonPicker).add_id(int(result[1]))

        self.post_message(SearchWanted(found))
