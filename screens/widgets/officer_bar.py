"""The header line: who is working, in which office, today's date in Riga, and where they are."""
from __future__ import annotations

from screens.widgets.plain import Static

from desk import clock
from desk.i18n import t


class OfficerBar(Static):
    """Officer's full name, office code, today's date (Europe/Riga, DD.MM.YYYY) and the screen's title."""

    def __init__(self, title_key: str, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.title_key = title_key

    def on_mount(self) -> None:
        self.redraw()
        self.set_interval(60, self.redraw)

    def redraw(self) -> None:
        actor = getattr(self.app, "actor", None)
        today = clock.today().strftime("%d.%m.%Y")
        parts = [t(self.title_key)]
        if actor is not None:
            parts += [actor.full_name, actor.office_code]
        parts.append(today)
        self.update("  │  ".join(parts))
