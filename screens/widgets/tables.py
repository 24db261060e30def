"""DataTables refreshed by keyed diff (the dolphie way): rows are updated in place, never cleared."""
from __future__ import annotations

from typing import Iterable, Sequence

from textual.binding import Binding
from textual.message import Message
from screens.widgets.plain import DataTable


def sync_rows(table: DataTable, rows: Iterable[tuple[str, Sequence]], *, append: bool = False) -> None:
    """Make ``table`` show ``rows`` (key, cells) in order, inside one ``batch_update``: rows that stay are
    updated cell by cell, new ones added, gone ones removed (unless ``append``). If the order changed
    the rows are laid out again; the cursor stays on the same case."""
    rows = list(rows)
    columns = list(table.columns.keys())
    current = [r.value for r in table.rows.keys()]
    cursor_key = None
    if table.row_count:
        try:
            cursor_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            cursor_key = None
    with table.app.batch_update():
        if append:
            for key, cells in rows:
                if key not in current:
                    table.add_row(*cells, key=key)
            return
        wanted = [key for key, _ in rows]
        kept = [k for k in current if k in set(wanted)]
        if kept == [k for k in wanted if k in set(current)]:
            for row_key in list(table.rows.keys()):
                if row_key.value not in set(wanted):
                    table.remove_row(row_key)
            position = {k: i for i, k in enumerate(current)}
            for key, cells in rows:
                if key in position:
                    for column, value in zip(columns, cells):
                        table.update_cell(key, column, value)
                else:
                    table.add_row(*cells, key=key)
            if [r.value for r in table.rows.keys()] == wanted:
                return
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if cursor_key in wanted:
            table.move_cursor(row=wanted.index(cursor_key))


class KeyedTable(DataTable):
    """A row-cursor DataTable whose rows are keyed by an id; PageDown at the end asks for more rows.
    Home and End go to the first and the last row (DataTable's own go to the first and last column,
    which a row cursor does not have)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    class MoreWanted(Message):
        """The officer paged past the last loaded row."""

        def __init__(self, table: "KeyedTable") -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> "KeyedTable":
            return self.table

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.has_more = False

    def action_page_down(self) -> None:
        at_end = self.row_count == 0 or self.cursor_row >= self.row_count - 1
        super().action_page_down()
        if at_end and self.has_more:
            self.post_message(self.MoreWanted(self))

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:
            return None
        return row_key.value
