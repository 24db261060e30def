"""The officer's settings file (issue 18 point 1): ``config.toml`` in the user's configuration directory
(``desk config path`` prints where; ``DESK_CONFIG_FILE`` names another). Every entry is optional::

    language = "en"            # lv (the default) or en; --lang and DESK_LANG win over it
    theme = "textual-light"    # any theme of the app's theme switcher
    idle_minutes = 10          # the screen locks after this many idle minutes (DESK_IDLE_LOCK_MINUTES wins)

    [keys]                     # key bindings by their id (F1 lists the ids); several keys with commas
    "app.palette" = "ctrl+k"   # e.g. when tmux takes ctrl+p
    "home.filter" = "f,ctrl+f"

A bad entry (an unknown name, a wrong type, a key that is no key) is reported when desk starts, one line
each in the officer's language, and ignored: the rest of the file still applies, and a broken file never
keeps desk from starting. Nothing here is secret, and nothing is written back.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desk.i18n import LANGUAGES

FILE_NAME = "config.toml"
MAX_IDLE_MINUTES = 8 * 60  # a shift
_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super)\+)*(?:[a-z0-9]|f[0-9]{1,2}|[a-z_]{2,20})$")
_KNOWN = ("language", "theme", "idle_minutes", "keys")


@dataclass(frozen=True)
class Problem:
    """One bad entry: a catalogue key and what fills it (never a value from the file longer than 40)."""

    key: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    language: str | None = None
    theme: str | None = None
    idle_minutes: float | None = None
    keys: dict[str, str] = field(default_factory=dict)


def settings_path() -> Path:
    env = os.environ.get("DESK_CONFIG_FILE")
    if env:
        return Path(env)
    from platformdirs import user_config_dir  # only when asked: the command line stays light

    return Path(user_config_dir("desk", appauthor=False)) / FILE_NAME


def _short(value) -> str:
    return str(value)[:40]


def load(path: Path | None = None, *, binding_ids: Callable[[], frozenset[str]] | None = None,
         themes: frozenset[str] = frozenset()) -> tuple[Settings, list[Problem]]:
    """The settings and the problems found (a missing file is no problem: nothing is set). ``themes`` and
    what ``binding_ids()`` returns, when given, are what the app has: other themes and ids are reported.
    ``binding_ids`` is called only for a file that rebinds keys (it imports every screen to find them:
    nothing a start without a [keys] table should pay for)."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError):
        return Settings(), [Problem("settings.unreadable", {"path": str(path)})]
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [Problem("settings.not_toml", {"path": str(path), "where": _short(exc)})]
    problems = [Problem("settings.unknown_entry", {"name": _short(name)}) for name in data if name not in _KNOWN]
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        problems.append(Problem("settings.bad_language", {"value": _short(language), "choices": ", ".join(LANGUAGES)}))
        language = None
    theme = data.get("theme")
    if theme is not None and (not isinstance(theme, str) or (themes and theme not in themes)):
        problems.append(Problem("settings.bad_theme", {"value": _short(theme)}))
        theme = None
    idle = data.get("idle_minutes")
    if idle is not None and (isinstance(idle, bool) or not isinstance(idle, (int, float))
                             or not 0 < idle <= MAX_IDLE_MINUTES):
        problems.append(Problem("settings.bad_idle", {"value": _short(idle), "max": MAX_IDLE_MINUTES}))
        idle = None
    keys: dict[str, str] = {}
    table = data.get("keys", {})
    if not isinstance(table, dict):
        problems.append(Problem("settings.keys_not_table"))
        table = {}
    known = binding_ids() if (table and binding_ids is not None) else frozenset()
    for binding_id, keys_text in table.items():
        if known and binding_id not in known:
            problems.append(Problem("settings.unknown_binding", {"id": _short(binding_id)}))
            continue
        wanted = [k.strip().lower() for k in keys_text.split(",")] if isinstance(keys_text, str) else []
        if not wanted or not all(_KEY.match(k) for k in wanted):
            problems.append(Problem("settings.bad_key", {"id": _short(binding_id), "value": _short(keys_text)}))
            continue
        keys[binding_id] = ",".join(wanted)
    return Settings(language, theme, float(idle) if idle is not None else None, keys), problems
