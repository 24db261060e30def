"""``render(report, fmt, lang=..., csv_dialect=...)``: the report as bytes, drawn from the layout.

Each renderer walks ``layout.LAYOUT`` (or the layout it is given) in order and draws the sections that
name its format: the JSON document (codes, ISO dates), the CSV facts (codes, ISO dates), the workbook
(one sheet a section, words in ``lang``, real date cells) and the printable page (one table a section,
words in ``lang``). No renderer knows a section by name; the language is always a parameter.

The same report always gives the same bytes, apart from the one line that says when it was generated
(every format keeps that on a line of its own, marked ``generated_at``).
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from datetime import date, datetime, time
from typing import Any, Callable, Sequence

from desk.errors import ValidationError
from desk.i18n import LANGUAGES, t_in
from desk.services.report.figures import DailyReport
from desk.services.report.layout import (
    CSV_COLUMNS,
    HEAD,
    LAYOUT,
    CsvCell,
    CsvMeasures,
    CsvPairs,
    CsvRow,
    JsonGrouped,
    JsonList,
    JsonObject,
    JsonValue,
    Row,
    Section,
    sections_with,
)

FORMATS = ("json", "csv", "xlsx", "html")
CSV_DIALECTS = ("semicolon", "comma")
XLSX_DATE_FORMAT = "DD.MM.YYYY"
XLSX_TIME_FORMAT = "DD.MM.YYYY HH:MM:SS"
Layout = Sequence[Section]


def _day(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


# --- JSON ------------------------------------------------------------------------------------------------


def _json(value: Any) -> Any:
    """A stored value as JSON: dates ISO, (key, count) pairs an object."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return dict(value)
    return value


def _node(tree: dict, path: Sequence[str]) -> dict:
    for key in path:
        tree = tree.setdefault(key, {})
    return tree


def _list(tree: dict, path: Sequence[str]) -> list:
    return _node(tree, path[:-1]).setdefault(path[-1], [])


def _json_row(section: Section, row: Row) -> dict:
    return {c.code: _json(c.value(row)) for c in section.columns if c.json}


def _place(tree: dict, section: Section, rows: Sequence[Row]) -> None:
    place = section.json
    if isinstance(place, JsonObject):
        for row in rows:
            _node(tree, place.path(row)).update(_json_row(section, row))
    elif isinstance(place, JsonValue):
        column = section.column(place.column)
        for row in rows:
            path = place.path(row)
            _node(tree, path[:-1])[path[-1]] = _json(column.value(row))
    elif isinstance(place, JsonList):
        _list(tree, place.path).extend(_json_row(section, row) for row in rows)
    elif isinstance(place, JsonGrouped):
        groups: dict[tuple, dict] = {}
        by = [section.column(c) for c in place.by]
        key, value = section.column(place.key), section.column(place.value)
        for row in rows:
            group = groups.setdefault(tuple(c.value(row) for c in by),
                                      {**{c.code: _json(c.value(row)) for c in by}, place.into: {}})
            group[place.into][key.value(row)] = value.value(row)
        for group in groups.values():
            group[place.total] = sum(group[place.into].values())
        _list(tree, place.path).extend(groups.values())


def as_dict(report: DailyReport, layout: Layout = LAYOUT) -> dict:
    """The report as plain data with the stable keys documented in docs/report-format.md."""
    tree: dict = {}
    for section in sections_with("json", layout):
        _place(tree, section, section.rows(report))
    return tree


def unmasked_banner(report: DailyReport, lang: str) -> str | None:
    """The first line of an export that shows personal codes in full (None for a masked one): it starts
    with UNMASKED in every language, so a person or a tool sees at once what the file holds."""
    return t_in(lang, "report.unmasked_banner") if report.personal_codes_shown else None


def to_json(report: DailyReport, lang: str, layout: Layout = LAYOUT) -> bytes:
    # indent=2 keeps "generated_at" on a line of its own
    tree = as_dict(report, layout)
    banner = unmasked_banner(report, lang)
    if banner is not None:  # the first key: JSON has no line before its "{"
        tree = {"unmasked": banner, **tree}
    return (json.dumps(tree, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV -------------------------------------------------------------------------------------------------


def _cell(section: Section, row: Row, cell: CsvCell) -> Any:
    return cell(row) if callable(cell) else section.column(cell).value(row)


def _fact(name: str, **cells: Any) -> tuple:
    return tuple(name if c == "section" else cells.get(c, "") for c in CSV_COLUMNS)


def _csv_rows_of(section: Section, row: Row) -> list[tuple]:
    out = []
    for place in section.csv:
        if isinstance(place, CsvRow):
            name = place.section(row) if callable(place.section) else place.section
            out.append(_fact(name, **{c: _cell(section, row, v) for c, v in place.cells.items()}))
        elif isinstance(place, CsvMeasures):
            kind = _cell(section, row, place.kind)
            out += [_fact(place.section, kind=kind, key=m, count=section.column(m).value(row))
                    for m in place.measures]
        elif isinstance(place, CsvPairs):
            cells = {c: _cell(section, row, v) for c, v in place.cells.items()}
            out += [_fact(place.section, **cells, key=k, count=n) for k, n in section.column(place.column).value(row)]
    return out


def csv_rows(report: DailyReport, layout: Layout = LAYOUT) -> list[tuple]:
    """One row per fact; the columns that do not apply are empty (docs/report-format.md, "CSV")."""
    return [fact for section in sections_with("csv", layout) for row in section.rows(report)
            for fact in _csv_rows_of(section, row)]


def to_csv(report: DailyReport, lang: str, dialect: str = "semicolon", layout: Layout = LAYOUT) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Latvian letters; ``;`` between fields by
    default, the list separator of Latvian (and most European) Excel, which then opens the file in columns
    with a double click; ``dialect="comma"`` gives the RFC 4180 form for other tools."""
    return table_csv(CSV_COLUMNS, csv_rows(report, layout), dialect=dialect, banner=unmasked_banner(report, lang))


def table_csv(header: Sequence[str], rows: Sequence[Sequence[Any]], *, dialect: str = "semicolon",
              banner: str | None = None) -> bytes:
    """One table as CSV the way ``to_csv`` writes it (UTF-8 with a byte-order mark, ``;`` by default), for
    the report and for any list on screen (desk.services.listexport); ``banner`` is a line before the header."""
    if dialect not in CSV_DIALECTS:
        raise ValidationError("report.unknown_csv_dialect", field="csv_dialect", value=str(dialect)[:12])
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if dialect == "semicolon" else ",", lineterminator="\n")
    if banner is not None:  # a line before the header; the columns start on the next one
        writer.writerow([banner])
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff".encode("utf-8") + buf.getvalue().encode("utf-8")


# --- the tables people read: the workbook and the page ----------------------------------------------------


def _table(section: Section, report: DailyReport, lang: str) -> tuple[list[str], list[list]]:
    columns = section.table
    header = [t_in(lang, c.label_key) for c in columns]
    return header, [[c.shown(row, lang) for c in columns] for row in section.rows(report)]


def xlsx_sheets(report: DailyReport, lang: str, layout: Layout = LAYOUT) -> list[tuple[str, list[str], list[list]]]:
    """(sheet name, header row, data rows) for every section, in order, in ``lang``: words, never codes;
    dates as ``date`` (written as date cells), counts as ``int``."""
    return [(t_in(lang, s.sheet_key), *_table(s, report, lang)) for s in sections_with("xlsx", layout)]


def _xlsx_width(value) -> int:
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    return len(str(value)) if value is not None else 0


def to_xlsx(report: DailyReport, lang: str, layout: Layout = LAYOUT) -> bytes:
    """One sheet per section, named and headed in ``lang``; a bold, frozen header row; dates as real
    date cells shown DD.MM.YYYY (sortable and filterable in Excel); columns as wide as their longest value
    (within 8..60 characters)."""
    fixed = datetime.combine(report.day, time(0))  # the same report gives the same workbook
    return table_workbook(xlsx_sheets(report, lang, layout), lang=lang, when=fixed,
                          banner=unmasked_banner(report, lang))


def table_workbook(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]], *, lang: str,
                   when: datetime, banner: str | None = None) -> bytes:
    """The workbook ``to_xlsx`` writes, for the report and for any list on screen (desk.services.listexport):
    one sheet per (name, header, rows); a bold, frozen header row; dates as real date cells shown DD.MM.YYYY;
    columns as wide as their longest value (8..60); ``banner`` on a first sheet of its own; the document's
    times fixed at ``when``."""
    # openpyxl is imported when a workbook is asked for, not when the app starts (a startup guard)
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "desk"
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = "desk"
    wb.properties.language = lang
    if banner is not None:  # the first sheet says it before any figure
        ws = wb.create_sheet("UNMASKED")
        ws.append([banner])
        ws["A1"].font = Font(bold=True)
        wb.properties.title = banner
    for name, header, rows in sheets:
        ws = wb.create_sheet(_sheet_title(name))
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.number_format = XLSX_TIME_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = XLSX_DATE_FORMAT
        for i, column in enumerate(zip(header, *rows), start=1):
            width = max(_xlsx_width(v) for v in column)
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue(), when)


def _sheet_title(name: str) -> str:
    """Excel's limits on a sheet name: at most 31 characters, none of []:*?/\\ ."""
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31].strip()


def _fixed_zip_times(data: bytes, when: datetime) -> bytes:
    """Rewrite the workbook's zip with fixed member times (openpyxl stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                              body)
            dst.writestr(fixed, body)
    return out.getvalue()


_HTML_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
h1 { font-size: 14pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #888; }
table { border-collapse: collapse; margin: 0.4em 0; } th, td { border: 1px solid #999; padding: 2px 6px; }
th { background: #eee; text-align: left; } td.n { text-align: right; } p.meta { margin: 0.1em 0; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } }
""".strip()


def _html_cell(value: Any) -> str:
    if isinstance(value, datetime):
        text = value.strftime("%d.%m.%Y %H:%M:%S")
    elif isinstance(value, date):
        text = _day(value)
    else:
        text = "" if value is None else str(value)
    numeric = ' class="n"' if isinstance(value, int) else ""
    return f"<td{numeric}>{html.escape(text)}</td>"


def _html_table(header: list[str], rows: list[list], lang: str) -> list[str]:
    e = html.escape
    out = ["<table>", "<tr>" + "".join(f"<th>{e(str(h))}</th>" for h in header) + "</tr>"]
    if not rows:
        out.append(f'<tr><td colspan="{len(header)}">{e(t_in(lang, "report.none"))}</td></tr>')
    out += ["<tr>" + "".join(_html_cell(v) for v in row) + "</tr>" for row in rows]
    out.append("</table>")
    return out


def _html_head(report: DailyReport, lang: str) -> list[str]:
    """The page's title and the lines about the report itself (its head facts, in words). A page with
    personal codes in full says so first: a comment may precede the doctype, and the page shows it too."""
    e = html.escape
    title = f"{e(t_in(lang, 'report.title'))} {_day(report.day)}"
    banner = unmasked_banner(report, lang)
    first = [f"<!-- {e(banner)} -->"] if banner is not None else []
    out = first + ["<!DOCTYPE html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
                   f"<title>{'UNMASKED - ' if banner else ''}{title}</title>",
                   f"<style>{_HTML_STYLE}</style></head><body>"]
    if banner is not None:
        out.append(f'<p class="unmasked"><strong>{e(banner)}</strong></p>')
    return out + [f"<h1>{title}</h1>"] + _html_meta(report, lang)


def _html_meta(report: DailyReport, lang: str) -> list[str]:
    e = html.escape

    def fact(code: str) -> str:
        return e(str(HEAD[code].shown(report, lang)))

    out = [f'<p class="meta">{e(t_in(lang, "report.office"))}: {fact("office")}</p>']
    if report.for_officer:
        out.append(f'<p class="meta">{e(t_in(lang, "report.officer"))}: {fact("officer")}</p>')
    out.append(f'<p class="meta">{e(t_in(lang, "report.exported_by"))}: {fact("generated_by")}; '
               f'{fact("personal_codes")}</p>')
    generated = HEAD["generated_at"].shown(report, lang).strftime("%d.%m.%Y %H:%M:%S")
    out.append(f'<p class="meta" data-key="generated_at">{e(t_in(lang, "report.generated_at"))}: {e(generated)}</p>')
    return out


def to_html(report: DailyReport, lang: str, layout: Layout = LAYOUT) -> bytes:
    """A printable page: the head, then one table a section under its heading, in ``lang``."""
    out = _html_head(report, lang)
    for section in sections_with("html", layout):
        heading = section.html
        if heading.key is not None:
            params = heading.params(report, lang) if heading.params else {}
            out.append(f"<h2>{html.escape(t_in(lang, heading.key, **params))}</h2>")
        out += _html_table(*_table(section, report, lang), lang)
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")


# --- one entry point ------------------------------------------------------------------------------------------

_RENDERERS: dict[str, Callable[..., bytes]] = {"json": to_json, "xlsx": to_xlsx, "html": to_html}


def render(report: DailyReport, fmt: str, *, lang: str, csv_dialect: str = "semicolon",
           layout: Layout = LAYOUT) -> bytes:
    """``report`` as ``fmt`` (one of ``FORMATS``), its words in ``lang`` (one of ``LANGUAGES``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if fmt == "csv":
        return to_csv(report, lang, csv_dialect, layout)
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValidationError("report.unknown_format", field="format", value=str(fmt)[:10]) from None
    return renderer(report, lang, layout)
