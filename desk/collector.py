"""The cyclic garbage collector while the desk program starts (issue 17).

A command or the app starts by importing SQLAlchemy, SQLModel, pydantic, the models (and Textual for the
app): some 140,000 objects that live as long as the process. Collecting among them while they are being
made finds next to nothing (about 600 unreachable objects by the time the store is open) and cost
``desk report`` 120-140 ms of its 0.7 s: its full collections walked the whole growing heap, each
taking 40-100 ms on the reference machine. So the desk program (``desk.cli.entry``) holds the collector
off (``hold``) until it has settled (``settle``): the store is open (``desk.commands.common.open_from_args``,
``desk serve``), or the app's first screen is drawn (``screens.app``). Then what was made is frozen out of
the collector's sight (``gc.freeze``) and the collector is turned on: the work that follows is collected
as usual, without walking the program's own modules again and again.

In-process callers (the tests, a Python shell) never hold the collector, and ``settle`` is then nothing.
"""
from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """No cyclic collection while the program loads (called once, first thing, by ``desk.cli.entry``)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def settle() -> None:
    """The program has loaded what it lives with: freeze it out of the collector and turn the collector on.
    Nothing if the collector was not held (or has settled already)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def held() -> bool:
    return _held
