"""Casework: register a case of every kind, perform the events its life cycle allows, reassign.

One use case per function, each one transaction (the caller's unit of work) that also writes its audit
entry. The life cycle of each kind is ``desk.rules.<kind>.MACHINE``: ``actions_for`` offers exactly the
actions it allows in the case's status, ``perform`` refuses anything else. After every registration and
event the deadlines are recomputed from the rules (``desk.services.deadlines.recompute``).

Forms: every registration and action is a ``FormSpec``; the screens draw it and hand back raw strings;
``parse_values`` plus the kind's own checks turn them into values or raise ``FormInvalid``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from sqlmodel import select

from desk.errors import FormInvalid, NotFound, PermissionDenied, TransitionNotAllowed, ValidationError
from desk.i18n import has, t
from desk.services import audit, casecore
from desk.services import deadlines as deadline_service
from desk.services.auth import Actor, Permission, parse_roles, require, require_kind, CASE_KINDS_BY_ROLE, Role
from desk.services.forms import FieldSpec, FieldType, FormSpec, parse_values
from desk.services.persons import get_person, reference_lookup
from models import (AsylumApplication, Case, CaseKind, Country, DublinRequest, Invitation, InvitedPerson, Officer,
                    ResidencePermit, ReturnDecision, Visa)

F = FieldType


def _f(name: str, type_: FieldType = F.TEXT, *, required: bool = False, choices=(), label: str | None = None,
       **kw) -> FieldSpec:
    choice_specs = tuple((c, f"casework.choice.{name}.{c}") for c in choices)
    return FieldSpec(name, label or f"casework.field.{name}", type_, required=required, choices=choice_specs, **kw)


# --- labels and display ---------------------------------------------------------------------------------


def field_label(name: str) -> str:
    key = f"casework.field.{name}"
    return t(key) if has(key) else name


def display_value(value, name: str | None = None) -> str:
    """A stored value as an officer reads it: dates DD.MM.YYYY, yes/no, choice codes as words."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return t("casework.yes") if value else t("casework.no")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":  # ISO date from the audit trail
            try:
                return date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        if name == "reason_code":
            key = f"casework.reason.{value}"
            return t(key) if has(key) else value
        if name:
            key = f"casework.choice.{name}.{value}"
            if has(key):
                return t(key)
    return str(value)


# --- kind descriptions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionDef:
    """What one life-cycle action asks for and what it changes on the detail row.

    ``columns`` maps a form field to the detail column it fills (same name if absent); ``sets`` are
    constant values written; ``hook(uow, case, detail, values)`` does anything else and may raise
    ``FormInvalid``; ``closes_with`` names the date field that becomes ``closed_on`` when the action
    ends the case."""

    fields: tuple[FieldSpec, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    sets: dict[str, object] = field(default_factory=dict)
    hook: Callable | None = None
    future_ok: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: type
    form: FormSpec
    create: Callable  # (uow, actor, values) -> (person_id, opened_on, status, detail kwargs, extra)
    actions: dict[str, ActionDef]
    facts: Callable | None = None  # (uow, case, detail) -> the rules' facts
    allowed: Callable | None = None  # (case, detail) -> list of action names (default MACHINE.allowed)
    hidden: frozenset[str] = frozenset()  # detail columns not shown on the file


def _rules(kind: str):
    module = deadline_service.rules_module(kind)
    if module is None:
        raise ValidationError("casework.rules_missing", kind=kind)
    return module


def _initial_status(kind: str) -> str:
    module = _rules(kind)
    status = getattr(module, "INITIAL_STATUS", None)
    return str(status if status is not None else module.MACHINE.initial)


def _terminal(kind: str) -> frozenset[str]:
    module = _rules(kind)
    terminal = getattr(module, "TERMINAL_STATUSES", None)
    if terminal is None:
        terminal = module.MACHINE.terminal_states()
    return frozenset(str(s) for s in terminal)


def _err(field_name: str, key: str, **params) -> FormInvalid:
    return FormInvalid({field_name: ValidationError(key, field=field_name, **params)})


def _not_future(values: dict, today: date, allowed: frozenset[str] | set[str] = frozenset(), fields=()) -> dict:
    errors = {}
    for spec in fields:
        v = values.get(spec.name)
        if spec.type == F.DATE and isinstance(v, date) and v > today and spec.name not in allowed:
            errors[spec.name] = ValidationError("error.date_in_future", field=spec.name)
    return errors


def _order(values: dict, earlier: str, later: str) -> dict:
    a, b = values.get(earlier), values.get(later)
    if a and b and b < a:
        return {later: ValidationError("error.date_order", field=later, earlier=field_label(earlier),
                                       later=field_label(later))}
    return {}


def _person_exists(uow, values: dict, name: str = "person_id") -> dict:
    pid = values.get(name)
    if pid is None:
        return {}
    try:
        get_person(uow, pid)
    except NotFound as exc:
        exc.field = name
        return {name: exc}
    return {}


def _case_by_number(uow, number: str | None, kind: str, name: str) -> Case | None:
    if not number:
        return None
    try:
        case = casecore.case_by_number(uow, number)
    except NotFound as exc:
        raise FormInvalid({name: NotFound(exc.key, field=name, **exc.params)}) from None
    if case.kind != kind:
        raise _err(name, "casework.wrong_case_kind", kind=t(f"kind.{kind}"))
    return case


# --- asylum --------------------------------------------------------------------------------------------

ASYLUM_FORM = FormSpec("register.asylum", "casework.register.asylum", (
    _f("person_id", F.PERSON, required=True),
    _f("lodged_on", F.DATE, required=True),
    _f("registered_on", F.DATE, required=True),
    _f("application_type", F.CHOICE, choices=("first", "repeat"), default="first"),
    _f("procedure", F.CHOICE, choices=("regular", "accelerated"), default="regular"),
    _f("accommodation", max_length=60),
    _f("unaccompanied_minor", F.BOOL),
))


def _create_asylum(uow, actor, v):
    detail = dict(lodged_on=v["lodged_on"], registered_on=v["registered_on"],
                  application_type=v["application_type"] or "first", procedure=v["procedure"] or "regular",
                  accommodation=v.get("accommodation"), unaccompanied_minor=bool(v.get("unaccompanied_minor")))
    return v["person_id"], v["registered_on"], _initial_status("asylum"), detail, None


def _asylum_checks(uow, v):
    return {**_order(v, "lodged_on", "registered_on"), **_person_exists(uow, v)}


# --- Dublin --------------------------------------------------------------------------------------------

DUBLIN_FORM = FormSpec("register.dublin", "casework.register.dublin", (
    _f("direction", F.CHOICE, required=True, choices=("outgoing", "incoming")),
    _f("request_kind", F.CHOICE, required=True, choices=("take_charge", "take_back", "information")),
    _f("partner_country", F.COUNTRY, required=True),
    _f("asylum_case", max_length=24, help_key="casework.help.asylum_case"),
    _f("person_id", F.PERSON),
    _f("lodged_on", F.DATE),
    _f("registered_on", F.DATE, help_key="casework.help.registered_on"),
    _f("knowledge_on", F.DATE),
    _f("hit_kind", F.CHOICE, choices=("none", "eurodac", "vis"), default="none"),
    _f("hit_received_on", F.DATE),
    _f("urgent_reply_by", F.DATE),
    _f("detained", F.BOOL),
    _f("sent_on", F.DATE),
    _f("received_on", F.DATE),
    _f("partner_reference", max_length=40),
))
_DUBLIN_FUTURE_OK = frozenset({"urgent_reply_by"})


def _dublin_values(uow, v) -> tuple[dict, Case | None]:
    """Cross-field checks of a Dublin registration; returns the detail columns and the asylum case."""
    from desk.rules import dublin as rules
    from desk.rules.common import RuleError

    errors = {}
    partner = uow.session.get(Country, v["partner_country"])
    if partner is None or not partner.dublin_partner or partner.code == "LVA":
        errors["partner_country"] = ValidationError("error.not_partner_state", field="partner_country",
                                                    code=v["partner_country"])
    asylum = _case_by_number(uow, v.get("asylum_case"), "asylum", "asylum_case")
    person_id = v.get("person_id")
    lodged_on, registered_on = v.get("lodged_on"), v.get("registered_on")
    if asylum is not None:
        app = uow.session.get(AsylumApplication, asylum.id)
        if person_id is not None and person_id != asylum.person_id:
            errors["person_id"] = ValidationError("casework.dublin.person_mismatch", field="person_id")
        person_id = asylum.person_id
        lodged_on = lodged_on or app.lodged_on
        registered_on = registered_on or app.registered_on
    elif person_id is None:
        errors["person_id"] = ValidationError("casework.dublin.case_or_person", field="person_id")
    else:
        errors.update(_person_exists(uow, {"person_id": person_id}))
    if registered_on is None:
        errors["registered_on"] = ValidationError("error.required", field="registered_on")
    hit_kind = None if v.get("hit_kind") in (None, "none") else v["hit_kind"]
    if hit_kind and v.get("hit_received_on") is None:
        errors["hit_received_on"] = ValidationError("error.required", field="hit_received_on")
    if v["direction"] == "incoming" and v.get("received_on") is None:
        errors["received_on"] = ValidationError("error.required", field="received_on")
    if v["direction"] == "incoming" and v.get("sent_on") is not None and v.get("received_on") is not None:
        errors.update(_order(v, "sent_on", "received_on"))
    if v["direction"] == "outgoing" and v.get("received_on") is not None:
        errors["received_on"] = ValidationError("casework.dublin.received_incoming_only", field="received_on")
    errors.update(_order({"lodged_on": lodged_on, "registered_on": registered_on}, "lodged_on", "registered_on"))
    if errors:
        raise FormInvalid(errors)
    detail = dict(
        asylum_case_id=asylum.id if asylum else None, direction=v["direction"], request_kind=v["request_kind"],
        regime=str(rules.regime_for(registered_on)),  # Reg. 2024/1351 Art. 84: never typed by the officer
        partner_country=v["partner_country"], partner_reference=v.get("partner_reference"),
        lodged_on=lodged_on, registered_on=registered_on, knowledge_on=v.get("knowledge_on"), hit_kind=hit_kind,
        hit_received_on=v.get("hit_received_on"), urgent_reply_by=v.get("urgent_reply_by"),
        detained=bool(v.get("detained")), sent_on=v.get("sent_on"), received_on=v.get("received_on"),
    )
    # the rules' own checks (a missing anchor date, an urgent reply under AMMR...) as field errors
    probe = DublinRequest(case_id=0, **detail)
    probe_case = Case(id=0, number="", kind="dublin", year=0, seq=0, status=str(rules.Status.DRAFT), person_id=0,
                      office_id=0, opened_on=registered_on)
    try:
        rules.deadlines(deadline_service.dublin_facts(uow, probe_case, probe), uow.clock.today())
    except RuleError as exc:
        name = exc.params.get("field") or "request_kind"
        params = {k: v for k, v in exc.params.items() if k != "field"}
        raise FormInvalid({name: ValidationError(exc.key, field=name, **params)}) from None
    return {**detail, "_person_id": person_id}, asylum


def _create_dublin(uow, actor, v):
    from desk.rules import dublin as rules

    detail, asylum = _dublin_values(uow, v)
    if asylum is not None:
        require_kind(uow, actor, asylum.kind, case_id=asylum.id)
    person_id = detail.pop("_person_id")
    status = rules.initial_status(detail["direction"])
    if detail["direction"] == "outgoing" and detail["sent_on"] is not None:
        status = rules.apply_action(status, rules.Action.SEND, detail["request_kind"])
    # the case opens on the day the request came in or went out (an import of last March's request
    # opens last March); a draft not yet sent opens today
    opened = (detail["received_on"] if detail["direction"] == "incoming"
              else detail["sent_on"] or uow.clock.today())
    return person_id, opened, str(status), detail, None


def _dublin_allowed(case: Case, detail: DublinRequest) -> list[str]:
    from desk.rules import dublin as rules

    return [str(a) for a in rules.allowed_actions(case.status, detail.request_kind)]


def _dublin_tacit(uow, case, detail, values):
    from desk.rules import dublin as rules

    on = rules.tacit_acceptance_on(deadline_service.dublin_facts(uow, case, detail), uow.clock.today())
    if on is None:
        raise _err("accepted_on", "casework.dublin.not_tacit_yet")
    detail.tacit = True
    detail.accepted_on = on


def _dublin_reject(uow, case, detail, values):
    detail.refusal_received_on = values["replied_on"]


def _dublin_extension_choices():
    return ("imprisonment", "absconding", "medical_unfitness", "resisting")


def _dublin_extend(uow, case, detail, values):
    from desk.rules import dublin as rules

    if detail.regime == rules.Regime.DUBLIN_III and values["extension"] not in ("imprisonment", "absconding"):
        raise _err("extension", "casework.dublin.extension_not_in_regime")


def _date(name: str, required: bool = True) -> FieldSpec:
    return _f(name, F.DATE, required=required)


DUBLIN_ACTIONS: dict[str, ActionDef] = {
    "send": ActionDef((_date("sent_on"),)),
    "answer": ActionDef((_date("replied_on"),)),
    "accept": ActionDef((_date("replied_on"),), sets={"reply": "accepted"}),
    "accept_tacitly": ActionDef(hook=_dublin_tacit),
    "reject": ActionDef((_date("replied_on"),), sets={"reply": "rejected"}, hook=_dublin_reject),
    "request_reexamination": ActionDef((_date("requested_on"),), columns={"requested_on": "reexam_requested_on"}),
    "accept_on_reexamination": ActionDef((_date("answered_on"),), columns={"answered_on": "reexam_answered_on"},
                                         sets={"reexam_result": "accepted"}),
    "reject_on_reexamination": ActionDef((_date("answered_on"),), columns={"answered_on": "reexam_answered_on"},
                                         sets={"reexam_result": "rejected"}),
    "lapse_reexamination": ActionDef(),
    "close": ActionDef(),
    "decide_transfer": ActionDef((_date("decided_on"), _date("notified_on", False)),
                                 columns={"decided_on": "transfer_decided_on",
                                          "notified_on": "transfer_decision_notified_on"}),
    "schedule_transfer": ActionDef((_date("scheduled_on"),), columns={"scheduled_on": "transfer_scheduled_on"},
                                   future_ok=frozenset({"scheduled_on"})),
    "cancel_schedule": ActionDef(sets={"transfer_scheduled_on": None}),
    "extend_transfer": ActionDef((_f("extension", F.CHOICE, required=True, choices=_dublin_extension_choices()),
                                  _date("notified_on")),
                                 columns={"notified_on": "extension_notified_on"}, hook=_dublin_extend),
    "complete_transfer": ActionDef((_date("done_on"),), columns={"done_on": "transfer_done_on"}),
    "expire": ActionDef(),
    "withdraw": ActionDef((_date("withdrawn_on"),), columns={"withdrawn_on": ""}),
}


# --- residence permit -------------------------------------------------------------------------------------

PERMIT_KIND_CODES = ("temporary", "permanent", "eu_long_term", "eu_registration")
_PURPOSES = ("employment", "study", "family", "business", "investment", "repatriate", "international_protection",
             "research", "eu_citizen", "other")

PERMIT_FORM = FormSpec("register.permit", "casework.register.permit", (
    _f("person_id", F.PERSON, required=True),
    _f("permit_kind", F.CHOICE, required=True, choices=tuple(PERMIT_KIND_CODES)),
    _f("issue_type", F.CHOICE, choices=("first", "re_registration", "re_issue"), default="first"),
    _f("purpose", F.CHOICE, required=True, choices=_PURPOSES),
    _f("sponsor_case", max_length=24, help_key="casework.help.sponsor_case"),
    _f("right_to_work", F.BOOL),
    _f("applied_on", F.DATE, required=True),
))


def _create_permit(uow, actor, v):
    sponsor = _case_by_number(uow, v.get("sponsor_case"), "invitation", "sponsor_case")
    detail = dict(permit_kind=v["permit_kind"], issue_type=v.get("issue_type") or "first", purpose=v["purpose"],
                  sponsor_case_id=sponsor.id if sponsor else None, right_to_work=bool(v.get("right_to_work")),
                  applied_on=v["applied_on"])
    return v["person_id"], v["applied_on"], _initial_status("permit"), detail, None


# --- visa ------------------------------------------------------------------------------------------------

VISA_FORM = FormSpec("register.visa", "casework.register.visa", (
    _f("person_id", F.PERSON, required=True),
    _f("category", F.CHOICE, required=True, choices=("C", "D")),
    _f("entries", F.CHOICE, choices=("single", "double", "multiple"), default="single"),
    _f("applied_on", F.DATE, required=True),
    _f("extension_reason", F.CHOICE, choices=("unforeseen_circumstances", "force_majeure", "humanitarian",
                                              "serious_personal_reasons"), default="unforeseen_circumstances"),
))


def _create_visa(uow, actor, v):
    detail = dict(category=v["category"], entries=v.get("entries") or "single", applied_on=v["applied_on"],
                  extension_reason=v.get("extension_reason"))
    return v["person_id"], v["applied_on"], _initial_status("visa"), detail, None


# --- invitation / call ------------------------------------------------------------------------------------

INVITATION_FORM = FormSpec("register.invitation", "casework.register.invitation", (
    _f("invitation_kind", F.CHOICE, required=True, choices=("invitation", "call")),
    _f("inviter_kind", F.CHOICE, required=True, choices=("person", "company")),
    _f("inviter_name", required=True, max_length=200),
    _f("inviter_code", max_length=20),
    _f("purpose", F.CHOICE, choices=_PURPOSES),
    _f("submitted_on", F.DATE, required=True),
    _f("person_ids", F.PERSONS, required=True),
))


def _invitation_checks(uow, v):
    errors = {}
    ids = v.get("person_ids") or []
    if len(set(ids)) != len(ids):
        errors["person_ids"] = ValidationError("casework.invitation.person_twice", field="person_ids")
    for pid in ids:
        try:
            get_person(uow, pid)
        except NotFound:
            errors["person_ids"] = ValidationError("error.person_not_found", field="person_ids")
            break
    return errors


def _create_invitation(uow, actor, v):
    ids = v["person_ids"]
    detail = dict(invitation_kind=v["invitation_kind"], inviter_kind=v["inviter_kind"],
                  inviter_name=v["inviter_name"], inviter_code=v.get("inviter_code"), purpose=v.get("purpose"),
                  submitted_on=v["submitted_on"])

    def extra(case):
        for pid in ids:
            uow.session.add(InvitedPerson(invitation_case_id=case.id, person_id=pid))

    return ids[0], v["submitted_on"], _initial_status("invitation"), detail, extra


# --- return decision --------------------------------------------------------------------------------------

RETURN_FORM = FormSpec("register.return", "casework.register.return", (
    _f("person_id", F.PERSON, required=True),
    _f("decision_kind", F.CHOICE, required=True, choices=("voluntary", "forced")),
    _f("grounds", F.CHOICE, required=True, choices=("overstay", "no_visa", "no_permit", "visa_free_breach",
                                                    "illegal_entry")),
    _f("issued_on", F.DATE, required=True),
    _f("notified_on", F.DATE),
    _f("departure_days", F.INT, low=7, high=30, help_key="casework.help.departure_days"),
    _f("ban_imposed", F.BOOL),
    _f("ban_years", F.INT, low=0, high=5),
    _f("ban_months", F.INT, low=0, high=11),
))


def _return_checks(uow, v):
    errors = {**_person_exists(uow, v), **_order(v, "issued_on", "notified_on")}
    if v["decision_kind"] == "voluntary" and v.get("departure_days") is None:
        # Return Directive 2008/115/EC Art. 7(1): a period for voluntary departure of 7 to 30 days
        errors["departure_days"] = ValidationError("error.required", field="departure_days")
    if v["decision_kind"] == "forced" and v.get("departure_days") is not None:
        errors["departure_days"] = ValidationError("casework.return.no_departure_period", field="departure_days")
    if v["decision_kind"] == "forced" and not v.get("ban_imposed"):
        # Immigration Law; Directive Art. 11(1)(a): a forced expulsion decision carries an entry ban
        errors["ban_imposed"] = ValidationError("casework.return.ban_mandatory", field="ban_imposed")
    if v.get("ban_imposed") and not (v.get("ban_years") or v.get("ban_months")):
        errors["ban_years"] = ValidationError("casework.return.ban_length", field="ban_years")
    if not v.get("ban_imposed") and (v.get("ban_years") or v.get("ban_months")):
        errors["ban_imposed"] = ValidationError("casework.return.ban_not_imposed", field="ban_imposed")
    return errors


def _create_return(uow, actor, v):
    detail = dict(decision_kind=v["decision_kind"], grounds=v["grounds"], issued_on=v["issued_on"],
                  notified_on=v.get("notified_on"), departure_days=v.get("departure_days"),
                  ban_imposed=bool(v.get("ban_imposed")), ban_years=v.get("ban_years"),
                  ban_months=v.get("ban_months"))
    status = _initial_status("return")
    if v.get("notified_on"):  # handed over at once: registered as notified (the machine's notify step)
        from desk.rules import returns as rules

        status = rules.MACHINE.apply(status, rules.Action.NOTIFY)
    return v["person_id"], v["issued_on"], status, detail, None


# --- life-cycle actions of asylum, permit and visa cases --------------------------------------------------

_ASYLUM_REASONS = ("well_founded_fear", "serious_harm", "safe_country", "not_credible", "other_state_responsible",
                   "withdrawn")
_PERMIT_REASONS = ("conditions_met", "insufficient_means", "false_information", "threat_public_order")
_VISA_REASONS = ("unforeseen_circumstances", "force_majeure", "humanitarian")


def _reason(kind: str, choices, required: bool = False) -> FieldSpec:
    # stored as the decision_reason reference code "<kind>.<reason>" (seed.reference.DECISION_REASONS)
    return FieldSpec("reason", "casework.field.reason", F.CHOICE, required=required,
                     choices=tuple((f"{kind}.{c}", f"casework.reason.{kind}.{c}") for c in choices))


def _decision(decision: str) -> ActionDef:
    return ActionDef((_date("decision_on"), _reason("asylum", _ASYLUM_REASONS), _date("notified_on", False)),
                     columns={"reason": "reason_code"}, sets={"decision": decision})


ASYLUM_ACTIONS: dict[str, ActionDef] = {
    "accept_for_examination": ActionDef((_date("accepted_on"),), columns={"accepted_on": "accepted_for_examination_on"}),
    "hold_interview": ActionDef((_date("interview_on"),)),
    "grant_refugee_status": _decision("refugee"),
    "grant_alternative_status": _decision("alternative"),
    "refuse": _decision("refused"),
    "leave_without_examination": _decision("left_without_examination"),
    "withdraw": ActionDef((_date("withdrawn_on"),), columns={"withdrawn_on": ""}),
    "appeal": ActionDef((_date("appeal_lodged_on"),)),
    # the court annuls the decision and sends the case back: the decision no longer stands
    "court_remits": ActionDef((_date("remitted_on"),), columns={"remitted_on": "-"},
                              sets={"decision": None, "decision_on": None, "notified_on": None,
                                    "appeal_lodged_on": None, "reason_code": None}),
    "become_final": ActionDef((_date("final_on"),)),
}


def _permit_validity(uow, case, detail, values):
    from desk.rules import permits as rules
    from desk.rules.common import RuleError

    try:
        rules.validate_validity(PERMIT_KIND_RULES[detail.permit_kind], detail.valid_from, detail.valid_until)
    except RuleError as exc:
        name = exc.params.get("field") or "valid_until"
        raise FormInvalid({name: ValidationError(exc.key, field=name,
                                                 **{k: v for k, v in exc.params.items() if k != "field"})}) from None


PERMIT_ACTIONS: dict[str, ActionDef] = {
    "grant": ActionDef((_date("decided_on"), _date("valid_from"), _date("valid_until", False),
                        _reason("permit", _PERMIT_REASONS)), columns={"reason": "reason_code"},
                       hook=_permit_validity, future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": ActionDef((_date("decided_on"), _reason("permit", _PERMIT_REASONS, True)),
                        columns={"reason": "reason_code"}),
    "issue": ActionDef((_date("issued_on"), _f("card_number", max_length=20))),
    "reregister": ActionDef((_date("reregistered_on"), _f("card_number", max_length=20))),
    "annul": ActionDef((_date("annulled_on"), _reason("permit", _PERMIT_REASONS, True)),
                       columns={"reason": "reason_code"}),
    "expire": ActionDef(),
    "withdraw": ActionDef((_date("withdrawn_on"),), columns={"withdrawn_on": ""}),
}


def _visa_validity(uow, case, detail, values):
    from desk.rules import visas as rules
    from desk.rules.common import RuleError

    try:
        rules.validate_visa(detail.category.lower(), detail.valid_from, detail.valid_until,
                            days_of_stay=detail.days_allowed, entries=detail.entries)
    except RuleError as exc:
        name = exc.params.get("field") or ("days_allowed" if "days" in exc.params else "valid_until")
        raise FormInvalid({name: ValidationError(exc.key, field=name,
                                                 **{k: v for k, v in exc.params.items() if k != "field"})}) from None


VISA_ACTIONS: dict[str, ActionDef] = {
    "issue": ActionDef((_date("decided_on"), _date("valid_from"), _date("valid_until"),
                        _f("days_allowed", F.INT, low=1, high=366), _reason("visa", _VISA_REASONS)),
                       columns={"reason": "reason_code"}, hook=_visa_validity,
                       future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": ActionDef((_date("decided_on"), _reason("visa", _VISA_REASONS)), columns={"reason": "reason_code"}),
    "extend": ActionDef((_date("valid_until"), _f("days_allowed", F.INT, low=1, high=366),
                         _f("extension_reason", F.CHOICE, choices=("unforeseen_circumstances", "force_majeure",
                                                                   "humanitarian", "serious_personal_reasons"))),
                        hook=_visa_validity, future_ok=frozenset({"valid_until"})),
    "annul": ActionDef((_date("annulled_on"),), columns={"annulled_on": ""}),
    "revoke": ActionDef((_date("revoked_on"),), columns={"revoked_on": ""}),
    "expire": ActionDef(),
    "withdraw": ActionDef((_date("withdrawn_on"),), columns={"withdrawn_on": ""}),
}

# stored codes (short, the column holds 20 characters) -> desk.rules.permits.PermitKind values
PERMIT_KIND_RULES = {"temporary": "temporary", "permanent": "permanent", "eu_long_term": "eu_long_term_resident",
                     "eu_registration": "eu_registration_certificate"}
# seed.reference permit purposes -> desk.rules.permits.Purpose values
PERMIT_PURPOSE_RULES = {"family": "family_reunification", "investment": "business", "research": "other",
                        "eu_citizen": "other"}


def _asylum_facts(uow, case: Case, d: AsylumApplication):
    from desk.rules import asylum as rules

    return rules.ApplicationFacts(
        lodged_on=d.lodged_on, registered_on=d.registered_on,
        accepted_for_examination_on=d.accepted_for_examination_on, interview_on=d.interview_on,
        decision_on=d.decision_on, decision_extended_months=d.decision_extended_months, notified_on=d.notified_on,
        appeal_lodged_on=d.appeal_lodged_on,
        withdrawn_on=case.closed_on if case.status == rules.Status.WITHDRAWN else None,
    )


def _permit_facts(uow, case: Case, d: ResidencePermit):
    from desk.rules import permits as rules

    return rules.PermitFacts(
        kind=rules.PermitKind(PERMIT_KIND_RULES[d.permit_kind]),
        purpose=rules.Purpose(PERMIT_PURPOSE_RULES.get(d.purpose, d.purpose)),
        valid_from=d.valid_from, valid_until=d.valid_until, issued_on=d.issued_on,
        reregistered_on=d.reregistered_on, annulled_on=d.annulled_on,
    )


def _visa_facts(uow, case: Case, d: Visa):
    from desk.rules import visas as rules
    from models import Stay

    stays = uow.session.exec(select(Stay).where(Stay.person_id == case.person_id, Stay.counts_for_90_180.is_(True))
                             .order_by(Stay.entry_on.desc()).limit(200)).all()
    current = stays[0] if stays and (d.valid_from is None or stays[0].entry_on >= d.valid_from - _WINDOW) else None
    previous = tuple((s.entry_on, s.exit_on) for s in stays if current is None or s.id != current.id)
    ended = case.closed_on if case.status in (rules.Status.ANNULLED, rules.Status.REVOKED) else None
    return rules.VisaFacts(
        category=rules.Category(d.category.lower()), entries=rules.Entries(d.entries), valid_from=d.valid_from,
        valid_until=d.valid_until, days_of_stay=d.days_allowed,
        entered_on=current.entry_on if current else None, exited_on=current.exit_on if current else None,
        previous_stays=previous, annulled_on=ended,
    )


from datetime import timedelta as _td  # noqa: E402

_WINDOW = _td(days=180)  # a stay that began within the 180 days before the visa's validity is the current one


# --- invitations and return decisions: actions and facts -----------------------------------------------------

INVITATION_ACTIONS: dict[str, ActionDef] = {
    "approve": ActionDef((_date("decided_on"), _date("valid_from", False), _date("valid_until", False)),
                         future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": ActionDef((_date("decided_on"),)),
    "use": ActionDef((_date("used_on"),), columns={"used_on": ""}),
    "expire": ActionDef(),
    "cancel": ActionDef((_date("cancelled_on"),), columns={"cancelled_on": ""}),
}

RETURN_ACTIONS: dict[str, ActionDef] = {
    "notify": ActionDef((_date("notified_on"),)),
    "contest": ActionDef((_date("contested_on"),)),
    "uphold": ActionDef((_date("upheld_on"),), columns={"upheld_on": "contest_decided_on"}),
    "appeal": ActionDef((_date("appealed_on"),)),
    "depart": ActionDef((_date("departed_on"),)),
    "expel": ActionDef((_date("departed_on"),)),
    "start_ban": ActionDef(),
    "close": ActionDef(),
    "expire_ban": ActionDef(),
    "annul": ActionDef((_date("annulled_on"),), columns={"annulled_on": ""}),
}


def _invitation_facts(uow, case: Case, d: Invitation):
    from sqlalchemy import func
    from desk.rules import invitations as rules

    n = uow.session.exec(select(func.count(InvitedPerson.id))
                         .where(InvitedPerson.invitation_case_id == case.id)).one()
    approved = (True if case.status in ("approved", "used", "expired")
                else False if case.status == "refused" else None)
    return rules.InvitationFacts(
        kind=rules.InvitationKind(d.invitation_kind), inviter_kind=rules.InviterKind(d.inviter_kind),
        invited_persons=int(n), submitted_on=d.submitted_on, decided_on=d.decided_on, approved=approved,
        used_on=case.closed_on if case.status == "used" else None,
        cancelled_on=case.closed_on if case.status == "cancelled" else None,
    )


def _return_facts(uow, case: Case, d: ReturnDecision):
    from desk.rules import returns as rules

    kind = (rules.DecisionKind.VOLUNTARY_DEPARTURE_ORDER if d.decision_kind == "voluntary"
            else rules.DecisionKind.FORCED_EXPULSION_DECISION)
    return rules.ReturnFacts(
        kind=kind, issued_on=d.issued_on, notified_on=d.notified_on, departure_days=d.departure_days,
        ban_years=d.ban_years if d.ban_imposed else None, contested_on=d.contested_on,
        contest_decided_on=d.contest_decided_on, appealed_on=d.appealed_on, departed_on=d.departed_on,
        annulled_on=case.closed_on if case.status == "annulled" else None,
    )


def _derive_dates(uow, case: Case, detail) -> None:
    """What the rules derive and the file shows as data: whether a Dublin request went out after its
    own time limit; the voluntary departure day (Return Directive Art. 7) and the end of an entry ban,
    which runs from the actual departure (CJEU C-225/16 Ouhrami)."""
    if case.kind == "dublin":
        from desk.rules import dublin as dublin_rules

        detail.out_of_time = dublin_rules.out_of_time(deadline_service.dublin_facts(uow, case, detail))
        return
    if case.kind != "return":
        return
    from desk.rules import returns as rules

    if detail.decision_kind == "voluntary" and detail.notified_on and detail.departure_days:
        detail.depart_by = rules.voluntary_departure_until(detail.notified_on, detail.departure_days)
    if detail.ban_imposed and detail.ban_years and detail.departed_on:
        detail.ban_until = rules.ban_until(detail.departed_on, detail.ban_years)


# --- the registry -------------------------------------------------------------------------------------------

KINDS: dict[str, KindSpec] = {}
_CHECKS: dict[str, Callable] = {}


def _register_kind(spec: KindSpec, checks: Callable | None = None) -> None:
    KINDS[spec.kind] = spec
    if checks:
        _CHECKS[spec.kind] = checks


_register_kind(KindSpec("asylum", AsylumApplication, ASYLUM_FORM, _create_asylum, ASYLUM_ACTIONS,
                        facts=_asylum_facts), _asylum_checks)
_register_kind(KindSpec("dublin", DublinRequest, DUBLIN_FORM, _create_dublin, DUBLIN_ACTIONS,
                        facts=deadline_service.dublin_facts, allowed=_dublin_allowed,
                        hidden=frozenset({"asylum_case_id"})))
_register_kind(KindSpec("permit", ResidencePermit, PERMIT_FORM, _create_permit, PERMIT_ACTIONS,
                        facts=_permit_facts, hidden=frozenset({"sponsor_case_id"})), _person_exists)
_register_kind(KindSpec("visa", Visa, VISA_FORM, _create_visa, VISA_ACTIONS, facts=_visa_facts), _person_exists)
_register_kind(KindSpec("invitation", Invitation, INVITATION_FORM, _create_invitation, INVITATION_ACTIONS,
                        facts=_invitation_facts), _invitation_checks)
_register_kind(KindSpec("return", ReturnDecision, RETURN_FORM, _create_return, RETURN_ACTIONS,
                        facts=_return_facts), _return_checks)


def _spec(kind: str) -> KindSpec:
    try:
        return KINDS[CaseKind(kind).value]
    except ValueError:
        raise ValidationError("casework.unknown_kind", kind=str(kind)[:20]) from None


def registration_form(kind: str) -> FormSpec:
    return _spec(kind).form


def detail_of(uow, case: Case):
    detail = uow.session.get(_spec(case.kind).model, case.id)
    if detail is None:
        raise NotFound("error.case_not_found", number=case.number)
    return detail


def _snapshot(case: Case, detail) -> dict:
    data = {k: v for k, v in detail.model_dump().items() if k != "case_id"}
    data["status"] = case.status
    return data


def country_name(uow, code: str) -> str:
    """"Vācija (DEU)" in the officer's language; the bare code if it is not in the reference table."""
    from desk.i18n import get_language
    from models import Country

    country = uow.session.get(Country, code)
    if country is None:
        return code
    return f"{country.name_en if get_language() == 'en' else country.name_lv} ({code})"


def details_of(uow, case: Case) -> list[tuple[str, str]]:
    """(label, value) pairs of the detail row for the case's file; empty values left out."""
    spec = _spec(case.kind)
    out = []
    stored = detail_of(uow, case).model_dump()
    for name in spec.model.model_fields:  # in the order the model declares them (the order of events)
        value = stored.get(name)
        if name == "case_id" or name in spec.hidden or value is None or value == "":
            continue
        shown = display_value(value, name)
        if name == "partner_country":
            shown = country_name(uow, value)
        out.append((field_label(name), shown))
    if case.kind == "invitation":
        from desk.services.persons import summaries
        from models import Person

        ids = uow.session.exec(select(InvitedPerson.person_id).where(InvitedPerson.invitation_case_id == case.id)
                               .order_by(InvitedPerson.id)).all()
        persons = [uow.session.get(Person, pid) for pid in ids]
        names = ", ".join(s.full_name for s in summaries(uow, [p for p in persons if p]))
        out.append((field_label("person_ids"), names))
    if case.kind == "dublin":
        req = uow.session.get(DublinRequest, case.id)
        if req and req.asylum_case_id:
            asylum = uow.session.get(Case, req.asylum_case_id)
            out.insert(0, (field_label("asylum_case"), asylum.number if asylum else ""))
    return out


# --- register ------------------------------------------------------------------------------------------------


def register(uow, actor: Actor, kind: str, raw: dict) -> int:
    """Register a case of ``kind`` from the registration form's raw values; returns the case id."""
    spec = _spec(kind)
    require_kind(uow, actor, spec.kind, attempt="register")
    today = uow.clock.today()
    extra_future = _DUBLIN_FUTURE_OK if spec.kind == "dublin" else frozenset()
    checks = _CHECKS.get(spec.kind)

    def all_checks(values):
        errors = _not_future(values, today, extra_future, spec.form.fields)
        if checks:
            errors.update(checks(uow, values) or {})
        return errors

    values = parse_values(spec.form, raw, lookup=reference_lookup(uow), extra_checks=all_checks)
    person_id, opened_on, status, detail_values, extra = spec.create(uow, actor, values)
    case = casecore.open_case(uow, actor, kind=spec.kind, person_id=person_id, status=status, opened_on=opened_on)
    detail = spec.model(case_id=case.id, **detail_values)
    uow.session.add(detail)
    uow.session.flush()
    if extra:
        extra(case)
        uow.session.flush()
    _derive_dates(uow, case, detail)
    deadline_service.recompute(uow, case, detail)
    audit.record(uow, actor, "case.register", case_id=case.id, person_id=person_id, number=case.number,
                 kind=spec.kind, changes=audit.diff({}, _snapshot(case, detail)))
    return case.id


# --- actions -------------------------------------------------------------------------------------------------


def _allowed(case: Case, detail) -> list[str]:
    spec = _spec(case.kind)
    if spec.allowed:
        return spec.allowed(case, detail)
    return [str(a) for a in _rules(case.kind).MACHINE.allowed(case.status)]


def _action_def(kind: str, action: str) -> ActionDef:
    spec = _spec(kind)
    if action in spec.actions:
        return spec.actions[action]
    # an action the rules added that has no form of its own yet: record the day it happened
    return ActionDef((_date("on"),), columns={"on": ""})


def action_form(kind: str, action: str) -> FormSpec:
    from desk.services.views import action_title_key

    return FormSpec(f"{kind}.{action}", action_title_key(kind, action), _action_def(kind, action).fields)


def forms_for_case(uow, case: Case) -> list[FormSpec]:
    return [action_form(case.kind, a) for a in _allowed(case, detail_of(uow, case))]


def actions_for(uow, actor: Actor, case_id: int) -> list[FormSpec]:
    """The forms of exactly the actions the case's life cycle allows in its current status."""
    case = casecore.get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id)
    return forms_for_case(uow, case)


def _refuse(case: Case, action: str) -> TransitionNotAllowed:
    from desk.services.views import action_label, status_label

    return TransitionNotAllowed(state=status_label(case.kind, case.status), action=action_label(case.kind, action))


def _not_before_opening(values: dict, opened_on: date, already: dict) -> dict:
    """An event of a case cannot happen before the case was opened (so a case never closes before it
    opens, and the day's figures add up). Event dates are the fields named ``*_on``."""
    return {name: ValidationError("error.before_opened", field=name, opened=opened_on.strftime("%d.%m.%Y"))
            for name, value in values.items()
            if name.endswith("_on") and isinstance(value, date) and value < opened_on and name not in already}


def perform(uow, actor: Actor, case_id: int, action: str, raw: dict, expected_version: int) -> None:
    """Do one life-cycle ``action`` on a case: check the role, the life cycle, the officer's version and
    the values; change the status and the detail row; recompute the deadlines; close the case when a
    final status is reached; audit "case.<action>" with what changed."""
    case = casecore.get_case(uow, case_id)
    require_kind(uow, actor, case.kind, case_id=case.id, attempt=action)
    detail = detail_of(uow, case)
    if action not in _allowed(case, detail):
        raise _refuse(case, action)
    definition = _action_def(case.kind, action)
    form = FormSpec(f"{case.kind}.{action}", "", definition.fields)
    today = uow.clock.today()
    def checks(v):
        errors = _not_future(v, today, definition.future_ok, form.fields)
        errors.update(_not_before_opening(v, case.opened_on, errors))
        return errors

    values = parse_values(form, raw, lookup=reference_lookup(uow), extra_checks=checks)
    case = casecore.touch(uow, actor, case, expected_version)
    detail = detail_of(uow, case)
    before = _snapshot(case, detail)
    module = _rules(case.kind)
    if case.kind == "dublin":
        new_status = module.apply_action(case.status, action, detail.request_kind)
    else:
        new_status = module.MACHINE.apply(case.status, action)
    closing_date = None
    for name, value in values.items():
        column = definition.columns.get(name, name)
        if column == "":  # the day the case ends: becomes closed_on
            closing_date = value
            continue
        if column == "-":  # no column of its own: kept in the audit entry below
            continue
        setattr(detail, column, value)
    for column, value in definition.sets.items():
        setattr(detail, column, value)
    if definition.hook:
        definition.hook(uow, case, detail, values)
    case.status = str(new_status)
    if case.status in _terminal(case.kind):
        dates = [v for v in values.values() if isinstance(v, date)]
        case.closed_on = closing_date or (max(dates) if dates else today)
    uow.session.add(detail)
    uow.session.add(case)
    uow.session.flush()
    _derive_dates(uow, case, detail)
    deadline_service.recompute(uow, case, detail)
    after = _snapshot(case, detail)
    if case.closed_on is not None:
        after["closed_on"] = case.closed_on
    for name, value in values.items():
        if definition.columns.get(name) == "-":
            after[name] = value
    audit.record(uow, actor, f"case.{action}", case_id=case.id, person_id=case.person_id,
                 changes=audit.diff(before, after))


# --- reassignment -------------------------------------------------------------------------------------------


def reassign(uow, actor: Actor, case_ids: list[int], to_username: str) -> int:
    """A supervisor hands cases to another officer of the same office who may work on their kinds."""
    require(uow, actor, Permission.REASSIGN, cases=len(case_ids))
    target = uow.session.exec(select(Officer).where(Officer.username == (to_username or "").strip().lower())).first()
    if target is None or not target.active or target.office_id != actor.office_id:
        raise ValidationError("casework.reassign.bad_officer", field="to_username")
    kinds: set[str] = set()
    for role in parse_roles(target.roles):
        kinds |= CASE_KINDS_BY_ROLE.get(Role(role), frozenset())
    count = 0
    for case_id in dict.fromkeys(case_ids):
        case = casecore.get_case(uow, case_id)
        if case.office_id != actor.office_id:
            raise PermissionDenied("casework.reassign.other_office", number=case.number)
        if case.kind not in kinds:
            raise ValidationError("casework.reassign.officer_cannot", field="to_username",
                                  number=case.number, kind=t(f"kind.{case.kind}"))
        if case.owner_id == target.id:
            continue
        previous = uow.session.get(Officer, case.owner_id) if case.owner_id else None
        case = casecore.touch(uow, actor, case, None)
        case.owner_id = target.id
        uow.session.add(case)
        uow.session.flush()
        audit.record(uow, actor, "case.reassign", case_id=case.id, person_id=case.person_id,
                     **{"from": previous.username if previous else None, "to": target.username})
        count += 1
    return count
