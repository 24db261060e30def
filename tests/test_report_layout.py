"""The report's one layout draws all four formats; the words come in the language asked, whatever the
global one is; the statistics count what the day's report counts.

Most of these run on a report built by hand (no store): the layout and the renderers are pure.
"""
from __future__ import annotations

import ast
import csv
import dataclasses
import io
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk.i18n import has, set_language, t_in
from desk.services import report
from desk.services.report.figures import (
    DailyReport,
    DeadlineItem,
    DublinFigures,
    KindFigures,
    OfficerActivity,
    ReturnFigures,
)
from desk.services.report import renderers
from desk.services.report.layout import LAYOUT, CsvRow, Heading, JsonList, Section, col, sections_with
from tests.test_report import DAY, day_store, make, report_clock  # noqa: F401 - the fixtures

FORMATS = ("json", "csv", "xlsx", "html")


def sample() -> DailyReport:
    item = DeadlineItem("DUB-2026-000001", "dublin", "dublin_iii.take_charge.reply", "Regulation 604/2013 Art. 22(1)",
                        date(2026, 9, 21), DAY, "missed", "patverums", "120389-*****", "")
    return DailyReport(
        day=DAY, office_code="RIG-CEN", for_officer=None,
        generated_at=datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc), generated_by="vaditajs",
        personal_codes_shown=False,
        kinds=(KindFigures("asylum", 2, 1, 0, 3, (("refused", 1),)),
               KindFigures("visa", 1, 0, 1, 0, (("issued", 0),))),
        dublin=DublinFigures(received=(("take_charge", "dublin_iii", 1),), sent=(), replies_given=(("accepted", 1),),
                             replies_received=(), tacit_acceptances=0, transfers_done=1, extensions=0),
        returns=ReturnFigures((("forced", 1),), 1),
        missed=(item,), next_working_day=date(2026, 11, 23), due_next_working_day=(), due_within_7_days=(),
        activity=(OfficerActivity("patverums", "Pēteris Patvērums", (("case.accept", 2), ("case.register", 1))),),
    )


def drawn(rep: DailyReport, fmt: str, lang: str = "lv", layout=LAYOUT):
    """What a reader finds in the file: the JSON document, the CSV rows, the workbook, the page."""
    data = report.render(rep, fmt, lang=lang, layout=layout)
    if fmt == "json":
        return json.loads(data)
    if fmt == "csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    if fmt == "xlsx":
        return load_workbook(io.BytesIO(data))
    return data.decode("utf-8")


# a section the report does not have: the figures per kind that only the probe shows
PROBE = Section(
    "probe",
    (col("kind", "report.col.kind", words=lambda k, lang: t_in(lang, f"kind.{k.kind}"), json=False),
     col("registered", "report.col.registered"),
     col("probe_total", "report.col.count", lambda k: k.open_yesterday + k.registered + 1000)),
    lambda r: r.kinds, sheet_key="report.sheet.reconciliation", html=Heading("report.section.reconciliation"),
    json=JsonList(("probe",)),
    csv=(CsvRow("probe", {"kind": "kind", "key": lambda k: "probe_total", "count": "probe_total"}),))


def test_a_section_added_to_the_layout_appears_in_every_format():
    rep = sample()
    layout = (*LAYOUT, PROBE)
    assert drawn(rep, "json", layout=layout)["probe"] == [{"registered": 1, "probe_total": 1003},
                                                          {"registered": 0, "probe_total": 1001}]
    assert "probe" not in drawn(rep, "json")
    rows = drawn(rep, "csv", layout=layout)
    assert [r[:4] for r in rows if r[0] == "probe"] == [["probe", "asylum", "probe_total", "1003"],
                                                        ["probe", "visa", "probe_total", "1001"]]
    assert not [r for r in drawn(rep, "csv") if r[0] == "probe"]
    wb = drawn(rep, "xlsx", layout=layout)
    assert len(wb.sheetnames) == len(drawn(rep, "xlsx").sheetnames) + 1
    probe = wb.worksheets[-1]
    assert [c.value for c in probe[1]] == ["Veids", "Reģistrētas", "Skaits"]
    assert [c.value for c in probe[2]] == ["Patvēruma iesniegums", 1, 1003]
    page = drawn(rep, "html", layout=layout)
    assert page.count("<h2>Saskaņošana</h2>") == 2 and '<td class="n">1003</td>' in page
    assert "1003" not in drawn(rep, "html")


def test_a_column_added_to_a_section_appears_in_json_workbook_and_page_and_in_csv_where_mapped():
    rep = sample()
    [missed] = [s for s in LAYOUT if s.code == "deadline_missed"]
    weekday = col("due_weekday", "report.col.due_on", lambda x: x.due_on.isoweekday())
    wider = dataclasses.replace(missed, columns=(*missed.columns, weekday),
                                csv=(CsvRow("deadline_missed", {**missed.csv[0].cells, "count": "due_weekday"}),))
    layout = tuple(wider if s is missed else s for s in LAYOUT)
    assert drawn(rep, "json", layout=layout)["deadlines"]["missed"][0]["due_weekday"] == 5  # a Friday
    assert "due_weekday" not in drawn(rep, "json")["deadlines"]["missed"][0]
    [row] = [r for r in drawn(rep, "csv", layout=layout) if r[0] == "deadline_missed"]
    assert row[3] == "5" and row[4] == "DUB-2026-000001"
    sheet = drawn(rep, "xlsx", layout=layout)["Nokavētie termiņi"]
    assert sheet.max_column == len(missed.table) + 1 and sheet.cell(2, sheet.max_column).value == 5
    page = drawn(rep, "html", layout=layout)
    assert page.count("<th>Termiņš</th>") == drawn(rep, "html").count("<th>Termiņš</th>") + 1


def test_the_renderers_know_no_section_by_name():
    tree = ast.parse(Path(renderers.__file__).read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert "report.none" in strings  # the check reads the renderers' strings
    assert not strings & {section.code for section in LAYOUT}


def test_every_key_the_layout_names_is_in_the_catalogue():
    keys = [c.label_key for s in LAYOUT for c in s.columns if c.label_key]
    keys += [s.sheet_key for s in sections_with("xlsx")] + [s.html.key for s in sections_with("html") if s.html.key]
    assert len(keys) > 40
    assert [k for k in keys if not has(k)] == []


@pytest.mark.parametrize("lang, other", [("lv", "en"), ("en", "lv")])
def test_the_language_asked_is_the_language_drawn_whatever_the_global_one(lang, other):
    rep = sample()
    set_language(lang)
    expected = {fmt: report.render(rep, fmt, lang=lang) for fmt in FORMATS}
    set_language(other)
    for fmt in FORMATS:
        assert report.render(rep, fmt, lang=lang) == expected[fmt], fmt
    page = drawn(rep, "html", lang)
    assert f'<html lang="{lang}">' in page
    assert f"<h2>{t_in(lang, 'report.section.cases')}</h2>" in page
    assert t_in(other, "report.section.cases") not in page
    assert t_in(lang, "report.state.missed") in page and t_in(lang, "kind.dublin") in page
    assert report.rule_words(rep.missed[0], lang) in page
    wb = drawn(rep, "xlsx", lang)
    assert wb.sheetnames[0] == t_in(lang, "report.sheet.summary") and wb.properties.language == lang
    assert wb[t_in(lang, "report.sheet.decided")]["B2"].value == report.outcome_words("asylum", "refused", lang)
    assert wb[t_in(lang, "report.sheet.activity")]["C2"].value == report.action_words("case.accept", lang)


def test_the_words_differ_by_language_and_an_unknown_language_is_refused():
    rep = sample()
    assert report.action_words("case.accept", "lv") != report.action_words("case.accept", "en")
    assert report.state_words("missed", "lv") != report.state_words("missed", "en")
    assert report.kind_words("visa", "en") == "Visa"
    with pytest.raises(ValueError):
        report.render(rep, "json", lang="de")


def test_statistics_and_the_days_report_count_the_same(day_store, report_clock):
    store, actors, _ids = day_store
    sup = actors["supervisor"]
    with store.reader() as uow:
        one_day = report.statistics(uow, sup, DAY, days=1)
        month = report.statistics(uow, sup, DAY)
    daily = make(store, sup)
    assert dict((k, counts[0]) for k, counts in one_day.registrations) == {k.kind: k.registered for k in daily.kinds}
    at = month.days.index(DAY)
    assert {k: counts[at] for k, counts in month.registrations} == {k.kind: k.registered for k in daily.kinds}
    assert list(one_day.decisions) == [(k.kind, o, n) for k in daily.kinds for o, n in sorted(k.decided) if n]
    assert sum(n for _k, _o, n in one_day.decisions) == sum(k.decided_total for k in daily.kinds) > 0
