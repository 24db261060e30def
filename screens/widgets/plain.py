"""Stored text is data, never markup: the one place where the screens' text widgets are made.

A person named ``Test[/bold]`` or an officer called ``[/]`` must show as typed, not be parsed as Rich or
Textual markup (which raises ``MarkupError`` and takes the app down for everyone who opens the screen).
Textual parses markup in ``Static``/``Label`` content, ``DataTable`` string cells and column labels,
``OptionList`` string prompts, notifications and the command palette's prompts, help and highlight.
Every screen takes these widgets from here (tests/ui/test_hostile_text.py checks the imports), so markup
is off at the widget, whatever string a caller passes; text that wants a style builds a ``rich.text.Text``
with ``plain()`` / ``styled()``.
"""
from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable as _DataTable
from textual.widgets import Label as _Label
from textual.widgets import OptionList as _OptionList
from textual.widgets import Static as _Static
from textual.widgets.option_list import Option as _Option

__all__ = ["plain", "styled", "highlight", "Static", "Label", "DataTable", "OptionList", "Option"]


def plain(value, style: str = "") -> Text:
    """``value`` as literal text (never parsed as markup), optionally in one style."""
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value), style=style)


def styled(*parts) -> Text:
    """Literal pieces joined into one line: each part is a string or a (string, style) pair."""
    return Text.assemble(*((str(p[0]), p[1]) if isinstance(p, tuple) else str(p) for p in parts))


def _cell(value):
    return plain(value) if isinstance(value, str) else value


def highlight(matcher, candidate: str) -> Content:
    """The palette's fuzzy highlight of ``candidate`` without parsing it as markup (Textual's
    ``Matcher.highlight`` does)."""
    content = Content(candidate)
    if matcher is None:
        return content
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher._match_style, offset, offset + 1)
    return content


def palette_help(text: str) -> Content:
    return Content(text)


class Static(_Static):
    def __init__(self, content="", *, markup: bool = False, **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


class Label(_Label):
    def __init__(self, content="", *, markup: bool = False, **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


class OptionList(_OptionList):
    def __init__(self, *content, markup: bool = False, **kwargs) -> None:
        super().__init__(*content, markup=False, **kwargs)


class Option(_Option):
    def __init__(self, prompt, id: str | None = None, disabled: bool = False) -> None:
        super().__init__(_cell(prompt), id=id, disabled=disabled)


class DataTable(_DataTable):
    """A DataTable whose string cells and column labels are literal text."""

    def add_column(self, label, *, width=None, key=None, default=None):
        return super().add_column(_cell(label), width=width, key=key, default=default)

    def add_columns(self, *labels):
        return [self.add_column(label) for label in labels]

    def add_row(self, *cells, height=1, key=None, label=None):
        return super().add_row(*(_cell(c) for c in cells), height=height, key=key,
                               label=_cell(label) if label is not None else None)

    def add_rows(self, rows: Iterable[Iterable]):
        return [self.add_row(*row) for row in rows]

    def update_cell(self, row_key, column_key, value, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)

    def update_cell_at(self, coordinate, value, *, update_width: bool = False) -> None:
        super().update_cell_at(coordinate, _cell(value), update_width=update_width)
