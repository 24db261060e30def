"""Visas (Visa Code, Reg. 810/2009; long-stay D visas under the Immigration Law): issue, refusal,
extension, annulment, revocation."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from desk.rules import visas as rules
from desk.rules.common import RuleError
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, CONTEST_REFUSAL, NOTIFY_REFUSAL, ActionDef, Created, Kind,
                                      date_field, field_spec, reason_field, refusal, rule_error_as_form)
from models import Case, CaseKind, Stay, Visa

EXTENSION_REASONS = ("unforeseen_circumstances", "force_majeure", "humanitarian", "serious_personal_reasons")

FORM = FormSpec("register.visa", "casework.register.visa", (
    field_spec("person_id", F.PERSON, required=True),
    field_spec("category", F.CHOICE, required=True, choices=("C", "D")),
    field_spec("entries", F.CHOICE, choices=("single", "double", "multiple"), default="single"),
    field_spec("applied_on", F.DATE, required=True),
    field_spec("extension_reason", F.CHOICE, choices=EXTENSION_REASONS, default="unforeseen_circumstances"),
))

# Issue 14 point 6: issuing or extending gives the circumstance that justifies it (Visa Code Art. 33(1)-(2));
# a refusal a ground of its own, required
ISSUE_REASONS = ("unforeseen_circumstances", "force_majeure", "humanitarian")
REFUSAL_REASONS = ("conditions_not_met", "false_information", "threat_public_order", "entry_ban")
WINDOW = timedelta(days=180)  # a stay that began within the 180 days before the visa's validity is the current one


def _validity(row, values, ctx):
    try:
        rules.validate_visa(row["category"].lower(), row.get("valid_from"), row.get("valid_until"),
                            days_of_stay=row.get("days_allowed"), entries=row["entries"])
    except RuleError as exc:
        raise rule_error_as_form(exc, "days_allowed" if "days" in exc.params else "valid_until") from None
    return None


ACTIONS: dict[str, ActionDef] = {
    "issue": ActionDef((date_field("decided_on"), date_field("valid_from"), date_field("valid_until"),
                        field_spec("days_allowed", F.INT, low=1, high=366), reason_field("visa", ISSUE_REASONS)),
                       columns={"reason": "reason_code"}, hook=_validity,
                       future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": refusal(reason_field("visa", REFUSAL_REASONS, True), columns={"reason": "reason_code"}),
    "notify": NOTIFY_REFUSAL,
    "contest": CONTEST_REFUSAL,
    "extend": ActionDef((date_field("valid_until"), field_spec("days_allowed", F.INT, low=1, high=366),
                         field_spec("extension_reason", F.CHOICE, choices=EXTENSION_REASONS)),
                        hook=_validity, future_ok=frozenset({"valid_until"})),
    "annul": ActionDef((date_field("annulled_on"),), columns={"annulled_on": ""}),
    "revoke": ActionDef((date_field("revoked_on"),), columns={"revoked_on": ""}),
    "expire": ActionDef(),
    "withdraw": ActionDef((date_field("withdrawn_on"),), columns={"withdrawn_on": ""}),
}


class VisaKind(Kind):
    kind = CaseKind.VISA
    model = Visa
    rules = rules
    form = FORM
    actions = ACTIONS
    shows_schengen = True  # a short-stay visa is counted against the 90/180 days (Schengen Borders Code Art. 6)

    def create(self, uow, actor, v) -> Created:
        detail = dict(category=v["category"], entries=v.get("entries") or "single", applied_on=v["applied_on"],
                      extension_reason=v.get("extension_reason"))
        return Created(v["person_id"], v["applied_on"], self.initial_status, detail)

    def facts(self, uow, case: Case, d: Visa):
        stays = uow.session.exec(select(Stay).where(Stay.person_id == case.person_id,
                                                    Stay.counts_for_90_180.is_(True))
                                 .order_by(Stay.entry_on.desc()).limit(200)).all()
        current = stays[0] if stays and (d.valid_from is None or stays[0].entry_on >= d.valid_from - WINDOW) else None
        previous = tuple((s.entry_on, s.exit_on) for s in stays if current is None or s.id != current.id)
        ended = case.closed_on if case.status in (rules.Status.ANNULLED, rules.Status.REVOKED) else None
        return rules.VisaFacts(
            category=rules.Category(d.category.lower()), entries=rules.Entries(d.entries), valid_from=d.valid_from,
            valid_until=d.valid_until, days_of_stay=d.days_allowed,
            entered_on=current.entry_on if current else None, exited_on=current.exit_on if current else None,
            previous_stays=previous, annulled_on=ended, applied_on=d.applied_on, decided_on=d.decided_on,
            refusal_notified_on=d.notified_on, contested_on=d.contested_on,
        )


ADAPTER = VisaKind()
