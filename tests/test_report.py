"""The day's report: golden files for every format, reconciliation, permissions, masking and the CLI.

The store is built with the real services (persons.register_person, casework.register / perform) under a
FixedClock that walks from 18 to 22 November 2026; the report is for Friday 20 November 2026 (the next
working day is Monday 23 November). Regenerate the golden files with ``DESK_UPDATE_GOLDEN=1``.
"""
from __future__ import annotations

import io
import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from desk import clock as desk_clock
from desk.clock import RIGA, FixedClock
from desk.errors import PermissionDenied, ValidationError
from desk.i18n import set_language, t
from desk.services import audit, casework, persons, report

GOLDEN = Path(__file__).with_name("golden")
DAY = date(2026, 11, 20)
UPDATE = os.environ.get("DESK_UPDATE_GOLDEN") == "1"

PEOPLE = {
    "p1": {"surname": "Ahmadi", "given_names": "Farid", "date_of_birth": "1990-03-12", "sex": "M",
           "citizenship": "AFG", "document_kind": "passport", "document_number": "P1234567", "document_country": "AFG"},
    "p2": {"surname": "Haidari", "given_names": "Zahra", "date_of_birth": "1995-07-01", "sex": "F",
           "citizenship": "AFG"},
    "p3": {"surname": "Kuznecovs", "given_names": "Igors", "date_of_birth": "1989-03-12", "sex": "M",
           "citizenship": "RUS", "personal_code": "120389-12342"},
    "p4": {"surname": "Nguyen", "given_names": "Van An", "date_of_birth": "1992-02-02", "sex": "M",
           "citizenship": "VNM"},
    "p5": {"surname": "Kumar", "given_names": "Ravi", "date_of_birth": "1985-05-05", "sex": "M", "citizenship": "IND"},
    "p6": {"surname": "Osei", "given_names": "Kwame", "date_of_birth": "1993-09-09", "sex": "M", "citizenship": "GHA"},
    "p7": {"surname": "Petrova", "given_names": "Anna", "date_of_birth": "1980-01-20", "sex": "F",
           "citizenship": "BLR"},
}


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=RIGA)


def valid_code(born: date, serial: int) -> str:
    from desk.text import make_personal_code

    return make_personal_code(born, serial)


def build_day(store, actors) -> dict:
    """A small office's week: cases registered before, on and after 20 November 2026, with decisions,
    Dublin replies, a transfer, return decisions and entry bans. Returns case ids by name."""
    clock = FixedClock(_at(18))
    old = desk_clock.set_clock(clock)
    ids: dict[str, int] = {}
    try:
        sup, asy, res, rec, ret = (actors[r] for r in ("supervisor", "asylum", "residence", "reception", "return"))
        with store.uow() as uow:
            people = dict(PEOPLE)
            people["p3"] = dict(PEOPLE["p3"], personal_code=valid_code(date(1989, 3, 12), 123))
            for name, raw in people.items():
                ids[name] = persons.register_person(uow, rec, raw)
        with store.uow() as uow:
            ids["a_old"] = casework.register(uow, asy, "asylum", {
                "person_id": ids["p1"], "lodged_on": "2026-06-01", "registered_on": "2026-06-02"})
            ids["a_week"] = casework.register(uow, asy, "asylum", {
                "person_id": ids["p7"], "made_on": "2026-11-03", "registered_on": "2026-11-03",
                "lodged_on": "2026-11-03"})
            ids["permit"] = casework.register(uow, res, "permit", {
                "person_id": ids["p3"], "permit_kind": "temporary", "purpose": "employment",
                "applied_on": "2026-10-01"})
            ids["visa"] = casework.register(uow, res, "visa", {
                "person_id": ids["p4"], "category": "C", "applied_on": "2026-11-10"})
            ids["inv"] = casework.register(uow, rec, "invitation", {
                "invitation_kind": "invitation", "inviter_kind": "company", "inviter_name": "SIA Koks",
                "inviter_code": "40003000000", "submitted_on": "2026-11-05", "person_ids": [ids["p5"]]})
            ids["d_missed"] = casework.register(uow, asy, "dublin", {
                "direction": "incoming", "request_kind": "take_charge", "partner_country": "DEU",
                "person_id": ids["p2"], "registered_on": "2026-10-10", "received_on": "2026-10-20"})
            ids["d_accept"] = casework.register(uow, asy, "dublin", {
                "direction": "incoming", "request_kind": "take_back", "partner_country": "POL",
                "person_id": ids["p6"], "registered_on": "2026-10-25", "received_on": "2026-11-02"})
            ids["d_monday"] = casework.register(uow, asy, "dublin", {
                "direction": "incoming", "request_kind": "take_charge", "partner_country": "AUT",
                "person_id": ids["p3"], "registered_on": "2026-10-20", "received_on": "2026-10-23"})
            ids["d_week"] = casework.register(uow, asy, "dublin", {
                "direction": "incoming", "request_kind": "take_charge", "partner_country": "EST",
                "person_id": ids["p5"], "registered_on": "2026-10-20", "received_on": "2026-10-26"})
            ids["d_transfer"] = casework.register(uow, asy, "dublin", {
                "direction": "outgoing", "request_kind": "take_charge", "partner_country": "SWE",
                "asylum_case": _number(uow, ids["a_old"]), "lodged_on": "2026-06-01", "registered_on": "2026-06-02",
                "sent_on": "2026-06-20"})
        with store.uow() as uow:
            v = _version(uow, ids["a_old"])
            casework.perform(uow, asy, ids["a_old"], "accept_for_examination", {"accepted_on": "2026-06-10"}, v)
            casework.perform(uow, asy, ids["a_old"], "hold_interview", {"interview_on": "2026-09-01"}, v + 1)
            v = _version(uow, ids["d_transfer"])
            casework.perform(uow, asy, ids["d_transfer"], "accept", {"replied_on": "2026-07-20"}, v)
            casework.perform(uow, asy, ids["d_transfer"], "decide_transfer", {"decided_on": "2026-08-01"}, v + 1)

        clock.advance(days=2)  # Friday 20 November 2026, 10:00: the report's day
        with store.uow() as uow:
            ids["a_new"] = casework.register(uow, asy, "asylum", {
                "person_id": ids["p2"], "made_on": "2026-11-20", "registered_on": "2026-11-20",
                "lodged_on": "2026-11-20"})
            casework.perform(uow, asy, ids["a_old"], "refuse", {"decision_on": "2026-11-20",
                                                                 "reason": "asylum.not_credible"},
                             _version(uow, ids["a_old"]))
            casework.perform(uow, res, ids["permit"], "grant", {"decided_on": "2026-11-20", "valid_from": "2026-11-20",
                                                                "valid_until": "2027-11-19"},
                             _version(uow, ids["permit"]))
            casework.perform(uow, res, ids["visa"], "withdraw", {"withdrawn_on": "2026-11-20"},
                             _version(uow, ids["visa"]))
            casework.perform(uow, asy, ids["d_accept"], "accept", {"replied_on": "2026-11-20"},
                             _version(uow, ids["d_accept"]))
            v = _version(uow, ids["d_transfer"])
            casework.perform(uow, asy, ids["d_transfer"], "schedule_transfer", {"scheduled_on": "2026-11-20"}, v)
            casework.perform(uow, asy, ids["d_transfer"], "complete_transfer", {"done_on": "2026-11-20"}, v + 1)
            ids["d_new"] = casework.register(uow, asy, "dublin", {
                "direction": "incoming", "request_kind": "information", "partner_country": "FIN",
                "person_id": ids["p7"], "registered_on": "2026-11-12", "received_on": "2026-11-20"})
            ids["r_vol"] = casework.register(uow, ret, "return", {
                "person_id": ids["p6"], "decision_kind": "voluntary", "grounds": "overstay",
                "issued_on": "2026-11-20", "departure_days": 30})
            ids["r_forced"] = casework.register(uow, ret, "return", {
                "person_id": ids["p4"], "decision_kind": "forced", "grounds": "no_visa",
                "issued_on": "2026-11-20", "ban_imposed": True, "ban_years": 3})
        clock.advance(days=1)
        with store.uow() as uow:
            ids["later"] = casework.register(uow, res, "permit", {
                "person_id": ids["p5"], "permit_kind": "temporary", "purpose": "study", "applied_on": "2026-11-21"})
    finally:
        desk_clock.set_clock(old)
    return ids


def _number(uow, case_id: int) -> str:
    from models import Case

    return uow.session.get(Case, case_id).number


def _version(uow, case_id: int) -> int:
    from models import Case

    row = uow.session.get(Case, case_id)
    uow.session.refresh(row)
    return row.version


@pytest.fixture
def report_clock():
    fc = FixedClock(_at(22, 12))
    old = desk_clock.set_clock(fc)
    yield fc
    desk_clock.set_clock(old)


@pytest.fixture
def day_store(sqlite_store, sqlite_actors):
    ids = build_day(sqlite_store, sqlite_actors)
    return sqlite_store, sqlite_actors, ids


def make(store, actor, **kw) -> report.DailyReport:
    with store.reader() as uow:
        return report.daily_report(uow, actor, DAY, **kw)


def _without_generated(data: str) -> str:
    lines = data.splitlines()
    marked = [line for line in lines if "generated_at" in line]
    assert len(marked) == 1, "exactly one generated-at line"
    return "\n".join(line for line in lines if "generated_at" not in line) + "\n"


def xlsx_dump(data: bytes) -> str:
    """The workbook as text, as Excel shows it: every cell with its type and number format where it is not
    text, each sheet's frozen pane and column widths; the generated-at row marked (its text is translated)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    out = []
    for ws in wb.worksheets:
        widths = " ".join(f"{k}={ws.column_dimensions[k].width:g}" for k in sorted(ws.column_dimensions))
        out.append(f"== {ws.title} (frozen {ws.freeze_panes}; widths {widths})")
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.value is None:
                    cells.append("")
                elif isinstance(c.value, str):
                    cells.append(c.value)
                else:
                    cells.append(f"{c.value!s} <{type(c.value).__name__} {c.number_format}>")
            line = "\t".join(cells)
            if row[0].value == t("report.generated_at"):
                line += "\t# generated_at"
            out.append(line)
    return "\n".join(out) + "\n"


def _golden(name: str, produced: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"golden file {name} missing: run with DESK_UPDATE_GOLDEN=1"
    assert _without_generated(produced) == _without_generated(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["json", "csv", "html", "xlsx"])
def test_golden_every_format(day_store, report_clock, fmt):
    store, actors, _ids = day_store
    rep = make(store, actors["supervisor"])
    data = report.render(rep, fmt, lang="lv")
    produced = xlsx_dump(data) if fmt == "xlsx" else data.decode("utf-8")
    _golden(f"report_2026-11-20.{fmt}{'.txt' if fmt == 'xlsx' else ''}", produced)


def test_same_store_and_day_give_the_same_bytes_apart_from_generated_at(day_store, report_clock):
    store, actors, _ids = day_store
    first = make(store, actors["supervisor"])
    report_clock.advance(hours=3)
    with store.uow() as uow:  # exporting writes an audit entry; the report does not count its own export
        report.export(uow, actors["supervisor"], first, "json", lang="lv")
    second = make(store, actors["supervisor"])
    assert first.generated_at != second.generated_at
    for fmt in ("json", "csv", "html"):
        a, b = report.render(first, fmt, lang="lv").decode(), report.render(second, fmt, lang="lv").decode()
        assert a != b
        assert _without_generated(a) == _without_generated(b)
    assert report.render(second, "xlsx", lang="lv") == report.render(
        report.DailyReport(**{**second.__dict__}), "xlsx", lang="lv")  # deterministic zip
    assert xlsx_dump(report.render(first, "xlsx", lang="lv")) != xlsx_dump(report.render(second, "xlsx", lang="lv"))


def test_figures_of_the_day(day_store, report_clock):
    store, actors, ids = day_store
    rep = make(store, actors["supervisor"])
    asylum = rep.kind("asylum")
    assert (asylum.open_yesterday, asylum.registered, asylum.closed, asylum.open_end_of_day) == (2, 1, 0, 3)
    assert dict(asylum.decided) == {"refugee": 0, "alternative": 0, "refused": 1, "left_without_examination": 0}
    visa = rep.kind("visa")
    assert (visa.open_yesterday, visa.registered, visa.closed, visa.open_end_of_day) == (1, 0, 1, 0)
    permit = rep.kind("permit")
    assert permit.registered == 0 and dict(permit.decided)["granted"] == 1 and permit.open_end_of_day == 1
    ret = rep.kind("return")
    assert ret.registered == 2 and dict(ret.decided) == {"voluntary": 1, "forced": 1}
    assert dict(rep.returns.decisions) == {"voluntary": 1, "forced": 1}
    assert rep.returns.entry_bans == 1
    d = rep.dublin
    assert dict(d.replies_given) == {"accepted": 1, "rejected": 0}
    assert d.transfers_done == 1
    received = {(k, r): n for k, r, n in d.received}
    assert sum(received.values()) == 1 and received[("information", "ammr")] + received[("information", "dublin_iii")] == 1
    assert rep.next_working_day == date(2026, 11, 23)
    # a deadline whose last day was the report's day and that was not met is listed as missed
    assert all(x.due_on == DAY for x in rep.missed)
    assert all(DAY < x.due_on <= date(2026, 11, 23) for x in rep.due_next_working_day)
    assert all(DAY < x.due_on <= date(2026, 11, 27) for x in rep.due_within_7_days)
    users = {a.username: a for a in rep.activity}
    assert users["patverums"].total > 0 and "case.register" in dict(users["patverums"].actions)
    assert all(not action.startswith(("auth.", "report.")) for a in rep.activity for action, _n in a.actions)
    # nothing registered on 21 November leaks into the 20th
    assert rep.kind("permit").open_end_of_day == 1


def test_reconciliation_adds_up_for_every_kind(day_store, report_clock):
    store, actors, _ids = day_store
    rep = make(store, actors["supervisor"])
    for k in rep.kinds:
        assert k.open_yesterday + k.registered - k.closed == k.open_end_of_day
    data = report.as_dict(rep)
    assert data["reconciliation"]["visa"] == {"open_yesterday": 1, "registered": 0, "closed": 1, "open_today": 0,
                                              "ok": True}


def test_report_refuses_numbers_that_do_not_add_up(day_store, report_clock, tmp_path):
    """A case closed before it was opened (a corrupted date) breaks the identity: the report refuses,
    names the kind, and writes neither a file nor an audit entry."""
    store, actors, ids = day_store
    with store.uow() as uow:
        uow.session.execute(text("UPDATE case_file SET closed_on = :d, status = 'withdrawn' WHERE id = :i"),
                            {"d": date(2026, 11, 19), "i": ids["later"]})
        uow.session.execute(text("UPDATE case_file SET opened_on = :d WHERE id = :i"),
                            {"d": DAY, "i": ids["later"]})
    with store.reader() as uow:
        before = len(audit.entries(uow, limit=10_000))
    from desk.cli import main

    out = tmp_path / "r.json"
    os.environ["DESK_PASSWORD"] = "demo-pass-1"
    try:
        code = main(["report", "--db", store.url, "--date", "2026-11-20", "--format", "json", "--output", str(out),
                     "--officer", "vaditajs"])
    finally:
        del os.environ["DESK_PASSWORD"]
    assert code == 2
    assert not out.exists() and not (tmp_path / "r.json.part").exists()
    with store.reader() as uow:
        after = audit.entries(uow, limit=10_000)
    assert [e.action for e in after[: len(after) - before]] == ["auth.login"]  # only the CLI login
    with pytest.raises(report.ReconciliationFailed) as err:
        make(store, actors["supervisor"])
    assert "Uzturēšanās atļauja" in str(err.value) and "≠" in str(err.value)


def test_today_a_final_status_without_closing_date_is_refused(day_store):
    store, actors, ids = day_store
    fc = FixedClock(_at(20, 18))
    old = desk_clock.set_clock(fc)
    try:
        make(store, actors["supervisor"])  # consistent: fine
        with store.uow() as uow:
            uow.session.execute(text("UPDATE case_file SET status = 'final' WHERE id = :i"), {"i": ids["a_week"]})
        with pytest.raises(report.ReconciliationFailed) as err:
            make(store, actors["supervisor"])
        assert err.value.key == "report.status_mismatch"
    finally:
        desk_clock.set_clock(old)


def test_xlsx_holds_the_same_numbers_as_json(day_store, report_clock):
    from openpyxl import load_workbook

    from desk.i18n import label

    store, actors, _ids = day_store
    rep = make(store, actors["supervisor"])
    data = json.loads(report.render(rep, "json", lang="lv"))
    wb = load_workbook(io.BytesIO(report.render(rep, "xlsx", lang="lv")))
    assert wb.sheetnames == ["Kopsavilkums", "Lietas", "Lēmumi", "Dublina", "Atgriešana", "Nokavētie termiņi",
                             "Līdz nākamajai darba dienai", "Septiņās dienās", "Darbinieku darbības", "Saskaņošana"]
    kind_of = {label("kind", k): k for k in data["kinds"]}
    rows = list(wb["Lietas"].iter_rows(min_row=2, values_only=True))
    for kind_words, open_y, registered, decided, closed, open_t in rows:
        k = data["kinds"][kind_of[kind_words]]
        assert (open_y, registered, decided, closed, open_t) == (
            k["open_yesterday"], k["registered"], k["decided_total"], k["closed"], k["open_end_of_day"])
    assert len(rows) == 6
    decided = {(kind_of[k], o): n for k, o, n in wb["Lēmumi"].iter_rows(min_row=2, values_only=True)}
    assert decided == {(k, report.outcome_words(k, o, "lv")): n for k, v in data["kinds"].items()
                       for o, n in v["decided"].items()}
    dublin = list(wb["Dublina"].iter_rows(min_row=2, values_only=True))
    received = {(k, r): n for m, k, r, n in dublin if m == t("report.dublin.received")}
    assert received == {(label("report.request_kind", k), label("report.regime", r)): n
                        for k, v in data["dublin"]["requests_received"].items() for r, n in v.items()}
    scalars = {m: n for m, _k, _r, n in dublin}
    assert (scalars[t("report.dublin.tacit")], scalars[t("report.dublin.transfers")],
            scalars[t("report.dublin.extensions")]) == (
        data["dublin"]["tacit_acceptances"], data["dublin"]["transfers_done"], data["dublin"]["extensions"])
    returns = dict(wb["Atgriešana"].iter_rows(min_row=2, values_only=True))
    assert returns == {**{label("report.return_kind", k): n for k, n in data["returns"]["decisions"].items()},
                       t("report.entry_bans"): data["returns"]["entry_bans"]}
    for sheet, key in (("Nokavētie termiņi", "missed"), ("Līdz nākamajai darba dienai", "due_next_working_day"),
                       ("Septiņās dienās", "due_within_7_days")):
        cases = [(r[0], r[5]) for r in wb[sheet].iter_rows(min_row=2, values_only=True)]
        assert cases == [(d["case"], datetime.fromisoformat(d["due_on"])) for d in data["deadlines"][key]]
    activity = {(o, a): n for o, _name, a, n in wb["Darbinieku darbības"].iter_rows(min_row=2, values_only=True)}
    assert activity == {(x["officer"], report.action_words(a, "lv")): n for x in data["activity"]
                        for a, n in x["actions"].items()}


CODES = ("ammr.take_charge.reply", "case.register", "case.accept", "case.grant", "asylum", "dublin_iii",
         "take_charge", "left_without_examination", "open_yesterday", "generated_at")


@pytest.mark.parametrize("lang, sheets", [
    ("lv", ("Kopsavilkums", "Nokavētie termiņi", "Darbinieku darbības")),
    ("en", ("Summary", "Missed deadlines", "Activity")),
])
def test_xlsx_opens_right_in_excel_words_dates_widths_frozen_header(day_store, report_clock, lang, sheets):
    from openpyxl import load_workbook

    set_language(lang)
    store, actors, _ids = day_store
    wb = load_workbook(io.BytesIO(report.render(make(store, actors["supervisor"]), "xlsx", lang=lang)))
    assert set(sheets) <= set(wb.sheetnames) and all(len(n) <= 31 for n in wb.sheetnames)
    date_cells = 0
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title  # the header stays when the officer scrolls
        assert all(c.font.b for c in ws[1]) and all(isinstance(c.value, str) for c in ws[1])
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):  # words, never the stored codes
                    assert c.value not in CODES and not c.value.startswith("case."), (ws.title, c.coordinate, c.value)
                elif isinstance(c.value, datetime):  # Excel keeps no date type: openpyxl reads a datetime
                    assert c.number_format in ("DD.MM.YYYY", "DD.MM.YYYY HH:MM:SS"), (ws.title, c.coordinate)
                    date_cells += c.number_format == "DD.MM.YYYY" and c.value.time() == datetime.min.time()
        for i, col in enumerate(ws.iter_cols(values_only=True), start=1):
            letter = ws.cell(1, i).column_letter
            longest = max(len(v.strftime("%d.%m.%Y")) if isinstance(v, date) else len(str(v or "")) for v in col)
            assert ws.column_dimensions[letter].width >= min(longest, 58), (ws.title, letter)
    assert date_cells >= 6  # the report's day, the next working day, the deadlines' dates
    missed = wb[sheets[1]]
    assert [c.value for c in missed[2]][:2] == ["DUB-2026-000001", "Dublinas pieprasījums" if lang == "lv"
                                                else "Dublin request"]
    assert missed["E2"].value == datetime(2026, 10, 20) and missed["F2"].value == datetime(2026, 11, 20)


@pytest.mark.parametrize("dialect, delimiter", [("semicolon", ";"), ("comma", ",")])
def test_csv_opens_in_columns_as_excel_reads_it(day_store, report_clock, dialect, delimiter):
    import csv

    store, actors, _ids = day_store
    data = report.render(make(store, actors["supervisor"]), "csv", lang="lv", csv_dialect=dialect)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads it as UTF-8, not cp1257
    text = data.decode("utf-8-sig")
    assert csv.Sniffer().sniff(text.splitlines()[0]).delimiter == delimiter
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows[0] == list(report.CSV_COLUMNS)
    assert all(len(r) == len(report.CSV_COLUMNS) for r in rows)
    missed = [r for r in rows if r[0] == "deadline_missed"]
    assert missed and missed[0][4] == "DUB-2026-000001"
    # an article with a semicolon or a comma would be quoted, not split
    assert any("Art. 40(1)" in r[6] for r in missed)


def test_unknown_csv_dialect_is_refused(day_store, report_clock):
    store, actors, _ids = day_store
    with pytest.raises(ValidationError):
        report.render(make(store, actors["supervisor"]), "csv", lang="lv", csv_dialect="tab")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_html_and_preview_show_rules_actions_and_states_in_words(day_store, report_clock, lang):
    from screens.report import preview_text

    set_language(lang)
    store, actors, _ids = day_store
    rep = make(store, actors["supervisor"])
    page = report.render(rep, "html", lang=lang).decode()
    preview = str(preview_text(rep))
    rule = report.rule_words(rep.missed[0], lang)
    assert rule != rep.missed[0].rule_id and rule in page and rule in preview
    for code in ("ammr.take_charge.reply", "case.register", "case.accept", "case.grant"):
        assert code not in page and code not in preview, code
    assert report.action_words("case.accept", lang) in page
    assert t("report.state.missed") in page


def test_only_a_supervisor_reports_on_the_office_and_the_refusal_is_audited(day_store, report_clock):
    store, actors, _ids = day_store
    with pytest.raises(PermissionDenied):
        make(store, actors["asylum"])
    with pytest.raises(PermissionDenied):
        make(store, actors["asylum"], for_officer="uzturesanas")
    with pytest.raises(PermissionDenied):
        make(store, actors["administrator"], for_officer="admin")
    with store.reader() as uow:
        refused = [e for e in audit.entries(uow, limit=20) if e.action == "refused"]
    assert refused and refused[0].officer_username == "admin"
    own = make(store, actors["asylum"], for_officer="patverums")
    assert own.for_officer == "patverums"
    assert own.kind("permit").open_end_of_day == 0 and own.kind("asylum").open_end_of_day == 3
    assert [a.username for a in own.activity] == ["patverums"]
    everyone = make(store, actors["supervisor"], office="all")
    assert everyone.office_code is None
    home = make(store, actors["supervisor"])  # the supervisor's own office
    other = make(store, actors["supervisor"], office="DAU")
    assert all(k.open_end_of_day == 0 for k in other.kinds) and other.activity == ()
    # the report's statements are built once per shape and kept (queries._built): each office's report
    # still gets its own figures, whichever office was asked for first
    again = make(store, actors["supervisor"])
    assert home.kind("asylum").open_end_of_day > 0 and again.kinds == home.kinds and again.activity == home.activity


def test_personal_codes_masked_unless_asked_and_the_choice_is_audited(day_store, report_clock):
    store, actors, ids = day_store
    sup = actors["supervisor"]
    # the permit holder (with a personal code) has a deadline within the week only if rules made one;
    # check masking on every listed item that has a code
    masked = make(store, sup)
    shown = make(store, sup, show_personal_codes=True)
    items_m = masked.missed + masked.due_next_working_day + masked.due_within_7_days
    items_s = shown.missed + shown.due_next_working_day + shown.due_within_7_days
    for m, s in zip(items_m, items_s):
        if s.personal_code:
            assert m.personal_code.endswith("-*****") and s.personal_code[:6] == m.personal_code[:6]
            assert "*" not in s.personal_code
    with store.uow() as uow:
        report.export(uow, sup, shown, "csv", lang="lv")
    with store.reader() as uow:
        entry = audit.entries(uow, limit=1)[0]
    assert entry.action == "report.export"
    assert entry.detail == {"day": "2026-11-20", "format": "csv", "office": "RIG-CEN", "for_officer": None,
                            "personal_codes": "shown"}


def test_personal_code_column_masks_and_shows(sqlite_store, sqlite_actors, report_clock):
    """A deadline of a person with a personal code: masked by default, in full on request."""
    from models import Case, Deadline

    store, actors = sqlite_store, sqlite_actors
    ids = build_day(store, actors)
    with store.uow() as uow:
        case = uow.session.get(Case, ids["permit"])
        uow.session.add(Deadline(case_id=case.id, rule_id="test.rule", article="Art. 1", title_key="report.title",
                                 anchor_event_key="report.title", anchor_date=DAY, due_on=date(2026, 11, 23),
                                 state="open"))
    masked = make(store, actors["supervisor"])
    shown = make(store, actors["supervisor"], show_personal_codes=True)
    [m] = [d for d in masked.due_next_working_day if d.rule_id == "test.rule"]
    [s] = [d for d in shown.due_next_working_day if d.rule_id == "test.rule"]
    assert m.personal_code == "120389-*****"
    assert s.personal_code.startswith("120389-1") and len(s.personal_code) == 12


def test_cli_writes_every_format_and_audits(day_store, report_clock, tmp_path, capsys):
    from desk.cli import main

    store, _actors, _ids = day_store
    os.environ["DESK_PASSWORD"] = "demo-pass-1"
    try:
        for fmt in ("json", "csv", "xlsx", "html"):
            out = tmp_path / f"r.{fmt}"
            code = main(["report", "--db", store.url, "--date", "2026-11-20", "--format", fmt, "--output", str(out),
                         "--officer", "vaditajs"])
            assert code == 0 and out.stat().st_size > 0
        code = main(["report", "--db", store.url, "--date", "2026-11-20", "--format", "csv", "--csv-dialect", "comma",
                     "--output", str(tmp_path / "comma.csv"), "--officer", "vaditajs"])
        assert code == 0
        code = main(["report", "--db", store.url, "--date", "2026-11-20", "--output", str(tmp_path / "x.json"),
                     "--officer", "patverums"])
        assert code == 2  # an asylum officer may not export the office's report...
        code = main(["report", "--db", store.url, "--date", "2026-11-20", "--output", str(tmp_path / "own.json"),
                     "--officer", "patverums", "--for-officer", "patverums"])
        assert code == 0  # ...but may export their own
    finally:
        del os.environ["DESK_PASSWORD"]
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["date"] == "2026-11-20" and data["scope"] == {"office": "RIG-CEN", "officer": None}
    assert json.loads((tmp_path / "own.json").read_text())["scope"]["officer"] == "patverums"
    with store.reader() as uow:
        exports = [e for e in audit.entries(uow, limit=50) if e.action == "report.export"]
    assert sorted(e.detail["format"] for e in exports) == ["csv", "csv", "html", "json", "json", "xlsx"]
    assert (tmp_path / "comma.csv").read_bytes().decode("utf-8-sig").splitlines()[0] == ",".join(report.CSV_COLUMNS)
    assert (tmp_path / "r.csv").read_bytes().decode("utf-8-sig").splitlines()[0] == ";".join(report.CSV_COLUMNS)


def test_statistics_over_thirty_days(day_store, report_clock):
    store, actors, ids = day_store
    with store.reader() as uow:
        stats = report.statistics(uow, actors["supervisor"], date(2026, 11, 22))
    assert len(stats.days) == 30 and stats.days[-1] == date(2026, 11, 22)
    regs = dict(stats.registrations)
    assert regs["asylum"][stats.days.index(date(2026, 11, 20))] == 1
    assert regs["asylum"][stats.days.index(date(2026, 11, 3))] == 1
    assert regs["return"][stats.days.index(date(2026, 11, 20))] == 2
    assert ("asylum", "refused", 1) in stats.decisions
    assert ("permit", "granted", 1) in stats.decisions
    assert len(stats.deadlines_met) == len(stats.deadlines_missed) == 30
    with store.reader() as uow:
        own = report.statistics(uow, actors["residence"], date(2026, 11, 22))
    assert [k for k, _c in own.registrations] == ["permit", "visa"]


def test_json_report_is_the_same_on_both_backends(store, actors, report_clock):
    build_day(store, actors)
    produced = report.render(make(store, actors["supervisor"]), "json", lang="lv").decode()
    golden = (GOLDEN / "report_2026-11-20.json").read_text(encoding="utf-8")
    assert _without_generated(produced) == _without_generated(golden)


def test_xlsx_bytes_do_not_depend_on_the_second_it_was_saved(day_store, report_clock):
    """openpyxl stamps docProps/core.xml "modified" with the wall clock at save time; the export fixes it
    to the report's day, so two renders a second apart are the same bytes."""
    import time

    store, actors, _ids = day_store
    rep = make(store, actors["supervisor"])
    first = report.render(rep, "xlsx", lang="lv")
    time.sleep(1.1)
    assert report.render(rep, "xlsx", lang="lv") == first
