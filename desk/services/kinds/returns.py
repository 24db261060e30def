"""Return decisions (Immigration Law; Return Directive 2008/115/EC): voluntary departure or forced
expulsion, contest, appeal, departure and its extension (Art. 7(2)), entry ban. (Module ``returns``:
``return`` is a Python keyword.)"""
from __future__ import annotations

from desk.errors import ValidationError
from desk.rules import eligibility
from desk.rules import returns as rules
from desk.rules.common import RuleError
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, ActionDef, Created, Kind, date_field, field_error, field_spec,
                                      nationality_of, order, person_exists, refusal_error, rule_error_as_form)
from models import Case, CaseKind, ReturnDecision

FORM = FormSpec("register.return", "casework.register.return", (
    field_spec("person_id", F.PERSON, required=True),
    field_spec("decision_kind", F.CHOICE, required=True, choices=("voluntary", "forced")),
    field_spec("grounds", F.CHOICE, required=True, choices=("overstay", "no_visa", "no_permit", "visa_free_breach",
                                                            "illegal_entry")),
    field_spec("issued_on", F.DATE, required=True),
    field_spec("notified_on", F.DATE),
    # Directive 2008/115/EC Art. 7(1): 7 to 30 days; Art. 7(4): fewer, or 0, only on a recorded ground
    field_spec("departure_days", F.INT, low=0, high=30, help_key="casework.help.departure_days"),
    field_spec("departure_ground", F.CHOICE, choices=tuple(str(g) for g in rules.DepartureGround),
               help_key="casework.help.departure_ground"),
    field_spec("ban_imposed", F.BOOL),
    field_spec("ban_years", F.INT, low=0, high=5),
    field_spec("ban_months", F.INT, low=0, high=11),
))

def _extend_departure(row, values, ctx):
    """Directive 2008/115/EC Art. 7(2): the period for voluntary departure extended "by an appropriate
    period", with its reason; the days add to any earlier extension."""
    if row.get("decision_kind") != "voluntary":
        raise field_error("extend_by_days", "casework.return.extension_voluntary_only")
    total = (row.get("departure_extended_days") or 0) + values["extend_by_days"]
    return {"departure_extended_days": total}


ACTIONS: dict[str, ActionDef] = {
    "notify": ActionDef((date_field("notified_on"),)),
    "contest": ActionDef((date_field("contested_on"),)),
    "uphold": ActionDef((date_field("upheld_on"),), columns={"upheld_on": "contest_decided_on"}),
    "appeal": ActionDef((date_field("appealed_on"),)),
    "depart": ActionDef((date_field("departed_on"),)),
    "expel": ActionDef((date_field("departed_on"),)),
    "start_ban": ActionDef(),
    "close": ActionDef(),
    "expire_ban": ActionDef(),
    "annul": ActionDef((date_field("annulled_on"),), columns={"annulled_on": ""}),
    "extend_departure": ActionDef((field_spec("extend_by_days", F.INT, required=True, low=1, high=365),
                                   field_spec("departure_extension_reason", F.CHOICE, required=True,
                                              choices=tuple(str(r) for r in rules.ExtensionReason))),
                                  columns={"extend_by_days": "-"}, hook=_extend_departure),
}


class Return(Kind):
    kind = CaseKind.RETURN
    model = ReturnDecision
    rules = rules
    form = FORM
    actions = ACTIONS

    def checks(self, uow, v):
        errors = {**person_exists(uow, v), **order(v, "issued_on", "notified_on")}
        if "person_id" not in errors:  # Return Directive Art. 2(3), 3(1): not a person with free movement
            nationality = nationality_of(uow, v.get("person_id"))
            refusal = eligibility.return_refusal(nationality)
            if refusal is not None:
                errors["person_id"] = refusal_error("person_id", refusal, nationality)
        if v["decision_kind"] == "voluntary" and v.get("departure_days") is None:
            # Return Directive 2008/115/EC Art. 7(1): a period for voluntary departure of 7 to 30 days
            errors["departure_days"] = ValidationError("error.required", field="departure_days")
        elif (v["decision_kind"] == "voluntary" and v["departure_days"] < rules.MIN_DEPARTURE_DAYS
              and not v.get("departure_ground")):
            # Art. 7(4): a period shorter than seven days, or none, only on one of its grounds, recorded
            errors["departure_ground"] = ValidationError("casework.return.short_period_needs_ground",
                                                         field="departure_ground", min_days=rules.MIN_DEPARTURE_DAYS)
        if v["decision_kind"] == "forced" and v.get("departure_days") is not None:
            errors["departure_days"] = ValidationError("casework.return.no_departure_period", field="departure_days")
        if v["decision_kind"] == "forced" and not v.get("ban_imposed"):
            # Immigration Law; Directive Art. 11(1)(a): a forced expulsion decision carries an entry ban
            errors["ban_imposed"] = ValidationError("casework.return.ban_mandatory", field="ban_imposed")
        if v.get("ban_imposed") and not (v.get("ban_years") or v.get("ban_months")):
            errors["ban_years"] = ValidationError("casework.return.ban_length", field="ban_years")
        if not v.get("ban_imposed") and (v.get("ban_years") or v.get("ban_months")):
            errors["ban_imposed"] = ValidationError("casework.return.ban_not_imposed", field="ban_imposed")
        if not errors:
            try:  # the rules' own limits (the longest ban, PMLP practice) as field errors
                rules.validate_decision(self._kind(v["decision_kind"]), departure_days=v.get("departure_days"),
                                        ban_years=v.get("ban_years"), ban_months=v.get("ban_months"),
                                        departure_ground=v.get("departure_ground"))
            except RuleError as exc:
                raise rule_error_as_form(exc, "ban_years") from None
        return errors

    @staticmethod
    def _kind(code: str) -> rules.DecisionKind:
        return (rules.DecisionKind.VOLUNTARY_DEPARTURE_ORDER if code == "voluntary"
                else rules.DecisionKind.FORCED_EXPULSION_DECISION)

    def create(self, uow, actor, v) -> Created:
        detail = dict(decision_kind=v["decision_kind"], grounds=v["grounds"], issued_on=v["issued_on"],
                      notified_on=v.get("notified_on"), departure_days=v.get("departure_days"),
                      ban_imposed=bool(v.get("ban_imposed")), ban_years=v.get("ban_years"),
                      ban_months=v.get("ban_months"), departure_ground=v.get("departure_ground"))
        return Created(v["person_id"], v["issued_on"], self.first_status(detail), detail)

    def first_status(self, row) -> str:
        status = self.initial_status
        if row.get("notified_on"):  # handed over at once: registered as notified (the machine's notify step)
            status = str(rules.MACHINE.apply(status, rules.Action.NOTIFY))
        return status

    def facts(self, uow, case: Case, d: ReturnDecision):
        return rules.ReturnFacts(
            kind=self._kind(d.decision_kind), issued_on=d.issued_on, notified_on=d.notified_on,
            departure_days=d.departure_days, ban_years=d.ban_years if d.ban_imposed else None,
            ban_months=d.ban_months if d.ban_imposed else None, contested_on=d.contested_on,
            contest_decided_on=d.contest_decided_on, appealed_on=d.appealed_on, departed_on=d.departed_on,
            annulled_on=case.closed_on if case.status == "annulled" else None,
            departure_ground=d.departure_ground, departure_extended_days=d.departure_extended_days,
            departure_extension_reason=d.departure_extension_reason,
        )

    def derived(self, uow, case: Case, d: ReturnDecision) -> dict:
        """The voluntary departure day (Return Directive Art. 7(1), 7(2), 7(4)) and the end of an entry ban,
        which runs from the actual departure (CJEU C-225/16 Ouhrami)."""
        out = {}
        if d.decision_kind == "voluntary" and d.notified_on and d.departure_days is not None:
            out["depart_by"] = rules.voluntary_departure_until(d.notified_on, d.departure_days,
                                                               d.departure_extended_days or 0)
        if d.ban_imposed and (d.ban_years or d.ban_months) and d.departed_on:
            out["ban_until"] = rules.ban_until(d.departed_on, d.ban_years or 0, d.ban_months or 0)
        return out


ADAPTER = Return()
