"""The day's report on screen: choose the day, office, officer and format, preview, export.

F5 previews (the figures per kind, Dublin, returns, deadlines), ctrl+s exports to the file named, Escape
closes. The report is gathered in a thread worker (``desk.services.report``) that never touches a widget:
it posts ``Progressed``, ``Gathered`` (previewed, and exported if asked) or ``ReportFailed`` and the handlers update the screen,
including the progress bar. A report whose figures do not add up is refused with the service's message.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Checkbox, Footer, Input, ProgressBar, Select

from screens.widgets.plain import DataTable, Label, Static

from rich.text import Text

from desk import clock
from desk.errors import DomainError, ValidationError, explain
from desk.i18n import get_language, label, t
from desk.services import report as report_service
from desk.services.auth import Permission
from desk.text import parse_date
from screens.base import DeskScreen

FORMATS = report_service.FORMATS


REPORTS_DIR_ENV = "DESK_REPORTS_DIR"


def reports_dir() -> Path:
    """Where exports go unless the officer types a path: DESK_REPORTS_DIR, else ~/desk-reports
    (never the directory the app happened to be started from)."""
    return Path(os.environ.get(REPORTS_DIR_ENV) or Path.home() / "desk-reports")


def default_path(day: date, fmt: str) -> str:
    return str(reports_dir() / f"desk-report-{day.isoformat()}.{fmt}")


@dataclass(frozen=True)
class ReportRun:
    """One run of the report: the report itself and, when it was exported, the file and its size in bytes."""

    report: report_service.DailyReport
    exported_to: str | None = None
    exported_bytes: int | None = None


def gather(uow, actor, choices: dict, export: bool, progress) -> ReportRun:
    """The day's report in one unit of work, exported to ``choices["path"]`` when ``export``."""
    rep = report_service.daily_report(
        uow, actor, choices["day"], office=choices["office"], for_officer=choices["for_officer"],
        show_personal_codes=choices["show_personal_codes"], progress=progress)
    if not export:
        return ReportRun(rep)
    data = report_service.export(uow, actor, rep, choices["fmt"], choices["path"], lang=get_language())
    return ReportRun(rep, str(report_service.export_target(rep, choices["path"])), len(data))  # -UNMASKED


class ReportScreen(DeskScreen):
    """Preview and export the day's report (``ReportScreen(store, actor)``)."""

    BINDINGS = [
        Binding("f5", "preview", "-", id="report.preview"),
        Binding("ctrl+s", "export", "-", id="report.export", priority=True),
        Binding("escape", "close", "-", id="report.close"),
    ]

    class Progressed(Message):
        """``done`` of ``total`` sections gathered."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Gathered(Message):
        """The report is gathered (and exported, if the officer asked for it)."""

        def __init__(self, run: ReportRun) -> None:
            super().__init__()
            self.report_run = run

    class ReportFailed(Message):
        """Refused (bad figures, no permission) or failed: said in the status line."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def __init__(self, store, actor, *, day: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.actor = actor
        self.day = day
        self.last: report_service.DailyReport | None = None

    def unit_store(self):
        return self.store

    # --- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        day = self.day or clock.today()
        own_only = not self.actor.can(Permission.REPORTS)
        with Vertical(id="report-form"):
            yield Label(t("report.screen.title"), id="report-title")
            with Horizontal():
                yield Input(day.isoformat(), placeholder=t("report.screen.date"), id="report-date")
                yield Input(self.actor.office_code, placeholder=t("report.screen.office"), id="report-office",
                            disabled=own_only)
                yield Input(self.actor.username if own_only else "", placeholder=t("report.screen.for_officer"),
                            id="report-for-officer", disabled=own_only)
                yield Select([(f, f) for f in FORMATS], value="json", allow_blank=False, prompt=t("ui.form.choose"),
                             id="report-format")
            with Horizontal():
                yield Input(default_path(day, "json"), placeholder=t("report.screen.path"), id="report-path")
                yield Checkbox(t("report.screen.show_codes"), id="report-codes")
        yield ProgressBar(total=7, show_eta=False, id="report-progress")
        yield Static(t("report.screen.hint"), id="report-status")
        yield DataTable(id="report-kinds", cursor_type="row", zebra_stripes=True)
        yield Static("", id="report-details")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.make_columns()
        self.query_one("#report-date", Input).focus()

    def make_columns(self) -> None:
        table = self.query_one("#report-kinds", DataTable)
        table.clear(columns=True)
        table.add_columns(t("report.col.kind"), t("report.col.open_yesterday"), t("report.col.registered"),
                          t("report.col.decided"), t("report.col.closed"), t("report.col.open_end_of_day"))

    def redraw_texts(self) -> None:
        """The labels and the report already gathered, in the new language (nothing is gathered again)."""
        self.query_one("#report-title", Label).update(t("report.screen.title"))
        for widget_id, key in (("#report-date", "report.screen.date"), ("#report-office", "report.screen.office"),
                               ("#report-for-officer", "report.screen.for_officer"),
                               ("#report-path", "report.screen.path")):
            self.query_one(widget_id, Input).placeholder = t(key)
        self.query_one("#report-codes", Checkbox).label = t("report.screen.show_codes")
        self.make_columns()
        if self.last is not None:
            self.show_report(self.last)

    # --- what the officer typed -------------------------------------------------------------------

    def _choices(self) -> dict:
        raw_day = self.query_one("#report-date", Input).value
        day = parse_date(raw_day)
        if day is None:
            raise ValidationError("error.bad_date", field="date", value=raw_day[:20])
        office = self.query_one("#report-office", Input).value.strip() or None
        for_officer = self.query_one("#report-for-officer", Input).value.strip() or None
        fmt = str(self.query_one("#report-format", Select).value)
        path = self.query_one("#report-path", Input).value.strip() or default_path(day, fmt)
        show = self.query_one("#report-codes", Checkbox).value
        return {"day": day, "office": office, "for_officer": for_officer, "fmt": fmt, "path": path,
                "show_personal_codes": show}

    @on(Select.Changed, "#report-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#report-path", Input)
        stem = Path(path.value or "desk-report").with_suffix("")
        path.value = f"{stem}.{event.value}"

    # --- actions --------------------------------------------------------------------------------------

    def action_preview(self) -> None:
        self._start(export=False)

    def action_export(self) -> None:
        self._start(export=True)

    def action_close(self) -> None:
        self.dismiss(None)

    def _start(self, *, export: bool) -> None:
        try:
            choices = self._choices()
        except DomainError as exc:
            self._show_error(exc)
            return
        self.query_one("#report-progress", ProgressBar).update(total=7, progress=0)
        self.query_one("#report-status", Static).update(t("report.screen.working"))
        self._gather(choices, export)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def _gather(self, choices: dict, export: bool) -> None:
        """Runs in a thread: the service calls only; results go back as messages."""
        def progress(done: int, total: int) -> None:
            self.post_message(self.Progressed(done, total))

        self.serve(self.Gathered, gather, self.actor, choices, export, progress, write=export,
                   failed=self.ReportFailed)

    # --- results ------------------------------------------------------------------------------------

    @on(Progressed)
    def progressed(self, message: Progressed) -> None:
        self.query_one("#report-progress", ProgressBar).update(total=message.total, progress=message.done)

    @on(Gathered)
    def gathered(self, message: Gathered) -> None:
        self.last = message.report_run.report
        self.show_report(self.last)
        self.query_one("#report-status", Static).update(t("report.screen.ready"))
        if message.report_run.exported_to is not None:
            text = t("report.screen.exported", path=message.report_run.exported_to)
            self.query_one("#report-status", Static).update(text)
            self.notify(text)

    def show_report(self, rep: report_service.DailyReport) -> None:
        table = self.query_one("#report-kinds", DataTable)
        with self.app.batch_update():
            table.clear()
            for k in rep.kinds:
                table.add_row(label("kind", k.kind), str(k.open_yesterday), str(k.registered), str(k.decided_total),
                              str(k.closed), str(k.open_end_of_day), key=k.kind)
        self.query_one("#report-details", Static).update(preview_text(rep))

    @on(ReportFailed)
    def report_failed(self, message: ReportFailed) -> None:
        self.query_one("#report-progress", ProgressBar).update(progress=0)
        self._show_error(message.error)

    def _show_error(self, error: BaseException) -> None:
        text = explain(error)
        self.query_one("#report-status", Static).update(text)
        self.notify(text, severity="error")


def preview_text(rep: report_service.DailyReport) -> str:
    """The sections below the table, as plain lines (no markup from data: codes and numbers only)."""
    d = rep.dublin

    def fmt(day: date | None) -> str:
        return day.strftime("%d.%m.%Y") if day else ""

    received = sum(n for _k, _r, n in d.received)
    sent = sum(n for _k, _r, n in d.sent)
    lines = [
        f"{t('report.section.dublin')}: {t('report.dublin.received')} {received}, {t('report.dublin.sent')} {sent}, "
        f"{t('report.dublin.replies_given')} {sum(n for _o, n in d.replies_given)}, "
        f"{t('report.dublin.replies_received')} {sum(n for _o, n in d.replies_received)}, "
        f"{t('report.dublin.tacit')} {d.tacit_acceptances}, {t('report.dublin.transfers')} {d.transfers_done}, "
        f"{t('report.dublin.extensions')} {d.extensions}",
        f"{t('report.section.returns')}: "
        + ", ".join(f"{label('report.return_kind', k)} {n}" for k, n in rep.returns.decisions)
        + f", {t('report.entry_bans')} {rep.returns.entry_bans}",
        f"{t('report.section.missed')}: {len(rep.missed)}",
    ]
    lines += [f"  {x.case_number}  {report_service.rule_words(x, get_language())}  {fmt(x.due_on)}  {x.owner}"
              for x in rep.missed[:10]]
    lines.append(f"{t('report.section.next_working_day', day=fmt(rep.next_working_day))}: "
                 f"{len(rep.due_next_working_day)}")
    lines += [f"  {x.case_number}  {report_service.rule_words(x, get_language())}  {fmt(x.due_on)}  {x.owner}"
              for x in rep.due_next_working_day[:10]]
    lines.append(f"{t('report.section.within_7_days')}: {len(rep.due_within_7_days)}")
    lines.append(f"{t('report.section.activity')}: "
                 + ", ".join(f"{a.username} {a.total}" for a in rep.activity))
    return Text("\n".join(lines))
