"""Vocabulary: the words of case work (kinds, statuses, actions, fields, stored values) from the catalogues.

The lowest tier of the services: it depends on ``desk.i18n`` only, so the write side (``kinds``,
``casework``) and the read models (``views``, ``report``) can all use it without importing each other.

The read models return codes, enums, dates and the structured parts below (``DetailLine``, the history's
``FieldChanged`` ...); the screens and the command line turn them into words with these functions when they
draw, in the language of the moment, so switching language redraws without reading the store again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desk.i18n import get_language, has, t

# The rules module of each case kind: the catalogue keys of statuses and actions use its name
# (status.returns.issued for kind "return"). desk.services.kinds checks it against its registry.
RULES_NAME = {"asylum": "asylum", "dublin": "dublin", "permit": "permits", "visa": "visas",
              "invitation": "invitations", "return": "returns"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def label_key(member: Enum) -> str:
    """The one catalogue key of an enum member, derived from the member: its class in snake case, the
    rules module it belongs to, its value - ``status.dublin.sent`` for ``desk.rules.dublin.Status.SENT``,
    ``deadline_state.missed`` for ``desk.rules.common.DeadlineState.MISSED`` (shared by every kind)."""
    cls = type(member)
    package, _, module = cls.__module__.rpartition(".")
    if package == "desk.rules" and module != "common":
        return f"{_snake(cls.__name__)}.{module}.{member.value}"
    return f"{_snake(cls.__name__)}.{member.value}"


def label(member: Enum) -> str:
    """An enum member as a word in the current language (``label(dublin.Status.SENT)``)."""
    return t(label_key(member))


def kind_label(kind: str) -> str:
    return t(f"kind.{kind}")


def rules_name(kind: str) -> str:
    return RULES_NAME.get(kind, kind)


def status_key(kind: str, status: str) -> str | None:
    """The catalogue key of a stored status code: the key of its member of the kind's rules ``Status``
    (``label_key``); None for a code no rules module knows."""
    key = f"status.{rules_name(kind)}.{status}"
    return key if has(key) else None


def status_label(kind: str, status: str) -> str:
    """A stored status code as a word; a code no rules module knows shows as it is."""
    key = status_key(kind, status)
    return t(key) if key else status


def action_title_key(kind: str, action: str) -> str:
    """The key of an action's member of the kind's rules ``Action`` (``label_key``)."""
    return f"action.{rules_name(kind)}.{action}"


def action_label(kind: str, action: str) -> str:
    key = action_title_key(kind, action)
    return t(key) if has(key) else action


def field_label(name: str) -> str:
    key = f"casework.field.{name}"
    return t(key) if has(key) else name


def display_value(value, name: str | None = None) -> str:
    """A stored value as an officer reads it: dates DD.MM.YYYY, yes/no, choice codes as words."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return t("casework.yes") if value else t("casework.no")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":  # ISO date from the audit trail
            try:
                return date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        if name == "reason_code":
            key = f"casework.reason.{value}"
            return t(key) if has(key) else value
        if name:
            key = f"casework.choice.{name}.{value}"
            if has(key):
                return t(key)
    return str(value)


# --- what the read models hand the screens, and its words ------------------------------------------------

Stored = str | int | float | bool | date | list | None  # a value as the store or the audit trail holds it


@dataclass(frozen=True)
class CountryNames:
    """A country of the reference table, named in both languages."""

    code: str
    name_lv: str
    name_en: str


@dataclass(frozen=True)
class DetailLine:
    """One line of a case's details: the field (its label is ``casework.field.<name>``) and its stored
    value (a code, a date, yes/no), or data shown as it is (a case number, names) when ``data``."""

    name: str
    value: Stored
    data: bool = False
    country: CountryNames | None = None


def country_text(country: CountryNames) -> str:
    """"Vācija (DEU)" in the officer's language."""
    return f"{country.name_en if get_language() == 'en' else country.name_lv} ({country.code})"


def detail_text(line: DetailLine) -> tuple[str, str]:
    """(label, value) as the case file shows the line."""
    if line.country is not None:
        shown = country_text(line.country)
    elif line.data:
        shown = "" if line.value is None else str(line.value)
    else:
        shown = display_value(line.value, line.name)
    return field_label(line.name), shown


@dataclass(frozen=True)
class FieldChanged:
    """A field of the case changed in a step (the audit trail's ``changes``)."""

    name: str
    before: Stored
    after: Stored


@dataclass(frozen=True)
class OwnerChanged:
    """The case was handed to another officer (usernames)."""

    before: str
    after: str


@dataclass(frozen=True)
class DeadlineMoved:
    """A recompute moved a deadline (``after`` None: the deadline is gone)."""

    title_key: str
    before: date | None
    after: date | None


@dataclass(frozen=True)
class CausedBy:
    """The step followed from a step on the linked case ``number``."""

    number: str


@dataclass(frozen=True)
class BecauseOf:
    """The reason the audit entry names (a catalogue key)."""

    reason_key: str


@dataclass(frozen=True)
class NoteWritten:
    """A note on the case: its number, its text, the note it corrects."""

    id: int
    text: str
    corrects_id: int | None = None


HistoryPart = FieldChanged | OwnerChanged | DeadlineMoved | CausedBy | BecauseOf | NoteWritten


def note_summary(note_id: int, text: str, corrects_id: int | None) -> str:
    """The note as the history shows it: "Nr. 3: text (labo piezīmi Nr. 1)"."""
    shown = f"{t('notes.number', id=note_id)}: {text}"
    return f"{shown} ({t('notes.corrects_summary', id=corrects_id)})" if corrects_id else shown


def _part_text(kind: str, part: HistoryPart) -> str:
    if isinstance(part, FieldChanged):
        def shown(value):
            if part.name == "status" and isinstance(value, str):
                return status_label(kind, value)
            return display_value(value, part.name)

        before, after, name = shown(part.before), shown(part.after), field_label(part.name)
        return f"{name}: {before} → {after}" if before else f"{name}: {after}"
    if isinstance(part, OwnerChanged):
        return f"{t('casework.field.owner')}: {part.before} → {part.after}"
    if isinstance(part, DeadlineMoved):
        title = t(part.title_key)
        before = display_value(part.before, "due_on")
        after = display_value(part.after, "due_on") if part.after else t("rules.recompute.gone")
        return f"{title}: {before} → {after}" if before else f"{title}: {after}"
    if isinstance(part, CausedBy):
        return t("casework.history.cause", number=part.number)
    if isinstance(part, BecauseOf):
        return t(part.reason_key) if has(part.reason_key) else ""
    return note_summary(part.id, part.text, part.corrects_id)


def history_summary(kind: str, parts) -> str:
    """What a history entry of a case of ``kind`` changed, in the officer's words."""
    return "; ".join(text for text in (_part_text(kind, p) for p in parts) if text)


def history_action_label(kind: str, action: str) -> str:
    """The audit action of a history entry as a word: the audit's own label, else the action's title."""
    key = f"casework.audit.{action}"
    if has(key):
        return t(key)
    if action.startswith("case.") and has(action_title_key(kind, action[5:])):
        return t(action_title_key(kind, action[5:]))
    return action
