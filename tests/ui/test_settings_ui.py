"""The app applies the officer's settings file (issue 18 point 1) and says, one line each, what it ignored."""
from __future__ import annotations

from desk.i18n import set_language
from screens.app import DeskApp
from tests.ui.conftest import log_in, settle


async def test_the_app_applies_the_settings_and_says_what_it_ignored(tmp_path, ui_store, monkeypatch):
    monkeypatch.delenv("DESK_LANG", raising=False)
    path = tmp_path / "config.toml"
    path.write_text('language = "en"\ntheme = "textual-light"\ncolour = "red"\n[keys]\n"app.search" = "ctrl+k"\n',
                    encoding="utf-8")
    app = DeskApp(store=ui_store, settings_file=path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert [n.message for n in app._notifications] == ["Settings: unknown entry “colour”; ignored."]
        await log_in(pilot, "asylum")
        await pilot.press("ctrl+k")  # the search, moved off "/" by the keymap
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"
    set_language("lv")
