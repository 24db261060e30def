"""Return decisions (Immigration Law; Return Directive 2008/115/EC): the voluntary departure order
(izbraukšanas rīkojums) and the forced expulsion decision (lēmums par piespiedu izraidīšanu), entry bans
and the contest period.

* Voluntary departure: a period of 7 to 30 days to leave (Directive Art. 7(1)); an entry ban is optional.
* Forced expulsion: no period for voluntary departure; an entry ban is mandatory (Directive Art. 11(1)).
* Entry ban: at most ``MAX_BAN_YEARS`` (3, PMLP practice per its 2020 annual report); the Directive allows
  up to 5 in principle (Art. 11(2)). The ban runs from the day the person actually leaves (CJEU C-225/16
  Ouhrami); its expiry is NOT moved off weekends or holidays.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk.rules.calendar import add_period, apl_period
from desk.rules.common import ComputedDeadline, DeadlineState, InvalidValue, Rule, StateMachine, computed


class DecisionKind(StrEnum):
    VOLUNTARY_DEPARTURE_ORDER = "voluntary_departure_order"
    FORCED_EXPULSION_DECISION = "forced_expulsion_decision"


# Directive 2008/115/EC Art. 7(1): "an appropriate period for voluntary departure of between seven and
# thirty days".
MIN_DEPARTURE_DAYS = 7
MAX_DEPARTURE_DAYS = 30
# PMLP annual report 2020: entry bans with these decisions are for up to 3 years (a parameter).
MAX_BAN_YEARS = 3
# Directive 2008/115/EC Art. 11(2): "shall not in principle exceed five years".
DIRECTIVE_MAX_BAN_YEARS = 5
# Contest to the head of the authority, then appeal to court (Immigration Law; verify the numbers):
# not confirmed from the law's text; desk uses 7 days for each, counted under APL ss. 42-43 (roll forward).
CONTEST_DAYS = 7
COURT_APPEAL_DAYS = 7

RETURN_DIRECTIVE_FROM = date(2010, 12, 24)  # transposition deadline of Directive 2008/115/EC
OUHRAMI_FROM = date(2017, 7, 26)  # CJEU C-225/16 Ouhrami, judgment of 26 July 2017


def _rule(id_: str, article: str, consequence: str | None, verified: bool, applies_from: date = RETURN_DIRECTIVE_FROM) -> Rule:
    return Rule(id=f"returns.{id_}", article=article, title_key=f"rules.title.returns.{id_}",
                consequence_key=consequence, applies_from=applies_from, applies_until=None, verified=verified)


# Directive 2008/115/EC Art. 7(1): leave within the period for voluntary departure; otherwise Art. 8(1)
# removal (forced expulsion).
R_VOLUNTARY_DEPARTURE = _rule("voluntary_departure", "Dir. 2008/115/EC Art. 7(1), 8(1); Immigration Law",
                              "rules.consequence.forced_expulsion", True)
# Immigration Law (verify): contest to the head of the authority.
R_CONTEST = _rule("contest", "Immigration Law (verify); APL ss. 42-43", "rules.consequence.decision_final", False)
# Immigration Law (verify): appeal to the court after the contest decision.
R_COURT_APPEAL = _rule("court_appeal", "Immigration Law (verify); APL ss. 42-43", "rules.consequence.decision_final",
                       False)
# Directive 2008/115/EC Art. 11(2); CJEU C-225/16 Ouhrami: the ban runs from the actual departure.
R_ENTRY_BAN = _rule("entry_ban", "Dir. 2008/115/EC Art. 11(2); CJEU C-225/16 Ouhrami", "rules.consequence.ban_ends",
                    True, OUHRAMI_FROM)
RULES: dict[str, Rule] = {r.id: r for r in (R_VOLUNTARY_DEPARTURE, R_CONTEST, R_COURT_APPEAL, R_ENTRY_BAN)}


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


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.ISSUED, A.NOTIFY): S.NOTIFIED,
    (S.ISSUED, A.ANNUL): S.ANNULLED,
    (S.NOTIFIED, A.CONTEST): S.CONTESTED,
    (S.NOTIFIED, A.DEPART): S.DEPARTED_VOLUNTARILY,
    (S.NOTIFIED, A.EXPEL): S.EXPELLED,
    (S.NOTIFIED, A.ANNUL): S.ANNULLED,
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


def validate_decision(kind, *, departure_days: int | None, ban_years: int | None,
                      max_ban_years: int = MAX_BAN_YEARS) -> None:
    """Raise InvalidValue for a decision the rules do not allow: a voluntary departure period outside 7-30
    days, a forced expulsion without an entry ban or with a departure period, a ban longer than
    ``max_ban_years`` (never above the Directive's 5)."""
    kind = DecisionKind(kind)
    if max_ban_years > DIRECTIVE_MAX_BAN_YEARS:
        raise InvalidValue("rules.returns.ban_too_long", max_years=DIRECTIVE_MAX_BAN_YEARS, years=max_ban_years)
    if kind == DecisionKind.VOLUNTARY_DEPARTURE_ORDER:
        if departure_days is None or not MIN_DEPARTURE_DAYS <= departure_days <= MAX_DEPARTURE_DAYS:
            raise InvalidValue("rules.returns.departure_period_out_of_range", min_days=MIN_DEPARTURE_DAYS,
                               max_days=MAX_DEPARTURE_DAYS, days=departure_days)
    else:
        if departure_days:
            raise InvalidValue("rules.returns.no_departure_period_for_expulsion")
        if not ban_years:
            raise InvalidValue("rules.returns.ban_required")
    if ban_years is not None:
        if ban_years < 0:
            raise InvalidValue("rules.negative_period", days=0, weeks=0, months=ban_years * 12)
        if ban_years > max_ban_years:
            raise InvalidValue("rules.returns.ban_too_long", max_years=max_ban_years, years=ban_years)


def voluntary_departure_until(notified_on: date, departure_days: int) -> date:
    """The last day to leave: ``departure_days`` after notification (the day of notification not counted)."""
    return add_period(notified_on, days=departure_days)


def ban_until(departed_on: date, ban_years: int) -> date:
    """The last day of an entry ban that runs from the actual departure (C-225/16 Ouhrami); never moved off
    weekends or holidays."""
    return add_period(departed_on, months=12 * ban_years)


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


def deadlines(facts: ReturnFacts, today: date) -> list[ComputedDeadline]:
    """Contest, court appeal, voluntary departure and the entry ban's end."""
    validate_decision(facts.kind, departure_days=facts.departure_days, ban_years=facts.ban_years)
    out: list[ComputedDeadline] = []
    annulled = facts.annulled_on is not None
    if facts.notified_on is not None:
        out.append(computed(R_CONTEST, "rules.anchor.notified", facts.notified_on,
                            apl_period(facts.notified_on, days=CONTEST_DAYS), done_on=facts.contested_on, today=today,
                            moot=annulled or facts.departed_on is not None))
        if facts.kind == DecisionKind.VOLUNTARY_DEPARTURE_ORDER:
            out.append(computed(R_VOLUNTARY_DEPARTURE, "rules.anchor.notified", facts.notified_on,
                                voluntary_departure_until(facts.notified_on, facts.departure_days),
                                done_on=facts.departed_on, today=today, moot=annulled))
    if facts.contest_decided_on is not None:
        out.append(computed(R_COURT_APPEAL, "rules.anchor.contest_decided", facts.contest_decided_on,
                            apl_period(facts.contest_decided_on, days=COURT_APPEAL_DAYS), done_on=facts.appealed_on,
                            today=today, moot=annulled or facts.departed_on is not None))
    if facts.ban_years and facts.departed_on is not None:
        end = ban_until(facts.departed_on, facts.ban_years)
        # a ban is not an act to be done: OPEN while in force, MOOT once it has run out or was annulled
        state = DeadlineState.MOOT if annulled or today > end else DeadlineState.OPEN
        out.append(ComputedDeadline(rule=R_ENTRY_BAN, anchor_event_key="rules.anchor.departed",
                                    anchor_date=facts.departed_on, due=end, state=state))
    return out
