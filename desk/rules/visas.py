"""Visas (Visa Code, Reg. 810/2009; Schengen Convention Art. 18) and the Schengen 90/180 rule
(Schengen Borders Code, Reg. 2016/399 Art. 6(1) as amended by Reg. 610/2013).

PMLP issues visas only when a foreigner must extend a stay for unforeseen reasons (Visa Code Art. 33).

The 90/180 calculator: for a day d, count the days present in the window d-179 .. d inclusive; the count
may not exceed 90. The day of entry and the day of exit both count; leaving and re-entering on the same day
counts once; overlapping stays count once. ``stays`` are (entry_date, exit_date or None while present);
days covered by a residence permit or a D visa must not be passed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Iterable

from dateutil.relativedelta import relativedelta

from desk.rules.calendar import apl_period
from desk.rules.contest import contest_deadline, contest_rule
from desk.rules.common import ComputedDeadline, Counting, InvalidValue, Period, Rule, StateMachine, computed

SCHENGEN_WINDOW_DAYS = 180  # Schengen Borders Code Art. 6(1): "any 180-day period"
SCHENGEN_MAX_DAYS = 90  # Schengen Borders Code Art. 6(1): "90 days"
C_VISA_MAX_STAY_DAYS = 90  # Visa Code Art. 2(2)(a), Art. 24(1)
D_VISA_MAX_VALIDITY_YEARS = 1  # Schengen Convention Art. 18(2) (as amended by Reg. 265/2010)

VISA_CODE_FROM = date(2010, 4, 5)  # Reg. 810/2009 applies from 5 April 2010
SBC_610_FROM = date(2013, 10, 18)  # Reg. 610/2013 "any 180-day period" applies from 18 October 2013


class Category(StrEnum):
    C = "c"  # uniform short-stay visa
    D = "d"  # national long-stay visa


class Entries(StrEnum):
    SINGLE = "single"
    DOUBLE = "double"
    MULTIPLE = "multiple"


class ExtensionGround(StrEnum):
    FORCE_MAJEURE = "force_majeure"  # Visa Code Art. 33(1)
    HUMANITARIAN = "humanitarian"  # Visa Code Art. 33(1)
    SERIOUS_PERSONAL = "serious_personal"  # Visa Code Art. 33(2)


def _rule(id_: str, article: str, consequence: str | None, verified: bool, applies_from: date, *,
          anchor_key: str) -> Rule:
    # neither date is a period counted from an event: the 90/180 day comes from the stays, the validity
    # from the visa sticker; so no period and nothing rolls (Counting.NONE)
    return Rule(id=f"visas.{id_}", article=article, title_key=f"rules.title.visas.{id_}",
                consequence_key=consequence, applies_from=applies_from, applies_until=None, verified=verified,
                period=None, anchor_key=anchor_key, counting=Counting.NONE, regime="schengen")


# Schengen Borders Code Art. 6(1) (Reg. 2016/399; 90 days in any 180-day period since Reg. 610/2013).
R_90_180 = _rule("schengen_90_180", "Reg. 2016/399 Art. 6(1); Reg. 610/2013", "rules.consequence.overstay", True,
                 SBC_610_FROM, anchor_key="rules.anchor.entered")
# The visa's own validity (Visa Code Art. 24(1) for C visas; Schengen Convention Art. 18 for D visas).
R_VALIDITY_END = _rule("validity_end", "Reg. 810/2009 Art. 24(1); Schengen Convention Art. 18",
                       "rules.consequence.overstay", True, VISA_CODE_FROM, anchor_key="rules.anchor.valid_from")
# PMLP decides on issuing or extending a visa here (Visa Code Art. 33) under the Administrative Procedure
# Law: s. 64(1) "viena mēneša laikā no iesnieguma saņemšanas dienas", counted under ss. 42-43. The Visa
# Code's 15 days (Art. 23(1)) are for applications lodged at a consulate; no period for an extension was
# found, so the APL's month stands and the rule is not verified.
DECISION_MONTHS = 1
R_DECISION = Rule(id="visas.decision", article="APL s. 64(1); APL ss. 42-43", title_key="rules.title.visas.decision",
                  consequence_key="rules.consequence.decision_late", applies_from=VISA_CODE_FROM, applies_until=None,
                  verified=False, period=Period(months=DECISION_MONTHS), anchor_key="rules.anchor.applied",
                  counting=Counting.APL, regime="apl")
# A refused visa may be appealed under national law (Visa Code Art. 32(3)): here contested within one month of
# the refusal's notification (desk.rules.contest: APL ss. 70(1), 79(1)).
R_CONTEST = contest_rule("visas", "Reg. 810/2009 Art. 32(3); APL s. 70(1), 79(1); APL ss. 42-43",
                         applies_from=VISA_CODE_FROM)
RULES: dict[str, Rule] = {r.id: r for r in (R_DECISION, R_90_180, R_VALIDITY_END, R_CONTEST)}

# --- the 90/180 calculator ------------------------------------------------------------------------


def _intervals(stays: Iterable[tuple[date, date | None]], on: date) -> list[tuple[date, date]]:
    """Stays as closed intervals, open stays running to ``on``, validated and merged."""
    out: list[tuple[date, date]] = []
    for stay in stays:
        entry, exit_ = stay
        if entry is None:
            raise InvalidValue("rules.missing_date", field="entry")
        if exit_ is not None and exit_ < entry:
            raise InvalidValue("rules.visas.exit_before_entry", entry=entry, exit=exit_)
        end = exit_ if exit_ is not None else max(on, entry)
        out.append((entry, end))
    out.sort()
    merged: list[tuple[date, date]] = []
    for start, end in out:
        if merged and start <= merged[-1][1] + timedelta(days=1):  # overlapping or touching: one stay
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _used_in_window(merged: list[tuple[date, date]], on: date) -> int:
    first = on - timedelta(days=SCHENGEN_WINDOW_DAYS - 1)
    total = 0
    for start, end in merged:
        lo, hi = max(start, first), min(end, on)
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def days_used(stays: Iterable[tuple[date, date | None]], on: date) -> int:
    """Days present in the 180-day window ending on ``on`` (both entry and exit days count; a stay still
    open counts up to ``on``; overlaps and same-day exit/re-entry count once)."""
    return _used_in_window(_intervals(stays, on), on)


def days_remaining(stays: Iterable[tuple[date, date | None]], on: date) -> int:
    """How many of the 90 days are left on ``on``: max(0, 90 - days_used)."""
    return max(0, SCHENGEN_MAX_DAYS - days_used(stays, on))


def last_day_of_stay(stays: Iterable[tuple[date, date | None]], entry: date) -> date:
    """The last day a person entering on ``entry`` and staying on may remain without exceeding 90 days in
    any 180-day period. ``stays`` are the earlier stays (a stay still open from before ``entry`` merges
    with this one). Raises ``InvalidValue("rules.visas.no_days_left")`` if even the entry day is too many."""
    stays = list(stays)
    day = entry
    last_ok: date | None = None
    # a continuous stay can never exceed 90 days, so at most 91 days are checked
    for _ in range(SCHENGEN_MAX_DAYS + 1):
        merged = _intervals(stays + [(entry, day)], day)
        if _used_in_window(merged, day) > SCHENGEN_MAX_DAYS:
            break
        last_ok = day
        day += timedelta(days=1)
    if last_ok is None:
        raise InvalidValue("rules.visas.no_days_left", entry=entry)
    return last_ok


# --- visa validity --------------------------------------------------------------------------------


def validate_visa(category, valid_from: date, valid_until: date, *, days_of_stay: int | None = None,
                  entries=Entries.SINGLE) -> None:
    """Raise ``InvalidValue`` for a visa the law does not allow.

    C: at most 90 days of stay (key ``rules.visa_too_long``, params ``max_days``, ``days``);
    D: validity at most 1 year (key ``rules.visa_too_long``, params ``max_years``, ``latest``)."""
    category, entries = Category(category), Entries(entries)
    if valid_from is None or valid_until is None:
        raise InvalidValue("rules.missing_date", field="valid_until" if valid_from else "valid_from")
    if valid_until < valid_from:
        raise InvalidValue("rules.visas.until_before_from", valid_from=valid_from,
                           valid_until=valid_until)
    if days_of_stay is not None and days_of_stay < 1:
        raise InvalidValue("rules.visas.days_of_stay_invalid", days=days_of_stay)
    validity_days = (valid_until - valid_from).days + 1
    if days_of_stay is not None and days_of_stay > validity_days:
        raise InvalidValue("rules.visas.stay_longer_than_validity", days=days_of_stay, validity_days=validity_days)
    if category == Category.C:
        if days_of_stay is not None and days_of_stay > C_VISA_MAX_STAY_DAYS:
            raise InvalidValue("rules.visa_too_long", max_days=C_VISA_MAX_STAY_DAYS, days=days_of_stay)
    else:
        latest = valid_from + relativedelta(years=D_VISA_MAX_VALIDITY_YEARS) - timedelta(days=1)
        if valid_until > latest:
            raise InvalidValue("rules.visas.d_visa_too_long", max_years=D_VISA_MAX_VALIDITY_YEARS, latest=latest)


def extension_allowed_until(stays: Iterable[tuple[date, date | None]], entry: date, ground) -> date | None:
    """The last day an extended C visa may cover (Visa Code Art. 33), or None when the 90/180 limit does not
    bind: force majeure and humanitarian reasons (Art. 33(1)) allow a stay beyond it (verify); serious
    personal reasons (Art. 33(2)) stay within 90 days in 180."""
    ground = ExtensionGround(ground)
    if ground in (ExtensionGround.FORCE_MAJEURE, ExtensionGround.HUMANITARIAN):
        return None
    return last_day_of_stay(stays, entry)


# --- life cycle -----------------------------------------------------------------------------------


class Status(StrEnum):
    APPLIED = "applied"
    ISSUED = "issued"
    REFUSED = "refused"
    EXTENDED = "extended"
    ANNULLED = "annulled"
    REVOKED = "revoked"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    ISSUE = "issue"
    REFUSE = "refuse"
    EXTEND = "extend"
    ANNUL = "annul"
    REVOKE = "revoke"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"
    NOTIFY = "notify"  # the refusal notified (when it was not at the decision)
    CONTEST = "contest"  # the refusal contested (Visa Code Art. 32(3); APL s. 79(1))


S, A = Status, Action
_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.APPLIED, A.ISSUE): S.ISSUED,
    (S.APPLIED, A.REFUSE): S.REFUSED,
    # the refusal stands while it is contested; the case stays closed
    (S.REFUSED, A.NOTIFY): S.REFUSED,
    (S.REFUSED, A.CONTEST): S.REFUSED,
    (S.APPLIED, A.WITHDRAW): S.WITHDRAWN,
    (S.ISSUED, A.EXTEND): S.EXTENDED,
    (S.ISSUED, A.ANNUL): S.ANNULLED,
    (S.ISSUED, A.REVOKE): S.REVOKED,
    (S.ISSUED, A.EXPIRE): S.EXPIRED,
    (S.EXTENDED, A.ANNUL): S.ANNULLED,
    (S.EXTENDED, A.REVOKE): S.REVOKED,
    (S.EXTENDED, A.EXPIRE): S.EXPIRED,
}
del S, A

MACHINE = StateMachine("visas", _TRANSITIONS, Status.APPLIED)
INITIAL_STATUS = Status.APPLIED
TERMINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.REFUSED, Status.ANNULLED, Status.REVOKED, Status.EXPIRED, Status.WITHDRAWN})


@dataclass(frozen=True)
class VisaFacts:
    category: Category
    entries: Entries = Entries.SINGLE
    valid_from: date | None = None
    valid_until: date | None = None
    days_of_stay: int | None = None
    entered_on: date | None = None  # the current stay's entry
    exited_on: date | None = None
    previous_stays: tuple[tuple[date, date | None], ...] = ()  # earlier short stays (not on a permit / D visa)
    annulled_on: date | None = None
    applied_on: date | None = None  # the application for the visa or its extension (APL s. 64(1))
    decided_on: date | None = None
    refusal_notified_on: date | None = None  # a refusal's notification: its contest period runs from it
    contested_on: date | None = None


def deadlines(facts: VisaFacts, today: date) -> list[ComputedDeadline]:
    """The end of validity and, for a C visa in use, the last day allowed by the 90/180 rule."""
    out: list[ComputedDeadline] = []
    moot = facts.annulled_on is not None
    if facts.applied_on is not None:  # pending, then met or missed by the decision
        out.append(computed(R_DECISION, "rules.anchor.applied", facts.applied_on,
                            apl_period(facts.applied_on, months=DECISION_MONTHS), done_on=facts.decided_on,
                            today=today, moot=moot and facts.decided_on is None))
    out += contest_deadline(R_CONTEST, facts.refusal_notified_on, facts.contested_on, today)
    if facts.valid_from is not None and facts.valid_until is not None:
        done = facts.exited_on if facts.entered_on is not None else None
        out.append(computed(R_VALIDITY_END, "rules.anchor.valid_from", facts.valid_from, facts.valid_until,
                            done_on=done, today=today, moot=moot or facts.entered_on is None and today > facts.valid_until))
    if Category(facts.category) == Category.C and facts.entered_on is not None:
        try:
            last = last_day_of_stay(facts.previous_stays, facts.entered_on)
        except InvalidValue:
            last = facts.entered_on - timedelta(days=1)
        out.append(computed(R_90_180, "rules.anchor.entered", facts.entered_on, max(last, facts.entered_on - timedelta(days=1)),
                            done_on=facts.exited_on, today=today, moot=moot))
    return out
