"""Dublin requests (Reg. 604/2013 "Dublin III"; Reg. 2024/1351 "AMMR" from 1 July 2026): requests sent
and received, replies, re-examination, transfer."""
from __future__ import annotations

from sqlmodel import select

from desk.errors import FormInvalid, ValidationError
from desk.rules import asylum as asylum_rules
from desk.rules import eligibility
from desk.rules import dublin as rules
from desk.rules.common import RuleError
from desk.services.auth import require_kind
from desk.services.forms import FormSpec
from desk.services.kinds.base import (F, ActionDef, Created, Kind, case_by_number, date_field,
                                      field_error, field_spec, nationality_of, order, person_exists, refusal_error)
from desk.i18n.citations import shown
from desk.services.labels import DetailLine, display_value, field_label
from models import AsylumApplication, Case, CaseKind, Country, DublinRequest

FORM = FormSpec("register.dublin", "casework.register.dublin", (
    field_spec("direction", F.CHOICE, required=True, choices=("outgoing", "incoming")),
    field_spec("request_kind", F.CHOICE, required=True, choices=("take_charge", "take_back", "information")),
    field_spec("partner_country", F.COUNTRY, required=True),
    field_spec("asylum_case", max_length=24, help_key="casework.help.asylum_case"),
    field_spec("person_id", F.PERSON),
    field_spec("lodged_on", F.DATE),
    field_spec("registered_on", F.DATE, help_key="casework.help.registered_on"),
    field_spec("knowledge_on", F.DATE),
    field_spec("hit_kind", F.CHOICE, choices=("none", "eurodac", "vis"), default="none"),
    field_spec("hit_received_on", F.DATE),
    field_spec("urgent_reply_by", F.DATE),
    field_spec("urgent_ground", F.CHOICE, choices=("none", "refusal_of_entry", "return_decision"), default="none"),
    field_spec("urgent_needs_longer", F.BOOL),
    field_spec("detained", F.BOOL),
    field_spec("detained_on", F.DATE),
    field_spec("minor_best_interests", F.BOOL),
    field_spec("sent_on", F.DATE),
    field_spec("received_on", F.DATE),
    field_spec("partner_reference", max_length=40),
))

EXTENSIONS = ("imprisonment", "absconding", "resisting", "self_induced_unfitness", "medical_unfitness")


def _tacit(row, values, ctx):
    on = rules.tacit_acceptance_on(ctx.facts(row), ctx.today)
    if on is None:
        raise field_error("accepted_on", "casework.dublin.not_tacit_yet")
    return {"tacit": True, "accepted_on": on}


def _reject(row, values, ctx):
    # once silence has made the request accepted, a refusal comes too late (604/2013 Art. 22(7), 25(2);
    # 2024/1351 Art. 40(8), 41(4), 45(2)): refused with the day and the article that made it accepted
    tacit = rules.tacit_acceptance_rule(ctx.facts(row))
    if tacit is not None and values["replied_on"] >= tacit[1]:
        rule, day = tacit
        raise field_error("replied_on", "casework.dublin.already_tacitly_accepted", day=display_date(day),
                          article=shown(rule.article))
    return {"refusal_received_on": values["replied_on"]}


def display_date(day) -> str:
    return display_value(day, "due_on")


def _within_transfer_limit(field_name: str):
    """A transfer scheduled, done or arrived after the transfer limit is refused: the responsible state was
    freed and responsibility passed (604/2013 Art. 29(2); 2024/1351 Art. 46(2)); the officer records the
    limit's end ("expire") instead."""
    def hook(row, values, ctx):
        limit = rules.transfer_limit(ctx.facts(row), ctx.today)
        day = values.get(field_name)
        if limit is not None and day is not None and day > limit[1]:
            rule, last = limit
            raise field_error(field_name, "casework.dublin.after_transfer_limit", due=display_date(last),
                              article=shown(rule.article))
        return None
    return hook


def _extend(row, values, ctx):
    if row["regime"] == rules.Regime.DUBLIN_III and values["extension"] not in ("imprisonment", "absconding"):
        raise field_error("extension", "casework.dublin.extension_not_in_regime")
    return None


def _reappeared(row, values, ctx):
    if row["regime"] != rules.Regime.AMMR:  # Art. 46(2) second subpara. has no Dublin III counterpart
        raise field_error("reappeared_on", "casework.dublin.ammr_only")
    return None


ACTIONS: dict[str, ActionDef] = {
    "send": ActionDef((date_field("sent_on"),)),
    "answer": ActionDef((date_field("replied_on"),)),
    "accept": ActionDef((date_field("replied_on"),), sets={"reply": "accepted"}),
    "accept_tacitly": ActionDef(hook=_tacit),
    "reject": ActionDef((date_field("replied_on"),), sets={"reply": "rejected"}, hook=_reject),
    "request_reexamination": ActionDef((date_field("requested_on"),),
                                       columns={"requested_on": "reexam_requested_on"}),
    "accept_on_reexamination": ActionDef((date_field("answered_on"),), columns={"answered_on": "reexam_answered_on"},
                                         sets={"reexam_result": "accepted"}),
    "reject_on_reexamination": ActionDef((date_field("answered_on"),), columns={"answered_on": "reexam_answered_on"},
                                         sets={"reexam_result": "rejected"}),
    "lapse_reexamination": ActionDef(),
    "close": ActionDef(),
    "decide_transfer": ActionDef((date_field("decided_on"), date_field("notified_on", False)),
                                 columns={"decided_on": "transfer_decided_on",
                                          "notified_on": "transfer_decision_notified_on"}),
    "schedule_transfer": ActionDef((date_field("scheduled_on"),), columns={"scheduled_on": "transfer_scheduled_on"},
                                   future_ok=frozenset({"scheduled_on"}), hook=_within_transfer_limit("scheduled_on")),
    "cancel_schedule": ActionDef(sets={"transfer_scheduled_on": None}),
    "extend_transfer": ActionDef((field_spec("extension", F.CHOICE, required=True, choices=EXTENSIONS),
                                  date_field("notified_on")),
                                 columns={"notified_on": "extension_notified_on"}, hook=_extend),
    "record_reappearance": ActionDef((date_field("reappeared_on"),), hook=_reappeared),
    "complete_transfer": ActionDef((date_field("done_on"),), columns={"done_on": "transfer_done_on"},
                                   hook=_within_transfer_limit("done_on")),
    # an incoming request (another state asks Latvia): Latvia's own steps and the other state's, recorded
    "ask_information": ActionDef((date_field("asked_on"),), columns={"asked_on": "-"}),
    "receive_reexamination": ActionDef((date_field("requested_on"),), columns={"requested_on": "reexam_requested_on"}),
    "expect_transfer": ActionDef((date_field("expected_on"),), columns={"expected_on": "transfer_scheduled_on"},
                                 future_ok=frozenset({"expected_on"}), hook=_within_transfer_limit("expected_on")),
    "record_arrival": ActionDef((date_field("arrived_on"),), columns={"arrived_on": "transfer_done_on"},
                                hook=_within_transfer_limit("arrived_on")),
    "expire": ActionDef(),
    "withdraw": ActionDef((date_field("withdrawn_on"),), columns={"withdrawn_on": ""}),
}


def _alpha2(uow, code: str | None) -> str:
    if not code:
        return ""
    country = uow.session.get(Country, code)
    return (country.alpha2 or "") if country else ""


def _first_decision_on(uow, req: DublinRequest):
    if not req.asylum_case_id:
        return None
    app = uow.session.get(AsylumApplication, req.asylum_case_id)
    return app.decision_on if app is not None else None


def request_facts(uow, case: Case, req: DublinRequest) -> rules.RequestFacts:
    withdrawn = case.closed_on if case.status == rules.Status.WITHDRAWN else None
    partner = _alpha2(uow, req.partner_country)
    return rules.RequestFacts(
        direction=rules.Direction(req.direction), kind=rules.RequestKind(req.request_kind),
        regime=rules.Regime(req.regime), lodged_on=req.lodged_on, registered_on=req.registered_on,
        hit_received_on=req.hit_received_on, hit_kind=rules.HitKind(req.hit_kind) if req.hit_kind else None,
        urgent_reply_by=req.urgent_reply_by, urgent_needs_longer=bool(req.urgent_needs_longer),
        urgent_ground=rules.UrgentGround(req.urgent_ground) if req.urgent_ground else None,
        detained=req.detained, detained_on=req.detained_on,
        minor_best_interests=bool(req.minor_best_interests),
        first_decision_on=_first_decision_on(uow, req) if req.minor_best_interests else None,
        reappeared_on=req.reappeared_on, partner_state=partner,
        # Dublin III Art. 23 when a new application was lodged here (the request belongs to an asylum
        # case), Art. 24 when the person was found staying without one
        new_application_lodged=req.asylum_case_id is not None, knowledge_on=req.knowledge_on,
        requested_state=partner if req.direction == "outgoing" else "",
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


class Dublin(Kind):
    kind = CaseKind.DUBLIN
    model = DublinRequest
    rules = rules
    form = FORM
    actions = ACTIONS
    hidden = frozenset({"asylum_case_id", "earlier_case_id"})
    register_future_ok = frozenset({"urgent_reply_by"})

    def needs_person(self, raw) -> bool:
        return not raw.get("asylum_case")  # the person is the asylum applicant's

    def checks(self, uow, values):
        return {}  # every check needs the whole registration: done in create (``_values``)

    def _values(self, uow, v) -> tuple[dict, Case | None]:
        """Cross-field checks of a Dublin registration; returns the detail columns and the asylum case."""
        errors = {}
        partner = uow.session.get(Country, v["partner_country"])
        if partner is None or not partner.dublin_partner or partner.code == "LVA":
            errors["partner_country"] = ValidationError("error.not_partner_state", field="partner_country",
                                                        code=v["partner_country"])
        asylum = case_by_number(uow, v.get("asylum_case"), "asylum", "asylum_case")
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
            errors.update(person_exists(uow, {"person_id": person_id}))
        # --- who a Dublin request may concern (desk.rules.eligibility; issue 14 point 5) ---
        if "person_id" not in errors and person_id is not None:
            nationality = nationality_of(uow, person_id)
            refusal = eligibility.dublin_refusal(nationality)
            if refusal is not None:
                name = "asylum_case" if asylum is not None else "person_id"
                errors[name] = refusal_error(name, refusal, nationality)
        # --- end of the eligibility block ---
        if registered_on is None:
            errors["registered_on"] = ValidationError("error.required", field="registered_on")
        hit_kind = None if v.get("hit_kind") in (None, "none") else v["hit_kind"]
        if hit_kind and v.get("hit_received_on") is None:
            errors["hit_received_on"] = ValidationError("error.required", field="hit_received_on")
        if v["direction"] == "incoming" and v.get("received_on") is None:
            errors["received_on"] = ValidationError("error.required", field="received_on")
        if v["direction"] == "incoming" and v.get("sent_on") is not None and v.get("received_on") is not None:
            errors.update(order(v, "sent_on", "received_on"))
        if v["direction"] == "outgoing" and v.get("received_on") is not None:
            errors["received_on"] = ValidationError("casework.dublin.received_incoming_only", field="received_on")
        if lodged_on is not None and registered_on is not None:
            # the asylum application's own order: lodged then registered under the Asylum Law, registered then
            # lodged under the Asylum Procedure Regulation (Arts. 27-28), which follows the lodging date
            asylum_regime = asylum_rules.regime_for(lodged_on)
            key = ("casework.asylum.order_apr" if asylum_regime == asylum_rules.Regime.APR
                   else "casework.asylum.order_asylum_law")
            for earlier, later in asylum_rules.date_order(asylum_regime, lodged_on=lodged_on,
                                                          registered_on=registered_on):
                errors.setdefault(later, ValidationError(key, field=later, earlier=field_label(earlier),
                                                         later=field_label(later)))
        urgent_ground = None if v.get("urgent_ground") in (None, "none") else v["urgent_ground"]
        if v.get("urgent_reply_by") is not None and registered_on is not None:
            try:  # Reg. 604/2013 Art. 21(2); Reg. 2024/1351 Art. 39(2)
                rules.check_urgent(v["request_kind"], regime=rules.regime_for(registered_on),
                                   received_on=v.get("received_on") or v.get("sent_on"),
                                   urgent_reply_by=v["urgent_reply_by"], urgent_ground=urgent_ground)
            except RuleError as exc:
                name = "urgent_ground" if exc.key == "rules.dublin.urgent_ground_required" else "urgent_reply_by"
                errors[name] = ValidationError(exc.key, field=name, **{k: x for k, x in exc.params.items()
                                                                      if k != "field"})
        detained = bool(v.get("detained")) or v.get("detained_on") is not None
        if v.get("detained_on") is not None and not v.get("detained"):
            errors["detained_on"] = ValidationError("casework.dublin.detained_on_needs_detained", field="detained_on")
        if v.get("minor_best_interests"):
            # Reg. 2024/1351 Art. 39(1) fourth subpara.: an unaccompanied child's take charge request
            minor = asylum is not None and bool(uow.session.get(AsylumApplication, asylum.id).unaccompanied_minor)
            if (not minor or v["request_kind"] != "take_charge" or registered_on is None
                    or rules.regime_for(registered_on) != rules.Regime.AMMR):
                errors["minor_best_interests"] = ValidationError("casework.dublin.minor_only",
                                                                 field="minor_best_interests")
        if errors:
            raise FormInvalid(errors)
        detail = dict(
            asylum_case_id=asylum.id if asylum else None, direction=v["direction"], request_kind=v["request_kind"],
            regime=str(rules.regime_for(registered_on)),  # Reg. 2024/1351 Art. 84: never typed by the officer
            partner_country=v["partner_country"], partner_reference=v.get("partner_reference"),
            lodged_on=lodged_on, registered_on=registered_on, knowledge_on=v.get("knowledge_on"),
            hit_kind=hit_kind, hit_received_on=v.get("hit_received_on"), urgent_reply_by=v.get("urgent_reply_by"),
            urgent_ground=urgent_ground, urgent_needs_longer=bool(v.get("urgent_needs_longer")),
            detained=detained, detained_on=v.get("detained_on"),
            minor_best_interests=bool(v.get("minor_best_interests")),
            sent_on=v.get("sent_on"), received_on=v.get("received_on"),
        )
        # the rules' own checks (a missing anchor date, an urgent reply under AMMR...) as field errors
        probe = DublinRequest(case_id=0, **detail)
        probe_case = Case(id=0, number="", kind="dublin", year=0, seq=0, status=str(rules.Status.DRAFT),
                          person_id=0, office_id=0, opened_on=registered_on)
        try:
            rules.deadlines(request_facts(uow, probe_case, probe), uow.clock.today())
        except RuleError as exc:
            name = exc.params.get("field") or "request_kind"
            params = {k: v for k, v in exc.params.items() if k != "field"}
            raise FormInvalid({name: ValidationError(exc.key, field=name, **params)}) from None
        return {**detail, "_person_id": person_id}, asylum

    def create(self, uow, actor, v) -> Created:
        detail, asylum = self._values(uow, v)
        if asylum is not None:
            require_kind(uow, actor, asylum.kind, case_id=asylum.id)
        person_id = detail.pop("_person_id")
        status = self.first_status(detail)
        # the case opens on the day the request came in or went out (an import of last March's request
        # opens last March); a draft not yet sent opens today
        opened = (detail["received_on"] if detail["direction"] == "incoming"
                  else detail["sent_on"] or uow.clock.today())
        return Created(person_id, opened, str(status), detail)

    def first_status(self, row) -> str:
        """Incoming requests start received; an outgoing one registered with its sending day, sent."""
        status = rules.initial_status(row["direction"])
        if row["direction"] == "outgoing" and row.get("sent_on") is not None:
            status = rules.apply_action(status, rules.Action.SEND, row["request_kind"])
        return str(status)

    def allowed(self, status: str, row) -> list[str]:
        return [str(a) for a in rules.allowed_actions(status, row["request_kind"], row["direction"])]

    def next_status(self, status: str, action: str, row) -> str:
        return str(rules.apply_action(status, action, row["request_kind"], row["direction"]))

    def facts(self, uow, case: Case, detail: DublinRequest):
        return request_facts(uow, case, detail)

    def derived(self, uow, case: Case, detail: DublinRequest) -> dict:
        """Whether the request went out after its own time limit (shown on the file as data); for an
        accepted incoming take back, the person's earlier asylum case here."""
        out = {"out_of_time": rules.out_of_time(request_facts(uow, case, detail))}
        if detail.earlier_case_id is None and self.takes_back(detail):
            out["earlier_case_id"] = self.earlier_asylum_case(uow, case)
        return out

    @staticmethod
    def takes_back(detail: DublinRequest) -> bool:
        """Latvia has agreed, or by silence is held to agree, to take the person back."""
        return (detail.direction == "incoming" and detail.request_kind == rules.RequestKind.TAKE_BACK
                and (detail.reply == "accepted" or bool(detail.tacit) or detail.reexam_result == "accepted"))

    @staticmethod
    def earlier_asylum_case(uow, case: Case) -> int | None:
        """The person's latest asylum application here. Taking the person back, Latvia must let them have
        its examination completed or lodge a new one (Reg. 604/2013 Art. 18(2) second subpara.; the AMMR's
        counterpart was not in the text read): the request names it, and the application's file lists the
        request, so the officer resumes or registers anew knowing both."""
        return uow.session.exec(select(Case.id).where(Case.person_id == case.person_id,
                                                      Case.kind == CaseKind.ASYLUM)
                                .order_by(Case.opened_on.desc(), Case.id.desc())).first()

    def _linked(self, uow, case: Case) -> list[tuple[str, int]]:
        """(field, case id) of the asylum cases the request names: the one it was made for, the earlier one
        a take back returns the person to."""
        req = uow.session.get(DublinRequest, case.id)
        if req is None:
            return []
        return [(name, cid) for name, cid in (("asylum_case", req.asylum_case_id),
                                              ("earlier_case", req.earlier_case_id)) if cid]

    def _asylum_case_id(self, uow, case: Case) -> int | None:
        req = uow.session.get(DublinRequest, case.id)
        return req.asylum_case_id if req is not None else None

    def detail_lines(self, uow, case: Case, lines):
        linked = []
        for name, cid in self._linked(uow, case):
            other = uow.session.get(Case, cid)
            linked.append(DetailLine(name, other.number if other else "", data=True))
        return [*linked, *lines]

    def follow_ups(self, uow, case: Case, action: str, detail: DublinRequest) -> list:
        """A transfer done to the responsible state ends the asylum application here: left without
        examination, another state being responsible (Asylum Law; Reg. 604/2013 Art. 26(1), Reg. 2024/1351
        Art. 42(2): the transferring state does not examine the application). Its decision and right-to-work
        deadlines end with it."""
        from desk.services.kinds.base import FollowUp

        if action != "complete_transfer" or detail.direction != "outgoing" or not detail.asylum_case_id:
            return []
        asylum = uow.session.get(Case, detail.asylum_case_id)
        if asylum is None or not asylum_rules.MACHINE.can(asylum.status, asylum_rules.Action.LEAVE_WITHOUT_EXAMINATION):
            return []
        return [FollowUp(asylum.id, "leave_without_examination",
                         {"decision_on": detail.transfer_done_on.isoformat(),
                          "reason": "asylum.other_state_responsible"})]

    def related_case_ids(self, uow, case: Case) -> list[int]:
        """The asylum application the request was made for, the earlier one a take back returns to."""
        return [cid for _name, cid in self._linked(uow, case)]


ADAPTER = Dublin()
