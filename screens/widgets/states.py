"""A deadline's state as the officer sees it in a table cell (the worklist, a case's deadlines)."""
from __future__ import annotations

from rich.text import Text

from desk.rules.common import DeadlineState
from desk.services.views import DueState

ALARM = (DueState.OVERDUE, DeadlineState.MISSED)


def state_text(state: DeadlineState | DueState | None, text: str, app) -> Text:
    """Overdue and missed in the theme's error colour; due today in bold."""
    if state in ALARM:
        return Text(text, style=f"bold {app.theme_variables.get('error', 'red')}")
    if state is DueState.TODAY:
        return Text(text, style=f"bold {app.theme_variables.get('warning', 'yellow')}")
    return Text(text)
