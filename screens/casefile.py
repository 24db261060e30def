"""A case's file: header, tabs (details, deadlines, history, related cases) and the actions its status allows.

The actions are exactly ``CaseFile.actions`` (FormSpecs from the services): keys 1..9 in the footer and
the same commands in the palette. Each opens the generic form; saving calls ``casework.perform`` with the
version the officer saw, so a save over someone else's change is refused as a conflict: the form stays
open with what was typed and says who changed the case and when ("Changed by Anna Ozola at 10:42 —
reload to see the change"), the file behind it is read again, and the values typed are kept: the same
action opened again on the refreshed file starts with them. A save that lands posts ``CaseChanged``.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer, TabbedContent, TabPane

from rich.text import Text

from screens.widgets.plain import DataTable, Static, plain, styled

from desk.errors import ConflictError
from desk.i18n import t
from desk.i18n.citations import shown, shown_with_flag
from desk.services import casework, notes, views
from desk.services.kinds import adapter
from desk.services.listexport import ListAsked
from desk.services.labels import (detail_text, history_action_label, history_summary, kind_label, label,
                                  status_label)
from screens.base import DeskScreen, PaletteCommand, riga_date, shows_result
from screens.navigation import CaseChanged, CaseWanted, PersonWanted
from screens.widgets import KeyedTable, OfficerBar, state_text, sync_rows

MAX_ACTIONS = 9
TABS = ("details", "deadlines", "history", "related")


def action_name(spec) -> str:
    """FormSpec.id is "<kind>.<action>"."""
    return spec.id.split(".", 1)[1] if "." in spec.id else spec.id


class CaseFileScreen(DeskScreen):
    """One case."""

    BINDINGS = [
        *[Binding(str(i + 1), f"perform({i})", "-", id=f"case.action_{i + 1}") for i in range(MAX_ACTIONS)],
        Binding("escape", "back", "-", id="case.back"),
        Binding("p", "person", "-", id="case.person"),
        Binding("d", "dublin", "-", id="case.dublin"),
        Binding("n", "note", "-", id="case.note"),
        Binding("c", "copy_number", "-", id="case.copy_number"),
        Binding("C", "copy_name", "-", id="case.copy_name", show=False),
        Binding("f5", "reload", "-", id="case.reload"),
        Binding("ctrl+right", "switch_tab(1)", "-", id="case.next_tab", show=False),
        Binding("ctrl+left", "switch_tab(-1)", "-", id="case.prev_tab", show=False),
        Binding("enter", "open_related", "-", id="case.open_related", show=False),
    ]

    class FileLoaded(Message):
        """The case's file as the services read it (audited as "case.view")."""

        def __init__(self, file: views.CaseFile) -> None:
            super().__init__()
            self.file = file

    class SaveConflicted(Message):
        """An action's save was refused: another officer changed the case since this file was read.
        ``typed`` is what the officer entered in the form (kept for the next opening of ``action_id``)."""

        def __init__(self, action_id: str, typed: dict, error: ConflictError) -> None:
            super().__init__()
            self.action_id = action_id
            self.typed = typed
            self.error = error

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.file = None
        self.kept: dict[str, dict] = {}  # FormSpec.id -> what was typed in a form refused as stale

    def compose(self) -> ComposeResult:
        yield OfficerBar("ui.case.title")
        yield Static(t("ui.case.loading"), id="case-header")
        with TabbedContent(id="case-tabs"):
            with TabPane(t("ui.case.tab.details"), id="tab-details"):
                yield DataTable(id="details", cursor_type="row", show_header=False)
                yield Static("", id="schengen")
            with TabPane(t("ui.case.tab.deadlines"), id="tab-deadlines"):
                yield KeyedTable(id="case-deadlines")
                yield Static("", id="deadline-why", classes="why")
            with TabPane(t("ui.case.tab.history"), id="tab-history"):
                yield KeyedTable(id="history")
            with TabPane(t("ui.case.tab.related"), id="tab-related"):
                yield KeyedTable(id="related")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.action_reload()

    def make_columns(self) -> None:
        details = self.query_one("#details", DataTable)
        details.clear(columns=True)
        details.add_columns(t("ui.case.col.field"), t("ui.case.col.value"))
        due = self.query_one("#case-deadlines", KeyedTable)
        due.clear(columns=True)
        widths = {"rule": 42, "article": 30, "anchor": 22, "consequence": 22}  # fits 160 columns
        for key in ("rule", "article", "anchor", "anchor_date", "due_on", "state", "consequence"):
            due.add_column(t(f"ui.case.col.{key}"), key=key, width=widths.get(key))
        history = self.query_one("#history", KeyedTable)
        history.clear(columns=True)
        for key in ("at", "officer", "action", "summary"):
            history.add_column(t(f"ui.case.col.{key}"), key=key)
        related = self.query_one("#related", KeyedTable)
        related.clear(columns=True)
        for key in ("number", "kind", "status", "person", "opened"):
            related.add_column(t(f"ui.home.col.{key}"), key=key)

    def redraw_texts(self) -> None:
        tabs = self.query_one(TabbedContent)
        for name in TABS:
            tabs.get_tab(f"tab-{name}").label = t(f"ui.case.tab.{name}")
        self.make_columns()
        self.draw()  # from the file already held: a language switch reads nothing and audits nothing

    # --- why is this due on that day? ----------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "case-deadlines":
            self.explain_deadline(event.cursor_row)

    def explain_deadline(self, row: int) -> None:
        """The highlighted deadline in full: rule, article, what it is counted from, due date, state, and
        what happens if it is missed (the table's columns cut long texts)."""
        why = self.query_one("#deadline-why", Static)
        deadlines = self.file.deadlines if self.file is not None else []
        if not 0 <= row < len(deadlines):
            why.update("")
            return
        d = deadlines[row]
        text = t("ui.case.why", title=t(d.title_key), article=shown(d.article), anchor=t(d.anchor_event_key),
                 anchor_date=riga_date(d.anchor_date), due=riga_date(d.due_on), state=label(d.state))
        if d.consequence_key:
            text += "\n" + t("ui.case.why_missed", consequence=t(d.consequence_key))
        if d.note_key:
            text += "\n" + t(d.note_key)
        if not d.verified:
            text += "\n" + t("ui.case.why_unverified")
        why.update(text)

    # --- loading -------------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.load_file(self.app.actor, self.case_id)

    @work(thread=True, exclusive=True, group="case-file", exit_on_error=False)
    def load_file(self, actor, case_id: int) -> None:
        self.serve(self.FileLoaded, views.case_file, actor, case_id, audited_read=True)

    @on(FileLoaded)
    @shows_result
    def file_loaded(self, message: FileLoaded) -> None:
        self.file = message.file
        self.draw()
        self.translate()

    def draw(self) -> None:
        """The held file in the current language."""
        file = self.file
        if file is None:
            self.query_one("#case-header", Static).update(t("ui.case.loading"))
            return
        person = file.person
        header = [
            styled((file.number, "bold"), f"  {kind_label(file.kind)}  │  {t('ui.case.status')}: ",
                   (status_label(file.kind, file.status), "bold")),
            f"{t('ui.case.person')}: {person.full_name} ({riga_date(person.date_of_birth)}, {person.citizenship})"
            f"  │  {t('ui.case.owner')}: {file.owner_name} ({file.owner_username}, {file.office_code})"
            f"  │  {t('ui.case.opened')}: {riga_date(file.opened_on)}"
            + (f"  │  {t('ui.case.closed')}: {riga_date(file.closed_on)}" if file.closed_on else ""),
        ]
        self.query_one("#case-header", Static).update(Text("\n").join(plain(line) for line in header))
        details = self.query_one("#details", DataTable)
        sync_rows(details, [(f"d{i}", detail_text(line)) for i, line in enumerate(file.details)])
        schengen = file.schengen
        self.query_one("#schengen", Static).update(
            t("ui.case.schengen", used=schengen.days_used, remaining=schengen.days_remaining, on=riga_date(schengen.on))
            if schengen is not None else "")
        due = self.query_one("#case-deadlines", KeyedTable)
        sync_rows(due, [(f"{d.rule_id}:{i}", (
            state_text(d.state, t(d.title_key), self.app), shown_with_flag(d.article, d.verified),
            t(d.anchor_event_key), riga_date(d.anchor_date),
            state_text(d.state, riga_date(d.due_on), self.app), state_text(d.state, label(d.state), self.app),
            t(d.consequence_key) if d.consequence_key else "")) for i, d in enumerate(file.deadlines)])
        self.explain_deadline(due.cursor_row)
        history = self.query_one("#history", KeyedTable)
        sync_rows(history, [(f"h{i}", (h.at_riga.strftime("%d.%m.%Y %H:%M"), h.officer,
                                       history_action_label(file.kind, h.action), history_summary(file.kind, h.parts)))
                            for i, h in enumerate(file.history)])
        related = self.query_one("#related", KeyedTable)
        sync_rows(related, [(str(r.id), (r.number, kind_label(r.kind), status_label(r.kind, r.status), r.person_name,
                                         riga_date(r.opened_on))) for r in file.related])

    # --- actions -------------------------------------------------------------------------------

    @property
    def actions(self) -> list:
        return list(self.file.actions) if self.file is not None else []

    def binding_overrides(self) -> dict[str, str]:
        return {f"case.action_{i + 1}": t(spec.title_key) for i, spec in enumerate(self.actions[:MAX_ACTIONS])}

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "perform":
            return bool(parameters) and parameters[0] < len(self.actions)
        if action == "person":
            return self.file is not None
        if action == "dublin":
            return self.can_start_dublin()
        if action == "note":
            return self.file is not None
        return True

    def can_start_dublin(self) -> bool:
        """An open asylum case may get a Dublin request, if the officer works on Dublin."""
        return (self.file is not None and adapter(self.file.kind).starts_dublin_requests and self.file.closed_on is None
                and self.app.actor is not None and self.app.actor.can_work_on("dublin"))

    def action_dublin(self) -> None:
        """Register a Dublin request for this asylum case: the form comes with the case number filled in."""
        from screens.register import Registration

        if self.can_start_dublin():
            Registration(self.app).for_asylum_case(self.file.number)

    def action_note(self) -> None:
        """Write a note on the case: it joins the history tab (a correction is a new note)."""
        from screens.form import FormScreen

        if self.file is None:
            return
        actor = self.app.actor
        case_id = self.case_id

        def submit(uow, raw):
            return notes.add_note(uow, actor, case_id, raw)

        def done(result) -> None:
            if result:
                self.app.notify(t("notes.added"))
                self.action_reload()
                self.post_message(CaseChanged(case_id))

        self.app.push_screen(FormScreen(notes.NOTE_FORM, submit, title=f"{self.file.number}: {t('notes.form.title')}"),
                             done)

    def action_perform(self, index: int) -> None:
        if index >= len(self.actions):
            return
        spec = self.actions[index]
        self.open_action(spec)

    def open_action(self, spec) -> None:
        from screens.form import FormScreen

        actor = self.app.actor
        case_id = self.case_id
        version = self.file.version  # the version the officer sees: a save over a newer one is refused
        action = action_name(spec)

        def submit(uow, raw):  # in the form's worker thread
            try:
                casework.perform(uow, actor, case_id, action, raw, expected_version=version)
            except ConflictError as error:
                self.post_message(self.SaveConflicted(spec.id, dict(raw), error))
                raise  # the form says who and when, and stays open with what was typed
            return True

        def done(result) -> None:
            if result:
                self.kept.pop(spec.id, None)
                self.app.notify(t("ui.case.action_done", action=t(spec.title_key)))
                self.action_reload()
                self.post_message(CaseChanged(case_id))

        typed = self.kept.get(spec.id)
        self.app.push_screen(FormScreen(spec, submit, initial=typed, title=f"{self.file.number}: {t(spec.title_key)}"),
                             done)

    @on(SaveConflicted)
    def save_conflicted(self, message: SaveConflicted) -> None:
        """Someone saved the case first: keep what was typed, read the file again (the form, still open
        above it, names who and when)."""
        self.kept[message.action_id] = message.typed
        self.action_reload()

    def shown_list(self) -> ListAsked | None:
        """The case's deadlines (the deadline panel), for "Export this list…"."""
        return ListAsked("case_deadlines", case_id=self.case_id) if self.file is not None else None

    def palette_commands(self):
        out = [PaletteCommand(t(spec.title_key), t("ui.palette.action_help", number=self.file.number),
                              lambda spec=spec: self.open_action(spec)) for spec in self.actions]
        if self.file is not None:
            out.append(PaletteCommand(t("ui.palette.open_person"), t("ui.palette.open_person_help"), self.action_person))
            out.append(PaletteCommand(t("ui.palette.note"), t("ui.palette.note_help", number=self.file.number),
                                      self.action_note))
        if self.can_start_dublin():
            out.append(PaletteCommand(t("ui.key.case.dublin"), t("ui.palette.dublin_help", number=self.file.number),
                                      self.action_dublin))
        out.append(PaletteCommand(t("ui.palette.reload"), t("ui.palette.reload_help"), self.action_reload))
        return out

    # --- moving on -----------------------------------------------------------------------------

    def action_switch_tab(self, step: int) -> None:
        """Details -> deadlines -> history -> related cases, from the keyboard (Ctrl+arrows)."""
        tabs = self.query_one(TabbedContent)
        names = [f"tab-{name}" for name in TABS]
        current = names.index(tabs.active) if tabs.active in names else 0
        tabs.active = names[(current + step) % len(names)]

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_copy_number(self) -> None:
        """The case number to the clipboard (works over SSH: the terminal's own clipboard, OSC 52)."""
        if self.file is not None:
            self.app.copy_to_clipboard(self.file.number)
            self.app.notify(t("ui.copied", what=self.file.number), timeout=3)

    def action_copy_name(self) -> None:
        """The person's name as the file shows it (surname, given names) to the clipboard."""
        if self.file is not None:
            self.app.copy_to_clipboard(self.file.person.full_name)
            self.app.notify(t("ui.copied", what=self.file.person.full_name), timeout=3)

    def action_person(self) -> None:
        if self.file is not None:
            self.post_message(PersonWanted(self.file.person.id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "related":
            self.post_message(CaseWanted(int(event.row_key.value)))

    def action_open_related(self) -> None:
        related = self.query_one("#related", KeyedTable)
        if related.has_focus and related.selected_key():
            self.post_message(CaseWanted(int(related.selected_key())))
