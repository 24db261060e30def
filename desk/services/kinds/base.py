"""What every case kind module provides (``KindAdapter``) and the pieces they share.

A kind module describes one case kind completely: its registration form and the checks across its
fields, how a registration becomes a detail row (``create`` -> ``Created``), the form of each
life-cycle action and the pure ``apply`` that turns the action's values into changes of the detail row
(``ActionDef.apply`` -> ``Applied``), the facts it hands to its rules module, the dates it derives,
where its decision or outcome is recorded (``Outcome``, declared in desk.services.decisions for the
daily report), the extra lines of its case file and the cases it is linked to.
``desk.services.casework`` runs the generic register / perform; the scale seed applies the same
``apply`` along its generated paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import ModuleType
from typing import Any, Callable, ClassVar, Mapping, Protocol, runtime_checkable

from sqlmodel import SQLModel

from desk.errors import DomainError, FormInvalid, NotFound, ValidationError
from desk.i18n import t
from desk.rules import eligibility
from desk.services import casecore, decisions
from desk.services.decisions import Outcome
from desk.services.forms import FieldSpec, FieldType, FormSpec
from desk.services.labels import DetailLine, field_label
from desk.services.persons import get_person
from models import Case, CaseKind, Country, Person

F = FieldType
Errors = dict[str, DomainError]


def field_spec(name: str, type_: FieldType = F.TEXT, *, required: bool = False, choices=(),
               label: str | None = None, **kw) -> FieldSpec:
    choice_specs = tuple((c, f"casework.choice.{name}.{c}") for c in choices)
    return FieldSpec(name, label or f"casework.field.{name}", type_, required=required, choices=choice_specs, **kw)


def date_field(name: str, required: bool = True) -> FieldSpec:
    return field_spec(name, F.DATE, required=required)


def reason_field(kind: str, choices, required: bool = False) -> FieldSpec:
    # stored as the decision_reason reference code "<kind>.<reason>" (seed.reference.DECISION_REASONS)
    return FieldSpec("reason", "casework.field.reason", F.CHOICE, required=required,
                     choices=tuple((f"{kind}.{c}", f"casework.reason.{kind}.{c}") for c in choices))


def field_error(field_name: str, key: str, **params) -> FormInvalid:
    return FormInvalid({field_name: ValidationError(key, field=field_name, **params)})


def order(values: Mapping, earlier: str, later: str) -> Errors:
    a, b = values.get(earlier), values.get(later)
    if a and b and b < a:
        return {later: ValidationError("error.date_order", field=later, earlier=field_label(earlier),
                                       later=field_label(later))}
    return {}


def person_exists(uow, values: Mapping, name: str = "person_id") -> Errors:
    pid = values.get(name)
    if pid is None:
        return {}
    try:
        get_person(uow, pid)
    except NotFound as exc:
        exc.field = name
        return {name: exc}
    return {}


def nationality_of(uow, person_id) -> eligibility.Nationality | None:
    """What the reference data says of the person's citizenship (None: no such person, reported elsewhere)."""
    person = uow.session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None:
        return None
    country = uow.session.get(Country, person.citizenship)
    return eligibility.Nationality(person.citizenship, bool(country and country.eu_member),
                                   bool(country and country.dublin_partner))


def refusal_error(field_name: str, refusal: eligibility.Refusal, nationality=None) -> ValidationError:
    """A ``desk.rules.eligibility`` refusal as the field's error: why, and the article it comes from."""
    return ValidationError(f"eligibility.{refusal}", field=field_name, article=eligibility.ARTICLES[refusal],
                           citizenship=nationality.code if nationality is not None else "")


def case_by_number(uow, number: str | None, kind: str, name: str) -> Case | None:
    """The case a registration refers to by number (a Dublin request's asylum case, a permit's sponsor)."""
    if not number:
        return None
    try:
        case = casecore.case_by_number(uow, number)
    except NotFound as exc:
        raise FormInvalid({name: NotFound(exc.key, field=name, **exc.params)}) from None
    if case.kind != kind:
        raise field_error(name, "casework.wrong_case_kind", kind=t(f"kind.{kind}"))
    return case


def rule_error_as_form(exc, default_field: str) -> FormInvalid:
    """A rules module's ``RuleError`` (an impossible validity, a missing anchor date) as a field error."""
    name = exc.params.get("field") or default_field
    return FormInvalid({name: ValidationError(exc.key, field=name,
                                              **{k: v for k, v in exc.params.items() if k != "field"})})


# --- what create and apply return ------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    """A registration turned into rows: the case's person, opening day and first status, the detail row's
    columns, and the persons an invitation names (their ``InvitedPerson`` rows)."""

    person_id: int
    opened_on: date
    status: str
    detail: dict[str, Any]
    invited_person_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Applied:
    """What one action changes: detail columns, the day that becomes ``closed_on`` when the action ends
    the case (None: the latest date given), and values kept only in the audit entry."""

    changes: dict[str, Any]
    closes_on: date | None = None
    audit_only: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ActionContext:
    """What an ``apply`` may know beyond the row and the values: the day, and the rules' facts of a row."""

    today: date
    facts: Callable[[Mapping[str, Any]], Any]


Hook = Callable[[Mapping[str, Any], Mapping[str, Any], ActionContext], Mapping[str, Any] | None]


@dataclass(frozen=True)
class ActionDef:
    """What one life-cycle action asks for and what it changes on the detail row.

    ``columns`` maps a form field to the detail column it fills (same name if absent; "" for the day the
    case ends, which becomes ``closed_on``; "-" for a value kept only in the audit entry); ``sets`` are
    constant values written; ``hook(row, values, ctx)`` sees the row with those changes, returns more
    changes and may raise ``FormInvalid``; ``future_ok`` names date fields that may lie ahead."""

    fields: tuple[FieldSpec, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    sets: dict[str, Any] = field(default_factory=dict)
    hook: Hook | None = None
    future_ok: frozenset[str] = frozenset()
    closes_with: str | None = None  # the field whose day ends the case (else the latest date given)

    def apply(self, row: Mapping[str, Any], values: Mapping[str, Any], ctx: ActionContext) -> Applied:
        """Pure: the changes of the detail ``row`` (a mapping of its columns) for the parsed ``values``."""
        changes: dict[str, Any] = {}
        closes_on = None
        audit_only: dict[str, Any] = {}
        for name, value in values.items():
            column = self.columns.get(name, name)
            if column == "":
                closes_on = value
            elif column == "-":
                audit_only[name] = value
            else:
                changes[column] = value
        changes.update(self.sets)
        if self.closes_with is not None:
            closes_on = values.get(self.closes_with) or closes_on
        if self.hook:
            changes.update(self.hook({**row, **changes}, values, ctx) or {})
        return Applied(changes, closes_on, audit_only)


def action_context(uow, spec: "KindAdapter", case: Case, today: date) -> ActionContext:
    """The context ``apply`` runs in for ``case`` on ``today``: the case's facts of a (changed) row. Used by
    ``casework.perform`` and by the scale seed, so both apply an action the same way."""
    return ActionContext(today, facts=lambda r: spec.facts(uow, case, spec.model(**r)))


def ends_case(spec: "KindAdapter", before: str, after: str) -> bool:
    """Whether an action taking a case from ``before`` to ``after`` ends it: it enters a final status (an
    action that records a fact of a final status, such as a contest of a refusal that stands, does not
    move the day the case ended)."""
    return after in spec.terminal and before not in spec.terminal


def closing_day(applied: Applied, values: Mapping[str, Any], today: date) -> date:
    """The day a case ends when an action brings it to a final status: the action's own ending day, else
    the latest date it was given, else the day it was recorded."""
    dates = [v for v in values.values() if isinstance(v, date)]
    return applied.closes_on or (max(dates) if dates else today)


def _notified_after_decision(row, values, ctx):
    errors = order(values, "decided_on", "notified_on")
    if errors:
        raise FormInvalid(errors)
    return None


def _contested_after_notification(row, values, ctx):
    errors = order({"notified_on": row.get("notified_on"), "contested_on": values.get("contested_on")},
                   "notified_on", "contested_on")
    if errors:
        raise FormInvalid(errors)
    return None


def refusal(*fields: FieldSpec, **kw) -> ActionDef:
    """A permit's, visa's or invitation's refusal: its decision day ends the case; its notification (now
    or by ``NOTIFY_REFUSAL`` later) opens the contest period (desk.rules.contest: APL ss. 70(1), 79(1))."""
    return ActionDef((date_field("decided_on"), *fields, date_field("notified_on", False)),
                     closes_with="decided_on", hook=_notified_after_decision, **kw)


# the refusal's notification when it came after the decision, and the refusal contested (it still stands)
NOTIFY_REFUSAL = ActionDef((date_field("notified_on"),),
                           hook=lambda row, values, ctx: _notified_after_decision(
                               {}, {"decided_on": row.get("decided_on"), **values}, ctx))
CONTEST_REFUSAL = ActionDef((date_field("contested_on"),), hook=_contested_after_notification)

# an action the rules added that has no form of its own yet: record the day it happened
RECORD_DAY = ActionDef((date_field("on"),), columns={"on": ""})


@runtime_checkable
class KindAdapter(Protocol):
    """One case kind, completely. ``desk.services.kinds.KINDS`` holds one per ``CaseKind``."""

    kind: CaseKind
    model: type[SQLModel]
    rules: ModuleType
    form: FormSpec
    actions: Mapping[str, ActionDef]
    hidden: frozenset[str]
    register_future_ok: frozenset[str]
    shows_schengen: bool  # the case file shows the person's Schengen 90/180 position
    starts_dublin_requests: bool  # an open case of this kind may get a Dublin request made for it
    names_several_persons: bool  # the registration names persons (``person_ids``), not one ``person_id``

    def needs_person(self, raw: Mapping[str, Any]) -> bool:
        """Whether a registration (raw values, as an import line holds them) must name its person."""
        ...

    @property
    def initial_status(self) -> str: ...

    @property
    def terminal(self) -> frozenset[str]: ...

    def first_status(self, row: Mapping[str, Any]) -> str:
        """The status a case registered with this detail row starts in."""
        ...

    def checks(self, uow, values: Mapping[str, Any]) -> Errors: ...

    def create(self, uow, actor, values: Mapping[str, Any]) -> Created: ...

    def allowed(self, status: str, row: Mapping[str, Any]) -> list[str]: ...

    def next_status(self, status: str, action: str, row: Mapping[str, Any]) -> str: ...

    def action(self, name: str) -> ActionDef: ...

    def facts(self, uow, case: Case, detail) -> Any: ...

    def derived(self, uow, case: Case, detail) -> dict[str, Any]: ...

    def outcome(self) -> Outcome: ...

    def initial_values(self, uow, person_id) -> dict[str, Any]: ...

    def detail_lines(self, uow, case: Case, lines: list[DetailLine]) -> list[DetailLine]: ...

    def related_case_ids(self, uow, case: Case) -> list[int]: ...

    def follow_ups(self, uow, case: Case, action: str, detail) -> list[FollowUp]: ...


@dataclass(frozen=True)
class FollowUp:
    """An action the law makes follow on a linked case (a completed Dublin transfer ends the asylum
    application): done by the same officer in the same transaction, audited with its cause."""

    case_id: int
    action: str
    raw: Mapping[str, Any]


class Kind:
    """Defaults shared by the kind modules: the life cycle is the rules' ``MACHINE``; no derived dates,
    no extra file lines, no linked cases. A kind module subclasses it and fills in the rest."""

    kind: ClassVar[CaseKind]
    model: ClassVar[type[SQLModel]]
    rules: ClassVar[ModuleType]
    form: ClassVar[FormSpec]
    actions: ClassVar[Mapping[str, ActionDef]]
    hidden: ClassVar[frozenset[str]] = frozenset()
    register_future_ok: ClassVar[frozenset[str]] = frozenset()
    shows_schengen: ClassVar[bool] = False
    starts_dublin_requests: ClassVar[bool] = False
    names_several_persons: ClassVar[bool] = False

    def needs_person(self, raw) -> bool:
        return True

    @property
    def initial_status(self) -> str:
        return str(self.rules.INITIAL_STATUS)

    @cached_property
    def terminal(self) -> frozenset[str]:
        return decisions.terminal(self.kind)

    def outcome(self) -> Outcome:
        """Where the kind's decision is recorded, for the daily report (declared in desk.services.decisions)."""
        return decisions.OUTCOMES[self.kind]

    def first_status(self, row) -> str:
        return self.initial_status

    def checks(self, uow, values) -> Errors:
        return person_exists(uow, values)

    def allowed(self, status: str, row) -> list[str]:
        return [str(a) for a in self.rules.MACHINE.allowed(status)]  # one life cycle (Dublin overrides)

    def next_status(self, status: str, action: str, row) -> str:
        return str(self.rules.MACHINE.apply(status, action))

    def action(self, name: str) -> ActionDef:
        return self.actions.get(name, RECORD_DAY)

    def derived(self, uow, case: Case, detail) -> dict[str, Any]:
        return {}

    def initial_values(self, uow, person_id) -> dict[str, Any]:
        """Values the registration form opens with for this person (none by default)."""
        return {}

    def detail_lines(self, uow, case: Case, lines: list[DetailLine]) -> list[DetailLine]:
        return lines

    def related_case_ids(self, uow, case: Case) -> list[int]:
        return []

    def follow_ups(self, uow, case: Case, action: str, detail) -> list[FollowUp]:
        """What ``action`` on ``case`` makes happen on a linked case, in the same transaction."""
        return []
