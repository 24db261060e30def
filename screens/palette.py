"""The command palette (ctrl+p): commands depend on the screen it was opened on (the posting way)."""
from __future__ import annotations

import re
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from desk.i18n import t
from screens.widgets.plain import highlight, palette_help

CASE_NUMBER = re.compile(r"\b([A-Za-z]{3})-(\d{4})-(\d{1,6})\b")


def case_number_in(text: str) -> str | None:
    """A case number typed in the palette ("open pat-2026-42" -> "PAT-2026-000042")."""
    match = CASE_NUMBER.search(text or "")
    if not match:
        return None
    prefix, year, seq = match.groups()
    return f"{prefix.upper()}-{year}-{int(seq):06d}"


def case_number_provider():
    """screens.search.CaseNumberProvider, when the search screen is installed."""
    try:
        from screens.search import CaseNumberProvider
    except ImportError:
        return None
    return CaseNumberProvider


class DeskCommands(Provider):
    """Global commands (lock, log out, help, language) plus the current screen's own."""

    def _commands(self):
        return list(self.app.palette_commands(self.screen))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(highlight(None, command.title), command.callback, text=command.title,
                               help=palette_help(command.help))

    async def search(self, query: str) -> Hits:
        number = case_number_in(query)
        # with the search service present, CaseNumberProvider offers (partial) numbers, role-filtered
        if number and getattr(self.app, "actor", None) is not None and case_number_provider() is None:
            yield Hit(1.0, highlight(None, t("ui.palette.open_case", number=number)),
                      partial(self.app.open_case_number, number), text=t("ui.palette.open_case", number=number),
                      help=palette_help(t("ui.palette.open_case_help")))
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, highlight(matcher, command.title), command.callback, text=command.title,
                          help=palette_help(command.help))
