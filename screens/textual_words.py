"""Textual's own words in the officer's language (issue 18 point 3).

Textual draws a few words of its own: the descriptions of its widgets' key bindings (the footer shows
"esc Dismiss menu" under an open Select, the keys panel lists every binding of the focused widget:
"Move cursor left", "Focus Next"...), the command palette's "No matches found" and the theme picker's
placeholder. desk translates them the Textual way where Textual has a public hook:

- bindings: ``Screen.active_bindings`` (the one list the footer and the keys panel read) is overridden by
  ``OwnWords``, a mixin of every desk screen and of desk's command palette: a binding of Textual's own (it
  has no desk id) is shown with the catalogue's ``ui.textual.<slug of its English text>``. A binding
  Textual adds later has no entry: tests/ui/test_textual_words.py lists them all and fails;
- the palette's and the theme picker's placeholders: ``CommandPalette(placeholder=...)`` (screens.app);
- "No matches found" has no hook: Textual writes it inside ``CommandPalette._start_no_matches_countdown``.
  ``DeskCommandPalette`` overrides that one method with the same body and desk's words. It is the only
  override of a Textual internal in desk; tests/ui/test_textual_words.py pins the source of the method it
  replaces and fails when Textual changes it, so the copy is checked again.
"""
from __future__ import annotations

import dataclasses
import re

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option  # its prompt here is a rich Text of catalogue words, never markup

from desk.i18n import has, t

TEXTUAL_PREFIX = "ui.textual"


def textual_key(description: str) -> str:
    """The catalogue key of a Textual binding's English description: ``Focus Next`` -> ui.textual.focus_next."""
    return f"{TEXTUAL_PREFIX}.{re.sub(r'[^a-z0-9]+', '_', description.lower()).strip('_')}"


def in_language(active: dict) -> dict:
    """``Screen.active_bindings`` with Textual's own bindings described in the current language (desk's
    bindings carry an id and are translated by screens.base.translate_bindings)."""
    out = {}
    for key, active_binding in active.items():
        binding = active_binding.binding
        if not binding.id and binding.description:
            catalogue_key = textual_key(binding.description)
            if has(catalogue_key):
                active_binding = active_binding._replace(
                    binding=dataclasses.replace(binding, description=t(catalogue_key), tooltip=""), tooltip="")
        out[key] = active_binding
    return out


class OwnWords:
    """Mixin for a Screen: the footer and the keys panel read Textual's bindings in the officer's language."""

    @property
    def active_bindings(self):
        return in_language(super().active_bindings)


class DeskCommandPalette(OwnWords, CommandPalette):
    """Textual's command palette, every word of it in the officer's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2's CommandPalette._start_no_matches_countdown, with desk's words for "No matches found"
        # (the source it copies is pinned by tests/ui/test_textual_words.py)
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                command_list = self.query_one(CommandList)
                command_list.add_option(
                    Option(
                        Align.center(Text(t("ui.textual_ui.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN,
            _show_no_matches,
        )
