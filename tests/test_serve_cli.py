"""``desk serve`` without a browser: which command each session runs, the warning off localhost, a missing store
said before serving (the browser itself: tests/web/test_serve_browser.py)."""
from __future__ import annotations

import shlex
import sys

import pytest

from desk import cli
from desk.commands import serve
from desk.i18n import set_language, t


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True),
                                         ("localhost", True), ("0.0.0.0", False), ("::", False),
                                         ("192.168.1.20", False), ("desk.pmlp.lan", False)])
def test_only_loopback_counts_as_this_machine(host, local):
    assert serve.is_local(host) is local


def test_each_session_runs_desk_itself_on_the_same_store_one_argument_however_the_path_reads(tmp_path):
    db = str(tmp_path / "a store's \"dir\"" / "demo.db")
    command, environment = serve.session_command(demo=True, db=db)
    assert shlex.split(command) == [sys.executable, "-m", "desk.cli", "demo", "--lang", "lv", "--db", db]
    assert environment == {}
    set_language("en")
    command, _ = serve.session_command(demo=False, db=db)
    assert shlex.split(command)[3:6] == ["run", "--lang", "en"]


def test_a_database_url_reaches_the_sessions_through_the_environment_not_the_process_list():
    url = "postgresql+psycopg://desk:secret@db.lan/desk"
    command, environment = serve.session_command(demo=False, db=url)
    assert "secret" not in command and environment == {"DESK_DATABASE_URL": url}


@pytest.fixture
def no_serving(monkeypatch):
    """run_serve up to the point where it would listen: the command it would serve is kept."""
    served = []

    class Server:
        def __init__(self, command):
            self.command = command

        def serve(self):
            served.append(self.command)

    monkeypatch.setattr(serve, "make_server", lambda command, **_: Server(command))
    monkeypatch.setattr(serve, "_check_store", lambda db, demo: None)
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    return served


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_listening_beyond_this_machine_is_warned_in_the_officers_language(no_serving, capsys, lang, tmp_path):
    db = str(tmp_path / "desk.db")
    assert cli.main(["--lang", lang, "serve", "--db", db, "--host", "0.0.0.0", "--port", "8123"]) == 0
    set_language(lang)
    assert f"desk: {t('serve.exposed', host='0.0.0.0', port=8123)}" in capsys.readouterr().err
    assert shlex.split(no_serving[-1])[-2:] == ["--db", db]


def test_localhost_is_served_without_a_warning(no_serving, capsys, tmp_path):
    assert cli.main(["serve", "--db", str(tmp_path / "desk.db")]) == 0
    assert capsys.readouterr().err == ""
    assert no_serving


def test_a_store_that_is_not_there_is_said_before_anything_is_served(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(serve, "make_server", lambda *a, **k: pytest.fail("served a missing store"))
    assert cli.main(["serve", "--db", str(tmp_path / "missing.db")]) != 0
    assert capsys.readouterr().err.startswith("desk: ")


def test_the_page_names_no_other_site():
    """textual-serve's page links Google Fonts; desk serves it without (the browser test checks what it fetches)."""
    from pathlib import Path

    import textual_serve

    page = (Path(textual_serve.__file__).parent / "templates" / "app_index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" in page  # if textual-serve drops the link, this test and the filter can go
    served = serve.page_without_outside_requests(page)
    assert "googleapis" not in served and "https://" not in served
