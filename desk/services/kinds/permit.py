"""Residence permits (Immigration Law): application, grant or refusal, card, re-registration, annulment."""
from __future__ import annotations

from desk.rules import permits as rules
from desk.rules.common import RuleError
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, CONTEST_REFUSAL, NOTIFY_REFUSAL, ActionDef, Created, Kind,
                                      case_by_number, date_field, field_spec, reason_field, refusal,
                                      rule_error_as_form)
from models import Case, CaseKind, ResidencePermit

PERMIT_KIND_CODES = ("temporary", "permanent", "eu_long_term", "eu_registration")
PURPOSES = ("employment", "study", "family", "business", "investment", "repatriate", "international_protection",
            "research", "eu_citizen", "other")

FORM = FormSpec("register.permit", "casework.register.permit", (
    field_spec("person_id", F.PERSON, required=True),
    field_spec("permit_kind", F.CHOICE, required=True, choices=tuple(PERMIT_KIND_CODES)),
    field_spec("issue_type", F.CHOICE, choices=("first", "re_registration", "re_issue"), default="first"),
    field_spec("purpose", F.CHOICE, required=True, choices=PURPOSES),
    field_spec("sponsor_case", max_length=24, help_key="casework.help.sponsor_case"),
    field_spec("right_to_work", F.BOOL),
    field_spec("applied_on", F.DATE, required=True),
))

# stored codes (short, the column holds 20 characters) -> desk.rules.permits.PermitKind values
PERMIT_KIND_RULES = {"temporary": "temporary", "permanent": "permanent", "eu_long_term": "eu_long_term_resident",
                     "eu_registration": "eu_registration_certificate"}
# seed.reference permit purposes -> desk.rules.permits.Purpose values
PERMIT_PURPOSE_RULES = {"family": "family_reunification", "investment": "business", "research": "other",
                        "eu_citizen": "other"}

# Issue 14 point 6: a grant gives its ground, a refusal or an annulment a ground of its own (required)
GRANT_REASONS = ("conditions_met",)
REFUSAL_REASONS = ("insufficient_means", "false_information", "threat_public_order")


def _validity(row, values, ctx):
    try:
        rules.validate_validity(PERMIT_KIND_RULES[row["permit_kind"]], row.get("valid_from"), row.get("valid_until"))
    except RuleError as exc:
        raise rule_error_as_form(exc, "valid_until") from None
    return None


ACTIONS: dict[str, ActionDef] = {
    "grant": ActionDef((date_field("decided_on"), date_field("valid_from"), date_field("valid_until", False),
                        reason_field("permit", GRANT_REASONS)), columns={"reason": "reason_code"},
                       hook=_validity, future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": refusal(reason_field("permit", REFUSAL_REASONS, True), columns={"reason": "reason_code"}),
    "notify": NOTIFY_REFUSAL,
    "contest": CONTEST_REFUSAL,
    "issue": ActionDef((date_field("issued_on"), field_spec("card_number", max_length=20))),
    "reregister": ActionDef((date_field("reregistered_on"), field_spec("card_number", max_length=20))),
    "annul": ActionDef((date_field("annulled_on"), reason_field("permit", REFUSAL_REASONS, True)),
                       columns={"reason": "reason_code"}),
    "expire": ActionDef(),
    "withdraw": ActionDef((date_field("withdrawn_on"),), columns={"withdrawn_on": ""}),
}


class Permit(Kind):
    kind = CaseKind.PERMIT
    model = ResidencePermit
    rules = rules
    form = FORM
    actions = ACTIONS
    hidden = frozenset({"sponsor_case_id"})

    def create(self, uow, actor, v) -> Created:
        sponsor = case_by_number(uow, v.get("sponsor_case"), "invitation", "sponsor_case")
        detail = dict(permit_kind=v["permit_kind"], issue_type=v.get("issue_type") or "first", purpose=v["purpose"],
                      sponsor_case_id=sponsor.id if sponsor else None, right_to_work=bool(v.get("right_to_work")),
                      applied_on=v["applied_on"])
        return Created(v["person_id"], v["applied_on"], self.initial_status, detail)

    def facts(self, uow, case: Case, d: ResidencePermit):
        return rules.PermitFacts(
            kind=rules.PermitKind(PERMIT_KIND_RULES[d.permit_kind]),
            purpose=rules.Purpose(PERMIT_PURPOSE_RULES.get(d.purpose, d.purpose)),
            valid_from=d.valid_from, valid_until=d.valid_until, issued_on=d.issued_on,
            reregistered_on=d.reregistered_on, annulled_on=d.annulled_on,
            applied_on=d.applied_on, decided_on=d.decided_on,
            refusal_notified_on=d.notified_on, contested_on=d.contested_on,
        )


ADAPTER = Permit()
