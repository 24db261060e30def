"""F1: every key of the current screen and the global keys, read from the bindings themselves."""
from __future__ import annotations

import ast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from screens.widgets.plain import DataTable, Label

from desk.i18n import t
from screens.base import DeskModal


def keys_of(app, screen: Screen) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(screen keys, global keys) as (key display, description), from the live bindings."""

    def collect(node, seen: set[str]) -> list[tuple[str, str]]:
        out = []
        for key, bindings in node._bindings.key_to_bindings.items():
            for b in bindings:
                if not b.id or not b.description or b.system:
                    continue  # only desk's own, translated bindings
                action = b.action.split("(")[0]
                if hasattr(node, "check_action"):
                    params = ()
                    if "(" in b.action:
                        try:
                            params = ast.literal_eval("(" + b.action.split("(", 1)[1].rstrip(")") + ",)")
                        except Exception:
                            params = ()
                    if node.check_action(action, params) is False:
                        continue
                display = app.get_key_display(b)
                if (display, b.description) in seen:
                    continue
                seen.add((display, b.description))
                out.append((display, b.description))
        return out

    seen: set = set()
    return collect(screen, seen), collect(app, seen)


class HelpScreen(DeskModal[None]):
    """The keys that work here, in the officer's language."""

    BINDINGS = [Binding("escape,f1", "close", "-", id="help.close")]

    def __init__(self, screen_keys: list[tuple[str, str]], global_keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.screen_keys = screen_keys
        self.global_keys = global_keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("ui.help.title"), classes="dialog-title")
            yield Label(t("ui.help.screen_keys"), classes="section")
            yield DataTable(id="screen-keys", show_header=False, cursor_type="none")
            yield Label(t("ui.help.global_keys"), classes="section")
            yield DataTable(id="global-keys", show_header=False, cursor_type="none")

    def on_mount(self) -> None:
        super().on_mount()
        for table_id, rows in (("#screen-keys", self.screen_keys), ("#global-keys", self.global_keys)):
            table = self.query_one(table_id, DataTable)
            table.add_columns(t("ui.help.key"), t("ui.help.does"))
            for key, text in rows:
                table.add_row(key, text)

    def action_close(self) -> None:
        self.dismiss(None)
