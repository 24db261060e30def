"""Home: the officer's worklist (paged), the deadlines due, counts per kind and the recent files.

Enter opens a case; n registers a case of a kind the officer's role allows; a supervisor toggles the
scope (mine / my office), selects rows with space and reassigns them to another officer of the office.
"""
from __future__ import annotations

from dataclasses import dataclass

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
from desk.services.labels import kind_label, status_label
from screens.base import DeskScreen, PaletteCommand, riga_date, shows_result
from screens.navigation import CaseWanted
from screens.widgets import KeyedTable, OfficerBar, state_text, sync_rows

PAGE = 50
KIND_ORDER = ("asylum", "dublin", "permit", "visa", "invitation", "return")


@dataclass(frozen=True)
class HomeData:
    """What the home screen shows, read in one unit of work."""

    rows: list
    total: int
    counts: dict
    deadlines: list
    recent: list


def load_home(uow, actor, scope: str) -> HomeData:
    today = uow.clock.today()
    counts = views.counts_per_kind(uow, actor, scope=scope)
    return HomeData(
        rows=views.worklist(uow, actor, scope=scope, offset=0, limit=PAGE),
        total=sum(counts.values()),  # every kind the officer may see: what count_worklist counts, read once
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
        Binding("f5", "reload", "-", id="home.reload"),
        Binding("tab", "app.focus_next", "-", id="home.next_pane", show=False),
    ]

    class HomeLoaded(Message):
        """The worklist's first page, the deadlines due, the counts and the recent files."""

        def __init__(self, data: HomeData) -> None:
            super().__init__()
            self.data = data

    class MoreLoaded(Message):
        """The worklist's next page."""

        def __init__(self, rows: list[views.CaseRow]) -> None:
            super().__init__()
            self.rows = rows

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
        if self.is_mounted and self.app.actor is not None:
            self.action_reload()

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
        if self.actor is not None:
            self.load(self.actor, self.scope)

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def load(self, actor: auth.Actor, scope: str) -> None:
        self.serve(self.HomeLoaded, load_home, actor, scope, write=False)  # a read: holds up nobody

    @on(HomeLoaded)
    @shows_result
    def home_loaded(self, message: HomeLoaded) -> None:
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
        extra = t("ui.home.selected", n=len(self.selected)) if self.selected else ""
        self.query_one("#worklist-title", Label).update(
            f"{t(key, shown=shown, total=self.total)}{extra}")

    def on_keyed_table_more_wanted(self, event: KeyedTable.MoreWanted) -> None:
        if event.table.id == "worklist":
            self.load_more(self.actor, self.scope, event.table.row_count)

    @work(thread=True, exclusive=True, group="home-more", exit_on_error=False)
    def load_more(self, actor: auth.Actor, scope: str, offset: int) -> None:
        self.serve(self.MoreLoaded, views.worklist, actor, scope=scope, offset=offset, limit=PAGE, write=False)

    @on(MoreLoaded)
    @shows_result
    def more_loaded(self, message: MoreLoaded) -> None:
        rows = message.rows
        work = self.query_one("#worklist", KeyedTable)
        for r in rows:
            self.rows_by_id[r.id] = r
        sync_rows(work, [(str(r.id), self.case_cells(r)) for r in rows], append=True)
        work.has_more = work.row_count < self.total
        self.update_title()

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
        if action == "register":
            return self.actor is not None and bool(self.actor.case_kinds)
        return True

    def action_toggle_scope(self) -> None:
        self.scope = "office" if self.scope == "mine" else "mine"
        self.selected.clear()
        self.action_reload()

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
        self.action_reload()

    # --- registration --------------------------------------------------------------------------

    def action_register(self, kind: str | None = None) -> None:
        from screens.register import start_registration

        start_registration(self.app, kind)

    def palette_commands(self):
        out = []
        actor = self.actor
        if actor is None:
            return out
        for kind in KIND_ORDER:
            if actor.can_work_on(kind):
                out.append(PaletteCommand(t("ui.palette.register", kind=t("kind." + kind)), t("ui.palette.register_help"),
                                          lambda kind=kind: self.action_register(kind)))
        if actor.can(auth.Permission.REASSIGN):
            out.append(PaletteCommand(t("ui.palette.scope"), t("ui.palette.scope_help"), self.action_toggle_scope))
            out.append(PaletteCommand(t("ui.palette.reassign"), t("ui.palette.reassign_help"), self.action_reassign))
        out.append(PaletteCommand(t("ui.palette.reload"), t("ui.palette.reload_help"), self.action_reload))
        return out
