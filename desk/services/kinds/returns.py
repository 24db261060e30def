"""Return decisions (Immigration Law; Return Directive 2008/115/EC): voluntary departure or forced
expulsion, contest, appeal, departure, entry ban. (Module ``returns``: ``return`` is a Python keyword.)"""
from __future__ import annotations

from desk.errors import ValidationError
from desk.rules import returns as rules
from desk.services.forms import FormSpec
from desk.services.kinds.base import F, ActionDef, Created, Kind, Outcome, date_field, field_spec, order, person_exists
from models import Case, CaseKind, ReturnDecision

FORM = FormSpec("register.return", "casework.register.return", (
    field_spec("person_id", F.PERSON, required=True),
    field_spec("decision_kind", F.CHOICE, required=True, choices=("voluntary", "forced")),
    field_spec("grounds", F.CHOICE, required=True, choices=("overstay", "no_visa", "no_permit", "visa_free_breach",
                                                            "illegal_entry")),
    field_spec("issued_on", F.DATE, required=True),
    field_spec("notified_on", F.DATE),
    field_spec("departure_days", F.INT, low=7, high=30, help_key="casework.help.departure_days"),
    field_spec("ban_imposed", F.BOOL),
    field_spec("ban_years", F.INT, low=0, high=5),
    field_spec("ban_months", F.INT, low=0, high=11),
))

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
}


class Return(Kind):
    kind = CaseKind.RETURN
    model = ReturnDecision
    rules = rules
    form = FORM
    actions = ACTIONS

    def checks(self, uow, v):
        errors = {**person_exists(uow, v), **order(v, "issued_on", "notified_on")}
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

    def create(self, uow, actor, v) -> Created:
        detail = dict(decision_kind=v["decision_kind"], grounds=v["grounds"], issued_on=v["issued_on"],
                      notified_on=v.get("notified_on"), departure_days=v.get("departure_days"),
                      ban_imposed=bool(v.get("ban_imposed")), ban_years=v.get("ban_years"),
                      ban_months=v.get("ban_months"))
        return Created(v["person_id"], v["issued_on"], self.first_status(detail), detail)

    def first_status(self, row) -> str:
        status = self.initial_status
        if row.get("notified_on"):  # handed over at once: registered as notified (the machine's notify step)
            status = str(rules.MACHINE.apply(status, rules.Action.NOTIFY))
        return status

    def facts(self, uow, case: Case, d: ReturnDecision):
        kind = (rules.DecisionKind.VOLUNTARY_DEPARTURE_ORDER if d.decision_kind == "voluntary"
                else rules.DecisionKind.FORCED_EXPULSION_DECISION)
        return rules.ReturnFacts(
            kind=kind, issued_on=d.issued_on, notified_on=d.notified_on, departure_days=d.departure_days,
            ban_years=d.ban_years if d.ban_imposed else None, contested_on=d.contested_on,
            contest_decided_on=d.contest_decided_on, appealed_on=d.appealed_on, departed_on=d.departed_on,
            annulled_on=case.closed_on if case.status == "annulled" else None,
        )

    def derived(self, uow, case: Case, d: ReturnDecision) -> dict:
        """The voluntary departure day (Return Directive Art. 7) and the end of an entry ban, which runs
        from the actual departure (CJEU C-225/16 Ouhrami)."""
        out = {}
        if d.decision_kind == "voluntary" and d.notified_on and d.departure_days:
            out["depart_by"] = rules.voluntary_departure_until(d.notified_on, d.departure_days)
        if d.ban_imposed and d.ban_years and d.departed_on:
            out["ban_until"] = rules.ban_until(d.departed_on, d.ban_years)
        return out

    def outcome(self) -> Outcome:
        # a return decision is decided when it is issued; its outcome is the decision's kind
        return Outcome(ReturnDecision.issued_on, ReturnDecision.decision_kind, ("voluntary", "forced"))


ADAPTER = Return()
