"""Asylum applications (Asylum Law; Directive 2013/32/EU): registration, decisions, appeal, remittal."""
from __future__ import annotations

from sqlmodel import select

from desk.rules import asylum as rules
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, ActionDef, Created, Kind, Outcome, date_field, field_spec, order,
                                      person_exists, reason_field)
from models import AsylumApplication, Case, CaseKind, DublinRequest

FORM = FormSpec("register.asylum", "casework.register.asylum", (
    field_spec("person_id", F.PERSON, required=True),
    field_spec("lodged_on", F.DATE, required=True),
    field_spec("registered_on", F.DATE, required=True),
    field_spec("application_type", F.CHOICE, choices=("first", "repeat"), default="first"),
    field_spec("procedure", F.CHOICE, choices=("regular", "accelerated"), default="regular"),
    field_spec("accommodation", max_length=60),
    field_spec("unaccompanied_minor", F.BOOL),
))

REASONS = ("well_founded_fear", "serious_harm", "safe_country", "not_credible", "other_state_responsible",
           "withdrawn")


def _decision(decision: str) -> ActionDef:
    return ActionDef((date_field("decision_on"), reason_field("asylum", REASONS), date_field("notified_on", False)),
                     columns={"reason": "reason_code"}, sets={"decision": decision})


ACTIONS: dict[str, ActionDef] = {
    "accept_for_examination": ActionDef((date_field("accepted_on"),),
                                        columns={"accepted_on": "accepted_for_examination_on"}),
    "hold_interview": ActionDef((date_field("interview_on"),)),
    "grant_refugee_status": _decision("refugee"),
    "grant_alternative_status": _decision("alternative"),
    "refuse": _decision("refused"),
    "leave_without_examination": _decision("left_without_examination"),
    # a withdrawal records no decision: the application ends on the day it was withdrawn (closed_on)
    "withdraw": ActionDef((date_field("withdrawn_on"),), columns={"withdrawn_on": ""}),
    "appeal": ActionDef((date_field("appeal_lodged_on"),)),
    # the court annuls the decision and sends the case back: the decision no longer stands
    "court_remits": ActionDef((date_field("remitted_on"),), columns={"remitted_on": "-"},
                              sets={"decision": None, "decision_on": None, "notified_on": None,
                                    "appeal_lodged_on": None, "reason_code": None}),
    "become_final": ActionDef((date_field("final_on"),)),
}


class Asylum(Kind):
    kind = CaseKind.ASYLUM
    model = AsylumApplication
    rules = rules
    form = FORM
    actions = ACTIONS

    def checks(self, uow, v):
        return {**order(v, "lodged_on", "registered_on"), **person_exists(uow, v)}

    def create(self, uow, actor, v) -> Created:
        detail = dict(lodged_on=v["lodged_on"], registered_on=v["registered_on"],
                      application_type=v["application_type"] or "first", procedure=v["procedure"] or "regular",
                      accommodation=v.get("accommodation"), unaccompanied_minor=bool(v.get("unaccompanied_minor")))
        return Created(v["person_id"], v["registered_on"], self.initial_status, detail)

    def facts(self, uow, case: Case, d: AsylumApplication):
        return rules.ApplicationFacts(
            lodged_on=d.lodged_on, registered_on=d.registered_on,
            accepted_for_examination_on=d.accepted_for_examination_on, interview_on=d.interview_on,
            decision_on=d.decision_on, decision_extended_months=d.decision_extended_months,
            notified_on=d.notified_on, appeal_lodged_on=d.appeal_lodged_on,
            withdrawn_on=case.closed_on if case.status == rules.Status.WITHDRAWN else None,
        )

    def outcome(self) -> Outcome:
        return Outcome(AsylumApplication.decision_on, AsylumApplication.decision,
                       ("refugee", "alternative", "refused", "left_without_examination"))

    def related_case_ids(self, uow, case: Case) -> list[int]:
        """The Dublin requests made for this application."""
        return list(uow.session.exec(select(DublinRequest.case_id)
                                     .where(DublinRequest.asylum_case_id == case.id)).all())


ADAPTER = Asylum()
