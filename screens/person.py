"""A person's file: identity, documents, stays with the Schengen 90/180 position, and their cases.

e records an entry (a new stay), x records the exit of the highlighted open stay; Enter on a case opens it.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer

from rich.text import Text

from screens.widgets.plain import DataTable, Label, Static, plain, styled

from desk.clock import RIGA
from desk.errors import explain
from desk.i18n import label, t
from desk.services import merge, stays, views
from desk.services.auth import Permission
from desk.services.labels import kind_label, status_label
from desk.services.listexport import ListAsked
from screens.base import DeskScreen, PaletteCommand, riga_date, shows_result
from screens.dialogs import ConfirmDialog, PickDialog, merge_reason_dialog
from screens.navigation import CaseWanted, PersonWanted, SearchWanted
from screens.widgets import KeyedTable, OfficerBar, sync_rows


class PersonScreen(DeskScreen):
    """One person."""

    BINDINGS = [
        Binding("e", "record_entry", "-", id="person.entry"),
        Binding("x", "record_exit", "-", id="person.exit"),
        Binding("escape", "back", "-", id="person.back"),
        Binding("c", "copy_name", "-", id="person.copy_name"),
        Binding("m", "merge", "-", id="person.merge"),
        Binding("u", "unmerge", "-", id="person.unmerge"),
        Binding("f5", "reload", "-", id="person.reload"),
    ]

    class Merged(Message):
        """This record was merged into another (issue 19 point 3)."""

        def __init__(self, result: merge.MergeResult) -> None:
            super().__init__()
            self.result = result

    class Unmerged(Message):
        """A merge this file took part in was undone: the two records are two persons again."""

        def __init__(self, result: merge.MergeResult) -> None:
            super().__init__()
            self.result = result

    class UnmergeRefused(Message):
        """The merge cannot be undone (something was written since, or it was undone already)."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    class FileLoaded(Message):
        """The person's file as the services read it (audited as "person.view")."""

        def __init__(self, file: views.PersonFile) -> None:
            super().__init__()
            self.file = file

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.file = None
        self.focused_once = False

    def compose(self) -> ComposeResult:
        yield OfficerBar("ui.person.title")
        yield Static(t("ui.case.loading"), id="person-header")
        yield Static("", id="person-merges")
        with VerticalScroll(id="person-body", can_focus=False):
            yield Label(t("ui.person.documents"), id="documents-title", classes="pane-title")
            yield KeyedTable(id="documents", cursor_type="none")
            yield Label(t("ui.person.stays"), id="stays-title", classes="pane-title")
            yield Static("", id="schengen")
            yield KeyedTable(id="stays")
            yield Label(t("ui.person.cases"), id="cases-title", classes="pane-title")
            yield KeyedTable(id="person-cases")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.query_one("#stays").focus()
        self.action_reload()

    def make_columns(self) -> None:
        for table_id, keys in (("#documents", ("doc_kind", "doc_number", "doc_country", "doc_valid")),
                               ("#stays", ("entry_on", "exit_on", "days", "counts")),
                               ("#person-cases", ("number", "kind", "status", "opened", "owner"))):
            table = self.query_one(table_id, KeyedTable)
            table.clear(columns=True)
            for key in keys:
                table.add_column(t(f"ui.person.col.{key}"), key=key)

    def redraw_texts(self) -> None:
        for name in ("documents", "stays", "cases"):
            self.query_one(f"#{name}-title", Label).update(t(f"ui.person.{name}"))
        self.make_columns()
        self.draw()  # the held file in the new language; nothing is read (or audited) again

    def action_reload(self) -> None:
        self.load_file(self.app.actor, self.person_id)

    @work(thread=True, exclusive=True, group="person-file", exit_on_error=False)
    def load_file(self, actor, person_id: int) -> None:
        self.serve(self.FileLoaded, views.person_file, actor, person_id, audited_read=True)

    @on(FileLoaded)
    @shows_result
    def file_loaded(self, message: FileLoaded) -> None:
        self.file = message.file
        self.draw()
        self.refresh_bindings()  # u (undo a merge) only where a merge can be undone
        if self.file.cases and not self.focused_once:
            self.focused_once = True
            self.query_one("#person-cases", KeyedTable).focus()  # the officer came for a case: Enter opens the first

    def draw(self) -> None:
        file = self.file
        if file is None:
            return
        s = file.summary
        lines = [styled((s.full_name, "bold"), f"  ({s.original_name})" if s.original_name else ""),
                 "  │  ".join(part for part in (
                     f"{t('ui.person.born')}: {riga_date(s.date_of_birth) or '—'}",
                     f"{t('ui.person.sex')}: {label('person.sex', file.sex)}",
                     f"{t('ui.person.citizenship')}: {s.citizenship}",
                     f"{t('ui.person.personal_code')}: {s.personal_code_masked or '—'}") if part)]
        self.query_one("#person-header", Static).update(Text("\n").join(plain(line) for line in lines))
        merges = self.query_one("#person-merges", Static)
        merges.update(Text("\n").join(plain(line) for line in self.merge_lines(file)))
        merges.display = bool(file.merges or file.merged_away_id)
        sync_rows(self.query_one("#documents", KeyedTable), [
            (str(d.id), (label("person.document", d.kind), d.number, d.issuing_country, riga_date(d.valid_until)))
            for d in file.documents])
        sc = file.schengen
        self.query_one("#schengen", Static).update(
            t("ui.person.schengen", used=sc.days_used, remaining=sc.days_remaining, on=riga_date(sc.on)))
        sync_rows(self.query_one("#stays", KeyedTable), [
            (str(v.id), (riga_date(v.entry_on), riga_date(v.exit_on) or t("ui.person.still_here"), str(v.days),
                         t("ui.person.yes") if v.counts_for_90_180 else t("ui.person.no"))) for v in file.stays])
        cases = self.query_one("#person-cases", KeyedTable)
        sync_rows(cases, [
            (str(r.id), (r.number, kind_label(r.kind), status_label(r.kind, r.status), riga_date(r.opened_on),
                         r.owner_username))
            for r in file.cases])

    def action_record_entry(self) -> None:
        from screens.form import FormScreen

        actor, person_id = self.app.actor, self.person_id
        self.app.push_screen(FormScreen(stays.STAY_FORM, lambda uow, raw: stays.record_stay(uow, actor, person_id, raw)),
                             self.saved)

    def action_record_exit(self) -> None:
        from screens.form import FormScreen

        key = self.query_one("#stays", KeyedTable).selected_key()
        if key is None:
            self.app.notify(t("ui.person.no_stay"), severity="warning")
            return
        actor, stay_id = self.app.actor, int(key)

        def submit(uow, raw):
            stays.record_exit(uow, actor, stay_id, raw)
            return True

        self.app.push_screen(FormScreen(stays.EXIT_FORM, submit), self.saved)

    def saved(self, result) -> None:
        if result:
            self.app.notify(t("ui.person.saved"))
            self.action_reload()

    def action_copy_name(self) -> None:
        """The person's name to the clipboard (works over SSH: the terminal's own clipboard, OSC 52)."""
        if self.file is not None:
            self.app.copy_to_clipboard(self.file.summary.full_name)
            self.app.notify(t("ui.copied", what=self.file.summary.full_name), timeout=3)

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "person-cases":
            self.post_message(CaseWanted(int(event.row_key.value)))

    # --- merging a duplicate record (a supervisor) ----------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("merge", "unmerge"):
            actor = self.app.actor
            if actor is None or not actor.can(Permission.MERGE_PERSONS):
                return False
            if action == "unmerge":
                return self.file is not None and bool(self.file.merges)
        return True

    def merge_lines(self, file: views.PersonFile) -> list[str]:
        """What the file says about merges: the record asked for went into this one; each merge with who,
        when, why, and whether it can still be undone."""
        lines = []
        if file.merged_away_id is not None:
            lines.append(t("ui.person.merged_away", asked=file.merged_away_id, survivor=file.summary.id))
        may_undo = self.app.actor is not None and self.app.actor.can(Permission.MERGE_PERSONS)
        for m in file.merges:
            state = ("ui.person.merge_undo_key" if may_undo else "ui.person.merge_undoable") if m.undoable \
                else "ui.person.merge_fixed"
            lines.append(t("ui.person.merge_line", merge_id=m.merge_id, duplicate=m.duplicate_id,
                           survivor=m.survivor_id, on=riga_date(m.at.astimezone(RIGA)), officer=m.officer_username,
                           reason=t(f"merge.reason.{m.reason}")) + " " + t(state))
        return lines

    def action_unmerge(self) -> None:
        """u: undo a merge this record took part in, while nothing new was written to it (asked first)."""
        if self.file is None or not self.file.merges:
            return
        asked = self.file.merged_away_id
        own = [m for m in self.file.merges if asked is not None and m.duplicate_id == asked]
        choices = own or self.file.merges
        if len(choices) == 1:
            self.confirm_unmerge(choices[0])
            return
        by_id = {str(m.merge_id): m for m in choices}
        options = [(str(m.merge_id), t("ui.person.unmerge_option", merge_id=m.merge_id, duplicate=m.duplicate_id,
                                       survivor=m.survivor_id) + ("" if m.undoable else " " + t("ui.person.merge_fixed")))
                   for m in choices]
        self.app.push_screen(PickDialog(t("ui.person.unmerge_which"), options),
                             lambda picked: picked and self.confirm_unmerge(by_id[picked]))

    def confirm_unmerge(self, view: merge.MergeView) -> None:
        if not view.undoable:  # written to since (for good: versions only grow): the service says why not
            self.unmerge(view.merge_id)
            return
        self.app.push_screen(ConfirmDialog("ui.person.unmerge_confirm", duplicate=view.duplicate_id,
                                           survivor=view.survivor_id),
                             lambda yes: yes and self.unmerge(view.merge_id))

    @work(thread=True, exclusive=True, group="person-merge", exit_on_error=False)
    def unmerge(self, merge_id: int) -> None:
        self.serve(self.Unmerged, merge.unmerge_persons, self.app.actor, merge_id, failed=self.UnmergeRefused)

    @on(Unmerged)
    @shows_result
    def unmerged(self, message: Unmerged) -> None:
        r = message.result
        self.app.notify(t("ui.person.unmerged", duplicate=r.duplicate_id, survivor=r.survivor_id, cases=r.cases))
        self.action_reload()

    @on(UnmergeRefused)
    def unmerge_refused(self, message: UnmergeRefused) -> None:
        self.app.notify(explain(message.error), severity="error", timeout=12)
        self.action_reload()  # the file as it is now (the merge may show as fixed)

    def action_merge(self) -> None:
        """m: this record is a duplicate of another person: pick the one that stays (the search), say why,
        and this record's cases, documents and stays move there."""
        if self.file is None:
            return

        def survivor_found(result) -> None:
            if not result or result[0] != "person" or int(result[1]) == self.person_id:
                return
            survivor = int(result[1])
            self.app.push_screen(merge_reason_dialog(survivor),
                                 lambda reason: reason and self.merge_into(survivor, reason))

        self.post_message(SearchWanted(survivor_found))

    @work(thread=True, exclusive=True, group="person-merge", exit_on_error=False)
    def merge_into(self, survivor: int, reason: str) -> None:
        self.serve(self.Merged, merge.merge_persons, self.app.actor, self.person_id, survivor, reason)

    @on(Merged)
    @shows_result
    def merged(self, message: Merged) -> None:
        r = message.result
        self.app.notify(t("ui.person.merged", cases=r.cases, documents=r.documents, survivor=r.survivor_id))
        self.app.pop_screen()
        self.post_message(PersonWanted(r.survivor_id))

    def shown_list(self) -> ListAsked | None:
        """The person's cases, for "Export this list…" (read again as the officer may see them)."""
        return ListAsked("person_cases", person_id=self.person_id) if self.file is not None else None

    def palette_commands(self):
        return [PaletteCommand(t("ui.palette.record_entry"), t("ui.palette.record_entry_help"), self.action_record_entry),
                PaletteCommand(t("ui.palette.record_exit"), t("ui.palette.record_exit_help"), self.action_record_exit)]
