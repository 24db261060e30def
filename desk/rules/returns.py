"""Return decisions (Immigration Law; Return Directive 2008/115/EC): the voluntary departure order
(izbraukšanas rīkojums) and the forced expulsion decision (lēmums par piespiedu izraidīšanu), entry bans
and the contest period.

* Voluntary departure: a period of 7 to 30 days to leave (Directive Art. 7(1)); shorter, or none, only
  on a ground of Art. 7(4), which is recorded (``DepartureGround``); extended under Art. 7(2) by an
  appropriate period, with its reason. An entry ban is optional.
* Forced expulsion: no period for voluntary departure; an entry ban is mandatory (Directive Art. 11(1)).
* Entry ban: in years and months, at most ``MAX_BAN_YEARS`` (3: PMLP practice per its 2020 annual report,
  not the Directive, verified=False); the Directive's Art. 11(2) says "shall not in principle exceed five
  years". The ban runs from the day the person actually leaves (CJEU C-225/16 Ouhrami); its expiry is NOT
  moved off weekends or holidays.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk.rules.calendar import add_period
from desk.rules.common import (ComputedDeadline, Counting, DeadlineState, InvalidValue, Period, Rule,
                               StateMachine, computed)


class DecisionKind(StrEnum):
    VOLUNTARY_DEPARTURE_ORDER = "voluntary_departure_order"
    FORCED_EXPULSION_DECISION = "forced_expulsion_decision"


class DepartureGround(StrEnum):
    """Directive 2008/115/EC Art. 7(4): "If there is a risk of absconding, or if an application for a legal
    stay has been dismissed as manifestly unfounded or fraudulent, or if the person concerned poses a risk
    to public policy, public security or national security, Member States may refrain from granting a
    period for voluntary departure, or may grant a period shorter than seven days."""

    RISK_OF_ABSCONDING = "risk_of_absconding"
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    FRAUDULENT = "fraudulent"
    DANGER = "danger"  # public policy, public security or national security


class ExtensionReason(StrEnum):
    """Directive 2008/115/EC Art. 7(2): "Member States shall, where necessary, extend the period for
    voluntary departure by an appropriate period, taking into account the specific circumstances of the
    individual case, such as the length of stay, the existence of children attending school and the
    existence of other family and social links."""

    LENGTH_OF_STAY = "length_of_stay"
    CHILDREN_AT_SCHOOL = "children_at_school"
    FAMILY_AND_SOCIAL_LINKS = "family_and_social_links"
    OTHER_CIRCUMSTANCES = "other_circumstances"


# Directive 2008/115/EC Art. 7(1): "an appropriate period for voluntary departure of between seven and
# thirty days".
MIN_DEPARTURE_DAYS = 7
MAX_DEPARTURE_DAYS = 30
# PMLP annual report 2020: entry bans with these decisions are for up to 3 years. PMLP practice, not a
# limit found in the Immigration Law's text nor the Directive's: a parameter a lawyer may change.
# verified=False (source: DOMAIN.md citing the PMLP annual report 2020; re-checked 1 Dec 2026: not found in law).
MAX_BAN_YEARS = 3
# Directive 2008/115/EC Art. 11(2): "The length of the entry ban shall be determined with due regard to all
# relevant circumstances of the individual case and shall not in principle exceed five years."
DIRECTIVE_MAX_BAN_YEARS = 5
# Contest to the head of the authority, then appeal to court (Immigration Law; numbers not confirmed from
# the law's text): desk uses 7 days for each, counted under APL ss. 42-43 (roll forward).
CONTEST_DAYS = 7
COURT_APPEAL_DAYS = 7

RETURN_DIRECTIVE_FROM = date(2010, 12, 24)  # transposition deadline of Directive 2008/115/EC
OUHRAMI_FROM = date(2017, 7, 26)  # CJEU C-225/16 Ouhrami, judgment of 26 July 2017
NOTIFIED, DEPARTED = "rules.anchor.notified", "rules.anchor.departed"


def _rule(id_: str, article: str, consequence: str | None, verified: bool, *, period: Period | None = None,
          anchor: str | None = None, counting: Counting = Counting.NONE,
          applies_from: date = RETURN_DIRECTIVE_FROM) -> Rule:
    return Rule(id=f"returns.{id_}", article=article, title_key=f"rules.title.returns.{id_}",
                consequence_key=consequence, applies_from=applies_from, applies_until=None, verified=verified,
                period=period, anchor_key=anchor, counting=counting, regime="return_directive")


# Directive 2008/115/EC Art. 7(1): leave within the period for voluntary departure (7-30 days, chosen in the
# decision: no fixed period); otherwise Art. 8(1) removal (forced expulsion). The last day is not moved off
# weekends (desk's reading since issue 3: a day set by the decision).
R_VOLUNTARY_DEPARTURE = _rule("voluntary_departure", "Dir. 2008/115/EC Art. 7(1), 8(1); Immigration Law",
                              "rules.consequence.forced_expulsion", True, anchor=NOTIFIED, counting=Counting.NO_ROLL)
# Art. 7(4): a period shorter than seven days (or none: 0) on a recorded ground.
R_VOLUNTARY_DEPARTURE_SHORT = _rule("voluntary_departure_short", "Dir. 2008/115/EC Art. 7(4), 8(1); Immigration Law",
                                    "rules.consequence.forced_expulsion", True, anchor=NOTIFIED,
                                    counting=Counting.NO_ROLL)
# Art. 7(2): the period extended "by an appropriate period": the decided days plus the extension.
R_VOLUNTARY_DEPARTURE_EXTENDED = _rule("voluntary_departure_extended",
                                       "Dir. 2008/115/EC Art. 7(1), 7(2), 8(1); Immigration Law",
                                       "rules.consequence.forced_expulsion", True, anchor=NOTIFIED,
                                       counting=Counting.NO_ROLL)
# Immigration Law (number not confirmed): contest to the head of the authority.
R_CONTEST = _rule("contest", "Immigration Law; APL ss. 42-43", "rules.consequence.decision_final", False,
                  period=Period(days=CONTEST_DAYS), anchor=NOTIFIED, counting=Counting.APL)
# Immigration Law (number not confirmed): appeal to the court after the contest decision.
R_COURT_APPEAL = _rule("court_appeal", "Immigration Law; APL ss. 42-43", "rules.consequence.decision_final", False,
                       period=Period(days=COURT_APPEAL_DAYS), anchor="rules.anchor.contest_decided",
                       counting=Counting.APL)
# Directive 2008/115/EC Art. 11(2); CJEU C-225/16 Ouhrami: the ban runs from the actual departure; its length
# is set by the decision (no fixed period) and its end is never moved.
R_ENTRY_BAN = _rule("entry_ban", "Dir. 2008/115/EC Art. 11(2); CJEU C-225/16 Ouhrami", "rules.consequence.ban_ends",
                    True, anchor=DEPARTED, counting=Counting.NONE, applies_from=OUHRAMI_FROM)
# The longest ban desk accepts: MAX_BAN_YEARS, PMLP practice (annual report 2020), not the Directive's
# "in principle five years" (Art. 11(2)). verified=False. Never produces a deadline: it limits the decision.
R_ENTRY_BAN_MAX = _rule("entry_ban_max", "Immigration Law; Dir. 2008/115/EC Art. 11(2)", None, False,
                        period=Period(years=MAX_BAN_YEARS), anchor=DEPARTED, counting=Counting.NO_ROLL,
                        applies_from=OUHRAMI_FROM)
# Rules that limit what a decision may say rather than produce a deadline (the register test checks them
# through validate_decision instead of deadlines()).
DECISION_LIMITS = frozenset({"returns.entry_ban_max"})
RULES: dict[str, Rule] = {r.id: r for r in (R_VOLUNTARY_DEPARTURE, R_VOLUNTARY_DEPARTURE_SHORT,
                                            R_VOLUNTARY_DEPARTURE_EXTENDED, R_CONTEST, R_COURT_APPEAL, R_ENTRY_BAN,
                                            R_ENTRY_BAN_MAX)}


class Status(StrEnum):
    ISSUED = "issued"
    NOTIFIED = "notified"
    CONTESTED = "contested"
    APPEALED = "appealed"
    DEPARTED_VOLUNTARILY = "departed_voluntarily"
    EXPELLED = "expelled"
    BAN_IN_FORCE = "ban_in_force"
    BAN_EXPIRED = "ban_expired"
    CLOSED = "closed"  # departed, no entry ban
    ANNULLED = "annulled"


class Action(StrEnum):
    NOTIFY = "notify"
    CONTEST = "contest"
    UPHOLD = "uphold"  # the contest or appeal is rejected: the decision stands
    APPEAL = "appeal"
    DEPART = "depart"
    EXPEL = "expel"
    START_BAN = "start_ban"
    CLOSE = "close"
    EXPIRE_BAN = "expire_ban"
    ANNUL = "annul"
    EXTEND_DEPARTURE = "extend_departure"  # Directive 2008/115/EC Art. 7(2)


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.ISSUED, A.NOTIFY): S.NOTIFIED,
    (S.ISSUED, A.ANNUL): S.ANNULLED,
    (S.NOTIFIED, A.CONTEST): S.CONTESTED,
    (S.NOTIFIED, A.DEPART): S.DEPARTED_VOLUNTARILY,
    (S.NOTIFIED, A.EXPEL): S.EXPELLED,
    (S.NOTIFIED, A.ANNUL): S.ANNULLED,
    (S.NOTIFIED, A.EXTEND_DEPARTURE): S.NOTIFIED,  # Art. 7(2): the person has not left yet
    (S.CONTESTED, A.UPHOLD): S.NOTIFIED,
    (S.CONTESTED, A.APPEAL): S.APPEALED,
    (S.CONTESTED, A.ANNUL): S.ANNULLED,
    (S.APPEALED, A.UPHOLD): S.NOTIFIED,
    (S.APPEALED, A.ANNUL): S.ANNULLED,
    (S.DEPARTED_VOLUNTARILY, A.START_BAN): S.BAN_IN_FORCE,
    (S.DEPARTED_VOLUNTARILY, A.CLOSE): S.CLOSED,
    (S.EXPELLED, A.START_BAN): S.BAN_IN_FORCE,
    (S.BAN_IN_FORCE, A.EXPIRE_BAN): S.BAN_EXPIRED,
    (S.BAN_IN_FORCE, A.ANNUL): S.ANNULLED,
}
del S, A

MACHINE = StateMachine("returns", _TRANSITIONS, Status.ISSUED)
INITIAL_STATUS = Status.ISSUED
TERMINAL_STATUSES: frozenset[Status] = frozenset({Status.BAN_EXPIRED, Status.CLOSED, Status.ANNULLED})


def validate_ban(ban_years: int | None, ban_months: int | None = None, *, max_ban_years: int = MAX_BAN_YEARS) -> None:
    """An entry ban of ``ban_years`` years and ``ban_months`` months: not negative, at most
    ``max_ban_years`` (PMLP practice), and that limit itself never above the Directive's 5 (Art. 11(2))."""
    if max_ban_years > DIRECTIVE_MAX_BAN_YEARS:
        raise InvalidValue("rules.returns.ban_limit_too_long", max_years=DIRECTIVE_MAX_BAN_YEARS, years=max_ban_years)
    years, months = ban_years or 0, ban_months or 0
    if years < 0 or months < 0:
        raise InvalidValue("rules.negative_period", days=0, weeks=0, months=12 * years + months)
    if 12 * years + months > 12 * max_ban_years:
        raise InvalidValue("rules.returns.ban_too_long", max_years=max_ban_years, years=years, months=months)


def validate_decision(kind, *, departure_days: int | None, ban_years: int | None,
                      max_ban_years: int = MAX_BAN_YEARS, ban_months: int | None = None,
                      departure_ground=None, departure_extended_days: int | None = None,
                      departure_extension_reason=None) -> None:
    """Raise InvalidValue for a decision the rules do not allow: a voluntary departure period above 30 days,
    or under 7 without an Art. 7(4) ground; an Art. 7(2) extension without its reason or on an expulsion; a
    forced expulsion without an entry ban or with a departure period; a ban longer than ``max_ban_years``
    (never above the Directive's 5)."""
    kind = DecisionKind(kind)
    ground = DepartureGround(departure_ground) if departure_ground else None
    if kind == DecisionKind.VOLUNTARY_DEPARTURE_ORDER:
        if departure_days is None or departure_days > MAX_DEPARTURE_DAYS:
            raise InvalidValue("rules.returns.departure_period_out_of_range", min_days=MIN_DEPARTURE_DAYS,
                               max_days=MAX_DEPARTURE_DAYS, days=departure_days)
        if departure_days < 0:
            raise InvalidValue("rules.negative_period", days=departure_days, weeks=0, months=0)
        if departure_days < MIN_DEPARTURE_DAYS and ground is None:
            # Art. 7(4): shorter than seven days (or none) only on one of its grounds, recorded
            raise InvalidValue("rules.returns.short_period_needs_ground", min_days=MIN_DEPARTURE_DAYS,
                               days=departure_days, field="departure_ground")
    else:
        if departure_days:
            raise InvalidValue("rules.returns.no_departure_period_for_expulsion")
        if not (ban_years or ban_months):
            raise InvalidValue("rules.returns.ban_required")
    if departure_extended_days:
        if kind != DecisionKind.VOLUNTARY_DEPARTURE_ORDER:
            raise InvalidValue("rules.returns.extension_voluntary_only")
        if departure_extended_days < 0:
            raise InvalidValue("rules.negative_period", days=departure_extended_days, weeks=0, months=0)
        if not departure_extension_reason:
            raise InvalidValue("rules.returns.extension_reason_required", field="departure_extension_reason")
        ExtensionReason(departure_extension_reason)
    validate_ban(ban_years, ban_months, max_ban_years=max_ban_years)


def voluntary_departure_until(notified_on: date, departure_days: int, extended_days: int = 0) -> date:
    """The last day to leave: ``departure_days`` after notification (the day of notification not counted),
    plus an Art. 7(2) extension of ``extended_days``; 0 days (Art. 7(4)): the day of notification."""
    return add_period(notified_on, days=departure_days + (extended_days or 0))


def ban_until(departed_on: date, ban_years: int, ban_months: int = 0) -> date:
    """The last day of an entry ban of ``ban_years`` years and ``ban_months`` months that runs from the
    actual departure (C-225/16 Ouhrami); never moved off weekends or holidays."""
    return add_period(departed_on, months=12 * (ban_years or 0) + (ban_months or 0))


@dataclass(frozen=True)
class ReturnFacts:
    kind: DecisionKind
    issued_on: date
    notified_on: date | None = None
    departure_days: int | None = None  # voluntary departure only
    ban_years: int | None = None
    contested_on: date | None = None
    contest_decided_on: date | None = None
    appealed_on: date | None = None
    departed_on: date | None = None  # actual departure (voluntary or by expulsion)
    annulled_on: date | None = None
    ban_months: int | None = None
    departure_ground: DepartureGround | str | None = None  # Art. 7(4)
    departure_extended_days: int | None = None  # Art. 7(2)
    departure_extension_reason: ExtensionReason | str | None = None


def departure_rule(facts: ReturnFacts) -> Rule:
    """Art. 7(2) when extended, Art. 7(4) when shorter than seven days, Art. 7(1) otherwise."""
    if facts.departure_extended_days:
        return R_VOLUNTARY_DEPARTURE_EXTENDED
    if (facts.departure_days or 0) < MIN_DEPARTURE_DAYS:
        return R_VOLUNTARY_DEPARTURE_SHORT
    return R_VOLUNTARY_DEPARTURE


def deadlines(facts: ReturnFacts, today: date) -> list[ComputedDeadline]:
    """Contest, court appeal, voluntary departure and the entry ban's end."""
    validate_decision(facts.kind, departure_days=facts.departure_days, ban_years=facts.ban_years,
                      ban_months=facts.ban_months, departure_ground=facts.departure_ground,
                      departure_extended_days=facts.departure_extended_days,
                      departure_extension_reason=facts.departure_extension_reason)
    out: list[ComputedDeadline] = []
    annulled = facts.annulled_on is not None
    if facts.notified_on is not None:
        out.append(computed(R_CONTEST, NOTIFIED, facts.notified_on,
                            add_period(facts.notified_on, **R_CONTEST.period.as_kwargs(), roll_forward=True),
                            done_on=facts.contested_on, today=today, moot=annulled or facts.departed_on is not None))
        if facts.kind == DecisionKind.VOLUNTARY_DEPARTURE_ORDER:
            out.append(computed(departure_rule(facts), NOTIFIED, facts.notified_on,
                                voluntary_departure_until(facts.notified_on, facts.departure_days,
                                                          facts.departure_extended_days or 0),
                                done_on=facts.departed_on, today=today, moot=annulled))
    if facts.contest_decided_on is not None:
        out.append(computed(R_COURT_APPEAL, "rules.anchor.contest_decided", facts.contest_decided_on,
                            add_period(facts.contest_decided_on, **R_COURT_APPEAL.period.as_kwargs(),
                                       roll_forward=True),
                            done_on=facts.appealed_on, today=today, moot=annulled or facts.departed_on is not None))
    if (facts.ban_years or facts.ban_months) and facts.departed_on is not None:
        end = ban_until(facts.departed_on, facts.ban_years or 0, facts.ban_months or 0)
        # a ban is not an act to be done: OPEN while in force, MOOT once it has run out or was annulled
        state = DeadlineState.MOOT if annulled or today > end else DeadlineState.OPEN
        out.append(ComputedDeadline(rule=R_ENTRY_BAN, anchor_event_key=DEPARTED,
                                    anchor_date=facts.departed_on, due=end, state=state))
    return out
