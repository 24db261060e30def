"""The command line: desk init, desk user ..., officers named and audited (issue 4)."""
import io

import pytest

from desk.cli import main
from desk.services import audit
from desk.store import open_store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def _stdin(monkeypatch, *lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))


def test_init_creates_the_first_administrator_once(db, monkeypatch, capsys):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    _stdin(monkeypatch, "first-admin-pass")
    assert main(["init", "--db", db, "--password-stdin"]) == 0
    _stdin(monkeypatch, "another-pass-1")
    assert main(["init", "--db", db, "--password-stdin"]) == 1
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    capsys.readouterr()
    assert main(["user", "list", "--db", db, "--officer", "admin"]) == 0
    assert "administrator" in capsys.readouterr().out


def test_user_add_disable_and_refusals(db, monkeypatch, capsys):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    _stdin(monkeypatch, "first-admin-pass")
    main(["init", "--db", db, "--password-stdin"])
    _stdin(monkeypatch, "first-admin-pass", "officer-pass-1")
    assert main(["user", "add", "liga", "--name", "Līga Kalniņa", "--office", "LIE", "--roles", "residence",
                 "--officer", "admin", "--password-stdin", "--db", db]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "officer-pass-1")
    capsys.readouterr()
    assert main(["user", "list", "--db", db, "--officer", "liga", "--lang", "en"]) == 2  # the admin chose it
    assert "change-password" in capsys.readouterr().err
    _stdin(monkeypatch, "liga-own-pass-1")
    assert main(["user", "change-password", "--db", db, "--officer", "liga", "--password-stdin"]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "liga-own-pass-1")
    assert main(["user", "list", "--db", db, "--officer", "liga", "--lang", "en"]) == 2  # not an administrator
    assert "does not allow" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "first-admin-pass")
    assert main(["user", "disable", "liga", "--db", db, "--officer", "admin"]) == 0
    monkeypatch.setenv("DESK_PASSWORD", "liga-own-pass-1")
    assert main(["user", "list", "--db", db, "--officer", "liga"]) == 2  # disabled: cannot log in
    store = open_store(db)
    with store.reader() as uow:
        actions = [e.action for e in audit.entries(uow, newest_first=False, limit=100)]
        assert audit.verify_chain(uow).ok
    store.dispose()
    assert "officer.create" in actions and "officer.disable" in actions and "refused" in actions


def test_cli_without_officer_is_refused(db, monkeypatch, capsys):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    _stdin(monkeypatch, "first-admin-pass")
    main(["init", "--db", db, "--password-stdin"])
    assert main(["user", "list", "--db", db]) == 2
    assert "--officer" in capsys.readouterr().err


def _loaded_in_a_fresh_interpreter(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules whose names start with one of ``prefixes`` once ``code`` ran in a new interpreter."""
    import json
    import subprocess
    import sys

    probe = (f"import sys, json; {code}; "
             f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_building_the_command_line_imports_no_orm_and_no_screens():
    """Every ``desk`` command builds the whole parser first: if a command module imports the services'
    read models at the top, ``desk report`` pays for SQLAlchemy, SQLModel and every table before it has
    parsed its arguments (issue 17). Measured in a fresh interpreter."""
    assert _loaded_in_a_fresh_interpreter("from desk.cli import build_parser; build_parser()", (
        "sqlalchemy", "sqlmodel", "models", "alembic", "textual", "screens")) == []


def test_the_report_loads_no_case_kind_module():
    """``desk report`` reads of each kind only its detail table, where its decision is recorded and its
    final statuses (desk.services.decisions). Loading the kind modules as well (their forms, actions,
    registration checks, the persons and search services behind them) cost 0.15-0.2 s of the report's
    whole process (issue 17: within 1 s). Measured in a fresh interpreter."""
    assert _loaded_in_a_fresh_interpreter("import desk.services.report", (
        "desk.services.kinds", "desk.services.casework", "desk.services.persons", "desk.services.search",
        "rapidfuzz")) == []


def test_importing_the_models_builds_no_validator_of_a_table():
    """Pydantic built a validator and a serializer for each of the 27 tables as the classes were made: a
    quarter of importing the models, which every desk command and the first screen wait for, for
    validators desk never runs (issue 17). They are built when first used (models.base.Table); a
    ``model_dump`` still gives every column. Measured in a fresh interpreter."""
    import json
    import subprocess
    import sys

    probe = ("import json, models; tables = [m for m in vars(models).values() if getattr(m, '__table__', None) "
             "is not None]; print(json.dumps([len(tables), sorted({type(m.__pydantic_validator__).__name__ "
             "for m in tables}), sorted(models.Person(surname='A', given_names='B', surname_folded='a', "
             "given_folded='b', citizenship='LVA').model_dump())[:3]]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    count, validators, dumped = json.loads(done.stdout.strip().splitlines()[-1])
    assert count >= 20 and validators == ["MockValSer"]
    assert dumped == ["also_known_as", "citizenship", "created_at"]


def test_the_models_load_no_postgresql_dialect():
    """On a SQLite store nothing needs SQLAlchemy's PostgreSQL dialect: an Index declared with
    postgresql_where made SQLAlchemy load it (and its asyncpg module) into every desk process, 25-100 ms
    of each command (issue 17). The partial unique index is migration 0013's. Measured in a fresh
    interpreter."""
    assert _loaded_in_a_fresh_interpreter("import models, desk.services.report, desk.services.casework",
                                          ("sqlalchemy.dialects.postgresql",)) == []


def test_the_desk_program_holds_the_collector_off_until_its_store_is_open(tmp_path):
    """Issue 17: collecting among the objects the imports make (SQLAlchemy, SQLModel, the models) found
    next to nothing and cost ``desk report`` 120-140 ms of full collections. The program holds the cyclic
    collector off while it loads and turns it on, with what it loaded frozen, once the command has its
    store - so the command's own work (an import of a whole file) is collected as usual. Seen from a real
    ``desk init`` process."""
    import subprocess
    import sys

    probe = ("import gc, sys; import desk.store as store; real = store.open_store\n"
             "def spy(*a, **k):\n"
             "    print('loading: collector on', gc.isenabled())\n"
             "    opened = real(*a, **k)\n"
             "    return opened\n"
             "store.open_store = spy\n"
             "import desk.services.auth as auth; real_create = auth.create_officer\n"
             "def create(*a, **k):\n"
             "    print('working: collector on', gc.isenabled(), 'frozen', gc.get_freeze_count() > 10000)\n"
             "    return real_create(*a, **k)\n"
             "auth.create_officer = create\n"
             f"sys.argv = ['desk', 'init', '--db', {str(tmp_path / 'new.db')!r}, '--admin', 'admin', "
             "'--password-stdin']\n"
             "from desk.cli import entry; sys.exit(entry())\n")
    done = subprocess.run([sys.executable, "-c", probe], input="a-long-passphrase-1\n", capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-800:]
    assert "loading: collector on False" in done.stdout
    assert "working: collector on True frozen True" in done.stdout


def test_the_collector_is_left_alone_in_process():
    """``main`` called in-process (the tests, a shell) never touches the collector: only the program
    holds it, so settling is nothing here."""
    import gc

    from desk import collector

    before = gc.get_freeze_count()
    collector.settle()
    assert gc.isenabled() and not collector.held() and gc.get_freeze_count() == before


def test_the_desk_program_freezes_what_it_made_before_the_interpreter_exits():
    """Issue 17: the interpreter's last garbage collections at exit walked everything SQLAlchemy, the
    models and the screens had made - 0.15-0.25 s of ``desk report`` after its work was done. The
    installed ``desk`` (and ``python -m desk.cli``) runs ``entry``, which freezes them out of the
    collector once the command is done; atexit handlers still run. Seen from a real process."""
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    scripts = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["desk"] == "desk.cli:entry"
    probe = ("import atexit, gc, sys; from desk.cli import entry; "
             "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0)); "
             "sys.argv = ['desk', 'rules', '--help']; entry()")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and "usage" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "frozen True"
