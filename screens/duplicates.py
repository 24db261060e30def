"""The probable duplicates (issue 19 point 4): pairs of records that may be one person, for a supervisor to
work through.

The pairs come from ``desk.services.merge.duplicate_pairs`` (the office's persons, or every office's after
o), best first, each with its score and what matched; the highlighted pair is shown side by side below the
list. Enter (or m) merges it: the officer picks the record that stays and the reason (the same dialog as the
person file's merge), the merge runs in a worker and the list is read again. 1 and 2 open the first or the
second person's file (the list is read again on the way back, a merge or an unmerge made there counts);
ctrl+s writes the list to a CSV file (personal codes masked, audited: ``merge.export_duplicates``).
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer

from desk import clock
from desk.errors import explain
from desk.i18n import t, tn
from desk.services import merge
from desk.services.persons import PersonSummary
from screens.base import DeskScreen, PaletteCommand, riga_date, shows_result
from screens.dialogs import PickDialog, merge_reason_dialog
from screens.navigation import PersonWanted
from screens.widgets import KeyedTable, OfficerBar, sync_rows
from screens.widgets.plain import DataTable, Static, plain, styled


def pair_key(pair: merge.DuplicatePair) -> str:
    return f"{pair.first.id}-{pair.second.id}"


def export_path(directory: Path, all_offices: bool, office_code: str) -> Path:
    """Where the list is written: the reports' directory, a name with the scope and today's date."""
    scope = "all" if all_offices else office_code.lower()
    return directory / f"desk-duplicates-{scope}-{clock.today().isoformat()}.csv"


class DuplicatesScreen(DeskScreen):
    """Probable duplicate pairs for a supervisor (``DuplicatesScreen(store, actor)``)."""

    BINDINGS = [
        Binding("m", "merge_pair", "-", id="duplicates.merge"),
        Binding("1", "open_person(0)", "-", id="duplicates.open_first"),
        Binding("2", "open_person(1)", "-", id="duplicates.open_second"),
        Binding("o", "toggle_scope", "-", id="duplicates.scope"),
        Binding("ctrl+s", "export", "-", id="duplicates.export", priority=True),
        Binding("f5", "reload", "-", id="duplicates.reload"),
        Binding("escape", "close", "-", id="duplicates.close"),
    ]

    class PairsLoaded(Message):
        """The probable duplicate pairs of the scope asked for (audited as "person.duplicates_report")."""

        def __init__(self, pairs: list[merge.DuplicatePair]) -> None:
            super().__init__()
            self.pairs = pairs

    class PairsFailed(Message):
        """Refused (not a supervisor) or failed: said in the summary line."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    class PairMerged(Message):
        """A pair was merged: the list is read again."""

        def __init__(self, result: merge.MergeResult) -> None:
            super().__init__()
            self.result = result

    class Exported(Message):
        """The list was written to a file."""

        def __init__(self, written: merge.DuplicatesExport) -> None:
            super().__init__()
            self.written = written

    def __init__(self, store, actor, *, reports_dir: Path) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.reports_dir = reports_dir
        self.all_offices = False
        self.pairs: list[merge.DuplicatePair] | None = None
        self.left = False  # a person's file was opened from here: read the list again on return

    def unit_store(self):
        return self.store

    def compose(self) -> ComposeResult:
        yield OfficerBar("ui.duplicates.title")
        yield Static(t("ui.duplicates.loading"), id="duplicates-summary")
        yield KeyedTable(id="duplicates")
        with Horizontal(id="duplicates-compare"):
            yield Static("", id="compare-first", classes="compare-side")
            yield Static("", id="compare-second", classes="compare-side")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.query_one("#duplicates", KeyedTable).focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.left:
            self.left = False
            self.action_reload()

    def make_columns(self) -> None:
        table = self.query_one("#duplicates", KeyedTable)
        table.clear(columns=True)
        for key in ("score", "matched", "first", "first_born", "second", "second_born"):
            table.add_column(t(f"ui.duplicates.col.{key}"), key=key)

    def redraw_texts(self) -> None:
        self.make_columns()
        self.draw()  # the pairs already read, in the new language (nothing is read again)

    # --- reading the pairs ---------------------------------------------------------------------

    def office_id(self) -> int | None:
        return None if self.all_offices else self.actor.office_id

    def action_reload(self) -> None:
        self.query_one("#duplicates-summary", Static).update(t("ui.duplicates.loading"))
        self.load_pairs(self.office_id())

    @work(thread=True, exclusive=True, group="duplicates", exit_on_error=False)
    def load_pairs(self, office_id: int | None) -> None:
        self.serve(self.PairsLoaded, merge.duplicate_pairs, self.actor, office_id=office_id, audited_read=True,
                   failed=self.PairsFailed)

    @on(PairsLoaded)
    @shows_result
    def pairs_loaded(self, message: PairsLoaded) -> None:
        self.pairs = message.pairs
        self.draw()

    @on(PairsFailed)
    def pairs_failed(self, message: PairsFailed) -> None:
        text = explain(message.error)
        self.query_one("#duplicates-summary", Static).update(plain(text))
        self.app.notify(text, severity="error", timeout=8)

    def draw(self) -> None:
        if self.pairs is None:
            self.query_one("#duplicates-summary", Static).update(t("ui.duplicates.loading"))
            return
        scope = t("ui.duplicates.all_offices") if self.all_offices else self.actor.office_code
        self.query_one("#duplicates-summary", Static).update(
            tn("ui.duplicates.summary", len(self.pairs), scope=scope) + "  " +
            (t("ui.duplicates.hint") if self.pairs else ""))
        sync_rows(self.query_one("#duplicates", KeyedTable), [
            (pair_key(p), (str(p.score), matched_words(p.reasons), person_cell(p.first),
                           riga_date(p.first.date_of_birth), person_cell(p.second), riga_date(p.second.date_of_birth)))
            for p in self.pairs])
        self.draw_comparison()

    def highlighted(self) -> merge.DuplicatePair | None:
        key = self.query_one("#duplicates", KeyedTable).selected_key()
        return next((p for p in self.pairs or () if pair_key(p) == key), None)

    @on(DataTable.RowHighlighted, "#duplicates")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.draw_comparison()

    def draw_comparison(self) -> None:
        pair = self.highlighted()
        for widget_id, person in (("#compare-first", pair and pair.first), ("#compare-second", pair and pair.second)):
            self.query_one(widget_id, Static).update(side(person) if person else "")

    # --- working a pair through --------------------------------------------------------------------

    @on(DataTable.RowSelected, "#duplicates")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_merge_pair()

    def action_merge_pair(self) -> None:
        """Enter / m: which record stays, then why; the other one is merged into it."""
        pair = self.highlighted()
        if pair is None:
            return
        options = [(str(p.id), t("ui.duplicates.keep", id=p.id, name=p.full_name,
                                 born=riga_date(p.date_of_birth) or "—")) for p in (pair.first, pair.second)]

        def kept(survivor) -> None:
            if not survivor:
                return
            survivor_id = int(survivor)
            duplicate_id = pair.second.id if survivor_id == pair.first.id else pair.first.id
            self.app.push_screen(merge_reason_dialog(survivor_id, duplicate_id),
                                 lambda reason: reason and self.merge_pair(duplicate_id, survivor_id, reason))

        self.app.push_screen(PickDialog(t("ui.duplicates.which_stays"), options,
                                        hint=t("ui.duplicates.which_stays_hint")), kept)

    @work(thread=True, exclusive=True, group="duplicates-merge", exit_on_error=False)
    def merge_pair(self, duplicate_id: int, survivor_id: int, reason: str) -> None:
        self.serve(self.PairMerged, merge.merge_persons, self.actor, duplicate_id, survivor_id, reason)

    @on(PairMerged)
    @shows_result
    def pair_merged(self, message: PairMerged) -> None:
        r = message.result
        self.app.notify(t("ui.duplicates.merged", duplicate=r.duplicate_id, survivor=r.survivor_id, cases=r.cases,
                          documents=r.documents))
        self.action_reload()

    def action_open_person(self, which: int) -> None:
        pair = self.highlighted()
        if pair is None:
            return
        self.left = True
        self.post_message(PersonWanted((pair.first, pair.second)[which].id))

    def action_toggle_scope(self) -> None:
        self.all_offices = not self.all_offices
        self.pairs = None
        self.action_reload()

    def action_export(self) -> None:
        self.export(export_path(self.reports_dir, self.all_offices, self.actor.office_code), self.office_id())

    @work(thread=True, exclusive=True, group="duplicates-export", exit_on_error=False)
    def export(self, path: Path, office_id: int | None) -> None:
        self.serve(self.Exported, merge.export_duplicates, self.actor, path, office_id=office_id)

    @on(Exported)
    @shows_result
    def exported(self, message: Exported) -> None:
        self.app.notify(t("ui.duplicates.exported", n=message.written.pairs, path=message.written.path), timeout=10)

    def action_close(self) -> None:
        self.dismiss(None)

    def palette_commands(self):
        return [PaletteCommand(t("ui.palette.duplicates_scope"), t("ui.palette.duplicates_scope_help"),
                               self.action_toggle_scope),
                PaletteCommand(t("ui.palette.duplicates_export"), t("ui.palette.duplicates_export_help"),
                               self.action_export)]


def matched_words(reasons) -> str:
    return ", ".join(t(f"person.match.{code}") for code in reasons)


def person_cell(person: PersonSummary) -> Text:
    return styled((str(person.id), "dim"), " ", person.full_name)


def side(person: PersonSummary) -> Text:
    """One record of the pair, as the officer compares it with the other."""
    lines = [styled((person.full_name, "bold"), f"  ({person.original_name})" if person.original_name else ""),
             plain(f"{t('ui.duplicates.person_id')}: {person.id}"),
             plain(f"{t('ui.person.born')}: {riga_date(person.date_of_birth) or '—'}"),
             plain(f"{t('ui.person.citizenship')}: {person.citizenship}"),
             plain(f"{t('ui.person.personal_code')}: {person.personal_code_masked or '—'}"),
             plain(f"{t('ui.person.documents')}: {', '.join(person.document_numbers) or '—'}")]
    return Text("\n").join(lines)
