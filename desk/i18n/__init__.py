"""Two languages for every word on screen.

The catalogue is the union of the ``MESSAGES`` dicts of every ``*_catalog`` module in this package
(one per area, so areas can grow independently); each entry maps a key to ``{"lv": ..., "en": ...}``.
Latvian is the default; ``DESK_LANG=en`` or ``--lang en`` switches. A test fails if any entry lacks
either language or if code asks for a key that is not in the catalogue.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
from datetime import date, datetime
from functools import lru_cache

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"

_language = os.environ.get("DESK_LANG", DEFAULT_LANGUAGE) if os.environ.get("DESK_LANG") in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.endswith("_catalog"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in module.MESSAGES.items():
            if key in merged and merged[key] != entry:
                raise RuntimeError(f"catalogue key {key!r} defined twice with different text ({info.name})")
            merged[key] = entry
    return merged


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _language = lang


def get_language() -> str:
    return _language


def _officers_dates(params: dict) -> dict:
    """A day in a message reads as officers write it, DD.MM.YYYY (issue 14 point 11); a string, such as
    what the officer typed, is quoted as it is."""
    return {name: value.strftime("%d.%m.%Y") if isinstance(value, date) and not isinstance(value, datetime)
            else value for name, value in params.items()}


def t(key: str, /, **params) -> str:
    """The text of ``key`` in the current language, with ``params`` filled in."""
    return t_in(_language, key, **params)


def t_in(lang: str, key: str, /, **params) -> str:
    """The text of ``key`` in ``lang`` (whatever the current language is), with ``params`` filled in:
    for the domain's own texts (a report, a letter), whose language is a parameter, not a global."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    entry = catalogue().get(key)
    if entry is None:
        return f"[{key}]"
    text = entry.get(lang) or entry.get(DEFAULT_LANGUAGE) or key
    if params:
        try:
            return text.format(**_officers_dates(params))
        except (KeyError, IndexError, ValueError):
            return text
    return text


def plural_form(n: int, lang: str | None = None) -> int:
    """Which of a message's forms fits the count ``n`` (CLDR plural rules): Latvian has three, written
    ``one|other|zero`` (1, 21, 101 lieta; 2, 22 lietas; 0, 10, 11-19 lietu), English two, ``one|other``."""
    lang = lang or _language
    n = abs(int(n))
    if lang == "lv":
        if n % 10 == 0 or 11 <= n % 100 <= 19:
            return 2
        return 0 if n % 10 == 1 and n % 100 != 11 else 1
    return 0 if n == 1 else 1


def tn(key: str, n: int, /, **params) -> str:
    """``t`` for a message about a count: the entry holds its forms separated by ``|`` (see plural_form);
    ``n`` is passed to the text as ``{n}`` unless ``params`` names it otherwise."""
    entry = catalogue().get(key)
    if entry is None:
        return f"[{key}]"
    forms = (entry.get(_language) or entry.get(DEFAULT_LANGUAGE) or key).split("|")
    text = forms[min(plural_form(n), len(forms) - 1)]
    try:
        return text.format(**{"n": n, **_officers_dates(params)})
    except (KeyError, IndexError, ValueError):
        return text


def has(key: str) -> bool:
    return key in catalogue()


def label(prefix: str, value: str | None) -> str:
    """A stored code shown as a word: ``label("status.dublin", "sent")``; unknown codes show as they are."""
    return label_in(_language, prefix, value)


def label_in(lang: str, prefix: str, value: str | None) -> str:
    """``label`` in ``lang``, whatever the current language is."""
    if value is None:
        return ""
    key = f"{prefix}.{value}"
    return t_in(lang, key) if key in catalogue() else str(value)
