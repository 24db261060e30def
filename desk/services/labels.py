"""Vocabulary: the words of case work (kinds, statuses, actions, fields, stored values) from the catalogues.

The lowest tier of the services: it depends on ``desk.i18n`` only, so the write side (``kinds``,
``casework``) and the read models (``views``, ``report``) can all use it without importing each other.
"""
from __future__ import annotations

from datetime import date

from desk.i18n import has, t

# The rules module of each case kind: the catalogue keys of statuses and actions use its name
# (status.returns.issued for kind "return"). desk.services.kinds checks it against its registry.
RULES_NAME = {"asylum": "asylum", "dublin": "dublin", "permit": "permits", "visa": "visas",
              "invitation": "invitations", "return": "returns"}


def kind_label(kind: str) -> str:
    return t(f"kind.{kind}")


def rules_name(kind: str) -> str:
    return RULES_NAME.get(kind, kind)


def status_key(kind: str, status: str) -> str | None:
    """The catalogue key of a status: the rules' own label if the rules catalogue has one, else ours."""
    module = rules_name(kind)
    for key in (f"status.{module}.{status}", f"status.{kind}.{status}", f"rules.status.{kind}.{status}",
                f"casework.status.{kind}.{status}"):
        if has(key):
            return key
    return None


def status_label(kind: str, status: str) -> str:
    """The status as a word (the status itself where the catalogues have no word for it)."""
    key = status_key(kind, status)
    return t(key) if key else status


def action_title_key(kind: str, action: str) -> str:
    """The rules' label key for an action where the rules catalogue defines one, else ours."""
    for key in (f"action.{rules_name(kind)}.{action}", f"rules.action.{kind}.{action}", f"action.{kind}.{action}"):
        if has(key):
            return key
    return f"casework.action.{kind}.{action}"


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
