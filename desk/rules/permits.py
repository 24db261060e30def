"""Residence permits (Immigration Law): kinds, purposes, life cycle, validity limits, right to employment.

``validate_validity`` raises ``InvalidValue`` (domain-style error) for a validity the law does not allow.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from desk.rules.calendar import add_period, apl_period
from desk.rules.contest import contest_deadline, contest_rule
from desk.rules.common import ComputedDeadline, Counting, InvalidValue, Period, Rule, StateMachine, computed


class PermitKind(StrEnum):
    TEMPORARY = "temporary"
    PERMANENT = "permanent"
    EU_LONG_TERM_RESIDENT = "eu_long_term_resident"  # EU long-term resident status (Dir. 2003/109/EC)
    EU_REGISTRATION_CERTIFICATE = "eu_registration_certificate"  # EU citizen's registration certificate


class Purpose(StrEnum):
    EMPLOYMENT = "employment"
    STUDY = "study"
    FAMILY_REUNIFICATION = "family_reunification"
    BUSINESS = "business"
    REPATRIATE = "repatriate"
    INTERNATIONAL_PROTECTION = "international_protection"
    OTHER = "other"


class ProtectionStatus(StrEnum):
    REFUGEE = "refugee"
    ALTERNATIVE = "alternative"


# Immigration Law (verify the section): a temporary residence permit is issued for 1 to 5 years.
TEMPORARY_MIN_YEARS = 1
TEMPORARY_MAX_YEARS = 5
# Asylum Law / Immigration Law (verify): alternative status -> temporary permit 1 year, then 2 years.
ALTERNATIVE_FIRST_YEARS = 1
ALTERNATIVE_RENEWAL_YEARS = 2
# Permanent permits and EU long-term resident permits: the card is re-registered every 5 years (verify).
PERMANENT_CARD_YEARS = 5
# Immigration Law (verify): apply for re-registration / a new permit before the old one ends; desk reminds
# this many days ahead (a desk practice value, not a legal limit).
RENEWAL_REMINDER_DAYS = 30

IMMIGRATION_LAW_FROM = date(2003, 5, 1)  # Immigration Law of 31 Oct 2002, in force 1 May 2003


def _rule(id_: str, article: str, consequence: str | None, verified: bool, *, period: Period | None,
          anchor_key: str, counting: Counting) -> Rule:
    return Rule(id=f"permits.{id_}", article=article, title_key=f"rules.title.permits.{id_}",
                consequence_key=consequence, applies_from=IMMIGRATION_LAW_FROM, applies_until=None, verified=verified,
                period=period, anchor_key=anchor_key, counting=counting, regime="immigration_law")


# The permit's own end: after ``valid_until`` the foreigner has no right of residence on this permit.
# Immigration Law s. 23(1) sets the longest validity for each ground of a temporary permit (e.g. its
# point 30: "uz laiku, kas nepārsniedz piecus gadus"); the date itself is the one on the permit, so no
# period is counted. Not verified: the 1-5 year bounds of TEMPORARY_MIN/MAX_YEARS were not read per point.
R_VALIDITY_END = _rule("validity_end", "Immigration Law s. 23(1)", "rules.consequence.permit_expires", False,
                       period=None, anchor_key="rules.anchor.valid_from", counting=Counting.NONE)
# Card re-registration for permanent permits every PERMANENT_CARD_YEARS, counted from the issue or the last
# re-registration; the last day is not moved. Immigration Law and the Cabinet's residence permit
# regulations (Uzturēšanās atļauju noteikumi): neither the section nor the regulation's number and
# paragraph were confirmed from likumi.lv, so the law is cited whole and the rule is not verified.
R_CARD_REREGISTRATION = _rule("card_reregistration", "Immigration Law",
                              "rules.consequence.card_invalid", False, period=Period(years=PERMANENT_CARD_YEARS),
                              anchor_key="rules.anchor.card_issued", counting=Counting.NO_ROLL)

# The decision on an application: Administrative Procedure Law s. 64(1), "Iestāde ... izdod administratīvo
# aktu viena mēneša laikā no iesnieguma saņemšanas dienas" (one month from the day the application was
# received), counted under APL ss. 42-43. The Immigration Law's own periods for particular permits were not
# read, so the APL's general month stands and the rule is not verified.
DECISION_MONTHS = 1
R_DECISION = _rule("decision", "APL s. 64(1); APL ss. 42-43", "rules.consequence.decision_late", False,
                   period=Period(months=DECISION_MONTHS), anchor_key="rules.anchor.applied", counting=Counting.APL)

# A refusal may be contested within one month of its notification (desk.rules.contest: APL ss. 70(1), 79(1)).
R_CONTEST = contest_rule("permits", regime="immigration_law")

RULES: dict[str, Rule] = {r.id: r for r in (R_DECISION, R_VALIDITY_END, R_CARD_REREGISTRATION, R_CONTEST)}


class Status(StrEnum):
    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"
    ISSUED = "issued"
    REREGISTERED = "reregistered"
    ANNULLED = "annulled"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    GRANT = "grant"
    REFUSE = "refuse"
    ISSUE = "issue"
    REREGISTER = "reregister"
    ANNUL = "annul"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"
    NOTIFY = "notify"  # the refusal notified (when it was not at the decision)
    CONTEST = "contest"  # the refusal contested to the head of PMLP (APL s. 79(1))


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.APPLIED, A.GRANT): S.GRANTED,
    (S.APPLIED, A.REFUSE): S.REFUSED,
    # the refusal stands while it is contested (APL s. 79(1)); the case stays closed
    (S.REFUSED, A.NOTIFY): S.REFUSED,
    (S.REFUSED, A.CONTEST): S.REFUSED,
    (S.APPLIED, A.WITHDRAW): S.WITHDRAWN,
    (S.GRANTED, A.ISSUE): S.ISSUED,
    (S.GRANTED, A.ANNUL): S.ANNULLED,
    (S.ISSUED, A.REREGISTER): S.REREGISTERED,
    (S.ISSUED, A.ANNUL): S.ANNULLED,
    (S.ISSUED, A.EXPIRE): S.EXPIRED,
    (S.REREGISTERED, A.REREGISTER): S.REREGISTERED,
    (S.REREGISTERED, A.ANNUL): S.ANNULLED,
    (S.REREGISTERED, A.EXPIRE): S.EXPIRED,
}
del S, A

MACHINE = StateMachine("permits", _TRANSITIONS, Status.APPLIED)
INITIAL_STATUS = Status.APPLIED
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.REFUSED, Status.ANNULLED, Status.EXPIRED, Status.WITHDRAWN})


def max_valid_until(kind, valid_from: date, *, protection: ProtectionStatus | None = None, renewal: bool = False) -> date | None:
    """The latest ``valid_until`` the law allows, or None when there is no upper limit (permanent kinds).

    A permit valid N years from ``valid_from`` ends on the day before the same date N years later."""
    kind = PermitKind(kind)
    if kind != PermitKind.TEMPORARY:
        return None
    if protection == ProtectionStatus.ALTERNATIVE:
        years = ALTERNATIVE_RENEWAL_YEARS if renewal else ALTERNATIVE_FIRST_YEARS
    else:
        years = TEMPORARY_MAX_YEARS
    return valid_from + relativedelta(years=years) - timedelta(days=1)


def validate_validity(kind, valid_from: date, valid_until: date | None, *,
                      protection: ProtectionStatus | None = None, renewal: bool = False) -> None:
    """Raise ``InvalidValue`` if the validity is not one the law allows.

    Keys: ``rules.permits.until_before_from``, ``rules.permits.too_long`` (params ``max_years``, ``latest``),
    ``rules.permits.too_short`` (temporary: at least 1 year, except an alternative status permit),
    ``rules.permits.until_required`` (temporary permits need an end date)."""
    kind = PermitKind(kind)
    if valid_from is None:
        raise InvalidValue("rules.missing_date", field="valid_from")
    if kind == PermitKind.TEMPORARY and valid_until is None:
        raise InvalidValue("rules.permits.until_required")
    if valid_until is None:
        return
    if valid_until < valid_from:
        raise InvalidValue("rules.permits.until_before_from", valid_from=valid_from,
                           valid_until=valid_until)
    latest = max_valid_until(kind, valid_from, protection=protection, renewal=renewal)
    if latest is not None and valid_until > latest:
        years = (ALTERNATIVE_RENEWAL_YEARS if renewal else ALTERNATIVE_FIRST_YEARS) \
            if protection == ProtectionStatus.ALTERNATIVE else TEMPORARY_MAX_YEARS
        raise InvalidValue("rules.permits.too_long", max_years=years, latest=latest)
    if kind == PermitKind.TEMPORARY and protection is None:
        earliest = valid_from + relativedelta(years=TEMPORARY_MIN_YEARS) - timedelta(days=1)
        if valid_until < earliest:
            raise InvalidValue("rules.permits.too_short", min_years=TEMPORARY_MIN_YEARS, earliest=earliest)


def right_to_employment(kind, purpose, *, protection: ProtectionStatus | None = None,
                        employer_bound: bool = False) -> bool:
    """Whether the permit carries a right to employment (Immigration Law; verify the detail per purpose).

    Permanent permits, EU long-term residents, EU citizens, refugees and persons with alternative status
    may work without restriction; a temporary permit for employment gives the right to work (for the
    named employer when ``employer_bound``); family members of permit holders and repatriates may work;
    study permits: desk records "no" (limited student work is checked by the officer)."""
    kind, purpose = PermitKind(kind), Purpose(purpose)
    if kind != PermitKind.TEMPORARY or protection is not None:
        return True
    return purpose in (Purpose.EMPLOYMENT, Purpose.BUSINESS, Purpose.FAMILY_REUNIFICATION, Purpose.REPATRIATE,
                       Purpose.INTERNATIONAL_PROTECTION)


@dataclass(frozen=True)
class PermitFacts:
    kind: PermitKind
    purpose: Purpose
    valid_from: date | None = None
    valid_until: date | None = None
    protection: ProtectionStatus | None = None
    issued_on: date | None = None
    reregistered_on: date | None = None
    renewal_applied_on: date | None = None  # application for a new permit / re-registration
    annulled_on: date | None = None
    applied_on: date | None = None  # the application (its decision is due under APL s. 64(1))
    decided_on: date | None = None
    refusal_notified_on: date | None = None  # a refusal's notification: its contest period runs from it
    contested_on: date | None = None


def deadlines(facts: PermitFacts, today: date) -> list[ComputedDeadline]:
    """The decision, a refusal's contest period, the end of validity (temporary) and the card
    re-registration (permanent kinds)."""
    out: list[ComputedDeadline] = []
    annulled = facts.annulled_on is not None
    if facts.applied_on is not None:  # pending, then met or missed by the decision
        out.append(computed(R_DECISION, "rules.anchor.applied", facts.applied_on,
                            apl_period(facts.applied_on, months=DECISION_MONTHS), done_on=facts.decided_on,
                            today=today, moot=annulled and facts.decided_on is None))
    out += contest_deadline(R_CONTEST, facts.refusal_notified_on, facts.contested_on, today)
    if facts.valid_from is None:
        return out
    if facts.valid_until is not None and PermitKind(facts.kind) == PermitKind.TEMPORARY:
        out.append(computed(R_VALIDITY_END, "rules.anchor.valid_from", facts.valid_from, facts.valid_until,
                            done_on=facts.renewal_applied_on, today=today, moot=annulled))
    elif PermitKind(facts.kind) in (PermitKind.PERMANENT, PermitKind.EU_LONG_TERM_RESIDENT):
        anchor = facts.reregistered_on or facts.issued_on or facts.valid_from
        due = add_period(anchor, months=12 * PERMANENT_CARD_YEARS)
        out.append(computed(R_CARD_REREGISTRATION, "rules.anchor.card_issued", anchor, due,
                            done_on=facts.renewal_applied_on if facts.renewal_applied_on and facts.renewal_applied_on > anchor
                            else None, today=today, moot=annulled))
    return out
