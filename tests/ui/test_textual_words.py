"""Textual's own words in the officer's language (issue 18 point 3): the palette's "No matches found", the
descriptions of Textual's bindings in the footer and the keys panel, the theme picker; F7/F8 for an officer
whose role may not say why."""
from __future__ import annotations

import hashlib
import inspect

from textual.binding import Binding
from textual.command import CommandList, CommandPalette

from desk.i18n import has, set_language
from screens.app import DeskApp
from screens.textual_words import DeskCommandPalette, in_language, textual_key
from tests.ui.conftest import log_in, settle, type_text



def _textual_classes():
    import textual.command as c
    import textual.containers as k
    import textual.screen as s
    import textual.widgets as w
    from textual.widgets._select import SelectCurrent, SelectOverlay
    from textual.widgets._tabbed_content import ContentTabs

    from screens.widgets.tables import KeyedTable

    return [KeyedTable, w.Input, w.DataTable, w.Select, SelectOverlay, SelectCurrent, w.OptionList, w.Checkbox, w.Tabs,
            ContentTabs, w.TabbedContent, w.TabPane, s.Screen, s.ModalScreen, c.CommandPalette, c.CommandInput,
            c.CommandList, k.VerticalScroll, k.ScrollableContainer, k.Vertical, k.Horizontal, k.Center, k.Grid,
            w.ProgressBar, w.Footer, w.Static, w.Label, w.KeyPanel, w.HelpPanel]


def test_every_binding_textual_shows_has_latvian_and_english_words():
    """A binding Textual adds (or rewords) in a widget desk shows fails here until it has an entry."""
    missing = set()
    for cls in _textual_classes():
        for base in cls.__mro__:
            for binding in base.__dict__.get("BINDINGS", []):
                binding = Binding(*binding) if isinstance(binding, tuple) else binding
                if binding.system or not binding.description:
                    continue
                if not has(textual_key(binding.description)):
                    missing.add(f"{base.__name__}: {binding.description!r} -> {textual_key(binding.description)}")
    assert not missing, sorted(missing)


def test_the_one_override_of_a_textual_internal_still_matches_textual():
    """DeskCommandPalette copies CommandPalette._start_no_matches_countdown with desk's words: when Textual
    changes that method, this fails, and the copy in screens/textual_words.py is to be checked again."""
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert 'Text("No matches found", style="not bold")' in source
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN"):
        assert hasattr(CommandPalette, name), name
    assert hashlib.sha256(source.encode()).hexdigest() == (
        "0bc07d1794718e89d73d75d9d5cff5123c4dde7ffc68e68ffe0b6bf133ae53f2"), "Textual changed it: check the copy"


def test_textual_bindings_read_in_the_current_language():
    from textual.binding import ActiveBinding

    shown = {"escape": ActiveBinding(None, Binding("escape", "dismiss", "Dismiss menu"), True)}
    assert in_language(shown)["escape"].binding.description == "Aizvērt izvēlni"
    set_language("en")
    assert in_language(shown)["escape"].binding.description == "Dismiss menu"
    ours = {"f1": ActiveBinding(None, Binding("f1", "help", "Palīdzība", id="app.help"), True)}
    assert in_language(ours)["f1"].binding.description == "Palīdzība"  # desk's own: translated by id elsewhere


async def _no_matches_text(pilot, app) -> str:
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(app.screen, DeskCommandPalette)
    await type_text(pilot, "qqzzxx")
    await pilot.pause(0.8)
    await settle(pilot)
    options = app.screen.query_one(CommandList)
    texts = [str(options.get_option_at_index(i).prompt.renderable) for i in range(options.option_count)]
    await pilot.press("escape")
    await settle(pilot)
    return " ".join(texts)


async def test_the_palette_says_no_matches_in_latvian_then_in_english(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        assert "Nav atbilstību" in await _no_matches_text(pilot, app)
        await pilot.press("f9")
        await settle(pilot)
        assert "No matches found" in await _no_matches_text(pilot, app)


async def test_the_theme_picker_and_the_keys_panel_speak_latvian(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        app.search_themes()
        await settle(pilot)
        assert app.screen.query_one("#--input Input").placeholder == "Meklēt tēmu…"
        await pilot.press("escape")
        await settle(pilot)
        descriptions = {a.binding.description for a in app.screen.active_bindings.values()}
        assert "Iepriekšējais lauks" in descriptions and "Focus Previous" not in descriptions  # Screen's shift+tab
        assert "Kursors uz leju" in descriptions or "Izvēlēties" in descriptions  # the focused table's own


async def test_f8_for_an_asylum_officer_says_why_in_their_language(ui_store):
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "asylum")
        screen = app.screen
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is screen  # no statistics screen
        said = [n.message for n in app._notifications]
        assert any("Statistika (F8) ir vadītājiem" in m for m in said), said
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert any("Statistics (F8) are for supervisors" in n.message for n in app._notifications)
        footer_keys = {a.binding.key for a in app.screen.active_bindings.values() if a.binding.show}
        assert "f8" not in footer_keys  # the footer does not offer what the role may not do


async def test_f7_for_an_administrator_says_why_and_a_supervisor_gets_statistics(ui_store):
    from screens.stats import StatsScreen

    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "administrator")  # no case kinds: no day's report of their own
        await pilot.press("f7")
        await settle(pilot)
        assert any("Dienas pārskats (F7)" in n.message for n in app._notifications)
    app = DeskApp(store=ui_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await log_in(pilot, "supervisor")
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert not any("F8" in n.message for n in app._notifications)

