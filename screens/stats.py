"""The work in charts: registrations per day by kind (last 30 days), decisions by outcome, deadlines met
vs missed. The figures come from ``desk.services.report.statistics`` in a thread worker; the plots are
textual-plotext widgets drawn on the event loop when the figures arrive. r refreshes, Escape closes.
"""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Footer

from screens.widgets.plain import Static
from textual_plotext import PlotextPlot

from desk.errors import explain
from desk.i18n import label, t
from desk.services import report as report_service
from screens.base import DeskScreen


def statistics_today(uow, actor) -> report_service.Statistics:
    return report_service.statistics(uow, actor, uow.clock.today())


class StatsScreen(DeskScreen):
    """Charts of the last 30 days for the officer's scope (``StatsScreen(store, actor)``)."""

    BINDINGS = [
        Binding("r", "refresh", "-", id="stats.refresh"),
        Binding("escape", "close", "-", id="stats.close"),
    ]

    class StatsLoaded(Message):
        """The last 30 days' figures for the officer's scope."""

        def __init__(self, stats: report_service.Statistics) -> None:
            super().__init__()
            self.stats = stats

    class StatsFailed(Message):
        """Refused or failed: said in the summary line."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, store, actor) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.stats: report_service.Statistics | None = None

    def unit_store(self):
        return self.store

    def compose(self) -> ComposeResult:
        yield Static(t("stats.loading"), id="stats-summary")
        with Grid(id="stats-grid"):
            yield PlotextPlot(id="stats-registrations")
            yield PlotextPlot(id="stats-decisions")
            yield PlotextPlot(id="stats-deadlines")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.action_refresh()

    def action_refresh(self) -> None:
        self.query_one("#stats-summary", Static).update(t("stats.loading"))
        self._load()

    def action_close(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def _load(self) -> None:
        self.serve(self.StatsLoaded, statistics_today, self.actor, write=False, failed=self.StatsFailed)

    @on(StatsLoaded)
    def stats_loaded(self, message: StatsLoaded) -> None:
        self.stats = message.stats
        self.draw()

    def redraw_texts(self) -> None:
        """The figures already read, in the new language (nothing is read again)."""
        self.draw()

    def draw(self) -> None:
        stats = self.stats
        if stats is None:
            self.query_one("#stats-summary", Static).update(t("stats.loading"))
            return
        days = len(stats.days)
        met, missed = sum(stats.deadlines_met), sum(stats.deadlines_missed)
        self.query_one("#stats-summary", Static).update(
            f"{t('stats.title')}: " + t("stats.summary", n=stats.total_registrations, met=met, missed=missed))
        xs = list(range(1, days + 1))
        ticks = [d.strftime("%d.%m") for d in stats.days]
        step = max(1, days // 6)

        reg = self.query_one("#stats-registrations", PlotextPlot)
        plt = reg.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(t("stats.registrations", days=days))
        for kind, counts in stats.registrations:
            plt.plot(xs, list(counts), label=label("kind", kind))
        plt.xticks(xs[::step], ticks[::step])
        plt.xlabel(t("stats.day"))
        reg.refresh()

        dec = self.query_one("#stats-decisions", PlotextPlot)
        plt = dec.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(t("stats.decisions", days=days))
        shown = [(f"{label('kind', k)}: {label('report.outcome', o)}", n) for k, o, n in stats.decisions if n]
        if shown:
            plt.bar([name for name, _n in shown], [n for _name, n in shown], orientation="horizontal")
        dec.refresh()

        dl = self.query_one("#stats-deadlines", PlotextPlot)
        plt = dl.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(t("stats.deadlines"))
        plt.stacked_bar(xs, [list(stats.deadlines_met), list(stats.deadlines_missed)],
                        labels=[t("stats.met"), t("stats.missed")])
        plt.xticks(xs[::step], ticks[::step])
        dl.refresh()

    @on(StatsFailed)
    def stats_failed(self, message: StatsFailed) -> None:
        text = explain(message.error)
        self.query_one("#stats-summary", Static).update(text)
        self.notify(text, severity="error")
