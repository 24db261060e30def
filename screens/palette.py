"""The command palette (ctrl+p): commands depend on the screen it was opened on (the posting way)."""
from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.widgets.plain import highlight, palette_help


class DeskCommands(Provider):
    """Global commands (lock, log out, help, language) plus the current screen's own; case numbers are
    ``screens.search.CaseNumberProvider``'s."""

    def _commands(self):
        return list(self.app.palette_commands(self.screen))

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(highlight(None, command.title), command.callback, text=command.title,
                               help=palette_help(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, highlight(matcher, command.title), command.callback, text=command.title,
                          help=palette_help(command.help))
