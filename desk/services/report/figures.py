"""What the day's report holds: frozen figures built inside the unit of work, codes and dates only.

The lowest module of the report package: the queries fill these, the checks read them, the layout
turns them into rows. Nothing here is translated; the renderers put words on the codes in the
language they are given.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from desk.services.decisions import OUTCOMES as _DECISIONS
from models import CaseKind

FORMAT_VERSION = 1
KINDS: tuple[str, ...] = tuple(k.value for k in CaseKind)
REQUEST_KINDS = ("take_charge", "take_back", "information")
REGIMES = ("dublin_iii", "ammr")
REPLY_OUTCOMES = ("accepted", "rejected")
RETURN_KINDS = ("voluntary", "forced")
# The outcomes every report lists (with 0 when none), per kind, so that the keys are stable
# (desk.services.decisions says where each kind's outcome is recorded).
OUTCOMES: dict[str, tuple[str, ...]] = {kind: _DECISIONS[CaseKind(kind)].listed for kind in KINDS}
ALL_OFFICES = "all"
WITHIN_DAYS = 7
STATS_DAYS = 30

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class KindFigures:
    kind: str
    open_yesterday: int
    registered: int
    closed: int
    open_end_of_day: int
    decided: tuple[tuple[str, int], ...]  # (outcome, count), outcomes sorted

    @property
    def decided_total(self) -> int:
        return sum(n for _o, n in self.decided)


@dataclass(frozen=True)
class DublinFigures:
    received: tuple[tuple[str, str, int], ...]  # (request kind, regime, count), every pair present
    sent: tuple[tuple[str, str, int], ...]
    replies_given: tuple[tuple[str, int], ...]  # (accepted|rejected, count)
    replies_received: tuple[tuple[str, int], ...]
    tacit_acceptances: int
    transfers_done: int
    extensions: int


@dataclass(frozen=True)
class ReturnFigures:
    decisions: tuple[tuple[str, int], ...]  # (voluntary|forced, count)
    entry_bans: int


@dataclass(frozen=True)
class DeadlineItem:
    case_number: str
    kind: str
    rule_id: str
    article: str
    anchor_date: date
    due_on: date
    state: str
    owner: str
    personal_code: str  # masked unless the officer asked otherwise; "" when the person has none
    title_key: str = ""  # the rule's name in the catalogue (what the exports show instead of rule_id)


@dataclass(frozen=True)
class OfficerActivity:
    username: str
    full_name: str
    actions: tuple[tuple[str, int], ...]  # (audit action, count), sorted by action

    @property
    def total(self) -> int:
        return sum(n for _a, n in self.actions)


@dataclass(frozen=True)
class DailyReport:
    day: date
    office_code: str | None  # None: every office
    for_officer: str | None
    generated_at: datetime  # aware; shown in Europe/Riga
    generated_by: str
    personal_codes_shown: bool
    kinds: tuple[KindFigures, ...]
    dublin: DublinFigures
    returns: ReturnFigures
    missed: tuple[DeadlineItem, ...]
    next_working_day: date
    due_next_working_day: tuple[DeadlineItem, ...]
    due_within_7_days: tuple[DeadlineItem, ...]
    activity: tuple[OfficerActivity, ...]

    def kind(self, kind: str) -> KindFigures:
        return next(k for k in self.kinds if k.kind == kind)


@dataclass(frozen=True)
class Scope:
    """Whose work the report covers: one office (or all) and, optionally, one officer's cases."""

    office_id: int | None
    office_code: str | None
    officer_id: int | None
    officer_username: str | None


@dataclass(frozen=True)
class Statistics:
    """The work in figures over the ``days`` days ending ``today`` (inclusive), for the actor's scope."""

    today: date
    days: tuple[date, ...]  # oldest first
    office_code: str | None
    registrations: tuple[tuple[str, tuple[int, ...]], ...]  # (kind, count per day aligned with ``days``)
    decisions: tuple[tuple[str, str, int], ...]  # (kind, outcome, count) over the period
    deadlines_met: tuple[int, ...]  # per day (by due date)
    deadlines_missed: tuple[int, ...]

    @property
    def total_registrations(self) -> int:
        return sum(sum(counts) for _k, counts in self.registrations)
