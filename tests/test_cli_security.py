"""The command line never shows a traceback or personal data (issue 15, points 1 and 9)."""
from __future__ import annotations


from desk.cli import main

SECRET = "Bērziņš Jānis 010190-12345"


def test_an_unexpected_error_is_one_line_with_an_incident_id(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))

    def boom(args):
        person = SECRET  # noqa: F841 - a local a traceback would print
        raise RuntimeError(f"cannot export {SECRET}")

    monkeypatch.setattr("desk.commands.audit.audit_verify", boom)
    assert main(["audit", "verify", "--db", str(tmp_path / "x.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "incidents" in err and "Traceback" not in err
    assert "Bērziņš" not in err and "010190" not in err
    body = (tmp_path / "logs" / "incidents.log").read_text()
    assert "RuntimeError" in body and "Bērziņš" not in body and "010190" not in body


# --- point 9: bad arguments never show a traceback ------------------------------------------------

import io  # noqa: E402

import pytest  # noqa: E402

from tests.conftest import PASSWORD  # noqa: E402


def _stdin(monkeypatch, *lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))


@pytest.fixture
def cli_store(tmp_path, monkeypatch):
    """A store made by desk init with a supervisor 'sup' (password PASSWORD in DESK_PASSWORD)."""
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))
    db = str(tmp_path / "s.db")
    _stdin(monkeypatch, "first-admin-pass")
    assert main(["init", "--db", db, "--password-stdin"]) == 0
    # a supervisor as desk init makes its administrator (bootstrap): the CLI's own grant flow, a second
    # person's confirmation and the forced password change, is tested in tests/test_separation.py
    from desk.services import auth
    from desk.store import open_store

    store = open_store(db)
    with store.uow() as uow:
        auth.create_officer(uow, None, username="sup", full_name="Sup Visor", office_code="RIG-CEN",
                            roles="supervisor", password=PASSWORD, bootstrap=True)
    store.dispose()
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    return db


def _one_line_refusal(capsys, argv, *, expect: str | None = None) -> str:
    capsys.readouterr()
    code = main(argv)
    err = capsys.readouterr().err
    assert code not in (0, None), (argv, err)
    assert err.count("\n") == 1 and err.startswith("desk: ") and "Traceback" not in err, (argv, err)
    assert "incidents" not in err, (argv, err)  # a known bad input has its own sentence, not an incident
    if expect:
        assert expect in err, (argv, err)
    return err


CASES = [  # (what, argv with {db} for the good store and {tmp} for the test's folder, words expected)
    ("invalid UTF-8 in a query", ["find", "Ber\udcffzins", "--officer", "sup", "--db", "{db}"], "UTF-8"),
    ("invalid UTF-8 in --officer", ["find", "x", "--officer", "s\udcffup", "--db", "{db}"], "UTF-8"),
    ("date 0001-01-01", ["report", "--date", "0001-01-01", "--output", "-", "--officer", "sup", "--db", "{db}"],
     "0001-01-01"),
    ("date 9999-12-31", ["report", "--date", "9999-12-31", "--output", "{tmp}/r.json", "--officer", "sup",
                         "--db", "{db}"], "9999-12-31"),
    ("--db a text file", ["audit", "verify", "--db", "{tmp}/notes.txt"], "nav desk datu krātuve"),
    ("--db /etc/passwd", ["audit", "verify", "--db", "/etc/passwd"], "nav desk datu krātuve"),
    ("--db a directory", ["audit", "verify", "--db", "{tmp}"], "nav desk datu krātuve"),
    ("--db foo://", ["audit", "verify", "--db", "foo://"], "--db"),
    ("--db read-only", ["find", "x", "--officer", "sup", "--db", "sqlite:///file:{db}?mode=ro&uri=true"],
     "tikai lasāma"),
    ("--db mistyped", ["audit", "verify", "--db", "{tmp}/typo.db"], "desk init"),
    ("backup /proc/x.db", ["backup", "/proc/x.db", "--officer", "sup", "--db", "{db}"], None),
    ("seed --years 5000", ["seed", "--persons", "10", "--years", "5000", "--db", "{tmp}/seed.db"], "--years"),
]


@pytest.mark.parametrize("what,argv,expect", CASES, ids=[c[0] for c in CASES])
def test_bad_arguments_give_one_line_and_a_non_zero_exit(cli_store, tmp_path, capsys, what, argv, expect):
    (tmp_path / "notes.txt").write_text("not a store\n")
    argv = [a.format(db=cli_store, tmp=tmp_path) for a in argv]
    _one_line_refusal(capsys, argv, expect=expect)
    assert not (tmp_path / "typo.db").exists() and not (tmp_path / "seed.db").exists()
    assert (tmp_path / "notes.txt").read_text() == "not a store\n"


def test_invalid_utf8_in_desk_password(cli_store, monkeypatch, capsys):
    monkeypatch.setenv("DESK_PASSWORD", "demo\udcffpass")
    _one_line_refusal(capsys, ["find", "x", "--officer", "sup", "--db", cli_store], expect="UTF-8")


def test_a_json_lone_surrogate_in_an_import_line_is_refused(cli_store, tmp_path, capsys):
    line = ('{"kind": "asylum", "person": {"surname": "Ahmadi", "given_names": "Fa\\ud800rid", '
            '"date_of_birth": "1990-03-12", "sex": "M", "citizenship": "AFG"}, '
            '"case": {"lodged_on": "2026-03-02", "registered_on": "2026-03-03"}}\n')
    path = tmp_path / "bad.jsonl"
    path.write_text(line)
    capsys.readouterr()
    assert main(["import", str(path), "--officer", "sup", "--db", cli_store]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "incidents" not in err and "given_names" in err


def test_only_desk_init_creates_a_store(tmp_path, monkeypatch, capsys):
    typo = tmp_path / "desk-typo.db"
    for argv in (["audit", "verify"], ["find", "x", "--officer", "admin"], ["reindex"], ["user", "list"]):
        _one_line_refusal(capsys, argv + ["--db", str(typo)], expect="desk init")
        assert not typo.exists()
    _stdin(monkeypatch, "first-admin-pass")
    assert main(["init", "--db", str(typo), "--password-stdin"]) == 0 and typo.exists()


@pytest.mark.pg
def test_over_long_username_and_full_name_on_postgresql(pg_url, monkeypatch, capsys):
    _stdin(monkeypatch, "first-admin-pass")
    assert main(["init", "--db", pg_url, "--password-stdin"]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    for username, name in (("u" * 41, "Long Username"), ("longname", "N" * 121)):
        _stdin(monkeypatch, PASSWORD)
        _one_line_refusal(capsys, ["user", "add", username, "--name", name, "--office", "RIG-CEN", "--roles",
                                   "asylum", "--officer", "admin", "--password-stdin", "--db", pg_url])
    _stdin(monkeypatch, "first-admin-pass")
    _one_line_refusal(capsys, ["find", "x", "--officer", "a" * 200, "--db", pg_url])


def test_the_store_and_its_new_directory_are_the_owners_alone(tmp_path, monkeypatch):
    """Point 7: whatever the umask, desk init makes a 0700 directory and a 0600 store (and SQLite's
    -wal/-shm files follow the store's mode)."""
    import os

    old = os.umask(0o000)
    try:
        db = tmp_path / "office" / "desk.db"
        _stdin(monkeypatch, "first-admin-pass")
        assert main(["init", "--db", str(db), "--password-stdin"]) == 0
    finally:
        os.umask(old)
    assert (db.parent.stat().st_mode & 0o777) == 0o700
    for f in db.parent.iterdir():
        assert (f.stat().st_mode & 0o777) == 0o600, f.name


def test_a_report_export_is_the_owners_alone(sqlite_store, sqlite_actors, tmp_path):
    """Point 7: whatever the umask, an exported report (it names persons) is 0600."""
    import os

    from desk.services import report

    old = os.umask(0o000)
    try:
        out = tmp_path / "day.json"
        with sqlite_store.uow() as uow:
            actor = sqlite_actors["supervisor"]
            rep = report.daily_report(uow, actor, uow.clock.today())
            report.export(uow, actor, rep, "json", out, lang="lv")
    finally:
        os.umask(old)
    assert (out.stat().st_mode & 0o777) == 0o600


def test_an_unmasked_export_says_so_in_its_name_and_first_line(sqlite_store, sqlite_actors, tmp_path):
    """Point 7: personal codes in full are named in the file's name (-UNMASKED) and its first line, in
    every format; a masked export is as before (the goldens hold it byte for byte)."""
    import json
    import zipfile

    from desk.services import report

    actor = sqlite_actors["supervisor"]
    for fmt in ("csv", "json", "html", "xlsx"):
        with sqlite_store.uow() as uow:
            rep = report.daily_report(uow, actor, uow.clock.today(), show_personal_codes=True)
            report.export(uow, actor, rep, fmt, tmp_path / f"day.{fmt}", lang="en")
            masked = report.daily_report(uow, actor, uow.clock.today())
            report.export(uow, actor, masked, fmt, tmp_path / f"masked.{fmt}", lang="en")
        written = tmp_path / f"day-UNMASKED.{fmt}"
        assert written.exists() and not (tmp_path / f"day.{fmt}").exists(), fmt
        assert (written.stat().st_mode & 0o777) == 0o600
        assert report.export_target(rep, tmp_path / f"day.{fmt}") == written
        assert (tmp_path / f"masked.{fmt}").exists()
        if fmt == "xlsx":
            with zipfile.ZipFile(written) as z:
                assert "UNMASKED" in z.read("xl/workbook.xml").decode().split("<sheet ")[1]  # the first sheet
            with zipfile.ZipFile(tmp_path / "masked.xlsx") as z:
                assert "UNMASKED" not in z.read("xl/workbook.xml").decode()
            continue
        first = written.read_text(encoding="utf-8-sig").splitlines()[0]
        if fmt == "json":
            data = json.loads(written.read_text(encoding="utf-8"))
            assert next(iter(data)) == "unmasked" and data["unmasked"].startswith("UNMASKED")
        else:
            assert "UNMASKED" in first, (fmt, first)
        assert "UNMASKED" not in (tmp_path / f"masked.{fmt}").read_text(encoding="utf-8-sig"), fmt
    # a name that says so already is kept
    assert report.export_target(rep, tmp_path / "UNMASKED-codes.csv").name == "UNMASKED-codes.csv"


def test_a_backup_and_a_restored_store_are_the_owners_alone(sqlite_store, sqlite_actors, tmp_path):
    import os

    from desk.services import auth, backup

    old = os.umask(0o000)
    try:
        copy = backup.backup(sqlite_store, tmp_path / "new-dir" / "b.db", sqlite_actors["administrator"]).path
        for actor in sqlite_actors.values():
            with sqlite_store.uow() as uow:
                auth.logout(uow, actor, checkpoint=False)
        restored = tmp_path / "restored" / "desk.db"
        backup.restore(f"sqlite:///{restored}", copy, "admin", PASSWORD)
    finally:
        os.umask(old)
    assert (copy.parent.stat().st_mode & 0o777) == 0o700 and (copy.stat().st_mode & 0o777) == 0o600
    assert (restored.parent.stat().st_mode & 0o777) == 0o700
    assert (restored.stat().st_mode & 0o777) == 0o600
