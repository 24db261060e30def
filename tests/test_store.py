"""The store on SQLite and PostgreSQL: migrations, the unit of work, the optimistic lock."""
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.errors import ConflictError
from desk.i18n import t_in
from desk.services import casecore
from desk.store import StoreTooNew, current_revision, head_revision, open_store, table_names
from models import Case, Person
from tests.conftest import statements_sent


def test_migration_builds_every_table_from_empty(store_url):
    store = open_store(store_url)  # not the store fixture: that one starts from a migrated template
    try:
        names = set(table_names(store.engine))
        assert {"person", "case_file", "dublin_request", "deadline", "audit_entry", "alembic_version"} <= names
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()


def test_reopening_is_idempotent(store_url):
    first = open_store(store_url)
    first.dispose()
    again = open_store(store_url)
    assert current_revision(again.engine) == head_revision()
    again.dispose()


def test_store_newer_than_program_is_refused(store_url):
    s = open_store(store_url)
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    s.dispose()
    with pytest.raises(StoreTooNew) as info:
        open_store(store_url)
    assert "9999_from_the_future" in info.value.message()


def test_sqlite_pragmas(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000  # officers wait for each other


def test_unit_of_work_rolls_back_on_error(store, actors):
    with pytest.raises(RuntimeError):
        with store.uow() as uow:
            uow.session.add(Person(surname="Ozola", given_names="Anna", surname_folded="ozola",
                                   given_folded="anna", citizenship="LVA"))
            uow.session.flush()
            raise RuntimeError("power cut")
    with store.reader() as uow:
        assert uow.session.exec(select(Person).where(Person.surname == "Ozola")).first() is None


def _add_ozola(uow):
    uow.session.add(Person(surname="Ozola", given_names="Anna", surname_folded="ozola", given_folded="anna",
                           citizenship="LVA", date_of_birth=date(1990, 1, 2)))


def test_lookup_reads_committed_rows_with_question_mark_placeholders(store, actors):
    with store.uow() as uow:
        _add_ozola(uow)
    with store.lookup() as look:
        rows = look.rows("SELECT surname, date_of_birth FROM person WHERE surname = ? AND date_of_birth = ?",
                         ("Ozola", date(1990, 1, 2)))
    assert [r[0] for r in rows] == ["Ozola"]


def test_lookup_cannot_write(store, actors):
    """A lookup's connection is read-only: a write through it is refused and leaves nothing behind; the
    store goes on serving lookups and writers."""
    with pytest.raises(Exception, match="(?i)read.?only"):
        with store.lookup() as look:
            look.rows("INSERT INTO person (surname, given_names, surname_folded, given_folded, sex, citizenship, "
                      "created_at, version) VALUES ('Ozola', 'Anna', 'ozola', 'anna', 'X', 'LVA', "
                      "'2026-11-22 10:00:00+00:00', 1)")
    with store.uow() as uow:
        assert uow.session.exec(select(Person).where(Person.surname == "Ozola")).first() is None
        _add_ozola(uow)
    with store.lookup() as look:
        assert look.rows("SELECT count(*) FROM person WHERE surname = ?", ("Ozola",)) == [(1,)]


def test_lookup_after_a_failed_statement_leaves_the_pool_usable(store, actors):
    with pytest.raises(Exception):
        with store.lookup() as look:
            look.rows("SELECT no_such_column FROM person")
    for _ in range(8):
        with store.lookup() as look:
            assert look.rows("SELECT count(*) FROM person")[0][0] >= 0
    with store.uow() as uow:
        _add_ozola(uow)
    with store.lookup() as first, store.lookup() as second:  # two at once (screen and palette): two connections
        assert first.rows("SELECT count(*) FROM person") == second.rows("SELECT count(*) FROM person") == [(1,)]


def test_unit_of_work_rows_sees_its_own_unsaved_changes(store, actors):
    with store.uow() as uow:
        _add_ozola(uow)  # not flushed yet
        assert uow.rows("SELECT count(*) FROM person WHERE surname = ?", ("Ozola",))[0][0] == 1
        with store.lookup() as look:  # another connection: not committed, not seen
            assert look.rows("SELECT count(*) FROM person WHERE surname = ?", ("Ozola",))[0][0] == 0


def test_unit_of_work_commits_on_success(store, actors):
    with store.uow() as uow:
        uow.session.add(Person(surname="Ozola", given_names="Anna", surname_folded="ozola",
                               given_folded="anna", citizenship="LVA"))
    with store.reader() as uow:
        assert uow.session.exec(select(Person).where(Person.surname == "Ozola")).first() is not None


def test_foreign_keys_are_enforced(store):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with store.uow() as uow:
            uow.session.add(Person(surname="X", given_names="Y", surname_folded="x", given_folded="y",
                                   citizenship="ZZZ"))


def _a_case(store, actor):
    with store.uow() as uow:
        p = Person(surname="Petrovs", given_names="Ivans", surname_folded="petrovs", given_folded="ivans",
                   citizenship="RUS")
        uow.session.add(p)
        uow.session.flush()
        case = casecore.open_case(uow, actor, kind="asylum", person_id=p.id, status="lodged",
                                  opened_on=date(2026, 11, 2))
        return case.id, case.version, case.number


@pytest.mark.parametrize("upsert", [True, False], ids=["one upsert", "an SQLite before 3.35: the session"])
def test_case_numbers_per_kind_and_year_are_never_reused(store, actors, monkeypatch, upsert):
    monkeypatch.setattr(casecore, "_SQLITE_UPSERT_RETURNING", upsert)
    a = actors["asylum"]
    numbers = [_a_case(store, a)[2] for _ in range(3)]
    assert numbers == ["PAT-2026-000001", "PAT-2026-000002", "PAT-2026-000003"]
    with pytest.raises(RuntimeError):
        with store.uow() as uow:
            casecore.next_number(uow, "asylum", 2026)
            raise RuntimeError("abandoned")
    assert _a_case(store, a)[2] == "PAT-2026-000004"


def test_stale_save_is_refused_with_who_and_when(store, actors, fixed_clock):
    first, second = actors["asylum"], actors["asylum2"]
    case_id, version, _ = _a_case(store, first)
    with store.uow() as uow:  # officer 2 saves first
        casecore.touch(uow, second, casecore.get_case(uow, case_id), version)
    with pytest.raises(ConflictError) as info:
        with store.uow() as uow:  # officer 1 saves with the version they loaded
            casecore.touch(uow, first, casecore.get_case(uow, case_id), version)
    msg = info.value.message()  # the same day: the time in Riga only (issue 14 point 10)
    assert msg == "Lietu mainīja Otra Patvēruma plkst. 10:00 — pārlādējiet, lai redzētu izmaiņas."
    assert t_in("en", info.value.key, **info.value.params) == (
        "Changed by Otra Patvēruma at 10:00 — reload to see the change.")
    assert info.value.changed_at.strftime("%d.%m.%Y %H:%M") == "22.11.2026 10:00"
    fixed_clock.advance(days=1, minutes=5)
    with pytest.raises(ConflictError) as info:
        with store.uow() as uow:  # a day later the day is named too
            casecore.touch(uow, first, casecore.get_case(uow, case_id), version)
    assert t_in("en", info.value.key, **info.value.params) == (
        "Changed by Otra Patvēruma on 22.11.2026 at 10:00 — reload to see the change.")
    with store.reader() as uow:
        assert uow.session.get(Case, case_id).version == version + 1


@pytest.mark.pg
def test_lookup_survives_a_postgresql_backend_that_went_away(pg_url, caplog):
    """The search screen keeps its lookup connection between keystrokes; when the server drops it (a
    restart, an idle timeout) the next lookup opens a new one instead of failing."""
    from sqlalchemy import create_engine

    from tests.conftest import PG_URL

    store = open_store(pg_url)
    try:
        with store.lookup() as look:
            pid = look.rows("SELECT pg_backend_pid()")[0][0]
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar() is True
        admin.dispose()
        with store.lookup() as look:
            assert look.rows("SELECT count(*) FROM person") == [(0,)]
            assert look.rows("SELECT pg_backend_pid()")[0][0] != pid
        assert "broken" in caplog.text
    finally:
        store.dispose()


def _rows_per_table(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {name: conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar()
                for name in table_names(store.engine) if name != "alembic_version"}


def test_a_service_raising_after_a_flush_leaves_nothing_behind(store, actors, fixed_clock):
    """Commit on a clean exit (desk/store.py, UnitOfWork): a person registered, a case registered and
    accepted, all flushed and visible inside the transaction, then a stale save refused; every table is
    as it was, the case number is not spent and no audit entry remains."""
    from desk.services import casework, persons

    officer = actors["asylum"]
    before = _rows_per_table(store)
    with pytest.raises(ConflictError):
        with store.uow() as uow:
            pid = persons.register_person(uow, officer, {"surname": "Ozola", "given_names": "Anna",
                                                          "date_of_birth": "1990-01-02", "citizenship": "UKR"})
            case_id = casework.register(uow, officer, "asylum", {"person_id": str(pid), "made_on": "2026-10-30",
                                                                 "registered_on": "2026-11-02",
                                                                 "lodged_on": "2026-11-03",
                                                                 "application_type": "first"})
            version = uow.session.get(Case, case_id).version
            casework.perform(uow, officer, case_id, "accept_for_examination", {"accepted_on": "2026-11-04"},
                             version)
            uow.flush()
            assert uow.rows("SELECT count(*) FROM deadline WHERE case_id = ?", (case_id,))[0][0] > 0
            assert uow.rows("SELECT count(*) FROM audit_entry")[0][0] >= before["audit_entry"] + 3
            casework.perform(uow, officer, case_id, "hold_interview", {"interview_on": "2026-11-20"},
                             version)  # the version before the acceptance: someone else's save, as it looks
    assert _rows_per_table(store) == before
    with store.uow() as uow:
        assert casecore.next_number(uow, "asylum", 2026)[0] == "PAT-2026-000001"


def test_migration_0017_sessions_goes_down_and_up_again(store_url):
    """0017 (officer sessions, role grants, the forced password change) can be undone and redone on both
    backends, with officers in the store."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from desk.services import auth
    from desk.store import _alembic_config
    from seed.reference import load_reference

    store = open_store(store_url)
    with store.uow() as uow:
        load_reference(uow.session)
        auth.create_officer(uow, None, username="admin", full_name="Admin", office_code="RIG-CEN",
                            roles="administrator", password="long-enough-1", bootstrap=True)
    with store.uow() as uow:
        auth.login(uow, "admin", "long-enough-1")
    store.dispose()
    engine = create_engine(store_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0016")
        names = set(inspect(engine).get_table_names())
        assert not {"officer_session", "role_grant"} & names
        assert "must_change_password" not in {c["name"] for c in inspect(engine).get_columns("officer")}
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "0017")
        assert {"officer_session", "role_grant"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    store = open_store(store_url)
    try:
        with store.uow() as uow:
            assert auth.login(uow, "admin", "long-enough-1").token
    finally:
        store.dispose()


def test_the_head_read_off_the_file_names_is_alembics_head():
    """Opening an up-to-date store compares its revision with ``head_revision`` (the newest migration file's
    number) and imports no Alembic; that shortcut holds only while the files' numbers are the revision ids
    of one linear chain."""
    from desk.store import alembic_head

    assert head_revision() == alembic_head()


def test_opening_an_up_to_date_store_imports_no_alembic(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "desk.db"
    open_store(db).dispose()
    code = (f"import sys\nfrom desk.store import open_store\nopen_store({str(db)!r}).dispose()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(p for p in sys.path if p)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_object_added_now_is_one_insert_and_is_in_the_session_as_stored(store, actors):
    """Issue 17: ``add_now`` writes a new object with one INSERT, no flush or savepoint of the session's,
    and puts it in the session as read: no SELECT when it is asked for again. The model's own listener
    ran (a person's name forms); a column given None is left to the store's default, and reads it."""
    def person(**extra):
        return Person(surname="Ivanovs", given_names="Olegs", surname_folded="ivanovs", given_folded="olegs",
                      citizenship="LVA", **extra)

    with statements_sent(store) as sent, store.uow() as uow:
        added = person()
        uow.add_now(added)
        assert uow.session.get(Person, added.id) is added
        assert "ivanov" in added.name_forms.split()  # models.people._keep_name_forms ran
    assert [s.split(" (")[0] for s in sent if "person" in s] == ["INSERT INTO person"]
    with store.uow() as uow:
        defaulted = person(also_known_as=None)  # the column's server default: ''
        uow.add_now(defaulted)
        assert defaulted.also_known_as == ""
    with store.reader() as uow:
        stored = uow.session.get(Person, added.id)
        assert (stored.version, stored.name_forms, stored.surname) == (1, added.name_forms, "Ivanovs")


def test_a_row_added_under_a_savepoint_leaves_the_session_with_its_rollback(store, actors):
    """An import chunk's savepoint rolled back (a bad line in it) takes the objects added in it out of the
    session with their rows, as a flushed insert's are: the line imported again gets the same id without
    'another instance with key ... is already present'."""
    def ozola():
        return Person(surname="Ozola", given_names="Anna", surname_folded="ozola", given_folded="anna",
                      citizenship="LVA")

    with store.uow() as uow:
        savepoint = uow.session.begin_nested()
        first = ozola()
        uow.add_now(first)
        savepoint.rollback()
        assert first not in uow.session
        again = ozola()
        uow.add_now(again)
        assert uow.session.get(Person, again.id) is again
        assert uow.rows("SELECT count(*) FROM person WHERE surname = ?", ("Ozola",))[0][0] == 1


@pytest.mark.parametrize("taken", ["personal code", "document"])
def test_a_registration_the_unique_indexes_refuse_leaves_no_row_and_a_usable_unit(store, actors, taken):
    """Issue 16's unique indexes, without a savepoint (issue 17): a second person with a taken personal
    code or document is refused by ``ON CONFLICT DO NOTHING``; nothing of them stays (not the person of
    a refused document), no SAVEPOINT is sent, and the same unit of work reads and writes on (PostgreSQL
    would have aborted it after a failed INSERT)."""
    from desk.errors import ValidationError
    from desk.services import persons

    officer = actors["reception"]
    first = {"surname": "Hassan", "given_names": "Amina", "date_of_birth": "1991-03-14", "citizenship": "SYR",
             "personal_code": "140391-11128", "document_number": "N01234567", "document_country": "SYR"}
    second = {"surname": "Other", "given_names": "Name", "citizenship": "SYR", "date_of_birth": "1980-01-01"}
    if taken == "personal code":
        second.update(personal_code=first["personal_code"], date_of_birth=first["date_of_birth"])
    else:
        second.update(document_number=first["document_number"], document_country="SYR")
    with store.uow() as uow:
        persons.register_person(uow, officer, first)
    before = _rows_per_table(store)
    with statements_sent(store) as sent, store.uow() as uow:
        with pytest.raises(ValidationError) as refused:
            # the duplicate check is passed by (allow_duplicate): the index alone must hold
            persons.register_person(uow, officer, second, allow_duplicate=True)
        assert refused.value.key == "person.code_or_document_taken"
        assert uow.rows("SELECT count(*) FROM person WHERE surname = ?", ("Other",))[0][0] == 0
        third = persons.register_person(uow, officer, {"surname": "Third", "given_names": "One",
                                                       "citizenship": "SYR", "date_of_birth": "1970-01-01"})
    assert not [s for s in sent if s.upper().startswith(("SAVEPOINT", "RELEASE"))]
    after = _rows_per_table(store)
    assert after["person"] == before["person"] + 1 and after["identity_document"] == before["identity_document"]
    with store.reader() as uow:
        assert uow.session.get(Person, third).surname == "Third"
        index = ("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'other'" if uow.dialect == "sqlite" else
                 "SELECT count(*) FROM person_search WHERE names @@ to_tsquery('simple', 'other')")
        assert uow.rows(index)[0][0] == 0  # nor in the search index


def test_an_objects_changes_saved_now_are_one_update_of_those_columns_and_nothing_more(store, actors):
    """Issue 17: ``save_now`` writes what changed on an object with one UPDATE by its key, and the object
    is then clean: the commit sends no second UPDATE of it. Unchanged, it sends nothing. The model's
    ``before_update`` listener ran (a person's name forms follow a new surname)."""
    with store.uow() as uow:
        person = Person(surname="Ozola", given_names="Anna", surname_folded="ozola", given_folded="anna",
                        citizenship="LVA")
        uow.add_now(person)
        pid = person.id
    with statements_sent(store) as sent, store.uow() as uow:
        person = uow.session.get(Person, pid)
        uow.save_now(person)  # nothing changed
        person.surname, person.surname_folded = "Ivanovs", "ivanovs"
        uow.save_now(person)
        assert not uow.session.is_modified(person)
    updates = [s for s in sent if s.startswith("UPDATE person")]
    assert len(updates) == 1 and "given_names" not in updates[0]
    with store.reader() as uow:
        stored = uow.session.get(Person, pid)
        assert stored.surname == "Ivanovs" and "ivanov" in stored.name_forms.split()
