"""The shared vocabulary of every rules module: errors, named rules, computed deadlines and a small
explicit state machine.

Pure Python (stdlib only). The services layer stores each :class:`ComputedDeadline` as a row (rule id,
article, anchor date, due date, state) and recomputes after every event, so everything here is a frozen
value that can be compared and stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class RuleError(Exception):
    """Base for errors a person can cause, raised by rules. ``key`` is an i18n catalogue key
    (``desk/i18n/rules_catalog.py``); ``params`` fill the message's ``str.format`` placeholders."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(key)


class TransitionRefused(RuleError):
    """An action that the life cycle does not allow from the current status.
    Key ``rules.transition_refused``; params ``state=``, ``action=`` (and ``machine=``)."""


class InvalidValue(RuleError):
    """A value the law does not allow (too long a visa, a negative period, a missing anchor date...)."""


class Counting(StrEnum):
    """How a rule's period is counted; the rule register (``desk rules``) shows it in words."""

    NO_ROLL = "no_roll"  # Reg. 604/2013 Art. 42: weekends and holidays included, the last day never moves
    ROLL_ACTOR = "roll_actor"  # Reg. 2024/1351 Art. 75(d), Reg. 2024/1348 Art. 73(c): a last day on a
    #   Saturday, Sunday or holiday of the Member State that must act moves to its next working day
    APL = "apl"  # Latvian Administrative Procedure Law ss. 42-43: moves off Latvian days off
    NONE = "none"  # a date set by the act itself (a day asked, a ban's end): not moved


@dataclass(frozen=True)
class Period:
    """A legal period as the text states it: 2 months, 1 week, 30 days, 5 years..."""

    days: int = 0
    weeks: int = 0
    months: int = 0
    years: int = 0

    def as_kwargs(self) -> dict[str, int]:
        return {"days": self.days, "weeks": self.weeks, "months": self.months + 12 * self.years}


@dataclass(frozen=True)
class Rule:
    """A named, dated time limit or legal effect.

    ``verified`` is False where DOMAIN.md says (verify) or where the number could not be confirmed
    from the official text; such rules keep their number in a named module-level constant. The
    article is a citation in the grammar of ``desk.rules.citation`` (rendered in Latvian or English
    by ``desk.i18n.citations``); it never says "verify": that is what ``verified`` is for.

    ``period``, ``anchor_key``, ``counting`` and ``regime`` describe the rule for the register; the
    register test holds them to the dates the module's functions compute.
    """

    id: str  # e.g. "dublin3.take_charge.reply"
    article: str  # e.g. "Reg. 604/2013 Art. 22(1), 22(7)"
    title_key: str  # i18n key for a short title
    consequence_key: str | None  # i18n key of what happens if missed
    applies_from: date  # in force from
    applies_until: date | None  # last day in force (None: still in force)
    verified: bool
    period: Period | None = None  # None: the date is set otherwise (a day asked, a sum of stays...)
    anchor_key: str | None = None  # i18n key of the event the period runs from
    counting: Counting = Counting.NONE
    regime: str | None = None  # e.g. "dublin_iii", "ammr", "apr", "asylum_law"

    def in_force_on(self, day: date) -> bool:
        return self.applies_from <= day and (self.applies_until is None or day <= self.applies_until)


class DeadlineState(StrEnum):
    OPEN = "open"
    MET = "met"
    MISSED = "missed"
    MOOT = "moot"  # no longer relevant (e.g. the request was withdrawn before the reply was due)


@dataclass(frozen=True)
class ComputedDeadline:
    """One deadline as an officer sees it: which rule made it, from which event, when it is due, and
    whether it was met. Answers "why is this due on that day?"."""

    rule: Rule
    anchor_event_key: str  # i18n key e.g. "rules.anchor.received"
    anchor_date: date
    due: date  # the last day on which the act is still in time
    state: DeadlineState
    done_on: date | None = None
    note_key: str | None = None  # e.g. flagged regime boundary, out-of-time request

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def article(self) -> str:
        return self.rule.article

    @property
    def consequence_key(self) -> str | None:
        return self.rule.consequence_key


def deadline_state(due: date, done_on: date | None, today: date) -> DeadlineState:
    """MET if the act was done on or before the due day; MISSED if done later, or not done and the due
    day has passed; OPEN otherwise."""
    if done_on is not None:
        return DeadlineState.MET if done_on <= due else DeadlineState.MISSED
    return DeadlineState.MISSED if today > due else DeadlineState.OPEN


def computed(
    rule: Rule,
    anchor_event_key: str,
    anchor_date: date,
    due: date,
    *,
    done_on: date | None,
    today: date,
    moot: bool = False,
    note_key: str | None = None,
) -> ComputedDeadline:
    """Build a :class:`ComputedDeadline`, deriving its state (MOOT wins when the act no longer matters
    and was not done)."""
    if moot and done_on is None:
        state = DeadlineState.MOOT
    else:
        state = deadline_state(due, done_on, today)
    return ComputedDeadline(
        rule=rule,
        anchor_event_key=anchor_event_key,
        anchor_date=anchor_date,
        due=due,
        state=state,
        done_on=done_on,
        note_key=note_key,
    )


class StateMachine:
    """An explicit life cycle: ``transitions`` maps (state, action) to the new state. Anything not
    declared is refused with :class:`TransitionRefused`."""

    def __init__(self, name: str, transitions: dict[tuple[str, str], str], initial: str):
        self.name = name
        self.transitions: dict[tuple[str, str], str] = dict(transitions)
        self.initial = initial
        states: list[str] = [initial]
        actions: list[str] = []
        for (state, action), target in self.transitions.items():
            for s in (state, target):
                if s not in states:
                    states.append(s)
            if action not in actions:
                actions.append(action)
        self._states = tuple(states)
        self._actions = tuple(actions)
        self._from: dict[str, tuple[str, ...]] = {}  # state -> its actions in declaration order
        for (state, action) in self.transitions:
            self._from[state] = (*self._from.get(state, ()), action)

    @property
    def states(self) -> tuple[str, ...]:
        return self._states

    @property
    def actions(self) -> tuple[str, ...]:
        return self._actions

    def allowed(self, state: str) -> list[str]:
        """Actions allowed from ``state``, in declaration order."""
        return list(self._from.get(state, ()))

    def can(self, state: str, action: str) -> bool:
        return (state, action) in self.transitions

    def apply(self, state: str, action: str) -> str:
        """The state after ``action``; raises :class:`TransitionRefused` if it is not allowed."""
        try:
            return self.transitions[(state, action)]
        except KeyError:
            raise TransitionRefused(
                "rules.transition_refused", state=str(state), action=str(action), machine=self.name
            ) from None

    def terminal_states(self) -> frozenset[str]:
        """States with no way out (an action that records a fact and stays, such as contesting a refusal
        that stands, is no way out)."""
        sources = {s for (s, _a), target in self.transitions.items() if target != s}
        return frozenset(s for s in self._states if s not in sources)

    def __repr__(self) -> str:
        return f"StateMachine({self.name!r}, {len(self.transitions)} transitions)"


def require(value, name: str, key: str = "rules.missing_date"):
    """Raise InvalidValue(key, field=name) when a needed fact is missing."""
    if value is None:
        raise InvalidValue(key, field=name)
    return value
