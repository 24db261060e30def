"""Where the officer goes next: messages a screen posts and ``DeskApp`` handles; the app owns navigation.

A screen never imports a sibling screen just to push it. The worklist, a case's file or a person's file
posts ``CaseWanted(case_id)``; the message bubbles from the screen to the app, and the app pushes the case
file. The same for ``PersonWanted`` and ``SearchWanted`` (whose ``then`` receives what the officer picked
in the search, as the search screen dismisses with it). A screen that saved a case posts
``CaseChanged(case_id)``; the app hands it to every screen on the stack that has a ``case_changed(case_id)``
method (the worklist re-reads the rows it holds). So the screens import only what is below them
(dialogs, the form, widgets, this module) and ``screens.app`` is the one module that imports the screens;
tests/test_layers.py and the import-linter contracts in pyproject.toml hold that.
"""
from __future__ import annotations

from typing import Callable

from textual.message import Message

Found = tuple[str, int | str]
"""What the search screen dismisses with: ``("case", case_id)`` or ``("person", person_id)``."""


class CaseWanted(Message):
    """The officer chose a case: its file should open."""

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id


class PersonWanted(Message):
    """The officer chose a person: their file should open."""

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id


class SearchWanted(Message):
    """The officer asked for the search; ``then`` gets the pick (None on escape), else the pick opens."""

    def __init__(self, then: Callable[[Found | None], None] | None = None) -> None:
        super().__init__()
        self.then = then


class CaseChanged(Message):
    """A case was saved (an action, a note): the screens that show it should read it again."""

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id

