"""Asylum applications (Asylum Law 2016; Directive 2013/32/EU): life cycle, decision due date, right to
work, the residence permit each status leads to, and the appeal period.

Periods decided by PMLP count as Latvian administrative periods where the law says so (APL ss. 42-43:
roll forward); the decision periods and the right-to-work waiting period are counted without moving the
last day (they are limits on PMLP, not acts of the applicant).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desk.rules.calendar import add_period, apl_period
from desk.rules.common import ComputedDeadline, InvalidValue, Rule, StateMachine, computed

# --- named parameters ------------------------------------------------------------------------------

ASYLUM_LAW_FROM = date(2016, 1, 19)  # Asylum Law of 17 Dec 2015, in force 19 Jan 2016 (verify the date)

# Asylum Law s. 29 (verify): decision within 3 months of the personal interview and no later than 6 months
# after registration; the State Secretary of the Ministry of the Interior may extend by up to 9 months.
# Source: DOMAIN.md; a LETA summary of the Asylum Law repeats 3/6/+9 months; the section number and the
# text of the law were not confirmed on likumi.lv.
DECISION_AFTER_INTERVIEW_MONTHS = 3
DECISION_AFTER_REGISTRATION_MONTHS = 6
DECISION_MAX_EXTENSION_MONTHS = 9
# Directive 2013/32/EU Art. 31(5): in any event no more than 21 months from the lodging.
EU_DECISION_CAP_MONTHS = 21
# PMLP procedure page (verify): the personal interview takes place within 1 month of the decision to
# accept the application for examination.
INTERVIEW_AFTER_ACCEPTANCE_MONTHS = 1

# Right to work (Immigration Law, amended 2021; verify): an applicant without a first-instance decision
# after 3 months (6 months before the amendment) from lodging, through no fault of their own, may work.
# The Saeima adopted the amendment in its final reading on 2 September 2021 (press reports); the date it
# came into force was NOT confirmed: desk uses the adoption date as the switch-over until a lawyer checks.
RIGHT_TO_WORK_AMENDMENT_DATE = date(2021, 9, 2)
RIGHT_TO_WORK_MONTHS_BEFORE = 6
RIGHT_TO_WORK_MONTHS_AFTER = 3

# Appeal to the District Administrative Court within 1 month of notification (Asylum Law; APL s. 188(2);
# counted under APL ss. 42-43). The Asylum Law section was not confirmed (verify).
APPEAL_MONTHS = 1

# Residence permits that follow a status (Asylum Law; Immigration Law). Refugee: permanent residence
# permit, the card re-registered every 5 years. Alternative status: temporary permit for 1 year, then
# 2 years at each renewal (verify).
REFUGEE_CARD_REREGISTRATION_YEARS = 5
ALTERNATIVE_STATUS_FIRST_PERMIT_YEARS = 1
ALTERNATIVE_STATUS_RENEWAL_YEARS = 2


def _rule(id_: str, article: str, consequence: str | None, verified: bool,
          applies_from: date = ASYLUM_LAW_FROM, applies_until: date | None = None) -> Rule:
    return Rule(id=f"asylum.{id_}", article=article, title_key=f"rules.title.asylum.{id_}",
                consequence_key=consequence, applies_from=applies_from, applies_until=applies_until,
                verified=verified)


# Asylum Law s. 29 (verify): 3 months from interview, at most 6 months from registration.
R_DECISION = _rule("decision", "Asylum Law s. 29 (verify); Dir. 2013/32 Art. 31(3)", "rules.consequence.decision_late",
                   verified=False)
# Asylum Law s. 29 (verify): extended by up to 9 months (Dir. 2013/32 Art. 31(3) third subpara.).
R_DECISION_EXTENDED = _rule("decision_extended", "Asylum Law s. 29 (verify); Dir. 2013/32 Art. 31(3)",
                            "rules.consequence.decision_late", verified=False)
# Directive 2013/32/EU Art. 31(5): 21 months from lodging at the most (DOMAIN.md; not re-read this time).
R_DECISION_EU_CAP = _rule("decision_eu_cap", "Dir. 2013/32/EU Art. 31(5)", "rules.consequence.decision_late",
                          verified=True)
# PMLP procedure description (verify): interview within 1 month of accepting the application.
R_INTERVIEW = _rule("interview", "Asylum Law (verify; PMLP procedure)", None, verified=False)
# Immigration Law (before the 2021 amendment): right to work after 6 months without a decision.
R_RIGHT_TO_WORK_6M = _rule("right_to_work_6m", "Immigration Law (before the 2021 amendment) (verify)",
                           "rules.consequence.right_to_work", verified=False,
                           applies_until=RIGHT_TO_WORK_AMENDMENT_DATE - timedelta(days=1))
# Immigration Law as amended in 2021: right to work after 3 months without a decision.
R_RIGHT_TO_WORK_3M = _rule("right_to_work_3m", "Immigration Law (as amended in 2021) (verify)",
                           "rules.consequence.right_to_work", verified=False,
                           applies_from=RIGHT_TO_WORK_AMENDMENT_DATE)
# Appeal within 1 month of notification; APL s. 188(2) and ss. 42-43 (verify the Asylum Law section).
R_APPEAL = _rule("appeal", "Asylum Law; APL s. 188(2), ss. 42-43 (verify)", "rules.consequence.decision_final",
                 verified=False)

RULES: dict[str, Rule] = {r.id: r for r in (
    R_DECISION, R_DECISION_EXTENDED, R_DECISION_EU_CAP, R_INTERVIEW, R_RIGHT_TO_WORK_6M, R_RIGHT_TO_WORK_3M,
    R_APPEAL)}

# --- life cycle -----------------------------------------------------------------------------------------


class Status(StrEnum):
    LODGED = "lodged"
    ACCEPTED_FOR_EXAMINATION = "accepted_for_examination"
    INTERVIEWED = "interviewed"
    REFUGEE_STATUS = "refugee_status"  # decided: refugee status granted
    ALTERNATIVE_STATUS = "alternative_status"  # decided: alternative (subsidiary protection) status granted
    REFUSED = "refused"  # decided: protection refused
    LEFT_WITHOUT_EXAMINATION = "left_without_examination"  # inadmissible, implicitly withdrawn, Dublin transfer
    WITHDRAWN = "withdrawn"
    APPEALED = "appealed"
    FINAL = "final"


class Action(StrEnum):
    ACCEPT_FOR_EXAMINATION = "accept_for_examination"
    HOLD_INTERVIEW = "hold_interview"
    GRANT_REFUGEE_STATUS = "grant_refugee_status"
    GRANT_ALTERNATIVE_STATUS = "grant_alternative_status"
    REFUSE = "refuse"
    LEAVE_WITHOUT_EXAMINATION = "leave_without_examination"
    WITHDRAW = "withdraw"
    APPEAL = "appeal"
    COURT_REMITS = "court_remits"  # the court annuls the decision and sends the case back
    BECOME_FINAL = "become_final"


S, A = Status, Action
_DECIDED = (S.REFUGEE_STATUS, S.ALTERNATIVE_STATUS, S.REFUSED, S.LEFT_WITHOUT_EXAMINATION)
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.LODGED, A.ACCEPT_FOR_EXAMINATION): S.ACCEPTED_FOR_EXAMINATION,
    (S.LODGED, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.LODGED, A.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED_FOR_EXAMINATION, A.HOLD_INTERVIEW): S.INTERVIEWED,
    (S.ACCEPTED_FOR_EXAMINATION, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.ACCEPTED_FOR_EXAMINATION, A.WITHDRAW): S.WITHDRAWN,
    (S.INTERVIEWED, A.GRANT_REFUGEE_STATUS): S.REFUGEE_STATUS,
    (S.INTERVIEWED, A.GRANT_ALTERNATIVE_STATUS): S.ALTERNATIVE_STATUS,
    (S.INTERVIEWED, A.REFUSE): S.REFUSED,
    (S.INTERVIEWED, A.LEAVE_WITHOUT_EXAMINATION): S.LEFT_WITHOUT_EXAMINATION,
    (S.INTERVIEWED, A.WITHDRAW): S.WITHDRAWN,
    **{(d, A.APPEAL): S.APPEALED for d in _DECIDED},
    **{(d, A.BECOME_FINAL): S.FINAL for d in _DECIDED},
    (S.APPEALED, A.COURT_REMITS): S.INTERVIEWED,
    (S.APPEALED, A.BECOME_FINAL): S.FINAL,
}
del S, A

MACHINE = StateMachine("asylum", _TRANSITIONS, Status.LODGED)
INITIAL_STATUS = Status.LODGED
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.FINAL, Status.WITHDRAWN})
DECIDED_STATUSES: frozenset[Status] = frozenset(_DECIDED)


# --- permits that follow a status --------------------------------------------------------------------


@dataclass(frozen=True)
class PermitEntitlement:
    permit_kind: str  # a desk.rules.permits.PermitKind value: "permanent" / "temporary"
    first_validity_years: int
    renewal_validity_years: int | None  # None: the permit is permanent; the card is re-registered
    card_reregistration_years: int | None


def permit_for(status) -> PermitEntitlement | None:
    """The residence permit a decided status leads to (Asylum Law; Immigration Law), or None."""
    status = Status(status)
    if status == Status.REFUGEE_STATUS:
        return PermitEntitlement("permanent", REFUGEE_CARD_REREGISTRATION_YEARS, None, REFUGEE_CARD_REREGISTRATION_YEARS)
    if status == Status.ALTERNATIVE_STATUS:
        return PermitEntitlement("temporary", ALTERNATIVE_STATUS_FIRST_PERMIT_YEARS, ALTERNATIVE_STATUS_RENEWAL_YEARS,
                                 None)
    return None


# --- facts and deadlines ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationFacts:
    lodged_on: date
    registered_on: date | None = None  # defaults to lodged_on
    accepted_for_examination_on: date | None = None
    interview_on: date | None = None
    decision_on: date | None = None
    decision_extended_months: int = 0  # extension by the State Secretary, at most 9 (verify)
    notified_on: date | None = None  # notification of the decision
    appeal_lodged_on: date | None = None
    withdrawn_on: date | None = None
    delay_caused_by_applicant: bool = False  # right to work needs a delay "through no fault" of the applicant
    work_permitted_from: date | None = None  # when the right to work was actually granted


def decision_due(facts: ApplicationFacts) -> tuple[Rule, str, date, date]:
    """(rule, anchor key, anchor date, due date) of the first-instance decision."""
    if facts.decision_extended_months < 0 or facts.decision_extended_months > DECISION_MAX_EXTENSION_MONTHS:
        raise InvalidValue("rules.asylum.extension_too_long", months=facts.decision_extended_months,
                           max=DECISION_MAX_EXTENSION_MONTHS)
    registered = facts.registered_on or facts.lodged_on
    outer = add_period(registered, months=DECISION_AFTER_REGISTRATION_MONTHS + facts.decision_extended_months)
    cap = add_period(facts.lodged_on, months=EU_DECISION_CAP_MONTHS)
    if facts.decision_extended_months:
        return R_DECISION_EXTENDED, "rules.anchor.registered", registered, min(outer, cap)
    if facts.interview_on is not None:
        after_interview = add_period(facts.interview_on, months=DECISION_AFTER_INTERVIEW_MONTHS)
        if after_interview < outer:
            return R_DECISION, "rules.anchor.interview", facts.interview_on, after_interview
    return R_DECISION, "rules.anchor.registered", registered, outer


def right_to_work_rule(lodged_on: date) -> Rule:
    """The right-to-work rule in force on the lodging date."""
    return R_RIGHT_TO_WORK_3M if lodged_on >= RIGHT_TO_WORK_AMENDMENT_DATE else R_RIGHT_TO_WORK_6M


def right_to_work_due(lodged_on: date) -> date:
    """The last day of the waiting period: without a decision by then, the right to work arises next day."""
    months = RIGHT_TO_WORK_MONTHS_AFTER if lodged_on >= RIGHT_TO_WORK_AMENDMENT_DATE else RIGHT_TO_WORK_MONTHS_BEFORE
    return add_period(lodged_on, months=months)


def right_to_work_from(facts: ApplicationFacts) -> date | None:
    """The first day the applicant may work, or None (decided in time, or the delay is the applicant's)."""
    if facts.delay_caused_by_applicant:
        return None
    due = right_to_work_due(facts.lodged_on)
    if facts.decision_on is not None and facts.decision_on <= due:
        return None
    if facts.withdrawn_on is not None and facts.withdrawn_on <= due:
        return None
    return due + timedelta(days=1)


def appeal_due(notified_on: date) -> date:
    """1 month from notification, last day rolled forward off weekends and Latvian holidays (APL s. 43)."""
    return apl_period(notified_on, months=APPEAL_MONTHS)


def deadlines(facts: ApplicationFacts, today: date) -> list[ComputedDeadline]:
    """Interview, decision (and the EU cap), right to work, appeal: met, missed, open or moot."""
    out: list[ComputedDeadline] = []
    withdrawn = facts.withdrawn_on is not None
    if facts.accepted_for_examination_on is not None:
        due = add_period(facts.accepted_for_examination_on, months=INTERVIEW_AFTER_ACCEPTANCE_MONTHS)
        out.append(computed(R_INTERVIEW, "rules.anchor.accepted_for_examination", facts.accepted_for_examination_on,
                            due, done_on=facts.interview_on, today=today, moot=withdrawn or facts.decision_on is not None))
    rule, key, anchor, due = decision_due(facts)
    out.append(computed(rule, key, anchor, due, done_on=facts.decision_on, today=today, moot=withdrawn))
    cap = add_period(facts.lodged_on, months=EU_DECISION_CAP_MONTHS)
    out.append(computed(R_DECISION_EU_CAP, "rules.anchor.lodged", facts.lodged_on, cap, done_on=facts.decision_on,
                        today=today, moot=withdrawn))
    rtw_rule = right_to_work_rule(facts.lodged_on)
    out.append(computed(rtw_rule, "rules.anchor.lodged", facts.lodged_on, right_to_work_due(facts.lodged_on),
                        done_on=facts.decision_on, today=today,
                        moot=withdrawn or facts.delay_caused_by_applicant))
    if facts.notified_on is not None:
        out.append(computed(R_APPEAL, "rules.anchor.notified", facts.notified_on, appeal_due(facts.notified_on),
                            done_on=facts.appeal_lodged_on, today=today))
    return out
