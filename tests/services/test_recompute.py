"""``desk recompute`` (issue 12): open deadlines stored under an earlier reading of the law are recomputed,
the case's history says which date moved, from when to when and why; a second run moves nothing; a dry run
changes nothing. On SQLite and PostgreSQL."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import update
from sqlmodel import select

from desk.i18n import set_language
from desk.services import casework, views
from desk.services.labels import history_summary
from desk.services.recompute import recompute_open
from models import AuditEntry, Case, Deadline
from tests.services.conftest import new_person


def _ammr_request(store, a) -> int:
    """An outgoing AMMR take charge request received by Germany on 28 Oct 2026: its reply is due
    Sat 28 Nov -> Mon 30 Nov (Reg. 2024/1351 Art. 40(1), 75(d))."""
    pid = new_person(store, a)
    with store.uow() as uow:
        asylum_id = casework.register(uow, a, "asylum", {"person_id": pid, "made_on": "2026-09-18", "lodged_on": "2026-09-20",
                                                          "registered_on": "2026-09-20"})
    with store.reader() as uow:
        number = uow.session.get(Case, asylum_id).number
    with store.uow() as uow:
        return casework.register(uow, a, "dublin", {"direction": "outgoing", "request_kind": "take_charge",
                                                    "partner_country": "DEU", "asylum_case": number,
                                                    "sent_on": "2026-10-28"})


def _reply_due(store, case_id) -> date:
    with store.reader() as uow:
        return uow.session.exec(select(Deadline.due_on).where(
            Deadline.case_id == case_id, Deadline.rule_id == "ammr.take_charge.reply")).one()


def test_a_date_stored_under_the_old_reading_moves_and_the_history_says_why(cw):
    store, actors = cw
    a = actors["asylum"]
    case_id = _ammr_request(store, a)
    assert _reply_due(store, case_id) == date(2026, 11, 30)
    # what a store written before issue 12 holds: the Dublin III way, no roll-forward
    with store.uow() as uow:
        uow.session.execute(update(Deadline).where(Deadline.case_id == case_id,
                                                   Deadline.rule_id == "ammr.take_charge.reply")
                            .values(due_on=date(2026, 11, 28)))
        uow.session.execute(update(Case).where(Case.id == case_id).values(next_due=date(2026, 11, 28)))

    dry = recompute_open(store, dry_run=True)
    assert dry.moved == 1 and _reply_due(store, case_id) == date(2026, 11, 28)

    result = recompute_open(store, batch=1)  # one case per transaction: the batching is exercised
    assert (result.moved, result.by_rule) == (1, {"ammr.take_charge.reply": 1})
    assert result.cases >= 2
    assert _reply_due(store, case_id) == date(2026, 11, 30)
    with store.reader() as uow:
        assert uow.session.get(Case, case_id).next_due == date(2026, 11, 30)
        entry = uow.session.exec(select(AuditEntry).where(AuditEntry.case_id == case_id,
                                                          AuditEntry.action == "case.deadlines.recompute")).one()
        assert entry.officer_username == "system"
        set_language("lv")
        try:
            rows = views.history_of(uow, case_id)
        finally:
            set_language("lv")
    summaries = [history_summary("dublin", r.parts) for r in rows]
    summary = next(s for s in summaries if "30.11.2026" in s)
    assert "28.11.2026 → 30.11.2026" in summary
    assert "2024/1351" in summary and "75. pants" in summary  # why, in Latvian

    again = recompute_open(store)
    assert again.moved == 0  # nothing moves twice, no second history entry
    with store.reader() as uow:
        assert len(uow.session.exec(select(AuditEntry).where(
            AuditEntry.action == "case.deadlines.recompute")).all()) == 1


def test_desk_recompute_on_the_command_line(tmp_path, capsys):
    from desk.cli import main

    db = str(tmp_path / "s.db")
    assert main(["seed", "--persons", "300", "--db", db]) == 0
    capsys.readouterr()
    assert main(["recompute", "--json", "--db", db]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["cases"] > 0 and got["dry_run"] is False
    assert got["moved"] == 0, got  # a store seeded by this program already holds this program's dates
    assert main(["recompute", "--db", db, "--lang", "en"]) == 0
    assert "open cases checked" in capsys.readouterr().out
    try:
        code = main(["recompute", "--kind", "nonsense", "--db", db])
    except SystemExit as exc:
        code = exc.code
    assert code == 2 and "Traceback" not in capsys.readouterr().err
