"""The report's layout: one declarative list of sections (``LAYOUT``) from which every format is drawn.

A ``Section`` is one table of the report: its ``columns`` (a code, the catalogue key of its heading, the
stored value and, where a code must read as words, how it reads in a language) and how its ``rows`` come
from a ``DailyReport``. Where the section appears is said beside it, never in a renderer:

* ``sheet_key``: the name of its XLSX sheet (none: no sheet);
* ``html``: its place on the printable page (a ``Heading``; none: not on the page);
* ``json``: where its rows go in the JSON document (``JsonObject``, ``JsonValue``, ``JsonList``,
  ``JsonGrouped``; none: not in JSON);
* ``csv``: the CSV rows each of its rows gives (``CsvRow``, ``CsvMeasures``, ``CsvPairs``; the CSV has the
  fixed columns ``CSV_COLUMNS`` of docs/report-format.md, so a column reaches it only by being named here).

The renderers (``desk.services.report.renderers``) walk ``LAYOUT`` in order and know no section by name.
The formats do not all show the same tables: the JSON and CSV are the stable machine forms
(docs/report-format.md), the workbook and the page are read by people. Where they differ a section says
so by naming only its formats (the page shows Dublin in two tables and activity with totals; the
machine forms hold the next working day in a place of their own).
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Callable, Mapping, Sequence

from desk.clock import RIGA
from desk.i18n import label_in, t_in
from desk.services.report.figures import ALL_OFFICES, FORMAT_VERSION, DailyReport
from desk.services.report.words import (
    action_words,
    article_words,
    kind_words,
    outcome_words,
    rule_words,
    state_words,
)

Row = Any  # one row of a section: a figure of ``figures`` or one of the line types below
Words = Callable[[Row, str], Any]  # (row, lang) -> what a person reads in the cell
CsvCell = str | Callable[[Row], Any]  # a column's code, or the value itself

CSV_COLUMNS = ("section", "kind", "key", "count", "case", "rule", "article", "anchor_date", "due_on", "state",
               "officer", "personal_code")


# --- the vocabulary of a layout ------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: ``code`` names it in JSON; ``label_key`` heads it in the workbook and on the page (None:
    a value only the machine forms hold); ``value`` is the stored code, count or date; ``words`` what a
    person reads instead (None: the value itself); ``json``: whether the section's JSON rows hold it."""

    code: str
    label_key: str | None
    value: Callable[[Row], Any]
    words: Words | None = None
    json: bool = True

    def shown(self, row: Row, lang: str) -> Any:
        return self.words(row, lang) if self.words else self.value(row)


@dataclass(frozen=True)
class Heading:
    """A section's place on the printable page: a heading (``key``, filled with ``params``) over its
    table, or ``key=None``: the table follows the one before under the same heading."""

    key: str | None
    params: Callable[[DailyReport, str], dict[str, str]] | None = None


@dataclass(frozen=True)
class JsonObject:
    """Each row's JSON columns as one object at ``path(row)``."""

    path: Callable[[Row], tuple[str, ...]]


@dataclass(frozen=True)
class JsonValue:
    """Each row's ``column`` as one value at ``path(row)``."""

    path: Callable[[Row], tuple[str, ...]]
    column: str


@dataclass(frozen=True)
class JsonList:
    """Each row's JSON columns as an object of the list at ``path`` (an empty list when no rows)."""

    path: tuple[str, ...]


@dataclass(frozen=True)
class JsonGrouped:
    """The rows grouped by the columns ``by`` into objects of the list at ``path``: those columns, the
    mapping ``into`` of each row's ``key`` to its ``value``, and their sum as ``total``."""

    path: tuple[str, ...]
    by: tuple[str, ...]
    into: str
    key: str
    value: str
    total: str


@dataclass(frozen=True)
class CsvRow:
    """Each row gives one CSV row: ``section`` (or ``section(row)``) and the ``cells`` it fills."""

    section: str | Callable[[Row], str]
    cells: Mapping[str, CsvCell]


@dataclass(frozen=True)
class CsvMeasures:
    """Each row gives one CSV row per column of ``measures``: ``section``, ``kind``, the column's code as
    ``key`` and its value as ``count``."""

    section: str
    kind: CsvCell
    measures: tuple[str, ...]


@dataclass(frozen=True)
class CsvPairs:
    """Each row gives one CSV row per (key, count) pair of its ``column``, with ``cells`` besides."""

    section: str
    column: str
    cells: Mapping[str, CsvCell]


JsonPlace = JsonObject | JsonValue | JsonList | JsonGrouped
CsvPlace = CsvRow | CsvMeasures | CsvPairs


@dataclass(frozen=True)
class Section:
    """One table of the report and where each format puts it (see the module's docstring); ``code`` is
    its name in the layout (and, for most sections, in the CSV)."""

    code: str
    columns: tuple[Column, ...]
    rows: Callable[[DailyReport], Sequence[Row]]
    sheet_key: str | None = None
    html: Heading | None = None
    json: JsonPlace | None = None
    csv: tuple[CsvPlace, ...] = ()

    def column(self, code: str) -> Column:
        return next(c for c in self.columns if c.code == code)

    @property
    def table(self) -> tuple[Column, ...]:
        """The columns the workbook and the page show."""
        return tuple(c for c in self.columns if c.label_key is not None)


def col(code: str, label_key: str | None, value: str | Callable[[Row], Any] | None = None,
        words: Words | None = None, *, json: bool = True) -> Column:
    """A column whose value is the row's attribute ``value`` (default: ``code``) or ``value(row)``."""
    getter = value if callable(value) else attrgetter(value or code)
    return Column(code, label_key, getter, words, json)


# --- the lines some sections are made of ---------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A fact about the report itself: ``code`` (its CSV key), where the JSON holds it, the stored value,
    and how the summary sheet names it (``label_key``) and shows it."""

    code: str
    json_path: tuple[str, ...]
    value: Callable[[DailyReport], Any]
    label_key: str
    words: Callable[[DailyReport, str], Any] | None = None

    def shown(self, report: DailyReport, lang: str) -> Any:
        return self.words(report, lang) if self.words else self.value(report)


@dataclass(frozen=True)
class Stated:
    """One fact of the report's head (``HEAD``) as a row."""

    fact: Fact
    report: DailyReport


@dataclass(frozen=True)
class OutcomeLine:
    kind: str
    outcome: str
    count: int


@dataclass(frozen=True)
class DublinLine:
    """One Dublin figure: ``measure`` (received, sent, replies_given, replies_received, tacit, transfers,
    extensions), the request kind where it is one of requests, ``key`` (the regime, the reply, or the
    figure's own name) and the count."""

    measure: str
    request_kind: str
    key: str
    count: int


@dataclass(frozen=True)
class ReturnLine:
    key: str  # voluntary | forced | entry_bans
    count: int


@dataclass(frozen=True)
class ActionLine:
    """An officer's count of one audit action; ``action`` None: the officer's total (the page only)."""

    officer: str
    name: str
    action: str | None
    count: int


# --- the head: what every format says about the report itself -------------------------------------------


def _office(report: DailyReport) -> str:
    return report.office_code or ALL_OFFICES


def _office_words(report: DailyReport, lang: str) -> str:
    return report.office_code or t_in(lang, "report.all_offices")


def _codes(report: DailyReport) -> str:
    return "shown" if report.personal_codes_shown else "masked"


def _codes_words(report: DailyReport, lang: str) -> str:
    return t_in(lang, "report.codes_shown" if report.personal_codes_shown else "report.codes_masked")


HEAD: dict[str, Fact] = {f.code: f for f in (
    Fact("report", ("report",), lambda r: "desk.daily", "report.title"),
    Fact("format_version", ("format_version",), lambda r: FORMAT_VERSION, "report.format_version"),
    Fact("date", ("date",), attrgetter("day"), "report.screen.date"),
    # the one line that varies between two exports of the same day
    Fact("generated_at", ("generated_at",), lambda r: r.generated_at.astimezone(RIGA).isoformat(timespec="seconds"),
         "report.generated_at", lambda r, lang: r.generated_at.astimezone(RIGA).replace(tzinfo=None)),
    Fact("generated_by", ("generated_by",), attrgetter("generated_by"), "report.exported_by"),
    Fact("office", ("scope", "office"), _office, "report.office", _office_words),
    Fact("officer", ("scope", "officer"), attrgetter("for_officer"), "report.officer",
         lambda r, lang: r.for_officer or ""),
    Fact("personal_codes", ("personal_codes",), _codes, "report.col.personal_code", _codes_words),
    Fact("next_working_day", ("deadlines", "next_working_day"), attrgetter("next_working_day"),
         "report.next_working_day"),
)}


def _stated(*codes: str) -> Callable[[DailyReport], list[Stated]]:
    return lambda report: [Stated(HEAD[code], report) for code in codes]


FACT_COLUMNS = (
    col("measure", "report.col.measure", lambda s: s.fact.code, lambda s, lang: t_in(lang, s.fact.label_key)),
    col("value", "report.col.value", lambda s: s.fact.value(s.report), lambda s, lang: s.fact.shown(s.report, lang)),
)
_FACT_JSON = JsonValue(lambda s: s.fact.json_path, "value")
_FACT_CSV = (CsvRow("meta", {"key": "measure", "count": "value"}),)


# --- the columns several sections share -------------------------------------------------------------------

KIND = col("kind", "report.col.kind", words=lambda row, lang: kind_words(row.kind, lang), json=False)
OPEN_YESTERDAY = col("open_yesterday", "report.col.open_yesterday")
REGISTERED = col("registered", "report.col.registered")
CLOSED = col("closed", "report.col.closed")
COUNT = col("count", "report.col.count")

DEADLINE_COLUMNS = (
    col("case", "report.col.case", "case_number"),
    col("kind", "report.col.kind", words=lambda x, lang: kind_words(x.kind, lang)),
    col("rule", "report.col.rule", "rule_id", lambda x, lang: rule_words(x, lang)),
    col("article", "report.col.article", words=lambda x, lang: article_words(x.article, lang)),
    col("anchor_date", "report.col.anchor_date"),
    col("due_on", "report.col.due_on"),
    col("state", "report.col.state", words=lambda x, lang: state_words(x.state, lang)),
    col("owner", "report.col.officer"),
    col("personal_code", "report.col.personal_code", lambda x: x.personal_code or None,
        lambda x, lang: x.personal_code),
)


def _deadlines(code: str, json_key: str, items: Callable[[DailyReport], Sequence[Row]], heading: Heading) -> Section:
    """One list of deadlines: named ``code`` in the CSV and the workbook, ``json_key`` in the JSON."""
    return Section(
        f"deadline_{code}", DEADLINE_COLUMNS, items, sheet_key=f"report.sheet.{code}", html=heading,
        json=JsonList(("deadlines", json_key)),
        csv=(CsvRow(f"deadline_{code}", {"kind": "kind", "case": "case", "rule": "rule", "article": "article",
                                         "anchor_date": "anchor_date", "due_on": "due_on", "state": "state",
                                         "officer": "owner", "personal_code": "personal_code"}),))


# --- Dublin ------------------------------------------------------------------------------------------------

_REQUESTS = ("received", "sent")
_REPLIES = ("replies_given", "replies_received")
_KEY_WORDS = {"received": "report.regime", "sent": "report.regime", "replies_given": "report.reply",
              "replies_received": "report.reply"}


def dublin_lines(report: DailyReport) -> list[DublinLine]:
    d = report.dublin
    return ([DublinLine("received", k, r, n) for k, r, n in d.received]
            + [DublinLine("sent", k, r, n) for k, r, n in d.sent]
            + [DublinLine("replies_given", "", o, n) for o, n in d.replies_given]
            + [DublinLine("replies_received", "", o, n) for o, n in d.replies_received]
            + [DublinLine("tacit", "", "tacit_acceptances", d.tacit_acceptances),
               DublinLine("transfers", "", "transfers_done", d.transfers_done),
               DublinLine("extensions", "", "extensions", d.extensions)])


def _dublin_json_path(line: DublinLine) -> tuple[str, ...]:
    if line.measure in _REQUESTS:
        return ("dublin", f"requests_{line.measure}", line.request_kind, line.key)
    if line.measure in _REPLIES:
        return ("dublin", line.measure, line.key)
    return ("dublin", line.key)


def _dublin_csv_section(line: DublinLine) -> str:
    return f"dublin_{line.measure}" if line.measure in _REQUESTS + _REPLIES else "dublin"


def _measure_words(line: DublinLine, lang: str) -> str:
    return t_in(lang, f"report.dublin.{line.measure}")


def _request_kind_words(line: DublinLine, lang: str) -> str:
    return label_words("report.request_kind", line.request_kind, lang)


def _key_words(line: DublinLine, lang: str) -> str:
    return label_words(_KEY_WORDS[line.measure], line.key, lang) if line.measure in _KEY_WORDS else ""


def _reply_words(line: DublinLine, lang: str) -> str:
    """The page's one-column form of a figure that is not a request count ("Sniegtas atbildes: akceptēts")."""
    measure = _measure_words(line, lang)
    return f"{measure}: {_key_words(line, lang)}" if line.measure in _REPLIES else measure


def label_words(prefix: str, code: str, lang: str) -> str:
    return label_in(lang, prefix, code) if code else ""


DUBLIN_MEASURE = col("measure", "report.col.measure", words=_measure_words)
DUBLIN_REQUEST_KIND = col("request_kind", "report.col.request_kind", words=_request_kind_words)


def _return_words(line: ReturnLine, lang: str) -> str:
    if line.key == "entry_bans":
        return t_in(lang, "report.entry_bans")
    return label_words("report.return_kind", line.key, lang)


# --- activity ------------------------------------------------------------------------------------------------

def action_lines(report: DailyReport) -> list[ActionLine]:
    return [ActionLine(a.username, a.full_name, action, n) for a in report.activity for action, n in a.actions]


def _action_lines_with_totals(report: DailyReport) -> list[ActionLine]:
    return action_lines(report) + [ActionLine(a.username, a.full_name, None, a.total) for a in report.activity]


def _action_words(line: ActionLine, lang: str) -> str:
    return t_in(lang, "report.total") if line.action is None else action_words(line.action, lang)


# --- the layout --------------------------------------------------------------------------------------------

LAYOUT: tuple[Section, ...] = (
    # what the report is: the machine forms' head, in their order; the workbook's summary sheet
    Section("meta", FACT_COLUMNS,
            _stated("report", "format_version", "date", "generated_at", "generated_by", "office", "officer",
                    "personal_codes"),
            json=_FACT_JSON, csv=_FACT_CSV),
    Section("summary", FACT_COLUMNS,
            _stated("date", "office", "officer", "generated_by", "personal_codes", "next_working_day",
                    "generated_at", "format_version"),
            sheet_key="report.sheet.summary"),
    Section("cases", (
        KIND, OPEN_YESTERDAY, REGISTERED,
        col("decided", None),  # (outcome, count) pairs: an object in JSON, rows of their own in CSV
        col("decided_total", "report.col.decided"),
        CLOSED,
        col("open_end_of_day", "report.col.open_end_of_day"),
    ), attrgetter("kinds"), sheet_key="report.sheet.cases", html=Heading("report.section.cases"),
        json=JsonObject(lambda k: ("kinds", k.kind)),
        csv=(CsvMeasures("cases", "kind", ("open_yesterday", "registered", "closed", "open_end_of_day")),
             CsvPairs("decided", "decided", {"kind": "kind"}))),
    Section("decided", (
        KIND,
        col("outcome", "report.col.outcome", words=lambda o, lang: outcome_words(o.kind, o.outcome, lang)),
        COUNT,
    ), lambda r: [OutcomeLine(k.kind, o, n) for k in r.kinds for o, n in k.decided],
        sheet_key="report.sheet.decided", html=Heading("report.section.decided")),
    Section("dublin", (
        DUBLIN_MEASURE, DUBLIN_REQUEST_KIND, col("key", "report.col.key", words=_key_words), COUNT,
    ), dublin_lines, sheet_key="report.sheet.dublin",
        json=JsonValue(_dublin_json_path, "count"),
        csv=(CsvRow(_dublin_csv_section, {"kind": lambda line: line.request_kind or "dublin", "key": "key",
                                          "count": "count"}),)),
    # the page: the request counts by kind and regime, then the other figures in one column
    Section("dublin_requests", (
        DUBLIN_MEASURE, DUBLIN_REQUEST_KIND,
        col("regime", "report.col.regime", "key", lambda line, lang: label_words("report.regime", line.key, lang)),
        COUNT,
    ), lambda r: [line for line in dublin_lines(r) if line.measure in _REQUESTS],
        html=Heading("report.section.dublin")),
    Section("dublin_figures", (
        col("measure", "report.col.measure", words=_reply_words), COUNT,
    ), lambda r: [line for line in dublin_lines(r) if line.measure not in _REQUESTS], html=Heading(None)),
    Section("returns", (
        col("key", "report.col.measure", words=_return_words),
        COUNT,
    ), lambda r: [ReturnLine(k, n) for k, n in r.returns.decisions] + [ReturnLine("entry_bans", r.returns.entry_bans)],
        sheet_key="report.sheet.returns", html=Heading("report.section.returns"),
        json=JsonValue(lambda line: ("returns", "entry_bans") if line.key == "entry_bans"
                       else ("returns", "decisions", line.key), "count"),
        csv=(CsvRow("return_decisions", {"kind": lambda line: "return", "key": "key", "count": "count"}),)),
    # the CSV states the next working day before the deadlines, the JSON inside them (after "missed")
    Section("meta_next_working_day", FACT_COLUMNS, _stated("next_working_day"), csv=_FACT_CSV),
    _deadlines("missed", "missed", attrgetter("missed"), Heading("report.section.missed")),
    Section("next_working_day", FACT_COLUMNS, _stated("next_working_day"), json=_FACT_JSON),
    _deadlines("next_working_day", "due_next_working_day", attrgetter("due_next_working_day"),
               Heading("report.section.next_working_day",
                       lambda r, lang: {"day": r.next_working_day.strftime("%d.%m.%Y")})),
    _deadlines("within_7_days", "due_within_7_days", attrgetter("due_within_7_days"),
               Heading("report.section.within_7_days")),
    Section("activity", (
        col("officer", "report.col.officer"),
        col("name", "report.col.name"),
        col("action", "report.col.action", words=_action_words),
        COUNT,
    ), action_lines, sheet_key="report.sheet.activity",
        json=JsonGrouped(("activity",), by=("officer", "name"), into="actions", key="action", value="count",
                         total="total"),
        csv=(CsvRow("activity", {"key": "action", "count": "count", "officer": "officer"}),)),
    # the page: one column for the officer, and each officer's total
    Section("activity_with_totals", (
        col("officer", "report.col.officer", words=lambda line, lang: f"{line.officer} ({line.name})"),
        col("action", "report.col.action", words=_action_words),
        COUNT,
    ), _action_lines_with_totals, html=Heading("report.section.activity")),
    Section("reconciliation", (
        KIND, OPEN_YESTERDAY, REGISTERED, CLOSED,
        col("open_today", "report.col.open_end_of_day", "open_end_of_day"),
        col("ok", None, lambda k: True),  # the report is refused before it is drawn otherwise
    ), attrgetter("kinds"), sheet_key="report.sheet.reconciliation", html=Heading("report.section.reconciliation"),
        json=JsonObject(lambda k: ("reconciliation", k.kind))),
)


def sections_with(what: str, layout: Sequence[Section] = LAYOUT) -> list[Section]:
    """The sections of ``layout`` that appear in ``what`` ("json", "csv", "xlsx", "html")."""
    present: dict[str, Callable[[Section], bool]] = {
        "json": lambda s: s.json is not None, "csv": lambda s: bool(s.csv),
        "xlsx": lambda s: s.sheet_key is not None, "html": lambda s: s.html is not None,
    }
    return [s for s in layout if present[what](s)]


__all__ = ["CSV_COLUMNS", "LAYOUT", "HEAD", "Column", "Section", "Heading", "Fact", "Stated", "JsonObject",
           "JsonValue", "JsonList", "JsonGrouped", "CsvRow", "CsvMeasures", "CsvPairs", "col", "sections_with"]
