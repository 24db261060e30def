"""Invitations and calls (Immigration Law): a person or company invites one or more persons."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from desk.errors import NotFound, ValidationError
from desk.rules import invitations as rules
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, CONTEST_REFUSAL, NOTIFY_REFUSAL, ActionDef, Created, Kind, date_field,
                                      field_spec, reason_field, refusal)
from desk.services.kinds.permit import PURPOSES
from desk.services.labels import DetailLine
from desk.services.persons import get_person, summaries
from desk.text import normalize_personal_code, personal_code_valid
from models import Case, CaseKind, Invitation, InvitedPerson, Person

COMPANY_NUMBER_FIRST = "459"  # Enterprise Register numbers: merchants 4..., societies 5..., public bodies 9...

# Issue 14 point 6: a call (izsaukums) supports a residence permit, so its purpose is a permit's; an
# invitation (ielūgums) supports a visa, a visit (Immigration Law s. 1 points 3 and 5)
PURPOSES_OF_KIND = {
    "call": PURPOSES,
    "invitation": ("tourism", "visit", "business", "culture_sport", "medical", "official", "other"),
}
ALL_PURPOSES = tuple(dict.fromkeys(p for purposes in PURPOSES_OF_KIND.values() for p in purposes))

FORM = FormSpec("register.invitation", "casework.register.invitation", (
    field_spec("invitation_kind", F.CHOICE, required=True, choices=("invitation", "call")),
    field_spec("inviter_kind", F.CHOICE, required=True, choices=("person", "company")),
    field_spec("inviter_name", required=True, max_length=200),
    field_spec("inviter_code", max_length=20),
    field_spec("purpose", F.CHOICE, choices=ALL_PURPOSES),
    field_spec("submitted_on", F.DATE, required=True),
    field_spec("person_ids", F.PERSONS, required=True),
))

# Issue 14 point 6: a refusal gives its ground (the Immigration Law's grounds for not approving a call or an
# invitation, as PMLP lists them), required
REFUSAL_REASONS = ("documents_missing", "false_information", "entry_ban", "illegal_immigration_risk",
                   "inviter_unreliable", "withdrawn_by_inviter")

ACTIONS: dict[str, ActionDef] = {
    "approve": ActionDef((date_field("decided_on"), date_field("valid_from", False), date_field("valid_until", False)),
                         future_ok=frozenset({"valid_from", "valid_until"})),
    "refuse": refusal(reason_field("invitation", REFUSAL_REASONS, True), columns={"reason": "reason_code"}),
    "notify": NOTIFY_REFUSAL,
    "contest": CONTEST_REFUSAL,
    "use": ActionDef((date_field("used_on"),), columns={"used_on": ""}),
    "expire": ActionDef(),
    "cancel": ActionDef((date_field("cancelled_on"),), columns={"cancelled_on": ""}),
}


class InvitationKind(Kind):
    kind = CaseKind.INVITATION
    model = Invitation
    rules = rules
    form = FORM
    actions = ACTIONS
    names_several_persons = True

    def checks(self, uow, v):
        errors = {}
        purpose, kind = v.get("purpose"), v.get("invitation_kind")
        if purpose and kind and purpose not in PURPOSES_OF_KIND[kind]:
            errors["purpose"] = ValidationError(f"casework.invitation.purpose_not_for_{kind}", field="purpose")
        ids = v.get("person_ids") or []
        if len(set(ids)) != len(ids):
            errors["person_ids"] = ValidationError("casework.invitation.person_twice", field="person_ids")
        invited = []
        for pid in ids:
            try:
                invited.append(get_person(uow, pid))
            except NotFound:
                errors["person_ids"] = ValidationError("error.person_not_found", field="person_ids")
                break
        errors.update(self._inviter_checks(v, invited))
        return errors

    @staticmethod
    def _inviter_checks(v, invited) -> dict:
        """The inviter is named and identified: a company by its registration number in the Enterprise
        Register (11 digits: 4... a merchant, 5... a society or foundation, 9... a public body), a person by a
        valid personal code; and the inviter is not one of the persons invited."""
        code = normalize_personal_code(v.get("inviter_code"))
        if v.get("inviter_kind") == "company":
            if not code:
                return {"inviter_code": ValidationError("casework.invitation.company_number_required",
                                                        field="inviter_code")}
            if not (len(code) == 11 and code.isdigit() and code[0] in COMPANY_NUMBER_FIRST):
                return {"inviter_code": ValidationError("casework.invitation.bad_company_number",
                                                        field="inviter_code", value=str(v.get("inviter_code"))[:20])}
            return {}
        if code and not personal_code_valid(code):
            return {"inviter_code": ValidationError("error.bad_personal_code", field="inviter_code")}
        if code and any(p.personal_code == code for p in invited):
            return {"person_ids": ValidationError("casework.invitation.inviter_invited", field="person_ids")}
        return {}

    def create(self, uow, actor, v) -> Created:
        ids = tuple(v["person_ids"])
        detail = dict(invitation_kind=v["invitation_kind"], inviter_kind=v["inviter_kind"],
                      inviter_name=v["inviter_name"], inviter_code=v.get("inviter_code"), purpose=v.get("purpose"),
                      submitted_on=v["submitted_on"])
        return Created(ids[0], v["submitted_on"], self.initial_status, detail, invited_person_ids=ids)

    def facts(self, uow, case: Case, d: Invitation):
        n = uow.session.exec(select(func.count(InvitedPerson.id))
                             .where(InvitedPerson.invitation_case_id == case.id)).one()
        approved = (True if case.status in ("approved", "used", "expired")
                    else False if case.status == "refused" else None)
        return rules.InvitationFacts(
            kind=rules.InvitationKind(d.invitation_kind), inviter_kind=rules.InviterKind(d.inviter_kind),
            invited_persons=int(n), submitted_on=d.submitted_on, decided_on=d.decided_on, approved=approved,
            used_on=case.closed_on if case.status == "used" else None,
            cancelled_on=case.closed_on if case.status == "cancelled" else None,
            refusal_notified_on=d.notified_on, contested_on=d.contested_on,
        )

    def detail_lines(self, uow, case: Case, lines):
        """The invited persons, by name, after the invitation's own columns."""
        ids = uow.session.exec(select(InvitedPerson.person_id).where(InvitedPerson.invitation_case_id == case.id)
                               .order_by(InvitedPerson.id)).all()
        persons = [uow.session.get(Person, pid) for pid in ids]
        names = ", ".join(s.full_name for s in summaries(uow, [p for p in persons if p]))
        return [*lines, DetailLine("person_ids", names, data=True)]


ADAPTER = InvitationKind()
