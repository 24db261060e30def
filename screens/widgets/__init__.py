"""Small widgets shared by the screens.

The names are loaded on first use (PEP 562): ``screens.widgets.plain`` is imported by the login screen,
and importing this package must not pull in the services (``states`` reads the view enums) before the
first screen is drawn (issue 17, cold start).
"""
from __future__ import annotations

import importlib

_HOMES = {"OfficerBar": "officer_bar", "state_text": "states", "KeyedTable": "tables", "sync_rows": "tables"}

__all__ = ["OfficerBar", "KeyedTable", "state_text", "sync_rows"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f"screens.widgets.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'screens.widgets' has no attribute {name!r}")
