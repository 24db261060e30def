"""A list on screen to a file (issue 18 point 7): the worklist, search results, a person's cases, a case's
deadlines, as XLSX or CSV, the way the day's report writes them (the report renderers' table helpers:
headers and words in the officer's language, real date cells DD.MM.YYYY, widths, a frozen header row;
CSV in UTF-8 with a BOM and ``;``).

What you see is what you get, and no more than the officer may see: the screen says which list and with
which parameters (``ListAsked``: the worklist's scope, filter, order and the number of rows it holds; the
search text; the person; the case) and this service reads the list again by the same read-model query the
screen used, with the same role checks (a row the officer may not see is never read, whatever a screen
passes). Personal codes are masked as the report masks them (no option to show them here) and no document
number is exported. One audit entry, ``list.export``: which list, how many rows, the format and the file's
name, never a name, a code or the search text. The file is written 0600, atomically (``desk.private``).

It sits above the read models (desk.services.views): it writes what they read (pyproject.toml's contract).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk.clock import riga
from desk.errors import ValidationError
from desk.i18n import has, label_in, t_in
from desk.i18n.citations import shown_with_flag
from desk.services.files import write_export
from desk.services import audit, views
from desk.services.auth import Actor, Permission, ensure_live, require, require_kind
from desk.services.casecore import get_case
from desk.services.labels import label_key, status_key
from desk.services.persons import get_person
from desk.services.report.renderers import table_csv, table_workbook
from desk.services.search import search

LISTS = ("worklist", "search", "person_cases", "case_deadlines")
FORMATS = ("xlsx", "csv")
MAX_ROWS = 5000  # a worklist held on screen is read in pages; no list on screen is longer than this
SEARCH_LIMIT = 50  # the search screen's own limit (screens.search.LIMIT)


@dataclass(frozen=True)
class ListAsked:
    """Which list the screen shows and how it read it: the service reads it again the same way."""

    which: str
    scope: str = "mine"  # the worklist
    wanted: views.WorklistFilter = field(default_factory=views.WorklistFilter)  # the worklist
    rows: int = 50  # the worklist: how many rows the screen holds
    text: str = ""  # the search: what was typed
    person_id: int | None = None  # a person's cases
    case_id: int | None = None  # a case's deadlines


@dataclass(frozen=True)
class ListExported:
    path: str
    rows: int
    fmt: str


def _kind(kind: str | None, lang: str) -> str:
    return label_in(lang, "kind", kind) if kind else ""


def _status(kind: str | None, status: str | None, lang: str) -> str:
    if not status:
        return ""
    key = status_key(kind, status) if kind else None
    return t_in(lang, key) if key else status


def _words(key: str | None, lang: str) -> str:
    return t_in(lang, key) if key and has(key) else (key or "")


# --- the lists: (sheet key, column keys, rows of cells), read as the screen reads them -----------------------


def _worklist(uow, actor: Actor, asked: ListAsked, lang: str):
    rows: list[views.CaseRow] = []
    wanted = min(max(asked.rows, 1), MAX_ROWS)
    while len(rows) < wanted:  # pages of at most 500, the read model's limit, as the home screen reads them
        page = views.worklist(uow, actor, scope=asked.scope, offset=len(rows), limit=min(500, wanted - len(rows)),
                              **asked.wanted.arguments())
        rows += page
        if not page:
            break
    columns = ("number", "kind", "status", "person", "opened", "next_due", "owner")
    return "ui.home.col", columns, [
        (r.number, _kind(r.kind, lang), _status(r.kind, r.status, lang), r.person_name, r.opened_on, r.next_due,
         r.owner_username) for r in rows]


def _search(uow, actor: Actor, asked: ListAsked, lang: str):
    hits = search(uow, actor, asked.text, limit=SEARCH_LIMIT, audit=False) if asked.text.strip() else []
    columns = ("what", "name", "original", "born", "citizenship", "code", "kind", "status")
    return "search.col", columns, [
        (h.number if h.kind == "case" else t_in(lang, "search.person"), h.full_name, h.original_name or "",
         h.date_of_birth, h.citizenship, h.personal_code_masked, _kind(h.case_kind, lang),
         _status(h.case_kind, h.status, lang)) for h in hits]


def _person_cases(uow, actor: Actor, asked: ListAsked, lang: str):
    require(uow, actor, Permission.VIEW_PERSONS, person_id=asked.person_id)
    person = get_person(uow, asked.person_id)  # a merged record's id: the survivor's cases, as the file shows
    columns = ("number", "kind", "status", "opened", "owner")
    return "ui.person.col", columns, [
        (r.number, _kind(r.kind, lang), _status(r.kind, r.status, lang), r.opened_on, r.owner_username)
        for r in views.cases_of_person(uow, actor, person.id)]


def _case_deadlines(uow, actor: Actor, asked: ListAsked, lang: str):
    case = get_case(uow, asked.case_id)
    require_kind(uow, actor, case.kind, case_id=case.id)
    columns = ("rule", "article", "anchor", "anchor_date", "due_on", "state", "consequence")
    return "ui.case.col", columns, [
        (_words(d.title_key, lang), shown_with_flag(d.article, d.verified, lang), _words(d.anchor_event_key, lang),
         d.anchor_date, d.due_on, t_in(lang, label_key(d.state)), _words(d.consequence_key, lang))
        for d in views.deadlines_of(uow, case)]


READERS = {"worklist": _worklist, "search": _search, "person_cases": _person_cases,
           "case_deadlines": _case_deadlines}


def _csv_cell(value: Any) -> Any:
    """A day as Latvian Excel reads a day typed in a cell, DD.MM.YYYY; None as an empty field."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    return "" if value is None else value


def file_name(which: str, fmt: str, at: datetime) -> str:
    """``desk-list-worklist-2026-03-02-141503.xlsx``: which list and when, never whose."""
    return f"desk-list-{which.replace('_', '-')}-{at.strftime('%Y-%m-%d-%H%M%S')}.{fmt}"


def export_list(uow, actor: Actor, asked: ListAsked, fmt: str, folder: str | Path, *, lang: str) -> ListExported:
    """Read ``asked``'s list again as ``actor`` may see it, write it as ``fmt`` in ``lang`` into ``folder``
    (0600, atomically) and audit ``list.export`` in ``uow``'s transaction."""
    ensure_live(uow, actor)
    if asked.which not in READERS:
        raise ValidationError("list.unknown_list", field="which", value=str(asked.which)[:20])
    if fmt not in FORMATS:
        raise ValidationError("list.unknown_format", field="fmt", value=str(fmt)[:8])
    prefix, columns, rows = READERS[asked.which](uow, actor, asked, lang)
    header = [t_in(lang, f"{prefix}.{c}") for c in columns]
    at = riga(uow.clock.now())
    if fmt == "xlsx":
        data = table_workbook([(t_in(lang, f"list.sheet.{asked.which}"), header, rows)], lang=lang,
                              when=at.replace(tzinfo=None, microsecond=0))
    else:
        data = table_csv(header, [[_csv_cell(v) for v in row] for row in rows])
    target = Path(folder) / file_name(asked.which, fmt, at)
    audit.record(uow, actor, "list.export", case_id=asked.case_id, person_id=asked.person_id, list=asked.which,
                 rows=len(rows), format=fmt, file=target.name)
    write_export(target, data)
    return ListExported(str(target), len(rows), fmt)
