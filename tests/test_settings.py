"""The officer's settings file (issue 18 point 1): language, theme, idle lock and key bindings by id; a bad
entry is reported, one line each, and ignored, while the rest applies."""
from __future__ import annotations

import pytest

from desk import settings
from desk.cli import main
from desk.i18n import set_language, t
from screens.app import binding_ids

P = pytest.param


def _load(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return settings.load(path, binding_ids=binding_ids, themes=frozenset({"textual-dark", "textual-light"}))


@pytest.mark.parametrize("text, problem", [
    P('language = "de"', "settings.bad_language", id="an unknown language"),
    P('theme = "purple"', "settings.bad_theme", id="an unknown theme"),
    P("idle_minutes = 0", "settings.bad_idle", id="no idle lock at all"),
    P('idle_minutes = "ten"', "settings.bad_idle", id="idle minutes in words"),
    P('colour = "red"', "settings.unknown_entry", id="an entry desk does not know"),
    P('[keys]\n"app.nothing" = "ctrl+k"', "settings.unknown_binding", id="a binding id that does not exist"),
    P('[keys]\n"app.search" = "ctrl+k+banana!"', "settings.bad_key", id="not a key"),
    P('keys = "ctrl+k"', "settings.keys_not_table", id="keys not a table"),
    P("language = ", "settings.not_toml", id="not TOML at all"),
])
def test_a_bad_entry_is_reported_and_the_rest_applies(tmp_path, text, problem):
    idle_row = problem == "settings.bad_idle"
    good = 'theme = "textual-light"' if idle_row else "idle_minutes = 5"
    found, problems = _load(tmp_path, f"{good}\n{text}\n")
    assert [p.key for p in problems] == [problem]
    if problem != "settings.not_toml":  # the good entry still applies
        assert (found.theme == "textual-light") if idle_row else (found.idle_minutes == 5)
    set_language("en")
    assert not t(problems[0].key, **problems[0].params).startswith("[settings.")  # each has its sentence


def test_good_settings_are_read(tmp_path):
    found, problems = _load(tmp_path, 'language = "en"\ntheme = "textual-light"\nidle_minutes = 10\n'
                                      '[keys]\n"app.search" = "ctrl+k, f3"\n')
    assert problems == []
    assert (found.language, found.theme, found.idle_minutes, found.keys) == (
        "en", "textual-light", 10.0, {"app.search": "ctrl+k,f3"})


def test_no_settings_file_is_no_problem(tmp_path):
    assert settings.load(tmp_path / "missing.toml") == (settings.Settings(), [])


def test_desk_config_path_and_check(tmp_path, monkeypatch, capsys):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("DESK_CONFIG_FILE", str(path))
    assert main(["config", "path"]) == 0 and capsys.readouterr().out.strip() == str(path)
    path.write_text('[keys]\n"app.nothing" = "x"\n', encoding="utf-8")
    assert main(["--lang", "en", "config", "check"]) == 1
    assert "app.nothing" in capsys.readouterr().err
