"""Home: the officer's worklist (paged), the deadlines due, counts per kind and the recent files.

Enter opens a case; n registers a case of a kind the officer's role allows; a supervisor toggles the
scope (mine / my office), selects rows with space and reassigns them to another officer of the office.
f narrows the worklist (kind, status, deadline state, and for a supervisor the officer), s switches its
order (nearest deadline first / waiting longest first); the next page is read as the cursor nears the
last row held, so the arrows and End reach every case. Coming back from a case file or a form, or told
that a case changed (``screens.navigation.CaseChanged``), the screen re-reads the rows it holds, with
the same filter and order, and the cursor stays on its case.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer

from screens.widgets.plain import DataTable, Label, Static

from desk.i18n import t, tn
from desk.i18n.citations import shown_with_flag
from desk.services import auth, casework, views
from desk.services.labels import kind_label, label, status_label
from desk.services.listexport import ListAsked
from desk.services.views import WorklistFilter, WorklistOrder
from screens.base import DeskScreen, PaletteCommand, riga_date, shows_result
from screens.navigation import CaseWanted
from screens.widgets import KeyedTable, OfficerBar, state_text, sync_rows

PAGE = 50
AHEAD = 10  # the next page is read when the cursor is this near the last row held
KIND_ORDER = ("asylum", "dublin", "permit", "visa", "invitation", "return")


@dataclass(frozen=True)
class HomeData:
    """What the home screen shows, read in one unit of work."""

    rows: list
    total: int
    counts: dict
    deadlines: list
    recent: list


def worklist_window(uow, actor, scope: str, wanted: WorklistFilter, rows: int) -> list:
    """The first ``rows`` rows of the worklist (read in pages of at most 500, the service's limit)."""
    out: list = []
    while len(out) < rows:
        page = views.worklist(uow, actor, scope=scope, offset=len(out), limit=min(500, rows - len(out)),
                              **wanted.arguments())
        out += page
        if not page:
            break
    return out


def load_home(uow, actor, scope: str, wanted: WorklistFilter | None = None, rows: int = PAGE) -> HomeData:
    """The home screen in one unit of work: the worklist's first ``rows`` rows with ``wanted``'s filters
    and order (a refresh asks for as many rows as the screen holds), its count, the deadlines due, the
    counts per kind and the recent files - every one a page read off an index."""
    wanted = wanted or WorklistFilter()
    today = uow.clock.today()
    counts = views.counts_per_kind(uow, actor, scope=scope)
    if wanted.narrows:
        total = views.count_worklist(uow, actor, scope=scope, **wanted.arguments())
    else:
        total = sum(counts.values())  # every kind the officer may see: what count_worklist counts, read once
    return HomeData(
        rows=worklist_window(uow, actor, scope, wanted, max(rows, PAGE)),
        total=total,
        counts=counts,
        deadlines=views.deadlines_due(uow, actor, today=today, scope=scope),
        recent=views.recent_files(uow, actor, limit=20),
    )


class HomeScreen(DeskScreen):
    """The worklist."""

    BINDINGS = [
        Binding("enter", "open", "-", id="home.open", priority=True),
        Binding("n", "register", "-", id="home.register"),
        Binding("o", "toggle_scope", "-", id="home.scope"),
        Binding("space", "select_row", "-", id="home.select"),
        Binding("r", "reassign", "-", id="home.reassign"),
        Binding("f", "filter", "-", id="home.filter"),
        Binding("s", "toggle_order", "-", id="home.order"),
        Binding("f5", "reload", "-", id="home.reload"),
        Binding("tab", "app.focus_next", "-", id="home.next_pane", show=False),
    ]

    class HomeLoaded(Message):
        """The worklist's rows (its first page, or all the rows held on a refresh), the deadlines due,
        the counts and the recent files, read for the filter of ``generation``."""

        def __init__(self, data: HomeData, generation: int = 0) -> None:
            super().__init__()
            self.data = data
            self.generation = generation

    class MoreLoaded(Message):
        """The worklist's next page, read for the filter of ``generation``."""

        def __init__(self, rows: list[views.CaseRow], generation: int = 0) -> None:
            super().__init__()
            self.rows = rows
            self.generation = generation

    class FilterChoicesLoaded(Message):
        """What the filter may offer: the officer's kinds and their statuses, the office's officers."""

        def __init__(self, choices: views.WorklistChoices) -> None:
            super().__init__()
            self.choices = choices

    class OfficersLoaded(Message):
        """The office's officers a supervisor may hand the selected cases to."""

        def __init__(self, officers: list[tuple[str, str]]) -> None:
            super().__init__()
            self.officers = officers

    class ReassignDone(Message):
        """The selected cases have their new owner."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def __init__(self) -> None:
        super().__init__(id="home")
        self.scope = "mine"
        self.selected: set[int] = set()
        self.rows_by_id: dict[int, views.CaseRow] = {}
        self.total = 0
        self.data: HomeData | None = None
        self.wanted = WorklistFilter()  # the filter and order; kept across refreshes
        self.generation = 0  # bumped when the scope, filter or order changes: older reads are dropped
        self.loading_more = False

    @property
    def actor(self):
        return self.app.actor

    def compose(self) -> ComposeResult:
        yield OfficerBar("ui.home.title")
        with Vertical(id="home-body"):
            with Vertical(id="worklist-pane"):
                yield Label("", id="worklist-title", classes="pane-title")
                yield KeyedTable(id="worklist")
            with Horizontal(id="lower-pane"):
                with Vertical(id="deadlines-pane"):
                    yield Label(t("ui.home.deadlines"), id="deadlines-title", classes="pane-title")
                    yield KeyedTable(id="deadlines")
                with Vertical(id="side-pane"):
                    yield Label(t("ui.home.counts"), id="counts-title", classes="pane-title")
                    yield Static("", id="counts")
                    yield Label(t("ui.home.recent"), id="recent-title", classes="pane-title")
                    yield KeyedTable(id="recent")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.query_one("#worklist").focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        """Back from a case file or a form: what was saved there shows (the held rows re-read)."""
        if self.is_mounted and self.app.actor is not None:
            self.refresh_held()

    def case_changed(self, case_id: int) -> None:
        """Another screen saved a case (``CaseChanged``, handed on by the app): re-read now if this
        screen is showing; otherwise it re-reads when the officer comes back (``on_screen_resume``)."""
        if self.is_mounted and self.is_current and self.app.actor is not None:
            self.refresh_held()

    def make_columns(self) -> None:
        work = self.query_one("#worklist", KeyedTable)
        work.clear(columns=True)
        work.add_column(" ", key="mark", width=1)
        for key in ("number", "kind", "status", "person", "opened", "next_due", "owner"):
            work.add_column(t(f"ui.home.col.{key}"), key=key)
        due = self.query_one("#deadlines", KeyedTable)
        due.clear(columns=True)
        for key in ("due_on", "case", "title", "article"):
            due.add_column(t(f"ui.home.col.{key}"), key=key)
        recent = self.query_one("#recent", KeyedTable)
        recent.clear(columns=True)
        for key in ("number", "kind", "status", "person"):
            recent.add_column(t(f"ui.home.col.{key}"), key=key)

    def redraw_texts(self) -> None:
        self.query_one("#deadlines-title", Label).update(t("ui.home.deadlines"))
        self.query_one("#counts-title", Label).update(t("ui.home.counts"))
        self.query_one("#recent-title", Label).update(t("ui.home.recent"))
        self.make_columns()
        self.draw()  # what is held, in the new language: nothing is read again

    # --- loading -------------------------------------------------------------------------------

    def action_reload(self) -> None:
        """F5, a new scope, filter or order: the first page again."""
        if self.actor is not None:
            self.generation += 1
            self.load(self.actor, self.scope, self.wanted, PAGE, self.generation)

    def refresh_held(self) -> None:
        """Re-read the rows held (every page read so far), with the same filter and order."""
        if self.actor is not None:
            rows = self.query_one("#worklist", KeyedTable).row_count
            self.load(self.actor, self.scope, self.wanted, rows, self.generation)

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def load(self, actor: auth.Actor, scope: str, wanted: WorklistFilter, rows: int, generation: int) -> None:
        self.serve(partial(self.HomeLoaded, generation=generation), load_home, actor, scope, wanted, rows,
                   write=False)

    @on(HomeLoaded)
    @shows_result
    def home_loaded(self, message: HomeLoaded) -> None:
        if message.generation != self.generation:
            return  # read for a filter the officer has left
        self.loading_more = False
        data = self.data = message.data
        self.total = data.total
        self.rows_by_id = {r.id: r for r in data.rows}
        self.selected &= set(self.rows_by_id)
        self.draw()

    def draw(self) -> None:
        """The held worklist (every page read so far), deadlines, counts and recent files."""
        data = self.data
        if data is None:
            return
        work = self.query_one("#worklist", KeyedTable)
        sync_rows(work, [(str(r.id), self.case_cells(r)) for r in self.rows_by_id.values()])
        work.has_more = work.row_count < self.total
        self.update_title()
        due = self.query_one("#deadlines", KeyedTable)
        sync_rows(due, [(f"{d.case_id}:{d.rule_id}:{i}", (
            state_text(d.state, riga_date(d.due_on), self.app), d.case_number,
            state_text(d.state, t(d.title_key), self.app), shown_with_flag(d.article, d.verified)))
            for i, d in enumerate(data.deadlines)])
        counts = [f"{kind_label(k)}: {data.counts[k]}" for k in KIND_ORDER if k in data.counts]
        self.query_one("#counts", Static).update("\n".join(counts) or t("ui.home.no_kinds"))
        recent = self.query_one("#recent", KeyedTable)
        sync_rows(recent, [(str(r.id), (r.number, kind_label(r.kind), status_label(r.kind, r.status), r.person_name))
                           for r in data.recent])

    def case_cells(self, r) -> tuple:
        mark = "●" if r.id in self.selected else " "
        return (mark, r.number, kind_label(r.kind), status_label(r.kind, r.status), r.person_name, riga_date(r.opened_on),
                state_text(r.next_due_state, riga_date(r.next_due), self.app), r.owner_username)

    def update_title(self) -> None:
        key = "ui.home.worklist_office" if self.scope == "office" else "ui.home.worklist_mine"
        shown = self.query_one("#worklist", KeyedTable).row_count
        narrowed = self.filter_words()
        extra = t("ui.home.narrowed", what=narrowed) if narrowed else ""
        if self.selected:
            extra += t("ui.home.selected", n=len(self.selected))
        self.query_one("#worklist-title", Label).update(
            f"{t(key, shown=shown, total=self.total)}{extra}")

    def filter_words(self) -> str:
        """The filter and a non-default order in words, for the worklist's title."""
        wanted = self.wanted
        parts = []
        if wanted.kind:
            parts.append(kind_label(wanted.kind))
        if wanted.status:
            parts.append(status_label(wanted.kind, wanted.status) if wanted.kind
                         else next((status_label(k, wanted.status) for k in KIND_ORDER), wanted.status))
        if wanted.due:
            parts.append(label(wanted.due))
        if wanted.officer:
            parts.append(wanted.officer)
        if wanted.order is not WorklistOrder.DUE:
            parts.append(label(wanted.order))
        return " · ".join(parts)

    # --- reaching every case: the next page as the cursor nears the end ------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.id == "worklist" and event.cursor_row >= table.row_count - AHEAD:
            self.want_more(table)

    def on_keyed_table_more_wanted(self, event: KeyedTable.MoreWanted) -> None:
        if event.table.id == "worklist":
            self.want_more(event.table)

    def want_more(self, table: KeyedTable) -> None:
        if table.has_more and not self.loading_more and self.actor is not None:
            self.loading_more = True
            self.load_more(self.actor, self.scope, self.wanted, table.row_count, self.generation)

    @work(thread=True, exclusive=True, group="home-more", exit_on_error=False)
    def load_more(self, actor: auth.Actor, scope: str, wanted: WorklistFilter, offset: int, generation: int) -> None:
        self.serve(partial(self.MoreLoaded, generation=generation), views.worklist, actor, scope=scope,
                   offset=offset, limit=PAGE, write=False, **wanted.arguments())

    @on(MoreLoaded)
    @shows_result
    def more_loaded(self, message: MoreLoaded) -> None:
        self.loading_more = False
        if message.generation != self.generation:
            return
        rows = message.rows
        work = self.query_one("#worklist", KeyedTable)
        for r in rows:
            self.rows_by_id[r.id] = r
        sync_rows(work, [(str(r.id), self.case_cells(r)) for r in rows], append=True)
        work.has_more = work.row_count < self.total and bool(rows)
        self.update_title()
        if work.has_more and work.cursor_row >= work.row_count - AHEAD:
            self.want_more(work)  # the officer held End or the arrow down while the page was read

    # --- opening -------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_row(event.data_table, event.row_key.value)

    def action_open(self) -> None:
        table = self.focused if isinstance(self.focused, KeyedTable) else self.query_one("#worklist", KeyedTable)
        self.open_row(table, table.selected_key())

    def open_row(self, table, key: str | None) -> None:
        if not key:
            return
        case_id = int(key.split(":")[0])
        self.post_message(CaseWanted(case_id))

    # --- scope, selection, reassignment (supervisor) ---------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("toggle_scope", "select_row", "reassign"):
            actor = self.actor
            return actor is not None and actor.can(auth.Permission.REASSIGN)
        if action in ("register", "filter", "toggle_order"):
            return self.actor is not None and bool(self.actor.case_kinds)
        return True

    def action_toggle_scope(self) -> None:
        self.scope = "office" if self.scope == "mine" else "mine"
        self.selected.clear()
        if self.scope == "mine" and self.wanted.officer:  # one officer's cases is the office's filter
            self.wanted = replace(self.wanted, officer=None)
        self.action_reload()

    # --- filter and order ------------------------------------------------------------------------

    def action_toggle_order(self) -> None:
        """Nearest deadline first <-> waiting longest first (opened longest ago)."""
        order = WorklistOrder.WAITING if self.wanted.order is WorklistOrder.DUE else WorklistOrder.DUE
        self.wanted = replace(self.wanted, order=order)
        self.app.notify(t("ui.home.ordered", order=label(order)))
        self.action_reload()

    def action_filter(self) -> None:
        if self.actor is not None:
            self.load_filter_choices(self.actor)

    @work(thread=True, exclusive=True, group="home-filter", exit_on_error=False)
    def load_filter_choices(self, actor: auth.Actor) -> None:
        self.serve(self.FilterChoicesLoaded, views.worklist_choices, actor, write=False)

    @on(FilterChoicesLoaded)
    @shows_result
    def filter_choices_loaded(self, message: FilterChoicesLoaded) -> None:
        from screens.worklist_filter import WorklistFilterDialog

        def chosen(wanted: WorklistFilter | None) -> None:
            if wanted is not None and wanted != self.wanted:
                self.wanted = wanted
                self.selected.clear()
                self.action_reload()

        self.app.push_screen(WorklistFilterDialog(message.choices, self.wanted, by_officer=self.scope == "office"),
                             chosen)

    def action_select_row(self) -> None:
        work = self.query_one("#worklist", KeyedTable)
        key = work.selected_key()
        if key is None:
            return
        case_id = int(key)
        self.selected ^= {case_id}
        work.update_cell(key, "mark", "●" if case_id in self.selected else " ")
        if work.cursor_row < work.row_count - 1:
            work.move_cursor(row=work.cursor_row + 1)
        self.update_title()

    def action_reassign(self) -> None:
        if not self.selected:
            key = self.query_one("#worklist", KeyedTable).selected_key()
            if key is None:
                return
            self.selected = {int(key)}
        self.load_officers(self.actor)

    @work(thread=True, exclusive=True, group="home-officers", exit_on_error=False)
    def load_officers(self, actor: auth.Actor) -> None:
        self.serve(self.OfficersLoaded, views.officers_of_office, actor, write=False)

    @on(OfficersLoaded)
    @shows_result
    def officers_loaded(self, message: OfficersLoaded) -> None:
        from screens.dialogs import PickDialog

        officers = message.officers
        ids = sorted(self.selected)
        dialog = PickDialog(tn("ui.home.reassign_title", len(ids)),
                            [(u, f"{name} ({u})") for u, name in officers])

        def picked(username: str | None) -> None:
            if username:
                self.reassign(self.actor, ids, username)

        self.app.push_screen(dialog, picked)

    @work(thread=True, exclusive=True, group="home-reassign", exit_on_error=False)
    def reassign(self, actor: auth.Actor, case_ids: list[int], username: str) -> None:
        self.serve(self.ReassignDone, casework.reassign, actor, case_ids, username)

    @on(ReassignDone)
    @shows_result
    def reassign_done(self, message: ReassignDone) -> None:
        self.selected.clear()
        self.app.notify(tn("ui.home.reassigned", message.count))
        self.refresh_held()

    # --- registration --------------------------------------------------------------------------

    def action_register(self, kind: str | None = None) -> None:
        from screens.register import start_registration

        start_registration(self.app, kind)

    def shown_list(self) -> ListAsked | None:
        """The worklist as it is shown (scope, filter, order, the rows held), for "Export this list…"."""
        if self.actor is None or not self.actor.case_kinds:
            return None
        return ListAsked("worklist", scope=self.scope, wanted=self.wanted,
                         rows=max(self.query_one("#worklist", KeyedTable).row_count, 1))

    def palette_commands(self):
        out = []
        actor = self.actor
        if actor is None:
            return out
        for kind in KIND_ORDER:
            if actor.can_work_on(kind):
                out.append(PaletteCommand(t("ui.palette.register", kind=t("kind." + kind)), t("ui.palette.register_help"),
                                          lambda kind=kind: self.action_register(kind)))
        if actor.case_kinds:
            out.append(PaletteCommand(t("ui.palette.filter"), t("ui.palette.filter_help"), self.action_filter))
            out.append(PaletteCommand(t("ui.palette.order"), t("ui.palette.order_help"), self.action_toggle_order))
        if actor.can(auth.Permission.REASSIGN):
            out.append(PaletteCommand(t("ui.palette.scope"), t("ui.palette.scope_help"), self.action_toggle_scope))
            out.append(PaletteCommand(t("ui.palette.reassign"), t("ui.palette.reassign_help"), self.action_reassign))
        out.append(PaletteCommand(t("ui.palette.reload"), t("ui.palette.reload_help"), self.action_reload))
        return out
