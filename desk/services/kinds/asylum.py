"""Asylum applications: registration, decisions, appeal, remittal. The regime (Asylum Law with Directive
2013/32/EU, or Reg. 2024/1348 for applications lodged from 12 June 2026, its Art. 79(3)) follows from the
lodging date and is stored with the application; it decides the order of the dates and the limits."""
from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import select

from desk.errors import ValidationError
from desk.rules import asylum as rules
from desk.rules import eligibility
from desk.rules.common import RuleError
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, ActionDef, Created, Kind, date_field, field_error, field_spec,
                                      nationality_of, person_exists, reason_field, refusal_error, rule_error_as_form)
from desk.services.labels import field_label
from models import AsylumApplication, Case, CaseKind, DublinRequest

FORM = FormSpec("register.asylum", "casework.register.asylum", (
    field_spec("person_id", F.PERSON, required=True),
    # the lodging date decides the regime (Reg. 2024/1348 Art. 79(3)); the officer never types it
    field_spec("lodged_on", F.DATE, required=True, help_key="casework.help.lodged_on"),
    field_spec("registered_on", F.DATE, required=True),
    # Reg. 2024/1348 Art. 26: the day the application was made; needed for an APR application
    field_spec("made_on", F.DATE, help_key="casework.help.made_on"),
    # left empty: "repeat" when the person applied before, else "first" (desk.rules.eligibility.application_type)
    field_spec("application_type", F.CHOICE, choices=("first", "repeat"), help_key="casework.help.application_type"),
    field_spec("first_confirmed", F.BOOL, help_key="casework.help.first_confirmed"),
    # Protocol No 24, sole article (a)-(d): asked of an EU citizen only
    field_spec("protocol24_ground", F.CHOICE, choices=tuple(eligibility.PROTOCOL24_GROUNDS),
               help_key="casework.help.protocol24_ground"),
    field_spec("procedure", F.CHOICE, choices=("regular", "accelerated", "admissibility"), default="regular"),
    field_spec("accommodation", max_length=60),
    field_spec("unaccompanied_minor", F.BOOL),
))

# asylum_application.procedure is 12 characters wide (0001): "admissibility" is stored as "admissible"
STORED_PROCEDURE = {"admissibility": "admissible"}
PROCEDURE_OF_STORED = {v: k for k, v in STORED_PROCEDURE.items()}

REASONS = ("well_founded_fear", "serious_harm", "safe_country", "not_credible", "other_state_responsible",
           "withdrawn")
# Issue 14 point 6: the reasons a decision offers fit the decision. A grant gives the ground of the status
# (refugee: well-founded fear of persecution; alternative status: a real risk of serious harm); a refusal or
# a decision not to examine needs its reason.
DECISION_REASONS: dict[str, tuple[tuple[str, ...], bool]] = {
    "refugee": (("well_founded_fear",), False),
    "alternative": (("serious_harm",), False),
    "refused": (("not_credible", "safe_country"), True),
    "left_without_examination": (("other_state_responsible", "withdrawn"), True),
}


def _decision(decision: str) -> ActionDef:
    choices, required = DECISION_REASONS[decision]
    return ActionDef((date_field("decision_on"), reason_field("asylum", choices, required),
                      date_field("notified_on", False)),
                     columns={"reason": "reason_code"}, sets={"decision": decision})


def _extend(row, values, ctx):
    """Asylum Law s. 29: by up to 9 months; Reg. 2024/1348 Art. 35(5): by at most 6 months (Art. 35(2): 2 for
    admissibility; Art. 35(3): none when accelerated). The rules refuse what the regime does not allow."""
    try:
        rules.decision_due(ctx.facts(row))
    except RuleError as exc:
        raise rule_error_as_form(exc, "decision_extended_months") from None
    return None


def _postpone(row, values, ctx):
    """Reg. 2024/1348 Art. 35(7): only the APR lets the decision be postponed (to 21 months at most)."""
    if row.get("regime") != rules.Regime.APR:
        raise field_error("postponed_on", "casework.asylum.postpone_apr_only")
    return None


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
    # the months of the whole extension (a second extension gives the new total)
    "extend_decision": ActionDef((field_spec("decision_extended_months", F.INT, required=True, low=1,
                                             high=rules.DECISION_MAX_EXTENSION_MONTHS),), hook=_extend),
    "postpone_decision": ActionDef((date_field("postponed_on"),), hook=_postpone),
}


class Asylum(Kind):
    kind = CaseKind.ASYLUM
    model = AsylumApplication
    rules = rules
    form = FORM
    actions = ACTIONS
    starts_dublin_requests = True  # Reg. 604/2013 Art. 21, Reg. 2024/1351 Art. 39: a request is made for an application

    def has_earlier_application(self, uow, person_id) -> bool:
        """Whether the person has an asylum application in the store already (any status)."""
        if not isinstance(person_id, int):
            return False
        return uow.session.exec(select(Case.id).where(Case.person_id == person_id,
                                                      Case.kind == str(CaseKind.ASYLUM)).limit(1)).first() is not None

    def initial_values(self, uow, person_id) -> dict:
        """The form as it opens for this person: "repeat" offered when they applied before."""
        return {"application_type": "repeat"} if self.has_earlier_application(uow, person_id) else {}

    def checks(self, uow, v):
        errors = dict(person_exists(uow, v))
        # --- who may apply (desk.rules.eligibility, issue 14 point 5) ---
        if not errors:
            nationality = nationality_of(uow, v.get("person_id"))
            refusal = eligibility.asylum_refusal(nationality, v.get("protocol24_ground"))
            if refusal is not None:
                name = "person_id" if refusal == eligibility.Refusal.LATVIAN_ASYLUM else "protocol24_ground"
                errors[name] = refusal_error(name, refusal, nationality)
            _type, refusal = eligibility.application_type(v.get("application_type"),
                                                          self.has_earlier_application(uow, v.get("person_id")),
                                                          bool(v.get("first_confirmed")))
            if refusal is not None:
                errors["application_type"] = refusal_error("application_type", refusal, nationality)
        lodged = v.get("lodged_on")
        if lodged is None:
            return errors
        regime = rules.regime_for(lodged)
        if regime == rules.Regime.APR and v.get("made_on") is None:
            # Reg. 2024/1348 Arts. 26-28: an APR application records when it was made, registered, lodged
            errors["made_on"] = ValidationError("casework.asylum.made_on_required", field="made_on")
        key = "casework.asylum.order_apr" if regime == rules.Regime.APR else "casework.asylum.order_asylum_law"
        for earlier, later in rules.date_order(regime, lodged_on=lodged, registered_on=v.get("registered_on"),
                                               made_on=v.get("made_on")):
            errors.setdefault(later, ValidationError(key, field=later, earlier=field_label(earlier),
                                                     later=field_label(later)))
        if regime == rules.Regime.ASYLUM_LAW and v.get("procedure") == "admissibility":
            # Reg. 2024/1348 Art. 35(1): a separate admissibility examination with its own period is the APR's
            errors["procedure"] = ValidationError("casework.asylum.admissibility_apr_only", field="procedure")
        return errors

    def create(self, uow, actor, v) -> Created:
        regime = rules.regime_for(v["lodged_on"])
        procedure = v["procedure"] or "regular"
        earlier = self.has_earlier_application(uow, v["person_id"])
        application_type, _refusal = eligibility.application_type(v.get("application_type"), earlier,
                                                                   bool(v.get("first_confirmed")))
        # kept only where it says something: a first application confirmed for a person who applied before
        confirmed = True if (earlier and application_type == eligibility.FIRST and v.get("first_confirmed")) else None
        detail = dict(lodged_on=v["lodged_on"], registered_on=v["registered_on"], made_on=v.get("made_on"),
                      regime=str(regime),  # Reg. 2024/1348 Art. 79(3): never typed by the officer
                      application_type=application_type, first_confirmed=confirmed,
                      protocol24_ground=v.get("protocol24_ground"),
                      procedure=STORED_PROCEDURE.get(procedure, procedure),
                      accommodation=v.get("accommodation"), unaccompanied_minor=bool(v.get("unaccompanied_minor")))
        # the case opens on the registration day under either regime, as it always has
        return Created(v["person_id"], v["registered_on"], self.initial_status, detail)

    def facts(self, uow, case: Case, d: AsylumApplication):
        return rules.ApplicationFacts(
            lodged_on=d.lodged_on, registered_on=d.registered_on,
            accepted_for_examination_on=d.accepted_for_examination_on, interview_on=d.interview_on,
            decision_on=d.decision_on, decision_extended_months=d.decision_extended_months,
            notified_on=d.notified_on, appeal_lodged_on=d.appeal_lodged_on,
            withdrawn_on=case.closed_on if case.status == rules.Status.WITHDRAWN else None,
            regime=d.regime or None, made_on=d.made_on,
            procedure=PROCEDURE_OF_STORED.get(d.procedure, d.procedure or "regular"),
            postponed_on=d.postponed_on, decision=d.decision,
        )

    def detail_lines(self, uow, case: Case, lines):
        """The regime first: which law the application is examined under (as a Dublin request shows)."""
        regime = [line for line in lines if line.name == "regime"]
        return regime + [line for line in lines if line.name != "regime"]

    def related_case_ids(self, uow, case: Case) -> list[int]:
        """The Dublin requests made for this application, and the take backs that return the person to it."""
        return list(uow.session.exec(select(DublinRequest.case_id)
                                     .where(or_(DublinRequest.asylum_case_id == case.id,
                                                DublinRequest.earlier_case_id == case.id))
                                     .order_by(DublinRequest.case_id)).all())


ADAPTER = Asylum()
