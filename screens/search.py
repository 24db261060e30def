"""Find anyone in a keystroke: the search screen (``/`` or ctrl+f) and case numbers in the palette (ctrl+p).

Results follow the typing: each change waits a moment (``DEBOUNCE``), then one search runs in a thread
worker (exclusive in its group, so a newer search replaces an older one; a result that arrives for a query
no longer in the box is dropped). The worker never touches a widget: it posts ``SearchScreen.Found``.
Arrows move through the results, Enter opens a person or a case (``dismiss(("case", id))`` /
``dismiss(("person", id))``), Escape returns where the officer was (``dismiss(None)``).
"""
from __future__ import annotations

import asyncio
import logging
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from screens.widgets.plain import DataTable, Label, highlight, palette_help

from desk.errors import DomainError, explain
from desk.services.labels import status_label
from desk.i18n import label, t
from desk.services.listexport import ListAsked
from desk.services.search import SearchHit, find_case_numbers, record_lookup, search
from screens.base import DeskModal, riga_date
from screens.navigation import CaseWanted

log = logging.getLogger("desk.screens")

DEBOUNCE = 0.03  # seconds of quiet typing before a search runs: first results within 100 ms of the last key
AUDIT_SETTLE = 1.0  # seconds of quiet after which the shown lookup is written to the audit trail
LIMIT = 50

COLUMNS = ("what", "name", "original", "born", "citizenship", "code", "kind", "status")


def hit_cells(hit: SearchHit) -> tuple[str, ...]:
    kind = label("kind", hit.case_kind) if hit.case_kind else ""
    status = status_label(hit.case_kind, hit.status) if hit.status else ""
    what = hit.number if hit.kind == "case" else t("search.person")
    return (what or "", hit.full_name, hit.original_name or "", riga_date(hit.date_of_birth), hit.citizenship,
            hit.personal_code_masked, kind, status)


class SearchScreen(DeskModal[tuple[str, int] | None]):
    """Search persons and cases; dismisses ("case", case_id), ("person", person_id) or None."""

    BINDINGS = [
        Binding("escape", "close", "-", id="search.close"),
        Binding("enter", "open", "-", id="search.open", priority=True),
        Binding("down", "move(1)", "-", id="search.down", show=False, priority=True),
        Binding("up", "move(-1)", "-", id="search.up", show=False, priority=True),
    ]

    class Found(Message):
        """A search finished: the query it answered and its hits."""

        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    class SearchFailed(Message):
        def __init__(self, query: str, error: BaseException) -> None:
            super().__init__()
            self.query = query
            self.error = error

    def __init__(self, store, actor) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.hits: list[SearchHit] = []
        self.shown_query = ""  # the query of the results shown
        self._timer: Timer | None = None
        self._audit_timer: Timer | None = None
        self._unaudited: tuple[str, list[SearchHit]] | None = None  # shown but not yet in the trail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog search-dialog", id="search-box"):
            yield Label(t("search.title"), id="search-title", classes="title")
            yield Input(placeholder=t("search.placeholder"), id="query")
            yield Label(t("search.hint"), id="search-status", classes="hint")
            table = DataTable(id="results", cursor_type="row", zebra_stripes=True)
            table.add_columns(*(t(f"search.col.{c}") for c in COLUMNS))
            yield table

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#query", Input).focus()

    # --- typing ------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        text = event.value.strip()
        if not text:
            self.show([], "")
            self.query_one("#search-status", Label).update(t("search.hint"))
            return
        self.query_one("#search-status", Label).update(t("search.searching"))
        self._timer = self.set_timer(DEBOUNCE, partial(self.run_search, text))

    def unit_store(self):
        return self.store

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str) -> None:
        # a quick lookup, shown at once; audited when typing settles (record_lookup). An answer to a query
        # no longer in the box is dropped when it lands (``found``)
        self.serve(partial(self.Found, text), search, self.actor, text, limit=LIMIT, audit=False, quick=True,
                   failed=partial(self.SearchFailed, text))

    def shown_list(self) -> ListAsked | None:
        """The results shown, for "Export this list…": the same query read again (personal codes masked)."""
        return ListAsked("search", text=self.shown_query) if self.shown_query else None

    def current_query(self) -> str:
        return self.query_one("#query", Input).value.strip()

    @on(Found)
    def found(self, message: Found) -> None:
        if message.query != self.current_query():
            return  # a stale answer: the officer has typed on
        self.show(message.hits, message.query)
        self._unaudited = (message.query, list(message.hits))
        if self._audit_timer is not None:
            self._audit_timer.stop()
        self._audit_timer = self.set_timer(AUDIT_SETTLE, self.audit_lookup)

    def audit_lookup(self) -> None:
        """Who looked up what: the settled query (and any query shown when a result is opened or the
        search closed) is written to the audit trail."""
        if self._audit_timer is not None:
            self._audit_timer.stop()
            self._audit_timer = None
        pending, self._unaudited = self._unaudited, None
        if pending is not None:
            # the app runs it: a worker of this screen would be cancelled when the screen is dismissed
            self.app.run_worker(partial(self.write_lookup, *pending), thread=True, group="search-audit",
                                exit_on_error=False)

    def write_lookup(self, query: str, hits: list[SearchHit]) -> None:
        try:
            with self.store.uow() as uow:
                record_lookup(uow, self.actor, query, hits)
        except Exception as exc:  # never lose the screen over the trail; the kind of error is logged
            log.error("search audit failed: %s", exc.__class__.__name__)

    @on(SearchFailed)
    def search_failed(self, message: SearchFailed) -> None:
        if message.query != self.current_query():
            return
        status = explain(message.error) if isinstance(message.error, DomainError) else t("search.failed")
        self.query_one("#search-status", Label).update(status)

    def show(self, hits: list[SearchHit], query: str) -> None:
        self.hits = list(hits)
        self.shown_query = query
        table = self.query_one("#results", DataTable)
        with self.app.batch_update():
            table.clear()
            for hit in self.hits:
                table.add_row(*hit_cells(hit), key=f"{hit.kind}:{hit.id}")
        if query:
            if not hits:
                status = t("search.none")
            elif len(hits) >= LIMIT:
                status = t("search.count_more", n=len(hits))
            else:
                status = t("search.count", n=len(hits))
            self.query_one("#search-status", Label).update(status)

    # --- choosing ----------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        table = self.query_one("#results", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_open(self) -> None:
        table = self.query_one("#results", DataTable)
        if not self.hits or table.cursor_row < 0 or table.cursor_row >= len(self.hits):
            return
        hit = self.hits[table.cursor_row]
        self.audit_lookup()
        self.dismiss((hit.kind, hit.id))

    @on(DataTable.RowSelected, "#results")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_close(self) -> None:
        self.audit_lookup()
        self.dismiss(None)

    def redraw_texts(self) -> None:
        self.query_one("#search-title", Label).update(t("search.title"))
        self.query_one("#query", Input).placeholder = t("search.placeholder")
        self.show(self.hits, self.current_query())


def _record_palette_lookup(store, actor, fragment: str, hits: list[SearchHit]) -> None:
    try:
        store.run(record_lookup, actor, fragment, hits)
    except Exception as exc:  # a lookup already shown; its record failing must not break the palette
        log.error("recording a palette lookup failed: %s", exc.__class__.__name__)


class CaseNumberProvider(Provider):
    """Command palette: "PAT-2026-0000..." lists the matching cases the officer may see; Enter opens one."""

    def _actor_and_store(self):
        app = self.app
        return getattr(app, "actor", None), getattr(app, "store", None)

    def _lookup(self, fragment: str) -> list[SearchHit]:
        actor, store = self._actor_and_store()
        if actor is None or store is None:
            return []
        with store.lookup() as look:
            return find_case_numbers(look, actor, fragment, limit=10)

    def _open(self, case_id: int) -> None:
        self._record_shown()
        self.app.post_message(CaseWanted(case_id))

    # Who looked up whom (issue 15 point 6): the palette shows the persons' names of the cases it finds, so
    # the lookup it showed is recorded as the search screen's is - once typing settles (AUDIT_SETTLE), when
    # a case is opened, or when the palette closes; one entry per settled query, not one per keystroke.

    def _remember_shown(self, fragment: str, hits: list[SearchHit]) -> None:
        self._shown = (fragment, hits) if hits else None
        timer = getattr(self, "_settle", None)
        if timer is not None:
            timer.stop()
        self._settle = self.app.set_timer(AUDIT_SETTLE, self._record_shown) if hits else None

    def _record_shown(self) -> None:
        shown, self._shown = getattr(self, "_shown", None), None
        if shown is None:
            return
        actor, store = self._actor_and_store()
        if actor is not None and store is not None:
            self.app.run_worker(partial(_record_palette_lookup, store, actor, *shown), thread=True,
                                group="palette-audit", exit_on_error=False)

    async def shutdown(self) -> None:
        self._record_shown()

    async def search(self, query: str) -> Hits:
        words = [w for w in query.split() if any(ch.isdigit() for ch in w)]
        if not words:
            return
        fragment = words[-1]
        try:
            hits = await asyncio.to_thread(self._lookup, fragment)  # the store is never read on the event loop
        except Exception as exc:  # the palette must not break: log the kind only
            log.error("case number lookup failed: %s", exc.__class__.__name__)
            return
        self._remember_shown(fragment, hits)
        matcher = self.matcher(fragment)
        for hit in hits:
            title = t("search.palette.open_case", number=hit.number)
            yield Hit(max(matcher.match(hit.number or ""), 0.5), highlight(matcher, title), partial(self._open, hit.id),
                      text=title, help=palette_help(t("search.palette.open_case_help", name=hit.full_name,
                                                      kind=label("kind", hit.case_kind),
                                                      status=status_label(hit.case_kind, hit.status))))

    async def discover(self) -> Hits:
        return
        yield  # pragma: no cover - nothing to offer before the officer types a number
