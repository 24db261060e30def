"""Textual's own commands are back in the palette beside desk's, in the officer's language (issue 18 point 2):
the theme switcher, the keys panel, a screenshot, and quitting the desk's own way."""
from __future__ import annotations

from screens.app import DeskApp
from tests.ui.conftest import log_in


async def test_the_system_commands_are_offered_in_latvian_and_english(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Tēma", "Taustiņi", "Ekrānuzņēmums", "Beigt darbu"]
        await pilot.press("f9")  # English
        await pilot.pause()
        assert [c.title for c in app.get_system_commands(app.screen)] == ["Theme", "Keys", "Screenshot", "Quit"]
        theme = next(c for c in app.get_system_commands(app.screen) if c.title == "Theme")
        theme.callback()  # the theme switcher opens (Textual's own), and desk's CSS takes any theme
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        assert app.theme == "textual-light"
