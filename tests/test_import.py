"""Bulk import: every documented example line imports through the case services with its real dates
and deadlines that follow the rules; a bad line among good ones saves nothing and is named; audited."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import func, select

from desk.errors import PermissionDenied
from desk.i18n import set_language
from desk.services import audit, importer
from desk.services import deadlines as deadline_service
from desk.services.kinds import rules_module
from models import AuditEntry, Case, Deadline, Person

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "import-example.jsonl"


def example_lines() -> list[str]:
    return EXAMPLE.read_text(encoding="utf-8").splitlines()


def _counts(store) -> tuple[int, int, int]:
    with store.reader() as uow:
        return (uow.session.exec(select(func.count()).select_from(Case)).one(),
                uow.session.exec(select(func.count()).select_from(Person)).one(),
                uow.session.exec(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.action == "import")).one())


def test_every_example_line_imports_with_deadlines_that_match_the_rules(store, actors, fixed_clock):
    lines = example_lines()
    kinds = {json.loads(line)["kind"] for line in lines}
    assert kinds == {"asylum", "dublin", "permit", "visa", "invitation", "return"}
    with store.uow() as uow:
        result = importer.import_lines(uow, actors["supervisor"], lines)
    assert result.lines == len(lines) == len(result.case_numbers)
    assert dict(result.by_kind) == {"asylum": 1, "dublin": 2, "permit": 1, "visa": 1, "invitation": 1, "return": 1}
    assert result.persons_created == 7  # the outgoing Dublin request's person is the asylum applicant
    with store.reader() as uow:
        cases = {c.number: c for c in uow.session.exec(select(Case)).all()}
        rows = {}
        for d in uow.session.exec(select(Deadline)).all():
            rows.setdefault(d.case_id, []).append(d)
        # the stored deadlines are what the kind's rules give for the imported facts today
        for case in cases.values():
            module = rules_module(case.kind)
            expected = module.deadlines(deadline_service.facts_for(uow, case), date(2026, 11, 22))
            assert sorted((d.rule_id, d.anchor_date, d.due, str(d.state)) for d in expected) == sorted(
                (r.rule_id, r.anchor_date, r.due_on, r.state) for r in rows.get(case.id, [])), case.number
        # the real event dates were kept (a case lodged last March is lodged last March)
        asylum = next(c for c in cases.values() if c.kind == "asylum")
        assert asylum.opened_on == date(2026, 3, 3) and asylum.status == "interviewed"
        due = {(c.number, r.rule_id): (r.due_on, r.state) for c in cases.values() for r in rows.get(c.id, [])}
    by_ref = dict(zip([json.loads(line)["ref"] for line in lines], result.case_numbers))
    # hand-computed from the law (DOMAIN.md), not from the rules code
    assert due[(by_ref["dub-ahmadi"], "dublin3.take_charge.request")] == (date(2026, 6, 2), "met")  # 21(1): 3 months from lodging
    assert due[(by_ref["dub-ahmadi"], "dublin3.take_charge.reply")] == (date(2026, 6, 15), "met")  # 22(1): 2 months
    assert due[(by_ref["dub-ahmadi"], "dublin3.transfer")] == (date(2026, 11, 20), "missed")  # 29(1): 6 months
    assert due[(by_ref["dub-sokolova"], "ammr.take_back.confirmation")][0] == date(2026, 11, 16)  # AMMR 41(3)
    assert due[(by_ref["asy-ahmadi"], "asylum.decision_interview")][0] == date(2026, 8, 12)  # 3 months from the interview
    assert due[(by_ref["asy-ahmadi"], "asylum.right_to_work_3m")][0] == date(2026, 6, 2)  # 3 months from lodging
    assert due[(by_ref["atg-osei"], "returns.voluntary_departure")][0] == date(2026, 12, 17)  # 30 days
    with store.reader() as uow:
        trail = audit.entries(uow, limit=500, newest_first=False)
    imports = [e for e in trail if e.action == "import"]
    assert len(imports) == 1 and imports[0].detail["cases"] == 7 and imports[0].detail["lines"] == 7
    assert sum(1 for e in trail if e.action == "case.register") == 7
    assert any(e.action == "case.hold_interview" for e in trail)


def test_one_bad_line_among_good_ones_saves_nothing_and_is_named(store, actors, fixed_clock):
    lines = example_lines()
    bad = json.loads(lines[3])
    bad["case"]["applied_on"] = "2026-02-30"  # no such day
    lines[3] = json.dumps(bad, ensure_ascii=False)
    before = _counts(store)
    with pytest.raises(importer.ImportFailed) as failed:
        with store.uow() as uow:
            importer.import_lines(uow, actors["supervisor"], lines)
    assert [e.line for e in failed.value.errors] == [4]
    assert "2026-02-30" in failed.value.errors[0].reason
    assert str(failed.value).startswith("4. rinda:")
    assert _counts(store) == before  # no case, no person, no import entry


def test_every_bad_line_is_reported_translated(store, actors, fixed_clock):
    lines = example_lines()
    lines.insert(1, "{not json")
    lines.insert(3, json.dumps({"kind": "spaceship", "case": {}}))
    event = json.loads(lines[-1])
    event["events"] = [{"action": "notify", "values": {"notified_on": "2026-11-17"}},
                       {"action": "notify", "values": {"notified_on": "2026-11-19"}}]  # notified twice
    lines[-1] = json.dumps(event)
    ref = json.loads(lines[2])
    ref["case"]["asylum_case"] = "no-such-ref"
    lines[2] = json.dumps(ref)
    set_language("en")
    with pytest.raises(importer.ImportFailed) as failed:
        with store.uow() as uow:
            importer.import_lines(uow, actors["supervisor"], lines)
    errors = {e.line: e.reason for e in failed.value.errors}
    assert set(errors) == {2, 3, 4, len(lines)}
    assert errors[2] == "not a valid JSON object."
    assert errors[4] == 'unknown case kind "spaceship".'
    assert errors[len(lines)].startswith("event 2 (notify):")
    assert failed.value.errors[0].message() == "Line 2: not a valid JSON object."
    assert _counts(store)[0] == 0


def test_importing_needs_the_import_permission(store, actors, fixed_clock):
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            importer.import_lines(uow, actors["asylum"], example_lines()[:1])
    assert _counts(store)[0] == 0


def test_persons_may_be_shared_by_reference_or_matched(sqlite_store, sqlite_actors, fixed_clock):
    store, actors = sqlite_store, sqlite_actors
    person = {"ref": "osei", "surname": "Osei", "given_names": "Kwame", "date_of_birth": "1993-09-09",
              "citizenship": "GHA"}
    lines = [
        json.dumps({"kind": "return", "person": person, "case": {"decision_kind": "forced", "grounds": "no_visa",
                                                                 "issued_on": "2026-10-01", "ban_imposed": True,
                                                                 "ban_years": 3}}),
        json.dumps({"kind": "visa", "person": "osei", "case": {"category": "C", "applied_on": "2026-11-01"}}),
    ]
    with store.uow() as uow:
        result = importer.import_lines(uow, actors["supervisor"], lines)
    assert result.persons_created == 1
    # the same person in a second file: refused as a duplicate unless the line says which to use
    again = [json.dumps({"kind": "visa", "person": {k: v for k, v in person.items() if k != "ref"},
                         "case": {"category": "D", "applied_on": "2026-11-02"}})]
    with pytest.raises(importer.ImportFailed) as failed:
        with store.uow() as uow:
            importer.import_lines(uow, actors["supervisor"], again)
    assert failed.value.errors[0].line == 1
    matched = [json.dumps({**json.loads(again[0]), "person_match": "existing"})]
    with store.uow() as uow:
        result = importer.import_lines(uow, actors["supervisor"], matched)
    assert result.persons_created == 0
    with store.reader() as uow:
        assert uow.session.exec(select(func.count()).select_from(Person)).one() == 1


def test_cli_import_reports_the_line_and_exit_code(sqlite_store, sqlite_actors, fixed_clock, tmp_path, capsys):
    from desk.cli import main

    store = sqlite_store
    good = tmp_path / "good.jsonl"
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(example_lines()[:2] + ['{"kind": "visa"}']) + "\n", encoding="utf-8")
    os.environ["DESK_PASSWORD"] = "demo-pass-1"
    try:
        assert main(["import", str(bad), "--db", store.url, "--officer", "vaditajs"]) == 2
        err = capsys.readouterr().err
        assert "3. rinda" in err and "Nekas netika saglabāts" in err
        assert _counts(store)[0] == 0
        assert main(["import", str(good), "--db", store.url, "--officer", "vaditajs"]) == 0
        out = capsys.readouterr().out
        assert "PAT-2026-000001" in out and "Importētas 7 lietas" in out
    finally:
        del os.environ["DESK_PASSWORD"]
    assert _counts(store)[0] == 7
