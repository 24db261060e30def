"""The report and statistics screens driven with keys: preview fills the table and the progress bar,
ctrl+s exports the file and audits it, a non-supervisor is held to their own work; the charts load."""
from __future__ import annotations

import json

from textual.app import App
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from desk.services import audit
from screens.report import ReportScreen
from screens.stats import StatsScreen
from tests.test_report import build_day
from tests.ui.conftest import settle

SIZE = (140, 45)


class Host(App):
    def __init__(self, screen):
        super().__init__()
        self._first = screen

    def on_mount(self) -> None:
        self.push_screen(self._first)


async def test_preview_then_export(ui_store, tmp_path):
    build_day(ui_store, ui_store.actors)
    screen = ReportScreen(ui_store, ui_store.actors["supervisor"])
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen.query_one("#report-date", Input).value = "20.11.2026"
        await pilot.press("f5")
        await settle(pilot)
        table = screen.query_one("#report-kinds", DataTable)
        assert table.row_count == 6
        asylum = table.get_row("asylum")
        assert [str(c) for c in asylum[1:]] == ["2", "1", "1", "0", "3"]
        bar = screen.query_one("#report-progress", ProgressBar)
        assert bar.progress == bar.total == 7
        assert "DUB-2026-000001" in str(screen.query_one("#report-details", Static).render())
        out = tmp_path / "day.json"
        screen.query_one("#report-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert json.loads(out.read_text())["kinds"]["return"]["registered"] == 2
        assert "Eksportēts" in str(screen.query_one("#report-status", Static).render())
    with ui_store.reader() as uow:
        entry = audit.entries(uow, limit=1)[0]
    assert entry.action == "report.export" and entry.officer_username == "vaditajs"


async def test_a_case_officer_is_held_to_their_own_work(ui_store, tmp_path):
    build_day(ui_store, ui_store.actors)
    screen = ReportScreen(ui_store, ui_store.actors["asylum"])
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert screen.query_one("#report-for-officer", Input).value == "patverums"
        assert screen.query_one("#report-office", Input).disabled
        screen.query_one("#report-date", Input).value = "2026-11-20"
        await pilot.press("f5")
        await settle(pilot)
        table = screen.query_one("#report-kinds", DataTable)
        assert [str(c) for c in table.get_row("permit")[1:]] == ["0", "0", "0", "0", "0"]
        # a bad date is refused next to nothing being gathered
        screen.query_one("#report-date", Input).value = "31.02.2026"
        await pilot.press("f5")
        await settle(pilot)
        assert "Nederīgs datums" in str(screen.query_one("#report-status", Static).render())


async def test_format_choice_renames_the_file(ui_store, tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_REPORTS_DIR", str(tmp_path))  # exports go there, not where the app started
    screen = ReportScreen(ui_store, ui_store.actors["supervisor"])
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen.query_one("#report-format", Select).value = "xlsx"
        await settle(pilot)
        assert screen.query_one("#report-path", Input).value == str(tmp_path / "desk-report-2026-11-22.xlsx")


async def test_statistics_screen_draws_the_figures(ui_store):
    build_day(ui_store, ui_store.actors)
    screen = StatsScreen(ui_store, ui_store.actors["supervisor"])
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert screen.stats is not None
        # 10: the outgoing Dublin request of build_day opened when it was sent (20.06.2026), outside the 30 days
        assert screen.stats.total_registrations == 10
        summary = str(screen.query_one("#stats-summary", Static).render())
        assert "Reģistrētas 10 lietas" in summary
        await pilot.press("r")
        await settle(pilot)
        assert screen.stats.total_registrations == 10
