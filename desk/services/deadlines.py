"""Deadlines: recomputed from the rules on every event and stored with their explanation.

``recompute`` builds the case kind's facts from the detail row, asks ``desk.rules.<kind>.deadlines``
what is due, and replaces the case's ``Deadline`` rows (rule, article, anchor event and date, due date,
state, consequence, note). The rules are the only place that knows a period; this module only maps
stored columns to the rules' facts.
"""
from __future__ import annotations

import importlib
from datetime import date

from sqlalchemy import delete, update
from sqlmodel import select

from models import Case, Country, Deadline, DublinRequest

RULES_MODULE = {"asylum": "asylum", "dublin": "dublin", "permit": "permits", "visa": "visas",
                "invitation": "invitations", "return": "returns"}


def rules_module(kind: str):
    """``desk.rules.<module>`` for a case kind, or None while that module is not written yet."""
    name = RULES_MODULE[kind]
    try:
        return importlib.import_module(f"desk.rules.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"desk.rules.{name}":
            return None
        raise


# --- facts per kind -------------------------------------------------------------------------------------


def _alpha2(uow, code: str | None) -> str:
    if not code:
        return ""
    country = uow.session.get(Country, code)
    return (country.alpha2 or "") if country else ""


def dublin_facts(uow, case: Case, req: DublinRequest):
    from desk.rules import dublin as rules

    withdrawn = case.closed_on if case.status == rules.Status.WITHDRAWN else None
    return rules.RequestFacts(
        direction=rules.Direction(req.direction), kind=rules.RequestKind(req.request_kind),
        regime=rules.Regime(req.regime), lodged_on=req.lodged_on, registered_on=req.registered_on,
        hit_received_on=req.hit_received_on, hit_kind=rules.HitKind(req.hit_kind) if req.hit_kind else None,
        urgent_reply_by=req.urgent_reply_by, detained=req.detained,
        # Dublin III Art. 23 when a new application was lodged here (the request belongs to an asylum
        # case), Art. 24 when the person was found staying without one
        new_application_lodged=req.asylum_case_id is not None, knowledge_on=req.knowledge_on,
        requested_state=_alpha2(uow, req.partner_country) if req.direction == "outgoing" else "",
        sent_on=req.sent_on, received_on=req.received_on, replied_on=req.replied_on,
        reply=rules.ReplyOutcome(req.reply) if req.reply else None,
        reexam_requested_on=req.reexam_requested_on, reexam_answered_on=req.reexam_answered_on,
        reexam_reply=rules.ReplyOutcome(req.reexam_result) if req.reexam_result else None,
        accepted_on=req.accepted_on, appeal_final_on=req.suspensive_appeal_final_on,
        transfer_decided_on=req.transfer_decided_on,
        transfer_decision_notified_on=req.transfer_decision_notified_on, transfer_done_on=req.transfer_done_on,
        extension=rules.Extension(req.extension) if req.extension else None,
        extension_notified_on=req.extension_notified_on, withdrawn_on=withdrawn,
    )


def facts_for(uow, case: Case, detail=None):
    """The rules' facts for ``case`` (None if its kind's rules module does not exist yet)."""
    from desk.services import casework

    module = rules_module(case.kind)
    if module is None:
        return None
    if detail is None:
        detail = casework.detail_of(uow, case)
    builder = casework.KINDS[case.kind].facts
    return builder(uow, case, detail) if builder else None


# --- storing ------------------------------------------------------------------------------------------------


def _row(case_id: int, d, now) -> Deadline:
    return Deadline(
        case_id=case_id, rule_id=d.rule_id, article=d.article, title_key=d.rule.title_key,
        anchor_event_key=d.anchor_event_key, anchor_date=d.anchor_date, due_on=d.due, state=str(d.state),
        done_on=d.done_on, consequence_key=d.consequence_key, note_key=d.note_key, verified=d.rule.verified,
        computed_at=now,
    )


def compute(uow, case: Case, detail=None) -> list:
    """The rules' ComputedDeadline list for ``case`` today (nothing stored)."""
    module = rules_module(case.kind)
    facts = facts_for(uow, case, detail)
    if module is None or facts is None:
        return []
    return list(module.deadlines(facts, uow.clock.today()))


def recompute(uow, case: Case, detail=None) -> list[Deadline]:
    """Replace the case's deadline rows with what the rules say today."""
    computed = compute(uow, case, detail)
    uow.session.execute(delete(Deadline).where(Deadline.case_id == case.id))
    now = uow.clock.now()
    rows = [_row(case.id, d, now) for d in computed]
    for row in rows:
        uow.session.add(row)
    uow.session.flush()
    return rows


def stored(uow, case_id: int) -> list[Deadline]:
    return list(uow.session.exec(select(Deadline).where(Deadline.case_id == case_id)
                                 .order_by(Deadline.due_on, Deadline.id)).all())


def refresh_states(uow, today: date) -> int:
    """Flip open deadlines whose due day has passed to missed; returns how many (uses ix_deadline_state_due)."""
    result = uow.session.execute(
        update(Deadline).where(Deadline.state == "open", Deadline.due_on < today)
        .values(state="missed").execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)
