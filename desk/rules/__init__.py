"""desk.rules: pure workflow rules, one module per case kind, plus ``calendar`` for legal periods.

Pure Python: stdlib, python-dateutil and holidays only. Never imports textual, sqlmodel, sqlalchemy or
any other part of desk.
"""
from __future__ import annotations

import importlib

from desk.rules.common import Rule

CASE_MODULES: tuple[str, ...] = ("dublin", "asylum", "permits", "visas", "invitations", "returns")


def all_rules() -> dict[str, Rule]:
    """Every named rule of every case module, by rule id."""
    merged: dict[str, Rule] = {}
    for name in CASE_MODULES:
        module = importlib.import_module(f"desk.rules.{name}")
        for rule_id, rule in module.RULES.items():
            if rule_id in merged and merged[rule_id] != rule:
                raise RuntimeError(f"rule id {rule_id!r} defined twice")
            merged[rule_id] = rule
    return merged
