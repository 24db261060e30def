"""The day's report and the work in figures: what was registered, decided, missed and done on one day.

``daily_report(uow, actor, day, ...)`` (``gather``) gathers the facts of one legal day (Europe/Riga) by the
``queries`` and checks that they add up (``checks``: open yesterday + registered - closed = open today,
per kind) into a frozen ``DailyReport`` (``figures``). ``render(report, fmt, lang=...)`` (``renderers``)
turns it into bytes - JSON, CSV, XLSX or a printable HTML page - all drawn from one declarative list of
sections (``layout``), its words in the language given (``words``); ``export(uow, actor, report, fmt, path,
lang=...)`` (``exporting``) writes the file and audits who exported what. ``statistics(uow, actor, today)``
(``stats``) gives the figures behind the statistics screen, counted by the same queries.

The modules point one way: exporting -> renderers -> layout -> words | gather | stats -> checks ->
queries -> figures (an import-linter contract in pyproject.toml). The layout of every format is
documented in docs/report-format.md.
"""
from __future__ import annotations

from desk.services.report.checks import ReconciliationFailed, reconcile, reconcile_statuses
from desk.services.report.exporting import export, export_target
from desk.services.report.figures import (
    ALL_OFFICES,
    FORMAT_VERSION,
    KINDS,
    OUTCOMES,
    STATS_DAYS,
    WITHIN_DAYS,
    DailyReport,
    DeadlineItem,
    DublinFigures,
    KindFigures,
    OfficerActivity,
    Progress,
    ReturnFigures,
    Scope,
    Statistics,
)
from desk.services.report.gather import daily_report
from desk.services.report.layout import CSV_COLUMNS, LAYOUT, Section
from desk.services.report.queries import (
    activity,
    dublin_figures,
    kind_figures,
    resolve_scope,
    return_figures,
    transfer_extensions,
)
from desk.services.report.renderers import (
    CSV_DIALECTS,
    FORMATS,
    as_dict,
    csv_rows,
    render,
    to_csv,
    to_html,
    to_json,
    to_xlsx,
    xlsx_sheets,
)
from desk.services.report.stats import statistics
from desk.services.report.words import action_words, kind_words, outcome_words, rule_words, state_words

__all__ = [
    "ALL_OFFICES", "CSV_COLUMNS", "CSV_DIALECTS", "FORMATS", "FORMAT_VERSION", "KINDS", "LAYOUT", "OUTCOMES",
    "STATS_DAYS", "WITHIN_DAYS", "DailyReport", "DeadlineItem", "DublinFigures", "KindFigures", "OfficerActivity",
    "Progress", "ReconciliationFailed", "ReturnFigures", "Scope", "Section", "Statistics", "action_words",
    "activity", "as_dict", "csv_rows", "daily_report", "dublin_figures", "export", "export_target", "kind_figures", "kind_words",
    "outcome_words", "reconcile", "reconcile_statuses", "render", "resolve_scope", "return_figures", "rule_words",
    "state_words", "statistics", "to_csv", "to_html", "to_json", "to_xlsx", "transfer_extensions", "xlsx_sheets",
]
